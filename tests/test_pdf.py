"""The PDF edition (``nox -s pdf``): built once per language by the ``site_pdf`` fixture.

The checks read the PDF itself (its text through poppler's pdftotext, which keeps the
spaces that xelatex sets as gaps; its metadata and link annotations through pypdf), the
LaTeX source and log beside it, and compare the citation numbers with the HTML site.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf", reason="pypdf is in the test extra: pip install -e .[test]")

pytestmark = pytest.mark.site

LANGUAGES = ("en", "es")
#: The narrative's key figures and places, as the English PDF must print them.
KEY_FIGURES = ("124 buses", "1,500 fighters", "5,000 people", "44 buses", "Jarabulus", "al-Bab",
               "60 buses")
#: A site link to a source: the number the HTML gives it.
HTML_LINK = re.compile(r"<a (?P<attributes>[^>]*)>(?P<number>\d+)</a>")
SOURCE_HREF = re.compile(r'href="(?:references\.html)?#source-(?P<key>[\w-]+)"')
TITLE = re.compile(r'title="(?P<title>[^"]*)"')


#: The embedding marks pdftotext puts round text it reads right to left.
BIDI_MARKS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e"))
RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff]")


def normalise(text: str) -> str:
    """One line of text: words split at a line end joined again, every run of space one space."""
    text = text.replace("\u00ad", "").translate(BIDI_MARKS)
    text = re.sub(r"(?<=[a-z])-\n(?=[a-z])", "", text)
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def readers(site_pdf) -> dict[str, pypdf.PdfReader]:
    return {language: pypdf.PdfReader(path) for language, path in site_pdf.items()}


@pytest.fixture(scope="module")
def pages_text(site_pdf) -> dict[str, list[str]]:
    """Each PDF's text, page by page."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    pages = {}
    for language, path in site_pdf.items():
        result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                                capture_output=True, text=True, check=True)
        pages[language] = result.stdout.split("\f")
    return pages


@pytest.fixture(scope="module")
def text(pages_text) -> dict[str, str]:
    return {language: normalise("\n".join(pages)) for language, pages in pages_text.items()}


def html_numbers(site: Path) -> dict[str, tuple[int, str]]:
    """Each source's number on the HTML site and the start of its entry, from every page."""
    numbers: dict[str, set[int]] = {}
    titles: dict[str, str] = {}
    for page in site.glob("*.html"):
        for link in HTML_LINK.finditer(page.read_text(encoding="utf-8")):
            href = SOURCE_HREF.search(link["attributes"])
            if href is None:
                continue
            numbers.setdefault(href["key"], set()).add(int(link["number"]))
            title = TITLE.search(link["attributes"])
            if title:
                titles[href["key"]] = html.unescape(title["title"])
    assert numbers, f"no citation links found in {site}"
    for key, found in numbers.items():
        assert len(found) == 1, f"{key} has several numbers on the HTML site: {sorted(found)}"
    return {key: (found.pop(), titles.get(key, "")) for key, found in numbers.items()}


def arabic_words(text: str) -> list[str]:
    """The Arabic words of *text*, less those with vowel marks: pdftotext may set a word's
    mark, and the letters after it, apart from the rest of the word."""
    words = [arabic_letters(word) for word in re.findall("[\u0600-\u06ff]+", text)
             if not re.search("[\u064b-\u0670]", word)]
    return [word for word in words if word]


def arabic_letters(text: str) -> str:
    """The Arabic letters of *text* in a row: pdftotext may break a word where its letters
    join (a space inside the word) and reorders runs round punctuation."""
    return "".join(re.findall("[\u0621-\u064a\u0671-\u06ff]+", text))


def listed(pdf: str, number: int, start: str) -> bool:
    """Whether the bibliography lists entry [number] starting with *start*. A title in
    Arabic is read back by pdftotext with the punctuation round it moved and some words
    broken, so there its words are looked for among the letters just after the number."""
    if not RIGHT_TO_LEFT.search(start):
        return f"[{number}] {start}" in pdf
    words = arabic_words(start)
    return any(all(word in arabic_letters(pdf[match.end():match.end() + 400]) for word in words)
               for match in re.finditer(re.escape(f"[{number}] "), pdf))


def entry_start(title: str, words: int = 4) -> str:
    """The first words of a bibliography entry, as the PDF prints them."""
    return " ".join(normalise(title).split()[:words])


def test_both_pdfs_are_built(site_pdf):
    assert set(site_pdf) == set(LANGUAGES)
    for language, path in site_pdf.items():
        assert path.name == f"qalamoun-{language}.pdf"
        assert path.read_bytes().startswith(b"%PDF-"), path
        assert path.stat().st_size > 20_000, path


def test_english_pdf_has_the_key_figures(text):
    missing = [figure for figure in KEY_FIGURES if figure not in text["en"]]
    assert not missing, f"not in the English PDF: {missing}"


def test_spanish_pdf_has_the_places(text):
    for place in ("Jarabulus", "al-Bab", "Dumayr"):
        assert place in text["es"], place


#: The map's legend and caption, in each language: drawn text, so pdftotext reads them.
MAP_TEXT = {
    "en": ("Convoy route, numbered as in the table",
           "Map of the Eastern Qalamoun offensive and evacuation, April 2018"),
    "es": ("Ruta de un convoy, con el número de la tabla",
           "Mapa de la ofensiva y la evacuación del Qalamoun oriental, abril de 2018"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_map_is_drawn_in_the_pdf(language, pages_text):
    """The operation map is in the PDF as a drawing with its labels as text, its caption
    under it on the same page."""
    legend, caption = MAP_TEXT[language]
    pages = [normalise(page) for page in pages_text[language] if legend in normalise(page)]
    assert len(pages) == 1, f"the map's legend ({legend}) is on {len(pages)} pages"
    for label in ("Dumayr", "Jayrud", "Jarabulus", "al-Bab", "Afrin", "50 km"):
        assert label in pages[0], label
    assert caption in pages[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_title_page(language, pages_text):
    title_page = normalise(pages_text[language][0])
    assert "CC BY-SA 4.0" in title_page
    assert "https://creativecommons.org/licenses/by-sa/4.0/" in title_page
    # The build date (SOURCE_DATE_EPOCH, set by the fixture), written in the build language.
    assert {"en": "1 May 2024", "es": "1 de mayo de 2024"}[language] in title_page, title_page
    assert "Qalamoun" in title_page


#: The author line of each edition (docs/conf.py: site_authors).
AUTHORS = {"en": "The Eastern Qalamoun history contributors",
           "es": "los colaboradores de la historia de Qalamoun oriental"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_metadata(language, readers, pages_text):
    reader = readers[language]
    info = reader.metadata
    assert "Qalamoun" in (info.title or "")
    # The Spanish edition names its authors in Spanish, in the metadata and on the title page.
    assert info.author == AUTHORS[language]
    assert AUTHORS[language] in normalise(pages_text[language][0])
    assert info.subject, "the PDF has no subject"
    assert reader.trailer["/Root"].get("/Lang") == language


def test_english_title_is_the_projects(readers):
    assert readers["en"].metadata.title == "Eastern Qalamoun, April 2018"


def test_citation_numbers_match_the_html(site_html, text):
    numbers = html_numbers(site_html)
    pdf = text["en"]
    for key, (number, title) in numbers.items():
        assert title, f"no entry text for {key} on the HTML site"
        start = entry_start(title)
        assert listed(pdf, number, start), (
            f"the PDF's bibliography does not list {key} as [{number}] {start}…")
    # And in the text: the claim of 124 buses cites the Global Times report with the number
    # the HTML gives it.
    dumayr, _ = numbers["globaltimes2018enters"]
    cited = [re.findall(r"\[(\d+(?:, \d+)*)\]", pdf[match.end():match.end() + 80])[:1]
             for match in re.finditer(r"124 buses", pdf)]
    assert any(str(dumayr) in group[0].split(", ") for group in cited if group), (dumayr, cited)


def test_spanish_pdf_numbers_sources_like_the_spanish_site(site_html_es, text):
    numbers = html_numbers(site_html_es)
    pdf = text["es"]
    for key, (number, title) in numbers.items():
        start = entry_start(title, 3)
        assert listed(pdf, number, start), f"[{number}] {start}… ({key})"


def test_both_languages_number_the_sources_alike(site_html, site_html_es):
    english = {key: number for key, (number, _) in html_numbers(site_html).items()}
    spanish = {key: number for key, (number, _) in html_numbers(site_html_es).items()}
    assert english == spanish


def link_annotations(reader) -> tuple[list[str], list[str]]:
    """The URIs and the named destinations that the PDF's link annotations go to."""
    uris, destinations = [], []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A")
            if action is not None:
                action = action.get_object()
                if action.get("/S") == "/URI":
                    uris.append(str(action["/URI"]))
                elif action.get("/S") == "/GoTo":
                    destinations.append(str(action["/D"]))
            elif "/Dest" in annotation:
                destinations.append(str(annotation["/Dest"]))
    return uris, destinations


@pytest.mark.parametrize("language", LANGUAGES)
def test_links_are_clickable(language, readers):
    reader = readers[language]
    uris, destinations = link_annotations(reader)
    # Outside links: the sources' addresses.
    assert any(uri.startswith("https://syriadirect.org/") for uri in uris), uris[:10]
    # Citations go to their bibliography entry; the entries' "Cited in" links come back.
    assert "cite.references:source-syriadirect2018dumayr" in destinations
    assert len(destinations) > 300, len(destinations)
    # Every link inside the PDF lands on a destination that exists.
    named = set(reader.named_destinations)
    dangling = sorted({name for name in destinations if name not in named})
    assert not dangling, f"links to missing destinations: {dangling[:10]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_cross_reference_has_one_target(language, site_pdf):
    """No link to a label LaTeX does not know (it would not be clickable), and no label set
    twice (a link would land on the wrong one): citations, "Cited in" back-links, records."""
    log = site_pdf[language].with_suffix(".log").read_text(errors="replace")
    undefined = re.findall(r"(?:Hyper )?[Rr]eference `([^']+)' on page \d+ undefined", log)
    assert not undefined, undefined[:10]
    twice = re.findall(r"Label `([^']+)' multiply defined", log)
    assert not twice, twice[:10]


def longtable_specs(tex: str) -> list[str]:
    return re.findall(r"\\begin\{longtable\}(?:\[[^]]*\])?\{((?:[^{}]|\{[^{}]*\})*)\}", tex)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_lists_are_long_tables_that_fit_the_page(language, site_pdf):
    """Timeline, convoy table and figures: longtables (they break across pages) whose
    columns are set to proportions of the line width that add up to at most the whole."""
    tex = site_pdf[language].with_suffix(".tex").read_text(encoding="utf-8")
    specs = longtable_specs(tex)
    assert len(specs) >= 3, specs
    for spec in specs:
        widths = re.findall(r"\\X\{(\d+)\}\{(\d+)\}", spec)
        assert widths, f"a longtable without set column widths: {spec}"
        assert sum(int(a) / int(b) for a, b in widths) <= 1.0001, spec
    # The convoy table has its eight columns.
    assert any(len(re.findall(r"\\X\{", spec)) == 8 for spec in specs), specs


def test_convoy_table_is_a_table_in_the_pdf(site_pdf, pages_text):
    numbers = [number for number, page in enumerate(pages_text["en"], start=1)
               if "Sum of the convoys" in normalise(page)]
    assert numbers, "the convoy table's sum row is not in the PDF"

    def layout(first: int, last: int) -> list[str]:
        text = subprocess.run(
            ["pdftotext", "-layout", "-f", str(first), "-l", str(last), str(site_pdf["en"]), "-"],
            capture_output=True, text=True, check=True,
        ).stdout
        return [re.sub(r"\s+", " ", line).strip() for line in text.splitlines()]

    # Laid out as on the page: the header cells side by side on one line, then the rows (the
    # table may start a few pages before its sum row).
    lines = layout(max(1, numbers[0] - 4), numbers[0])
    header = "Convoy Dates Route Buses People Fighters Civilians Sources"
    assert header in lines, lines
    first = lines[lines.index(header) + 1:]
    assert any(re.match(r"1 departed .*Dumayr →.* 31 2,500 about 700 about \[\d+", line) for line in first), first[:20]
    assert any(line.startswith("Reported") for line in layout(numbers[0], numbers[0]))


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_line_sticks_out_far(language, site_pdf):
    """No line of text runs into the margin by more than a hair (LaTeX's overfull boxes)."""
    log = site_pdf[language].with_suffix(".log").read_text(errors="replace")
    overfull = [float(points) for points in re.findall(r"Overfull \\hbox \((\d+(?:\.\d+)?)pt too wide", log)]
    assert all(points < 5 for points in overfull), overfull
