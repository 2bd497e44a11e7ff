"""Exports are safe to open: no CSV cell a spreadsheet would run, only http(s) addresses in
JSON and CSV, page links with one fragment under singlehtml (hardening.md M2, issue item 4)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from chronicle_support import CRASH, warnings

BIB = """@article{alpha,
  title = {Alpha report},
  journal = {Alpha Outlet},
  date = {2018-04-19},
  url = {javascript:alert(1)},
}
@article{beta,
  title = {Beta report},
  journal = {Beta Outlet},
  date = {2018-04-22},
  url = {https://beta.example/report},
}
"""

PAGE = """# Exports

:::{chron:convoy} 1
:from: "=HYPERLINK(\\"http://evil.example\\",\\"x\\")"
:to: "+cmd|' /C calc'!A0"
:groups: "@SUM(1+1); -2+3"
:sources: alpha, beta
:::

:::{chron:event} 2018-04-19
:title: An event
:sources: alpha, beta
:::

```{toctree}
references
```
"""


@pytest.fixture(scope="module")
def built(chronicle_builds):
    app = chronicle_builds.fresh("datafiles", "html", files={"index.md": PAGE, "refs.bib": BIB})
    app.build()
    return app


def test_formula_cells_are_neutralised(built):
    assert "chron:" not in warnings(built)
    rows = list(csv.DictReader(io.StringIO((built.outdir / "_data" / "convoys.csv").read_text())))
    assert rows[0]["from"] == "'=HYPERLINK(\"http://evil.example\",\"x\")"
    assert rows[0]["to"] == "'+cmd|' /C calc'!A0"
    assert rows[0]["groups"] == "'@SUM(1+1); -2+3"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_only_http_addresses_are_exported(built):
    log = warnings(built)
    assert not CRASH.search(log)
    rows = list(csv.DictReader(io.StringIO((built.outdir / "_data" / "convoys.csv").read_text())))
    assert rows[0]["source_urls"] == "; https://beta.example/report"
    events = json.loads((built.outdir / "_data" / "events.json").read_text())
    assert [source["url"] for source in events[0]["sources"]] == [
        None, "https://beta.example/report"]


def test_singlehtml_page_links_have_one_fragment(chronicle_builds):
    from chronicle.export import events_data, source_urls

    app = chronicle_builds.fresh("datafiles", "singlehtml", files={"index.md": PAGE})
    app.build()
    domain = app.env.get_domain("chron")
    pages = [event["page"] for event in events_data(domain, app.builder, source_urls(app.env))]
    assert pages and all(page.count("#") == 1 for page in pages), pages
