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


def test_only_quantities_reported_with_different_values(discrepancies):
    assert [text_of(th) for th in discrepancies.select("thead th")] == [
        "Quantity",
        "Value",
        "As of",
        "Source",
    ]
    # people-evacuated differs (5,000 / 3,200); buses-used agrees (124 twice); rounds is
    # "about 4" and "4", the same number said less and more precisely. Each value keeps its as-of date and its citation, in reading order.
    assert table_rows(discrepancies) == [
        ["People evacuated", "5,000", "22 April 2018", "[1]"],
        ["", "3,200", "25 April 2018", "[2]"],
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


def test_no_discrepancy_says_so(chronicle_builds):
    # 124 twice agree; "about 4" and "4" are the same number said less and more precisely.
    app = chronicle_builds("chronicle", "html", files={"figures.md": AGREEING_FIGURES})
    assert warnings(app) == ""
    body = html_page(app, "tables.html").select_one("div.body")
    assert body.select_one("table.chron-discrepancies") is None
    assert "No figure is reported with different values." in text_of(body)
