"""Markup characters in a title are text: escaped in HTML and in LaTeX, wherever the title goes."""

from __future__ import annotations

import pytest
from chronicle_support import html_page, text_of, timeline_items, warnings

TITLE = r"<b>bold</b> & \textbf{x} { 50% $5"
HTML_TITLE = r"&lt;b&gt;bold&lt;/b&gt; &amp; \textbf{x} { 50% $5"
LATEX_TITLE = (
    r"\textless{}b\textgreater{}bold\textless{}/b\textgreater{}"
    r" \& \textbackslash{}textbf\{x\} \{ 50\% \$5"
)


@pytest.fixture(scope="module")
def html(chronicle_builds):
    return chronicle_builds("chronicle", "html")


@pytest.fixture(scope="module")
def latex(chronicle_builds):
    app = chronicle_builds("chronicle", "latex")
    assert warnings(app) == ""
    (tex,) = app.outdir.glob("*.tex")
    return tex.read_text(encoding="utf-8")


def test_html_event_title_is_text(html):
    page = html_page(html, "escaping.html")
    title = page.select_one("p.chron-event-title")
    assert text_of(title) == TITLE
    assert not title.find("b")
    assert HTML_TITLE in (html.outdir / "escaping.html").read_text(encoding="utf-8")


def test_html_timeline_title_is_text(html):
    items = timeline_items(html_page(html, "timeline.html"))
    assert TITLE in [item["title"] for item in items]
    raw = (html.outdir / "timeline.html").read_text(encoding="utf-8")
    assert f"<span>{HTML_TITLE}</span>" in raw
    assert "<b>bold</b>" not in raw


def test_latex_escapes_the_title_in_place_and_in_the_timeline(latex):
    # Once where the event is told, once in the timeline table.
    assert latex.count(LATEX_TITLE) == 2
    assert r"\sphinxcrossref{" + LATEX_TITLE + "}" in latex
    assert r" \textbf{x}" not in latex
    assert "50%" not in latex
