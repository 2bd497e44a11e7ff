"""A minimal project using sphinx-chronicle: ``pip install "sphinx-chronicle[myst]"``."""

project = "A minimal chronicle"
author = "Example author"
copyright = "2026, Example author"

# chronicle sets up sphinxcontrib-bibtex and sphinx-timeline itself; newsbib adds the
# "news" citation style; myst_parser reads the Markdown page.
extensions = ["myst_parser", "chronicle", "newsbib"]
myst_enable_extensions = ["colon_fence"]

bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "news"

exclude_patterns = ["_build"]
nitpicky = True
