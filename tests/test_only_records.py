"""Records inside ``{only}`` reach the lists, and the exports, of the builders that show them."""

from __future__ import annotations

import json

from chronicle_support import html_page, table_rows, timeline_items


def test_html_lists_leave_out_records_for_other_builders(chronicle_builds):
    app = chronicle_builds("chronicle-edges", "html")
    titles = [item["title"] for item in timeline_items(html_page(app, "timeline.html"))]
    assert "Told on the web only" in titles
    assert "Told in print only" not in titles
    convoys = html_page(app, "timeline.html").select_one("table.chron-convoy-table")
    assert "9" not in [row[0] for row in table_rows(convoys)]


def test_html_exports_leave_them_out_too(chronicle_builds):
    app = chronicle_builds("chronicle-edges", "html")
    events = json.loads((app.outdir / "_data" / "events.json").read_text(encoding="utf-8"))
    assert "Told in print only" not in [event["title"] for event in events]
    convoys = (app.outdir / "_data" / "convoys.csv").read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[0] for line in convoys[1:]] == ["1", "2"]


def test_latex_lists_leave_out_records_for_the_web(chronicle_builds):
    app = chronicle_builds("chronicle-edges", "latex")
    (tex,) = app.outdir.glob("*.tex")
    latex = tex.read_text(encoding="utf-8")
    timeline = latex[latex.index(r"\label{\detokenize{timeline:timeline}}"):]
    assert "Told in print only" in timeline
    assert "Told on the web only" not in latex
    assert r"\sphinxcrossref{9}" in timeline
