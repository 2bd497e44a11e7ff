"""One content policy, applied alike by the build, citecheck and the pre-commit check.

``test-policy`` holds every form the policy forbids, each on its own line: raw HTML and
LaTeX (MyST, ``{raw}``, ``{eval-rst}``), ``javascript:`` links (reStructuredText, an
image's target, a bibliography note), meta refresh and ``og:`` tags (front matter and
``.. meta::``), ``csv-table :url:``, ``literalinclude`` and ``include`` of files outside
the project, an SVG published through ``{image}``, a relative ``archiveurl`` and block
markup and HTML in a TOML data file.
"""

from __future__ import annotations

import importlib.util
import io
import re
import socket
from pathlib import Path

import pytest
from sitechecks import citecheck
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace, patch_docutils

ROOT = Path(__file__).resolve().parent.parent
POLICY = ROOT / "tests" / "roots" / "test-policy"
#: Every forbidden form, by file and line.
FORBIDDEN = {
    "index.md": {3, 4, 12, 14, 16, 20, 25, 29, 32, 35, 39, 43, 46, 49},
    "data.toml": {8, 14},
    "refs.bib": {6, 7},
}

# The policy's warnings, from the build's content check or from the bibliography reader that
# applies the same rules as it reads the .bib file.
WARNING = re.compile(r"(\S+):(\d+): WARNING: (.*?) \[(?:sitechecks|newsbib)\.")


@pytest.fixture(scope="module")
def mystlint():
    spec = importlib.util.spec_from_file_location(
        "mystlint", ROOT / "extensions" / "sitechecks" / "mystlint.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def citecheck_findings():
    found, _warnings = citecheck.check_project(POLICY)
    return found


@pytest.fixture(scope="module")
def html_build(tmp_path_factory):
    """An HTML build of the project, with every outgoing connection recorded."""
    outdir = tmp_path_factory.mktemp("policy")
    warnings = io.StringIO()
    connections = []
    real_connect = socket.socket.connect

    def connect(self, address):
        connections.append(address)
        return real_connect(self, address)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", connect)
        with patch_docutils(POLICY), docutils_namespace():
            app = Sphinx(POLICY, POLICY, outdir / "html", outdir / "doctrees", "html",
                         status=None, warning=warnings, freshenv=True)
            app.build()
    return outdir / "html", warnings.getvalue(), connections


def lines_by_file(pairs) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    for name, line in pairs:
        found.setdefault(Path(name).name, set()).add(line)
    return found


def test_citecheck_finds_every_form_as_an_error(citecheck_findings):
    assert all(f.severity == "error" for f in citecheck_findings)
    assert lines_by_file((f.file, f.line) for f in citecheck_findings) == FORBIDDEN


def test_precommit_finds_the_same(mystlint):
    pairs = [
        (name, line)
        for name in FORBIDDEN
        for line, _message in mystlint.file_problems(POLICY / name)
    ]
    assert lines_by_file(pairs) == FORBIDDEN
    assert mystlint.main([str(POLICY / "index.md")]) == 1


def test_build_warns_at_each_line(html_build):
    _html, warnings, _connections = html_build
    warnings = re.sub(r"\x1b\[[0-9;]*m", "", warnings)
    located = {
        (name, int(number))
        for name, number, message in WARNING.findall(warnings)
        if "from data, shown as text" not in message
    }
    assert lines_by_file(located) == FORBIDDEN


def test_nothing_forbidden_reaches_the_reader(html_build):
    html, _warnings, connections = html_build
    page = (html / "index.html").read_text(encoding="utf-8")
    for forbidden in ('href="javascript', "<script>alert", "/etc/hostname", 'http-equiv="refresh"',
                      "og:title", 'class="box"', "<b>inline", "bibtex_bibfiles", "drawing.svg"):
        assert forbidden not in page, forbidden
    assert "Clean" not in page  # the included page from the other project
    # csv-table :url: was refused before anything was fetched.
    assert not connections


def test_allowed_forms_pass(mystlint):
    page = (
        "---\nhtml_meta:\n  description: A page\n---\n\n# Title\n\n"
        "A [link](https://example.org) and <mailto:someone@example.org>, [inside](other.md).\n"
    )
    assert mystlint.problems(page) == []
    from sitechecks import policy

    assert policy.inline_problems("Some *inline* `code` and {cite:p}`key`.") == []
    assert policy.link_problem("JaVa\tScript:alert(1)")
    assert policy.fetch_problem("https://web.archive.org/x") is None
