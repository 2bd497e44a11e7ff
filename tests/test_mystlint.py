"""The pre-commit check of MyST pages: raw HTML and fences left open, with their lines."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "extensions" / "sitechecks" / "mystlint.py"


@pytest.fixture(scope="module")
def mystlint():
    # Loaded from its file, as pre-commit runs it: it must not need the rest of the package.
    spec = importlib.util.spec_from_file_location("mystlint", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_raw_html(mystlint):
    text = (ROOT / "tests" / "roots" / "test-citecheck-rawhtml" / "index.md").read_text()
    # Raw LaTeX too (line 13): the content policy forbids both (test_content_policy.py).
    assert [line for line, _message in mystlint.problems(text)] == [5, 7, 7, 9, 13]


def test_unclosed_fence(mystlint):
    text = "# Page\n\n:::{note}\nNever closed.\n\n```python\nx = 1\n```\n"
    assert mystlint.problems(text) == [(3, "::: fence '{note}' is never closed")]


def test_clean_page(mystlint):
    text = "# Page\n\n:::{note}\nClosed.\n:::\n\n````markdown\n```{toctree}\n```\n````\n"
    assert mystlint.problems(text) == []


def test_site_pages_are_clean(mystlint):
    for page in sorted((ROOT / "docs").glob("*.md")):
        assert mystlint.problems(page.read_text(encoding="utf-8")) == [], page.name
