"""rawguard: contributed pages carry no raw HTML or LaTeX.

Raw output goes to the reader unchecked: ```` ```{raw} latex ```` with ``\\input{/etc/hostname}``
puts a file of the build machine into the PDF, raw HTML can run scripts. Every raw node a
page makes (the ``raw`` directive in MyST or in ``{eval-rst}``, HTML blocks, inline HTML) is
an error at its file and line, and is left out of every output; the rest of the page is
kept. Extensions that draw their own markup (the operation map) add it after reading, so it
is not affected.
"""

from __future__ import annotations

from importlib.metadata import version

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.nodes import traverse_parent

#: The distribution's version, written once in pyproject.toml.
__version__ = version("qalamoun-history")

logger = logging.getLogger(__name__)


def _located(node: nodes.Element) -> nodes.Element:
    """The node, or the nearest parent that knows its file and line (an included file's
    nodes name that file, not the page that includes it)."""
    return next((parent for parent in traverse_parent(node) if parent.line), node)


class RefuseRawMarkup(SphinxTransform):
    """Remove each raw node of a page just read, with an error at its line."""

    # Early, before anything copies or translates the page's nodes.
    default_priority = 10

    def apply(self, **kwargs) -> None:
        for node in list(self.document.findall(nodes.raw)):
            formats = node.get("format", "") or "unknown"
            logger.error(
                "raw %s markup is not allowed in the site's pages; it is left out "
                "(write it with Markdown, or ask for an extension)", formats,
                location=_located(node), type="rawguard", subtype="raw",
            )
            node.parent.remove(node)


def setup(app):
    app.add_transform(RefuseRawMarkup)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
