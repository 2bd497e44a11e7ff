"""pdfedition: the PDF edition of the site (Sphinx's LaTeX builder, xelatex) and its ePub.

Each concern has its module: ``settings`` (what depends on the build language: file names,
metadata, title page), ``structure`` (chapters and front matter), ``records`` (the
chronicle's records set for paper), ``pages`` (page numbers in cross-references and
back-links), ``scripts`` (Arabic and Cyrillic), ``longlines`` (no line longer than TeX
reads) and ``epub``; ``static/pdfedition.sty`` holds the LaTeX they rely on.
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

from . import pages
from .epub import drawings_as_images, epub_download
from .longlines import wrap_long_lines
from .records import RecordsForPaper
from .scripts import ScriptRuns
from .settings import edition_for_epub, epub_for_language, pdf_for_language
from .structure import IdLabels, RootToctreeToTop

#: The distribution's version, written once in pyproject.toml.
__version__ = version("qalamoun-history")

def setup(app):
    app.add_config_value("pdf_words", {}, "env", types=[dict])
    app.add_config_value("pdf_leave_out", [], "env", types=[list])
    # Where the sidebar's ePub link points, relative to the language's root ({language}).
    app.add_config_value("pdf_epub_href", "", "html", types=[str])
    app.add_message_catalog("pdfedition", str(Path(__file__).parent / "locales"))
    # After conf.py's own config-inited handler (priority 500), which sets the title and
    # author in the build language: the title page and metadata must get the translation.
    app.connect("config-inited", pdf_for_language, priority=800)
    app.connect("config-inited", epub_for_language, priority=800)
    # Before Sphinx's epub builder checks its settings (builder-inited, priority 500).
    app.connect("builder-inited", edition_for_epub, priority=400)
    app.connect("html-page-context", drawings_as_images)
    app.connect("html-page-context", epub_download)
    app.connect("build-finished", wrap_long_lines)
    app.add_latex_package("pdfedition")
    for node, visit in ((pages.page_reference, pages.visit_page_reference),
                        (pages.page_list, pages.visit_page_list)):
        app.add_node(node, latex=(visit, None))
    app.add_post_transform(RecordsForPaper)
    app.add_post_transform(RootToctreeToTop)
    app.add_post_transform(IdLabels)
    # After newsbib's "Cited in" lines, which it adds at doctree-resolved (priority 500).
    app.connect("doctree-resolved", pages.backlink_pages, priority=600)
    app.add_post_transform(pages.CrossReferencePages)
    app.add_post_transform(ScriptRuns)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
