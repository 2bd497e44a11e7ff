"""A record written in an ``{include}``d file is located in that file, at its line, as Sphinx
locates every other warning about included text."""

from __future__ import annotations

from chronicle_edges import located_warnings


def test_a_duplicate_from_an_included_file_is_located_there(chronicle_builds):
    app = chronicle_builds("chronicle-edges", "html")
    assert [line for line in located_warnings(app) if "described twice" in line] == [
        "included/convoy-two.md:8: WARNING: chron:convoy: convoy 1 is described twice "
        "(first at convoys.md:3) [chronicle.duplicate]",
        "convoys.md:11: WARNING: chron:convoy: convoy 2 is described twice "
        "(first at included/convoy-two.md:3) [chronicle.duplicate]",
    ]
