project = "Raw guard test"
author = "Raw guard tests"
extensions = ["myst_parser", "rawguard"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
