"""A Spanish build: Babel dates and numbers, translated titles and bodies, the extension's words."""

from __future__ import annotations

import gettext
from pathlib import Path

import chronicle
import pytest
from chronicle_support import html_page, table_rows, text_of, timeline_items, warnings

CATALOG = Path(chronicle.__file__).parent / "locales" / "es" / "LC_MESSAGES" / "chronicle.mo"


@pytest.fixture(scope="module")
def app(chronicle_builds):
    return chronicle_builds("chronicle", "html", confoverrides={"language": "es"})


@pytest.fixture(scope="module")
def timeline(app):
    return {item["title"]: item for item in timeline_items(html_page(app, "timeline.html"))}


def test_spanish_build_is_warning_free(app):
    assert warnings(app) == ""


def test_dates_in_spanish_at_their_precision(timeline):
    assert timeline["Agreement announced"]["date"] == "17 de abril de 2018"
    assert timeline["The evacuation week"]["date"].startswith("17–25 de abril de 2018")
    assert timeline["Second meeting on the same day"]["date"] == "3 de abril de 2018"
    assert "abril de 2018" in timeline["A month of talks"]["date"]
    assert "marzo de 2018" in timeline["Bombardment begins"]["date"]


def test_timeline_headings_notes_and_filters_in_spanish(app, timeline):
    assert timeline["Departure reported"]["headings"] == ["2018", "Abril de 2018", "Semana del 16 de abril"]
    assert timeline["A month of talks"]["headings"] == ["2018", "Abril de 2018", "En algún momento de abril"]
    assert timeline["The evacuation week"]["notes"] == ["periodo de 9 días"]
    assert timeline["Bombardment begins"]["notes"] == ["día desconocido"]
    assert timeline["Departure reported"]["date"] == "22 de abril de 2018 (sin confirmar)"
    form = html_page(app, "timeline.html").select_one("form.chron-filter")
    assert form["aria-label"] == "Filtrar la cronología"
    assert text_of(form.select_one("legend")) == "Temas"
    assert [text_of(label) for label in form.select("div.chron-filter-field > label")] == ["Lugar", "Actor"]
    assert text_of(form.select_one("button")) == "Mostrar todos los acontecimientos"
    status = html_page(app, "timeline.html").select_one("p.chron-filter-status")
    assert status["data-template"] == "Se muestran {shown} de {total} acontecimientos."


def test_numbers_in_spanish(app):
    rows = table_rows(html_page(app, "tables.html").select_one("table.chron-convoy-table"))
    assert rows[0][4] == "2.500"
    assert "1.500" in rows[1][4]
    assert "5.000" in rows[3][4]
    figures = text_of(html_page(app, "figures.html").select_one("div.body"))
    assert "3.200" in figures


def test_titles_and_bodies_are_translated_where_told_and_in_the_lists(app, timeline):
    assert "Se abren las conversaciones en Dumayr" in timeline
    assert "Talks open at Dumayr" not in timeline
    negotiations = text_of(html_page(app, "negotiations.html").select_one("div.body"))
    assert "Se abren las conversaciones en Dumayr" in negotiations
    assert "Cuerpo centinela de la apertura de las conversaciones." in negotiations


def test_place_names_are_translated_where_told_and_in_the_lists(app, timeline):
    assert timeline["Se abren las conversaciones en Dumayr"]["places"] == "Dumayr; Ruhaiba"
    negotiations = html_page(app, "negotiations.html")
    assert text_of(negotiations.select_one("p.chron-event-places")) == "Dumayr; Ruhaiba"


def test_extension_words_come_from_the_spanish_catalog(app):
    if not CATALOG.exists():
        pytest.skip(f"no Spanish catalog of the extension yet ({CATALOG} is missing)")
    with CATALOG.open("rb") as file:
        spanish = gettext.GNUTranslations(file)
    page = html_page(app, "tables.html")
    # The tables' own words: headers and the total rows (figures' labels are the author's).
    tables = " | ".join(
        [text_of(th) for th in page.select("thead th")]
        + [text_of(row.select_one("td")) for row in page.select("tr.chron-total, tr.chron-reported-total")]
        + [text_of(p) for p in page.select("p.chron-quantity-status")]
    )
    for message in ("Sum of the convoys", "Reported total", "Buses", "Quantity", "Kind of source", "Sources differ"):
        translated = spanish.gettext(message)
        assert translated != message, f"{message!r} is not translated in {CATALOG}"
        assert translated in tables
        assert message not in tables
    about = spanish.gettext("about {date}").format(date="")
    assert about.strip() in text_of(html_page(app, "timeline.html").select_one("div.body"))
