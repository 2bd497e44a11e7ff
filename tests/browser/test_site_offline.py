"""The built site asks no other host for anything: checked in the files, before any browser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.site

# Attributes a browser fetches by itself while showing a page (links a reader follows are fine).
FETCHED = {
    "script": ["src"],
    "img": ["src", "srcset"],
    "iframe": ["src"],
    "source": ["src", "srcset"],
    "audio": ["src"],
    "video": ["src", "poster"],
    "embed": ["src"],
    "object": ["data"],
    "image": ["href", "xlink:href"],
    "use": ["href", "xlink:href"],
}
# <link rel=...> values a browser does not fetch.
NOT_FETCHED_LINKS = {"canonical", "alternate", "author", "license", "help", "search", "next",
                     "prev", "index"}
OUTSIDE = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*['"]?\s*(https?:)?//""", re.IGNORECASE)


def outside_assets(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag in soup.find_all(True):
        attributes = FETCHED.get(tag.name, [])
        if tag.name == "link" and not NOT_FETCHED_LINKS & set(tag.get("rel", [])):
            attributes = ["href"]
        found += [f"<{tag.name} {a}={tag[a]}>" for a in attributes
                  if tag.get(a) and OUTSIDE.match(tag[a])]
        if tag.get("style") and CSS_URL.search(tag["style"]):
            found.append(f"<{tag.name} style={tag['style']}>")
    found += [f"<style>{m.group(0)}" for style in soup.find_all("style")
              for m in CSS_URL.finditer(style.get_text())]
    return found


def test_pages_load_nothing_from_other_hosts(site_html: Path):
    problems = {
        page.relative_to(site_html).as_posix(): outside_assets(page.read_text(encoding="utf-8"))
        for page in site_html.rglob("*.html")
    }
    assert {page: found for page, found in problems.items() if found} == {}


def test_stylesheets_load_no_fonts_or_images_from_other_hosts(site_html: Path):
    offenders = [
        css.relative_to(site_html).as_posix()
        for css in (site_html / "_static").rglob("*.css")
        if CSS_URL.search(css.read_text(encoding="utf-8", errors="replace"))
    ]
    assert offenders == []


def test_the_check_itself_sees_outside_assets():
    assert outside_assets('<script src="https://cdn.example/x.js"></script>')
    assert outside_assets('<link rel="stylesheet" href="//fonts.example/css">')
    assert not outside_assets('<link rel="canonical" href="https://example.invalid/x.html">')
    assert not outside_assets('<a href="https://example.invalid/source">a source</a>')
