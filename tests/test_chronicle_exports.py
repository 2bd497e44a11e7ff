"""Data exports: events.json, convoys.csv, reported.json beside the HTML, linked from lists."""

from __future__ import annotations

import csv
import json

import pytest
from chronicle_support import html_page

# With the kind of outlet each bib entry gives (``kind``); gamma gives neither kind nor address.
ALPHA = {"key": "alpha", "url": "https://example.org/news/alpha", "kind": "wire"}
BETA = {"key": "beta", "url": "https://example.org/news/beta", "kind": "monitor"}
GAMMA = {"key": "gamma", "url": None, "kind": None}


@pytest.fixture(scope="module")
def app(chronicle_builds):
    return chronicle_builds("chronicle", "html")


@pytest.fixture(scope="module")
def events(app):
    return json.loads((app.outdir / "_data" / "events.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def convoys(app):
    with open(app.outdir / "_data" / "convoys.csv", encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


@pytest.fixture(scope="module")
def reported(app):
    return json.loads((app.outdir / "_data" / "reported.json").read_text(encoding="utf-8"))


def test_timeline_page_links_each_export(app):
    for link in html_page(app, "timeline.html").select("p.chron-data-links a"):
        assert (app.outdir / link["href"]).is_file()


def test_events_in_timeline_order_with_bounds_precision_places_sources(app, events):
    assert [event["title"] for event in events][:4] == [
        "Ceasefire year",
        "Bombardment begins",
        "A month of talks",
        "Talks open at Dumayr",
    ]
    by_title = {event["title"]: event for event in events}
    talks = by_title["Talks open at Dumayr"]
    assert talks["date"] == {
        "edtf": "2018-04-03",
        "lower": "2018-04-03",
        "upper": "2018-04-03",
        "precision": "day",
        "end_precision": None,
        "approximate": False,
        "uncertain": False,
    }
    assert talks["places"] == ["Dumayr", "Ruhaybah"]
    assert talks["actors"] == ["Russian officers", "Jaysh al-Islam"]
    assert talks["tags"] == ["talks"]
    assert talks["sources"] == [ALPHA]
    page, _, anchor = talks["page"].partition("#")
    assert html_page(app, page).find(id=anchor) is not None

    month = by_title["A month of talks"]["date"]
    assert (month["lower"], month["upper"], month["precision"]) == (
        "2018-04-01",
        "2018-04-30",
        "month",
    )
    assert by_title["A month of talks"]["sources"] == [ALPHA, BETA]
    assert by_title["Bombardment begins"]["date"]["approximate"] is True
    assert by_title["Bombardment begins"]["sources"] == [GAMMA]
    assert by_title["Departure reported"]["date"]["uncertain"] is True
    week = by_title["The evacuation week"]["date"]
    assert (week["lower"], week["upper"], week["precision"], week["end_precision"]) == (
        "2018-04-17",
        "2018-04-25",
        "day",
        "day",
    )
    year = by_title["Ceasefire year"]["date"]
    assert (year["lower"], year["upper"], year["precision"]) == ("2017-01-01", "2017-12-31", "year")


def test_convoys_by_number_with_dates_counts_and_sources(convoys):
    assert [row["number"] for row in convoys] == ["1", "2", "3"]
    first, second, third = convoys
    assert (
        first["departed_edtf"],
        first["departed_lower"],
        first["departed_upper"],
        first["departed_precision"],
    ) == ("2018-04-19/2018-04-20", "2018-04-19", "2018-04-20", "day")
    assert (first["from"], first["to"]) == ("Dumayr", "Jarabulus")
    assert (second["buses_kind"], second["buses_value"]) == ("at-least", "90")
    assert (second["people_kind"], second["people_value"]) == ("about", "1500")
    assert (first["people_kind"], first["people_value"]) == ("exact", "2500")
    assert (third["buses_kind"], third["buses_value"]) == ("unknown", "")
    assert (first["sources"], first["source_urls"]) == ("alpha", "https://example.org/news/alpha")
    assert (third["sources"], third["source_urls"]) == ("gamma", "")
    assert second["groups"] == "Jaysh al-Islam"
    assert first["page"].startswith("convoys.html#")


def test_reported_figures_with_values_dates_and_sources(reported):
    assert [(figure["quantity"], figure["value"]) for figure in reported] == [
        ("people-evacuated", {"kind": "exact", "value": 5000}),
        ("people-evacuated", {"kind": "exact", "value": 3200}),
        ("buses-used", {"kind": "exact", "value": 124}),
        ("buses-used", {"kind": "exact", "value": 124}),
        ("rounds", {"kind": "about", "value": 4}),
    ]
    first = reported[0]
    assert first["label"] == "People evacuated"
    assert first["as_of"]["lower"] == "2018-04-22" and first["as_of"]["precision"] == "day"
    assert first["sources"] == [ALPHA]
    assert reported[2]["as_of"] is None
    assert reported[4]["sources"] == [GAMMA]


def test_exports_only_for_website_builders(chronicle_builds):
    for builder in ("latex", "text"):
        assert not (chronicle_builds("chronicle", builder).outdir / "_data").exists()
