"""Reproducible output: the same sources give the same bytes, however the build got there.

A small chronicle project is generated with the benchmark's generator
(``benchmarks/corpus.py``): pages of events, convoys and reported figures citing a generated
bibliography, and a page with the timeline, the convoy table and the discrepancies. Every
file of the output is compared, except the pickled doctrees in ``.doctrees/``: they are
Sphinx's cache, not output, and hold pickled environment data whose bytes depend on the
order in which the build read things (an incremental build reads one page, a clean one all).
One file is compared by meaning rather than bytes: after an incremental build, Sphinx's
search index keeps the words of removed text as entries with no pages (``"word": []``);
they find nothing, and are dropped before comparing.
"""

from __future__ import annotations

import copy
import difflib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import corpus  # noqa: E402

#: Not output: Sphinx's pickled doctrees and environment (see the module docstring).
IGNORED = (".doctrees",)


def write(root: Path) -> list[corpus.Page]:
    return corpus.write_project(
        root,
        pages=3,
        events_per_page=6,
        convoys_per_page=1,
        reported_per_page=2,
        sources=12,
        seed=7,
    )


def build(source: Path, out: Path, builder: str = "html", env: dict | None = None) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", builder, str(source), str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr


def search_index(data: bytes) -> bytes:
    """The search index without the words that lead to no page (see the module docstring)."""
    prefix, suffix = b"Search.setIndex(", b")"
    index = json.loads(data.removeprefix(prefix).removesuffix(suffix))
    for section in ("terms", "titleterms"):
        index[section] = {word: pages for word, pages in index[section].items() if pages != []}
    return prefix + json.dumps(index, sort_keys=True).encode() + suffix


def files(out: Path) -> dict[str, bytes]:
    found = {
        path.relative_to(out).as_posix(): path.read_bytes()
        for path in sorted(out.rglob("*"))
        if path.is_file() and path.relative_to(out).parts[0] not in IGNORED
    }
    if "searchindex.js" in found:
        found["searchindex.js"] = search_index(found["searchindex.js"])
    return found


def assert_same_output(first: Path, second: Path, what: str) -> None:
    one, two = files(first), files(second)
    assert sorted(one) == sorted(two), f"{what}: different files"
    differing = [name for name in one if one[name] != two[name]]
    if differing:
        name = differing[0]
        diff = "\n".join(
            list(
                difflib.unified_diff(
                    one[name].decode(errors="replace").splitlines(),
                    two[name].decode(errors="replace").splitlines(),
                    lineterm="",
                    n=1,
                )
            )[:40]
        )
        pytest.fail(f"{what}: {len(differing)} files differ: {differing[:10]}\n{name}:\n{diff}")


def test_two_clean_html_builds_are_identical(tmp_path):
    write(tmp_path / "src")
    build(tmp_path / "src", tmp_path / "one")
    build(tmp_path / "src", tmp_path / "two")
    assert (tmp_path / "one" / "_data" / "events.json").exists()
    assert_same_output(tmp_path / "one", tmp_path / "two", "two clean HTML builds")


def test_two_clean_latex_builds_are_identical(tmp_path):
    write(tmp_path / "src")
    epoch = {"SOURCE_DATE_EPOCH": "1714521600"}
    build(tmp_path / "src", tmp_path / "one", "latex", epoch)
    build(tmp_path / "src", tmp_path / "two", "latex", epoch)
    (tex,) = (tmp_path / "one").glob("*.tex")
    assert "chron" in tex.read_text(encoding="utf-8")
    assert_same_output(tmp_path / "one", tmp_path / "two", "two clean LaTeX builds")


def test_incremental_builds_match_clean_builds(tmp_path):
    """Edit an event, add one, remove one, restore: after each step, the incremental
    output equals a clean build of the same sources."""
    source = tmp_path / "src"
    pages = write(source)
    original = copy.deepcopy(pages)
    incremental = tmp_path / "incremental"
    build(source, incremental)

    def step(name: str, changed: list[corpus.Page]) -> None:
        for page in changed:
            corpus.write_page(source, page)
        build(source, incremental)
        clean = tmp_path / f"clean-{name}"
        build(source, clean)
        assert_same_output(clean, incremental, f"after '{name}', clean vs incremental")

    events = [item for item in pages[1].items if isinstance(item, corpus.Event)]
    events[0].title = "An edited title"
    events[0].date = "2018-04-19/2018-04-20"
    step("edit an event", [pages[1]])

    added = copy.deepcopy(events[1])
    added.title, added.name, added.date = "An added event", "added-event", "2017-12-31"
    pages[0].items.insert(0, added)
    step("add an event", [pages[0]])

    removed = next(item for item in pages[2].items if isinstance(item, corpus.Event))
    pages[2].items.remove(removed)
    step("remove an event", [pages[2]])

    step("restore", original)
