"""Read the bibliography so that no entry is lost silently and every problem has a line.

sphinxcontrib-bibtex parses the .bib files with pybtex in strict mode: the first duplicate
key ends the parse (every later entry is dropped, with a warning that names no line), and a
syntax error or a non-UTF-8 byte stops the build with an "Extension error". This module
parses the same files first, on ``builder-inited``, and hands sphinxcontrib-bibtex the
result in its own cache record (:class:`~sphinxcontrib.bibtex.bibfile.BibData`), which it
then finds up to date and uses as it is. On the way every problem becomes a warning at
the file's line, the entries after it are kept, and fields that would put a link other
than http(s) or mailto on the References page are taken out.
"""

from __future__ import annotations

import re
from pathlib import Path

from babel import Locale, UnknownLocaleError
from pybtex.database.input.bibtex import LowLevelParser, Parser
from pybtex.errors import capture
from pybtex.richtext import Text
from pybtex.scanner import PybtexSyntaxError
from sphinx.util import logging
from sphinxcontrib.bibtex.bibfile import BibData, BibFile, get_mtime

from . import addresses

logger = logging.getLogger(__name__)

URL_FIELDS = ("url", "archiveurl")
#: Links written in LaTeX inside any field: \url{address}, \href{address}{text}.
_LATEX_LINK = re.compile(r"\\(?P<command>url|href)\s*\{(?P<address>[^{}]*)\}(?:\s*\{(?P<text>[^{}]*)\})?")


def safe_address(address: str) -> bool:
    """Whether *address* may be a link a reader follows."""
    return addresses.link_problem(address) is None


class LocatedParser(Parser):
    """pybtex's BibTeX parser, keeping each entry's line and every problem with its line."""

    def __init__(self, encoding: str):
        super().__init__(encoding)
        self.problems: list[tuple[int, str, str]] = []
        self.entry_lines: dict[str, int] = {}
        self._text = ""
        self._line = 1

    def line_at(self, position: int) -> int:
        return self._text.count("\n", 0, position) + 1

    def handle_error(self, error) -> None:
        if isinstance(error, PybtexSyntaxError):
            start = self.line_at(error.error_context_info[0])
            self.problems.append((start, "syntax", f"in the entry at line {start}: {error}"))
        else:
            self.problems.append((self._line, "syntax", str(error)))

    def parse_string(self, text: str):
        # pybtex's own loop, with the entry's line noted and duplicates refused here, so
        # that they are located and the parse goes on.
        self._text = text
        self.unnamed_entry_counter = 1
        entries = LowLevelParser(text, keyless_entries=self.keyless_entries,
                                 handle_error=self.handle_error, want_entry=self.data.want_entry,
                                 filename=self.filename, macros=self.macros)
        for entry_type, body in entries:
            self._line = self.line_at(entries.command_start)
            kind = entry_type.lower()
            if kind == "string":
                continue
            if kind == "preamble":
                self.process_preamble(*body)
                continue
            key = body[0]
            if key is not None and key in self.data.entries:
                first = self.data.entries[key].key
                self.problems.append((
                    self._line, "duplicate",
                    f"duplicate key {key!r} (first at line {self.entry_lines[first]}"
                    + (f" as {first!r}" if first != key else "")
                    + "): this entry is left out; give it a key of its own"))
                continue
            with capture() as errors:
                self.process_entry(entry_type, *body)
            for error in errors:
                self.problems.append((self._line, "syntax", str(error)))
            if key is not None and key in self.data.entries:
                self.entry_lines[self.data.entries[key].key] = self._line
        return self.data


def _field_line(text: str, start: int, field: str) -> int:
    lines = text.split("\n")
    pattern = re.compile(rf"^\s*{re.escape(field)}\s*=", re.IGNORECASE)
    for number in range(start, min(len(lines), start + 200) + 1):
        if pattern.match(lines[number - 1]):
            return number
    return start


def _readable_latex(value: str) -> bool:
    """Whether the news style can read *value* (it reads every field as LaTeX)."""
    try:
        Text.from_latex(value)
    except Exception:  # noqa: BLE001 - latexcodec and pybtex raise several kinds
        return False
    return True


def _check_entry(parser: LocatedParser, key: str, entry) -> None:
    """Take out unsafe links and report unknown language codes, each at its line."""
    start = parser.entry_lines.get(key, 1)
    fields = entry.fields
    for name in URL_FIELDS:
        if name in fields and addresses.fetch_problem(fields[name]):
            parser.problems.append((
                _field_line(parser._text, start, name), "link",
                f"{key}: `{name}` is not an http(s) address and is left out: {fields[name]!r}"))
            del fields[name]
    for name in list(fields):
        value = fields[name]

        def plain(match: re.Match, name=name) -> str:
            if safe_address(match["address"]):
                return match[0]
            parser.problems.append((
                _field_line(parser._text, start, name), "link",
                f"{key}: `{name}` links to {match['address']!r}, which is not an http(s) "
                "address; only its text is kept"))
            return match["text"] if match["text"] is not None else match["address"]

        fields[name] = _LATEX_LINK.sub(plain, value)
        if not _readable_latex(fields[name]):
            parser.problems.append((
                _field_line(parser._text, start, name), "latex",
                f"{key}: `{name}` is not LaTeX that can be read (a lone backslash or an "
                "unbalanced brace?); it is shown without its backslashes and braces"))
            fields[name] = re.sub(r"[\\{}]", "", fields[name])
    language = fields.get("language")
    if language:
        try:
            Locale.parse(language.replace("-", "_"))
        except (ValueError, LookupError, UnknownLocaleError):
            parser.problems.append((
                _field_line(parser._text, start, "language"), "language",
                f"{key}: unknown language code {language!r} (write a code such as ar, es, fr)"))


def read_bibfile(path: Path, encoding: str, parser: LocatedParser) -> list[tuple[int, str, str]]:
    """Parse *path* into *parser*; the problems found in it, as (line, subtype, message)."""
    parser.problems = []
    parser.entry_lines = {}
    parser.filename = str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        return [(1, "file", f"cannot read the bibliography: {error.strerror or error}")]
    codec = encoding or "utf-8-sig"
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        parser.problems.append((line, "encoding", f"the file is not {codec} (a byte cannot be "
                                                  "read); the line is read with it replaced"))
        text = raw.decode(codec, errors="replace")
    except LookupError:
        return [(1, "file", f"unknown encoding {codec!r} (bibtex_encoding)")]
    before = set(parser.data.entries)
    parser.parse_string(text)
    for key in parser.data.entries:
        if key not in before:
            _check_entry(parser, key, parser.data.entries[key])
    return sorted(parser.problems)


def read_bibliography(app) -> None:
    """``builder-inited``, before sphinxcontrib-bibtex's: parse the .bib files ourselves."""
    if not app.config.bibtex_bibfiles:
        return
    encoding = app.config.bibtex_encoding
    parser = LocatedParser(encoding)
    bibfiles: dict[Path, BibFile] = {}
    for name in app.config.bibtex_bibfiles:
        path = (Path(app.confdir) / name).resolve()
        before = list(parser.data.entries)
        for line, subtype, message in read_bibfile(path, encoding, parser):
            logger.warning("bibliography: %s", message, location=f"{path}:{line}",
                           type="newsbib", subtype=subtype)
        keys = dict.fromkeys(key for key in parser.data.entries if key not in set(before))
        bibfiles[path] = BibFile(mtime=get_mtime(path), keys=keys)
    app.env.get_domain("cite").data["bibdata"] = BibData(
        encoding=encoding, bibfiles=bibfiles, data=parser.data)
