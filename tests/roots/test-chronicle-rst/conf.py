project = "Chronicle in reStructuredText"
author = "Chronicle tests"
copyright = "2026, Chronicle tests"
version = release = "1"
# No MyST: every page is reStructuredText.
extensions = ["chronicle", "newsbib", "infobox"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "news"
exclude_patterns = ["_build", "locales"]
locale_dirs = ["locales"]
gettext_compact = False
