"""chron:reported and chron:discrepancies: each source's figure, and where sources differ."""

from __future__ import annotations

import pytest
from chronicle_support import html_page, table_rows, text_of, warnings


@pytest.fixture(scope="module")
def app(chronicle_builds):
    return chronicle_builds("chronicle", "html")


@pytest.fixture(scope="module")
def discrepancies(app):
    return html_page(app, "tables.html").select_one("table.chron-discrepancies")


def test_every_quantity_with_each_figure_its_source_and_the_kind_of_outlet(discrepancies):
    assert [text_of(th) for th in discrepancies.select("thead th")] == [
        "Quantity",
        "Figure",
        "As of",
        "Source",
        "Kind of source",
    ]
    # people-evacuated differs (5,000 / 3,200); buses-used agrees (124 twice). Each keeps
    # its as-of date, citation and the outlet's kind (the bib entry's ``kind``), in
    # reading order.
    assert table_rows(discrepancies) == [
        ["People evacuated Sources differ", "5,000", "22 April 2018", "[1]", "wire agency"],
        ["", "3,200", "25 April 2018", "[2]", "monitor"],
        ["Buses used Sources agree", "124", "", "[1]", "wire agency"],
        ["", "124", "", "[2]", "monitor"],
    ]


def test_a_figure_given_by_one_source_is_still_listed(app):
    body = html_page(app, "tables.html").select_one("div.body")
    assert "Figures given by one source" in text_of(body.select_one("p.rubric"))
    # gamma has no ``kind``: the column stays empty rather than guessing.
    assert table_rows(body.select_one("table.chron-single-source")) == [
        ["Evacuation rounds", "about 4", "", "[3]", ""],
    ]


def test_each_value_links_to_where_it_is_reported(app, discrepancies):
    for link in discrepancies.select("tbody td a.reference.internal"):
        if link["href"].startswith("references.html"):
            continue
        page, _, anchor = link["href"].partition("#")
        target = html_page(app, page).find(id=anchor)
        assert "chron-reported" in target["class"]
        assert link.get_text() in text_of(target.select_one("p.chron-reported-value"))


def test_reported_renders_in_place_as_value_and_citation(app):
    figures = html_page(app, "figures.html").select("div.chron-reported")
    texts = [text_of(figure) for figure in figures]
    assert texts == [
        "People evacuated 5,000 [1] · 22 April 2018",
        # Without :label:, the quantity key stands in.
        "people-evacuated 3,200 [2] · 25 April 2018",
        "Buses used 124 [1]",
        "buses-used 124 [2]",
        "Evacuation rounds about 4 [3]",
    ]


AGREEING_FIGURES = """\
# Figures

:::{chron:reported} buses-used
:value: 124
:source: alpha
:::

:::{chron:reported} buses-used
:value: 124
:source: beta
:::

:::{chron:reported} rounds
:value: ~4
:source: alpha
:::

:::{chron:reported} rounds
:value: 4
:source: beta
:::
"""


def test_same_number_said_more_and_less_precisely_agrees(chronicle_builds):
    # 124 twice agree; "about 4" and "4" are the same number said less and more precisely.
    app = chronicle_builds("chronicle", "html", files={"figures.md": AGREEING_FIGURES})
    assert warnings(app) == ""
    table = html_page(app, "tables.html").select_one("table.chron-discrepancies")
    statuses = [text_of(p) for p in table.select("p.chron-quantity-status")]
    assert statuses == ["Sources agree", "Sources agree"]


DATES_PLACES_AND_SCOPES = """\
# Figures

:::{chron:reported} agreement-date
:date: 2018-04-19
:source: alpha
:label: Day of the agreement
:::

:::{chron:reported} agreement-date
:date: 2018-04-20
:sources: beta, gamma
:::

:::{chron:reported} agreement-place
:text: Damascus
:source: alpha
:label: Place of the agreement
:::

:::{chron:reported} agreement-place
:text: the power station
:source: beta
:::

:::{chron:reported} people-leaving
:value: 5,000
:source: alpha
:scope: from Dumayr, expected
:label: People leaving
:::
"""


def test_dates_places_several_sources_and_scope(chronicle_builds):
    app = chronicle_builds("chronicle", "html", files={"figures.md": DATES_PLACES_AND_SCOPES})
    assert warnings(app) == ""
    figures = [text_of(div) for div in html_page(app, "figures.html").select("div.chron-reported")]
    assert figures == [
        "Day of the agreement 19 April 2018 [1]",
        "agreement-date 20 April 2018 [2, 3]",
        "Place of the agreement Damascus [1]",
        "agreement-place the power station [2]",
        "People leaving 5,000 [1] from Dumayr, expected",
    ]
    page = html_page(app, "tables.html")
    assert table_rows(page.select_one("table.chron-discrepancies")) == [
        ["Day of the agreement Sources differ", "19 April 2018", "", "[1]", "wire agency"],
        ["", "20 April 2018", "", "[2, 3]", "monitor"],
        ["Place of the agreement Sources differ", "Damascus", "", "[1]", "wire agency"],
        ["", "the power station", "", "[2]", "monitor"],
    ]
    assert table_rows(page.select_one("table.chron-single-source")) == [
        ["People leaving", "5,000 from Dumayr, expected", "", "[1]", "wire agency"],
    ]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (":value: 5\n:date: 2018-04-19", "give exactly one of :value:, :date: or :text:"),
        ("", "give exactly one of :value:, :date: or :text:"),
        (":value: 5\n:convoy: two\n:field: buses", ":convoy: must be a convoy number"),
        (":value: 5\n:convoy: 2\n:field: tanks", ":field: must be one of buses, people"),
        (":date: 2018-13-40", "is not an EDTF date"),
    ],
)
def test_bad_figure_options_are_located_warnings(chronicle_builds, options, message):
    page = f"# Figures\n\n:::{{chron:reported}} q\n{options}\n:source: alpha\n:::\n\nSentinel after.\n"
    app = chronicle_builds("chronicle", "html", files={"figures.md": page})
    log = warnings(app)
    assert "figures.md:3: WARNING" in log and message in log, log
    assert "[chronicle." in log
    assert "Sentinel after." in text_of(html_page(app, "figures.html"))
