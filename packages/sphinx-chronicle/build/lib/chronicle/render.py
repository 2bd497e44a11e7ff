"""Docutils nodes for records in place and for the site-wide lists.

Only standard docutils nodes (and sphinx-timeline's own ``TimelineDiv`` for HTML) come
out of here, so every builder can write them. Field text always enters as
``nodes.Text``: writers escape it, so markup in a title stays text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import get_translation
from sphinx_timeline.main import TimelineDiv

from .counts import Count, Total
from .dates import format_event_date
from .records import CONVOY_COUNTS, ConvoyRecord, EventRecord, ReportedRecord

_ = get_translation("chronicle")

#: Builds the citation nodes for some bib keys (see :func:`citation_refs`).
Citer = Callable[[Iterable[str]], list[nodes.Node]]


def count_headers() -> dict[str, str]:
    return {
        "buses": _("Buses"),
        "people": _("People"),
        "fighters": _("Fighters"),
        "civilians": _("Civilians"),
    }


def citation_refs(keys: Iterable[str], docname: str) -> list[nodes.Node]:
    """One citation for *keys*, resolved by sphinxcontrib-bibtex: "[4, 8]", numbered as everywhere."""
    keys = list(keys)
    if not keys:
        return []
    target = ",".join(keys)
    return [
        addnodes.pending_xref(
            "", nodes.inline("", target),
            refdomain="cite", reftype="p", reftarget=target, refdoc=docname,
            refexplicit=False, refwarn=True,
        )
    ]


def link_to(record, text: str) -> nodes.Node:
    """A link to the record's place in the narrative, made by the ``chron`` domain when
    references are resolved (plain text for a builder without pages to link to)."""
    return addnodes.pending_xref(
        "", nodes.inline(text=text), refdomain="chron", reftype="record",
        reftarget=record.anchor, refexplicit=True, chron_docname=record.docname,
    )


def _paragraph(*children: nodes.Node, classes: list[str] | None = None) -> nodes.paragraph:
    paragraph = nodes.paragraph(classes=classes or [])
    paragraph.extend(children)
    return paragraph


def table(headers: list[str], rows: list[list[nodes.Node | str]], classes: list[str],
          widths: list[int], row_classes: list[list[str]] | None = None) -> nodes.table:
    """A plain table that every builder writes; LaTeX gets a longtable that breaks across pages."""
    # "colwidths-given": LaTeX sets the columns to these proportions of the line width.
    table_node = nodes.table(classes=[*classes, "longtable", "colwidths-given"])
    group = nodes.tgroup(cols=len(headers))
    table_node += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    header_row = nodes.row()
    for header in headers:
        header_row += nodes.entry("", nodes.paragraph(text=header))
    head += header_row
    body = nodes.tbody()
    group += body
    for index, cells in enumerate(rows):
        row = nodes.row(classes=row_classes[index] if row_classes else [])
        for cell in cells:
            entry = nodes.entry()
            if isinstance(cell, str):
                entry += nodes.paragraph(text=cell)
            elif isinstance(cell, nodes.entry):
                entry = cell
            elif isinstance(cell, (nodes.Inline, nodes.Text)):
                entry += _paragraph(cell)
            else:
                entry += cell
            row += entry
        body += row
    return table_node


# -- records in place -----------------------------------------------------------------


def convoy_summary(number, departed, arrived, origin, destination, counts: dict[str, Count | None],
                   groups, citations: list[nodes.Node], locale,
                   place_paragraph: Callable[[str, str], nodes.paragraph], label: str = "",
                   via: tuple[str, ...] = ()) -> list[nodes.Node]:
    """A convoy's heading and facts; *place_paragraph* makes the place names translatable."""
    heading = nodes.paragraph(classes=["chron-convoy-title"])
    heading += nodes.strong(text=_("Convoy {number}").format(number=number) if number else _("Convoy"))
    for citation in citations:
        heading += nodes.Text(" ")
        heading += citation
    facts = convoy_facts(departed, arrived, origin, destination, via, counts, groups, locale, place_paragraph)
    if label:
        return [heading, place_paragraph(label, "chron-convoy-label"), *facts]
    return [heading, *facts]


def convoy_facts(departed, arrived, origin, destination, via, counts, groups, locale,
                 place_paragraph) -> list[nodes.Node]:
    facts = nodes.field_list(classes=["chron-convoy-facts"])

    def fact(label: str, value: str | nodes.paragraph) -> None:
        body = value if isinstance(value, nodes.paragraph) else nodes.paragraph(text=value)
        facts.append(nodes.field("", nodes.field_name(text=label), nodes.field_body("", body)))

    if departed:
        fact(_("Departed"), format_event_date(departed, locale))
    if arrived:
        fact(_("Arrived"), format_event_date(arrived, locale))
    if origin:
        fact(_("From"), place_paragraph(origin, "chron-convoy-from"))
    if via:
        fact(_("By way of"), place_paragraph("; ".join(via), "chron-convoy-via"))
    if destination:
        fact(_("To"), place_paragraph(destination, "chron-convoy-to"))
    headers = count_headers()
    for name in CONVOY_COUNTS:
        if counts.get(name) is not None:
            fact(headers[name], counts[name].format(locale))
    if groups:
        fact(_("Groups"), place_paragraph("; ".join(groups), "chron-convoy-groups"))
    return [facts] if len(facts) else []


# -- the timeline ---------------------------------------------------------------------


def _event_parts(event: EventRecord, locale, cite: Citer) -> list[nodes.Node]:
    parts = [
        _paragraph(nodes.strong(text=format_event_date(event.date, locale)), classes=["chron-date"]),
        _paragraph(link_to(event, event.title), classes=["chron-title"]),
    ]
    if event.places:
        parts.append(_paragraph(nodes.Text("; ".join(event.places)), classes=["chron-places"]))
    if event.sources:
        parts.append(_paragraph(*cite(event.sources), classes=["chron-sources"]))
    return parts


def timeline_markup(events: list[EventRecord], locale, cite: Citer) -> nodes.Node:
    """sphinx-timeline's HTML structure and styles, built from the records directly."""
    frame = TimelineDiv()
    items = nodes.enumerated_list(classes=["timeline-default"])
    frame += items
    for event in events:
        item = nodes.list_item(classes=["timeline"])
        box = TimelineDiv(classes=["tl-item"], dt=event.date.lower.isoformat())
        content = TimelineDiv(classes=["tl-item-content"])
        content.extend(_event_parts(event, locale, cite))
        box += content
        item += box
        items += item
    return frame


def timeline_table(events: list[EventRecord], locale, cite: Citer) -> nodes.table:
    rows = []
    for event in events:
        rows.append([
            format_event_date(event.date, locale),
            link_to(event, event.title),
            "; ".join(event.places),
            _paragraph(*cite(event.sources)),
        ])
    return table([_("Date"), _("Event"), _("Places"), _("Sources")], rows, ["chron-timeline-table"], [18, 44, 22, 16])


# -- convoys --------------------------------------------------------------------------


def _dates_cell(convoy: ConvoyRecord, locale) -> str:
    parts = []
    if convoy.departed:
        parts.append(_("departed {date}").format(date=format_event_date(convoy.departed, locale)))
    if convoy.arrived:
        parts.append(_("arrived {date}").format(date=format_event_date(convoy.arrived, locale)))
    return "; ".join(parts) or _("unknown")


def _route_cell(convoy: ConvoyRecord) -> str:
    origin = convoy.origin_label or convoy.origin or _("unknown")
    destination = convoy.destination_label or convoy.destination or _("unknown")
    via = convoy.via_labels or convoy.via
    route = " → ".join([origin, *via, destination])
    if convoy.groups:
        route += f" ({'; '.join(convoy.groups)})"
    return route


def _count_cell(convoy: ConvoyRecord, name: str, figures: list[ReportedRecord], locale,
                cite: Citer) -> nodes.Node | str:
    """A convoy's count, and the other figures that sources give for it, if any differ."""
    count = getattr(convoy, name)
    others = [figure for figure in figures if figure.value is not None and figure.value.value != count.value]
    if not others:
        return count.format(locale)
    entry = nodes.entry(classes=["chron-disputed"])
    entry += _paragraph(nodes.Text(count.format(locale)))
    note = _paragraph(nodes.Text(_("Disputed:") + " "), classes=["chron-disputed-note"])
    for index, figure in enumerate(others):
        if index:
            note += nodes.Text("; ")
        note += link_to(figure, figure.value.format(locale))
        note += nodes.Text(" ")
        note.extend(cite(figure.sources))
    entry += note
    return entry


def convoy_table(convoys: list[ConvoyRecord], reported: dict[str, tuple[dict, str]],
                 reported_citations: dict[str, list[nodes.Node]], locale, cite: Citer,
                 tolerance: float,
                 figures: list[ReportedRecord] = ()) -> nodes.table:
    headers = count_headers()
    by_field: dict[tuple[int, str], list[ReportedRecord]] = {}
    for figure in figures:
        if figure.convoy is not None:
            by_field.setdefault((figure.convoy, figure.field), []).append(figure)
    rows, row_classes = [], []
    for convoy in convoys:
        number_cell = nodes.entry()
        number_cell += _paragraph(link_to(convoy, str(convoy.number)))
        if convoy.label:
            number_cell += _paragraph(nodes.Text(convoy.label), classes=["chron-convoy-label"])
        rows.append([
            number_cell,
            _dates_cell(convoy, locale),
            _route_cell(convoy),
            *(_count_cell(convoy, name, by_field.get((convoy.number, name), []), locale, cite)
              for name in CONVOY_COUNTS),
            _paragraph(*cite(convoy.sources)),
        ])
        row_classes.append([])
    totals = {name: Total.of([getattr(convoy, name) for convoy in convoys]) for name in CONVOY_COUNTS}
    rows.append([
        _("Sum of the convoys"), "", "",
        *(totals[name].format(locale) if convoys else "" for name in CONVOY_COUNTS),
        "",
    ])
    row_classes.append(["chron-total"])
    if reported:
        cells = []
        for name in CONVOY_COUNTS:
            if name not in reported:
                cells.append("")
                continue
            value = Count(**reported[name][0])
            entry = nodes.entry()
            paragraph = _paragraph(nodes.Text(value.format(locale) + " "))
            paragraph.extend(reported_citations.get(name) or cite([reported[name][1]]))
            entry += paragraph
            if totals[name].contradicts(value, tolerance):
                entry["classes"].append("chron-contradiction")
                entry += _paragraph(
                    nodes.emphasis(text=_("Contradicts the convoys' own figures ({total}).").format(
                        total=totals[name].format(locale))),
                    classes=["chron-contradiction-note"],
                )
            cells.append(entry)
        rows.append([_("Reported total"), "", "", *cells, ""])
        row_classes.append(["chron-reported-total"])
    return table(
        [_("Convoy"), _("Dates"), _("Route"), *headers.values(), _("Sources")],
        rows, ["chron-convoy-table"], [11, 15, 21, 11, 11, 11, 11, 9], row_classes,
    )


# -- discrepancies --------------------------------------------------------------------


def figures_by_quantity(reported: list[ReportedRecord]) -> dict[str, list[ReportedRecord]]:
    """Every quantity with its figures, in reading order."""
    by_quantity: dict[str, list[ReportedRecord]] = {}
    for record in reported:
        by_quantity.setdefault(record.quantity, []).append(record)
    return by_quantity


def disputed_quantities(reported: list[ReportedRecord]) -> dict[str, list[ReportedRecord]]:
    """Quantities reported two or more times with different values, in reading order."""
    return {
        quantity: records
        for quantity, records in figures_by_quantity(reported).items()
        # "5,000" and "about 5,000" say the same number; only different numbers disagree.
        if len({record.comparable for record in records}) > 1
    }


def format_figure(record: ReportedRecord, locale) -> str:
    if record.value is not None:
        return record.value.format(locale)
    if record.date is not None:
        return format_event_date(record.date, locale)
    return record.text


def _sources_of(records: list[ReportedRecord]) -> set[str]:
    return {key for record in records for key in record.sources}


def _status(records: list[ReportedRecord]) -> str:
    if len({record.comparable for record in records}) > 1:
        return _("Sources differ")
    return _("Sources agree")


def _figure_rows(by_quantity: dict[str, list[ReportedRecord]], locale, cite: Citer, kind_of: Callable[[str], str], with_status: bool):
    rows, row_classes = [], []
    for records in by_quantity.values():
        for index, record in enumerate(records):
            first: nodes.Node | str = ""
            if index == 0:
                first = nodes.entry()
                first += _paragraph(nodes.Text(records[0].label or record.quantity))
                if with_status:
                    first += _paragraph(nodes.Text(_status(records)), classes=["chron-quantity-status"])
            cell = nodes.entry()
            cell += _paragraph(link_to(record, format_figure(record, locale)))
            if record.scope:
                cell += _paragraph(nodes.Text(record.scope))
            rows.append([
                first,
                cell,
                format_event_date(record.as_of, locale) if record.as_of else "",
                _paragraph(*cite(record.sources)),
                "; ".join(dict.fromkeys(kind for kind in map(kind_of, record.sources) if kind)),
            ])
            row_classes.append(["chron-quantity-first"] if index == 0 else [])
    return rows, row_classes


def discrepancies_table(reported: list[ReportedRecord], locale, cite: Citer,
                        kind_of: Callable[[str], str] = lambda key: "") -> list[nodes.Node]:
    """Every figure the site records, quantity by quantity, with who gives it.

    Quantities that two or more sources give are weighed in one table, marked as agreeing
    or differing; a figure that only one source gives follows in a table of its own, so
    nothing a contributor records is left out.
    """
    by_quantity = figures_by_quantity(reported)
    if not by_quantity:
        return [_paragraph(nodes.Text(_("No figure is recorded.")))]
    headers = [_("Quantity"), _("Figure"), _("As of"), _("Source"), _("Kind of source")]
    widths = [26, 28, 16, 12, 18]
    weighed = {q: records for q, records in by_quantity.items() if len(_sources_of(records)) > 1}
    alone = {q: records for q, records in by_quantity.items() if q not in weighed}
    result: list[nodes.Node] = []
    if weighed:
        rows, row_classes = _figure_rows(weighed, locale, cite, kind_of, True)
        result.append(table(headers, rows, ["chron-discrepancies"], widths, row_classes))
    if alone:
        result.append(nodes.rubric(text=_("Figures given by one source")))
        rows, row_classes = _figure_rows(alone, locale, cite, kind_of, False)
        result.append(table(headers, rows, ["chron-single-source"], widths, row_classes))
    return result


def data_links() -> nodes.paragraph:
    """Links from a list page to the data exports written beside the HTML."""
    paragraph = _paragraph(nodes.Text(_("Data:") + " "), classes=["chron-data-links"])
    for index, name in enumerate(("events.json", "convoys.csv", "reported.json")):
        if index:
            paragraph += nodes.Text(" · ")
        # The ``chron`` domain makes the address relative to the page, for its builder.
        paragraph += addnodes.pending_xref(
            "", nodes.inline(text=name), refdomain="chron", reftype="export", reftarget=name,
            refexplicit=True,
        )
    return paragraph
