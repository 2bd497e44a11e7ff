"""The ``operation-map`` directive: validate the gazetteer, leave a placeholder."""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .gazetteer import read
from .nodes import operation_map

logger = logging.getLogger(__name__)


class OperationMapDirective(SphinxDirective):
    """Draw the operation map from a gazetteer file and the convoys the chronicle records.

    The argument is the gazetteer's path, relative to the page (or to the source folder
    when it starts with ``/``).
    """

    required_arguments = 1
    option_spec = {"name": directives.unchanged}

    def run(self):
        relative, absolute = self.env.relfn2path(self.arguments[0], self.env.docname)
        self.env.note_dependency(relative)
        gazetteer, problems = read(Path(absolute))
        for problem in problems:
            # At the line of the gazetteer, where the contributor has to look.
            logger.warning("gazetteer: %s", problem.message,
                           location=f"{absolute}:{problem.line}", type="opmap",
                           subtype="gazetteer")
        node = operation_map(gazetteer=gazetteer)
        self.set_source_info(node)
        serial = self.env.new_serialno("opmap")
        default = "operation-map" if serial == 0 else f"operation-map-{serial}"
        node["ids"].append(nodes.make_id(self.options.get("name", default)))
        self.env.opmap_pages = getattr(self.env, "opmap_pages", set()) | {self.env.docname}
        return [node]
