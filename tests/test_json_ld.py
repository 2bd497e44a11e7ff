"""schema.org JSON-LD in the real site's pages: the Article and its citations, each dated event
with its date at the precision known, and the Dataset of the exports on the list pages."""

from __future__ import annotations

import json
import re

import pytest

pytestmark = pytest.mark.site

SCRIPT = re.compile(r'<script type="application/ld\+json">\s*(.*?)\s*</script>', re.DOTALL)


def graph(site, page: str) -> list[dict]:
    html = (site / f"{page}.html").read_text(encoding="utf-8")
    blocks = SCRIPT.findall(html)
    assert len(blocks) == 1, f"{page}.html has {len(blocks)} JSON-LD blocks"
    data = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org"
    return data["@graph"]


def of_type(nodes: list[dict], kind: str) -> list[dict]:
    return [node for node in nodes if node["@type"] == kind]


@pytest.mark.parametrize("page", ["index", "background", "evacuation", "references"])
def test_each_page_is_an_article_with_its_edition(site_html, page):
    (article,) = of_type(graph(site_html, page), "Article")
    assert article["headline"] and article["inLanguage"] == "en"
    assert article["version"] and article["datePublished"]
    assert article["license"] == "https://creativecommons.org/licenses/by-sa/4.0/"


def test_the_article_cites_its_sources_with_their_addresses(site_html):
    (article,) = of_type(graph(site_html, "evacuation"), "Article")
    citations = article["citation"]
    assert len(citations) > 10
    assert {citation["@type"] for citation in citations} <= {"NewsArticle", "CreativeWork"}
    with_url = [citation for citation in citations if "url" in citation]
    assert with_url and all(citation["url"].startswith("http") for citation in with_url)
    assert all(citation["publisher"]["name"] for citation in citations
               if citation["@type"] == "NewsArticle")


def test_events_carry_places_and_their_date_at_its_precision(site_html):
    events = of_type(graph(site_html, "evacuation"), "Event")
    assert events
    for event in events:
        edtf = event["additionalProperty"]
        assert edtf["propertyID"] == "EDTF" and edtf["value"]
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", event["startDate"])
        assert event["@id"].startswith("evacuation.html#chron-event-")
    assert any(place["name"] == "Dumayr" for event in events for place in event.get("location", []))
    # A date known to the year only is given to the year, not to a made-up day.
    background = of_type(graph(site_html, "background"), "Event")
    year_only = [event for event in background if event["additionalProperty"]["value"] == "2016"]
    assert year_only and year_only[0]["startDate"] == "2016" and year_only[0]["endDate"] == "2016"


def test_spanish_pages_describe_themselves_in_spanish(site_html_es):
    nodes = graph(site_html_es, "evacuation")
    assert of_type(nodes, "Article")[0]["inLanguage"] == "es"
    assert of_type(nodes, "Event")


@pytest.mark.parametrize("page", ["timeline", "disagreements"])
def test_list_pages_describe_the_dataset_and_its_downloads(site_html, page):
    (dataset,) = of_type(graph(site_html, page), "Dataset")
    names = {download["name"] for download in dataset["distribution"]}
    assert {"events.json", "convoys.csv", "reported.json", "bibliography.csl.json",
            "events-acled.csv"} <= names
    for download in dataset["distribution"]:
        assert (site_html / download["contentUrl"]).is_file(), download
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}", dataset["temporalCoverage"])


def test_pages_without_lists_have_no_dataset(site_html):
    assert not of_type(graph(site_html, "evacuation"), "Dataset")
