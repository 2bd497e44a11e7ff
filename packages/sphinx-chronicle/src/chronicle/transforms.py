"""Replacing list placeholders, once all documents are read, with the site-wide lists."""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from . import render
from .dates import babel_locale
from .nodes import (
    chronicle_placeholder,
    convoy_table_placeholder,
    discrepancies_placeholder,
    timeline_placeholder,
)

logger = logging.getLogger(__name__)


#: Builders that write a website: their timelines are lists under year, month and week
#: headings, with filters, and link to the data exports. EPUB readers, LaTeX, text and the
#: rest get a table.
WEBSITE_BUILDERS = ("html", "dirhtml", "singlehtml")


def selected_events(placeholder, domain, tags) -> list:
    """The events a timeline shows, in its order: of those a builder with *tags* shows
    (``{only}``), the ones its filters select. A filter that selects none is warned of."""
    events = domain.sorted_events(tags)
    wanted = set(placeholder["tags"])
    if wanted:
        unknown = sorted(wanted - {tag for event in events for tag in event.tags})
        for tag in unknown:
            logger.warning("chron:timeline: no event has the tag %r", tag, location=placeholder,
                           type="chronicle", subtype="timeline")
        events = [event for event in events if wanted & set(event.tags)]
        if unknown and not events:
            return events
    start, end = placeholder["start"], placeholder["end"]
    if start and end and start > end:
        return []  # the directive has warned of it
    # An event belongs to the range if any part of its date falls within it.
    if start:
        events = [event for event in events if event.date.upper.isoformat() >= start]
    if end:
        events = [event for event in events if event.date.lower.isoformat() <= end]
    if not events and (wanted or start or end):
        filters = [f":{name}: {placeholder['written'][name]}" for name in ("tags", "from", "to")
                   if placeholder["written"].get(name)]
        logger.warning("chron:timeline: no event falls within this timeline's filters (%s); it is empty",
                       ", ".join(filters), location=placeholder, type="chronicle", subtype="timeline")
    if placeholder["reversed"]:
        events = list(reversed(events))
    return events


def _ancestors(node: nodes.Node):
    while node.parent is not None:
        node = node.parent
        yield node


def cite_from(docname: str):
    def cite(keys):
        return render.citation_refs(keys, docname)
    return cite


class WebsiteTimelines(SphinxPostTransform):
    """On a website, each timeline as headed lists with filters, followed by the data links.

    Sphinx runs it for :data:`WEBSITE_BUILDERS` only (``builders``, a public class
    attribute), so no builder is looked up here; links are made by the ``chron`` domain.
    """

    builders = WEBSITE_BUILDERS
    # Before the other lists (8), which turn the timelines left over into tables.
    default_priority = 7

    def run(self, **kwargs) -> None:
        placeholders = list(self.document.findall(timeline_placeholder))
        if not placeholders:
            return
        domain = self.env.get_domain("chron")
        locale = babel_locale(self.config.language)
        cite = cite_from(self.env.docname)
        for placeholder in placeholders:
            frame = nodes.container(classes=["chron-timeline"])
            # Its year headings come one level below the section it stands in (h2 under
            # the page title); the ids of its controls are unique on the page.
            depth = sum(isinstance(ancestor, nodes.section) for ancestor in _ancestors(placeholder))
            frame.extend(render.timeline_markup(
                selected_events(placeholder, domain, self.app.tags), locale, cite, heading_level=depth + 1,
                field_id=f"chron-timeline-{self.env.new_serialno('chron-timeline')}",
            ))
            placeholder.replace_self([frame, render.data_links()])


class ChronicleListsTransform(SphinxPostTransform):
    """Fill each list placeholder from the domain's records."""

    # Before Sphinx resolves references (10), so the citations and links made here resolve.
    default_priority = 8

    def run(self, **kwargs) -> None:
        # A class, not a function: docutils then searches without a Python call per node
        # (this search runs on every page, and took a second over 200 pages of 5,000 events).
        placeholders = list(self.document.findall(chronicle_placeholder))
        if not placeholders:
            return
        domain = self.env.get_domain("chron")
        locale = babel_locale(self.config.language)
        cite = cite_from(self.env.docname)
        for placeholder in placeholders:
            if isinstance(placeholder, timeline_placeholder):
                frame = nodes.container(classes=["chron-timeline"])
                frame += render.timeline_table(selected_events(placeholder, domain, self.app.tags), locale, cite)
                replacement = [frame]
            elif isinstance(placeholder, convoy_table_placeholder):
                reported = placeholder["reported"]
                reported_citations = {}
                for holder in placeholder.findall(nodes.inline):
                    if holder.get("chron_field"):
                        reported_citations[holder["chron_field"]] = list(holder.children)
                        holder.children = []
                replacement = [render.convoy_table(
                    domain.sorted_convoys(self.app.tags), reported, reported_citations, locale, cite,
                    self.config.chron_approximate_tolerance, domain.reported_for(self.app.tags),
                )]
            elif isinstance(placeholder, discrepancies_placeholder):
                replacement = render.discrepancies_table(
                    domain.reported_for(self.app.tags), locale, cite, self.source_kind,
                )
            else:
                continue
            placeholder.replace_self(replacement)

    def source_kind(self, key: str) -> str:
        """The kind of outlet a source is (its bib entry's ``kind`` field), as a label."""
        entry = self.env.get_domain("cite").bibdata.data.entries.get(key)
        code = entry.fields.get("kind", "") if entry is not None else ""
        try:
            from newsbib.kinds import kind_label
        except ImportError:  # chronicle without the news citation style
            return code
        return kind_label(code)
