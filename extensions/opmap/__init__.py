"""opmap: a map of the operation, drawn at build time from a gazetteer and the convoys."""

from importlib.metadata import version
from pathlib import Path

from .directives import OperationMapDirective
from .nodes import operation_map
from .transforms import OperationMapTransform, convoys_signature

#: The distribution's version, written once in pyproject.toml.
__version__ = version("qalamoun-history")

STATIC = Path(__file__).parent / "static"


def _purge(app, env, docname) -> None:
    getattr(env, "opmap_pages", set()).discard(docname)


def _merge(app, env, docnames, other) -> None:
    env.opmap_pages = getattr(env, "opmap_pages", set()) | (
        getattr(other, "opmap_pages", set()) & set(docnames))


def _outdated_maps(app, env) -> list[str]:
    """A map page is rewritten whenever the convoys it draws change."""
    signature = convoys_signature(env)
    if getattr(env, "opmap_signature", None) == signature:
        return []
    env.opmap_signature = signature
    return sorted(getattr(env, "opmap_pages", set()))


def _add_static(app) -> None:
    if app.builder.format == "html":
        app.config.html_static_path = [*app.config.html_static_path, str(STATIC)]
        app.add_css_file("opmap.css")


def setup(app):
    # Builders that cannot include SVG (LaTeX) get the map as a PDF converted from it by
    # librsvg's rsvg-convert (Debian package librsvg2-bin).
    app.setup_extension("sphinxcontrib.rsvgconverter")
    app.add_node(operation_map)
    app.add_directive("operation-map", OperationMapDirective)
    app.add_post_transform(OperationMapTransform)
    app.add_message_catalog("opmap", str(Path(__file__).parent / "locales"))
    app.connect("builder-inited", _add_static)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-get-updated", _outdated_maps)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True,
            "env_version": 1}
