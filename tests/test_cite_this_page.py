"""The "Cite this page" box of the real site, in both languages."""

from __future__ import annotations

import re

import pytest


def bibtex_of(html_dir, page: str) -> str:
    html = (html_dir / f"{page}.html").read_text(encoding="utf-8")
    match = re.search(r"@misc\{[^<]*?\n\}", html, re.DOTALL)
    assert match, f"no BibTeX entry on {page}.html"
    return match.group(0)


@pytest.mark.parametrize("page", ["index", "evacuation", "references"])
def test_a_page_has_one_key_in_both_languages(site_html, site_html_es, page):
    english, spanish = bibtex_of(site_html, page), bibtex_of(site_html_es, page)
    key = re.match(r"@misc\{([^,]+),", english).group(1)
    assert key.startswith("qalamoun")
    assert spanish.startswith(f"@misc{{{key},")
    assert "Qalamoun oriental" in spanish and "Eastern Qalamoun" in english
