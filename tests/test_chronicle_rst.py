"""chronicle's directives and roles, and the infobox, in a reStructuredText project."""

from __future__ import annotations

import pytest
from chronicle_support import html_page, table_rows, text_of, timeline_items, warnings


@pytest.fixture(scope="module")
def built(chronicle_builds):
    return chronicle_builds("chronicle-rst", "html")


def test_rst_project_builds_without_warnings(built):
    assert warnings(built) == ""


def test_records_and_lists_in_rst(built):
    page = html_page(built, "index.html")
    [item] = timeline_items(page)
    assert item["title"] == "Talks open at Dumayr"
    assert item["href"] == "#chron-event-talks-open"
    convoy_rows = table_rows(page.select_one("table.chron-convoy-table"))
    assert convoy_rows[0][:3] == ["1", "departed 19 April 2018", "Dumayr → Jarabulus"]
    assert "more than 30" in convoy_rows[0][4]
    figures = text_of(page.select_one("table.chron-discrepancies"))
    assert "5,000" in figures and "3,200" in figures and "Sources differ" in figures


def test_event_role_and_ref_in_rst(built):
    page = html_page(built, "index.html")
    [paragraph] = [p for p in page.select("p") if p.get_text().startswith("By name")]
    links = [(text_of(a), a["href"]) for a in paragraph.select("a")]
    assert links == [
        ("Talks open at Dumayr", "#chron-event-talks-open"),
        ("the first talks", "#chron-event-talks-open"),
        ("Talks open at Dumayr", "#chron-event-talks-open"),
    ]


def test_infobox_cites_its_sources_in_rst(built):
    box = html_page(built, "index.html").select_one("div.infobox")
    assert "{cite" not in box.get_text() and ":cite" not in box.get_text()
    # Each entry cites through sphinxcontrib-bibtex (the side headings cite nothing).
    assert [len(cell.select("a.reference")) for cell in box.select("td:last-child p")] == [2, 0, 1, 0, 1]


def test_translated_infobox_keeps_its_citations_in_rst(chronicle_builds):
    # The catalog holds the entry as an rST page writes it, :cite:p:`alpha,beta`.
    app = chronicle_builds("chronicle-rst", "html", confoverrides={"language": "es"})
    assert warnings(app) == ""
    date = html_page(app, "index.html").select_one("div.infobox tr.infobox-date td:last-child")
    assert text_of(date).startswith("19–22 de abril de 2018 [")
    assert len(date.select("a.reference")) == 2
