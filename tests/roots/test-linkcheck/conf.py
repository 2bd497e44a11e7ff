# Addresses are written as @SERVER@; the test copies this project and puts the address of
# its local HTTP server (127.0.0.1, random port) in their place.
extensions = ["myst_parser", "sphinxcontrib.bibtex", "newsbib"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "news"
exclude_patterns = ["_build"]
