project = "Chronicle edges"
author = "Chronicle tests"
copyright = "2026, Chronicle tests"
version = release = "1"
extensions = ["myst_parser", "chronicle", "newsbib"]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "news"
# Only ever included into convoys.md, never a page of its own.
exclude_patterns = ["_build", "included"]
