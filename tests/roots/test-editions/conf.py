project = "Editions test"
author = "Test contributors"
extensions = ["myst_parser", "editions"]
exclude_patterns = ["_build", "_editions"]
