"""infobox: a cited summary box for the overview page, read from a data file."""

from importlib.metadata import version
from pathlib import Path

from .directives import InfoboxDirective

#: The distribution's version, written once in pyproject.toml.
__version__ = version("qalamoun-history")

STATIC = Path(__file__).parent / "static"


def add_html_assets(app) -> None:
    # Not in the ePub: its placement rules (:has) are for browsers, which EPUB readers and
    # epubcheck do not parse; the box is a plain table there.
    if app.builder.format == "html" and not app.builder.name.startswith("epub"):
        app.config.html_static_path = [*app.config.html_static_path, str(STATIC)]
        app.add_css_file("infobox.css")


def setup(app):
    app.setup_extension("sphinxcontrib.bibtex")
    app.add_directive("infobox", InfoboxDirective)
    app.add_message_catalog("infobox", str(Path(__file__).parent / "locales"))
    app.connect("builder-inited", add_html_assets)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
