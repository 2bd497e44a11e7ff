"""Read a TOML data file so that every problem in it has a line number.

``tomllib`` gives values without positions. The data files of this project are written as
arrays of tables (``[[row]]``, ``[[row.entry]]``, ``[[place]]``), whose headers appear in
the text in the same order as the tables in the parsed data; that order is enough to find
the line of a table and of a key in it. Files written otherwise still get a line: the
nearest one that can be found, at worst the first.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

_HEADER = re.compile(r"^\s*\[\[\s*([^\]]+?)\s*\]\]\s*(?:#.*)?$")
_TOML_POSITION = re.compile(r"\(at line (\d+), column \d+\)")


@dataclass(frozen=True)
class Problem:
    """Something wrong in a data file, and the line it is on."""

    line: int
    message: str


@dataclass
class DataFile:
    """A parsed TOML file, the lines of its array-of-tables headers, and its problems."""

    path: Path
    text: str = ""
    data: dict = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    _headers: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> DataFile:
        source = cls(path)
        try:
            raw = path.read_bytes()
        except OSError as error:
            source.problem(1, f"cannot read the file: {error.strerror or error}")
            return source
        try:
            source.text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw.count(b"\n", 0, error.start) + 1
            source.problem(line, "the file is not UTF-8 (a byte cannot be read); "
                                 "the line is read with the byte replaced")
            source.text = raw.decode("utf-8", errors="replace")
        try:
            source.data = tomllib.loads(source.text)
        except tomllib.TOMLDecodeError as error:
            match = _TOML_POSITION.search(str(error))
            source.problem(int(match[1]) if match else 1, f"not valid TOML: {error}")
            return source
        for number, line in enumerate(source.text.split("\n"), start=1):
            header = _HEADER.match(line)
            if header:
                name = re.sub(r"\s*\.\s*", ".", header[1])
                source._headers.setdefault(name, []).append(number)
        return source

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(line, message))

    def table_line(self, name: str, index: int) -> int:
        """The line of the *index*-th ``[[name]]`` table (counted over the whole file)."""
        lines = self._headers.get(name, [])
        if index < len(lines):
            return lines[index]
        return self.key_line(name.split(".")[-1], 1)

    def key_line(self, key: str, start: int) -> int:
        """The line of ``key = …`` in the table that starts at line *start*."""
        pattern = re.compile(rf"^\s*(?:{re.escape(key)}|\"{re.escape(key)}\")\s*=")
        lines = self.text.split("\n")
        for number in range(start, len(lines) + 1):
            text = lines[number - 1]
            if number > start and text.lstrip().startswith("["):
                break  # the next table
            if pattern.match(text):
                return number
        return start


def type_name(value: object) -> str:
    """How a TOML writer would call the type of *value*."""
    return {bool: "a boolean", int: "a number", float: "a number", str: "text", list: "a list",
            dict: "a table"}.get(type(value), "a date or time")


def control_characters(text: str) -> bool:
    """Whether *text* holds characters that are not meant to be shown (C0 and C1 controls
    other than tab and line breaks, surrogates, private-use and unassigned code points)."""
    return any(unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn") and char not in "\t\n\r"
               for char in text)
