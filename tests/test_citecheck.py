"""``python -m sitechecks.citecheck`` on small projects with one kind of problem each."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from sitechecks import citecheck
from sitechecks.findings import ERROR, WARNING, display_path

ROOTS = Path(__file__).parent / "roots"
DOCS = Path(__file__).resolve().parent.parent / "docs"


@cache
def findings_of(name: str) -> list[tuple[str, int | None, str, str, str]]:
    """(file, line, severity, check, message) of each finding, for ``test-citecheck-NAME``."""
    found, _warnings = citecheck.check_project(ROOTS / f"test-citecheck-{name}")
    return [(f.file, f.line, f.severity, f.check, f.message) for f in found]


def where(name: str, filename: str) -> str:
    return display_path(ROOTS / f"test-citecheck-{name}" / filename)


def test_clean_project_has_no_findings():
    assert findings_of("clean") == []


def test_unknown_key():
    assert (
        where("keys", "index.md"),
        5,
        ERROR,
        "unknown-key",
        "cites 'nosuchkey', which is not in the bibliography",
    ) in findings_of("keys")


def test_uncited_entry():
    (finding,) = [f for f in findings_of("keys") if f[3] == "uncited-entry" and f[2] == ERROR]
    assert finding[:4] == (where("keys", "refs.bib"), 8, ERROR, "uncited-entry")
    assert finding[4].startswith("forgotten is cited nowhere")


def test_stale_uncited_list_is_a_warning():
    (finding,) = [f for f in findings_of("keys") if f[3] == "uncited-entry" and f[2] == WARNING]
    assert finding[0] == where("keys", "conf.py")
    assert "gone" in finding[4]


def test_missing_fields():
    found = {(f[1], f[2], f[4]) for f in findings_of("fields") if f[3] == "bib-missing-field"}
    assert found == {
        (
            3,
            ERROR,
            "nooutlet: required field outlet (journal or howpublished) is missing and no note says why",
        ),
        (9, ERROR, "nourl: required field url is missing and no note says why"),
        # Missing but explained by the note: listed, not failed.
        (25, WARNING, "explained: no outlet (journal or howpublished); the note explains why"),
    }
    assert all(f[0] == where("fields", "refs.bib") for f in findings_of("fields"))


def test_every_source_says_who_is_speaking():
    found = {(f[1], f[2], f[4]) for f in findings_of("fields") if f[3] == "bib-kind"}
    codes = "wire, intl, monitor, independent, opposition, state-sy, pro-gov, state-ru, state-ir, state-cn, state-tr, encyclopedia"
    assert found == {
        (28, ERROR, f"nokind: required field kind is missing (who is speaking: one of {codes})"),
        (35, ERROR, f"oddkind: kind 'tabloid' is not one of {codes}"),
    }


def test_bad_date():
    (finding,) = [f for f in findings_of("fields") if f[3] == "bib-date"]
    assert finding[1:3] == (18, ERROR)
    assert "'3 April 2018' is not an ISO 8601/EDTF date" in finding[4]


def test_duplicates():
    found = {
        (f[1], f[4].split(";")[0]) for f in findings_of("duplicates") if f[3] == "bib-duplicate"
    }
    assert found == {
        (12, "sameurl: same url as original"),
        (16, "sametitle: same title and date as original"),
        (22, "original: the key is used by two entries (first at line 1)"),
    }


def test_records_without_sources_and_sources_before_events():
    found = [(f[1], f[3]) for f in findings_of("records")]
    assert found == [
        (8, "source-predates-event"),  # the surrender of 19 April, cited to 3 April
        (18, "unsourced-record"),
        (22, "source-predates-event"),  # a convoy of 21 April, cited to 3 April
        (28, "unknown-key"),
    ]
    # A source dated only by month may be later than a day in that month: no finding.
    assert not [f for f in findings_of("records") if "month" in f[4]]


def test_real_chronicle_records():
    """The same checks against chronicle's own directives (the records root uses a stand-in)."""
    found = [(f[1], f[3]) for f in findings_of("chronicle")]
    assert found == [
        (8, "source-predates-event"),
        (13, "unsourced-record"),
        (17, "source-predates-event"),
    ]


def test_uncited_figures():
    found = [(f[0], f[1], f[2]) for f in findings_of("figures")]
    index = where("figures", "index.md")
    assert found == [
        (index, 5, ERROR),  # "About 6,000 people left", no citation
        (index, 7, ERROR),  # "began in April": a month is a date
        (index, 17, ERROR),  # the table row "second | 30" (MyST gives cells no line)
        (index, 22, ERROR),  # a list item
        (index, 28, ERROR),  # an exception marked without a reason
    ]
    assert "must give a reason" in findings_of("figures")[-1][4]
    # Not flagged: the cited paragraph, "may", inline code, code blocks, headings, the row
    # whose other cell cites, the paragraph marked "% citecheck: no-cite — reason" (line
    # 25), and the page that opts out with citecheck-skip.


def test_raw_html():
    found = [(f[1], f[2], f[3]) for f in findings_of("rawhtml")]
    assert found == [
        (5, ERROR, "raw-markup"),
        (7, ERROR, "raw-markup"),  # <b> and </b>: the same finding once
        (9, ERROR, "raw-markup"),
        (13, ERROR, "raw-markup"),  # raw LaTeX
    ]


def test_exit_status_and_json(capsys, monkeypatch):
    monkeypatch.chdir(ROOTS)
    assert citecheck.main(["--format", "json", "test-citecheck-rawhtml"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["errors"] == 4
    assert report["findings"][0]["file"] == "test-citecheck-rawhtml/index.md"
    # An uncited figure is an error: the check fails, so CI shows it.
    assert citecheck.main(["test-citecheck-figures"]) == 1
    assert capsys.readouterr().out.endswith("5 error(s), 0 warning(s)\n")


@pytest.mark.site
def test_real_site_has_no_errors():
    try:
        found, _warnings = citecheck.check_project(DOCS)
    except Exception as exc:  # noqa: BLE001 - only a site that builds can be checked
        pytest.skip(f"docs/ does not build yet: {exc}")
    errors = [finding.as_text() for finding in found if finding.severity == ERROR]
    assert not errors, "\n".join(errors)
