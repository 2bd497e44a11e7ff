"""Infobox text is inline markup only, and nothing in it can drop its citation
(hardening.md M6 and M10)."""

from __future__ import annotations

import pytest
from chronicle_support import CRASH, html_page, text_of, warnings

from infobox.inline import inline_nodes

HOSTILE = {
    "backtick": "Fifteen ` fighters",
    "raw block": "```{raw} html\n<script>alert(1)</script>\n```",
    "latex input": "\\input{/etc/hostname}",
    "html": "<img src=x onerror=alert(1)>",
    "directive": ":::{chron:event} 2018-04-01\n:title: Smuggled\n:::",
    "role": "{raw-html}`<b>x</b>`",
}


def box_with(text: str) -> str:
    return ('title = "Box"\n\n[[row]]\nfield = "date"\n[[row.entry]]\n'
            f"text = '''{text}'''\ncite = [\"alpha\"]\n")


@pytest.fixture(scope="module")
def built(chronicle_builds):
    """One build per hostile text, read once: (warnings, the infobox's cell)."""
    results = {}
    for name, text in HOSTILE.items():
        app = chronicle_builds.fresh("datafiles", "html", files={"box.toml": box_with(text)})
        app.build()
        cell = html_page(app, "index.html").select("div.infobox tbody tr td")[1]
        results[name] = (warnings(app), cell, (app.outdir / "index.html").read_text())
    chronicle_builds.close()
    return results


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_is_shown_as_text_with_its_citation(built, name):
    log, cell, _page = built[name]
    assert not CRASH.search(log)
    # The citation survives whatever the text holds.
    assert [a["href"] for a in cell.select("a")] == ["references.html#source-alpha"]
    assert text_of(cell).endswith("[1]")


def test_no_markup_of_the_text_reaches_the_page(built):
    for name in ("raw block", "html", "role"):
        _log, cell, page = built[name]
        assert cell.select("script, img, b") == [], name
        assert "alert(1)</script>" not in page and "<img src=x" not in page
    _log, _cell, page = built["directive"]
    assert "chron-event" not in page


def test_inline_markup_is_kept():
    kinds = [type(node).__name__ for node in inline_nodes("*a* **b** `c` [d](https://e.org)")
             if node.astext().strip()]
    assert kinds == ["emphasis", "strong", "literal", "reference"]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,x"])
def test_links_other_than_http_are_text(url):
    nodes_ = inline_nodes(f"[see]({url})")
    assert [type(node).__name__ for node in nodes_] == ["Text"]

