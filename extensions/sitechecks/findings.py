"""What a check found, and how findings are printed (text for people, JSON for tools)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem, at a place a contributor can open: ``file:line``."""

    file: str
    line: int | None
    severity: str
    check: str
    message: str

    def as_text(self) -> str:
        place = f"{self.file}:{self.line}" if self.line else self.file
        return f"{place}: {self.severity}: {self.message} [{self.check}]"


def display_path(path: str | os.PathLike | None) -> str:
    """*path* relative to the working directory when it is below it (as editors expect)."""
    if not path:
        return "<unknown>"
    path = Path(path).resolve()
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def node_line(node) -> int | None:
    """The line of *node*, or of the nearest ancestor that knows its line."""
    while node is not None:
        if getattr(node, "line", None):
            return node.line
        node = node.parent
    return None


def has_errors(findings: list[Finding]) -> bool:
    return any(finding.severity == ERROR for finding in findings)


def format_text(findings: list[Finding]) -> str:
    lines = [finding.as_text() for finding in findings]
    errors = sum(finding.severity == ERROR for finding in findings)
    warnings = len(findings) - errors
    lines.append(f"{errors} error(s), {warnings} warning(s)")
    return "\n".join(lines)


def format_json(findings: list[Finding]) -> str:
    return json.dumps(
        {
            "errors": sum(finding.severity == ERROR for finding in findings),
            "warnings": sum(finding.severity == WARNING for finding in findings),
            "findings": [asdict(finding) for finding in findings],
        },
        indent=2,
        ensure_ascii=False,
    )


def format_github(findings: list[Finding]) -> str:
    """GitHub Actions workflow commands: each finding annotates its file and line."""
    lines = []
    for finding in findings:
        level = "error" if finding.severity == ERROR else "warning"
        place = f"file={finding.file}" + (f",line={finding.line}" if finding.line else "")
        message = finding.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        lines.append(f"::{level} {place},title={finding.check}::{message}")
    return "\n".join(lines)


def step_summary(findings: list[Finding]) -> str:
    """A Markdown table for ``$GITHUB_STEP_SUMMARY``, shown on the pull request's checks."""
    errors = sum(finding.severity == ERROR for finding in findings)
    head = f"### citecheck: {errors} error(s), {len(findings) - errors} warning(s)\n"
    if not findings:
        return head + "\nNo findings.\n"
    rows = [
        f"| `{finding.file}:{finding.line or ''}` | {finding.severity} | {finding.check} | "
        + finding.message.replace("|", "\\|").replace("\n", " ")
        + " |"
        for finding in findings
    ]
    return head + "\n| Where | Severity | Check | Finding |\n|---|---|---|---|\n" + "\n".join(rows) + "\n"
