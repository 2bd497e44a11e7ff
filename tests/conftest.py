"""Shared fixtures: the real site is built once per test session and shared by all tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from chronicle_support import ChronicleBuilds

pytest_plugins = "sphinx.testing.fixtures"

# Sphinx colours its messages wherever CI=true; the tests read those messages as text.
os.environ["NO_COLOR"] = "1"

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


@pytest.fixture(scope="session")
def site_html_es(tmp_path_factory) -> Path:
    """The Spanish HTML site (the page catalogs in docs/locales/es), built once."""
    outdir = tmp_path_factory.mktemp("site-es") / "html" / "es"
    sphinx_build("html", outdir, "-D", "language=es")
    return outdir


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``sphinx.testing`` finds ``@pytest.mark.sphinx(testroot=NAME)``: roots/test-NAME."""
    return Path(__file__).parent / "roots"


@pytest.fixture(scope="session")
def chronicle_builds(tmp_path_factory):
    """Builds of the chronicle test roots, each made once per session and shared."""
    builds = ChronicleBuilds(tmp_path_factory)
    yield builds
    builds.close()


@pytest.fixture(scope="session")
def site_pdf(tmp_path_factory) -> dict[str, Path]:
    """The PDF edition in each language, {"en": .../qalamoun-en.pdf, "es": ...}, built once.

    Sphinx's LaTeX builder, then xelatex through latexmk, as ``nox -s pdf`` does; the LaTeX
    log and source stay beside each PDF (``path.with_suffix(".log")``, ``".tex"``). The
    build date is fixed with SOURCE_DATE_EPOCH (1 May 2024), as a reproducible build would.
    """
    import os
    import shutil

    missing = [tool for tool in ("xelatex", "latexmk", "rsvg-convert")
               if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"the PDF needs TeX Live and librsvg: {', '.join(missing)} not installed "
                    "(apt-get install latexmk texlive-latex-extra texlive-xetex tex-gyre "
                    "texlive-lang-spanish fonts-freefont-otf librsvg2-bin)")
    pdfs = {}
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "1714521600"
    try:
        for language in ("en", "es"):
            outdir = tmp_path_factory.mktemp(f"pdf-{language}") / "latex" / language
            sphinx_build("latex", outdir, "-D", f"language={language}")
            name = f"qalamoun-{language}"
            result = subprocess.run(
                ["latexmk", "-pdf", "-dvi-", "-ps-", "-silent", f"{name}.tex"],
                cwd=outdir, capture_output=True, text=True,
            )
            if result.returncode:
                log = outdir / f"{name}.log"
                tail = log.read_text(errors="replace")[-3000:] if log.exists() else result.stderr
                pytest.fail(f"latexmk failed for {name}.tex:\n{tail}", pytrace=False)
            pdfs[language] = outdir / f"{name}.pdf"
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    return pdfs
