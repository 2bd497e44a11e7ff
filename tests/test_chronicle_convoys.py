"""chron:convoy and chron:convoy-table: counts as the sources give them, and honest totals."""

from __future__ import annotations

import pytest
from chronicle_support import html_page, table_rows, text_of, warnings

HEADERS = ["Convoy", "Dates", "Route", "Buses", "People", "Fighters", "Civilians", "Sources"]


@pytest.fixture(scope="module")
def app(chronicle_builds):
    return chronicle_builds("chronicle", "html")


@pytest.fixture(scope="module")
def convoy_table(app):
    return html_page(app, "tables.html").select_one("table.chron-convoy-table")


def row(table, first_cell: str) -> list[str]:
    return next(cells for cells in table_rows(table) if cells[0] == first_cell)


def test_convoys_by_number_whatever_the_source_order(convoy_table):
    assert [text_of(th) for th in convoy_table.select("thead th")] == HEADERS
    assert [cells[0] for cells in table_rows(convoy_table)] == [
        "1",
        "2",
        "3",
        "Sum of the convoys",
        "Reported total",
    ]


def test_convoy_rows_show_dates_route_counts_and_sources(convoy_table):
    assert row(convoy_table, "1") == [
        "1",
        "departed 19–20 April 2018",
        "Dumayr → Jarabulus",
        "44",
        "2,500",
        "100",
        "unknown",
        "[1]",
    ]
    assert row(convoy_table, "2") == [
        "2",
        "departed 22 April 2018; arrived 23 April 2018",
        "Ruhaybah → Jarabulus (Jaysh al-Islam)",
        "at least 90",
        "about 1,500",
        "at least 30",
        "1,200",
        "[2]",
    ]
    assert row(convoy_table, "3") == [
        "3",
        "unknown",
        "unknown → unknown",
        "unknown",
        "1,000",
        "20",
        "300",
        "[3]",
    ]


def test_convoy_number_links_to_the_convoy(app, convoy_table):
    link = convoy_table.select_one("tbody tr a")
    page, _, anchor = link["href"].partition("#")
    target = html_page(app, page).find(id=anchor)
    assert text_of(target.select_one("p.chron-convoy-title")) == "Convoy 1 [1]"


def test_totals_are_honest_about_bounds_unknowns_and_approximations(convoy_table):
    totals = convoy_table.select_one("tr.chron-total")
    cells = [text_of(cell) for cell in totals.find_all("td")]
    # buses: 44 + at least 90 + unknown; people: 2,500 + about 1,500 + 1,000;
    # fighters: 100 + at least 30 + 20; civilians: unknown + 1,200 + 300.
    assert cells[0] == "Sum of the convoys"
    assert cells[3:7] == ["at least 134", "about 5,000", "at least 150", "at least 1,500"]


def test_reported_total_outside_the_convoys_is_a_contradiction(convoy_table):
    reported = convoy_table.select_one("tr.chron-reported-total")
    cells = reported.find_all("td")
    buses, people, fighters, civilians = cells[3:7]
    # 124 buses reported, but the convoys alone had at least 134.
    assert "chron-contradiction" in buses["class"]
    assert text_of(buses).startswith("124 [1]")
    assert "at least 134" in text_of(buses.select_one(".chron-contradiction-note"))
    # 150 fighters against "at least 150": consistent.
    assert "chron-contradiction" not in fighters.get("class", [])
    assert text_of(fighters) == "150 [3]"
    # 5,200 people against "about 5,000": within the tolerance for approximate figures.
    assert "chron-contradiction" not in people.get("class", [])
    assert text_of(people) == "5,200 [2]"
    assert text_of(civilians) == ""
    assert len(reported.select(".chron-contradiction")) == 1


def test_reported_total_citation_links_to_the_bibliography(convoy_table):
    link = convoy_table.select_one("tr.chron-reported-total td a")
    assert link["href"].startswith("references.html#")
    assert link.get_text() == "1"


def test_convoy_renders_in_place(app):
    page = html_page(app, "convoys.html")
    convoy = page.select("div.chron-convoy")[0]
    assert text_of(convoy.select_one("p.chron-convoy-title")) == "Convoy 2 [2]"
    facts = text_of(convoy.select_one(".chron-convoy-facts"))
    for fact in (
        "22 April 2018",
        "23 April 2018",
        "Ruhaybah",
        "Jarabulus",
        "at least 90",
        "about 1,500",
        "at least 30",
        "1,200",
        "Jaysh al-Islam",
    ):
        assert fact in facts
    assert "Sentinel body of convoy two." in text_of(convoy)


EXACT_CONVOYS = """\
# Convoys

:::{chron:convoy} 1
:buses: 10
:people: 10
:fighters: 10
:sources: alpha
:::

:::{chron:convoy} 2
:buses: 20
:people: 20
:fighters: 20
:civilians: unknown
:sources: beta
:::
"""

EXACT_TABLE = """\
# Tables

:::{chron:convoy-table}
:reported-buses: 30 [alpha]
:reported-people: 31 [beta]
:reported-fighters: ">=40 [gamma]"
:reported-civilians: unknown [beta]
:::

:::{chron:discrepancies}
:::
"""


@pytest.fixture(scope="module")
def exact_table(chronicle_builds):
    app = chronicle_builds(
        "chronicle", "html", files={"convoys.md": EXACT_CONVOYS, "tables.md": EXACT_TABLE}
    )
    assert warnings(app) == ""
    return html_page(app, "tables.html").select_one("table.chron-convoy-table")


def test_exact_counts_sum_exactly_and_all_unknown_stays_unknown(exact_table):
    totals = [text_of(cell) for cell in exact_table.select_one("tr.chron-total").find_all("td")]
    assert totals[3:7] == ["30", "30", "30", "unknown"]


def test_exact_sum_contradictions(exact_table):
    cells = exact_table.select_one("tr.chron-reported-total").find_all("td")[3:7]
    buses, people, fighters, civilians = cells
    assert "chron-contradiction" not in buses.get("class", [])  # 30 = 10 + 20
    assert "chron-contradiction" in people["class"]  # 31 ≠ 10 + 20
    assert "chron-contradiction" in fighters["class"]  # at least 40 > 10 + 20
    assert text_of(fighters).startswith("at least 40 [3]")
    assert "chron-contradiction" not in civilians.get("class", [])  # unknown contradicts nothing
    assert text_of(civilians) == "unknown [2]"


DISPUTED_FIGURES = """\
# Figures

:::{chron:reported} buses-convoy-1
:value: 35
:source: beta
:convoy: 1
:field: buses
:label: Buses of convoy 1
:::

:::{chron:reported} buses-convoy-1
:value: 44
:source: alpha
:convoy: 1
:field: buses
:::
"""

LABELLED_CONVOY = """\
# Convoys

:::{chron:convoy} 1
:label: The Dumayr convoy
:departed: 2018-04-19
:from: Dumayr
:to: Jarabulus
:buses: 44
:sources: alpha
:::
"""


def test_a_field_that_another_source_gives_otherwise_is_shown_disputed(chronicle_builds):
    app = chronicle_builds(
        "chronicle", "html", files={"figures.md": DISPUTED_FIGURES, "convoys.md": LABELLED_CONVOY}
    )
    assert warnings(app) == ""
    table = html_page(app, "tables.html").select_one("table.chron-convoy-table")
    first = table_rows(table)[0]
    # The convoy's own 44, and beta's 35 beside it; alpha's agreeing 44 is not a dispute.
    assert first[0] == "1 The Dumayr convoy"
    assert first[3] == "44 Disputed: 35 [2]"
    assert "chron-disputed" in table.select("tbody tr")[0].select("td")[3]["class"]
    in_place = text_of(html_page(app, "convoys.html").select_one("div.chron-convoy"))
    assert in_place.startswith("Convoy 1 [1] The Dumayr convoy")
