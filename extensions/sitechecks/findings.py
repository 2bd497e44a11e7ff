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
