"""Check that the site's claims are sourced and its bibliography is sound.

Usage: ``python -m sitechecks.citecheck [--format text|json] [SOURCEDIR]`` (default
``docs``). Exit status 1 when there is any error; warnings are listed but do not fail.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

from .bibfields import check_duplicates, check_fields
from .biblocations import locate
from .citations import check_citations, check_records
from .contentpolicy import check_data_file, data_files, violations_of
import os

from .findings import (
    ERROR,
    Finding,
    display_path,
    format_github,
    format_json,
    format_text,
    has_errors,
    step_summary,
)
from .paragraphs import check_paragraphs
from .project import read_project


def run_checks(env) -> list[Finding]:
    bibdata = env.get_domain("cite").bibdata
    entries = bibdata.data.entries
    locations = locate(sorted(bibdata.bibfiles))
    uncited_ok = getattr(env.config, "sitechecks_uncited", None) or {}
    findings = [
        *check_citations(env, entries, locations, uncited_ok),
        *check_records(env, entries),
        *check_fields(entries, locations),
        *check_duplicates(entries, locations),
        *check_paragraphs(env),
        *check_policy(env),
    ]
    return sorted(set(findings), key=lambda f: (f.file, f.line or 0, f.check, f.message))


def check_policy(env) -> list[Finding]:
    """What the build's content policy found in the pages, and the data files' text."""
    violations = [*violations_of(env)]
    for path in data_files(env.srcdir):
        violations.extend(check_data_file(path))
    return [
        Finding(display_path(v.path), v.line, ERROR, v.rule, v.message) for v in violations
    ]


#: A problem the build's bibliography reader (newsbib) found in a .bib file: it keeps the
#: rest of the file, and citecheck fails on it as on any broken source.
BIB_READER_WARNING = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+): WARNING: bibliography: (?P<message>.*?) \[newsbib\.(?P<kind>[\w-]+)\]$",
    re.M,
)


def bibliography_problems(warnings: str) -> list[Finding]:
    findings = []
    for match in BIB_READER_WARNING.finditer(warnings):
        if match["kind"] == "duplicate":
            continue  # check_duplicates reports it, with the first entry's line
        message = match["message"]
        # "in the entry at line 1: syntax error in line 11": the line the parser stopped at.
        inner = re.search(r"\bsyntax error in line (\d+)", message)
        line = int(inner[1]) if inner else int(match["line"])
        findings.append(Finding(
            display_path(Path(match["path"])), line, ERROR, f"bib-{match['kind']}",
            f"the bibliography cannot be read there: {message}" if match["kind"] == "syntax" else message,
        ))
    return findings


def check_project(srcdir: Path) -> tuple[list[Finding], str]:
    """Findings for the project in *srcdir*, and the warnings Sphinx gave while reading it."""
    with tempfile.TemporaryDirectory(prefix="citecheck-") as workdir:
        try:
            app, warnings = read_project(srcdir, Path(workdir))
        except Exception as error:  # noqa: BLE001 - reported as a finding, never a traceback
            return [unreadable_project(srcdir, error)], ""
        findings = sorted(
            set(run_checks(app.env)) | set(bibliography_problems(warnings)),
            key=lambda f: (f.file, f.line or 0, f.check, f.message),
        )
        return findings, warnings


def unreadable_project(srcdir: Path, error: Exception) -> Finding:
    """The project could not be read at all: one error that says where and why."""
    cause = error
    while getattr(cause, "orig_exc", None) or cause.__cause__:
        cause = getattr(cause, "orig_exc", None) or cause.__cause__
    message = str(cause) or type(cause).__name__
    bibfiles = sorted(Path(srcdir).glob("*.bib"))
    line = re.search(r"\bline (\d+)", message)
    if bibfiles and ("bibtex" in str(error) or "builder_inited_cite" in str(error)):
        return Finding(
            display_path(bibfiles[0]),
            int(line[1]) if line else None,
            ERROR,
            "unreadable",
            f"the bibliography cannot be read: {message}",
        )
    return Finding(
        display_path(srcdir), None, ERROR, "unreadable", f"the project cannot be read: {message}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sitechecks.citecheck", description=__doc__.split("\n")[0]
    )
    parser.add_argument("sourcedir", nargs="?", default="docs", type=Path)
    parser.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="github: annotations on the pull request's files, and a table in the job "
        "summary ($GITHUB_STEP_SUMMARY)",
    )
    args = parser.parse_args(argv)
    findings, warnings = check_project(args.sourcedir)
    if warnings:
        # Sphinx's own warnings (unknown keys, records without sources) belong to the
        # build, which fails on them with -W; repeat them here so nothing is hidden.
        print("Sphinx warnings while reading the project:", warnings, sep="\n", file=sys.stderr)
    if args.format == "github":
        print(format_github(findings))
        print(format_text(findings))
        if summary := os.environ.get("GITHUB_STEP_SUMMARY"):
            with open(summary, "a", encoding="utf-8") as handle:
                handle.write(step_summary(findings))
    else:
        print(format_json(findings) if args.format == "json" else format_text(findings))
    return 1 if has_errors(findings) else 0


if __name__ == "__main__":
    sys.exit(main())
