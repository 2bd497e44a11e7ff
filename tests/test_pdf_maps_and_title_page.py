"""The PDF keeps every map (hardening.md M11), and conf.py values on the title page are
escaped for LaTeX (the minor pdfedition finding)."""

from __future__ import annotations

import re

from chronicle_support import CRASH, warnings

SECOND = """# Second map

```{operation-map} other.toml
```
"""
OTHER = """[[place]]
name = "Afrin"
kind = "destination"
lat = 36.5083
lon = 36.8692

[[place]]
name = "al-Bab"
kind = "destination"
lat = 36.3725
lon = 37.5178
"""


def test_two_maps_keep_two_images(chronicle_builds):
    index = (chronicle_builds.fresh("datafiles", "latex").srcdir / "index.md").read_text()
    app = chronicle_builds.fresh("datafiles", "latex", files={
        "index.md": index.replace("references\n", "references\nsecond\n"),
        "second.md": SECOND, "other.toml": OTHER})
    app.build()
    assert not CRASH.search(warnings(app))
    tex = next(app.outdir.glob("*.tex")).read_text()
    images = re.findall(r"\\sphinxincludegraphics(?:\[[^\]]*\])?\{\{([^}]*)\}", tex)
    assert len(images) == 2 and len(set(images)) == 2, images
    for image in images:
        assert list(app.outdir.glob(image + ".*")), image


def test_title_page_values_are_escaped(chronicle_builds):
    app = chronicle_builds.fresh(
        "datafiles", "latex",
        confoverrides={"extensions": ["myst_parser", "chronicle", "newsbib", "infobox", "opmap",
                                      "pdfedition"],
                       "author": "Smith & Jones_Lab 100% {x}",
                       "pdf_words": {"en": {"subtitle": "A # subtitle with $ and ^"}}})
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text()
    assert "pdfauthor={Smith \\& Jones\\_Lab 100\\% \\{x\\}}" in tex
    assert "A \\# subtitle with \\$ and \\textasciicircum{}" in tex
