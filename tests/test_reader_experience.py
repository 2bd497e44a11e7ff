"""The reader-facing extensions: infobox, operation map, scholarly metadata, sidebar chrome."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest

from chronicle_support import html_page, text_of, warnings
from infobox.data import InfoboxError
from infobox.data import load as load_infobox
from opmap import basemap, svg
from opmap.gazetteer import GazetteerError, load
from opmap.scene import layout
from scholarmeta.citation import Citation
from scholarmeta.metadata import og_locale

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def app(chronicle_builds):
    return chronicle_builds("readerkit", "html")


def test_build_is_warning_free(app):
    assert warnings(app) == ""


# -- infobox -------------------------------------------------------------------------------

def test_infobox_rows_are_labelled_and_cited(app):
    box = html_page(app, "index.html").select_one("div.infobox table.infobox-table")
    assert text_of(box.select_one("caption .caption-text")) == "Test operation"
    rows = {text_of(tr.select_one("td")): tr.select("td")[1] for tr in box.select("tbody tr")}
    assert list(rows) == ["Date", "Strength"]
    assert text_of(rows["Date"]) == "19–22 April 2018 [1, 2]"
    assert [a["href"] for a in rows["Date"].select("a")] == [
        "references.html#source-alpha", "references.html#source-beta"]
    # A figure no source gives reads "unknown", still with the source that says so.
    assert text_of(rows["Strength"]) == (
        "Government side unknown [1] Rebel side about 1,500 fighters [2]")


def test_infobox_is_a_plain_table_outside_html(chronicle_builds):
    app = chronicle_builds("readerkit", "latex")
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert "Test operation" in tex
    assert "about 1,500 fighters" in tex and "sphinxShadowBox" not in tex


@pytest.mark.parametrize(("toml", "message"), [
    ('[[row]]\nfield = "weather"\n', "unknown field"),
    ('[[row]]\nfield = "date"\n[[row.entry]]\ntext = "1 May"\n', "no `cite`"),
    ('[[row]]\nfield = "units"\n[[row.entry]]\nside = "third"\ncite = ["a"]\n', "unknown side"),
])
def test_infobox_data_is_checked(tmp_path, toml, message):
    path = tmp_path / "box.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(InfoboxError, match=re.escape(message)):
        load_infobox(path)


def test_the_site_infobox_cites_every_entry():
    box = load_infobox(ROOT / "docs" / "infobox.toml")
    keys = set(re.findall(r"^@\w+\{([^,]+),", (ROOT / "references.bib").read_text(), re.M))
    assert {row.field for row in box.rows} >= {
        "date", "location", "result", "belligerents", "commanders", "units", "strength"}
    for row in box.rows:
        for entry in row.entries:
            assert entry.cite and set(entry.cite) <= keys, (row.field, entry)


# -- operation map -------------------------------------------------------------------------

def test_map_is_an_accessible_svg_with_numbered_routes(app):
    page = html_page(app, "map.html")
    figure = page.select_one("div.opmap svg")
    assert figure["role"] == "img"
    title_id, desc_id = figure["aria-labelledby"].split()
    assert figure.find("title", id=title_id).get_text().strip()
    description = figure.find("desc", id=desc_id).get_text()
    assert "2 numbered convoy routes" in description and "Aleppo" in description
    route_titles = [g.title.get_text() for g in figure.find_all("g") if g.title and
                    g.title.get_text().startswith("Convoy")]
    assert route_titles == ["Convoy 1: Dumayr to Jarabulus", "Convoy 2: Dumayr to Afrin District"]
    # The route whose destination is an area is dashed; the other is not.
    assert len(figure.select("g path[stroke-dasharray]")) == 1


def test_map_text_alternative_lists_places_routes_and_the_unplaced(app):
    text = " ".join(html_page(app, "map.html").select_one("div.opmap-text").get_text().split())
    assert "Damascus, for orientation: 33.5138° N, 36.2765° E (sources conflict" in text
    assert "Convoy 2: Dumayr to Afrin District (Afrin District drawn at Afrin)" in text
    assert ("Convoy 3: Dumayr to northern Aleppo; not drawn: no coordinates in the gazetteer "
            "for northern Aleppo") in text
    assert "Not placed on the map (coordinates unknown): al-Naseriyah" in text


def test_map_convoy_links_reach_the_convoys(app):
    page = html_page(app, "map.html")
    for link in page.select("div.opmap-text a.reference"):
        target, _, anchor = link["href"].partition("#")
        assert html_page(app, target or "map.html").find(id=anchor) is not None


def test_map_follows_a_convoy_edited_on_another_page(chronicle_builds):
    app = chronicle_builds.fresh("readerkit", "html")
    app.build()
    assert "Convoy 1: Dumayr to Jarabulus" in (app.outdir / "map.html").read_text()
    convoys = app.srcdir / "convoys.md"
    convoys.write_text(convoys.read_text().replace(":to: Jarabulus", ":to: Afrin", 1))
    app.build()
    assert "Convoy 1: Dumayr to Afrin" in (app.outdir / "map.html").read_text()


def test_map_in_a_parallel_build(chronicle_builds):
    app = chronicle_builds("readerkit", "html", parallel=2)
    assert warnings(app) == ""
    assert len(html_page(app, "map.html").select("div.opmap svg g path[stroke-dasharray]")) == 1


def test_map_in_latex_is_a_vector_pdf(chronicle_builds):
    pypdf = pytest.importorskip("pypdf", reason="pypdf is in the test extra")
    app = chronicle_builds("readerkit", "latex")
    assert warnings(app) == ""
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    # The map's SVG, converted to PDF by the build, is included in the LaTeX.
    included = re.search(r"\\sphinxincludegraphics\[[^]]*\]\{\{([^}]+)\}\.pdf\}", tex).group(1)
    reader = pypdf.PdfReader(app.outdir / f"{included}.pdf", strict=True)
    assert len(reader.pages) == 1
    page = reader.pages[0]
    # Drawn, not a picture of a drawing: its labels are text, and there is no bitmap in it.
    labels = page.extract_text()
    for label in ("Dumayr", "Jarabulus", "Afrin", "Damascus", "Convoy route"):
        assert label in labels, (label, labels)
    xobjects = page["/Resources"].get("/XObject") or {}
    assert all(x.get_object().get("/Subtype") != "/Image" for x in xobjects.values())
    assert "Naseriyah" in tex  # the text alternative goes into the PDF too


def test_svg_escapes_its_text():
    gazetteer = load(ROOT / "docs" / "gazetteer.toml")
    scene = layout([p for p in gazetteer.places if p.placed], [], "en", basemap.load(), {})
    markup = svg.render(scene, ident="m", title="A & B <map>", description="D")
    assert "<title id=\"m-title\">A &amp; B &lt;map&gt;</title>" in markup


def test_site_gazetteer_never_guesses_unknown_coordinates():
    places = {p.name: p for p in load(ROOT / "docs" / "gazetteer.toml").places}
    assert not places["al-Nasiriyah"].placed and not places["al-Ruhaybah"].placed
    assert (places["al-Bab"].lat, places["al-Bab"].lon) == (36.3725, 37.5178)
    assert places["al-Bab"].conflict and places["Damascus"].conflict


@pytest.mark.parametrize(("toml", "message"), [
    ('[[place]]\nname = "X"\nkind = "pocket"\nlat = 33.0\n', "only one of lat and lon"),
    ('[[place]]\nname = "X"\nkind = "city"\n', "needs a name and a kind"),
    ('[[area]]\nname = "Y"\ndrawn_at = "Nowhere"\n', "unknown place"),
])
def test_gazetteer_is_checked(tmp_path, toml, message):
    path = tmp_path / "places.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(GazetteerError, match=message):
        load(path)


# -- scholarly metadata --------------------------------------------------------------------

def meta(page, key: str) -> str | None:
    tag = page.find("meta", attrs={"name": key}) or page.find("meta", attrs={"property": key})
    return tag["content"] if tag else None


def test_every_page_has_citation_and_opengraph_tags(app):
    page = html_page(app, "map.html")
    assert meta(page, "citation_title") == "Map"
    assert meta(page, "citation_language") == "en"
    assert meta(page, "citation_journal_title") == "Reader kit test"
    assert re.fullmatch(r"\d{4}/\d{2}/\d{2}", meta(page, "citation_publication_date"))
    assert meta(page, "og:type") == "article" and meta(page, "og:locale") == "en_US"
    assert meta(html_page(app, "index.html"), "og:type") == "website"
    # Without html_baseurl the address is unknown: no og:url, no sitemap.
    assert meta(page, "og:url") is None
    assert not (app.outdir / "sitemap.xml").exists()


def test_cite_this_page_gives_chicago_apa_bibtex_and_csl_json(app):
    page = html_page(app, "map.html")
    entry = page.select_one(".scholarmeta-bibtex").get_text()
    assert entry.startswith("@misc{")
    assert "title        = {Map}" in entry
    assert "author       = {{Reader kit tests}}" in entry
    assert "organization = {Reader kit test}" in entry
    assert "urldate      = {YYYY-MM-DD}" in entry  # the reader's browser fills it in
    assert "url " not in entry and "howpublished" not in entry
    chicago = page.select_one("#scholarmeta-chicago").get_text()
    assert chicago.startswith("Reader kit tests. “Map.” Reader kit test, version 1.")
    assert "Last modified" in chicago and "Accessed" in chicago
    assert page.select_one("#scholarmeta-apa i").get_text() == "Map"
    csl = json.loads(page.select_one("#scholarmeta-csl").get_text())
    assert csl[0]["type"] == "webpage" and csl[0]["container-title"] == "Reader kit test"
    assert meta(page, "description")


def test_with_a_base_url_pages_know_their_address_and_a_sitemap_lists_them(chronicle_builds):
    app = chronicle_builds("readerkit", "html",
                           confoverrides={"html_baseurl": "https://example.invalid/en/"})
    page = html_page(app, "map.html")
    assert meta(page, "og:url") == "https://example.invalid/en/map.html"
    assert "url          = {https://example.invalid/en/map.html}" in page.select_one(
        ".scholarmeta-bibtex").get_text()
    assert "https://example.invalid/en/map.html" in page.select_one("#scholarmeta-apa").get_text()
    alternates = {link["hreflang"]: link["href"] for link in page.select("link[rel=alternate]")}
    assert alternates == {"en": "https://example.invalid/en/map.html",
                          "es": "https://example.invalid/es/map.html",
                          "x-default": "https://example.invalid/en/map.html"}
    sitemap = (app.outdir / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.invalid/en/index.html</loc>" in sitemap


def test_bibtex_escapes_and_locales():
    entry = Citation(key="k", title="Fish & chips_{x}", site="S", author="A", language="es",
                     version="1", commit="", updated=datetime.date(2018, 4, 3), url="").bibtex()
    assert r"Fish \& chips\_\{x\}" in entry
    assert og_locale("es") == "es_ES" and og_locale("en") == "en_US"


# -- sidebar chrome ------------------------------------------------------------------------

def test_sidebar_links_are_relative_to_each_page(app):
    page = html_page(app, "map.html")
    assert [(a["hreflang"], a["href"]) for a in page.select(".sitechrome-languages a")] == [
        ("es", "../es/map.html")]
    assert page.select_one(".sitechrome-languages [aria-current]").get_text() == "English"
    assert [a["href"] for a in page.select(".sitechrome-downloads a")] == [
        "../pdf/readerkit-en.pdf", "_data/convoys.csv"]


def test_bibliography_uses_current_aria_roles(app):
    page = html_page(app, "references.html")
    assert page.select('[role="doc-biblioentry"]') == []
    assert page.select('.citation-list > [role="listitem"]')
