"""The four documents a contributor follows give one set of commands and one list of checks.

README.md, the guide (docs/contributing.md), .github/CONTRIBUTING.md and the pull request
template each say which checks are required, and they say the same as the continuous
integration runs; every command is ``python3 dev.py <session>`` and names a real session.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUIDES = ["README.md", "docs/contributing.md", ".github/CONTRIBUTING.md",
          ".github/pull_request_template.md"]
COMMAND_DOCUMENTS = [*GUIDES, "docs/locales/README.md", "benchmarks/README.md"]
COMMAND = re.compile(r"python3 dev\.py ([a-z][a-z_-]*)")


def sessions() -> set[str]:
    noxfile = (ROOT / "noxfile.py").read_text(encoding="utf-8")
    return set(re.findall(r"@nox\.session\ndef ([a-z_]+)\(", noxfile))


def required_by_ci() -> set[str]:
    runs = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    runs += (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    return set(COMMAND.findall(runs))


def blocks(text: str) -> list[str]:
    """Paragraphs and list items (a checklist item is a block of its own)."""
    return [block for block in re.split(r"\n\s*\n|\n(?=\s*- )", text) if block.strip()]


def test_ci_runs_the_three_checks():
    assert required_by_ci() == {"docs", "citecheck", "tests"}


@pytest.mark.parametrize("name", GUIDES)
def test_each_document_names_the_same_required_checks(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    stated = [block for block in blocks(text) if "required checks" in block.lower()]
    assert stated, f"{name} does not say which checks are required"
    for block in stated:
        assert set(COMMAND.findall(block)) == required_by_ci(), f"{name}: {block!r}"


@pytest.mark.parametrize("name", COMMAND_DOCUMENTS)
def test_commands_are_dev_py_sessions(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    assert not re.search(r"nox -s [a-z]", text), f"{name} uses nox -s; use python3 dev.py"
    unknown = set(COMMAND.findall(text)) - sessions()
    assert not unknown, f"{name} names sessions that noxfile.py lacks: {unknown}"


def test_guide_shows_the_spanish_site_and_links_the_translation_notes():
    guide = (ROOT / "docs" / "contributing.md").read_text(encoding="utf-8")
    assert "python3 dev.py serve -- es" in guide
    assert "python3 dev.py translations" in guide
    assert "docs/locales/README.md" in guide
