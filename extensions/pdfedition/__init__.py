"""pdfedition: the PDF edition of the site, through Sphinx's LaTeX builder (xelatex).

docs/conf.py holds the settings that do not change between languages (``latex_engine``,
``latex_elements`` with the fonts and paper, ``latex_table_style`` ...) and ``pdf_words``,
the few words of the PDF that are not on any page (subtitle, licence line, keywords, date
format) per language. This extension fills in what depends on the build language once
``-D language=xx`` is known, and fixes two things in the single document that the LaTeX
builder assembles from all pages:

- the root page's toctree sits inside its last section ("How to read this site"), which
  would make every other page a sub-section of that one: it is moved up, so each page is
  a chapter of its own; the pages named in ``pdf_leave_out`` are dropped;
- ids of inlines (the citations that the bibliography's "Cited in" back-links point to)
  and of containers get a LaTeX label: the LaTeX writer writes none for them, so those
  links would point nowhere. An id that a target already labels (the chronicle places
  one before each record) is left alone.
"""

from __future__ import annotations

import datetime as dt
import re

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import texescape
from sphinx.util.i18n import format_date

__version__ = "0.1.0"

LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"

DEFAULT_WORDS = {
    "subtitle": "",
    "licence": "CC BY-SA 4.0",
    "keywords": "",
    "date": "%-d %B %Y",
    "edition": "Edition {version}",
}


def pdf_for_language(app, config) -> None:
    """The language-dependent LaTeX settings, for the language this build was given."""
    language = config.language or "en"
    words = {**DEFAULT_WORDS, **config.pdf_words.get("en", {}), **config.pdf_words.get(language, {})}
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


def _inside_included_page(node: nodes.Node) -> bool:
    return any(isinstance(parent, addnodes.start_of_file) for parent in _ancestors(node))


def _ancestors(node: nodes.Node):
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


class RootToctreeToTop(SphinxPostTransform):
    """Lift the pages included by the root page's toctree out of the section it sits in,
    and leave out the pages listed in ``pdf_leave_out``."""

    default_priority = 900
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        top = next((child for child in self.document.children if isinstance(child, nodes.section)), None)
        if top is None:
            return
        for wrapper in list(self.document.findall(nodes.compound)):
            if "toctree-wrapper" not in wrapper["classes"]:
                continue
            if not any(isinstance(child, addnodes.start_of_file) for child in wrapper.children):
                continue
            if _inside_included_page(wrapper) or wrapper.parent is top:
                continue
            # The section of the root page that holds the toctree, directly under `top`.
            holder = wrapper
            while holder.parent is not None and holder.parent is not top:
                holder = holder.parent
            if holder.parent is not top:
                continue
            wrapper.parent.remove(wrapper)
            top.insert(top.index(holder) + 1, wrapper)
        # Pages left out of the PDF (conf.py: pdf_leave_out).
        leave_out = set(self.config.pdf_leave_out)
        for page in list(self.document.findall(addnodes.start_of_file)):
            if page["docname"] in leave_out:
                page.parent.remove(page)


class IdLabels(SphinxPostTransform):
    """A LaTeX label for each id of a container or an inline (the LaTeX writer writes none).

    Containers are the chronicle's records; inlines are the citations in the text, which the
    bibliography's "Cited in" back-links point to.
    """

    default_priority = 900
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        # Ids that already have a label: a target just before the node that refers to it.
        labelled = {target["refid"] for target in self.document.findall(nodes.target)
                    if target.get("refid")}
        for node in list(self.document.findall(lambda n: isinstance(n, (nodes.container, nodes.inline)))):
            if not node["ids"] or labelled.intersection(node["ids"]):
                continue
            target = nodes.target("", "", ids=list(node["ids"]))
            node["ids"] = []
            if isinstance(node, nodes.container):
                node.insert(0, target)
            else:
                node.parent.insert(node.parent.index(node), target)


def setup(app):
    app.add_config_value("pdf_words", {}, "env", types=[dict])
    app.add_config_value("pdf_leave_out", [], "env", types=[list])
    app.connect("config-inited", pdf_for_language)
    app.add_post_transform(RootToctreeToTop)
    app.add_post_transform(IdLabels)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
