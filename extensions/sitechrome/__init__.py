"""sitechrome: sidebar sections for readers (the page in other languages, downloads), and
fixes to what the writers emit that readers with assistive technology would meet."""

from importlib.metadata import version
from pathlib import Path

from .aria import add_citation_visitor
from .context import add_chrome_context, add_static_files, add_templates_path
from .tables import OneIdPerTable
from .theme_words import translate_theme_words

#: The distribution's version, written once in pyproject.toml.
__version__ = version("qalamoun-history")


def setup(app):
    app.add_config_value("sitechrome_languages", [], "html", types=[list])
    app.add_config_value("sitechrome_pdf", "", "html", types=[str])
    app.add_config_value("sitechrome_data", [], "html", types=[list])
    # (name, address) of the licence the copyright line names; the name is linked to it.
    app.add_config_value("sitechrome_licence", ("", ""), "html", types=[tuple])
    add_citation_visitor(app)
    app.add_message_catalog("sitechrome", str(Path(__file__).parent / "locales"))
    app.connect("config-inited", add_templates_path)
    app.connect("builder-inited", add_static_files)
    app.connect("html-page-context", add_chrome_context)
    app.connect("build-finished", translate_theme_words)
    app.add_post_transform(OneIdPerTable)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
