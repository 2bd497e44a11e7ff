"""Replacing list placeholders, once all documents are read, with the site-wide lists."""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from . import render
from .dates import babel_locale
from .nodes import chronicle_placeholder, convoy_table_placeholder, timeline_placeholder

logger = logging.getLogger(__name__)


def uses_timeline_markup(builder) -> bool:
    """The timeline's lists, headings and filters are for HTML pages; EPUB readers and
    other builders (LaTeX, text) get a table."""
    return builder.format == "html" and not builder.name.startswith("epub")


def _ancestors(node: nodes.Node):
    while node.parent is not None:
        node = node.parent
        yield node


class ChronicleListsTransform(SphinxPostTransform):
    """Fill each list placeholder from the domain's records."""

    # Before Sphinx resolves references (10), so the citations made here get numbers.
    default_priority = 8

    @property
    def builder(self):
        # Sphinx 9 deprecates ``self.app`` in transforms; its own resolver reads this.
        return self.env._app.builder

    def run(self, **kwargs) -> None:
        # A class, not a function: docutils then searches without a Python call per node
        # (this search runs on every page, and took a second over 200 pages of 5,000 events).
        placeholders = list(self.document.findall(chronicle_placeholder))
        if not placeholders:
            return
        domain = self.env.get_domain("chron")
        builder = self.builder
        locale = babel_locale(self.config.language)
        docname = self.env.docname

        def cite(keys):
            return render.citation_refs(keys, docname)

        for placeholder in placeholders:
            if isinstance(placeholder, timeline_placeholder):
                replacement = self.timeline(placeholder, domain, builder, docname, locale, cite)
            elif isinstance(placeholder, convoy_table_placeholder):
                reported = placeholder["reported"]
                reported_citations = {}
                for holder in placeholder.findall(nodes.inline):
                    if holder.get("chron_field"):
                        reported_citations[holder["chron_field"]] = list(holder.children)
                        holder.children = []
                replacement = [render.convoy_table(
                    domain.sorted_convoys(builder.tags), reported, reported_citations, builder,
                    docname, locale, cite, self.config.chron_approximate_tolerance,
                    domain.reported_for(builder.tags),
                )]
            else:
                replacement = render.discrepancies_table(
                    domain.reported_for(builder.tags), builder, docname, locale, cite, self.source_kind,
                )
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

    def timeline(self, placeholder, domain, builder, docname, locale, cite) -> list[nodes.Node]:
        events = self.selected_events(placeholder, domain.sorted_events(builder.tags))
        if placeholder["reversed"]:
            events = list(reversed(events))
        frame = nodes.container(classes=["chron-timeline"])
        if uses_timeline_markup(builder):
            # Its year headings come one level below the section it stands in (h2 under
            # the page title); the ids of its controls are unique on the page.
            depth = sum(isinstance(ancestor, nodes.section) for ancestor in _ancestors(placeholder))
            frame.extend(render.timeline_markup(
                events, builder, docname, locale, cite, heading_level=depth + 1,
                field_id=f"chron-timeline-{self.env.new_serialno('chron-timeline')}",
            ))
        else:
            frame += render.timeline_table(events, builder, docname, locale, cite)
        result: list[nodes.Node] = [frame]
        if builder.format == "html" and not builder.name.startswith("epub"):
            result.append(render.data_links(builder, docname))
        return result

    @staticmethod
    def selected_events(placeholder, events: list) -> list:
        """The events the timeline's filters select; a filter that selects none is warned of."""
        tags = set(placeholder["tags"])
        if tags:
            unknown = sorted(tags - {tag for event in events for tag in event.tags})
            for tag in unknown:
                logger.warning("chron:timeline: no event has the tag %r", tag, location=placeholder,
                               type="chronicle", subtype="timeline")
            events = [event for event in events if tags & set(event.tags)]
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
        if not events and (tags or start or end):
            filters = [f":{name}: {placeholder['written'][name]}" for name in ("tags", "from", "to")
                       if placeholder["written"].get(name)]
            logger.warning("chron:timeline: no event falls within this timeline's filters (%s); it is empty",
                           ", ".join(filters), location=placeholder, type="chronicle", subtype="timeline")
        return events
