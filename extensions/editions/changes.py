"""What changed between two editions: the facts of their data exports, compared.

Each edition keeps its exports in ``docs/_editions/<version>/<language>/`` (``events.json``,
``convoys.csv``, ``reported.json``, ``bibliography.csl.json``, as ``_data/`` has them).
Records are matched by what identifies them across editions, not by their position:

- an event by its anchor (made from its ``:name:`` or its English title, so the same in
  every language);
- a convoy by its number;
- a reported figure by its quantity, sources, convoy and field (one source's figure for
  one thing), and the order among figures that share all four;
- a source by its bibliography key.

A record found only in the newer edition was added, only in the older one removed; in
both with different facts, altered, each fact given as old value → new value.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from chronicle.records import CONVOY_COUNTS

EXPORTS = ("events.json", "convoys.csv", "reported.json", "bibliography.csl.json")

#: The facts compared for each kind of record, in the order a reader is told them.
EVENT_FACTS = ("title", "date", "places", "actors", "sources")
CONVOY_FACTS = ("departed", "arrived", "from", "to", *CONVOY_COUNTS, "groups", "sources")
REPORTED_FACTS = ("label", "scope", "value", "date", "text", "as_of")


class EditionDataError(ValueError):
    """An edition's export that cannot be read; the message names the file."""


@dataclass
class Record:
    """One fact-bearing record, reduced to what is compared."""

    key: tuple
    label: str
    facts: dict[str, object]
    sources: tuple[str, ...]


@dataclass
class EditionData:
    events: dict[tuple, Record] = field(default_factory=dict)
    convoys: dict[tuple, Record] = field(default_factory=dict)
    reported: dict[tuple, Record] = field(default_factory=dict)
    #: CSL-JSON items by id.
    sources: dict[str, dict] = field(default_factory=dict)


@dataclass
class Change:
    #: "added", "removed" or "altered".
    change: str
    label: str
    #: For an altered record, (fact, old, new) for each fact that differs.
    facts: list[tuple[str, object, object]]
    sources: tuple[str, ...]


@dataclass
class EditionChanges:
    events: list[Change] = field(default_factory=list)
    convoys: list[Change] = field(default_factory=list)
    reported: list[Change] = field(default_factory=list)
    sources_added: list[str] = field(default_factory=list)
    sources_removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any((self.events, self.convoys, self.reported, self.sources_added,
                    self.sources_removed))


def _keys(sources) -> tuple[str, ...]:
    return tuple(source["key"] if isinstance(source, dict) else str(source)
                 for source in sources or ())


def _edtf(date) -> str | None:
    return date.get("edtf") if isinstance(date, dict) else None


def _anchor(page: str) -> str:
    return page.rsplit("#", 1)[-1]


def _read_json(path: Path) -> list:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EditionDataError(f"{path}: {exc}") from exc
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise EditionDataError(f"{path}: expected a list of records")
    return data


def _events(items: list[dict]) -> dict[tuple, Record]:
    records = {}
    for item in items:
        key = ("event", _anchor(item.get("page", "")) or item.get("title", ""))
        records[key] = Record(
            key=key,
            label=item.get("title", ""),
            facts={
                "title": item.get("title", ""),
                "date": _edtf(item.get("date")),
                "places": tuple(item.get("places", ())),
                "actors": tuple(item.get("actors", ())),
                "sources": _keys(item.get("sources")),
            },
            sources=_keys(item.get("sources")),
        )
    return records


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split(";") if part.strip())


def _convoys(rows: list[dict]) -> dict[tuple, Record]:
    records = {}
    for row in rows:
        key = ("convoy", row.get("number", ""))
        facts: dict[str, object] = {
            "departed": row.get("departed_edtf") or None,
            "arrived": row.get("arrived_edtf") or None,
            "from": row.get("from", ""),
            "to": row.get("to", ""),
        }
        for name in CONVOY_COUNTS:
            value = row.get(f"{name}_value", "")
            facts[name] = {"kind": row.get(f"{name}_kind", "unknown"),
                           "value": int(value) if value.isdigit() else None}
        facts["groups"] = _split(row.get("groups", ""))
        facts["sources"] = _split(row.get("sources", ""))
        records[key] = Record(key=key, label=row.get("number", ""), facts=facts,
                              sources=facts["sources"])
    return records


def _reported(items: list[dict]) -> dict[tuple, Record]:
    records = {}
    seen: Counter = Counter()
    for item in items:
        identity = (item.get("quantity", ""), _keys(item.get("sources")), item.get("convoy"),
                    item.get("field"))
        key = ("reported", *identity, seen[identity])
        seen[identity] += 1
        records[key] = Record(
            key=key,
            label=item.get("label") or item.get("quantity", ""),
            facts={
                "label": item.get("label", ""),
                "scope": item.get("scope", ""),
                "value": item.get("value"),
                "date": _edtf(item.get("date")),
                "text": item.get("text", ""),
                "as_of": _edtf(item.get("as_of")),
            },
            sources=_keys(item.get("sources")),
        )
    return records


def load_edition(folder: Path) -> EditionData:
    """An edition's exports in one language's folder; a missing file is an empty one."""
    data = EditionData()
    if (folder / "events.json").exists():
        data.events = _events(_read_json(folder / "events.json"))
    if (folder / "reported.json").exists():
        data.reported = _reported(_read_json(folder / "reported.json"))
    if (folder / "convoys.csv").exists():
        try:
            with open(folder / "convoys.csv", encoding="utf-8", newline="") as file:
                rows = list(csv.DictReader(file))
        except (OSError, csv.Error, UnicodeDecodeError) as exc:
            raise EditionDataError(f"{folder / 'convoys.csv'}: {exc}") from exc
        data.convoys = _convoys(rows)
    if (folder / "bibliography.csl.json").exists():
        data.sources = {item["id"]: item
                        for item in _read_json(folder / "bibliography.csl.json") if "id" in item}
    return data


def _compare(old: dict[tuple, Record], new: dict[tuple, Record], facts: tuple[str, ...]
             ) -> list[Change]:
    changes = []
    for key, record in new.items():
        before = old.get(key)
        if before is None:
            changes.append(Change("added", record.label, [], record.sources))
            continue
        differing = [(name, before.facts.get(name), record.facts.get(name)) for name in facts
                     if before.facts.get(name) != record.facts.get(name)]
        if differing:
            changes.append(Change("altered", record.label, differing, record.sources))
    changes += [Change("removed", record.label, [], record.sources)
                for key, record in old.items() if key not in new]
    return changes


def compare(old: EditionData, new: EditionData) -> EditionChanges:
    """What changed from edition *old* to edition *new*."""
    return EditionChanges(
        events=_compare(old.events, new.events, EVENT_FACTS),
        convoys=_compare(old.convoys, new.convoys, CONVOY_FACTS),
        reported=_compare(old.reported, new.reported, REPORTED_FACTS),
        sources_added=[key for key in new.sources if key not in old.sources],
        sources_removed=[key for key in old.sources if key not in new.sources],
    )
