"""Incremental builds: editing, adding or removing a record anywhere updates every list page.

One app builds the clean root, then the sources are edited and the same app rebuilds into
the same output folder, as ``sphinx-build`` (or ``sphinx-autobuild``) does between edits.
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest
from chronicle_support import html_page, table_rows, text_of, timeline_items, warnings
from sphinx.util.console import strip_escape_sequences


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def touched_later(*paths: Path) -> None:
    """Give edited files a modification time Sphinx cannot mistake for the last build's."""
    later = time.time() + 5
    for path in paths:
        os.utime(path, (later, later))


def titles(app, page: str = "timeline.html", index: int = 0) -> list[str]:
    return [item["title"] for item in timeline_items(html_page(app, page), index)]


def convoy_rows(app) -> list[list[str]]:
    return table_rows(html_page(app, "tables.html").select_one("table.chron-convoy-table"))


def discrepancy_rows(app) -> list[list[str]]:
    return table_rows(html_page(app, "tables.html").select_one("table.chron-discrepancies"))


@pytest.fixture(scope="module")
def app(chronicle_builds):
    app = chronicle_builds.fresh("chronicle", "html")
    app.build()
    assert warnings(app) == ""
    yield app
    chronicle_builds.close()


@pytest.fixture(scope="module")
def first(app):
    """What the list pages said after the first build."""
    return {
        "timeline": titles(app),
        "talks": titles(app, "filtered.html", 0),
        "convoys": convoy_rows(app),
        "discrepancies": discrepancy_rows(app),
    }


@pytest.fixture(scope="module")
def edited(app, first):
    """Edit, add and remove an event, a convoy and a reported figure on their own pages."""
    src = Path(app.srcdir)
    negotiations, aftermath = src / "negotiations.md", src / "aftermath.md"
    convoys, figures = src / "convoys.md", src / "figures.md"
    # Events: one edited (title and date), one added, one removed.
    edit(
        negotiations,
        ":::{chron:event} 2018-04-03\n:title: Talks open at Dumayr",
        ":::{chron:event} 2018-04-10\n:title: Talks open at Dumayr, a week late",
    )
    edit(
        negotiations,
        ":::{chron:event} 2018-03~\n:title: Bombardment begins\n:sources: gamma\n\n"
        "Sentinel body of the bombardment.\n:::\n",
        "",
    )
    aftermath.write_text(
        aftermath.read_text() + "\n:::{chron:event} 2018-04-20\n:title: Added later\n"
        ":sources: beta\n:tags: talks\n:::\n",
        encoding="utf-8",
    )
    # Convoys: 3 gets a bus count, 2 is removed, 4 is added.
    edit(convoys, ":buses: unknown", ":buses: 12")
    text = convoys.read_text()
    start = text.index(":::{chron:convoy} 2")
    end = text.index(":::{chron:convoy} 1")
    convoys.write_text(
        text[:start] + text[end:] + "\n:::{chron:convoy} 4\n:buses: 5\n:people: 300\n"
        ":fighters: 7\n:civilians: 100\n:sources: alpha\n:::\n",
        encoding="utf-8",
    )
    # Reported figures: one value changed, one removed, one added.
    edit(figures, ":value: 3,200", ":value: 4,100")
    edit(figures, ":::{chron:reported} buses-used\n:value: 124\n:source: beta\n:::\n", "")
    figures.write_text(
        figures.read_text() + "\n:::{chron:reported} rounds\n:value: 3\n:source: beta\n:::\n",
        encoding="utf-8",
    )
    touched_later(negotiations, aftermath, convoys, figures)
    app.warning.truncate(0)
    app.warning.seek(0)
    app.build()
    return app


def test_first_build_lists(first):
    assert "Talks open at Dumayr" in first["timeline"]
    assert [row[0] for row in first["convoys"]][:3] == ["1", "2", "3"]


def test_list_pages_were_not_reread_but_were_rewritten(edited):
    # Where the terminal takes colour, Sphinx ends progress lines with "\r", not "\n".
    status = strip_escape_sequences(edited.status.getvalue()).replace("\r", "\n")
    rebuild = status.rpartition("updating environment:")[2]
    reread = set(re.findall(r"^reading sources\.\.\. \[ *\d+%\] (\S+)$", rebuild, re.MULTILINE))
    written = set(re.findall(r"^writing output\.\.\. \[ *\d+%\] (\S+)$", rebuild, re.MULTILINE))
    assert reread == {"aftermath", "convoys", "figures", "negotiations"}
    assert {"timeline", "filtered", "tables"} <= written


def test_rebuild_is_warning_free(edited):
    assert warnings(edited) == ""


def test_timeline_follows_edited_added_and_removed_events(edited):
    assert titles(edited) == [
        "Ceasefire year",
        "A month of talks",
        "Second meeting on the same day",
        "Third event on the same day, on a later page",
        "Talks open at Dumayr, a week late",
        "The evacuation week",
        "Agreement announced",
        "Added later",
        "Departure reported",
        r"<b>bold</b> & \textbf{x} { 50% $5",
        "Sweeps of the mountains",
    ]
    items = {item["title"]: item for item in timeline_items(html_page(edited, "timeline.html"))}
    assert items["Talks open at Dumayr, a week late"]["date"] == "10 April 2018"
    assert items["Added later"]["href"].startswith("aftermath.html#")


def test_filtered_timeline_follows_too(edited):
    assert titles(edited, "filtered.html", 0) == [
        "A month of talks",
        "Second meeting on the same day",
        "Talks open at Dumayr, a week late",
        "Agreement announced",
        "Added later",
    ]


def test_convoy_table_follows_edited_added_and_removed_convoys(edited):
    rows = convoy_rows(edited)
    assert [row[0] for row in rows] == ["1", "3", "4", "Sum of the convoys", "Reported total"]
    assert rows[1][3] == "12"
    # 44 + 12 + 5 buses, all exact now: the total is exact and 124 is no longer below it.
    assert rows[3][3:7] == ["61", "3,800", "127", "at least 400"]
    reported = html_page(edited, "tables.html").select_one("tr.chron-reported-total")
    buses = reported.find_all("td")[3]
    assert (
        "chron-contradiction" in buses["class"]
    )  # 124 reported, 61 counted: still a contradiction
    assert "(61)" in text_of(buses)


def test_discrepancies_follow_edited_added_and_removed_figures(edited):
    # beta's 124 buses removed: alpha's figure stands alone; rounds gained a second value.
    assert discrepancy_rows(edited) == [
        ["People evacuated Sources differ", "5,000", "22 April 2018", "[1]", "wire agency"],
        ["", "4,100", "25 April 2018", "[2]", "monitor"],
        ["Evacuation rounds Sources differ", "about 4", "", "[3]", ""],
        ["", "3", "", "[2]", "monitor"],
    ]


def test_exports_follow(edited):
    events = json.loads((edited.outdir / "_data" / "events.json").read_text(encoding="utf-8"))
    assert [event["title"] for event in events] == titles(edited)
    convoys = (edited.outdir / "_data" / "convoys.csv").read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[0] for line in convoys[1:]] == ["1", "3", "4"]


@pytest.fixture(scope="module")
def reordered(edited):
    """Swap two pages in the toctree: nothing in them changes, but the reading order does."""
    index = Path(edited.srcdir, "index.md")
    edit(index, "negotiations\naftermath\n", "aftermath\nnegotiations\n")
    touched_later(index)
    edited.warning.truncate(0)
    edited.warning.seek(0)
    edited.build()
    return edited


def test_ties_follow_a_new_reading_order(reordered):
    assert warnings(reordered) == ""
    listed = titles(reordered)
    # Both on 3 April: the aftermath page is now read first.
    assert listed.index("Third event on the same day, on a later page") < listed.index(
        "Second meeting on the same day"
    )


@pytest.fixture(scope="module")
def pages_changed(reordered):
    """Remove a whole page of events and add a new one."""
    edited = reordered
    src = Path(edited.srcdir)
    (src / "aftermath.md").unlink()
    (src / "later.md").write_text(
        "# Later\n\n:::{chron:event} 2019\n:title: A year later\n:sources: gamma\n:::\n",
        encoding="utf-8",
    )
    edit(src / "index.md", "aftermath\n", "later\n")
    touched_later(src / "later.md", src / "index.md")
    edited.warning.truncate(0)
    edited.warning.seek(0)
    edited.build()
    return edited


def test_removed_and_added_pages_update_the_timeline(pages_changed):
    assert warnings(pages_changed) == ""
    listed = titles(pages_changed)
    for gone in (
        "Ceasefire year",
        "Third event on the same day, on a later page",
        "Added later",
        "Sweeps of the mountains",
    ):
        assert gone not in listed
    assert listed[-1] == "A year later"
    assert timeline_items(html_page(pages_changed, "timeline.html"))[-1]["href"].startswith(
        "later.html#"
    )
