"""Sphinx configuration of the Eastern Qalamoun site."""

import os
import tomllib
from pathlib import Path

project = "Eastern Qalamoun, April 2018"
author = "The Eastern Qalamoun history contributors"
copyright = "2026, the Eastern Qalamoun history contributors (CC BY-SA 4.0)"
language = "en"
# The edition's version ("Cite this page"), the package's own.
release = version = tomllib.loads(
    (Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8")
)["project"]["version"]

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
    "sphinx_last_updated_by_git",
    "catalogcheck",  # a Spanish build warns at each untranslated or fuzzy catalog message
    "editions",  # the edition (git tag vYYYY.MM) on every page and the PDF; "What changed"
    "scholarmeta.jsonld",  # schema.org JSON-LD in every page: Article, Event, Dataset
]

root_doc = "index"
# _root/ holds the static page at the top of the published site (it sends a reader to en/ or
# es/); nox -s docs copies it, Sphinx must not read it.
exclude_patterns = ["_build", "_root", "locales", "Thumbs.db", ".DS_Store"]
nitpicky = True

# -- Editions (nox -s release; extensions/editions) ----------------------------
# The version and date come from the git tag (vYYYY.MM) through the editions extension;
# each edition's data is kept in _editions/<version>/ for the change log ("What changed").
exclude_patterns.append("_editions")

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
# What the catalog check (extensions/catalogcheck) tells a contributor to run for a message
# that a page's catalog lacks.
catalogcheck_refresh_command = "python3 dev.py translations"
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

# -- Reader experience: theme, downloads, no outside requests ---------------
# Furo: its CSS and script weigh 14 KiB gzipped where sphinx-book-theme's weighed 640 KiB
# (538 KiB of it Font Awesome), and its light and dark modes are built from CSS variables
# that our extensions' styles use too. Measured in README.md, "Page weight and Lighthouse".
html_theme = "furo"
html_sidebars = {
    "**": [
        "sidebar/brand.html",
        "sidebar/search.html",
        "sidebar/scroll-start.html",
        "sidebar/navigation.html",
        "languages.html",
        "downloads.html",
        "sidebar/scroll-end.html",
    ]
}
html_theme_options = {
    # The Spanish pages are built from the English sources and their catalogs: a "view
    # source" button would serve English. Repository buttons appear only when the build is
    # told where the repository lives (never guess an address).
    "top_of_page_buttons": [],
}
html_copy_source = False
html_show_sourcelink = False
# sitechrome's footer names the authors once and links the licences.
html_show_copyright = False
html_show_sphinx = False
# The site has no index entries: no empty Index page.
html_use_index = False
repository_url = os.environ.get("QALAMOUN_REPOSITORY_URL", "")
if repository_url:
    html_theme_options |= {
        "source_repository": repository_url.rstrip("/") + "/",
        "source_branch": "main",
        "source_directory": "docs/",
        "top_of_page_buttons": ["edit"],
    }
html_favicon = "_static/favicon.svg"
# "Last updated" (footer, "Cite this page") from each page's last commit
# (sphinx-last-updated-by-git), written in the page's language.
html_last_updated_fmt = "%-d %B %Y"
# Sidebar: the same page in each language, and the PDF and data downloads (sitechrome).
sitechrome_languages = [("en", "English"), ("es", "Español")]
sitechrome_pdf = "../pdf/qalamoun-{language}.pdf"
sitechrome_licence = ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/")
sitechrome_data = ["_data/events.json", "_data/convoys.csv", "_data/reported.json",
                   "_data/bibliography.csl.json", "_data/events-acled.csv"]
# The ePub edition beside it (pdfedition; nox -s epub writes html/epub/).
pdf_epub_href = "../epub/qalamoun-{language}.epub"
# MathJax would load from a CDN; the site has no maths, and pointing it at a local path
# keeps a stray formula from adding an outside request.
mathjax_path = "mathjax/unavailable.js"

# -- Scholarly metadata ------------------------------------------------------
# The canonical address (og:url, the sitemap, the BibTeX `url`) is set only when known.
# QALAMOUN_BASEURL is the published site's root; each language lives under it, <root>/en/,
# <root>/es/ (applied with the title, below, once the language is known).
site_root_url = os.environ.get("QALAMOUN_BASEURL", "")
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
        "edition": "Edition {version}",
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
        "edition": "Edición {version}",
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
    # Dates as the language writes them: "3 May 2026", "3 de mayo de 2026".
    config.html_last_updated_fmt = {"es": "%-d de %B de %Y"}.get(language, "%-d %B %Y")
    if site_root_url:
        config.html_baseurl = f"{site_root_url.rstrip('/')}/{language}/"


def setup(app):
    app.connect("config-inited", _site_title_in_language)
