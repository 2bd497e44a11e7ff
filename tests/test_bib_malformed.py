"""A malformed references.bib gives warnings at file:line, never an Extension error, and the
entries that can be read are kept (hardening.md minor items; M3's language codes)."""

from __future__ import annotations

import pytest
from bibfile_support import ALPHA, BETA, GAMMA, build_bib
from chronicle_support import CRASH

CASES = {
    "garbage line": (ALPHA + "this is not bibtex }}}\n@article{beta,\n  title = {Beta report},\n"
                     "  journal = {Beta Outlet},\n  date = {2018-04-22},\n}\n" + GAMMA, None),
    "undefined string": (ALPHA + BETA.replace("{Beta Outlet}", "undefinedmacro") + GAMMA, 7),
    "unclosed brace": (ALPHA + BETA + GAMMA.replace("{Gamma report}", "{Gamma report"), 12),
    "eof in an entry": (ALPHA + BETA + "@article{gamma,\n  title = {Gamma", 12),
    "unknown language": (ALPHA + BETA.replace("date = {2018-04-22},",
                                               "date = {2018-04-22},\n  language = {xx},") + GAMMA,
                         11),
    "ancient language": (ALPHA + BETA.replace("date = {2018-04-22},",
                                               "date = {2018-04-22},\n  language = {syc},") + GAMMA,
                         None),
    "duplicate field": (ALPHA + BETA.replace("date = {2018-04-22},",
                                              "date = {2018-04-22},\n  date = {2018-04-23},") + GAMMA,
                        7),
}


@pytest.mark.parametrize("name", list(CASES))
def test_malformed_bib_is_a_located_warning(chronicle_builds, name):
    bib, line = CASES[name]
    app, log = build_bib(chronicle_builds, bib)
    assert not CRASH.search(log), log
    assert "Sphinx developers" not in log
    if line is not None:
        assert f"refs.bib:{line}: WARNING: bibliography:" in log, log
    # The entries before the problem are all kept.
    assert "Alpha report" in (app.outdir / "references.html").read_text()
    assert (app.outdir / "index.html").exists()


def test_non_utf8_bib_is_located(chronicle_builds):
    bib = (ALPHA + BETA.replace("Beta report", "Beta r\udcffport") + GAMMA).encode(
        "utf-8", errors="surrogateescape")
    app, log = build_bib(chronicle_builds, bib)
    assert not CRASH.search(log)
    assert "refs.bib:8: WARNING: bibliography: the file is not utf-8-sig" in log
    assert "Gamma report" in (app.outdir / "references.html").read_text()
