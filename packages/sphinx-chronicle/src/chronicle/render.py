"""Docutils nodes for records in place and for the site-wide lists.

Only standard docutils nodes come out of here, so every builder can write them; the
HTML timeline alone adds elements docutils has no node for (see :mod:`.nodes`). Field
text always enters as ``nodes.Text``: writers escape it, so markup in a title stays text.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable

from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal
from docutils import nodes
from sphinx import addnodes
from sphinx.locale import get_translation

from . import nodes as chron_nodes
from .counts import Count, Total
from .dates import EventDate, format_event_date
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
#
# An ordered list per stretch of time, under headings for the year, the month and (in a
# month with events in several weeks) the week: the gap between two events shows in the
# headings between them, so a year and a day do not look alike. HTML only; every other
# builder gets :func:`timeline_table`.


def _element(tag: str, *children: nodes.Node, classes: list[str] | None = None,
             attributes: dict[str, str] | None = None, inline: bool = False,
             empty: bool = False) -> nodes.Element:
    kind = chron_nodes.timeline_inline if inline else chron_nodes.timeline_element
    node = kind("", *children, tag=tag, attributes=attributes or {}, empty=empty)
    node["classes"] = classes or []
    return node


def _datetime(day: dt.date, precision: str) -> str:
    """An HTML ``datetime`` at the precision the date is known: 2018, 2018-04, 2018-04-03."""
    return {"year": day.strftime("%Y"), "month": day.strftime("%Y-%m")}.get(precision, day.isoformat())


def date_kind(date: EventDate) -> str:
    """How a date is known, as a class: exact, approximate, uncertain, interval or partial."""
    if date.uncertain:
        return "chron-uncertain"
    if date.approximate:
        return "chron-approximate"
    if date.is_interval and date.lower != date.upper:
        return "chron-interval"
    if date.precision != "day":
        return "chron-partial"
    return "chron-exact"


def date_notes(date: EventDate, locale) -> list[str]:
    """What the date's own words leave unsaid: how long a span lasts, what part is unknown.

    "about" and "(uncertain)" are already in the date (:func:`format_event_date`)."""
    notes = []
    if date.is_interval and date.lower != date.upper:
        if date.precision == date.end_precision == "day":
            days = (date.upper - date.lower).days + 1
            notes.append(_("span of {days} days").format(days=format_decimal(days, locale=locale)))
        else:
            notes.append(_("span of time"))
    elif date.precision == "month":
        notes.append(_("day not known"))
    elif date.precision == "year":
        notes.append(_("month and day not known"))
    return notes


def _entry(event: EventRecord, locale, cite: Citer) -> nodes.Element:
    date = event.date
    when = _paragraph(
        _element("time", nodes.Text(format_event_date(date, locale)), inline=True,
                 attributes={"datetime": _datetime(date.lower, date.precision)}),
        classes=["chron-date"],
    )
    for note in date_notes(date, locale):
        when += nodes.Text(" ")
        when += nodes.inline("", note, classes=["chron-date-note"])
    entry = _element(
        "li", when,
        _paragraph(link_to(event, event.title), classes=["chron-title"]),
        classes=["chron-entry", date_kind(date)],
        attributes={
            "data-dt": date.lower.isoformat(),
            "data-tags": json.dumps(list(event.tags), ensure_ascii=False),
            "data-places": json.dumps(list(event.places), ensure_ascii=False),
            "data-actors": json.dumps(list(event.actors), ensure_ascii=False),
        },
    )
    if event.places:
        entry += _paragraph(nodes.Text("; ".join(event.places)), classes=["chron-places"])
    if event.sources:
        entry += _paragraph(*cite(event.sources), classes=["chron-sources"])
    return entry


def _capitalized(text: str) -> str:
    """A heading starts with a capital in both languages ("abril de 2018" → "Abril de 2018")."""
    return text[:1].upper() + text[1:]


def _period(event: EventRecord) -> tuple:
    """The year, month and week an event is told under; None where its date is less precise."""
    start, precision = event.date.lower, event.date.precision
    if precision == "year":
        return start.year, None, None
    if precision == "month":
        return start.year, start.month, None
    return start.year, start.month, start - dt.timedelta(days=start.weekday())


def _grouped(events: list[EventRecord], level: int) -> dict:
    """Events by their period's part at *level*, in the order the periods first appear."""
    groups: dict = {}
    for event in events:
        groups.setdefault(_period(event)[level], []).append(event)
    return groups


def _group(kind: str, heading: str, level: int, body: list[nodes.Node]) -> nodes.Element:
    title = _element(f"h{min(level, 6)}", nodes.Text(heading), classes=["chron-heading"])
    return _element("div", title, *body, classes=["chron-group", f"chron-{kind}"])


def _event_list(events, locale, cite) -> nodes.Element:
    # role="list": Safari drops the list semantics of a list drawn without bullets.
    return _element("ol", *(_entry(event, locale, cite) for event in events),
                    classes=["chron-events"], attributes={"role": "list"})


def _weeks(events, level, locale, cite) -> list[nodes.Node]:
    by_week = _grouped(events, 2)
    if len(by_week) == 1:
        return [_event_list(events, locale, cite)]
    month = format_date(events[0].date.lower, "LLLL", locale=locale)  # "April", "abril"
    result = []
    for monday, week in by_week.items():
        if monday is None:
            heading = _("Some time in {month}").format(month=month)
        else:
            # A week that began in the month before is named by its first day in this one.
            first = max(monday, week[0].date.lower.replace(day=1))
            heading = _("Week of {date}").format(date=format_skeleton("MMMMd", first, locale=locale))
        result.append(_group("week", heading, level,
                             [_event_list(week, locale, cite)]))
    return result


def _months(events, level, locale, cite) -> list[nodes.Node]:
    by_month = _grouped(events, 1)
    if list(by_month) == [None]:
        return [_event_list(events, locale, cite)]
    result = []
    for month, in_month in by_month.items():
        if month is None:
            heading = _("Some time in {year}").format(year=format_skeleton("y", in_month[0].date.lower, locale=locale))
            body = [_event_list(in_month, locale, cite)]
        else:
            heading = _capitalized(format_skeleton("yMMMM", in_month[0].date.lower, locale=locale))
            body = _weeks(in_month, level + 1, locale, cite)
        result.append(_group("month", heading, level, body))
    return result


def _choices(values) -> list[str]:
    """The distinct values of a facet, in alphabetical order."""
    return sorted(set(values), key=lambda value: (value.casefold(), value))


def _select(field_id: str, name: str, label: str, every: str, values: list[str]) -> nodes.Element:
    select = _element("select", _element("option", nodes.Text(every), attributes={"value": ""}),
                      attributes={"name": name})
    select["ids"] = [f"{field_id}-{name}"]
    for value in values:
        select += _element("option", nodes.Text(value), attributes={"value": value})
    return _element("div", _element("label", nodes.Text(label), attributes={"for": f"{field_id}-{name}"}),
                    select, classes=["chron-filter-field"])


def timeline_filter(events: list[EventRecord], field_id: str, locale) -> list[nodes.Node]:
    """Controls that narrow the timeline by tag, place or actor, hidden until its script runs.

    With scripts off the form stays hidden and every event shows; the script reads each
    entry's ``data-tags``, ``data-places`` and ``data-actors``.
    """
    tags = _choices((tag for event in events for tag in event.tags))
    places = _choices((place for event in events for place in event.places))
    actors = _choices((actor for event in events for actor in event.actors))
    if len(events) < 2 or not (tags or places or actors):
        return []
    form = _element("form", classes=["chron-filter"],
                    attributes={"hidden": "hidden", "aria-label": _("Narrow the timeline")})
    if tags:
        fieldset = _element("fieldset", _element("legend", nodes.Text(_("Topics"))),
                            classes=["chron-filter-tags"])
        for tag in tags:
            count = sum(tag in event.tags for event in events)
            checkbox = _element("input", empty=True, attributes={"type": "checkbox", "name": "tag", "value": tag})
            fieldset += _element("label", checkbox, nodes.Text(f" {tag} ({format_decimal(count, locale=locale)})"))
        form += fieldset
    if places:
        form += _select(field_id, "place", _("Place"), _("All places"), places)
    if actors:
        form += _select(field_id, "actor", _("Actor"), _("All actors"), actors)
    form += _element("div", _element("button", nodes.Text(_("Show every event")), attributes={"type": "reset"}),
                     classes=["chron-filter-field"])
    status = _element("p", classes=["chron-filter-status"], attributes={
        "role": "status",
        "hidden": "hidden",
        "data-template": _("{shown} of {total} events shown."),
    })
    return [form, status]


def timeline_markup(events: list[EventRecord], locale, cite: Citer,
                    heading_level: int = 2, field_id: str = "chron-timeline") -> list[nodes.Node]:
    """The events under year, month and week headings, with the controls that narrow them."""
    result = timeline_filter(events, field_id, locale)
    for year, in_year in _grouped(events, 0).items():
        heading = format_skeleton("y", in_year[0].date.lower, locale=locale)
        result.append(_group("year", heading, heading_level,
                             _months(in_year, heading_level + 1, locale, cite)))
    return result


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
