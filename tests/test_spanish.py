"""The Spanish edition: complete catalogs, and a built site that reads as Spanish.

The page catalogs (docs/locales/es/LC_MESSAGES/<page>.po) are refreshed with
``nox -s translations`` and the extensions' catalogs with ``nox -s catalogs``; the checks
here fail on any message left untranslated or fuzzy, on a translation that drops or
changes a piece of markup, and on a catalog that has fallen behind the English pages.
The site checks read the Spanish build (``site_html_es``) beside the English one.
"""

from __future__ import annotations

import html
import re
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from conftest import sphinx_build

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGE_CATALOGS = DOCS / "locales" / "es" / "LC_MESSAGES"
#: Where our extension packages live: the site's own, and sphinx-chronicle's.
EXTENSION_FOLDERS = [ROOT / "extensions", ROOT / "packages" / "sphinx-chronicle" / "src"]
EXTENSION_CATALOGS = sorted(
    po for folder in EXTENSION_FOLDERS for po in folder.glob("*/locales/es/LC_MESSAGES/*.po")
)
ALL_CATALOGS = sorted(PAGE_CATALOGS.glob("*.po")) + EXTENSION_CATALOGS

#: Markup a translation must carry over unchanged: MyST roles with their targets,
#: link targets, inline code, and Python format fields of the extensions' strings.
ROLE = re.compile(r"\{[a-z:]+\}`[^`]*`")
LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)")
FORMAT_FIELD = re.compile(r"\{[a-z_]+(?::[^}]*)?\}")
CITATION_LINK = re.compile(r'href="[^"]*#(source-[^"]+)"[^>]*>(\d+)</a>')


def catalog_id(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def read_catalog(path: Path):
    with path.open("rb") as file:
        return read_po(file)


def page_text(path: Path) -> str:
    """The visible text of a built page, whitespace collapsed."""
    markup = path.read_text(encoding="utf-8")
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup)))


# -- The catalogs -----------------------------------------------------------------------


def test_every_page_and_extension_has_a_spanish_catalog():
    pages = {path.stem for path in DOCS.glob("*.md")}
    assert pages <= {path.stem for path in PAGE_CATALOGS.glob("*.po")}
    extensions = {path.parents[3].name for path in EXTENSION_CATALOGS}
    assert {"chronicle", "newsbib"} <= extensions
    for package in (package for folder in EXTENSION_FOLDERS for package in folder.iterdir()):
        uses_catalog = any(
            "get_translation(" in source.read_text(encoding="utf-8")
            for source in package.rglob("*.py")
        )
        if uses_catalog:
            assert package.name in extensions, f"{package.name} has no Spanish catalog"


@pytest.mark.parametrize("path", ALL_CATALOGS, ids=catalog_id)
def test_catalog_is_complete_and_not_fuzzy(path):
    catalog = read_catalog(path)
    assert not catalog.fuzzy, f"{catalog_id(path)}: the header is marked fuzzy"
    untranslated = [message.id for message in catalog if message.id and not message.string]
    fuzzy = [message.id for message in catalog if message.id and message.fuzzy]
    obsolete = list(catalog.obsolete)
    assert not untranslated, f"untranslated in {catalog_id(path)}: {untranslated}"
    assert not fuzzy, f"fuzzy in {catalog_id(path)}: {fuzzy}"
    assert not obsolete, f"obsolete (#~) entries left in {catalog_id(path)}: {obsolete}"


@pytest.mark.parametrize("path", ALL_CATALOGS, ids=catalog_id)
def test_translations_keep_the_markup(path):
    for message in read_catalog(path):
        if not message.id or not message.string:
            continue
        # Citations stay in the order of the English text, so that every source keeps
        # its number (numbers follow the order of first citation).
        assert ROLE.findall(message.string) == ROLE.findall(message.id), (
            f"{catalog_id(path)}: roles differ or moved in {message.id!r}"
        )
        assert sorted(FORMAT_FIELD.findall(message.string)) == sorted(
            FORMAT_FIELD.findall(message.id)
        ), f"{catalog_id(path)}: {message.id!r} -> {message.string!r}"
        assert sorted(LINK_TARGET.findall(message.string)) == sorted(
            LINK_TARGET.findall(message.id)
        ), f"{catalog_id(path)}: link targets differ in {message.id!r}"
        assert message.string.startswith(" ") == message.id.startswith(" ")
        assert message.string.endswith(" ") == message.id.endswith(" ")


@pytest.mark.parametrize("path", EXTENSION_CATALOGS, ids=catalog_id)
def test_extension_catalog_is_compiled(path):
    """The shipped .mo says what its .po says (run ``nox -s catalogs`` after editing)."""
    compiled = path.with_suffix(".mo")
    assert compiled.is_file(), f"{catalog_id(compiled)} is missing"
    with compiled.open("rb") as file:
        mo = {message.id: message.string for message in read_mo(file) if message.id}
    po = {message.id: message.string for message in read_catalog(path) if message.id}
    assert mo == po


@pytest.mark.parametrize("path", EXTENSION_CATALOGS, ids=catalog_id)
def test_extension_catalog_follows_the_source(path):
    """Every string the extension's code marks with ``_()`` is in its catalog."""
    package = path.parents[3]
    found = {
        message if isinstance(message, str) else message[0]
        for _filename, _lineno, message, _comments, _context in extract_from_dir(
            package, keywords={"_": None, "__": None}
        )
    }
    have = {message.id for message in read_catalog(path) if message.id}
    assert found <= have, f"run nox -s catalogs and translate: {sorted(found - have)}"


def test_extension_catalogs_ship_in_the_package():
    """Each distribution's package-data globs take every .po and .mo of its extensions."""
    for po in EXTENSION_CATALOGS:
        package = po.parents[3]
        distribution = next(folder for folder in package.parents if (folder / "pyproject.toml").exists())
        with (distribution / "pyproject.toml").open("rb") as file:
            package_data = tomllib.load(file)["tool"]["setuptools"]["package-data"]["*"]
        for catalog in (po, po.with_suffix(".mo")):
            relative = catalog.relative_to(package).as_posix()
            assert any(fnmatch(relative, pattern) for pattern in package_data), relative


@pytest.fixture(scope="module")
def english_messages(tmp_path_factory) -> dict[str, set[str]]:
    """The messages of the English pages now, as ``nox -s translations`` extracts them."""
    outdir = tmp_path_factory.mktemp("gettext")
    sphinx_build("gettext", outdir)
    messages = {}
    for template in outdir.glob("*.pot"):
        messages[template.stem] = {message.id for message in read_catalog(template) if message.id}
    return messages


def test_page_catalogs_follow_the_english_pages(english_messages):
    behind = {}
    for page, wanted in english_messages.items():
        catalog = PAGE_CATALOGS / f"{page}.po"
        have = set()
        if catalog.exists():
            have = {m.id for m in read_catalog(catalog) if m.id and m.string}
        if wanted - have:
            behind[page] = sorted(wanted - have)
    assert not behind, "run nox -s translations and translate: " + repr(behind)


# -- The Spanish site ---------------------------------------------------------------------

site = pytest.mark.site


@site
def test_pages_are_marked_as_spanish(site_html_es):
    for page in ("index.html", "background.html", "timeline.html", "references.html"):
        markup = (site_html_es / page).read_text(encoding="utf-8")
        assert re.search(r'<html[^>]*\blang="es"', markup), page


@site
def test_headings_are_spanish(site_html_es):
    for page, heading in (("background", "Antecedentes"), ("evacuation", "La evacuación")):
        markup = (site_html_es / f"{page}.html").read_text(encoding="utf-8")
        first = re.search(r"<h1[^>]*>(.*?)</h1>", markup, flags=re.S)
        assert first and heading in html.unescape(re.sub(r"<[^>]+>", "", first.group(1))), page


@site
def test_prose_is_spanish(site_html_es, site_html):
    """The body of every narrative page has Spanish words and none of its English paragraphs."""
    for page in ("index", "background", "negotiations", "evacuation", "aftermath", "disagreements"):
        text = page_text(site_html_es / f"{page}.html")
        assert len(re.findall(r"\b(?:el|la|los|las|que|del)\b", text)) > 20, page
        for message in read_catalog(PAGE_CATALOGS / f"{page}.po"):
            if message.id and len(message.id) > 80 and message.id != message.string:
                assert message.id[:60] not in text, f"{page}: English left: {message.id[:60]}"


@site
def test_timeline_dates_are_spanish(site_html_es):
    text = page_text(site_html_es / "timeline.html")
    assert re.search(r"\b17 de abril de 2018\b", text)
    assert re.search(r"\b\d{1,2} de abril de 2018\b", text)
    assert " April " not in text


@site
def test_convoy_table_is_spanish(site_html_es):
    text = page_text(site_html_es / "disagreements.html")
    for word in ("Autobuses", "Personas", "Combatientes", "Fuentes", "al menos"):
        assert word in text, word
    assert re.search(r"\b2\.500\b", text)
    assert not re.search(r"\b\d,\d{3}\b", text), "a number written the English way"


@site
def test_numbers_use_spanish_separators(site_html_es):
    text = page_text(site_html_es / "evacuation.html") + page_text(site_html_es / "index.html")
    assert re.search(r"\b1\.500\b", text)
    assert re.search(r"\b5\.000\b", text)


@site
def test_bibliography_is_spanish(site_html_es):
    text = page_text(site_html_es / "references.html")
    for words in ("Consultado el", "Archivado el", "Citado en:", "de abril de 2018"):
        assert words in text, words
    for words in ("Retrieved", "Archived on", "Cited in:"):
        assert words not in text, words


@site
def test_sidebar_is_spanish(site_html_es):
    text = page_text(site_html_es / "index.html")
    assert "Idiomas" in text and "Descargas" in text


def citation_numbers(site: Path) -> dict[str, set[tuple[str, str]]]:
    return {
        page.name: set(CITATION_LINK.findall(page.read_text(encoding="utf-8")))
        for page in sorted(site.glob("*.html"))
    }


@site
def test_sources_keep_their_numbers_across_languages(site_html, site_html_es):
    english, spanish = citation_numbers(site_html), citation_numbers(site_html_es)
    numbers = {}
    for links in english.values():
        for source, number in links:
            assert numbers.setdefault(source, number) == number, source
    assert numbers, "no citation links found in the English site"
    for page, links in english.items():
        if links:
            assert spanish.get(page) == links, page


def back_links(site: Path) -> dict[str, list[tuple[str, str]]]:
    """For each source, the (page, id) of every citation its "Cited in" line links to."""
    markup = (site / "references.html").read_text(encoding="utf-8")
    entries = re.split(r'<div class="citation" id="(source-[^"]+)"', markup)[1:]
    link = re.compile(r'href="([a-z0-9_-]+\.html)#([^"]+)"[^>]*title="[^"]*"')
    return {
        source: link.findall(body.split("</div>")[0])
        for source, body in zip(entries[::2], entries[1::2])
    }


@site
def test_back_links_reach_their_citations_in_both_languages(site_html, site_html_es):
    """Each "Cited in" link leads to one citation of that source (translated pages included)."""
    counts = {}
    for site_dir in (site_html, site_html_es):
        links = back_links(site_dir)
        assert links, "no back-links found"
        pages = {}
        for source, targets in links.items():
            for page, ident in targets:
                markup = pages.setdefault(page, (site_dir / page).read_text(encoding="utf-8"))
                found = re.findall(rf'\bid="{re.escape(ident)}"(.*?)</span>', markup, flags=re.S)
                assert len(found) == 1, f"{site_dir.name}/{page}#{ident}: {len(found)} elements"
                assert f"#{source}" in found[0], f"{site_dir.name}/{page}#{ident} is not {source}"
        counts[site_dir.name] = {source: len(targets) for source, targets in links.items()}
    assert counts["es"] == counts["en"]


def test_author_line_and_footer_are_spanish(site_html_es):
    page = (site_html_es / "index.html").read_text(encoding="utf-8")
    # The footer names the authors once and links the licence.
    assert page.count("2026, los colaboradores de la historia de Qalamoun oriental") == 1
    assert 'rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/"' in page
    assert "Última actualización:" in page
    assert "The Eastern Qalamoun history contributors" not in page


def test_bibliography_notes_are_spanish(site_html_es):
    references = (site_html_es / "references.html").read_text(encoding="utf-8")
    assert "No se ha visto ninguna copia de la página original" in references
    assert "No copy of the original page has been seen" not in references


def test_map_page_names_places_and_routes_in_spanish(site_html_es):
    page = (site_html_es / "map.html").read_text(encoding="utf-8")
    assert "de Dumayr a Afrin, pasando por Abu al-Zandin; Azaz" in page
    assert "Montañas de Qalamoun" in page
    assert "a unos 10 km de Jayrud" in page
    assert "about 10 km from Jayrud" not in page
