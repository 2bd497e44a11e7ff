"""citecheck on broken or awkward input: located findings, never a traceback."""

from __future__ import annotations

from pathlib import Path

from sitechecks import citecheck
from sitechecks.biblocations import locate
from sitechecks.findings import display_path

ROOTS = Path(__file__).parent / "roots"
BAD = ROOTS / "test-citecheck-badinput"


def test_a_byte_order_mark_and_an_entry_like_line_inside_a_field():
    locations = locate([BAD / "refs.bib"])
    assert locations.entries["first"].line == 1  # not "<unknown>" behind the BOM
    assert "fake" not in locations.entries  # "@misc{fake," inside the note is text
    assert locations.entries["second"].line == 11
    assert locations.place("first", "note") == (BAD / "refs.bib", 6)


def test_unknown_key_at_its_line_with_the_nearest_key():
    found, _warnings = citecheck.check_project(BAD)
    unknown = [f for f in found if f.check == "unknown-key"]
    assert [(f.file, f.line) for f in unknown] == [(display_path(BAD / "index.md"), 11)]
    assert unknown[0].message.endswith("did you mean 'second'?")


def test_a_case_variant_is_a_duplicate_key():
    found, _warnings = citecheck.check_project(BAD)
    (duplicate,) = [f for f in found if f.check == "bib-duplicate" and "two entries" in f.message]
    assert (duplicate.file, duplicate.line) == (display_path(BAD / "refs.bib"), 18)
    assert "keys ignore case" in duplicate.message


def test_an_unreadable_bibliography_is_a_finding(capsys):
    root = ROOTS / "test-citecheck-badbib"
    assert citecheck.main([str(root)]) == 1
    out = capsys.readouterr().out
    assert "refs.bib:11: error: the bibliography cannot be read there" in out
    assert "Traceback" not in out


def test_findings_in_the_pull_request_summary(capsys, monkeypatch, tmp_path):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert citecheck.main(["--format", "github", str(BAD)]) == 1
    out = capsys.readouterr().out
    assert f"::error file={display_path(BAD / 'index.md')},line=11,title=unknown-key::" in out
    table = summary.read_text()
    assert table.startswith("### citecheck: 2 error(s)")
    assert "did you mean 'second'?" in table
