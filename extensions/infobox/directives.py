"""The ``infobox`` directive: a summary table of the offensive, every entry cited."""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .data import Entry, InfoboxError, load

_ = get_translation("infobox")
logger = logging.getLogger(__name__)


def field_labels() -> dict[str, str]:
    return {
        "date": _("Date"),
        "location": _("Location"),
        "result": _("Result"),
        "belligerents": _("Belligerents"),
        "commanders": _("Commanders and leaders"),
        "units": _("Units involved"),
        "strength": _("Strength"),
    }


def side_labels() -> dict[str, str]:
    return {"government": _("Government side"), "rebels": _("Rebel side")}


class InfoboxDirective(SphinxDirective):
    """Summary box from a TOML data file (path relative to the page, or ``/`` = source dir).

    In HTML it floats beside the text; other builders get a plain table.
    """

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        relative, absolute = self.env.relfn2path(self.arguments[0], self.env.docname)
        self.env.note_dependency(relative)
        try:
            infobox = load(Path(absolute))
        except InfoboxError as error:
            logger.warning(str(error), location=self.get_location(), type="infobox",
                           subtype="data")
            return []

        table = nodes.table(classes=["infobox-table", "colwidths-given"])
        if infobox.title:
            title = nodes.title(infobox.title, infobox.title)
            self.set_source_info(title)
            table += title
        group = nodes.tgroup(cols=2)
        table += group
        group += nodes.colspec(colwidth=1)
        group += nodes.colspec(colwidth=3)
        body = nodes.tbody()
        group += body
        labels = field_labels()
        for row in infobox.rows:
            body += nodes.row(
                "",
                nodes.entry("", nodes.paragraph("", "", nodes.strong("", labels[row.field]))),
                nodes.entry("", *self.row_value(row.entries)),
                classes=[f"infobox-{row.field}"],
            )
        box = nodes.container(classes=["infobox"])
        box += table
        self.set_source_info(box)
        return [box]

    def row_value(self, entries: tuple[Entry, ...]) -> list[nodes.Node]:
        result: list[nodes.Node] = []
        sides = side_labels()
        current_side = None
        for entry in entries:
            if entry.side and entry.side != current_side:
                current_side = entry.side
                result.append(nodes.paragraph("", "", nodes.emphasis("", sides[entry.side]),
                                              classes=["infobox-side"]))
            result.extend(self.entry_nodes(entry))
        return result

    def entry_nodes(self, entry: Entry) -> list[nodes.Node]:
        citation = "{cite:p}`" + ",".join(entry.cite) + "`"
        if entry.text:
            return self.parse_text_to_nodes(f"{entry.text} {citation}")
        parsed = self.parse_text_to_nodes(citation)
        # A figure no source gives reads "unknown", never a blank cell.
        parsed[0].insert(0, nodes.Text(_("unknown") + " "))
        return parsed
