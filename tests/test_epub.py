"""The ePub edition (issue 11, item 10): one per language, named qalamoun-<lang>.epub, in
the language of the build, offered beside the PDF in the sidebar, and valid for epubcheck
(run when it is installed: Debian's ``epubcheck`` package)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import sphinx_build

pytestmark = pytest.mark.site

LANGUAGES = ("en", "es")
TITLES = {"en": "Eastern Qalamoun, April 2018", "es": "Qalamoun oriental, abril de 2018"}
LABELS = {"en": "The whole history (ePub)", "es": "La historia completa (ePub)"}


@pytest.fixture(scope="module")
def epubs(tmp_path_factory) -> dict[str, Path]:
    built = {}
    for language in LANGUAGES:
        outdir = tmp_path_factory.mktemp(f"epub-{language}") / "epub"
        # The doctrees outside the output: the epub builder would try to pack them.
        sphinx_build("epub", outdir, "-D", f"language={language}",
                     "-d", str(outdir.parent / "doctrees"))
        built[language] = outdir / f"qalamoun-{language}.epub"
    return built


def epubcheck_command() -> list[str] | None:
    """Debian installs epubcheck as an executable jar; without binfmt support for jars it
    has to be run through java."""
    found = shutil.which("epubcheck")
    if found is None:
        return None
    real = os.path.realpath(found)
    if real.endswith(".jar"):
        return [shutil.which("java") or "java", "-jar", real] if shutil.which("java") else None
    return [found]


@pytest.mark.parametrize("language", LANGUAGES)
def test_epub_is_built_in_its_language(language, epubs):
    path = epubs[language]
    assert path.exists(), sorted(p.name for p in path.parent.iterdir())
    with zipfile.ZipFile(path) as book:
        assert book.read("mimetype") == b"application/epub+zip"
        opf = book.read("content.opf").decode()
        names = book.namelist()
    assert f"<dc:language>{language}</dc:language>" in opf
    assert f"<dc:title>{TITLES[language]}</dc:title>" in opf
    # The map comes as an image (inline SVG is what epubcheck refused).
    assert any(re.fullmatch(r"_images/drawing-[0-9a-f]{16}\.svg", name) for name in names), names


@pytest.mark.parametrize("language", LANGUAGES)
def test_epub_passes_epubcheck(language, epubs):
    command = epubcheck_command()
    if command is None:
        pytest.skip("epubcheck is not installed (apt-get install epubcheck)")
    result = subprocess.run([*command, str(epubs[language])], capture_output=True, text=True, timeout=600)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report[-4000:]
    assert "0 fatals / 0 errors / 0 warnings" in report, report[-4000:]


def test_sidebar_offers_the_epub_beside_the_pdf(site_html, site_html_es):
    for language, site in (("en", site_html), ("es", site_html_es)):
        page = (site / "index.html").read_text(encoding="utf-8")
        downloads = page[page.index("sitechrome-downloads"):]
        pdf = downloads.index(f"qalamoun-{language}.pdf")
        epub = re.search(rf'<a href="(?P<href>[^"]*qalamoun-{language}\.epub)"[^>]*>(?P<label>[^<]*)</a>', downloads)
        assert epub, downloads[:800]
        assert epub["href"] == f"../epub/qalamoun-{language}.epub"
        assert epub["label"] == LABELS[language]
        assert pdf < epub.start()
