"""Sphinx configuration of the Eastern Qalamoun site."""

import os

project = "Eastern Qalamoun, April 2018"
author = "The Eastern Qalamoun history contributors"
copyright = "2026, the Eastern Qalamoun history contributors (CC BY-SA 4.0)"
language = "en"

extensions = [
    "myst_parser",
    "sphinxcontrib.bibtex",
    "newsbib",
    "chronicle",
    "infobox",
    "opmap",
    "scholarmeta",
    "sitechrome",
    "pdfedition",
    "rawguard",  # raw HTML or LaTeX in a page is an error, and left out
    "sitechecks",  # only registers sitechecks_uncited, read by nox -s citecheck
]

root_doc = "index"
# _root/ holds the static page at the top of the published site (it sends a reader to en/ or
# es/); nox -s docs copies it, Sphinx must not read it.
exclude_patterns = ["_build", "_root", "locales", "Thumbs.db", ".DS_Store"]
nitpicky = True

# -- Translations (nox -s translations; see docs/locales/README.md) ----------
# Each language is a separate build: sphinx-build -D language=es ... html/es/.
locale_dirs = ["locales/"]
# One catalog per page, so a translator can work page by page and a change to one page
# touches one file.
gettext_compact = False
# Stable catalogs: no random UUIDs and no "#: file:line" comments, so regenerating the
# .pot files after an edit changes only the messages whose text changed, and diffs of the
# committed .po files stay readable.
gettext_uuid = False
gettext_location = False
# The site's name in each language (window titles, the sidebar, "cite this page"). It is
# chosen once -D language=xx is known, so it is applied in setup() below.
site_titles = {"en": project, "es": "Qalamoun oriental, abril de 2018"}
# The author line and footer in each language (applied with the title, below).
site_authors = {
    "en": (author, copyright),
    "es": (
        "los colaboradores de la historia de Qalamoun oriental",
        "2026, los colaboradores de la historia de Qalamoun oriental (CC BY-SA 4.0)",
    ),
}

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

bibtex_bibfiles = ["../references.bib"]
bibtex_default_style = "news"
bibtex_reference_style = "label"
# Stable anchors, so a link to a source survives a rebuild: references.html#source-KEY.
bibtex_cite_id = "source-{key}"

# -- Checks (nox -s citecheck, nox -s linkcheck) -------------------------------
# Bibliography entries kept although no page cites them: {key: reason}.
sitechecks_uncited = {}
# News sites are slow and rate-limit robots: retry a failure before calling it broken, and
# wait out a 429 (Sphinx honours Retry-After; without it, back off up to two minutes).
linkcheck_retries = 3
linkcheck_timeout = 30
linkcheck_rate_limit_timeout = 120.0

html_title = "Eastern Qalamoun, April 2018"
html_static_path = ["_static"]
html_last_updated_fmt = None

# -- Reader experience: theme, downloads, no outside requests ---------------
html_theme = "sphinx_book_theme"
html_sidebars = {
    "**": [
        "navbar-logo.html",
        "search-button-field.html",
        "sbt-sidebar-nav.html",
        "languages.html",
        "downloads.html",
    ]
}
# The public address is not known yet: the repository and edit buttons appear only when the
# build is told where the repository lives (never guess an address).
repository_url = os.environ.get("QALAMOUN_REPOSITORY_URL", "")
html_theme_options = {
    "path_to_docs": "docs",
    "repository_branch": "main",
    "use_download_button": True,
    "use_fullscreen_button": True,
    # Every asset is served from the site itself: no analytics, no outside icons or fonts.
    "analytics": {},
    "icon_links": [],
    "navigation_with_keys": False,
    # "Cite this page" (scholarmeta) under every page's text.
    "article_footer_items": ["cite-this-page.html"],
}
if repository_url:
    html_theme_options |= {
        "repository_url": repository_url,
        "use_repository_button": True,
        "use_edit_page_button": True,
        "use_source_button": True,
    }
    # Needed when the host is not github.com, gitlab.com or bitbucket.org ("gitlab", ...).
    if os.environ.get("QALAMOUN_REPOSITORY_PROVIDER"):
        html_theme_options["repository_provider"] = os.environ["QALAMOUN_REPOSITORY_PROVIDER"]
html_favicon = "_static/favicon.svg"
# The theme's colour-mode script logs an error unless a default mode is given.
html_context = {"default_mode": "auto"}
# Sidebar: the same page in each language, and the PDF and data downloads (sitechrome).
sitechrome_languages = [("en", "English"), ("es", "Español")]
sitechrome_pdf = "../pdf/qalamoun-{language}.pdf"
# The ePub edition beside it (pdfedition; nox -s epub writes html/epub/).
pdf_epub_href = "../epub/qalamoun-{language}.epub"
sitechrome_data = ["_data/events.json", "_data/convoys.csv", "_data/reported.json"]
# MathJax would load from a CDN; the site has no maths, and pointing it at a local path
# keeps a stray formula from adding an outside request.
mathjax_path = "mathjax/unavailable.js"

# -- Scholarly metadata ------------------------------------------------------
# The canonical address (og:url, the sitemap, the BibTeX `url`) is set only when known.
html_baseurl = os.environ.get("QALAMOUN_BASEURL", "")
# One BibTeX key per page in every language (the site title is translated).
scholarmeta_key_prefix = "qalamoun"

# -- PDF edition (LaTeX builder, xelatex; nox -s pdf) ------------------------
# One PDF per language: docs/_build/html/pdf/qalamoun-{language}.pdf. The settings that
# depend on the build language (file name, PDF metadata, title page, date format) are
# filled in by the pdfedition extension once `-D language=xx` is known; Sphinx itself picks
# polyglossia's language (hyphenation, "Contents", "Bibliography") from `language`.
latex_engine = "xelatex"
# The bibliography prints each source's address in full; other outside links get their
# address in a footnote, so a printed copy loses nothing (a link whose text is already the
# address gets no footnote).
latex_show_urls = "footnote"
latex_table_style = ["booktabs", "colorrows"]
latex_domain_indices = False
latex_use_xindy = False
latex_documents = [(root_doc, f"qalamoun-{language}.tex", project, author, "manual")]
latex_elements = {
    "papersize": "a4paper",
    "pointsize": "11pt",
    # Read on screen as much as printed: no blank left-hand pages before chapters.
    "extraclassoptions": "openany,oneside",
    # Fonts that Debian ships (tex-gyre, fonts-freefont-otf); all cover Latin, arrows, dashes.
    "fontpkg": (
        "\\setmainfont{TeX Gyre Pagella}\n"
        "\\setsansfont{TeX Gyre Heros}[Scale=MatchLowercase]\n"
        "\\setmonofont{FreeMono}[Scale=MatchLowercase]\n"
    ),
    "fncychap": "\\usepackage[Sonny]{fncychap}",
    "sphinxsetup": "hmargin={2.2cm,2.2cm}, vmargin={2.5cm,2.5cm}, "
    # Links in calm colours that print as dark grey: blue inside the book, slate outside.
    "InnerLinkColor={rgb}{0.1,0.25,0.5}, OuterLinkColor={rgb}{0.2,0.3,0.4}",
    "makeindex": "",
    "printindex": "",
    # The opening pages before the first chapter carry no running head ("Contents").
    "tableofcontents": "\\sphinxtableofcontents\n\\markboth{}{}",
    # xurl: long source addresses may break at any character, not only at a slash.
    "extrapackages": "\\usepackage{etoolbox}\n\\usepackage{xurl}",
    "preamble": (
        # Narrow columns and long addresses: ragged right, not stretched word gaps. (A table
        # cell is a varwidth box that resets the paragraph shape; its paragraphs start with
        # \sphinxAtStartPar.)
        "\\AtBeginEnvironment{varwidth}{\\appto\\sphinxAtStartPar{\\raggedright}}\n"
        "\\AtBeginEnvironment{sphinxthebibliography}{\\raggedright}\n"
        # Smaller type and narrower gaps in the long tables (timeline, convoys, figures);
        # their column widths are proportions of the line width, set by the chronicle.
        "\\makeatletter\n"
        "\\g@addto@macro\\sphinxatlongtablestart{\\small\\setlength{\\tabcolsep}{4pt}}\n"
        "\\makeatother\n"
    ),
}
# Pages of the site left out of the PDF: the guide for contributors is about the repository.
pdf_leave_out = ["contributing"]
# Words of the PDF that are not in the pages themselves, per language (English otherwise).
pdf_words = {
    "en": {
        "subtitle": "A sourced history of the offensive and the evacuation",
        "licence": "This work is licensed under the Creative Commons Attribution-ShareAlike "
        "4.0 International licence (CC\u00a0BY-SA\u00a04.0).",
        "keywords": "Syria, Eastern Qalamoun, Dumayr, evacuation, 2018",
        "date": "%-d %B %Y",
        # The home page's "How to read this site", written for paper: a heading, then its
        # paragraphs; {page:NAME} is the page where the page NAME begins.
        "how_to_read": [
            "How to read this book",
            "Each statement carries a number in square brackets, such as [5]: the number of "
            "its source in the Bibliography at the end of the book, where each source is "
            "labelled with the kind of outlet it is (explained in The sources, page "
            "{page:sources}) and lists the pages that cite it. A page number in brackets "
            "after a reference to another part of the book, such as (p. 12), gives the page "
            "where that part is found.",
            "Dated records stand apart from the narrative: an event opens with its date, "
            "title and places in one line in bold; a figure that a source reported reads "
            "“what was counted: the figure [source]”; a convoy's facts stand in "
            "a small table. The Timeline (page {page:timeline}), the convoy table and the "
            "figures compared in Where the sources disagree (page {page:disagreements}) are "
            "not written by hand: they are built from these records.",
        ],
    },
    "es": {
        "subtitle": "Una historia documentada de la ofensiva y la evacuación",
        "licence": "Esta obra está bajo una licencia Creative Commons "
        "Atribución-CompartirIgual 4.0 Internacional (CC\u00a0BY-SA\u00a04.0).",
        "keywords": "Siria, Qalamoun oriental, Dumayr, evacuación, 2018",
        "date": "%-d de %B de %Y",
        "how_to_read": [
            "Cómo leer este libro",
            "Cada afirmación lleva un número entre corchetes, como [5]: el número de su "
            "fuente en la bibliografía del final del libro, donde cada fuente indica el "
            "tipo de medio que es (explicado en Las fuentes, página {page:sources}) y las "
            "páginas que la citan. Un número de página entre paréntesis tras una referencia "
            "a otra parte del libro, como (pág. 12), indica la página en que se encuentra.",
            "Los registros fechados se distinguen del relato: un suceso comienza con su "
            "fecha, su título y sus lugares en una línea en negrita; una cifra dada por una "
            "fuente se lee «qué se contó: la cifra [fuente]»; los datos de un "
            "convoy forman una tabla pequeña. La cronología (página {page:timeline}), la "
            "tabla de convoyes y las cifras comparadas en Dónde discrepan las fuentes "
            "(página {page:disagreements}) no se escriben a mano: se construyen a partir "
            "de estos registros.",
        ],
    },
}



def _site_title_in_language(app, config) -> None:
    language = config.language or "en"
    if language in site_titles:
        config.project = config.html_title = site_titles[language]
    if language in site_authors:
        config.author, config.copyright = site_authors[language]


def setup(app):
    app.connect("config-inited", _site_title_in_language)
