"""``edition-changes``: the change log of the facts, one section per edition, newest first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from babel.dates import format_date
from docutils import nodes
from sphinx.locale import get_translation
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id

from chronicle.counts import Count
from chronicle.dates import DateError, babel_locale, format_event_date, parse_date

from .changes import EXPORTS, Change, EditionData, EditionDataError, compare, load_edition
from .collector import MARKER
from .edition import recorded_editions

_ = get_translation("editions")
logger = logging.getLogger(__name__)

#: Facts whose values are EDTF dates, and those that are counts.
DATE_FACTS = {"date", "departed", "arrived", "as_of"}
COUNT_FACTS = {"value", "buses", "people", "fighters", "civilians"}


def fact_names() -> dict[str, str]:
    return {
        "title": _("title"), "date": _("date"), "places": _("places"), "actors": _("actors"),
        "sources": _("sources"), "departed": _("departed"), "arrived": _("arrived"),
        "from": _("from"), "to": _("to"), "buses": _("buses"), "people": _("people"),
        "fighters": _("fighters"), "civilians": _("civilians"), "groups": _("groups"),
        "label": _("label"), "scope": _("scope"), "value": _("value"), "text": _("text"),
        "as_of": _("as of"),
    }


def edition_heading(version: str, date: dt.date, locale) -> str:
    return _("Edition {version}, {date}").format(
        version=version, date=format_date(date, "long", locale=locale))


class EditionChangesDirective(SphinxDirective):
    """Compare each recorded edition's exports with the previous edition's."""

    has_content = False

    @property
    def locale(self):
        return babel_locale(self.config.language)

    def warn(self, message: str) -> None:
        logger.warning(message, location=(self.env.docname, self.lineno), type="editions",
                       subtype="data")

    def run(self) -> list[nodes.Node]:
        # So the page is read again when an edition is recorded (collector.py).
        self.state.document[MARKER] = True
        folder = Path(self.env.srcdir, self.config.editions_dir)
        editions = recorded_editions(folder)
        if not editions:
            self.warn(f"edition-changes: no edition is recorded in {self.config.editions_dir}/ "
                      "(nox -s release records one)")
            return []
        language = self.config.language or "en"
        loaded: list[EditionData] = []
        for edition in editions:
            edition_dir = folder / edition["version"]
            language_dir = edition_dir / language
            if not language_dir.is_dir():
                language_dir = edition_dir / "en"
            for name in EXPORTS:
                self.env.note_dependency(str(language_dir / name))
            self.env.note_dependency(str(edition_dir / "edition.json"))
            try:
                loaded.append(load_edition(language_dir))
            except EditionDataError as exc:
                self.warn(f"edition-changes: {exc}")
                loaded.append(EditionData())
        result = []
        for index in reversed(range(len(editions))):
            result.append(self.edition_section(editions, loaded, index))
        return result

    def edition_section(self, editions: list[dict], loaded: list[EditionData], index: int
                        ) -> nodes.section:
        edition, data = editions[index], loaded[index]
        heading = edition_heading(edition["version"], dt.date.fromisoformat(edition["date"]),
                                  self.locale)
        section = nodes.section(ids=[make_id(self.env, self.state.document, "edition",
                                             edition["version"])])
        # Generated from data, in the build's language already: not a message for the catalogs.
        section += nodes.title(heading, heading, translatable=False)
        if index == 0:
            text = _("The first edition: {events} events, {convoys} convoys, {reported} "
                     "reported figures and {sources} sources.").format(
                events=len(data.events), convoys=len(data.convoys),
                reported=len(data.reported), sources=len(data.sources))
            section += nodes.paragraph(text, text)
            return section
        previous = loaded[index - 1]
        changes = compare(previous, data)
        sources = {**previous.sources, **data.sources}
        if not changes:
            text = _("No fact changed since edition {version}.").format(
                version=editions[index - 1]["version"])
            section += nodes.paragraph(text, text)
            return section
        text = _("Compared with edition {version}:").format(version=editions[index - 1]["version"])
        section += nodes.paragraph(text, text)
        for name, items, is_convoy in ((_("Events"), changes.events, False),
                                       (_("Convoys"), changes.convoys, True),
                                       (_("Reported figures"), changes.reported, False)):
            if items:
                section += nodes.rubric(name, name)
                section += nodes.bullet_list(
                    "", *(self.change_item(item, sources, is_convoy) for item in items))
        if changes.sources_added or changes.sources_removed:
            name = _("Sources")
            section += nodes.rubric(name, name)
            items = [self.source_item(_("Added"), key, sources) for key in changes.sources_added]
            items += [self.source_item(_("Removed"), key, sources)
                      for key in changes.sources_removed]
            section += nodes.bullet_list("", *items)
        return section

    def change_item(self, change: Change, sources: dict, is_convoy: bool) -> nodes.list_item:
        verb = {"added": _("Added"), "removed": _("Removed"), "altered": _("Altered")}[change.change]
        label = _("Convoy {number}").format(number=change.label) if is_convoy else change.label
        paragraph = nodes.paragraph()
        paragraph += nodes.strong(verb, verb)
        paragraph += nodes.Text(": " + label)
        if change.facts:
            names = fact_names()
            paragraph += nodes.Text(" — " + "; ".join(
                f"{names.get(fact, fact)}: {self.value(fact, old)} → {self.value(fact, new)}"
                for fact, old, new in change.facts))
        if change.sources:
            paragraph += nodes.Text(" (" + _("sources") + ": ")
            for position, key in enumerate(change.sources):
                if position:
                    paragraph += nodes.Text("; ")
                paragraph += self.source_reference(key, sources)
            paragraph += nodes.Text(")")
        return nodes.list_item("", paragraph)

    def value(self, fact: str, value) -> str:
        if value in (None, "", (), []):
            return "—"
        if fact in DATE_FACTS and isinstance(value, str):
            try:
                return format_event_date(parse_date(value), self.locale)
            except DateError:
                return value
        if fact in COUNT_FACTS and isinstance(value, dict) and "kind" in value:
            return Count(value["kind"], value.get("value")).format(self.locale)
        if isinstance(value, (list, tuple)):
            return "; ".join(str(part) for part in value)
        return str(value)

    def source_item(self, verb: str, key: str, sources: dict) -> nodes.list_item:
        paragraph = nodes.paragraph()
        paragraph += nodes.strong(verb, verb)
        paragraph += nodes.Text(": ")
        paragraph += self.source_reference(key, sources)
        title = sources.get(key, {}).get("title")
        if title:
            paragraph += nodes.Text(f", “{title}”")
        return nodes.list_item("", paragraph)

    def source_reference(self, key: str, sources: dict) -> nodes.Node:
        """The source as "Outlet, date", linked to its address when it has one."""
        item = sources.get(key)
        if item is None:
            return nodes.Text(key)
        parts = [item.get("container-title") or item.get("publisher") or key]
        issued = (item.get("issued") or {}).get("date-parts") or [[]]
        if issued[0]:
            edtf = "-".join(f"{int(part):02d}" for part in issued[0])
            try:
                parts.append(format_event_date(parse_date(edtf), self.locale))
            except (DateError, ValueError):
                parts.append(edtf)
        text = ", ".join(str(part) for part in parts)
        if item.get("URL"):
            return nodes.reference(text, text, refuri=item["URL"])
        return nodes.Text(text)
