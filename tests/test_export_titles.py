"""An event's title in the exports is its title as the page shows it.

Sphinx sets quotes, apostrophes and dashes typographically ("smart quotes") on the page; the
exports carry the same characters, so that a title found in the data is found on the site
(and a writer who wants straight quotes in both turns ``smartquotes`` off).
"""

from __future__ import annotations

import json

from chronicle_support import html_page, text_of, timeline_items

SHOWN = "Talks open at “the council” in Dumayr’s hall – at last"


def test_the_export_title_is_the_page_title(chronicle_builds):
    app = chronicle_builds("chronicle-edges", "html")
    on_page = text_of(html_page(app, "events.html").select_one("p.chron-event-title"))
    in_timeline = timeline_items(html_page(app, "timeline.html"))[0]["title"]
    events = json.loads((app.outdir / "_data" / "events.json").read_text(encoding="utf-8"))
    assert on_page == in_timeline == events[0]["title"] == SHOWN
