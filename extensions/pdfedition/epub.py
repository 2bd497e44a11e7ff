"""The ePub edition: Sphinx's epub builder, with the few changes epubcheck asks for.

The operation map and its legend are inline SVG on the site. EPUB 3 wants a page with
inline SVG declared in the package (Sphinx's template cannot), refuses SVG inside a
paragraph (the legend's swatches) and SVG 1.1 has no ``paint-order`` (the labels' halo).
In the ePub each drawing is therefore its own image file, shown with ``<img>``, its
``<title>`` as the alternative text; the HTML site keeps the inline drawings.
"""

from __future__ import annotations

import hashlib
import html
import posixpath
import re
from pathlib import Path

from sphinx.locale import get_translation

_ = get_translation("pdfedition")

SVG = re.compile(r"<svg\b(?P<attributes>[^>]*)>(?P<body>.*?)</svg>", re.DOTALL)
PAINT_ORDER = re.compile(r'\s+paint-order="[^"]*"')
TITLE = re.compile(r"<title\b[^>]*>(?P<text>.*?)</title>", re.DOTALL)
IMAGES = "_images"


def standalone(match: re.Match) -> str:
    attributes = match["attributes"]
    if "xmlns=" not in attributes:
        attributes = ' xmlns="http://www.w3.org/2000/svg"' + attributes
    svg = f"<svg{attributes}>{match['body']}</svg>"
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + PAINT_ORDER.sub("", svg) + "\n"


def drawings_as_images(app, pagename, templatename, context, doctree) -> None:
    if app.builder.name != "epub" or "<svg" not in context.get("body", ""):
        return
    images = Path(app.outdir) / IMAGES
    images.mkdir(parents=True, exist_ok=True)
    to_root = "../" * pagename.count("/")

    def as_image(match: re.Match) -> str:
        svg = standalone(match)
        name = f"drawing-{hashlib.sha256(svg.encode()).hexdigest()[:16]}.svg"
        (images / name).write_text(svg, encoding="utf-8")
        title = TITLE.search(match["body"])
        hidden = 'aria-hidden="true"' in match["attributes"]
        alt = "" if hidden or title is None else html.escape(html.unescape(title["text"]).strip())
        classes = re.search(r'\bclass="(?P<classes>[^"]*)"', match["attributes"])
        cls = f' class="{classes["classes"]}"' if classes else ""
        return f'<img src="{to_root}{IMAGES}/{name}" alt="{alt}"{cls} />'

    context["body"] = SVG.sub(as_image, context["body"])


def epub_download(app, pagename, templatename, context, doctree) -> None:
    """The ePub beside the PDF in the sidebar's downloads (sitechrome's downloads.html)."""
    if app.builder.format != "html" or app.builder.name == "epub" or not app.config.pdf_epub_href:
        return
    language = app.config.language or "en"
    to_root = context.get("content_root") or "./"
    context["pdfedition_epub"] = {
        "href": posixpath.normpath(to_root + app.config.pdf_epub_href.format(language=language)),
        "label": _("The whole history (ePub)"),
    }
