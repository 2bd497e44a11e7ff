"""The chronicle's records set for paper (LaTeX builds only; the HTML keeps its own markup).

On the page a record is a few short paragraphs that CSS lays out; LaTeX would print them as
stray lines. Here each record gets one heading line, in the classes that
static/pdfedition.sty styles (the records' containers are ``sphinxuseclass`` environments
there, which keep a record's heading with the start of its text across a page break):

- an event: "date — title — places [n]";
- a reported figure: "label: value [n] · as of — scope";
- a convoy: "Convoy 1 — The Dumayr convoy [n]", then its facts as a compact table.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.errors import ExtensionError
from sphinx.transforms.post_transforms import SphinxPostTransform

from .pages import page_owners

HEADING = "pdfedition-record-heading"


def _child(container: nodes.Element, cls: str) -> nodes.paragraph | None:
    return next((child for child in container.children
                 if isinstance(child, nodes.paragraph) and cls in child["classes"]), None)


def _styled(cls: str, *children: nodes.Node) -> nodes.inline:
    return nodes.inline("", "", *children, classes=[cls])


def _contents(paragraph: nodes.paragraph) -> list[nodes.Node]:
    """A paragraph's children, taken out of it (moved, so each id stays on one node)."""
    children = list(paragraph.children)
    for child in children:
        paragraph.remove(child)
    return children


def _heading(parts: list[list[nodes.Node]], separator: str = " — ") -> nodes.paragraph:
    line = nodes.inline(classes=[HEADING])
    for index, part in enumerate(part for part in parts if part):
        if index:
            line += nodes.Text(separator)
        line.extend(part)
    return nodes.paragraph("", "", line)


def _split_citations(paragraph: nodes.paragraph, is_lead) -> tuple[list, list]:
    """The leading part of a paragraph (its date or number) and what follows (citations)."""
    lead, rest = [], []
    for child in _contents(paragraph):
        (lead if is_lead(child) and not lead else rest).append(child)
    while rest and isinstance(rest[0], nodes.Text) and not rest[0].strip():
        rest.pop(0)
    return lead, rest


def event_for_paper(container: nodes.container) -> None:
    date = _child(container, "chron-event-date")
    title = _child(container, "chron-event-title")
    places = _child(container, "chron-event-places")
    if date is None:
        return
    when, citations = _split_citations(
        date, lambda node: isinstance(node, nodes.inline) and "chron-date" in node["classes"])
    parts = [[_styled("pdfedition-event-date", *when)] if when else []]
    if title is not None:
        parts.append([_styled("pdfedition-event-title", *_contents(title))])
    if places is not None:
        parts.append([_styled("pdfedition-event-places", *_contents(places))])
    heading = _heading(parts)
    if citations:
        heading[0] += nodes.Text(" ")
        heading[0].extend(citations)
    first = container.index(date)
    for paragraph in (date, title, places):
        if paragraph is not None:
            container.remove(paragraph)
    container.insert(first, heading)


def reported_for_paper(container: nodes.container) -> None:
    label = _child(container, "chron-reported-label")
    text = _child(container, "chron-reported-text")
    value = _child(container, "chron-reported-value")
    scope = _child(container, "chron-reported-scope")
    if value is None:
        return
    line = nodes.inline(classes=[HEADING])
    if label is not None:
        line += _styled("pdfedition-reported-label", *_contents(label), nodes.Text(":"))
        line += nodes.Text(" ")
    if text is not None:
        line += _styled("pdfedition-reported-value", *_contents(text))
        if value.children:
            line += nodes.Text(" ")
    line.extend(_contents(value))
    if scope is not None:
        line += nodes.Text(" — ")
        line += _styled("pdfedition-reported-scope", *_contents(scope))
    first = container.index(value if label is None else label)
    for paragraph in (label, text, value, scope):
        if paragraph is not None:
            container.remove(paragraph)
    container.insert(first, nodes.paragraph("", "", line))


def _facts_table(facts: nodes.field_list) -> nodes.table:
    """Label and value pairs, two pairs a row, read down the first pair of columns first."""
    fields = [(field[0], field[1]) for field in facts.children if isinstance(field, nodes.field)]
    half = (len(fields) + 1) // 2
    table = nodes.table(classes=["pdfedition-convoy-facts", "borderless", "nocolorrows",
                                 "colwidths-given"])
    group = nodes.tgroup(cols=4)
    table += group
    for width in (15, 35, 15, 35):
        group += nodes.colspec(colwidth=width)
    body = nodes.tbody()
    group += body
    for index in range(half):
        row = nodes.row()
        for name, value in (fields[index], fields[index + half] if index + half < len(fields) else (None, None)):
            label, cell = nodes.entry(), nodes.entry()
            if name is None:
                label += nodes.paragraph()
                cell += nodes.paragraph()
            else:
                label += nodes.paragraph("", "", _styled("pdfedition-fact-label", *_contents(name)))
                cell.extend(list(value.children))
            row += label
            row += cell
        body += row
    return table


def convoy_for_paper(container: nodes.container) -> None:
    title = _child(container, "chron-convoy-title")
    label = _child(container, "chron-convoy-label")
    if title is None:
        return
    number, citations = _split_citations(title, lambda node: isinstance(node, nodes.strong))
    parts = [[_styled("pdfedition-convoy-number", *[text for strong in number for text in _contents(strong)])]]
    if label is not None:
        parts.append([_styled("pdfedition-convoy-name", *_contents(label))])
    heading = _heading(parts)
    if citations:
        heading[0] += nodes.Text(" ")
        heading[0].extend(citations)
    first = container.index(title)
    for paragraph in (title, label):
        if paragraph is not None:
            container.remove(paragraph)
    container.insert(first, heading)
    for facts in list(container.findall(nodes.field_list)):
        if "chron-convoy-facts" in facts["classes"] and facts.parent is container:
            facts.replace_self(_facts_table(facts))


RECORDS = {"chron-event": event_for_paper, "chron-reported": reported_for_paper,
           "chron-convoy": convoy_for_paper}


class RecordsForPaper(SphinxPostTransform):
    """Give each chronicle record in the LaTeX document its heading line."""

    default_priority = 880
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        self.name_unlabelled_figures()
        for container in list(self.document.findall(nodes.container)):
            for cls, for_paper in RECORDS.items():
                if cls in container["classes"]:
                    for_paper(container)

    def name_unlabelled_figures(self) -> None:
        """A figure given without a label shows its quantity's key (``buses-dumayr``); on
        paper it takes the label that another figure of the same quantity has, in the
        build language."""
        try:
            domain = self.env.get_domain("chron")
        except ExtensionError:  # the chronicle is not loaded: no figures to name
            return
        records = {(record.docname, record.anchor): record for record in domain.reported}
        owners = page_owners(self.document, self.config.root_doc)
        figures = []
        for container in self.document.findall(nodes.container):
            record = (records.get((owners[id(container)], container["ids"][0]))
                      if container["ids"] else None)
            label = _child(container, "chron-reported-label")
            if record is not None and label is not None and "chron-reported" in container["classes"]:
                figures.append((record, label))
        named = {}
        for record, label in figures:
            if record.label != record.quantity:
                named.setdefault(record.quantity, label.astext())
        for record, label in figures:
            if record.label == record.quantity and record.quantity in named:
                del label[:]
                label += nodes.Text(named[record.quantity])
