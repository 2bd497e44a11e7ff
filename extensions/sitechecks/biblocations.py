"""Line numbers of entries and fields in ``.bib`` files.

pybtex keeps no positions, so a finding about an entry would otherwise point at the whole
file. A light scan of the text is enough: entries start with ``@type{key,`` on a line,
and fields with ``name =``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

ENTRY = re.compile(r"^[ \t]*@(?P<type>\w+)\s*[{(]\s*(?P<key>[^,\s]+)\s*,", re.MULTILINE)
FIELD = re.compile(r"^[ \t]*(?P<name>[A-Za-z][\w-]*)\s*=", re.MULTILINE)
NOT_ENTRIES = {"comment", "preamble", "string"}


@dataclass
class EntryLocation:
    path: Path
    line: int
    fields: dict[str, int] = field(default_factory=dict)


@dataclass
class BibLocations:
    """Where each entry (and each of its fields) starts; keys seen twice are kept apart."""

    entries: dict[str, EntryLocation] = field(default_factory=dict)
    duplicates: list[tuple[str, EntryLocation]] = field(default_factory=list)

    def place(self, key: str, field_name: str | None = None) -> tuple[Path | None, int | None]:
        location = self.entries.get(key)
        if location is None:
            return None, None
        return location.path, location.fields.get(field_name, location.line)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def locate(paths: list[Path]) -> BibLocations:
    locations = BibLocations()
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        starts = [
            match for match in ENTRY.finditer(text) if match["type"].lower() not in NOT_ENTRIES
        ]
        for index, match in enumerate(starts):
            end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
            location = EntryLocation(Path(path), _line_of(text, match.start()))
            for field_match in FIELD.finditer(text, match.end(), end):
                location.fields.setdefault(
                    field_match["name"].lower(), _line_of(text, field_match.start())
                )
            key = match["key"]
            if key in locations.entries:
                locations.duplicates.append((key, location))
            else:
                locations.entries[key] = location
    return locations
