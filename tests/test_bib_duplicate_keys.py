"""A duplicate bib key, in any case, is a warning at its line and every later entry is kept
(hardening.md M7)."""

from __future__ import annotations

import json

import pytest
from bibfile_support import ALPHA, BETA, GAMMA, build_bib
from chronicle_support import CRASH


@pytest.mark.parametrize("duplicate", ["alpha", "Alpha", "ALPHA"])
def test_duplicate_key_is_located_and_later_entries_kept(chronicle_builds, duplicate):
    copy = ALPHA.replace("{alpha,", "{" + duplicate + ",").replace("Alpha report", "Copied report")
    app, log = build_bib(chronicle_builds, ALPHA + copy + BETA + GAMMA)
    assert not CRASH.search(log)
    assert (f"refs.bib:7: WARNING: bibliography: duplicate key {duplicate!r} (first at line 1"
            in log)
    assert "[newsbib.duplicate]" in log
    # Nothing else is wrong: every citation resolves.
    assert log.count("WARNING") == 1
    events = json.loads((app.outdir / "_data" / "events.json").read_text())
    assert [source["key"] for source in events[0]["sources"]] == ["alpha", "beta", "gamma"]
    references = (app.outdir / "references.html").read_text()
    assert "Beta report" in references and "Gamma report" in references
    assert "Copied report" not in references
