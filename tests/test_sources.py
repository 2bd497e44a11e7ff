"""The sources behind the history: how many, whose, seen where, and weighed against each other.

Read from the built sites (``site_html``, ``site_html_es``) and from ``references.bib``.
The address check reads the research notes kept outside the repository
(``../shared/sources.md`` and ``../shared/research/stored-pages.md``) and is skipped, with
its reason, where they are absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pybtex.database import parse_file

from newsbib.kinds import KIND_CODES

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parent.parent
BIB = ROOT / "references.bib"
SHARED = ROOT.parent / "shared"
NOTES = [SHARED / "sources.md", SHARED / "research" / "stored-pages.md"]
#: Each kind's label as the English and the Spanish bibliography print it (capitalised).
KIND_LABELS = {
    "en": {
        "wire": "Wire agency", "intl": "International press", "monitor": "Monitor",
        "independent": "Independent Syrian media", "opposition": "Syrian opposition media",
        "state-sy": "Syrian state media", "pro-gov": "Pro-government media",
        "state-ru": "Russian state media", "state-ir": "Iranian state media",
        "state-cn": "Chinese state media", "state-tr": "Turkish state media",
        "encyclopedia": "Encyclopedia",
    },
    "es": {
        "wire": "Agencia de noticias", "intl": "Prensa internacional", "monitor": "Observatorio",
        "independent": "Medio sirio independiente", "opposition": "Medio de la oposición siria",
        "state-sy": "Medio estatal sirio", "pro-gov": "Medio progubernamental",
        "state-ru": "Medio estatal ruso", "state-ir": "Medio estatal iraní",
        "state-cn": "Medio estatal chino", "state-tr": "Medio estatal turco",
        "encyclopedia": "Enciclopedia",
    },
}


@pytest.fixture(scope="module")
def bibliography():
    return parse_file(str(BIB), bib_format="bibtex").entries


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def reference_entries(site: Path) -> dict[str, BeautifulSoup]:
    """The reference list's entries by bib key (their anchors are ``source-<key>``)."""
    page = soup(site / "references.html")
    return {
        element["id"].removeprefix("source-"): element
        for element in page.select("[id^=source-]")
        if "citation" in element.get("class", [])
    }


def cited_keys(site: Path) -> set[str]:
    """Keys that a narrative page cites: the entry has at least one "Cited in" back-link."""
    return {
        key for key, entry in reference_entries(site).items()
        if entry.select("p.citation-backlinks a")
    }


def test_every_address_was_seen_on_a_stored_copy(bibliography):
    if not all(path.exists() for path in NOTES):
        pytest.skip("the research notes (../shared/sources.md, research/stored-pages.md) are "
                    "not beside this checkout, so the addresses cannot be checked against them")
    seen = "".join(path.read_text(encoding="utf-8") for path in NOTES)
    unseen = [
        (key, entry.fields[field])
        for key, entry in bibliography.items()
        for field in ("url", "archiveurl")
        if field in entry.fields and entry.fields[field] not in seen
    ]
    assert unseen == []


def test_sixty_or_more_sources_are_cited_forty_with_a_seen_address(site_html, bibliography):
    cited = cited_keys(site_html)
    with_address = {key for key in cited if "url" in bibliography[key].fields}
    assert len(cited) >= 60, f"{len(cited)} sources cited"
    assert len(with_address) >= 40, f"{len(with_address)} cited sources with an address"


def test_every_source_has_a_kind_of_outlet(bibliography):
    assert {key: entry.fields.get("kind") for key, entry in bibliography.items()
            if entry.fields.get("kind") not in KIND_CODES} == {}


@pytest.mark.parametrize("language", ["en", "es"])
def test_each_entry_names_its_kind_in_both_editions(site_html, site_html_es, bibliography, language):
    site = {"en": site_html, "es": site_html_es}[language]
    entries = reference_entries(site)
    assert set(entries) == set(bibliography)
    missing = {
        key: bibliography[key].fields["kind"]
        for key, entry in entries.items()
        if f"{KIND_LABELS[language][bibliography[key].fields['kind']]}." not in entry.get_text(" ")
    }
    assert missing == {}


def weighed_quantities(site: Path) -> dict[str, list[BeautifulSoup]]:
    """The rows of the disagreements table, grouped by quantity."""
    table = soup(site / "disagreements.html").select_one("table.chron-discrepancies")
    assert table is not None, "no table of figures that sources weigh against each other"
    groups: dict[str, list] = {}
    label = ""
    for row in table.select("tbody tr"):
        first = row.find("td")
        if first.get_text(strip=True):
            label = first.find("p").get_text(" ", strip=True)
        groups.setdefault(label, []).append(row)
    return groups


def test_every_quantity_in_the_disagreements_table_has_two_or_more_sources(site_html):
    groups = weighed_quantities(site_html)
    assert len(groups) >= 12, f"{len(groups)} quantities"
    assert sum(len(rows) for rows in groups.values()) >= 40
    for label, rows in groups.items():
        sources = {
            link["href"].partition("#")[2]
            for row in rows
            for link in row.find_all("td")[3].select("a[href*='#source-']")
        }
        assert len(sources) >= 2, f"{label}: {sources}"


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_disagreements_table_names_each_figures_kind_of_outlet(site_html, site_html_es, language):
    site = {"en": site_html, "es": site_html_es}[language]
    labels = {label.lower() for label in KIND_LABELS[language].values()}
    for label, rows in weighed_quantities(site).items():
        for row in rows:
            kinds = row.find_all("td")[4].get_text(" ", strip=True)
            assert kinds and all(kind.strip().lower() in labels for kind in kinds.split(";")), (label, kinds)


def test_the_sources_page_is_in_the_table_of_contents(site_html):
    index = soup(site_html / "index.html")
    assert index.select_one("a[href='sources.html']") is not None
    page = soup(site_html / "sources.html")
    assert page.find("h1").get_text(strip=True).startswith("The sources")
