"""Wrong types and broken bytes in the TOML data files: a warning at the file's line, the
rest of the file, the page and the build kept (hardening.md M4, and its loose data)."""

from __future__ import annotations

import pytest
from chronicle_support import CRASH, html_page, text_of, warnings

from infobox.data import read as read_infobox
from opmap.gazetteer import read as read_gazetteer

BOX_HEAD = 'title = "Box"\n\n[[row]]\nfield = "date"\n[[row.entry]]\n'
GOOD_ROW = '\n[[row]]\nfield = "result"\n[[row.entry]]\ntext = "Kept"\ncite = ["alpha"]\n'


@pytest.mark.parametrize(("entry", "line", "message"), [
    ("text = 5\ncite = [\"alpha\"]\n", 6, "`text` must be text, not a number"),
    ("text = \"x\"\ncite = [1, 2]\n", 7, "`cite` must be a list of bib keys"),
    # Loose data: a string is not a list of keys (it would be read as a, l, p, h, a).
    ("text = \"x\"\ncite = \"alpha\"\n", 7, "`cite` must be a list of bib keys"),
    ("text = \"x\\u0007\"\ncite = [\"alpha\"]\n", 6, "control characters"),
    ("txet = \"x\"\ncite = [\"alpha\"]\n", 6, "unknown key `txet`"),
])
def test_infobox_entry_problems_are_located_and_the_rest_kept(tmp_path, entry, line, message):
    path = tmp_path / "box.toml"
    path.write_text(BOX_HEAD + entry + GOOD_ROW, encoding="utf-8")
    box, problems = read_infobox(path)
    assert [(p.line, message in p.message) for p in problems] == [(line, True)]
    assert [entry.text for row in box.rows for entry in row.entries][-1] == "Kept"


@pytest.mark.parametrize(("toml", "line", "message"), [
    ('row = "x"\n', 1, "`row` must be a list of tables"),
    ('[[row]]\nfield = "date"\nentry = "x"\n', 3, "`entry` must be a list of tables"),
    ("title = [1]\n", 1, "`title` must be text"),
    ('\n\n[[row]]\nfield = "weather"\n', 4, "unknown field"),
    ("[[row]\n", 1, "not valid TOML"),
])
def test_infobox_structure_problems_are_located(tmp_path, toml, line, message):
    path = tmp_path / "box.toml"
    path.write_text(toml, encoding="utf-8")
    _box, problems = read_infobox(path)
    assert [(p.line, message in p.message) for p in problems] == [(line, True)]


PLACE = '[[place]]\nname = "Kept"\nkind = "pocket"\nlat = 33.6\nlon = 36.7\n\n'


@pytest.mark.parametrize(("place", "line", "message"), [
    ('[[place]]\nname = 5\nkind = "pocket"\n', 8, "`name` must be text, not a number"),
    ('[[place]]\nname = "X"\nkind = "pocket"\naliases = [1]\n', 10, "`aliases` must be a list"),
    # Loose data: one alias written as a string would be read letter by letter.
    ('[[place]]\nname = "X"\nkind = "pocket"\naliases = "Dum"\n', 10, "`aliases` must be a list"),
    ('[[place]]\nname = "X"\nkind = "pocket"\nlat = "33.6"\nlon = 36.7\n', 10, "must be a number"),
    ('[[place]]\nname = "X"\nkind = "pocket"\nlat = true\nlon = 36.7\n', 10, "must be a number"),
    ('[[place]]\nname = "X"\nkind = "pocket"\nlabels = "x"\n', 10, "`labels` must be a table"),
    ('[[place]]\nname = "X"\nkind = "pocket"\nlabels = { en = 5 }\n', 10, "`labels` must be a"),
    ('[[place]]\nname = "X\\u0001Y"\nkind = "pocket"\n', 8, "control characters"),
    ('[[place]]\nname = "Kept"\nkind = "pocket"\n', 7, "listed twice"),
    ('[[place]]\nname = { en = "X" }\nkind = "pocket"\n', 8, "`name` must be text, not a table"),
    ('[[area]]\ndrawn_at = "Kept"\n', 7, "an area needs a `name`"),
])
def test_gazetteer_problems_are_located_and_the_rest_kept(tmp_path, place, line, message):
    path = tmp_path / "places.toml"
    path.write_text(PLACE + place, encoding="utf-8")
    gazetteer, problems = read_gazetteer(path)
    assert [(p.line, message in p.message) for p in problems] == [(line, True)]
    assert [p.name for p in gazetteer.places] == ["Kept"]


def test_a_list_of_strings_as_places_is_located(tmp_path):
    path = tmp_path / "places.toml"
    path.write_text('\nplace = ["x"]\n', encoding="utf-8")
    _gazetteer, problems = read_gazetteer(path)
    assert [(p.line, "list of tables" in p.message) for p in problems] == [(2, True)]


def build_with(chronicle_builds, files=None, binary=None):
    app = chronicle_builds.fresh("datafiles", "html", files={**(files or {}), **(binary or {})})
    app.build()
    return app


def test_non_utf8_infobox_is_located_and_the_build_kept(chronicle_builds):
    box = (b'title = "Test operation"\n\n[[row]]\nfield = "date"\n[[row.entry]]\n'
           b'text = "19\xff April"\ncite = ["alpha"]\n')
    app = build_with(chronicle_builds, binary={"box.toml": box})
    log = warnings(app)
    assert not CRASH.search(log)
    assert "box.toml:6: WARNING: infobox: the file is not UTF-8" in log
    assert "[infobox.data]" in log
    page = html_page(app, "index.html")
    assert "Text after the map." in text_of(page)
    assert page.select_one("div.infobox") is not None


def test_wrong_types_in_a_gazetteer_are_located_and_the_map_kept(chronicle_builds):
    places = (PLACE + '[[place]]\nname = 5\nkind = "pocket"\n\n'
              '[[place]]\nname = "Jarabulus"\nkind = "destination"\nlat = "36.8"\nlon = 38.0\n')
    app = build_with(chronicle_builds, files={"places.toml": places})
    log = warnings(app)
    assert not CRASH.search(log)
    assert "places.toml:8: WARNING: gazetteer: a place: `name` must be text" in log
    assert "places.toml:14: WARNING: gazetteer: place 'Jarabulus': `lat` must be a number" in log
    assert "[opmap.gazetteer]" in log
    page = html_page(app, "index.html")
    assert page.select_one("div.opmap svg") is not None
    assert "Text after the map." in text_of(page)


def test_a_non_utf8_gazetteer_is_located(chronicle_builds):
    app = build_with(chronicle_builds, binary={"places.toml": b'[[place]]\nname = "\xc0"\n'})
    log = warnings(app)
    assert not CRASH.search(log)
    assert "places.toml:2: WARNING: gazetteer: the file is not UTF-8" in log
