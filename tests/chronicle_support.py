"""Building the chronicle test roots once and reading what a user sees in the output.

Each build works on its own copy of a root (under pytest's temporary directory), so a test
that edits sources never touches ``tests/roots`` and builds never share an output folder.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from bs4 import BeautifulSoup  # noqa: F401  (re-exported for tests)
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

ROOTS = Path(__file__).parent / "roots"

#: What a traceback or an unhandled extension error looks like in Sphinx's output.
CRASH = re.compile(r"Traceback|Exception occurred|extension error|Extension error", re.IGNORECASE)


class ChronicleBuilds:
    """Built apps keyed by what was built, so modules share a build instead of repeating it.

    Only one app is set up at a time: Sphinx registers node visitors globally, and
    ``SphinxTestApp.cleanup`` must undo that before the next app is made.
    """

    def __init__(self, tmp_path_factory):
        self._tmp = tmp_path_factory
        self._built: dict[tuple, SphinxTestApp] = {}
        self._open: SphinxTestApp | None = None

    def fresh(
        self,
        testroot: str = "chronicle",
        buildername: str = "html",
        *,
        files: dict[str, str | bytes] | None = None,
        **kwargs,
    ) -> SphinxTestApp:
        """A new app on a new copy of *testroot*, with *files* written over it (not built yet).

        It stays usable (for rebuilds) until the next app is made.
        """
        self.close()
        srcdir = self._tmp.mktemp(f"{testroot}-{buildername}") / "src"
        shutil.copytree(ROOTS / f"test-{testroot}", srcdir)
        for name, text in (files or {}).items():
            if isinstance(text, bytes):
                (srcdir / name).write_bytes(text)
            else:
                (srcdir / name).write_text(text, encoding="utf-8")
        self._open = SphinxTestApp(buildername, srcdir=srcdir, **kwargs)
        return self._open

    def __call__(
        self, testroot: str = "chronicle", buildername: str = "html", **kwargs
    ) -> SphinxTestApp:
        """The app that built *testroot* with *buildername* (and *kwargs*), built once."""
        key = (testroot, buildername, repr(sorted(kwargs.items(), key=str)))
        if key not in self._built:
            app = self.fresh(testroot, buildername, **kwargs)
            app.build()
            self.close()
            self._built[key] = app
        return self._built[key]

    def close(self) -> None:
        if self._open is not None:
            self._open.cleanup()
            self._open = None


def html_page(app: SphinxTestApp, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")


def text_of(element) -> str:
    """An element's text as a reader sees it: whitespace collapsed, none inside brackets."""
    text = " ".join(element.get_text(" ").split())
    return re.sub(r"(?<=[\[(]) | (?=[\]),.])", "", text)


def timeline_items(soup: BeautifulSoup, index: int = 0) -> list[dict]:
    """The entries of the *index*-th timeline on an HTML page: date (and the notes beside
    it), title, href, places, sources, the kind of date and the headings it sits under."""
    timeline = soup.select("div.chron-timeline")[index]
    items = []
    for item in timeline.select("li.chron-entry"):
        link = item.select_one("p.chron-title a")
        places = item.select_one("p.chron-places")
        sources = item.select_one("p.chron-sources")
        items.append(
            {
                "date": text_of(item.select_one("p.chron-date time")),
                "datetime": item.select_one("p.chron-date time")["datetime"],
                "notes": [text_of(note) for note in item.select("p.chron-date .chron-date-note")],
                "kind": [cls for cls in item["class"] if cls != "chron-entry"],
                "title": text_of(item.select_one("p.chron-title")),
                "href": link["href"] if link else None,
                "places": text_of(places) if places else "",
                "sources": text_of(sources) if sources else "",
                "headings": [
                    text_of(group.find(re.compile("^h[1-6]$"), recursive=False))
                    for group in reversed(item.find_parents("div", class_="chron-group"))
                ],
            }
        )
    return items


def table_rows(table) -> list[list[str]]:
    """The body rows of an HTML table as lists of cell texts."""
    return [
        [text_of(cell) for cell in row.find_all(["td", "th"])] for row in table.select("tbody tr")
    ]


def warnings(app: SphinxTestApp) -> str:
    """What the build wrote to its warning stream, without terminal colours."""
    return strip_escape_sequences(app.warning.getvalue())
