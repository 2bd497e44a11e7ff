"""The PDF typeset as a book (issue 11, item 9; reader.md "The PDF prints structured records
as stray lines" and the PDF structure findings): records with their own layout, page
numbers where paper needs them, front matter for paper, the map on a page of its own, calm
link colours, and the bibliography's Arabic and Cyrillic titles in print.

Built once per language by the ``site_pdf`` fixture; read back with poppler's pdftotext and
pypdf (page labels: the printed page numbers).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf", reason="pypdf is in the test extra: pip install -e .[test]")

pytestmark = pytest.mark.site

LANGUAGES = ("en", "es")
ROOT = Path(__file__).resolve().parent.parent


def normalise(text: str) -> str:
    text = text.replace("\u00ad", "")
    text = re.sub(r"(?<=[a-z])-\n(?=[a-z])", "", text)
    return re.sub(r"\s+", " ", text).strip()


def pdftotext(path: Path, *options: str) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", *options, str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def pages(site_pdf) -> dict[str, list[str]]:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    return {language: pdftotext(path).split("\f") for language, path in site_pdf.items()}


@pytest.fixture(scope="module")
def text(pages) -> dict[str, str]:
    return {language: normalise("\n".join(found)) for language, found in pages.items()}


@pytest.fixture(scope="module")
def printed_pages(site_pdf, pages) -> dict[str, dict[str, str]]:
    """Each PDF's pages by their printed number (page label), normalised."""
    result = {}
    for language, path in site_pdf.items():
        labels = pypdf.PdfReader(path).page_labels
        result[language] = {label: normalise(page) for label, page in zip(labels, pages[language])}
    return result


EVENT_HEADING = {
    "en": "19 April 2018 — Buses take the first evacuees out of Dumayr — Dumayr [",
    "es": "19 de abril de 2018 — ",
}
FIGURE = {"en": r"Buses from Dumayr: 5 \[\d+\]", "es": r": 5 \[\d+\]"}
FACTS = {"en": ("Departed 19 April 2018", "Buses 31"), "es": ("19 de abril de 2018", "31")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_event_heading_is_one_line(language, text, site_pdf):
    """Date, title and places of an event on one line, not three stray paragraphs."""
    assert EVENT_HEADING[language] in text[language]
    layout = pdftotext(site_pdf[language], "-layout")
    if language == "en":
        assert any(line.strip().startswith(EVENT_HEADING["en"]) for line in layout.splitlines())


@pytest.mark.parametrize("language", LANGUAGES)
def test_figure_reads_label_colon_value(language, text):
    assert re.search(FIGURE[language], text[language]), "no 'label: value [n]' figure"
    # A figure given without a label takes its quantity's label, not its key.
    assert "buses-dumayr" not in text[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_convoy_facts_are_a_compact_table(language, site_pdf):
    layout = pdftotext(site_pdf[language], "-layout")
    lines = [re.sub(r"\s+", " ", line).strip() for line in layout.splitlines()]
    first, second = FACTS[language]
    # Two label-value pairs side by side on one line of the table.
    assert any(first in line and line.endswith(second) and line.index(first) < line.index(second, len(first))
               for line in lines), "the convoy's facts are not laid out as a table"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_record_heading_never_ends_a_page(language, pages):
    """A record's heading line is kept with the start of its text across page breaks."""
    heading = re.compile(r"^\d{1,2}(?:–\d{1,2})? (?:de )?\w+ (?:de )?2018 (?:\(\w+\) )?— ")
    for number, page in enumerate(pages[language], start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        # The last lines are the running foot (section and page number).
        for line in lines[-3:-1]:
            assert not heading.match(line), f"page {number} ends with a record's heading: {line}"


def bibliography(text: str) -> str:
    """The text from the bibliography's first entry on (before the first "Cited in")."""
    first = re.search(r"(?:Cited in|Citado en):", text)
    assert first, "no 'Cited in' in the PDF"
    return text[text.rindex("[1] ", 0, first.start()):]


def cited_in(text: str, number: int) -> str:
    """The "Cited in" line of the bibliography entry [number]."""
    match = re.search(rf"\[{number}\] .*?(?:Cited in|Citado en): (?P<pages>.*?)(?= \[{number + 1}\] |$)", text)
    assert match, f"no entry [{number}] with its back-links"
    return match["pages"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_back_links_give_the_pages_that_cite(language, text, printed_pages):
    """"Cited in" lists page numbers (each page once), and the entry's number is printed on
    each of those pages."""
    entries = bibliography(text[language])
    numbers = {int(number) for number in re.findall(r"\[(\d+)\] ", entries)}
    assert len(numbers) > 50
    checked = 0
    for number in sorted(numbers)[:30]:
        line = cited_in(entries, number)
        groups = re.findall(r"\((?:p|pp|pág|págs)\. ([\d, ]+)\)", line)
        assert groups, f"[{number}] Cited in: {line[:200]}"
        for group in groups:
            listed = [page.strip() for page in group.split(",")]
            assert len(listed) == len(set(listed)), f"a page listed twice for [{number}]: {group}"
            for page in listed:
                citations = re.findall(r"\[(\d+(?:, \d+)*)\]", printed_pages[language][page])
                cited = {int(n) for group_ in citations for n in group_.split(", ")}
                assert number in cited, f"[{number}] is said to be cited on page {page}"
                checked += 1
    assert checked > 50


@pytest.mark.parametrize("language", LANGUAGES)
def test_cross_references_give_pages(language, text, printed_pages):
    link = {"en": "where the sources disagree", "es": "dónde discrepan las fuentes"}[language]
    found = re.findall(rf"{link} \((?:p|pág)\. (\d+)\)", text[language], flags=re.IGNORECASE)
    assert found, f"no page after '{link}'"
    title = {"en": "Where the sources disagree", "es": "Dónde discrepan las fuentes"}[language]
    chapter = re.compile(rf"(?:CHAPTER|CAPÍTULO) \d+ {title}", flags=re.IGNORECASE)
    starts = [page for page in set(found) if chapter.search(printed_pages[language][page])]
    # The link to the page itself (others go to its sections, on later pages).
    assert starts, f"no reference to '{link}' gives the page where {title} begins: {sorted(set(found))}"


FRONT = {"en": ("How to read this book", "How to read this site"),
         "es": ("Cómo leer este libro", "Cómo leer este sitio")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_how_to_read_is_front_matter_for_paper(language, pages, site_pdf):
    paper, site = FRONT[language]
    where = [number for number, page in enumerate(pages[language]) if paper in normalise(page)]
    assert where, f"no '{paper}'"
    assert not any(site in normalise(page) for page in pages[language]), f"'{site}' is still in the PDF"
    # Not a chapter: no chapter heading on its page, and before chapter 1.
    page = normalise(pages[language][where[0]])
    assert not re.search(r"(?:CHAPTER|CAPÍTULO) \d", page, flags=re.IGNORECASE), page[:300]
    # It names the page where the sources are explained, and that page is right.
    tex = site_pdf[language].with_suffix(".tex").read_text(encoding="utf-8")
    assert r"\pageref{\detokenize{sources::doc}}" in tex


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_chapter_page_is_mostly_empty_before_the_map(language, pages):
    """The map has a page of its own; the map chapter's first page carries its text and
    the list of places rather than a blank under the introduction."""
    legend = {"en": "Convoy route, numbered", "es": "Ruta de un convoy"}[language]
    map_page = next(number for number, page in enumerate(pages[language]) if legend in normalise(page))
    before = normalise(pages[language][map_page - 1])
    places = {"en": "Places and routes on the map", "es": "Lugares y rutas del mapa"}[language]
    assert places in before or "Dumayr" in before, before[:300]


def test_links_print_in_a_calm_colour(site_pdf):
    tex = site_pdf["en"].with_suffix(".tex").read_text(encoding="utf-8")
    for name in ("OuterLinkColor", "InnerLinkColor"):
        red, green, blue = map(float, re.search(rf"{name}=\{{rgb\}}\{{([\d.]+),([\d.]+),([\d.]+)\}}", tex).groups())
        assert red <= blue and max(red, green, blue) <= 0.6, (name, red, green, blue)


def arabic_words(text: str) -> list[str]:
    """Arabic words without vowel marks (pdftotext may set a mark apart from its word)."""
    words = [arabic_letters(word) for word in re.findall("[\u0600-\u06ff]+", text)
             if not re.search("[\u064b-\u0670]", word)]
    return [word for word in words if word]


def arabic_letters(text: str) -> str:
    """Arabic letters in a row (pdftotext may break a word where its letters join)."""
    return "".join(re.findall("[\u0621-\u064a\u0671-\u06ff]+", text))


def bib_titles(script: str) -> list[str]:
    bib = (ROOT / "references.bib").read_text(encoding="utf-8")
    return [title for title in re.findall(r"^\s*title\s*=\s*\{(.*)\},\s*$", bib, flags=re.MULTILINE)
            if re.search(script, title)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_arabic_and_cyrillic_titles_are_printed(language, pages, site_pdf):
    """Arabic titles are set in an Arabic font, right to left (pdftotext gives them back in
    reading order); Cyrillic ones too; no character is missing from the fonts."""
    printed = normalise("\n".join(pages[language]).replace("\u202b", "").replace("\u202c", ""))
    arabic = bib_titles("[\u0600-\u06ff]")
    cyrillic = bib_titles("[\u0400-\u04ff]")
    assert arabic and cyrillic
    assert "جيش تحرير الشام يرفض التفاوض مع روسيا بالقلمون الشرقي" in printed
    # pdftotext moves the punctuation next to a right-to-left run, may set a vowel mark
    # apart from its word and break a word where its letters join: compare the words,
    # without marks, with the letters of the text.
    letters = arabic_letters(printed)
    missing_arabic = [title for title in arabic
                      if not all(word in letters for word in arabic_words(title))]
    assert not missing_arabic, missing_arabic[:3]
    assert all(normalise(title) in printed for title in cyrillic), cyrillic
    log = site_pdf[language].with_suffix(".log").read_text(errors="replace")
    assert "Missing character" not in log
