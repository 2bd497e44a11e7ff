"""The built site as a reader's browser sees it (Playwright driving Debian's Chromium)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.site

DOCS = Path(__file__).resolve().parents[2] / "docs"
PAGES = sorted(p.stem for p in DOCS.glob("*.md")) + ["search"]
BLOCKING_IMPACTS = {"serious", "critical"}


def open_page(page, site_url: str, name: str, fragment: str = ""):
    response = page.goto(f"{site_url}{name}.html{fragment}", wait_until="load")
    assert response is not None and response.ok, f"{name}.html: HTTP {response and response.status}"
    page.wait_for_load_state("networkidle")
    return page


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_without_errors_or_outside_requests(page, site_url, name):
    open_page(page, site_url, name)
    watch = page.watch
    assert watch.outside == [], f"{name}: requests to other hosts"
    assert watch.failed == [], f"{name}: failed requests"
    assert watch.console_errors == [], f"{name}: console errors"


@pytest.mark.parametrize("name", PAGES)
def test_no_serious_accessibility_violation(page, site_url, name):
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright",
                                     reason="pip install axe-playwright-python")
    open_page(page, site_url, name)
    results = axe_module.Axe().run(page)
    blocking = [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] if node["target"] else "?" for node in v["nodes"][:5])
        for v in results.response["violations"]
        if v["impact"] in BLOCKING_IMPACTS
    ]
    assert blocking == [], f"{name}: axe-core violations"


def test_timeline_items_are_visible_and_in_date_order(page, site_url, artifacts):
    open_page(page, site_url, "timeline")
    items = page.locator(".chron-timeline [data-dt]")
    assert items.count() > 0
    dates = items.evaluate_all("items => items.map(item => item.dataset.dt)")
    assert dates == sorted(dates), "timeline items out of date order"
    for index in range(items.count()):
        items.nth(index).scroll_into_view_if_needed()
        assert items.nth(index).is_visible()
    page.locator(".chron-timeline").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "timeline.png"), full_page=True)


def test_citation_number_leads_to_its_source_and_back(page, site_url):
    open_page(page, site_url, "index")
    citation = page.locator("article a.reference.internal[href^='references.html#source-']").first
    anchor_id = citation.evaluate("a => a.closest('[id]').id")
    target = citation.get_attribute("href").split("#", 1)[1]

    citation.click()
    page.wait_for_url(re.compile(rf"references\.html#{re.escape(target)}$"))
    entry = page.locator(f"#{target}")
    assert entry.is_visible() and entry.evaluate(in_viewport)

    back = entry.locator(f"a[href='index.html#{anchor_id}']")
    assert back.count() == 1, f"no back-link from {target} to index.html#{anchor_id}"
    back.click()
    page.wait_for_url(re.compile(rf"index\.html#{re.escape(anchor_id)}$"))
    assert page.locator(f"#{anchor_id}").evaluate(in_viewport)


in_viewport = """element => {
    const box = element.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
}"""


def test_search_finds_jarabulus(page, site_url):
    open_page(page, site_url, "search", "?q=Jarabulus")
    results = page.locator("#search-results ul.search li")
    results.first.wait_for(timeout=15_000)
    assert results.count() > 0
    assert "Jarabulus" in page.locator("#search-results").inner_text()


def test_language_switcher_reaches_the_same_page_in_spanish(page, site_url, spanish_site):
    open_page(page, site_url, "map")
    page.locator(".sitechrome-languages a[hreflang='es']").click()
    page.wait_for_url(re.compile(r"/es/map\.html$"))
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator(".opmap svg[role='img']").is_visible()
    assert page.watch.failed == [] and page.watch.console_errors == []
    # And back again.
    page.locator(".sitechrome-languages a[hreflang='en']").click()
    page.wait_for_url(re.compile(r"/en/map\.html$"))


def test_map_is_visible_and_described(page, site_url, artifacts):
    open_page(page, site_url, "map")
    svg = page.locator(".opmap svg[role='img']")
    assert svg.is_visible()
    box = svg.bounding_box()
    assert box["width"] > 200 and box["height"] > 200
    labelled_by = svg.get_attribute("aria-labelledby").split()
    texts = [page.locator(f"#{ident}").text_content().strip() for ident in labelled_by]
    assert len(texts) == 2 and all(texts), "the map needs a title and a description"
    assert "Jarabulus" in page.locator(".opmap-text").inner_text()
    page.screenshot(path=str(artifacts / "map.png"), full_page=True)


def test_overview_infobox_and_screenshot(page, site_url, artifacts):
    open_page(page, site_url, "index")
    infobox = page.locator(".infobox table")
    assert infobox.is_visible()
    assert infobox.locator("a[href^='references.html#source-']").count() > 0
    page.screenshot(path=str(artifacts / "overview.png"), full_page=True)
