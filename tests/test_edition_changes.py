"""The change log of the facts ("What changed") between two small editions.

tests/roots/test-editions keeps two editions' exports: from 2026.01 to 2026.02 one reported
figure is altered (about 1,500 → about 2,000 fighters), one removed (44 buses, Beta News),
one added (about 5,000 people, Gamma Daily); an event's date, a convoy's buses and the
sources change too.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from editions.changes import compare, load_edition

ROOT = Path(__file__).parent / "roots" / "test-editions"
EDITIONS = ROOT / "_editions"


def changes():
    return compare(load_edition(EDITIONS / "2026.01" / "en"), load_edition(EDITIONS / "2026.02" / "en"))


def test_generator_finds_the_added_removed_and_altered_figures():
    reported = {(change.change, change.label): change for change in changes().reported}
    assert set(reported) == {("altered", "Fighters who left"), ("removed", "Buses of the first convoy"),
                             ("added", "People who left")}
    altered = reported["altered", "Fighters who left"]
    assert altered.facts == [("value", {"kind": "about", "value": 1500}, {"kind": "about", "value": 2000})]
    assert altered.sources == ("alpha",)
    assert reported["removed", "Buses of the first convoy"].sources == ("beta",)


def test_generator_finds_altered_events_convoys_and_sources():
    found = changes()
    assert [(c.change, c.facts) for c in found.events] == [
        ("altered", [("date", "2018-04-03", "2018-04-04")])]
    assert [(c.change, c.facts) for c in found.convoys] == [
        ("altered", [("buses", {"kind": "exact", "value": 44}, {"kind": "exact", "value": 48})])]
    assert (found.sources_added, found.sources_removed) == (["gamma"], ["beta"])


def test_an_edition_compared_with_itself_has_no_changes():
    edition = load_edition(EDITIONS / "2026.02" / "en")
    assert not compare(edition, edition)


def page_text(app) -> tuple[BeautifulSoup, str]:
    """The built page, and its paragraphs and list items, one per line."""
    app.build()
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    lines = [" ".join(node.get_text().split()) for node in soup.select("div.body p, div.body h2")]
    return soup, "\n".join(lines)


@pytest.mark.sphinx("html", testroot="editions")
def test_the_page_lists_each_edition_newest_first_with_old_and_new_values(app):
    soup, text = page_text(app)
    assert "edition" not in app.warning.getvalue()
    headings = [h.get_text().rstrip("¶") for h in soup.select("section section h2")]
    assert headings == ["Edition 2026.02, 10 February 2026", "Edition 2026.01, 15 January 2026"]
    assert "Compared with edition 2026.01:" in text
    assert "Altered: Fighters who left — value: about 1,500 → about 2,000" in text
    assert "Removed: Buses of the first convoy (sources: Beta News, 22 April 2018)" in text
    assert "Added: People who left (sources: Gamma Daily, 23 April 2018)" in text
    assert "date: 3 April 2018 → 4 April 2018" in text
    assert "Altered: Convoy 1 — buses: 44 → 48" in text
    assert "The first edition: 1 events, 1 convoys, 2 reported figures and 2 sources." in text
    # A source is linked to its address.
    assert soup.find("a", href="https://example.org/news/gamma").get_text() == "Gamma Daily, 23 April 2018"


@pytest.mark.sphinx("html", testroot="editions", confoverrides={"language": "es"})
def test_the_spanish_page_says_it_in_spanish(app):
    _soup, text = page_text(app)
    assert "Respecto de la edición 2026.01:" in text
    assert "Modificado: Fighters who left — valor: alrededor de 1.500 → alrededor de 2.000" in text
    assert "Edición 2026.02, 10 de febrero de 2026" in text


def test_an_unreadable_export_is_a_warning_at_the_directive(tmp_path, make_app):
    source = tmp_path / "root"
    shutil.copytree(ROOT, source)
    (source / "_editions" / "2026.02" / "en" / "reported.json").write_text("{not json", encoding="utf-8")
    app = make_app("html", srcdir=source)
    app.build()
    warnings = app.warning.getvalue()
    assert "index.md:3: WARNING: edition-changes:" in warnings
    assert "reported.json" in warnings and "[editions.data]" in warnings


def test_a_newly_recorded_edition_appears_on_the_next_incremental_build(tmp_path, make_app,
                                                                       monkeypatch):
    # As in nox -s release: the version and date are fixed, so the configuration is the same
    # for both builds and only the new edition's folder tells that the page is out of date.
    monkeypatch.setenv("EDITION_VERSION", "2026.03")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1772668800")
    source = tmp_path / "root"
    shutil.copytree(ROOT, source)
    app = make_app("html", srcdir=source)
    app.build()
    shutil.copytree(source / "_editions" / "2026.02", source / "_editions" / "2026.03")
    (source / "_editions" / "2026.03" / "edition.json").write_text(
        '{"version": "2026.03", "date": "2026-03-05"}', encoding="utf-8")
    again = make_app("html", srcdir=source)
    again.build()
    _soup, text = page_text(again)
    assert "Edition 2026.03, 5 March 2026" in text
    assert "No fact changed since edition 2026.02." in text
