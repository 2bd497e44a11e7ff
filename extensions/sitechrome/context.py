"""Template context for the sidebar sections: translated labels and links relative to the page."""

from __future__ import annotations

import posixpath
import re
from html import escape
from pathlib import Path, PurePosixPath

from sphinx.locale import get_translation

_ = get_translation("sitechrome")

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"


def add_templates_path(app, config) -> None:
    """Let conf.py name the sidebar templates without copying them into the project."""
    if str(TEMPLATES) not in config.templates_path:
        # A new list: the default one belongs to Sphinx's Config and is shared by every
        # project built in the same process (appending to it reached other test projects).
        config.templates_path = [*config.templates_path, str(TEMPLATES)]


def add_static_files(app) -> None:
    if app.builder.format == "html":
        app.config.html_static_path = [*app.config.html_static_path, str(STATIC)]
        app.add_css_file("sitechrome.css")
        app.add_js_file("sitechrome.js", loading_method="defer")


# Docutils' HTML writer adds a viewport <meta> of its own beside the theme's; browsers and
# checkers want one.
DOCUTILS_VIEWPORT = re.compile(r'<meta name="viewport"[^>]*>\s*')


def footer_html(copyright: str, licence: tuple[str, str]) -> str:
    """The copyright line with the licence's name linked to its text."""
    name, url = licence
    text = escape(f"\u00a9 {copyright}")
    if name and url:
        text = text.replace(escape(name), f'<a rel="license" href="{escape(url)}">{escape(name)}</a>')
    return text


def alternates_html(base_url: str, language: str, languages: list, page: str) -> str:
    """``<link rel="alternate" hreflang>`` for the page in each language (absolute addresses)."""
    if not base_url or not base_url.rstrip("/").endswith(f"/{language}"):
        return ""
    root = base_url.rstrip("/")[: -len(language)]
    links = [(code, f"{root}{code}/{page}") for code, _name in languages]
    links.append(("x-default", f"{root}{languages[0][0]}/{page}"))
    return "".join(
        f'<link rel="alternate" hreflang="{code}" href="{escape(href)}" />\n'
        for code, href in links
    )


def add_chrome_context(app, pagename, templatename, context, doctree) -> None:
    config = app.config
    language = config.language or "en"
    to_root = context.get("content_root") or "./"

    def link(path: str) -> str:
        return posixpath.normpath(to_root + path)

    page = f"{pagename}{app.builder.out_suffix}"
    metatags = DOCUTILS_VIEWPORT.sub("", context.get("metatags", ""))
    if len(config.sitechrome_languages) > 1:
        metatags += alternates_html(config.html_baseurl, language, config.sitechrome_languages, page)
    context["metatags"] = metatags
    context["sitechrome"] = {
        "footer": footer_html(config.copyright, config.sitechrome_licence),
        "next_label": _("Next"),
        "previous_label": _("Previous"),
        "last_updated_label": _("Last updated on {date}."),
        "copy_label": _("Copy"),
        "copied_label": _("Copied"),
        "languages_label": _("Languages"),
        "languages": [
            {
                "code": code,
                "name": name,
                "current": code == language,
                # Each language is built beside the others: html/en/, html/es/.
                "href": link(f"../{code}/{page}"),
            }
            for code, name in config.sitechrome_languages
        ],
        "downloads_label": _("Downloads"),
        "pdf_label": _("The whole history (PDF)"),
        "pdf_href": (
            link(config.sitechrome_pdf.format(language=language)) if config.sitechrome_pdf else ""
        ),
        "data_label": _("Data behind the tables"),
        "data": [
            {"name": PurePosixPath(path).name, "href": link(path)}
            for path in config.sitechrome_data
        ],
    }
