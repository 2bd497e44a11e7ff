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
    #: (key as written, where, the first entry's key as written)
    duplicates: list[tuple[str, EntryLocation, str]] = field(default_factory=list)

    def place(self, key: str, field_name: str | None = None) -> tuple[Path | None, int | None]:
        location = self.entries.get(key)
        if location is None:
            return None, None
        return location.path, location.fields.get(field_name, location.line)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _depths(text: str, offsets: list[int]) -> list[int]:
    """Brace depth at each of *offsets* (sorted): an entry starts only at depth 0."""
    depths, depth, position = [], 0, 0
    for offset in offsets:
        for index in range(position, offset):
            char = text[index]
            if char == "{" and (index == 0 or text[index - 1] != "\\"):
                depth += 1
            elif char == "}" and (index == 0 or text[index - 1] != "\\") and depth:
                depth -= 1
        position = offset
        depths.append(depth)
    return depths


def locate(paths: list[Path]) -> BibLocations:
    locations = BibLocations()
    seen: dict[str, str] = {}
    for path in paths:
        # utf-8-sig: a byte-order mark must not hide the first entry; a stray byte must
        # not stop the check (the build reports the encoding).
        text = Path(path).read_text(encoding="utf-8-sig", errors="replace")
        candidates = [
            match for match in ENTRY.finditer(text) if match["type"].lower() not in NOT_ENTRIES
        ]
        depths = _depths(text, [match.start() for match in candidates])
        starts = [match for match, depth in zip(candidates, depths) if depth == 0]
        for index, match in enumerate(starts):
            end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
            location = EntryLocation(Path(path), _line_of(text, match.start()))
            for field_match in FIELD.finditer(text, match.end(), end):
                location.fields.setdefault(
                    field_match["name"].lower(), _line_of(text, field_match.start())
                )
            key = match["key"]
            # BibTeX keys are case-insensitive: "alpha" and "Alpha" are one key.
            if key.casefold() in seen:
                locations.duplicates.append((key, location, seen[key.casefold()]))
            else:
                seen[key.casefold()] = key
                locations.entries[key] = location
    return locations
