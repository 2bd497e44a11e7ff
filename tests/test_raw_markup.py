"""Raw HTML or LaTeX in a page is an error at its line and reaches no output
(hardening.md M9)."""

from __future__ import annotations

import pytest
from chronicle_support import CRASH, html_page, text_of, warnings


@pytest.fixture(scope="module")
def html(chronicle_builds):
    return chronicle_builds("rawguard", "html")


@pytest.fixture(scope="module")
def latex(chronicle_builds):
    return chronicle_builds("rawguard", "latex")


@pytest.mark.parametrize(("line", "kind"), [
    (5, "latex"), (9, "html"), (13, "html"), (15, "html"), (18, "html"),
])
def test_each_raw_node_is_an_error_at_its_line(html, line, kind):
    log = warnings(html)
    assert not CRASH.search(log)
    assert f"index.md:{line}: ERROR: raw {kind} markup is not allowed" in log
    assert "[rawguard.raw]" in log


def test_nothing_raw_reaches_the_html(html):
    page = (html.outdir / "index.html").read_text()
    assert "alert(" not in page and "/etc/hostname" not in page
    text = text_of(html_page(html, "index.html"))
    assert "Text before." in text and "Text after." in text


def test_nothing_raw_reaches_the_latex(latex):
    tex = next(latex.outdir.glob("*.tex")).read_text()
    assert "\\input{/etc/hostname}" not in tex and "alert(" not in tex
    assert "Text after." in tex
