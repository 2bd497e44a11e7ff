"""Nothing a page can hold stops xelatex (hardening.md, minor: a 100,000-character title and
a source cited 2,000 times made lines longer than TeX reads), and an Arabic title is printed
right to left in an Arabic font with no missing character.

The root tests/roots/test-pdf-long is copied and given a page with 2,000 citations of one
source; Sphinx's LaTeX builder and latexmk (xelatex) build it. The long title is checked in
the LaTeX source only: typesetting a heading of 100,000 characters takes xelatex minutes.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent / "roots" / "test-pdf-long"
CITATIONS = 2000
TITLE_WORDS = 12_000  # about 100,000 characters


def latex_source(tmp_path_factory, name: str, heading: str) -> Path:
    """The root with a page of 2,000 citations under *heading*, through the LaTeX builder."""
    source = tmp_path_factory.mktemp(name) / "src"
    shutil.copytree(ROOT, source)
    paragraphs = "\n\n".join(f"Statement {index} {{cite:p}}`cited2000`." for index in range(CITATIONS))
    (source / "many.md").write_text(f"# Many citations\n\n## {heading}\n\n{paragraphs}\n", encoding="utf-8")
    outdir = source.parent / "latex"
    build = subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "latex", str(source), str(outdir)],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    return next(outdir.glob("*.tex"))


def test_a_very_long_title_makes_no_line_longer_than_tex_reads(tmp_path_factory):
    title = " ".join(f"word{index}" for index in range(TITLE_WORDS))
    tex = latex_source(tmp_path_factory, "long-title", title).read_text(encoding="utf-8")
    assert title.split()[-1] in tex
    # TeX reads lines of up to 200,000 characters (buf_size). The heading and its label
    # (an anchor made from the title, with no space to break at) were one line of twice
    # the title's length; now the text is broken into short lines, the label alone is long.
    longest = max(tex.splitlines(), key=len)
    assert len(longest) < 150_000
    assert all(len(line) <= 4000 for line in tex.splitlines() if " " in line.strip())


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory) -> Path:
    missing = [tool for tool in ("xelatex", "latexmk", "pdftotext") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs TeX Live and poppler: {', '.join(missing)} not installed")
    tex = latex_source(tmp_path_factory, "long", "Statements")
    outdir = tex.parent
    run = subprocess.run(["latexmk", "-pdf", "-dvi-", "-ps-", "-silent", "-interaction=nonstopmode", tex.name],
                         cwd=outdir, capture_output=True, text=True, timeout=900)
    log = tex.with_suffix(".log")
    assert run.returncode == 0, log.read_text(errors="replace")[-3000:] if log.exists() else run.stderr
    return tex.with_suffix(".pdf")


def test_no_source_line_is_longer_than_tex_reads(long_pdf):
    tex = long_pdf.with_suffix(".tex").read_text(encoding="utf-8")
    assert max(len(line) for line in tex.splitlines()) <= 4000


def test_cited_in_gives_pages_for_two_thousand_citations(long_pdf):
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(long_pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    cited = re.search(r"Cited in: Many citations \(pp\. ([\d, \n]+)\)", text)
    assert cited, "no 'Cited in' line with pages"
    pages = [int(page) for page in re.findall(r"\d+", cited[1])]
    # Each page once, in order, however many citations it holds.
    assert pages == sorted(set(pages)) and len(pages) > 10, pages[:20]


def test_arabic_title_is_printed_without_missing_characters(long_pdf):
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(long_pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "جيش تحرير الشام يرفض التفاوض مع روسيا بالقلمون الشرقي" in text.replace("\u202b", "").replace("\u202c", "")
    log = long_pdf.with_suffix(".log").read_text(errors="replace")
    assert "Missing character" not in log
