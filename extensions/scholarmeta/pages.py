"""Put the metadata in every HTML page, and write the sitemap when the site's address is known."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from sphinx.locale import get_translation
from sphinx.util import logging

from .metadata import PageMetadata, build_time, citation_key

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
        config.templates_path.append(str(TEMPLATES))


def add_html_assets(app) -> None:
    if app.builder.format == "html":
        app.config.html_static_path.append(str(STATIC))
        app.add_css_file("scholarmeta.css")


def add_page_metadata(app, pagename, templatename, context, doctree) -> None:
    if doctree is None:  # search, genindex: generated pages are not cited
        return
    config = app.config
    title = app.env.titles[pagename].astext() if pagename in app.env.titles else config.project
    date = build_time()
    meta = PageMetadata(
        title=title,
        site=config.project,
        author=config.author,
        language=config.language or "en",
        date=date,
        url=page_url(app, pagename),
        is_root=pagename == config.root_doc,
        key=citation_key(config.project, pagename, date.tm_year, config.scholarmeta_key_prefix),
    )
    context["metatags"] = context.get("metatags", "") + meta.meta_html()
    context["scholarmeta"] = {
        "heading": _("Cite this page"),
        "intro": _("A BibTeX entry for this page; put the date you read it in the note."),
        "bibtex": meta.bibtex(_("Accessed: DATE OF ACCESS")),
    }


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
