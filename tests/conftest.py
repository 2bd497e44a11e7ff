"""Shared fixtures: the real site is built once per test session and shared by all tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest_plugins = "sphinx.testing.fixtures"

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def sphinx_build(builder: str, outdir: Path, *extra: str) -> subprocess.CompletedProcess:
    """Build the real site strictly (-nW --keep-going); fail the session on any warning."""
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-n", "-W", "--keep-going", "-q", "-b", builder,
         *extra, str(DOCS), str(outdir)],
        capture_output=True,
        text=True,
    )
    if result.returncode:
        pytest.fail(f"sphinx-build -b {builder} failed:\n{result.stderr}", pytrace=False)
    return result


@pytest.fixture(scope="session")
def site_html(tmp_path_factory) -> Path:
    """The English HTML site, built once."""
    outdir = tmp_path_factory.mktemp("site") / "html" / "en"
    sphinx_build("html", outdir)
    return outdir
