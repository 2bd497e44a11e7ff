"""Building the bib-file test root with a .bib file written for the test."""

from __future__ import annotations

from chronicle_support import warnings

ALPHA = """@article{alpha,
  title = {Alpha report},
  journal = {Alpha Outlet},
  date = {2018-04-19},
  url = {https://alpha.example/report},
}
"""
BETA = """@article{beta,
  title = {Beta report},
  journal = {Beta Outlet},
  date = {2018-04-22},
}
"""
GAMMA = """@article{gamma,
  title = {Gamma report},
  journal = {Gamma Outlet},
  date = {2018-04-23},
}
"""


def build_bib(chronicle_builds, bib: str | bytes, buildername: str = "html"):
    """The bib-file root built with *bib* as its refs.bib: (app, warnings)."""
    app = chronicle_builds.fresh("bibfile", buildername, files={"refs.bib": bib})
    app.build()
    return app, warnings(app)
