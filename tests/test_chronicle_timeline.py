"""chron:timeline: every event of the project, in date order, each linking back to its place."""

from __future__ import annotations

import pytest
from chronicle_support import ROOTS, html_page, text_of, timeline_items, warnings

#: The clean root's events as the timeline must list them. Ties on the lower bound keep
#: reading order: the toctree puts negotiations before aftermath (alphabetically it is the
#: other way round), and within a page the source order holds.
EXPECTED = [
    ("2017", "Ceasefire year"),
    ("about March 2018", "Bombardment begins"),
    ("April 2018", "A month of talks"),
    ("3 April 2018", "Talks open at Dumayr"),
    ("3 April 2018", "Second meeting on the same day"),
    ("3 April 2018", "Third event on the same day, on a later page"),
    ("17–25 April 2018", "The evacuation week"),
    ("17 April 2018", "Agreement announced"),
    ("22 April 2018 (uncertain)", "Departure reported"),
    ("1 May 2018", r"<b>bold</b> & \textbf{x} { 50% $5"),
    ("17 May 2018", "Sweeps of the mountains"),
]


@pytest.fixture(scope="module")
def app(chronicle_builds):
    return chronicle_builds("chronicle", "html")


@pytest.fixture(scope="module")
def timeline(app):
    return html_page(app, "timeline.html")


def test_every_event_in_date_order_ties_in_reading_order(timeline):
    items = timeline_items(timeline)
    assert [(item["date"], item["title"]) for item in items] == EXPECTED


def test_timeline_uses_sphinx_timeline_markup_inside_chron_timeline(app, timeline):
    frame = timeline.select_one("div.chron-timeline")
    assert frame.select("ol.timeline-default > li.timeline div.tl-item div.tl-item-content")
    # sphinx-timeline's styles are on the page, so its markup is drawn as a timeline.
    stylesheets = {
        link["href"].partition("?")[0].removeprefix("_static/")
        for link in timeline.select("link[rel=stylesheet]")
    }
    timeline_styles = {path.name for path in (app.outdir / "_sphinx_timeline_static").glob("*.css")}
    assert timeline_styles and timeline_styles <= stylesheets
    assert "chronicle.css" in stylesheets
    assert (app.outdir / "_static" / "chronicle.css").exists()


def test_each_title_links_back_to_the_event_in_the_narrative(app, timeline):
    for item in timeline_items(timeline):
        page, _, anchor = item["href"].partition("#")
        target = html_page(app, page).find(id=anchor)
        assert target is not None, item
        # The anchor is on the event itself: its title and its date line are there.
        assert item["title"] in text_of(target)
        assert text_of(target).startswith(item["date"])


def test_anchor_comes_from_name_or_title_and_is_unique(app, timeline):
    hrefs = {item["title"]: item["href"] for item in timeline_items(timeline)}
    # :name: talks-open gives a stable anchor that survives a change of title.
    assert hrefs["Talks open at Dumayr"] == "negotiations.html#chron-event-talks-open"
    assert hrefs["Ceasefire year"] == "aftermath.html#chron-event-Ceasefire-year"
    assert len(set(hrefs.values())) == len(hrefs)


def test_places_and_numbered_citations(app, timeline):
    items = {item["title"]: item for item in timeline_items(timeline)}
    assert items["Talks open at Dumayr"]["places"] == "Dumayr; Ruhaybah"
    assert items["Ceasefire year"]["places"] == ""
    # Numbers are the bibliography's, the same as the citations in the narrative.
    bibliography = text_of(html_page(app, "references.html").select_one("div.body"))
    assert "[1] “Rebels refuse evacuation.”" in bibliography
    assert "[3] “A report without an address.”" in bibliography
    assert items["Talks open at Dumayr"]["sources"] == "[1]"
    assert items["A month of talks"]["sources"] in ("[1, 2]", "[1] [2]")
    assert items["Sweeps of the mountains"]["sources"] == "[3]"
    link = next(iter(timeline.select("div.chron-timeline p.chron-sources a")))
    assert link["href"].startswith("references.html#")


def test_event_renders_in_place_with_date_places_title_body(app):
    page = html_page(app, "negotiations.html")
    event = page.find(id="chron-event-talks-open")
    assert text_of(event.select_one("p.chron-event-date")) == "3 April 2018 [1]"
    assert text_of(event.select_one("p.chron-event-title")) == "Talks open at Dumayr"
    assert text_of(event.select_one("p.chron-event-places")) == "Dumayr; Ruhaybah"
    assert "Sentinel body of the talks opening." in text_of(event)


def test_tags_filter(timeline_filtered):
    assert [item["title"] for item in timeline_items(timeline_filtered, 0)] == [
        "A month of talks",
        "Talks open at Dumayr",
        "Second meeting on the same day",
        "Agreement announced",
    ]


def test_from_to_and_reversed(timeline_filtered):
    # From 17 April to the end of April 2018, latest first; ties stay in reading order
    # reversed, so a reader sees the same list turned upside down. "April 2018" overlaps
    # the range, so it belongs to it even though it starts before 17 April.
    assert [(item["date"], item["title"]) for item in timeline_items(timeline_filtered, 1)] == [
        ("22 April 2018 (uncertain)", "Departure reported"),
        ("17 April 2018", "Agreement announced"),
        ("17–25 April 2018", "The evacuation week"),
        ("April 2018", "A month of talks"),
    ]


@pytest.fixture(scope="module")
def timeline_filtered(app):
    return html_page(app, "filtered.html")


def test_timeline_page_links_the_data_exports(timeline):
    links = [a["href"] for a in timeline.select("p.chron-data-links a")]
    assert links == ["_data/events.json", "_data/convoys.csv", "_data/reported.json"]


def test_a_named_event_can_be_referenced_by_its_name(chronicle_builds):
    # {ref}`talks-open` with no explicit text shows the event's title, as for a section.
    aftermath = (ROOTS / "test-chronicle" / "aftermath.md").read_text(encoding="utf-8")
    app = chronicle_builds(
        "chronicle", "html", files={"aftermath.md": aftermath + "\nSee {ref}`talks-open`.\n"}
    )
    assert warnings(app) == ""
    link = html_page(app, "aftermath.html").select_one('a[href^="negotiations.html#"]')
    assert text_of(link) == "Talks open at Dumayr"
