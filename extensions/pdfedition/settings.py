"""The settings of the PDF and ePub editions that depend on the build language.

docs/conf.py holds what does not change between languages and ``pdf_words``, the few words
of the PDF that are not on any page, per language. Everything here runs once ``-D
language=xx`` is known and after conf.py's own ``config-inited`` handler has put the
project's title and author in that language (``setup`` connects it late for that reason).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import time
from pathlib import Path

from sphinx.util import texescape
from sphinx.util.i18n import format_date

LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"
STYLE = Path(__file__).parent / "static" / "pdfedition.sty"

DEFAULT_WORDS = {
    "subtitle": "",
    "licence": "CC BY-SA 4.0",
    "keywords": "",
    "date": "%-d %B %Y",
    "edition": "Edition {version}",
}


def words_for(config) -> dict[str, str]:
    language = config.language or "en"
    return {**DEFAULT_WORDS, **config.pdf_words.get("en", {}), **config.pdf_words.get(language, {})}


def pdf_for_language(app, config) -> None:
    """The language-dependent LaTeX settings, for the language this build was given."""
    language = config.language or "en"
    words = words_for(config)
    # No title here: the LaTeX writer then takes the root page's title, which is the
    # project's title in the build language (its translation, once the catalogs have it).
    config.latex_documents = [
        (config.root_doc, f"qalamoun-{language}.tex", "", config.author, "manual")
    ]
    # The title page's date is Sphinx's `today`: a fixed `today` in conf.py makes a dated
    # edition; otherwise the build date (SOURCE_DATE_EPOCH when set, so that rebuilding the
    # same commit gives the same date), written in the build language.
    if not config.today_fmt:
        config.today_fmt = words["date"]
    # The edition (the editions extension fills `version` and `editions_date` from git): its
    # date is the title page's, its version is printed under it and in the metadata. Both are
    # kept to the characters a version and an ISO date have, so they need no LaTeX escaping.
    edition_date = getattr(config, "editions_date", "")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", edition_date or ""):
        edition_date = ""
    if edition_date and not config.today:
        config.today = format_date(
            config.today_fmt, date=dt.datetime.combine(dt.date.fromisoformat(edition_date), dt.time()),
            language=language)
    version = re.sub(r"[^0-9A-Za-z.+]", "", config.version or "")
    edition = words["edition"].format(version=version) if version else ""
    # The records, page references and scripts of the book (static/pdfedition.sty).
    if str(STYLE) not in config.latex_additional_files:
        config.latex_additional_files = [*config.latex_additional_files, str(STYLE)]
    # The escape tables are filled by texescape.init(), which the LaTeX builder calls only
    # later, when it starts; without it escape() returns its text unchanged and an author
    # such as "Smith & Jones_Lab 100%" stops xelatex.
    texescape.init()
    escape = texescape.escape
    author = escape(config.author)
    subtitle = escape(words["subtitle"])
    config.latex_elements = {
        **config.latex_elements,
        "preamble": "\n".join([
            config.latex_elements.get("preamble", ""),
            # The PDF's own metadata, in the build language.
            "\\hypersetup{pdfauthor={%s}, pdfsubject={%s}, pdfkeywords={%s}, pdflang={%s}}"
            % (author, subtitle, escape(words["keywords"]), language),
            "\\hypersetup{pdfinfo={Edition={%s}, EditionDate={%s}}}" % (version, edition_date)
            if version else "",
            "\\makeatletter",
            "\\newcommand{\\qalamountitle}{\\@title}",
            "\\newcommand{\\qalamoundate}{\\@date}",
            "\\makeatother",
        ]),
        "maketitle": "\n".join([
            "\\hypersetup{pdftitle={\\qalamountitle}}",
            "\\hypersetup{pageanchor=false}% the title page has no page number",
            "\\begin{titlepage}\\centering",
            "\\vspace*{0.18\\textheight}",
            "{\\sffamily\\bfseries\\Huge \\qalamountitle\\par}\\vspace{1.5em}",
            "{\\Large\\itshape %s\\par}\\vfill" % subtitle,
            "{\\Large %s\\par}\\vspace{1em}" % author,
            "{\\large \\qalamoundate\\par}%s\\vfill"
            % ("\\vspace{0.5em}{\\normalsize %s\\par}" % escape(edition) if edition else ""),
            "\\parbox{0.8\\textwidth}{\\centering\\small %s\\\\[0.5ex]\\url{%s}\\par}"
            % (escape(words["licence"]), LICENCE_URL),
            "\\end{titlepage}",
            "\\hypersetup{pageanchor=true}\\setcounter{footnote}{0}",
        ]),
    }


def epub_for_language(app, config) -> None:
    """The ePub's file name and metadata in the build language: qalamoun-<lang>.epub."""
    language = config.language or "en"
    words = words_for(config)
    config.epub_basename = f"qalamoun-{language}"
    config.epub_title = config.project
    config.epub_author = config.epub_publisher = config.epub_contributor = config.author
    config.epub_copyright = config.copyright
    config.epub_language = language
    config.epub_description = words["subtitle"] or config.project
    # A stable identifier per language. Sphinx writes epub_uid (an XML name) where the NCX
    # table of contents wants the identifier itself, so both are the same XML name.
    config.epub_uid = config.epub_identifier = f"qalamoun-{language}"
    config.epub_scheme = "URN"


def edition_for_epub(app) -> None:
    """The ePub records an edition (its ``ibooks:version``); Sphinx warns when ``version`` is
    empty. The build date stands for it, as on the PDF's title page, for the ePub only."""
    if app.builder.name != "epub" or app.config.version:
        return
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = time.gmtime(int(epoch)) if epoch and epoch.isdigit() else time.gmtime()
    app.config.version = time.strftime("%Y-%m-%d", moment)
