"""Put the metadata in every HTML page, and write the sitemap when the site's address is known."""

from __future__ import annotations

import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.util import logging

from .citation import Citation, source_commit
from .metadata import PageMetadata, build_time, citation_key, describe

_ = get_translation("scholarmeta")
logger = logging.getLogger(__name__)

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"


def page_url(app, pagename: str) -> str:
    base = app.config.html_baseurl
    if not base:
        return ""
    return base.rstrip("/") + "/" + app.builder.get_target_uri(pagename)


def add_templates_path(app, config) -> None:
    if str(TEMPLATES) not in config.templates_path:
        config.templates_path = [*config.templates_path, str(TEMPLATES)]


def add_html_assets(app) -> None:
    if app.builder.format == "html":
        app.config.html_static_path = [*app.config.html_static_path, str(STATIC)]
        app.add_css_file("scholarmeta.css")
        app.add_js_file("scholarmeta.js", loading_method="defer")
        # The edition cited: the project's version and the commit the site is built from.
        app.env.scholarmeta_commit = source_commit(Path(app.srcdir))


def first_paragraph(doctree) -> str:
    """The text of the page's first sentence-long paragraph of prose: not a record's date or
    title line, nor a cell of a table or a box."""
    for paragraph in doctree.findall(nodes.paragraph):
        if paragraph["classes"] or len(paragraph.astext()) < 80:
            continue
        ancestor, inside_box = paragraph.parent, False
        while ancestor is not None and not inside_box:
            inside_box = isinstance(ancestor, (nodes.table, nodes.Admonition, nodes.sidebar))
            ancestor = ancestor.parent
        if not inside_box:
            return paragraph.astext()
    return ""


def last_change(app, pagename: str, fallback: datetime.date) -> datetime.date:
    """The date of the page's last commit (sphinx-last-updated-by-git), else the build's."""
    recorded = getattr(app.env, "git_last_updated", {}).get(pagename)
    if recorded and recorded[0] is not None:
        return datetime.datetime.fromtimestamp(int(recorded[0]), datetime.UTC).date()
    return fallback


def add_page_metadata(app, pagename, templatename, context, doctree) -> None:
    if doctree is None:  # search, genindex: generated pages are not cited
        return
    config = app.config
    title = app.env.titles[pagename].astext() if pagename in app.env.titles else config.project
    date = build_time()
    language = config.language or "en"
    url = page_url(app, pagename)
    updated = last_change(app, pagename, datetime.date(*date[:3]))
    key = citation_key(config.project, pagename, date.tm_year, config.scholarmeta_key_prefix)
    meta = PageMetadata(
        title=title,
        site=config.project,
        author=config.author,
        language=language,
        date=date,
        url=url,
        is_root=pagename == config.root_doc,
        key=key,
        description=describe(first_paragraph(doctree)),
    )
    context["metatags"] = context.get("metatags", "") + meta.meta_html()
    citation = Citation(
        key=key, title=title, site=config.project, author=config.author, language=language,
        version=config.release, commit=getattr(app.env, "scholarmeta_commit", ""),
        updated=updated, url=url,
    )
    context["scholarmeta"] = {
        "heading": _("Cite this page"),
        "chicago_label": _("Chicago"),
        "chicago": citation.chicago_html(),
        "apa_label": _("APA"),
        "apa": citation.apa_html(),
        "bibtex": citation.bibtex(),
        "csl_json": citation.csl_json(),
        "copy_label": _("Copy"),
        "copied_label": _("Copied"),
    }
    # Under the article, whatever the theme: the box is part of the page's body.
    context["body"] = context.get("body", "") + app.builder.templates.render(
        "cite-this-page.html", context)


def write_sitemap(app, exception) -> None:
    """sitemap.xml at the root of the HTML output, listing every page; only with html_baseurl."""
    if exception or app.builder.format != "html" or app.builder.name != "html":
        return
    if not app.config.html_baseurl:
        return
    urls = "".join(
        f"  <url><loc>{escape(page_url(app, docname))}</loc></url>\n"
        for docname in sorted(app.env.found_docs)
    )
    (Path(app.outdir) / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{urls}</urlset>\n",
        encoding="utf-8",
    )
    logger.info("scholarmeta: wrote sitemap.xml")
