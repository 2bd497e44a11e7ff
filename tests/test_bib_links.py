"""No link from the bibliography other than http(s) or mailto reaches a reader or an export
(hardening.md M1, and M2's ``source_urls``)."""

from __future__ import annotations

import json

import pytest
from bibfile_support import ALPHA, BETA, GAMMA, build_bib
from chronicle_support import CRASH, html_page

HOSTILE = {
    "note url": ("note = {See \\url{javascript:alert(1)}.},", 9, "note"),
    "title href": ("title = {Beta \\href{data:text/html,x}{report}},", 8, "title"),
    "journal url": ("journal = {\\url{file:///etc/passwd}},", 9, "journal"),
    "note_es url": ("note_es = {Véase \\url{javascript:alert(2)}.},", 9, "note_es"),
    "archiveurl": ("archiveurl = {file:///etc/passwd},", 9, "archiveurl"),
}


def beta_with(field: str) -> str:
    """The beta entry with *field* in place of its field of that name, or after its title."""
    name = field.split("=")[0].strip()
    lines = BETA.splitlines(keepends=True)
    same = [index for index, line in enumerate(lines) if line.strip().startswith(name + " ")]
    if same:
        lines[same[0]] = f"  {field}\n"
    else:
        lines.insert(2, f"  {field}\n")
    return "".join(lines)


@pytest.fixture(scope="module")
def built(chronicle_builds):
    results = {}
    for name, (field, _line, _field_name) in HOSTILE.items():
        bib = ALPHA + beta_with(field) + GAMMA
        app, log = build_bib(chronicle_builds, bib)
        events = json.loads((app.outdir / "_data" / "events.json").read_text())
        results[name] = (log, (app.outdir / "references.html").read_text(), events,
                         html_page(app, "references.html"))
    chronicle_builds.close()
    return results


@pytest.mark.parametrize("name", list(HOSTILE))
def test_unsafe_link_is_refused_with_a_located_warning(built, name):
    log, _html, _events, _page = built[name]
    _field, line, field_name = HOSTILE[name]
    assert not CRASH.search(log)
    assert f"refs.bib:{line}: WARNING: bibliography: beta: `{field_name}`" in log
    assert "[newsbib.link]" in log


@pytest.mark.parametrize("name", list(HOSTILE))
def test_no_unsafe_address_reaches_the_page(built, name):
    _log, _html, _events, page = built[name]
    hrefs = [a["href"] for a in page.select("a[href]")]
    assert not [href for href in hrefs if href.split(":")[0] in ("javascript", "file", "data")]
    # The entry itself is kept, with its citation back-links.
    assert page.select_one("#source-beta") is not None


@pytest.mark.parametrize("name", list(HOSTILE))
def test_exports_keep_only_http_addresses(built, name):
    _log, _html, events, _page = built[name]
    urls = [source["url"] for event in events for source in event["sources"]]
    assert urls == ["https://alpha.example/report", None, None]


def test_safe_links_are_kept(chronicle_builds):
    bib = ALPHA + beta_with("note = {See \\url{https://beta.example/more}.},") + GAMMA
    app, log = build_bib(chronicle_builds, bib)
    assert "WARNING" not in log
    hrefs = [a["href"] for a in html_page(app, "references.html").select("a[href]")]
    assert "https://beta.example/more" in hrefs
