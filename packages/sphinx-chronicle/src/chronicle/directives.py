"""Directives of the ``chron`` domain: they validate, render in place, and mark records.

Each record directive renders its content where it stands and leaves its structured
data on the rendered container (``chron_record``); the domain collects it in
``process_doc``, after translation, so titles and labels are those of the build's
language. List directives only leave placeholders (see :mod:`.transforms`).
"""

from __future__ import annotations

import re

from docutils import nodes
from docutils.parsers.rst import directives, roles
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id

from . import nodes as chron_nodes
from .render import convoy_summary
from .counts import Count, CountError, parse_count
from .dates import DateError, babel_locale, format_event_date, parse_date
from .records import CONVOY_COUNTS, ConvoyRecord, EventRecord, ReportedRecord

logger = logging.getLogger(__name__)

_LABEL = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*")
#: Characters of a title (or name) that its record's anchor keeps.
ANCHOR_HINT = 100
#: A title longer than this is warned of: it is a paragraph, not a title.
LONGEST_TITLE = 300
#: A convoy number: ASCII digits only (str.isdigit() accepts ² and ①, which int() refuses).
_CONVOY_NUMBER = re.compile(r"[0-9]{1,6}")


def split_list(text: str | None, separator: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in (text or "").split(separator) if part.strip())


class ChronicleDirective(SphinxDirective):
    """Shared checks: every problem is a located ``chronicle`` warning, never an error."""

    final_argument_whitespace = True

    def warn(self, message: str, subtype: str) -> None:
        logger.warning(
            message, location=self.get_location(), type="chronicle", subtype=subtype
        )

    @property
    def locale(self):
        return babel_locale(self.config.language)

    def date_option(self, name: str, text: str | None, *, required: bool) -> object | None:
        if text is None or not str(text).strip():
            if required:
                self.warn(f"{self.name}: a date is required", "date")
            return None
        try:
            return parse_date(str(text))
        except DateError as exc:
            self.warn(f"{self.name}: {name}: {exc}", "date")
            return None

    def count_option(self, name: str) -> Count | None:
        if name not in self.options:
            return None
        try:
            return parse_count(self.options[name])
        except CountError as exc:
            self.warn(f"{self.name}: {name}: {exc}", "count")
            return None

    def known_source_keys(self) -> set[str]:
        return set(self.env.get_domain("cite").bibdata.data.entries)

    def source_keys(self, option: str = "sources") -> tuple[str, ...]:
        keys = split_list(self.options.get(option), ",")
        if not keys:
            self.warn(f"{self.name}: :{option}: is required (bib keys of the sources)", "source")
            return ()
        known = self.known_source_keys()
        for key in keys:
            if key not in known:
                self.warn(f"{self.name}: unknown source key {key!r} (not in the bibliography)", "source")
        return tuple(key for key in keys if key in known)

    def citation_nodes(self, keys: tuple[str, ...]) -> list[nodes.Node]:
        """Cite *keys* through sphinxcontrib-bibtex's own role, so numbering counts them."""
        if not keys:
            return []
        role, _messages = roles.role("cite:p", self.state_machine.language, self.lineno, self.state.reporter)
        text = ",".join(keys)
        result, _problems = role("cite:p", f":cite:p:`{text}`", text, self.lineno, self.state.inliner)
        return result

    def container(self, kind: str, id_hint: str) -> nodes.container:
        container = nodes.container(classes=[f"chron-{kind}"])
        self.set_source_info(container)
        # An anchor is part of every link to the record: a whole paragraph in it would make
        # addresses (and LaTeX labels) no browser or TeX takes.
        node_id = make_id(self.env, self.state.document, f"chron-{kind}", id_hint[:ANCHOR_HINT])
        container["ids"].append(node_id)
        # Registered, so the next record with the same hint (two figures for one quantity,
        # two events with one title) gets an id of its own and links reach the right one.
        self.state.document.ids[node_id] = container
        return container

    @staticmethod
    def placed(container: nodes.container) -> list[nodes.Node]:
        """The record, preceded by a target for its id: LaTeX writes no label for a
        container's id, and the lists' links back need one in the PDF too."""
        return [nodes.target("", "", refid=container["ids"][0]), container]

    def translatable_paragraph(self, text: str, cls: str) -> nodes.paragraph:
        """A paragraph of author text; having a source makes Sphinx translate it."""
        paragraph = nodes.paragraph(text, text, classes=[cls])
        self.set_source_info(paragraph)
        return paragraph

    def where(self, container: nodes.container) -> dict:
        """Where a record stands: its page and anchor, and the file and line it is written at
        (an included file's own, as Sphinx locates its warnings)."""
        source, line = self.get_source_info()
        return {
            "docname": self.env.docname, "anchor": container["ids"][0],
            "source": source or str(self.env.doc2path(self.env.docname)), "lineno": line or self.lineno,
        }

    def parse_body(self, container: nodes.Element) -> None:
        if self.content:
            self.state.nested_parse(self.content, self.content_offset, container)


class EventDirective(ChronicleDirective):
    """``chron:event DATE``: a dated event, told in its body."""

    has_content = True
    optional_arguments = 1
    option_spec = {
        "title": directives.unchanged,
        "place": directives.unchanged,
        "actors": directives.unchanged,
        "sources": directives.unchanged,
        "tags": directives.unchanged,
        "name": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        date = self.date_option("date", self.arguments[0] if self.arguments else None, required=True)
        title = (self.options.get("title") or "").strip()
        if not title:
            self.warn("chron:event: :title: is required", "option")
        elif len(title) > LONGEST_TITLE:
            self.warn(f"chron:event: :title: is {len(title):,} characters long; a title is one line, "
                      f"and the anchors made from it keep its first {ANCHOR_HINT} characters", "option")
        name = (self.options.get("name") or "").strip() or None
        if name and not _LABEL.fullmatch(name):
            self.warn(f"chron:event: :name: {name!r} is not a valid label", "option")
            name = None
        sources = self.source_keys()
        places = split_list(self.options.get("place"), ";")

        container = self.container("event", name or title or "event")
        if name:
            container["names"].append(name)
            self.state.document.note_explicit_target(container, container)
        heading = nodes.paragraph(classes=["chron-event-date"])
        if date:
            heading += nodes.inline(text=format_event_date(date, self.locale), classes=["chron-date"])
        for citation in self.citation_nodes(sources):
            heading += nodes.Text(" ")
            heading += citation
        container += heading
        if title:
            container += self.translatable_paragraph(title, "chron-event-title")
        if places:
            container += self.translatable_paragraph("; ".join(places), "chron-event-places")
        self.parse_body(container)
        if date and title:
            container["chron_record"] = EventRecord(
                **self.where(container),
                date=date,
                title=title,
                places=places,
                actors=split_list(self.options.get("actors"), ";"),
                sources=sources,
                tags=split_list(self.options.get("tags"), ","),
                name=name,
            )
        return self.placed(container)


class ConvoyDirective(ChronicleDirective):
    """``chron:convoy NUMBER``: one convoy of the evacuation."""

    has_content = True
    optional_arguments = 1
    option_spec = {
        "departed": directives.unchanged,
        "arrived": directives.unchanged,
        "from": directives.unchanged,
        "to": directives.unchanged,
        **{name: directives.unchanged for name in CONVOY_COUNTS},
        "groups": directives.unchanged,
        "sources": directives.unchanged,
        "label": directives.unchanged,
        "via": directives.unchanged,
    }

    def convoy_number(self) -> int | None:
        text = (self.arguments[0] if self.arguments else "").strip()
        if not _CONVOY_NUMBER.fullmatch(text) or int(text) < 1:
            shown = text if len(text) <= 40 else text[:40] + "…"
            self.warn(f"chron:convoy: the convoy number must be a positive whole number, not {shown!r}", "number")
            return None
        return int(text)

    def run(self) -> list[nodes.Node]:
        number = self.convoy_number()
        departed = self.date_option("departed", self.options.get("departed"), required=False)
        arrived = self.date_option("arrived", self.options.get("arrived"), required=False)
        counts = {name: self.count_option(name) for name in CONVOY_COUNTS}
        sources = self.source_keys()
        groups = split_list(self.options.get("groups"), ";")
        origin = (self.options.get("from") or "").strip()
        destination = (self.options.get("to") or "").strip()

        label = " ".join(str(self.options.get("label") or "").split())
        via = split_list(self.options.get("via"), ";")

        container = self.container("convoy", str(number) if number else "convoy")
        container += convoy_summary(
            number, departed, arrived, origin, destination, counts, groups,
            self.citation_nodes(sources), self.locale, self.translatable_paragraph, label, via,
        )
        self.parse_body(container)
        if number is not None:
            container["chron_record"] = ConvoyRecord(
                **self.where(container),
                number=number,
                departed=departed,
                arrived=arrived,
                origin=origin,
                destination=destination,
                groups=groups,
                sources=sources,
                label=label,
                via=via,
                **{name: count for name, count in counts.items() if count is not None},
            )
        return self.placed(container)


class ReportedDirective(ChronicleDirective):
    """``chron:reported QUANTITY``: one source's figure for a quantity.

    The figure is a count (``:value:``), a date (``:date:``) or a short text such as a
    place (``:text:``); ``:scope:`` says what it covers, and ``:convoy:`` with ``:field:``
    ties it to one field of a convoy so the convoy table shows that field as disputed.
    """

    has_content = False
    optional_arguments = 1
    option_spec = {
        "value": directives.unchanged,
        "date": directives.unchanged,
        "text": directives.unchanged,
        "source": directives.unchanged,
        "sources": directives.unchanged,
        "as-of": directives.unchanged,
        "label": directives.unchanged,
        "scope": directives.unchanged,
        "convoy": directives.unchanged,
        "field": directives.unchanged,
    }

    def figure(self) -> tuple[Count | None, object | None, str]:
        given = [name for name in ("value", "date", "text") if name in self.options]
        if len(given) != 1:
            self.warn("chron:reported: give exactly one of :value:, :date: or :text:", "option")
            return None, None, ""
        if given == ["value"]:
            return self.count_option("value"), None, ""
        if given == ["date"]:
            return None, self.date_option("date", self.options["date"], required=True), ""
        text = " ".join(str(self.options["text"] or "").split())
        if not text:
            self.warn("chron:reported: :text: is empty", "option")
        return None, None, text

    def convoy_field(self) -> tuple[int | None, str]:
        number_text = str(self.options.get("convoy") or "").strip()
        field_name = str(self.options.get("field") or "").strip()
        if not number_text and not field_name:
            return None, ""
        if not (number_text.isascii() and number_text.isdigit() and int(number_text) >= 1):
            self.warn(f"chron:reported: :convoy: must be a convoy number, not {number_text!r}", "option")
            return None, ""
        if field_name not in CONVOY_COUNTS:
            self.warn(f"chron:reported: :field: must be one of {', '.join(CONVOY_COUNTS)}, not {field_name!r}", "option")
            return None, ""
        return int(number_text), field_name

    def run(self) -> list[nodes.Node]:
        quantity = (self.arguments[0] if self.arguments else "").strip()
        if not _LABEL.fullmatch(quantity):
            self.warn(f"chron:reported: the quantity key must be a name like people-evacuated, not {quantity!r}", "quantity")
            quantity = ""
        value, date, text = self.figure()
        sources = self.source_keys("sources" if "sources" in self.options else "source")
        as_of = self.date_option("as-of", self.options.get("as-of"), required=False)
        label = (self.options.get("label") or "").strip() or quantity
        scope = (self.options.get("scope") or "").strip()
        convoy, field_name = self.convoy_field()

        container = self.container("reported", quantity or "reported")
        if label:
            container += self.translatable_paragraph(label, "chron-reported-label")
        if text:
            # Its own paragraph, so that a place name is translated like the label.
            container += self.translatable_paragraph(text, "chron-reported-text")
        figure = nodes.paragraph(classes=["chron-reported-value"])
        if value is not None:
            figure += nodes.strong(text=value.format(self.locale))
        elif date is not None:
            figure += nodes.strong(text=format_event_date(date, self.locale))
        elif not text:
            figure += nodes.strong(text="?")
        for citation in self.citation_nodes(sources):
            figure += nodes.Text(" ")
            figure += citation
        if as_of:
            figure += nodes.Text(" · ")
            figure += nodes.inline(text=format_event_date(as_of, self.locale), classes=["chron-date"])
        container += figure
        if scope:
            container += self.translatable_paragraph(scope, "chron-reported-scope")
        if quantity and (value is not None or date is not None or text):
            container["chron_record"] = ReportedRecord(
                **self.where(container),
                quantity=quantity,
                value=value,
                date=date,
                text=text,
                sources=sources,
                as_of=as_of,
                label=label,
                scope=scope,
                convoy=convoy,
                field=field_name,
            )
        return self.placed(container)


class TimelineDirective(ChronicleDirective):
    """``chron:timeline``: every event of the project, earliest first."""

    option_spec = {
        "tags": directives.unchanged,
        "from": directives.unchanged,
        "to": directives.unchanged,
        "reversed": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        start = self.date_option("from", self.options.get("from"), required=False)
        end = self.date_option("to", self.options.get("to"), required=False)
        if start and end and start.lower > end.upper:
            self.warn(f"chron:timeline: :from: {start.edtf} is after :to: {end.edtf}; "
                      "no event can fall between them", "timeline")
        tags = split_list(self.options.get("tags"), ",")
        placeholder = chron_nodes.timeline_placeholder(
            tags=tags,
            start=start.lower.isoformat() if start else None,
            end=end.upper.isoformat() if end else None,
            reversed="reversed" in self.options,
            # The filters as written, to name them if they select nothing.
            written={"tags": ", ".join(tags), "from": start.edtf if start else "",
                     "to": end.edtf if end else ""},
        )
        self.set_source_info(placeholder)
        return [placeholder]


_REPORTED_TOTAL = re.compile(r"(?P<value>.+?)\s*\[(?P<key>[^\]\s]+)\]")


class ConvoyTableDirective(ChronicleDirective):
    """``chron:convoy-table``: all convoys, their totals, and reported totals beside them."""

    option_spec = {f"reported-{name}": directives.unchanged for name in CONVOY_COUNTS}

    def reported_totals(self) -> dict[str, tuple[dict, str]]:
        totals = {}
        known = self.known_source_keys()
        for name in CONVOY_COUNTS:
            text = self.options.get(f"reported-{name}")
            if text is None:
                continue
            match = _REPORTED_TOTAL.fullmatch(str(text).strip())
            if not match:
                self.warn(f"chron:convoy-table: :reported-{name}: write VALUE [bibkey], not {text!r}", "total")
                continue
            try:
                value = parse_count(match["value"])
            except CountError as exc:
                self.warn(f"chron:convoy-table: :reported-{name}: {exc}", "total")
                continue
            if match["key"] not in known:
                self.warn(f"chron:convoy-table: :reported-{name}: unknown source key {match['key']!r}", "source")
                continue
            totals[name] = (value.as_data(), match["key"])
        return totals

    def run(self) -> list[nodes.Node]:
        totals = self.reported_totals()
        placeholder = chron_nodes.convoy_table_placeholder(reported=totals)
        self.set_source_info(placeholder)
        # Cite the reported totals' sources here, in reading order; the table takes the
        # citation nodes over, so their back-links from the bibliography stay valid.
        for name, (_value, key) in totals.items():
            holder = nodes.inline(chron_field=name)
            holder.extend(self.citation_nodes((key,)))
            placeholder += holder
        return [placeholder]


class DiscrepanciesDirective(ChronicleDirective):
    """``chron:discrepancies``: quantities that sources report with different values."""

    def run(self) -> list[nodes.Node]:
        placeholder = chron_nodes.discrepancies_placeholder()
        self.set_source_info(placeholder)
        return [placeholder]
