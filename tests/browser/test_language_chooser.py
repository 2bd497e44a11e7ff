"""The site's top page sends each reader to the language their browser prefers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CHOOSER = Path(__file__).resolve().parents[2] / "docs" / "_root"


@pytest.fixture(scope="module")
def top_page(served_root: Path, spanish_site: Path) -> Path:
    for source in CHOOSER.iterdir():
        shutil.copy(source, served_root / source.name)
    return served_root / "index.html"


@pytest.mark.parametrize(
    "locale, language",
    [("es-ES", "es"), ("es-419", "es"), ("en-GB", "en"), ("fr-FR", "en")],
)
def test_top_page_sends_the_reader_to_their_language(browser, site_server, top_page, locale, language):
    context = browser.new_context(locale=locale)
    page = context.new_page()
    try:
        page.goto(f"{site_server}/", wait_until="load")
        page.wait_for_url(f"{site_server}/{language}/index.html")
        assert page.evaluate("document.documentElement.lang") == language
    finally:
        context.close()


def test_without_script_the_reader_reaches_english_and_sees_both_links(browser, site_server, top_page):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        html = page.request.get(f"{site_server}/index.html").text()
        assert 'href="en/index.html"' in html and 'href="es/index.html"' in html
        page.goto(f"{site_server}/index.html")
        page.wait_for_url(f"{site_server}/en/index.html")
    finally:
        context.close()
