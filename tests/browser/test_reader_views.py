"""The site at a phone's and a desktop's width, in both languages and both colour modes.

Colour contrast (axe-core), printing, citation previews, the lead before the infobox on a
phone, and the weight of a first load. Playwright drives Debian's Chromium (conftest.py).
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

pytestmark = pytest.mark.site

DOCS = Path(__file__).resolve().parents[2] / "docs"
PAGES = sorted(p.stem for p in DOCS.glob("*.md")) + ["search"]
LANGUAGES = ["en", "es"]
WIDTHS = {"phone": (390, 844), "desktop": (1366, 900)}
MODES = ["light", "dark"]
#: The weight a first load of any page may reach, every response gzipped.
BUDGET_KIB = 250


@pytest.fixture(scope="module")
def sites(site_server, spanish_site) -> dict[str, str]:
    return {"en": f"{site_server}/en/", "es": f"{site_server}/es/"}


def new_page(browser, width: str, mode: str = "light", **options):
    w, h = WIDTHS[width]
    context = browser.new_context(viewport={"width": w, "height": h}, color_scheme=mode,
                                  **options)
    return context, context.new_page()


def load(page, url: str) -> None:
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, url
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_colour_contrast_failure(browser, sites, artifacts, language, width, mode):
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")
    axe = axe_module.Axe()
    context, page = new_page(browser, width, mode)
    failures = {}
    try:
        for name in PAGES:
            load(page, f"{sites[language]}{name}.html")
            # Open "Cite this page" so its text is checked too.
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            results = axe.run(page, options={"runOnly": ["color-contrast"]})
            nodes = [node["target"][0] for violation in results.response["violations"]
                     for node in violation["nodes"]]
            if nodes:
                failures[name] = nodes[:5]
            if name in {"index", "disagreements"}:
                page.screenshot(path=str(artifacts / f"{name}-{language}-{width}-{mode}.png"),
                                full_page=True)
    finally:
        context.close()
    assert failures == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_printing_keeps_every_column_of_the_convoy_table(browser, sites, artifacts, language):
    context, page = new_page(browser, "desktop")
    try:
        load(page, f"{sites[language]}disagreements.html")
        table = page.locator("table.chron-convoy-table")
        headers = table.locator("thead th").all_inner_texts()
        assert len(headers) >= 5
        page.emulate_media(media="print")
        # An A4 page's printable width at 96 dpi, as Chromium lays out a print.
        page.set_viewport_size({"width": 718, "height": 1000})
        clipped = table.evaluate("""table => {
            const out = [];
            const limit = document.documentElement.clientWidth;
            for (const cell of table.querySelectorAll('th, td')) {
                const box = cell.getBoundingClientRect();
                if (box.width < 1 || box.right > limit + 1) out.push(cell.innerText.slice(0, 30));
            }
            let node = table.parentElement;
            while (node) {
                const style = getComputedStyle(node);
                if (style.display === 'none') out.push('hidden ' + node.className);
                node = node.parentElement;
            }
            return out;
        }""")
        assert clipped == []
        pdf = page.pdf(format="A4", print_background=True)
        (artifacts / f"disagreements-{language}-print.pdf").write_bytes(pdf)
        pypdf = pytest.importorskip("pypdf")
        from io import BytesIO
        text = " ".join(p.extract_text() for p in pypdf.PdfReader(BytesIO(pdf)).pages)
        flat = " ".join(text.split())
        for header in headers:
            first_word = header.split()[0].strip(":")
            assert first_word[:5] in flat, f"column {header!r} missing from the print"
    finally:
        context.close()


def preview_of(page):
    preview = page.locator("#citation-preview")
    preview.wait_for(state="visible", timeout=5_000)
    return preview


@pytest.mark.parametrize("language", LANGUAGES)
def test_citation_preview_opens_on_hover_focus_and_tap(browser, sites, language):
    context, page = new_page(browser, "desktop")
    try:
        load(page, f"{sites[language]}evacuation.html")
        citation = page.locator(".bibtex-citation a[href*='references.html#source-']").first
        # Hover: the formatted entry, with the outlet's kind and its address.
        citation.hover()
        preview = preview_of(page)
        text = preview.inner_text()
        assert len(text) > 60 and "http" in text
        assert page.url.endswith("evacuation.html"), "a preview must not leave the page"
        assert citation.get_attribute("aria-describedby") == "citation-preview"
        page.keyboard.press("Escape")
        assert preview.is_hidden()
        # Keyboard focus.
        citation.focus()
        assert preview_of(page).inner_text() == text
        page.keyboard.press("Escape")
    finally:
        context.close()
    # Touch: the first tap shows the entry and stays on the page.
    context, page = new_page(browser, "phone", has_touch=True, is_mobile=True)
    outside = []
    page.on("request", lambda r: outside.append(r.url) if "127.0.0.1" not in r.url else None)
    try:
        load(page, f"{sites[language]}evacuation.html")
        citation = page.locator(".bibtex-citation a[href*='references.html#source-']").first
        citation.scroll_into_view_if_needed()
        citation.tap()
        preview = preview_of(page)
        assert preview.is_visible() and page.url.endswith("evacuation.html")
        box, screen = preview.bounding_box(), page.viewport_size
        assert box["x"] >= 0 and box["x"] + box["width"] <= screen["width"]
        assert outside == []
    finally:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_phone_reads_the_lead_before_the_infobox(browser, sites, language):
    for width in WIDTHS:
        context, page = new_page(browser, width)
        try:
            load(page, f"{sites[language]}index.html")
            lead = page.locator("article section > p").first.bounding_box()
            infobox = page.locator("div.infobox").bounding_box()
            if width == "phone":
                assert lead["y"] + lead["height"] <= infobox["y"] + 1
            else:  # beside the first paragraph
                assert infobox["x"] > lead["x"] and infobox["y"] < lead["y"] + lead["height"]
        finally:
            context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_first_load_weighs_at_most_250_kib_gzipped(browser, sites, language):
    weights = {}
    for name in PAGES:
        context, page = new_page(browser, "phone")
        bodies = []
        page.on("requestfinished", lambda request: bodies.append(request.response().body()))
        try:
            load(page, f"{sites[language]}{name}.html")
        finally:
            context.close()
        weights[name] = sum(len(gzip.compress(body, 6)) for body in bodies) / 1024
    print({name: round(kib, 1) for name, kib in weights.items()})
    assert {name: kib for name, kib in weights.items() if kib > BUDGET_KIB} == {}
