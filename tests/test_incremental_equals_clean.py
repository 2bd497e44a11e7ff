"""An incremental build writes what a clean build of the same sources writes, warnings included.

Each case builds the root, changes its sources as a writer would, and builds again with the
same app (as ``sphinx-build`` or ``sphinx-autobuild`` does between edits); a fresh app then
builds the changed sources from scratch. Every HTML page, every data export and the warnings
of the second build must equal the clean build's. The pages that only show another page's
data are the point: a ``{ref}`` to an event, a citation's tooltip, the bibliography's
"Cited in" lines, the neighbours' "next" links.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest
from chronicle_support import ROOTS, BeautifulSoup, text_of, warnings
from sphinx.testing.util import SphinxTestApp

#: sphinx-timeline adds its assets to the builder, not to the page it is called for, so
#: every page written after a timeline page lists them too: which pages do depends on what
#: a build happened to write, in an incremental build as in a clean one. Not compared here.
TIMELINE_ASSETS = re.compile(
    r"\n\s*<(?:link|script)[^>]*_static/(?:default|datetime)\.[0-9a-f]{32}\.[^>]*>(?:</script>)?"
)


ROOT = ROOTS / "test-incremental"


def edit(srcdir: Path, name: str, old: str, new: str) -> None:
    path = srcdir / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    later = time.time() + 5  # a modification time Sphinx cannot take for the last build's
    os.utime(path, (later, later))


def rename_event(srcdir: Path) -> None:
    edit(srcdir, "events.md", ":title: Talks open at Dumayr", ":title: Talks open at Ruhaybah")


def edit_bib_title(srcdir: Path) -> None:
    edit(srcdir, "refs.bib", "Rebels refuse evacuation", "Rebels accept evacuation")


def reorder_toctree(srcdir: Path) -> None:
    edit(srcdir, "index.md", "events\nnotes\n", "notes\nevents\n")


def reorder_without_renumbering(srcdir: Path) -> None:
    # The sources keep their numbers (alpha is cited first either way); only the order of
    # the pages in each "Cited in" changes.
    edit(srcdir, "index.md", "notes\ngone\n", "gone\nnotes\n")


def delete_page(srcdir: Path) -> None:
    (srcdir / "gone.md").unlink()
    edit(srcdir, "index.md", "gone\n", "")


def soup(page: str) -> BeautifulSoup:
    return BeautifulSoup(page, "html.parser")


def add_page_back(srcdir: Path) -> None:
    """After delete_page: the page comes back, and with it what linked to it."""
    (srcdir / "gone.md").write_text((ROOT / "gone.md").read_text(encoding="utf-8"), encoding="utf-8")
    edit(srcdir, "index.md", "notes\n", "notes\ngone\n")


#: Changes made before the first build, so that a case can start from there.
BEFORE = {add_page_back: delete_page}


def output(app) -> dict[str, str]:
    found = {
        path.relative_to(app.outdir).as_posix(): path.read_text(encoding="utf-8")
        for pattern in ("*.html", "_data/*")
        for path in sorted(app.outdir.glob(pattern))
    }
    return {name: TIMELINE_ASSETS.sub("", text) for name, text in found.items()}


def located(app) -> str:
    """The warnings, with the source folder (each build has its own copy) taken out."""
    return warnings(app).replace(str(app.srcdir) + os.sep, "")


def incremental_and_clean(builds, change, tmp_path: Path, parallel: int = 0):
    """What an incremental build after *change* writes, and what a clean build writes."""
    app = builds.fresh("incremental", "html", parallel=parallel)
    if change in BEFORE:
        BEFORE[change](Path(app.srcdir))
    app.build()
    if change not in BEFORE:
        assert located(app) == ""
    change(Path(app.srcdir))
    app.warning.truncate(0)
    app.warning.seek(0)
    app.build()
    incremental = output(app), located(app)
    builds.close()
    # The changed sources, copied before an app is made: making one reads the .bib files.
    srcdir = tmp_path / "clean"
    shutil.copytree(app.srcdir, srcdir, ignore=shutil.ignore_patterns("_build"))
    clean_app = SphinxTestApp("html", srcdir=srcdir)
    try:
        clean_app.build()
        return incremental, (output(clean_app), located(clean_app))
    finally:
        clean_app.cleanup()


def assert_same(incremental, clean) -> None:
    (pages, log), (clean_pages, clean_log) = incremental, clean
    assert log == clean_log
    assert sorted(pages) == sorted(clean_pages)
    assert [name for name in pages if pages[name] != clean_pages[name]] == []


@pytest.fixture(scope="module")
def outcome(chronicle_builds, tmp_path_factory):
    """Each change's (incremental, clean) outputs, built once for the tests that read them."""
    done = {}

    def of(change):
        if change not in done:
            tmp_path = tmp_path_factory.mktemp(change.__name__)
            done[change] = incremental_and_clean(chronicle_builds, change, tmp_path)
        return done[change]

    return of


@pytest.mark.parametrize("change", [
    rename_event, edit_bib_title, reorder_toctree, reorder_without_renumbering, delete_page,
    add_page_back,
])
def test_incremental_build_equals_clean_build(outcome, change):
    incremental, clean = outcome(change)
    assert_same(incremental, clean)


def test_parallel_read_then_rename_equals_clean(chronicle_builds, tmp_path):
    # The references each page makes are merged from the reading processes.
    incremental, clean = incremental_and_clean(chronicle_builds, rename_event, tmp_path, parallel=2)
    assert_same(incremental, clean)


# What a reader sees in each case, so the comparison above is known to compare the right thing.


def test_a_renamed_event_shows_its_new_title_where_it_is_referred_to(outcome):
    (pages, _log), _clean = outcome(rename_event)
    assert "Talks open at Ruhaybah" in text_of(soup(pages["notes.html"]).select_one("div.body"))


def test_an_edited_bib_title_reaches_the_tooltips_of_pages_not_edited(outcome):
    (pages, _log), _clean = outcome(edit_bib_title)
    for page in ("notes.html", "timeline.html"):
        tooltips = [link["title"] for link in soup(pages[page]).select("span.bibtex-citation a")]
        assert any("Rebels accept evacuation" in tooltip for tooltip in tooltips), page
        assert not any("Rebels refuse" in tooltip for tooltip in tooltips), page


def test_a_deleted_page_leaves_an_undefined_label_warning_and_no_link(outcome):
    (pages, log), _clean = outcome(delete_page)
    assert log.splitlines() == [
        "notes.md:3: WARNING: 'myst' cross-reference target not found: 'gone.md' [myst.xref_missing]",
        "notes.md:3: WARNING: undefined label: 'mountain-sweeps' [ref.ref]",
    ]
    assert "gone.html" not in pages["notes.html"]
    assert "gone.html" not in pages["references.html"]
