"""Template context for the sidebar sections: translated labels and links relative to the page."""

from __future__ import annotations

import posixpath
from pathlib import Path, PurePosixPath

from sphinx.locale import get_translation

_ = get_translation("sitechrome")

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"


def add_templates_path(app, config) -> None:
    """Let conf.py name the sidebar templates without copying them into the project."""
    if str(TEMPLATES) not in config.templates_path:
        config.templates_path.append(str(TEMPLATES))


def add_static_files(app) -> None:
    if app.builder.format == "html":
        app.config.html_static_path.append(str(STATIC))
        app.add_css_file("sitechrome.css")


def add_chrome_context(app, pagename, templatename, context, doctree) -> None:
    config = app.config
    language = config.language or "en"
    to_root = context.get("content_root") or "./"

    def link(path: str) -> str:
        return posixpath.normpath(to_root + path)

    page = f"{pagename}{app.builder.out_suffix}"
    context["sitechrome"] = {
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
