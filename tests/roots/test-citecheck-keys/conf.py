extensions = ["myst_parser", "sphinxcontrib.bibtex", "newsbib", "sitechecks"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "news"
exclude_patterns = ["_build"]
suppress_warnings = ["bibtex.key_not_found"]
sitechecks_uncited = {"gone": "An entry that was removed."}
