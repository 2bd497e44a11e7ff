"""scholarmeta: citation metadata, OpenGraph tags, a "Cite this page" box and a sitemap.

Every HTML page gets Highwire Press ``citation_*`` tags (read by Zotero and Google
Scholar), OpenGraph tags, and the template ``cite-this-page.html`` for the theme's article
footer. ``og:url``, the BibTeX ``url`` and ``sitemap.xml`` appear only when
``html_baseurl`` is set: the site's address is never guessed.
"""

from importlib.metadata import version
from pathlib import Path

from .pages import add_html_assets, add_page_metadata, add_templates_path, write_sitemap

#: The distribution's version, written once in pyproject.toml.
__version__ = version("qalamoun-history")


def setup(app):
    app.add_message_catalog("scholarmeta", str(Path(__file__).parent / "locales"))
    # The BibTeX key's first part; by default a word of the project's name. Set it where
    # the name is translated, so a page keeps one key in every language.
    app.add_config_value("scholarmeta_key_prefix", "", "html", types=(str,))
    app.connect("config-inited", add_templates_path)
    app.connect("builder-inited", add_html_assets)
    app.connect("html-page-context", add_page_metadata)
    app.connect("build-finished", write_sitemap)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
