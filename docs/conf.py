"""Sphinx configuration of the Eastern Qalamoun site."""

project = "Eastern Qalamoun, April 2018"
author = "The Eastern Qalamoun history contributors"
copyright = "2026, the Eastern Qalamoun history contributors (CC BY-SA 4.0)"
language = "en"

extensions = [
    "myst_parser",
    "sphinxcontrib.bibtex",
    "newsbib",
    "chronicle",
]

root_doc = "index"
exclude_patterns = ["_build", "locales", "Thumbs.db", ".DS_Store"]
nitpicky = True

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

bibtex_bibfiles = ["../references.bib"]
bibtex_default_style = "news"
bibtex_reference_style = "label"
# Stable anchors, so a link to a source survives a rebuild: references.html#source-KEY.
bibtex_cite_id = "source-{key}"

html_title = "Eastern Qalamoun, April 2018"
html_static_path = ["_static"]
html_last_updated_fmt = None
