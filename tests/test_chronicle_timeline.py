"""chron:timeline: every event of the project, in date order, each linking back to its place."""

from __future__ import annotations

import json

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


def test_timeline_is_ordered_lists_of_entries_with_time_elements(timeline):
    frame = timeline.select_one("div.chron-timeline")
    entries = frame.select("ol.chron-events > li.chron-entry")
    assert len(entries) == len(EXPECTED)
    # Every entry's date is a <time> a machine can read, at the precision it is known.
    assert [entry.select_one("p.chron-date > time")["datetime"] for entry in entries] == [
        "2017", "2018-03", "2018-04", "2018-04-03", "2018-04-03", "2018-04-03",
        "2018-04-17", "2018-04-17", "2018-04-22", "2018-05-01", "2018-05-17",
    ]
    # Nothing of sphinx-timeline's horizontal strip is left, nor its fixed-height cards.
    assert not frame.select(".tl-item, ol.timeline-default")


def test_a_year_a_month_and_a_day_sit_under_headings_of_their_own(timeline):
    headings = {item["title"]: item["headings"] for item in timeline_items(timeline)}
    assert headings["Ceasefire year"] == ["2017"]
    assert headings["Bombardment begins"] == ["2018", "March 2018"]
    # April has events in several weeks: each week has a heading, and the event known
    # only to the month comes first under a heading that says so.
    assert headings["A month of talks"] == ["2018", "April 2018", "Some time in April"]
    assert headings["Talks open at Dumayr"] == ["2018", "April 2018", "Week of 2 April"]
    assert headings["Departure reported"] == ["2018", "April 2018", "Week of 16 April"]
    # 1 May 2018 is a Tuesday: its week began in April, but is named by its day in May.
    assert headings[r"<b>bold</b> & \textbf{x} { 50% $5"] == ["2018", "May 2018", "Week of 1 May"]
    # Real headings, one level below the page title, each heading once.
    levels = [(tag.name, tag.get_text()) for tag in timeline.select("div.chron-timeline .chron-heading")]
    assert levels == [
        ("h2", "2017"), ("h2", "2018"), ("h3", "March 2018"), ("h3", "April 2018"),
        ("h4", "Some time in April"), ("h4", "Week of 2 April"), ("h4", "Week of 16 April"),
        ("h3", "May 2018"), ("h4", "Week of 1 May"), ("h4", "Week of 14 May"),
    ]


def test_headings_start_below_the_section_the_timeline_stands_in(timeline_filtered):
    # On "filtered", each timeline stands under an h2 ("Talks only").
    frame = timeline_filtered.select("div.chron-timeline")[0]
    assert [tag.name for tag in frame.select(".chron-heading")][:2] == ["h3", "h4"]


def test_approximate_uncertain_and_interval_dates_look_and_read_differently(timeline):
    items = {item["title"]: item for item in timeline_items(timeline)}
    # The class draws the mark on the line; the words say the same to a screen reader.
    assert items["Talks open at Dumayr"]["kind"] == ["chron-exact"]
    assert items["Talks open at Dumayr"]["notes"] == []
    assert items["Bombardment begins"]["kind"] == ["chron-approximate"]
    assert items["Bombardment begins"]["date"] == "about March 2018"
    assert items["Bombardment begins"]["notes"] == ["day not known"]
    assert items["Departure reported"]["kind"] == ["chron-uncertain"]
    assert items["Departure reported"]["date"] == "22 April 2018 (uncertain)"
    assert items["Departure reported"]["notes"] == []
    assert items["The evacuation week"]["kind"] == ["chron-interval"]
    assert items["The evacuation week"]["notes"] == ["span of 9 days"]
    assert items["A month of talks"]["kind"] == ["chron-partial"]
    assert items["Ceasefire year"]["notes"] == ["month and day not known"]


def test_filters_are_in_the_page_hidden_until_the_script_runs(app, timeline):
    frame = timeline.select_one("div.chron-timeline")
    form = frame.select_one("form.chron-filter")
    # With scripts off the form stays hidden and no event is: the full list is there.
    assert form.has_attr("hidden")
    assert not frame.select("li[hidden], .chron-group[hidden]")
    assert [box["value"] for box in form.select("input[type=checkbox][name=tag]")] == [
        "aftermath", "evacuation", "talks",
    ]
    assert [text_of(label) for label in form.select("fieldset label")] == [
        "aftermath (1)", "evacuation (2)", "talks (4)",
    ]
    places = [option["value"] for option in form.select("select[name=place] option")]
    assert places == ["", "Dumayr", "Eastern Qalamoun", "Qalamoun mountains", "Ruhaybah"]
    actors = [option["value"] for option in form.select("select[name=actor] option")]
    assert actors == ["", "Jaysh al-Islam", "Russian officers"]
    # Every control has a label a screen reader can say.
    for select in form.select("select"):
        assert form.select_one(f"label[for={select['id']}]") is not None
    status = frame.select_one("p.chron-filter-status")
    assert status["role"] == "status" and status.has_attr("hidden")
    # The script filters on what each entry carries.
    entry = frame.select_one("li.chron-entry[data-dt='2018-04-03']")
    assert json.loads(entry["data-places"]) == ["Dumayr", "Ruhaybah"]
    assert json.loads(entry["data-actors"]) == ["Russian officers", "Jaysh al-Islam"]
    assert json.loads(entry["data-tags"]) == ["talks"]


def test_two_timelines_on_a_page_have_controls_of_their_own(timeline_filtered):
    ids = [tag["id"] for tag in timeline_filtered.select("div.chron-timeline [id]")]
    assert ids and len(ids) == len(set(ids))


def test_timeline_styles_and_script_load_on_timeline_pages_only(app, timeline):
    def assets(page):
        soup = html_page(app, page)
        return {
            *(link["href"].partition("?")[0] for link in soup.select("link[rel=stylesheet]")),
            *(script["src"].partition("?")[0] for script in soup.select("script[src]")),
        }

    assert {"_static/chronicle-timeline.css", "_static/chronicle-timeline.js"} <= assets("timeline.html")
    assert "_static/chronicle-timeline.js" not in assets("negotiations.html")
    assert "_static/chronicle.css" in assets("negotiations.html")
    assert (app.outdir / "_static" / "chronicle-timeline.js").exists()
    script = timeline.select_one("script[src^='_static/chronicle-timeline.js']")
    assert script.has_attr("defer")


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
    link = timeline.select_one("div.chron-timeline p.chron-sources a")
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
