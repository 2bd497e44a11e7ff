"""The ``infobox`` directive: a summary table of the offensive, every entry cited."""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import roles
from sphinx.locale import get_translation
from sphinx.util import get_filetype, logging
from sphinx.util.docutils import SphinxDirective

from .data import Entry, read
from .inline import inline_nodes

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
        infobox, problems = read(Path(absolute))
        for problem in problems:
            # At the line of the data file, where the contributor has to look.
            logger.warning("infobox: %s", problem.message, location=f"{absolute}:{problem.line}",
                           type="infobox", subtype="data")
        if not infobox.rows:
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
        """The entry's text (inline markup only) and its citation, as one paragraph.

        The citation is made by the ``cite:p`` role itself, apart from the text, so nothing in
        the text can swallow it; the paragraph's source text is what a page would hold, in
        the page's own markup, so the page's catalog translates it and the translation is
        read back with its citation.
        """
        citation = self.role_source("cite:p", ",".join(entry.cite))
        paragraph = nodes.paragraph(f"{entry.text} {citation}" if entry.text else citation)
        self.set_source_info(paragraph)
        if entry.text:
            paragraph.extend(inline_nodes(entry.text))
        else:
            # A figure no source gives reads "unknown", never a blank cell.
            paragraph += nodes.Text(_("unknown"))
        paragraph += nodes.Text(" ")
        paragraph.extend(self.citation_nodes(entry.cite))
        return [paragraph]

    def role_source(self, name: str, text: str) -> str:
        """A role as the page's parser reads it: ``:name:`text``` in reStructuredText,
        ``{name}`text``` in MyST."""
        page = self.env.doc2path(self.env.docname)
        if get_filetype(self.config.source_suffix, page) == "restructuredtext":
            return f":{name}:`{text}`"
        return f"{{{name}}}`{text}`"

    def citation_nodes(self, keys: tuple[str, ...]) -> list[nodes.Node]:
        """Cite *keys* through sphinxcontrib-bibtex's own role, so numbering counts them."""
        role, _messages = roles.role("cite:p", self.state_machine.language, self.lineno,
                                     self.state.reporter)
        text = ",".join(keys)
        result, problems = role("cite:p", f":cite:p:`{text}`", text, self.lineno,
                                self.state.inliner)
        return result + problems
