"""A title of 100,000 characters is a located warning; the page keeps it, its anchor does not."""

from __future__ import annotations

from chronicle_edges import located_warnings
from chronicle_support import html_page

LONG = "Talks " + "and more talks " * 6_700


def test_a_long_title_is_warned_of_and_its_anchor_is_short(chronicle_builds):
    assert len(LONG) > 100_000
    page = (
        "# Events\n\n:::{chron:event} 2018-04-03\n"
        f":title: {LONG}\n:sources: alpha\n:::\n\n"
        ":::{chron:reported} " + "q" * 100_000 + "\n:value: 5\n:source: alpha\n:::\n"
    )
    app = chronicle_builds.fresh("chronicle-edges", "html", files={"events.md": page})
    app.build()
    assert located_warnings(app, "events.md") == [
        f"events.md:3: WARNING: chron:event: :title: is {len(LONG.strip()):,} characters long; "
        "a title is one line, and the anchors made from it keep its first 100 characters "
        "[chronicle.option]",
    ]
    soup = html_page(app, "events.html")
    assert max(len(node["id"]) for node in soup.select("[id]")) <= 120
    assert LONG.strip() in soup.select_one("p.chron-event-title").get_text()
    timeline = html_page(app, "timeline.html")
    assert max(len(link["href"]) for link in timeline.select("a[href]")) <= 140
