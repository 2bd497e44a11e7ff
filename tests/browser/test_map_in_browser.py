"""The operation map on a phone (390 px wide) and a desktop (1366 × 768), in Chromium."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.site

VIEWPORTS = {"phone": (390, 844), "desktop": (1366, 768)}
#: Every label of the drawing, in CSS pixels as shown: its font size times the drawing's scale.
LABEL_SIZES = """svg => {
  const scale = svg.getScreenCTM().a;
  return [...svg.querySelectorAll('text')].map(t => ({
    text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale}));
}"""


@pytest.fixture(params=list(VIEWPORTS))
def shown(request, browser, site_url):
    width, height = VIEWPORTS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(f"{site_url}map.html", wait_until="load")
    yield request.param, page
    context.close()


def test_map_labels_are_legible(shown):
    name, page = shown
    labels = page.locator(".opmap svg[role='img']").evaluate(LABEL_SIZES)
    assert len(labels) > 10
    small = [label for label in labels if label["px"] < 11]
    assert small == [], f"{name}: labels under 11 px"


def test_map_fits_the_screen_with_its_legend_in_html(shown, artifacts):
    name, page = shown
    drawing = page.locator(".opmap svg[role='img']")
    legend = page.locator(".opmap ul.opmap-legend")
    drawing.scroll_into_view_if_needed()
    box, viewport = drawing.bounding_box(), page.viewport_size
    assert box["width"] <= viewport["width"]
    assert box["height"] <= viewport["height"], f"{name}: the map is taller than the window"
    assert legend.is_visible() and "Convoy route" in legend.inner_text()
    if name == "desktop":
        # Beside the map, so map and legend are seen together.
        assert legend.bounding_box()["x"] >= box["x"] + box["width"]
    page.locator(".opmap").screenshot(path=str(artifacts / f"map-{name}.png"))
