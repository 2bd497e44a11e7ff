"""What a reader of the built site sees: pages, citations, the reference list, key figures.

Every check reads the HTML of the real English site (the session fixture ``site_html``)
with the standard library's parser, so it holds whatever theme renders the pages.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from pybtex.database import parse_file

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parent.parent
BIB = ROOT / "references.bib"
#: Pages Sphinx writes for itself rather than for the narrative.
GENERATED = {"genindex.html", "search.html", "py-modindex.html"}
TOCTREE_ORDER = [
    "background.html",
    "map.html",
    "negotiations.html",
    "evacuation.html",
    "aftermath.html",
    "timeline.html",
    "disagreements.html",
    "sources.html",
    "references.html",
    "contributing.html",
]
#: Pages whose text is narrative prose; the timeline and reference list are built from records.
NARRATIVE = [
    "index.html", "background.html", "negotiations.html", "evacuation.html", "aftermath.html",
    "disagreements.html",
]
CITATION = re.compile(r"\[\d+(?:,\s*\d+)*\]")
SOURCE_ANCHOR = "source-"


# -- A small element tree over html.parser ------------------------------------------------

VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None = None
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(
        self, tag: str | None = None, cls: str | None = None, **attrs: str
    ) -> list[Element]:
        return [
            element
            for element in self.iter()
            if (tag is None or element.tag == tag)
            and (cls is None or cls in element.classes)
            and all(element.attrs.get(name) == value for name, value in attrs.items())
        ]

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> Element | None:
        found = self.find_all(tag, cls, **attrs)
        return found[0] if found else None

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def text(self) -> str:
        parts: list[str] = []
        for child in self.children:
            parts.append(child if isinstance(child, str) else child.text())
        return "".join(parts)

    def clean_text(self) -> str:
        return re.sub(r"\s+", " ", self.text()).strip()


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs}, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs}, self.current)
        self.current.children.append(element)

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        if self.current.tag not in {"script", "style"}:
            self.current.children.append(data)


@dataclass
class Page:
    name: str
    document: Element

    @property
    def main(self) -> Element:
        """The page's own content, without the theme's navigation and sidebars."""
        for candidate in (
            self.document.find(cls="bd-article"),
            self.document.find(role="main"),
            self.document.find("main"),
            self.document.find("body"),
        ):
            if candidate is not None:
                return candidate
        return self.document

    def ids(self) -> set[str]:
        return {element.attrs["id"] for element in self.document.iter() if "id" in element.attrs}

    def citations(self) -> list[Element]:
        return self.main.find_all("span", cls="bibtex-citation")


def citation_targets(span: Element) -> list[tuple[str, str, str]]:
    """(page, source key, number) for each link of a citation such as "[2, 3]"."""
    targets = []
    for link in span.find_all("a"):
        url = urlsplit(link.attrs.get("href", ""))
        fragment = unquote(url.fragment)
        if fragment.startswith(SOURCE_ANCHOR):
            targets.append((Path(url.path).name, fragment[len(SOURCE_ANCHOR):], link.clean_text()))
    return targets


def in_table(element: Element) -> bool:
    return any(ancestor.tag == "table" for ancestor in element.ancestors())


def long_date(text: str) -> str:
    """"2018-04-03" -> "3 April 2018", "2018-05" -> "May 2018", "2018" -> "2018"."""
    parts = [int(part) for part in text.split("-")]
    if len(parts) == 3:
        return f"{parts[2]} {calendar.month_name[parts[1]]} {parts[0]}"
    if len(parts) == 2:
        return f"{calendar.month_name[parts[1]]} {parts[0]}"
    return str(parts[0])


# -- Fixtures -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pages(site_html: Path) -> dict[str, Page]:
    built = {}
    for path in sorted(site_html.glob("*.html")):
        builder = TreeBuilder()
        builder.feed(path.read_text(encoding="utf-8"))
        built[path.name] = Page(path.name, builder.root)
    return built


@pytest.fixture(scope="module")
def bibliography():
    return parse_file(str(BIB), bib_format="bibtex").entries


@pytest.fixture(scope="module")
def entries(pages) -> dict[str, Element]:
    """The reference list's entries by source key."""
    found = {}
    for element in pages["references.html"].main.find_all(cls="citation"):
        ident = element.attrs.get("id", "")
        if ident.startswith(SOURCE_ANCHOR):
            found[ident[len(SOURCE_ANCHOR):]] = element
    return found


# -- Pages ----------------------------------------------------------------------------------


def test_every_page_is_reachable_from_the_index_toctree(pages):
    toctree = pages["index.html"].main.find(cls="toctree-wrapper")
    assert toctree is not None, "index.html has no toctree"
    top_level = [
        Path(urlsplit(link.attrs["href"]).path).name
        for item in toctree.find_all("li", cls="toctree-l1")
        for link in item.children
        if isinstance(link, Element) and link.tag == "a"
    ]
    listed = [name for name in top_level if name in TOCTREE_ORDER]
    assert listed == TOCTREE_ORDER, f"the index toctree lists {top_level}"
    assert len(top_level) == len(set(top_level)), "a page is listed twice"
    linked = {
        Path(urlsplit(link.attrs.get("href", "")).path).name for link in toctree.find_all("a")
    }
    unreachable = set(pages) - GENERATED - {"index.html"} - linked
    assert not unreachable, f"built pages missing from the index toctree: {sorted(unreachable)}"


# -- Citations ------------------------------------------------------------------------------


def test_no_citation_is_left_unresolved(pages, bibliography):
    keys = "|".join(map(re.escape, bibliography))
    unresolved = re.compile(r"\[(?:[^\]\s]*,\s*)*(" + keys + r")\b")
    for page in pages.values():
        text = page.main.clean_text()
        found = unresolved.search(text)
        assert not found, f"{page.name} shows an unresolved citation: {found and found[0]}"


def test_every_citation_link_reaches_an_entry_of_the_reference_list(pages, entries):
    checked = 0
    for page in pages.values():
        for span in page.citations():
            targets = citation_targets(span)
            assert targets, f"{page.name}: citation {span.clean_text()!r} links to no source"
            for target_page, key, _number in targets:
                assert target_page == "references.html", (
                    f"{page.name}: citation of {key} points to {target_page}"
                )
                assert key in entries, f"{page.name}: {key} has no entry on references.html"
                checked += 1
    assert checked > 50, "the narrative should cite its sources throughout"


def test_every_news_source_is_cited_somewhere(pages, bibliography):
    cited = {
        key
        for page in pages.values()
        for span in page.citations()
        for _page, key, _number in citation_targets(span)
    }
    assert set(bibliography) - cited == set()


def test_a_source_has_one_number_everywhere(pages, entries):
    numbers: dict[str, set[str]] = {}
    for page in pages.values():
        for span in page.citations():
            for _target, key, number in citation_targets(span):
                numbers.setdefault(key, set()).add(number)
    for key, entry in entries.items():
        label = entry.find(cls="label")
        assert label is not None, f"the entry for {key} shows no number"
        numbers.setdefault(key, set()).add(label.clean_text().strip("[]"))
    split = {key: sorted(found) for key, found in numbers.items() if len(found) != 1}
    assert not split, f"sources shown with several numbers: {split}"
    owners: dict[str, str] = {}
    for key, (number,) in ((key, tuple(found)) for key, found in numbers.items()):
        assert number not in owners, f"number {number} is used for both {owners[number]} and {key}"
        owners[number] = key


# -- The reference list ---------------------------------------------------------------------


def test_each_entry_shows_outlet_date_archive_and_address(entries, bibliography):
    assert set(entries) == set(bibliography)
    for key, bib_entry in bibliography.items():
        fields = bib_entry.fields
        entry = entries[key]
        text = entry.clean_text()
        if "journal" in fields:
            outlet = entry.find("em")
            shown = outlet.clean_text() if outlet is not None else None
            assert shown == fields["journal"], f"{key}: outlet not shown"
        if "date" in fields:
            published = long_date(fields["date"])
            assert published in text, f"{key}: date {fields['date']} not written out"
        if "archivedate" in fields:
            archived = f"Archived on {long_date(fields['archivedate'])}"
            assert archived in text, f"{key}: archive date missing"
        if "urldate" in fields:
            retrieved = f"Retrieved {long_date(fields['urldate'])}"
            assert retrieved in text, f"{key}: retrieval date missing"
        links = {link.attrs.get("href") for link in entry.find_all("a")}
        if "url" in fields:
            assert fields["url"] in links, f"{key}: address not linked"
        else:
            external = [href for href in links if href and href.startswith("http")]
            assert not external, f"{key}: an address nobody has seen: {external}"


def test_day_dates_are_written_out(entries, bibliography):
    """Sources dated to the day show "3 April 2018", never the ISO form."""
    for key, bib_entry in bibliography.items():
        date = bib_entry.fields.get("date", "")
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            text = entries[key].clean_text()
            assert re.search(r"\b\d{1,2} [A-Z][a-z]+ \d{4}\b", text) and date not in text, key


def test_narrative_citations_can_be_linked_to(pages):
    """A back-link needs an anchor: every citation in the narrative carries an id."""
    for name in NARRATIVE:
        for span in pages[name].citations():
            if in_table(span):  # a table built from records repeats citations made elsewhere
                continue
            assert span.attrs.get("id"), f"{name}: citation {span.clean_text()!r} has no anchor"


def test_no_page_repeats_an_anchor(pages):
    """A link to a repeated id lands on the first element that has it, not the one meant."""
    for page in pages.values():
        seen: dict[str, int] = {}
        for element in page.document.iter():
            if "id" in element.attrs:
                seen[element.attrs["id"]] = seen.get(element.attrs["id"], 0) + 1
        repeated = sorted(ident for ident, count in seen.items() if count > 1)
        assert not repeated, f"{page.name} repeats the anchors {repeated}"


def test_cited_in_links_reach_every_citing_place(pages, entries):
    # Lists built from records (the timeline) repeat the events' citations without anchors;
    # their back-links rightly lead to the place where the event is told.
    citing: dict[str, set[tuple[str, str]]] = {}
    for page in pages.values():
        if page.name == "references.html":
            continue
        for span in page.citations():
            if not span.attrs.get("id"):
                continue
            for _target, key, _number in citation_targets(span):
                citing.setdefault(key, set()).add((page.name, span.attrs["id"]))
    for key, entry in entries.items():
        backlinks = entry.find("p", cls="citation-backlinks")
        expected = citing.get(key, set())
        if not expected:
            continue
        assert backlinks is not None, f"{key}: no “Cited in:” line"
        assert backlinks.clean_text().startswith("Cited in:")
        reached = set()
        for link in backlinks.find_all("a"):
            url = urlsplit(link.attrs["href"])
            target = (Path(url.path).name, unquote(url.fragment))
            assert target[0] in pages, f"{key}: back-link to a missing page {target[0]}"
            assert target[1] in pages[target[0]].ids(), f"{key}: back-link to no anchor {target}"
            reached.add(target)
        assert reached == expected, (
            f"{key}: back-links miss {sorted(expected - reached)}"
            f" and add {sorted(reached - expected)}"
        )


# -- Key figures ----------------------------------------------------------------------------

KEY_FIGURES = {
    "ultimatum of 3 April": r"(?<!\d)3 April",
    "Dumayr: 1,500 fighters": r"1,500 fighters",
    "Dumayr: 3,500 civilians or relatives": r"3,500 (?:civilians|relatives|family)",
    "Dumayr: 2,500 people with 600 rebels": r"600 (?:fighters|rebels)",
    "Dumayr convoy: 31 buses at Azaz": r"31 buses",
    "first convoy: 44 buses (SOHR)": r"44 buses",
    "first convoy: 1,156 people": r"1,156",
    "al-Rukban group": r"al-Rukban",
    "second convoy: 1,204 people": r"1,204",
    "second convoy via Qalaat al-Madiq": r"Qalaat al-Madiq",
    "third convoy: about 410 people": r"410",
    "last convoy: about 60 buses": r"60 buses",
    "last convoy: 38 buses": r"38 buses",
    "last convoy: 48 buses": r"48 buses",
    "in all: about 3,700": r"3,700",
    "in all: about 5,500": r"5,500",
    "SANA: some 6,000": r"some 6,000",
    "124 buses": r"124 buses",
    "75 barrel bombs": r"75 barrel bombs",
    "Shaher Juma killed on 18 April": r"(?<!\d)18 April",
    "eight more tanks": r"eight more tanks",
}
SENTENCE_END = re.compile(r"[.!?][”\"]?(?=\s+[A-Z“\"(]|\s*$)")


def narrative_blocks(pages) -> list[tuple[str, str]]:
    """(page, text) of each prose paragraph or list item of the narrative pages.

    Field lists (a convoy's "Buses: 44") and tables are data built from records, cited in
    their headings or source columns, not prose.
    """
    blocks = []
    for name in NARRATIVE:
        for element in pages[name].main.iter():
            if element.tag not in {"p", "li"}:
                continue
            # A record's date line, title, places, label and figure are data cited in the
            # record's own heading; the prose is in its body.
            if any(css.startswith("chron-") for css in element.classes):
                continue
            if any(ancestor.tag in {"dl", "table"} or "toctree-wrapper" in ancestor.classes
                   for ancestor in element.ancestors()):
                continue
            inner = [node for node in element.iter() if node is not element]
            if not any(node.tag in {"p", "li"} for node in inner):
                blocks.append((name, element.clean_text()))
    return blocks


def sentence_after(text: str, start: int) -> str:
    end = SENTENCE_END.search(text, start)
    return text[start : end.end() if end else len(text)]


@pytest.mark.parametrize("pattern", KEY_FIGURES.values(), ids=KEY_FIGURES.keys())
def test_key_figure_is_cited_in_its_sentence(pages, pattern):
    found = []
    for page, text in narrative_blocks(pages):
        for match in re.finditer(pattern, text, re.IGNORECASE):
            found.append(page)
            rest = sentence_after(text, match.end())
            assert CITATION.search(rest), (
                f"{page}: “{match[0]}” has no citation in its sentence:"
                f" {text[match.start():][:200]!r}"
            )
    assert found, f"the narrative never states {pattern!r}"
