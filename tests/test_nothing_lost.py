"""Nothing lost: every record written in the site's pages reaches the lists and the exports.

The directives are counted in the Markdown sources with MyST's own parser, so examples shown
in code blocks (docs/contributing.md) are not counted, and directives nested in others are.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

DOCS = Path(__file__).resolve().parent.parent / "docs"
#: Folders of docs/ that Sphinx does not read (exclude_patterns in docs/conf.py).
NOT_READ = {"_build", "_root", "locales", "_static"}
RECORDS = ("chron:event", "chron:convoy", "chron:reported")

pytestmark = pytest.mark.site


def directives_in(text: str, parser) -> Counter:
    """Directive names in MyST *text*, nested ones included; code blocks are not directives."""
    found: Counter = Counter()
    for token in parser.parse(text):
        if token.type in ("fence", "colon_fence") and token.info.startswith("{"):
            found[token.info[1:].split("}", 1)[0]] += 1
            found += directives_in(token.content, parser)
    return found


@pytest.fixture(scope="module")
def in_sources() -> Counter:
    parser = create_md_parser(
        MdParserConfig(enable_extensions={"colon_fence", "deflist"}), RendererHTML
    )
    found: Counter = Counter()
    for page in sorted(DOCS.rglob("*.md")):
        if not NOT_READ & set(page.relative_to(DOCS).parts):
            found += directives_in(page.read_text(encoding="utf-8"), parser)
    assert all(found[name] for name in RECORDS), f"no records found in docs/: {found}"
    return found


def page(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def test_code_examples_are_not_counted():
    parser = create_md_parser(MdParserConfig(enable_extensions={"colon_fence"}), RendererHTML)
    example = "```markdown\n:::{chron:event} 2018\n:::\n```\n"
    nested = "::::{note}\n:::{chron:event} 2018\n:::\n::::\n"
    text = f"{example}\n{nested}"
    assert directives_in(text, parser)["chron:event"] == 1


def test_every_event_is_in_the_timeline(site_html, in_sources):
    items = page(site_html, "timeline.html").select("li.chron-entry")
    assert len(items) == in_sources["chron:event"]


def test_every_convoy_is_a_row_of_the_convoy_table(site_html, in_sources):
    (table,) = page(site_html, "disagreements.html").select("table.chron-convoy-table")
    rows = [
        row
        for row in table.select("tbody tr")
        if not {"chron-total", "chron-reported-total"} & set(row.get("class") or [])
    ]
    assert len(rows) == in_sources["chron:convoy"]


def test_every_record_is_in_the_exports(site_html, in_sources):
    data = site_html / "_data"
    events = json.loads((data / "events.json").read_text(encoding="utf-8"))
    reported = json.loads((data / "reported.json").read_text(encoding="utf-8"))
    with (data / "convoys.csv").open(encoding="utf-8", newline="") as file:
        convoys = list(csv.DictReader(file))
    assert len(events) == in_sources["chron:event"]
    assert len(convoys) == in_sources["chron:convoy"]
    assert len(reported) == in_sources["chron:reported"]
