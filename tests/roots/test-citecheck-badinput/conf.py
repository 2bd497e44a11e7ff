extensions = ["myst_parser", "sphinxcontrib.bibtex", "newsbib", "sitechecks"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "news"
exclude_patterns = ["_build"]

