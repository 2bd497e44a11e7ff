"""chronicle: dated events, convoys and reported figures that build site-wide tables.

Enable with ``extensions = ["chronicle"]``; it sets up sphinxcontrib-bibtex itself.
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

from . import export, nodes, outdated
from .domain import ChronicleDomain, resolve_ref_to_named_event
from .transforms import ChronicleListsTransform, WebsiteTimelines

#: The distribution's version, written once in packages/sphinx-chronicle/pyproject.toml.
__version__ = version("sphinx-chronicle")

STATIC = Path(__file__).parent / "static"


def add_html_assets(app) -> None:
    if app.builder.format == "html":
        app.config.html_static_path = [*app.config.html_static_path, str(STATIC)]
        app.add_css_file("chronicle.css")


def note_timeline_page(app, doctree) -> None:
    if any(doctree.findall(nodes.timeline_placeholder)):
        app.env.metadata[app.env.docname]["timeline"] = True


def add_timeline_assets(app, pagename, templatename, context, doctree) -> None:
    """The timeline's styles and filter script, on the pages that hold a timeline only."""
    if app.env.metadata.get(pagename, {}).get("timeline") and not app.builder.name.startswith("epub"):
        # The builder's own lists, which it resets for every page; app.add_css_file would also
        # register the file for every page of a later build in the same process.
        app.builder.add_css_file("chronicle-timeline.css")
        app.builder.add_js_file("chronicle-timeline.js", defer="defer")


def setup(app):
    app.setup_extension("sphinxcontrib.bibtex")
    # Read when the lists are written, so a change rewrites pages without reading them again.
    app.add_config_value("chron_approximate_tolerance", 0.1, "html", types=frozenset({float, int}))
    app.add_domain(ChronicleDomain)
    for placeholder in nodes.PLACEHOLDERS:
        app.add_node(placeholder, **{
            writer: (nodes.skip_placeholder, None)
            for writer in ("html", "latex", "text", "man", "texinfo", "epub", "xml", "pseudoxml")
        })
    app.add_post_transform(WebsiteTimelines)
    for element in nodes.TIMELINE_NODES:
        app.add_node(element, html=(nodes.visit_timeline_element, nodes.depart_timeline_element))
    app.add_post_transform(ChronicleListsTransform)
    app.connect("missing-reference", resolve_ref_to_named_event)
    app.add_message_catalog("chronicle", str(Path(__file__).parent / "locales"))
    app.connect("builder-inited", add_html_assets)
    app.connect("doctree-read", note_timeline_page)
    app.connect("html-page-context", add_timeline_assets)
    app.connect("env-get-updated", outdated.outdated_list_pages)
    app.connect("env-get-updated", outdated.outdated_by_references)
    app.connect("env-get-outdated", outdated.reread_pages_linking_to)
    app.connect("env-get-outdated", outdated.remove_pages_of_removed_documents)
    app.connect("build-finished", export.write_exports)
    return {
        "version": __version__,
        "env_version": ChronicleDomain.data_version,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
