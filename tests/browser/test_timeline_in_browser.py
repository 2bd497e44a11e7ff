"""The timeline as a reader's browser shows it: a phone (390 px) and a desktop (1366 px),
English and Spanish, light and dark, on screen and printed (Playwright, Debian's Chromium)."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest

pytestmark = pytest.mark.site

WIDTHS = {"phone": 390, "desktop": 1366}
SCHEMES = ["light", "dark"]
LANGUAGES = ["en", "es"]

#: Every element of the timeline whose content does not fit its box and is cut off, and
#: every entry taller inside than outside (the old cards' inner scrollbars).
CLIPPED = """timeline => {
  const problems = [];
  const viewport = document.documentElement.clientWidth;
  for (const element of [timeline, ...timeline.querySelectorAll('*')]) {
    if (element.closest('[hidden]') || element.matches('select, option, input')) continue;
    const style = getComputedStyle(element);
    if (style.display === 'none' || style.display === 'inline') continue;
    const name = element.tagName + '.' + element.className + ' "' +
      element.textContent.trim().slice(0, 50) + '"';
    const tallerInside = element.scrollHeight > element.clientHeight + 1;
    const widerInside = element.scrollWidth > element.clientWidth + 1;
    if (element.matches('li.chron-entry') && tallerInside) problems.push('taller inside: ' + name);
    if (style.overflowY !== 'visible' && tallerInside) problems.push('cut below: ' + name);
    if (style.overflowX !== 'visible' && widerInside) problems.push('cut at the side: ' + name);
    const box = element.getBoundingClientRect();
    if (box.width && (box.right > viewport + 1 || box.left < -1)) problems.push('off screen: ' + name);
  }
  return problems;
}"""


@pytest.fixture(scope="module")
def sites(site_url, spanish_site):
    return {"en": site_url, "es": site_url.replace("/en/", "/es/")}


def open_timeline(browser, sites, language, width, scheme="light", **options):
    context = browser.new_context(
        viewport={"width": width, "height": 844 if width < 600 else 900},
        color_scheme=scheme, **options,
    )
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(f"{sites[language]}timeline.html", wait_until="load")
    assert response is not None and response.ok
    page.wait_for_load_state("networkidle")
    page.errors = errors
    return context, page


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_is_clipped_and_nothing_scrolls_sideways(browser, sites, language, width, scheme,
                                                        artifacts):
    context, page = open_timeline(browser, sites, language, WIDTHS[width], scheme)
    try:
        timeline = page.locator(".chron-timeline")
        entries = page.locator(".chron-timeline li.chron-entry")
        assert entries.count() > 20
        # The script ran: the filters are shown, and every event with them.
        assert page.locator("form.chron-filter").is_visible()
        assert entries.evaluate_all("items => items.every(item => item.offsetParent !== null)")
        assert timeline.evaluate(CLIPPED) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width]
        # It runs down the page: each entry starts below the one before it.
        tops = entries.evaluate_all("items => items.map(item => item.getBoundingClientRect().top)")
        assert tops == sorted(tops) and len(set(tops)) == len(tops)
        assert page.errors == []
        page.screenshot(path=str(artifacts / f"timeline-{language}-{WIDTHS[width]}-{scheme}.png"),
                        full_page=False)
    finally:
        context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_nothing_on_the_timeline(browser, sites, language, width, scheme):
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright",
                                     reason="pip install axe-playwright-python")
    context, page = open_timeline(browser, sites, language, WIDTHS[width], scheme)
    try:
        results = axe_module.Axe().run(page, context={"include": [[".chron-timeline"]]})
        violations = [
            f"{v['id']} ({v['impact']}): "
            + "; ".join(node["target"][0] for node in v["nodes"][:5] if node["target"])
            for v in results.response["violations"]
        ]
        assert violations == []
    finally:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_printing_keeps_every_event(browser, sites, language, pdf_text):
    context, page = open_timeline(browser, sites, language, 1366)
    try:
        titles = page.locator(".chron-timeline p.chron-title").all_inner_texts()
        page.emulate_media(media="print")
        shown = page.locator(".chron-timeline li.chron-entry").evaluate_all(
            "items => items.filter(item => item.getClientRects().length > 0).length")
        assert shown == len(titles)
        assert not page.locator("form.chron-filter").is_visible()
        printed = pdf_text(page.pdf(format="A4"))
        missing = [title for title in titles if squeeze(title) not in printed]
        assert missing == []
    finally:
        context.close()


def squeeze(text: str) -> str:
    """Text without spaces or punctuation, ligatures ("ﬁ") as their letters."""
    return re.sub(r"\W+", "", unicodedata.normalize("NFKC", text))


@pytest.fixture
def pdf_text():
    pypdf = pytest.importorskip("pypdf")

    def read(data: bytes) -> str:
        reader = pypdf.PdfReader(io.BytesIO(data))
        return squeeze("".join(page.extract_text() for page in reader.pages))

    return read


def visible_entries(page) -> list[dict]:
    return page.locator(".chron-timeline li.chron-entry").evaluate_all(
        """items => items.filter(item => item.offsetParent !== null).map(item => ({
             tags: JSON.parse(item.dataset.tags), places: JSON.parse(item.dataset.places),
             actors: JSON.parse(item.dataset.actors)}))""")


@pytest.mark.parametrize("language", LANGUAGES)
def test_filters_work_with_the_keyboard(browser, sites, language):
    context, page = open_timeline(browser, sites, language, 390)
    try:
        everything = visible_entries(page)
        status = page.locator(".chron-filter-status")
        # Tab from the top of the page reaches the first topic.
        first_topic = page.locator("form.chron-filter input[name='tag']").first
        for _ in range(200):
            page.keyboard.press("Tab")
            if first_topic.evaluate("box => box === document.activeElement"):
                break
        else:
            pytest.fail("Tab never reached the timeline's filters")
        topic = first_topic.get_attribute("value")
        page.keyboard.press("Space")
        shown = visible_entries(page)
        assert shown and len(shown) < len(everything)
        assert all(topic in entry["tags"] for entry in shown)
        assert len(shown) == sum(topic in entry["tags"] for entry in everything)
        assert re.search(rf"\b{len(shown)}\b.*\b{len(everything)}\b", status.inner_text())
        # Emptied headings go too: no year, month or week is left without an event.
        assert page.locator(".chron-group").evaluate_all(
            "groups => groups.filter(g => g.offsetParent !== null)"
            ".every(g => g.querySelector('li.chron-entry:not([hidden])'))")

        page.keyboard.press("Space")  # the topic off again
        place = page.locator("form.chron-filter select[name='place']")
        place.focus()
        page.keyboard.press("ArrowDown")
        chosen = place.input_value()
        assert chosen
        shown = visible_entries(page)
        assert shown and all(chosen in entry["places"] for entry in shown)

        actor = page.locator("form.chron-filter select[name='actor']")
        actor.focus()
        page.keyboard.press("ArrowDown")
        assert all(actor.input_value() in entry["actors"] for entry in visible_entries(page))

        # "Show every event", by keyboard, brings the whole list back.
        page.locator("form.chron-filter button[type='reset']").focus()
        page.keyboard.press("Enter")
        page.wait_for_function(
            "n => document.querySelectorAll('.chron-timeline li.chron-entry:not([hidden])').length === n",
            arg=len(everything))
        assert len(visible_entries(page)) == len(everything)
        # Every event's link is reachable with the keyboard.
        assert page.locator(".chron-timeline p.chron-title a").evaluate_all(
            "links => links.every(a => a.tabIndex === 0 && a.offsetParent !== null)")
    finally:
        context.close()


def test_without_scripts_the_whole_list_is_there(browser, sites):
    context, page = open_timeline(browser, sites, "en", 390, java_script_enabled=False)
    try:
        entries = page.locator(".chron-timeline li.chron-entry")
        assert entries.count() > 20
        assert entries.evaluate_all("items => items.every(item => item.offsetParent !== null)")
        assert not page.locator("form.chron-filter").is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()
