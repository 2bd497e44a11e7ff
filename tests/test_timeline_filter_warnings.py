"""A timeline filter that selects no event is a located warning, not a silent empty list."""

from __future__ import annotations

from chronicle_edges import located_warnings
from chronicle_support import CRASH, html_page, timeline_items, warnings


def test_each_filter_that_selects_nothing_is_warned_of_at_its_line(chronicle_builds):
    app = chronicle_builds("chronicle-edges", "html")
    assert located_warnings(app, "filters.md") == [
        "filters.md:5: WARNING: chron:timeline: :from: 2018-05 is after :to: 2018-04; "
        "no event can fall between them [chronicle.timeline]",
        "filters.md:12: WARNING: chron:timeline: no event has the tag 'nosuchtag' [chronicle.timeline]",
        "filters.md:18: WARNING: chron:timeline: no event has the tag 'nosuchtag' [chronicle.timeline]",
        "filters.md:24: WARNING: chron:timeline: no event falls within this timeline's filters "
        "(:from: 3000); it is empty [chronicle.timeline]",
        "filters.md:30: WARNING: chron:timeline: no event falls within this timeline's filters "
        "(:tags: talks, :from: 2018-04-04); it is empty [chronicle.timeline]",
    ]
    assert not CRASH.search(warnings(app))


def test_the_filters_still_select_what_they_can(chronicle_builds):
    app = chronicle_builds("chronicle-edges", "html")
    page = html_page(app, "filters.html")
    assert [len(timeline_items(page, index)) for index in range(6)] == [0, 1, 0, 0, 0, 1]


def test_the_latex_build_warns_alike(chronicle_builds):
    app = chronicle_builds("chronicle-edges", "latex")
    assert len(located_warnings(app, "filters.md")) == 5
