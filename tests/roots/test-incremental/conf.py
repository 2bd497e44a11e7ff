project = "Incremental test"
author = "Chronicle tests"
copyright = "2026, Chronicle tests"
version = release = "1"
extensions = ["myst_parser", "chronicle", "newsbib"]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "news"
exclude_patterns = ["_build"]
