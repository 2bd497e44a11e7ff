"""Every builder the site uses runs warning-free on the clean root and shows the lists."""

from __future__ import annotations

import re

import pytest
from chronicle_support import CRASH, BeautifulSoup, html_page, table_rows, timeline_items, warnings

BUILDERS = ["html", "dirhtml", "singlehtml", "latex", "text", "epub", "gettext"]


@pytest.fixture(scope="module", params=BUILDERS)
def built(request, chronicle_builds):
    return chronicle_builds("chronicle", request.param)


def test_clean_root_builds_without_warnings(built):
    assert warnings(built) == ""
    assert not CRASH.search(built.status.getvalue())


@pytest.mark.sphinx("text", testroot="chronicle", srcdir="chronicle-sphinx-fixtures")
def test_sphinx_testing_fixtures_find_the_roots(app):
    # The conftest's ``rootdir`` points sphinx.testing at tests/roots; srcdir makes it copy.
    app.build()
    assert warnings(app) == ""
    assert "Talks open at Dumayr" in (app.outdir / "timeline.txt").read_text(encoding="utf-8")


def test_html_timeline_links_reach_their_events(chronicle_builds):
    app = chronicle_builds("chronicle", "html")
    items = timeline_items(html_page(app, "timeline.html"))
    assert len(items) == 11
    assert items[3]["href"] == "negotiations.html#chron-event-talks-open"


def test_dirhtml_links_and_data_links_are_relative_to_the_page_folder(chronicle_builds):
    app = chronicle_builds("chronicle", "dirhtml")
    page = html_page(app, "timeline/index.html")
    items = timeline_items(page)
    assert [item["title"] for item in items][:4] == [
        "Ceasefire year",
        "Bombardment begins",
        "A month of talks",
        "Talks open at Dumayr",
    ]
    for item in items:
        path, _, anchor = item["href"].partition("#")
        assert path.startswith("../") and path.endswith("/")
        target = html_page(app, path.removeprefix("../") + "index.html")
        assert target.find(id=anchor) is not None, item
    for link in page.select("p.chron-data-links a"):
        assert link["href"].startswith("../_data/")
        assert (app.outdir / link["href"].removeprefix("../")).is_file()


def test_singlehtml_lists_link_within_the_single_page(chronicle_builds):
    app = chronicle_builds("chronicle", "singlehtml")
    page = html_page(app, "index.html")
    items = timeline_items(page)
    assert len(items) == 11
    for item in items:
        page_part, _, anchor = item["href"].partition("#")
        assert page_part in ("", "index.html")
        assert page.find(id=anchor) is not None, item
    assert page.select_one("table.chron-convoy-table") is not None
    assert page.select_one("table.chron-discrepancies") is not None


def test_latex_has_the_lists_as_tables(chronicle_builds):
    app = chronicle_builds("chronicle", "latex")
    (tex,) = app.outdir.glob("*.tex")
    latex = tex.read_text(encoding="utf-8")
    assert latex.count(r"\begin{longtable}") >= 5  # 3 timelines, convoys, discrepancies
    assert (
        r"\hyperref[\detokenize{negotiations:chron-event-talks-open}]"
        r"{\sphinxcrossref{Talks open at Dumayr}}" in latex
    )
    for text in (
        r"17\textendash{}25 April 2018",
        "about March 2018",
        "Sum of the convoys",
        "at least 134",
        r"Contradicts the convoys\textquotesingle{} own figures (at least 134).",
        "People evacuated",
    ):
        assert text in latex, text
    # The HTML-only markup of the timeline does not leak into LaTeX.
    assert "chron-entry" not in latex and "Week of" not in latex


def test_text_has_the_lists_as_tables(chronicle_builds):
    app = chronicle_builds("chronicle", "text")
    timeline = (app.outdir / "timeline.txt").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (.+?) +\| (.+?) +\|", timeline, re.MULTILINE)
    assert ("17–25 April 2018", "The evacuation week") in rows
    assert ("3 April 2018", "Talks open at Dumayr") in rows
    tables = (app.outdir / "tables.txt").read_text(encoding="utf-8")
    for text in ("about 5,000", "5,200 [2]", "People evacuated", "25 April 2018"):
        assert text in tables, text


def test_epub_gets_a_table_not_the_html_timeline(chronicle_builds):
    app = chronicle_builds("chronicle", "epub")
    page = BeautifulSoup((app.outdir / "timeline.xhtml").read_text(encoding="utf-8"), "html.parser")
    frame = page.select_one("div.chron-timeline")
    assert frame.select_one("ol.chron-events, form, time") is None
    rows = table_rows(frame.select_one("table.chron-timeline-table"))
    assert rows[0][:2] == ["2017", "Ceasefire year"]
    assert len(rows) == 11
    # Data exports belong to the website, not to the book.
    assert not (app.outdir / "_data").exists()
    assert page.select_one("p.chron-data-links") is None


def test_gettext_extracts_titles_labels_and_bodies_not_generated_lists(chronicle_builds):
    app = chronicle_builds("chronicle", "gettext")
    negotiations = (app.outdir / "negotiations.pot").read_text(encoding="utf-8")
    assert 'msgid "Talks open at Dumayr"' in negotiations
    assert 'msgid "Sentinel body of the talks opening."' in negotiations
    figures = (app.outdir / "figures.pot").read_text(encoding="utf-8")
    assert 'msgid "People evacuated"' in figures
    # The lists are made from the records; translating the records translates them.
    timeline = app.outdir / "timeline.pot"
    assert not timeline.exists() or "Talks open at Dumayr" not in timeline.read_text(
        encoding="utf-8"
    )


def test_latex_links_back_reach_a_label(chronicle_builds):
    # LaTeX writes no label for a container's id; a link to an event, convoy or figure
    # must still find one, or the PDF's timeline links lead nowhere.
    app = chronicle_builds("chronicle", "latex")
    (tex,) = app.outdir.glob("*.tex")
    latex = tex.read_text(encoding="utf-8")
    labels = set(re.findall(r"\\label\{\\detokenize\{([^}]+)\}\}", latex))
    targets = set(re.findall(r"\\hyperref\[\\detokenize\{([^}]+:chron-[^}]+)\}\]", latex))
    assert len(targets) >= 14  # 11 events, 3 convoys, figures
    assert targets - labels == set()
