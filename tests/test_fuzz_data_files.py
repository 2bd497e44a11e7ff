"""Fuzzing the data files: hypothesis-generated infobox.toml, gazetteer.toml and bib entries.

The readers are called directly (no Sphinx build per input): ``python3 dev.py fuzz`` runs
10,000 inputs per test (about 15 minutes for the three on two shared cores, most of it the
bib test, which formats every entry in two languages). The normal test run
uses a small profile (``FUZZ_EXAMPLES``, 200 by default). For every input:

- the reader returns normally, whatever the bytes, types or values;
- every problem has a line inside the file and a message;
- what is kept has the types the directives rely on, with no control characters;
- a bib entry that was kept formats with the news style, in English and in Spanish, and
  no link in it is other than http(s) or mailto.
"""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pybtex.backends.plaintext import Backend as Plaintext
from pybtex.richtext import HRef

from infobox.data import read as read_infobox
from newsbib.bibfile import LocatedParser, read_bibfile, safe_address
from newsbib.style import NewsStyle, style_for_language
from opmap.gazetteer import read as read_gazetteer
from tomlsource import control_characters

pytestmark = pytest.mark.fuzz

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))
fuzz = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# -- TOML ----------------------------------------------------------------------------------

WORDS = st.sampled_from(["date", "result", "strength", "units", "government", "rebels", "alpha",
                         "pocket", "destination", "region", "Dumayr", "", " ", "x"])
TEXT = st.one_of(WORDS, st.text(max_size=20))
SCALAR = st.one_of(TEXT, st.integers(-10**20, 10**20), st.booleans(),
                   st.floats(allow_nan=False, allow_infinity=False))
VALUE = st.recursive(SCALAR, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(WORDS.filter(bool), inner, max_size=3)),
    max_leaves=6)


def toml_value(value) -> str:
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return json.dumps(value)


def table(keys: list[str]):
    return st.dictionaries(st.one_of(st.sampled_from(keys), WORDS.filter(bool)),
                           st.one_of(VALUE, st.sampled_from([None])), max_size=len(keys) + 1)


def write_tables(header: str, tables) -> str:
    out = []
    for table_ in tables:
        out.append(f"[[{header}]]")
        out += [f"{json.dumps(k)} = {toml_value(v)}" for k, v in table_.items() if v is not None]
        out.append("")
    return "\n".join(out)


INFOBOX_ROWS = st.lists(st.tuples(table(["field"]), st.lists(
    table(["text", "cite", "side"]), max_size=3)), max_size=4)
GAZETTEER = st.tuples(st.lists(table(["name", "kind", "lat", "lon", "aliases", "note", "conflict",
                                      "labels", "notes", "conflicts"]), max_size=5),
                      st.lists(table(["name", "drawn_at"]), max_size=2))
#: Text a contributor might break a file with: bytes that are not UTF-8, half a header.
DAMAGE = st.one_of(st.just(b""), st.binary(max_size=6), st.sampled_from(
    [b"\xff", b"[[row]", b"[[place]]\n", b"= 5", b'"unclosed', b"\x00", b"\r\n", b"[row]\n"]))


def infobox_text(title, rows) -> str:
    parts = [f"title = {toml_value(title)}", ""]
    for row, entries in rows:
        parts.append(write_tables("row", [row]))
        parts.append(write_tables("row.entry", entries))
    return "\n".join(parts)


def assert_located(problems, data: bytes) -> None:
    lines = data.count(b"\n") + 1
    for problem in problems:
        assert 1 <= problem.line <= lines, problem
        assert problem.message


@fuzz
@given(title=VALUE, rows=INFOBOX_ROWS, damage=DAMAGE, at=st.floats(0, 1))
def test_infobox_reader_never_fails(tmp_path, title, rows, damage, at):
    text = infobox_text(title, rows).encode("utf-8", errors="surrogatepass")
    cut = int(len(text) * at)
    data = text[:cut] + damage + text[cut:]
    path = tmp_path / "box.toml"
    path.write_bytes(data)
    box, problems = read_infobox(path)
    assert_located(problems, data)
    assert isinstance(box.title, str)
    for row in box.rows:
        for entry in row.entries:
            assert isinstance(entry.text, str) and not control_characters(entry.text)
            assert entry.cite and all(isinstance(key, str) and key for key in entry.cite)


@fuzz
@given(tables=GAZETTEER, damage=DAMAGE, at=st.floats(0, 1))
def test_gazetteer_reader_never_fails(tmp_path, tables, damage, at):
    places, areas = tables
    text = (write_tables("place", places) + "\n" + write_tables("area", areas)).encode(
        "utf-8", errors="surrogatepass")
    cut = int(len(text) * at)
    data = text[:cut] + damage + text[cut:]
    path = tmp_path / "places.toml"
    path.write_bytes(data)
    gazetteer, problems = read_gazetteer(path)
    assert_located(problems, data)
    for place in gazetteer.places:
        assert isinstance(place.name, str) and place.name and not control_characters(place.name)
        assert all(isinstance(alias, str) for alias in place.aliases)
        assert (place.lat is None) == (place.lon is None)
        assert place.lat is None or isinstance(place.lat, float)
        assert all(isinstance(text, str) for _language, text in place.labels)
    for _area, drawn_at in gazetteer.areas:
        assert drawn_at in {place.name for place in gazetteer.places}


# -- bib entries ---------------------------------------------------------------------------

BIB_TEXT = st.one_of(
    st.text(max_size=30),
    st.sampled_from([
        "\\url{javascript:alert(1)}", "\\href{data:x}{y}", "\\url{https://ok.example}",
        "{", "}", "@misc{", "\\", "%", "#", "2018-04-03", "2018-XX", "2018?-04", "9" * 30,
        "xx", "ar", "syc", "es-ES", "file:///etc/passwd", "mailto:a@b.example",
    ]),
)
FIELD = st.tuples(st.sampled_from(["title", "journal", "howpublished", "date", "year", "url",
                                   "archiveurl", "archivedate", "urldate", "language", "note",
                                   "note_es", "author"]), BIB_TEXT)
ENTRY = st.tuples(st.sampled_from(["alpha", "Alpha", "beta", "gamma", "a-b", "", "x y"]),
                  st.lists(FIELD, max_size=6))


def bib_text(entries, damage: str) -> str:
    out = []
    for key, fields in entries:
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        out.append(f"@article{{{key},\n{body}\n}}\n")
    out.append(damage)
    return "\n".join(out)


def links(text) -> list[str]:
    found = []

    def walk(part):
        if isinstance(part, HRef):
            found.append(part.url)
        for child in getattr(part, "parts", ()):
            walk(child)

    walk(text)
    return found


STYLES = (NewsStyle(), style_for_language("es")())


@fuzz
@given(entries=st.lists(ENTRY, max_size=5), damage=BIB_TEXT)
def test_bib_reader_never_fails_and_keeps_only_safe_links(tmp_path, entries, damage):
    text = bib_text(entries, damage)
    data = text.encode("utf-8", errors="surrogatepass")
    path = tmp_path / "refs.bib"
    path.write_bytes(data)
    parser = LocatedParser("utf-8-sig")
    problems = read_bibfile(path, "utf-8-sig", parser)
    lines = data.count(b"\n") + 1
    for line, subtype, message in problems:
        assert 1 <= line <= lines and subtype and message
    for key, entry in parser.data.entries.items():
        for style in STYLES:
            formatted = style.format_entry("1", entry)
            formatted.text.render(Plaintext())
            assert all(safe_address(url) for url in links(formatted.text)), key
