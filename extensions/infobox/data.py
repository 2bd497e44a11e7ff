"""Read the infobox data file: rows of fields, each with cited entries."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

FIELDS = ("date", "location", "result", "belligerents", "commanders", "units", "strength")
SIDES = ("government", "rebels")


class InfoboxError(ValueError):
    """The data file cannot be used as it is."""


@dataclass(frozen=True)
class Entry:
    text: str
    cite: tuple[str, ...]
    side: str = ""


@dataclass(frozen=True)
class Row:
    field: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Infobox:
    title: str
    rows: tuple[Row, ...]


def load(path: Path) -> Infobox:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise InfoboxError(f"cannot read {path}: {error}") from error
    rows = []
    for row in data.get("row", []):
        field = row.get("field")
        if field not in FIELDS:
            raise InfoboxError(f"{path}: unknown field {field!r}; use one of {FIELDS}")
        entries = []
        for entry in row.get("entry", []):
            side = entry.get("side", "")
            if side and side not in SIDES:
                raise InfoboxError(f"{path}: {field}: unknown side {side!r}; use one of {SIDES}")
            cite = tuple(entry.get("cite", ()))
            if not cite:
                # Every figure carries its source, "unknown" included.
                raise InfoboxError(f"{path}: {field}: an entry has no `cite`")
            entries.append(Entry(text=entry.get("text", "").strip(), cite=cite, side=side))
        rows.append(Row(field=field, entries=tuple(entries)))
    return Infobox(title=data.get("title", ""), rows=tuple(rows))
