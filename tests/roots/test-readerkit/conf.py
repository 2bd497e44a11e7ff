project = "Reader kit test"
author = "Reader kit tests"
copyright = "2026, Reader kit tests"
version = release = "1"
extensions = ["myst_parser", "chronicle", "newsbib", "infobox", "opmap", "scholarmeta",
              "sitechrome"]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "news"
bibtex_reference_style = "label"
bibtex_cite_id = "source-{key}"
exclude_patterns = ["_build"]
sitechrome_languages = [("en", "English"), ("es", "Español")]
sitechrome_pdf = "../pdf/readerkit-{language}.pdf"
sitechrome_data = ["_data/convoys.csv"]
html_theme = "furo"
html_sidebars = {"**": ["sidebar/navigation.html", "languages.html", "downloads.html"]}
