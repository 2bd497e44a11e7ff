"""Read the infobox data file: rows of fields, each with cited entries.

:func:`read` keeps every entry it can use and reports each problem with its line;
:func:`load` is the strict form, for scripts and tests that want the first problem raised.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tomlsource import DataFile, Problem, control_characters, type_name

FIELDS = ("date", "location", "result", "belligerents", "commanders", "units", "strength")
SIDES = ("government", "rebels")
ROW_KEYS = {"field", "entry"}
ENTRY_KEYS = {"text", "cite", "side"}


class InfoboxError(ValueError):
    """The data file cannot be used as it is."""


@dataclass(frozen=True)
class Entry:
    text: str
    cite: tuple[str, ...]
    side: str = ""
    #: The line of the entry in the data file (0: unknown).
    line: int = 0


@dataclass(frozen=True)
class Row:
    field: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Infobox:
    title: str
    rows: tuple[Row, ...]


def _tables(source: DataFile, parent: dict, key: str, where: int) -> list:
    value = parent.get(key, [])
    if isinstance(value, list) and all(isinstance(item, dict) for item in value):
        return value
    source.problem(source.key_line(key, where),
                   f"`{key}` must be a list of tables ([[{key}]]), not {type_name(value)}")
    return []


def _entry(source: DataFile, entry: dict, line: int, field: str) -> Entry | None:
    for key in sorted(set(entry) - ENTRY_KEYS):
        source.problem(source.key_line(key, line), f"{field}: unknown key `{key}` in an entry")
    text = entry.get("text", "")
    if not isinstance(text, str):
        source.problem(source.key_line("text", line),
                       f"{field}: `text` must be text, not {type_name(text)}")
        return None
    if control_characters(text):
        source.problem(source.key_line("text", line), f"{field}: `text` holds control characters")
        return None
    side = entry.get("side", "")
    if side and side not in SIDES:
        source.problem(source.key_line("side", line),
                       f"{field}: unknown side {side!r}; use one of {SIDES}")
        return None
    cite = entry.get("cite", [])
    if not isinstance(cite, list) or not all(isinstance(key, str) and key.strip() for key in cite):
        source.problem(source.key_line("cite", line),
                       f'{field}: `cite` must be a list of bib keys (cite = ["key"]), '
                       f"not {cite!r}")
        return None
    if not cite:
        # Every figure carries its source, "unknown" included.
        source.problem(line, f"{field}: an entry has no `cite`")
        return None
    return Entry(text=text.strip(), cite=tuple(key.strip() for key in cite), side=side, line=line)


def read(path: Path) -> tuple[Infobox, list[Problem]]:
    """The infobox in *path*, without the entries that have problems, and the problems."""
    source = DataFile.read(path)
    data = source.data
    title = data.get("title", "")
    if not isinstance(title, str):
        source.problem(source.key_line("title", 1), f"`title` must be text, not {type_name(title)}")
        title = ""
    for key in sorted(set(data) - {"title", "row"}):
        source.problem(source.key_line(key, 1), f"unknown key `{key}`")
    rows = []
    entry_index = 0
    for index, row in enumerate(_tables(source, data, "row", 1)):
        line = source.table_line("row", index)
        entries = _tables(source, row, "entry", line)
        field = row.get("field")
        for key in sorted(set(row) - ROW_KEYS):
            source.problem(source.key_line(key, line), f"unknown key `{key}` in a row")
        if field not in FIELDS:
            source.problem(source.key_line("field", line),
                           f"unknown field {field!r}; use one of {FIELDS}")
            entry_index += len(entries)
            continue
        kept = []
        for entry in entries:
            entry_line = source.table_line("row.entry", entry_index)
            entry_index += 1
            parsed = _entry(source, entry, entry_line, field)
            if parsed is not None:
                kept.append(parsed)
        rows.append(Row(field=field, entries=tuple(kept)))
    return Infobox(title=title.strip(), rows=tuple(rows)), source.problems


def load(path: Path) -> Infobox:
    """The infobox in *path*; raise :class:`InfoboxError` on the first problem."""
    infobox, problems = read(path)
    if problems:
        raise InfoboxError(f"{path}:{problems[0].line}: {problems[0].message}")
    return infobox
