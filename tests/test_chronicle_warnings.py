"""Bad input: a located ``chronicle`` warning each, never a traceback, and the page still builds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from chronicle_support import CRASH, html_page, text_of, timeline_items, warnings

#: (page, text on a line of the directive, expected message, subtype). The warning must
#: point at the directive's first line in that page.
CASES = [
    (
        "events",
        "2018-13-45",
        "chron:event: date: '2018-13-45' is not an EDTF date (e.g. 2018-04-03, 2018-04, 2018-03~)",
        "date",
    ),
    (
        "events",
        "2018-04-25/2018-04-17",
        "chron:event: date: the interval '2018-04-25/2018-04-17' ends before it starts",
        "date",
    ),
    ("events", ":title: No date at all", "chron:event: a date is required", "date"),
    (
        "events",
        "nosuchkey",
        "chron:event: unknown source key 'nosuchkey' (not in the bibliography)",
        "source",
    ),
    ("events", "2018-04-06", "chron:event: :title: is required", "option"),
    (
        "events",
        ":title: Missing sources",
        "chron:event: :sources: is required (bib keys of the sources)",
        "source",
    ),
    (
        "events",
        ":name: not a label!",
        "chron:event: :name: 'not a label!' is not a valid label",
        "option",
    ),
    ("convoys", ":buses: -5", "chron:convoy: buses: '-5' is negative; a count cannot be", "count"),
    (
        "convoys",
        ":people: many",
        "chron:convoy: people: 'many' is not a count (write 44, 2,500, \">=30\", \">30\", ~1500 or unknown)",
        "count",
    ),
    (
        "convoys",
        "{chron:convoy} two",
        "chron:convoy: the convoy number must be a positive whole number, not 'two'",
        "number",
    ),
    (
        "convoys",
        ":buses: 7",
        "chron:convoy: convoy 1 is described twice (first at {src}/convoys.md:3)",
        "duplicate",
    ),
    (
        "convoys",
        "2018-04-31",
        "chron:convoy: departed: '2018-04-31' is not an EDTF date "
        "(e.g. 2018-04-03, 2018-04, 2018-03~)",
        "date",
    ),
    (
        "figures",
        "Sentinel after the missing value",
        "chron:reported: give exactly one of :value:, :date: or :text:",
        "option",
    ),
    (
        "figures",
        "Sentinel after the missing source",
        "chron:reported: :source: is required (bib keys of the sources)",
        "source",
    ),
    (
        "figures",
        ":value: lots",
        "chron:reported: value: 'lots' is not a count "
        '(write 44, 2,500, ">=30", ">30", ~1500 or unknown)',
        "count",
    ),
    (
        "figures",
        "{chron:reported} people evacuated",
        "chron:reported: the quantity key must be a name like people-evacuated, "
        "not 'people evacuated'",
        "quantity",
    ),
    (
        "lists",
        ":reported-buses: 124",
        "chron:convoy-table: :reported-buses: write VALUE [bibkey], not '124'",
        "total",
    ),
    (
        "lists",
        ":reported-people: lots",
        "chron:convoy-table: :reported-people: 'lots' is not a count "
        '(write 44, 2,500, ">=30", ">30", ~1500 or unknown)',
        "total",
    ),
    (
        "lists",
        "10 [nosuchkey]",
        "chron:convoy-table: :reported-fighters: unknown source key 'nosuchkey'",
        "source",
    ),
    (
        "lists",
        ":from: April 2018",
        "chron:timeline: from: 'April 2018' is not an EDTF date "
        "(e.g. 2018-04-03, 2018-04, 2018-03~)",
        "date",
    ),
]


def directive_line(path: Path, text: str) -> int:
    """The line of the directive that holds *text*, or that *text* follows: the opening fence."""
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(number for number, line in enumerate(lines) if text in line)
    while not lines[index].startswith(":::{chron:"):
        index -= 1
    return index + 1


@pytest.fixture(scope="module")
def app(chronicle_builds):
    return chronicle_builds("chronicle-warnings", "html")


@pytest.fixture(scope="module")
def warning_lines(app) -> list[str]:
    return warnings(app).splitlines()


@pytest.mark.parametrize(
    ("page", "marker", "message", "subtype"), CASES, ids=[case[2][:60] for case in CASES]
)
def test_bad_input_is_a_located_chronicle_warning(
    app, warning_lines, page, marker, message, subtype
):
    source = Path(app.srcdir, f"{page}.md")
    line = directive_line(source, marker)
    expected = f"{source}:{line}: WARNING: {message.format(src=app.srcdir)} [chronicle.{subtype}]"
    assert expected in warning_lines


def test_no_other_warnings_and_no_traceback(app, warning_lines):
    assert len(warning_lines) == len(CASES), "\n".join(warning_lines)
    assert not CRASH.search(warnings(app))
    assert not CRASH.search(app.status.getvalue())


@pytest.mark.parametrize("page", ["events", "convoys", "figures", "lists"])
def test_rest_of_the_page_still_builds(app, page):
    body = text_of(html_page(app, f"{page}.html").select_one("div.body"))
    sentinels = re.findall(
        r"^Sentinel .*$", Path(app.srcdir, f"{page}.md").read_text(), re.MULTILINE
    )
    assert sentinels
    for sentinel in sentinels:
        assert sentinel in body


def test_good_records_beside_bad_ones_still_reach_the_lists(app):
    lists = html_page(app, "lists.html")
    titles = [item["title"] for item in timeline_items(lists)]
    assert "Good event among bad ones" in titles
    # A bad :name: costs the event its name, not its place in the timeline.
    assert "Bad name" in titles
    # Records whose date or title was refused are left out, not shown half-made.
    for refused in ("Malformed date", "Interval backwards", "No date at all"):
        assert refused not in titles
    assert lists.select_one("table.chron-convoy-table") is not None
    # The well-formed reported total is still shown beside the sum.
    reported = lists.select_one("tr.chron-reported-total")
    assert text_of(reported.find_all("td")[6]) == "20 [2]"
    figures = " ".join(text_of(t) for t in lists.select("table.chron-discrepancies, table.chron-single-source"))
    assert "5,000" in figures and "3,000" in figures


def test_each_kind_can_be_silenced_by_its_subtype(chronicle_builds):
    app = chronicle_builds(
        "chronicle-warnings",
        "html",
        confoverrides={"suppress_warnings": ["chronicle.date", "chronicle.count"]},
    )
    lines = warnings(app).splitlines()
    assert len(lines) == sum(1 for case in CASES if case[3] not in ("date", "count"))
    assert not any("[chronicle.date]" in line or "[chronicle.count]" in line for line in lines)


def test_a_convoy_described_twice_counts_once(app):
    # Convoy 1 is first given with 5 buses refused (negative) and then again with 7: the
    # table keeps the first description only, so the totals do not count it twice.
    table = html_page(app, "lists.html").select_one("table.chron-convoy-table")
    numbers = [text_of(row.find_all("td")[0]) for row in table.select("tbody tr")[:-2]]
    assert numbers.count("1") == 1
