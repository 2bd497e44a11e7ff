"""The ``chron`` domain: records by document, purged and merged the way Sphinx expects."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable

import posixpath

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain, ObjType
from sphinx.locale import get_translation
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode
from sphinxcontrib.bibtex.domain import get_docnames

from . import directives as chron_directives
from .nodes import chronicle_placeholder
from .outdated import referenced_targets
from .records import ConvoyRecord, EventRecord, ReportedRecord, location, shown_by

logger = logging.getLogger(__name__)
_ = get_translation("chronicle")

RECORD_KINDS = {EventRecord: "events", ConvoyRecord: "convoys", ReportedRecord: "reported"}


def reading_order(env) -> list[str]:
    """Document names as a reader meets them: the toctree order, then the rest by name.

    The same order sphinxcontrib-bibtex numbers citations in, so both agree on "first".
    """
    return list(get_docnames(env))


def _ancestors(node: nodes.Node):
    while node.parent is not None:
        node = node.parent
        yield node


class ChronicleDomain(Domain):
    name = "chron"
    label = "Chronicle"
    data_version = 4
    directives = {
        "event": chron_directives.EventDirective,
        "convoy": chron_directives.ConvoyDirective,
        "reported": chron_directives.ReportedDirective,
        "timeline": chron_directives.TimelineDirective,
        "convoy-table": chron_directives.ConvoyTableDirective,
        "discrepancies": chron_directives.DiscrepanciesDirective,
    }
    #: A named event (``:name:``) is an object other pages link to with {chron:event}`name`,
    #: and that other projects find through intersphinx.
    object_types = {"event": ObjType(_("event"), "event")}
    roles = {"event": XRefRole()}
    initial_data = {
        "events": {},  # docname -> [EventRecord] in document order
        "convoys": {},  # docname -> [ConvoyRecord]
        "reported": {},  # docname -> [ReportedRecord]
        "list_pages": {},  # docname -> sorted names of the list placeholders on it
        "digest": "",  # of all records when the list pages were last written
        "xrefs": {},  # docname -> the labels and pages it refers to (see .outdated)
        "shown": {},  # what those showed when the pages were last written
    }

    # -- keeping records in step with documents ---------------------------------------

    #: The data kept for each document, by document name.
    BY_DOCUMENT = (*RECORD_KINDS.values(), "list_pages", "xrefs")

    def clear_doc(self, docname: str) -> None:
        for kind in self.BY_DOCUMENT:
            self.data[kind].pop(docname, None)

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict) -> None:
        for kind in self.BY_DOCUMENT:
            for docname in docnames:
                if docname in otherdata[kind]:
                    self.data[kind][docname] = otherdata[kind][docname]

    def process_doc(self, env, docname: str, document: nodes.document) -> None:
        """Collect records after translation, so titles and labels are in the build language."""
        for container in document.findall(nodes.container):
            record = container.attributes.pop("chron_record", None)
            if record is None:
                continue
            record = self._translated(record, container)
            only = tuple(node["expr"] for node in _ancestors(container) if isinstance(node, addnodes.only))
            if only:
                record = dataclasses.replace(record, only=only)
            self.data[RECORD_KINDS[type(record)]].setdefault(docname, []).append(record)
        lists = sorted({type(node).__name__ for node in document.findall(chronicle_placeholder)})
        if lists:
            self.data["list_pages"][docname] = lists
        targets = referenced_targets(env, docname, document)
        if targets:
            self.data["xrefs"][docname] = targets

    #: Which record field each translatable paragraph of a rendered record gives.
    TRANSLATED_FIELDS = {
        "chron-event-title": "title",
        "chron-event-places": "places",
        "chron-reported-label": "label",
        "chron-reported-text": "text",
        "chron-reported-scope": "scope",
        "chron-convoy-from": "origin_label",
        "chron-convoy-to": "destination_label",
        "chron-convoy-label": "label",
        "chron-convoy-via": "via_labels",
        "chron-convoy-groups": "groups",
    }

    @staticmethod
    def _own_paragraphs(container: nodes.Element):
        """The paragraphs of this record, not of a record nested in its body."""
        for child in container.children:
            if isinstance(child, nodes.paragraph):
                yield child
            elif isinstance(child, nodes.Element) and not (
                isinstance(child, nodes.container)
                and any(name.startswith("chron-") for name in child["classes"])
            ):
                yield from ChronicleDomain._own_paragraphs(child)

    @classmethod
    def _translated(cls, record, container: nodes.container):
        changes = {}
        for paragraph in cls._own_paragraphs(container):
            for css_class in paragraph["classes"]:
                field = cls.TRANSLATED_FIELDS.get(css_class)
                if field in ("places", "via_labels", "groups"):
                    changes[field] = tuple(part.strip() for part in paragraph.astext().split(";") if part.strip())
                elif field:
                    changes[field] = paragraph.astext()
        return dataclasses.replace(record, **changes) if changes else record

    # -- reading the records ----------------------------------------------------------

    def _in_reading_order(self, kind: str, tags=None) -> list:
        """Every record of *kind*; with a builder's *tags*, only those it shows (``{only}``)."""
        by_doc = self.data[kind]
        order = reading_order(self.env)
        return [
            record for docname in order for record in by_doc.get(docname, ())
            if tags is None or shown_by(record, tags)
        ]

    @property
    def events(self) -> list[EventRecord]:
        return self._in_reading_order("events")

    @property
    def convoys(self) -> list[ConvoyRecord]:
        return self._in_reading_order("convoys")

    @property
    def reported(self) -> list[ReportedRecord]:
        return self._in_reading_order("reported")

    def reported_for(self, tags) -> list[ReportedRecord]:
        """The reported figures a builder with *tags* shows, in reading order."""
        return self._in_reading_order("reported", tags)

    def sorted_events(self, tags=None) -> list[EventRecord]:
        """Earliest first by the lower bound of the date; ties keep reading order."""
        return sorted(self._in_reading_order("events", tags), key=lambda event: event.date.lower)

    def sorted_convoys(self, tags=None) -> list[ConvoyRecord]:
        """By number; a convoy described twice counts once, as first read (the second is warned of)."""
        first: dict[int, ConvoyRecord] = {}
        for convoy in self._in_reading_order("convoys", tags):
            first.setdefault(convoy.number, convoy)
        return sorted(first.values(), key=lambda convoy: convoy.number)

    def list_pages(self) -> list[str]:
        return sorted(self.data["list_pages"])

    def records_digest(self) -> str:
        """Changes whenever any record, the order they are read in, or the number or text
        of a source they cite changes (the lists show both, in citations and tooltips)."""
        digest = hashlib.sha256()
        cited = set()
        for kind in RECORD_KINDS.values():
            for record in self._in_reading_order(kind):
                digest.update(repr(record).encode())
                cited.update(record.sources)
        for citation in self.env.get_domain("cite").citations:
            if citation.key in cited:
                entry = citation.formatted_entry
                digest.update(repr((citation.key, entry.label, entry.text.render_as("text"))).encode())
        return digest.hexdigest()

    # -- checks and references --------------------------------------------------------

    def check_consistency(self) -> None:
        first_seen: dict[int, ConvoyRecord] = {}
        for convoy in self.convoys:
            if convoy.number in first_seen:
                first = first_seen[convoy.number]
                logger.warning(
                    "chron:convoy: convoy %d is described twice (first at %s)",
                    convoy.number, location(first),
                    location=location(convoy), type="chronicle", subtype="duplicate",
                )
            else:
                first_seen[convoy.number] = convoy

    def named_events(self) -> dict[str, EventRecord]:
        """Events by their ``:name:``, lower-cased as docutils normalises a label."""
        return {
            event.name.lower(): event
            for records in self.data["events"].values() for event in records if event.name
        }

    def get_objects(self):
        for event in self.named_events().values():
            yield event.name, event.title, "event", event.docname, event.anchor, 1

    def resolve_xref(self, env, fromdocname, builder, typ, target, node, contnode):
        """Links made here, where Sphinx hands over the builder of the moment.

        ``event``: {chron:event}`name`, showing the event's title unless the text is given;
        ``record``: a list's link back to a record (``chron_docname`` holds its page);
        ``export``: a list page's link to a data file written beside the HTML.
        """
        if typ == "export":
            here = posixpath.dirname(builder.get_target_uri(fromdocname))
            uri = posixpath.relpath(f"_data/{target}", here or ".")
            return nodes.reference("", contnode.astext(), refuri=uri, internal=False)
        if typ == "event":
            event = self.named_events().get(target.lower())
            if event is None:
                return None
            docname, anchor = event.docname, event.anchor
            if not node.get("refexplicit"):
                contnode = nodes.inline(event.title, event.title, classes=contnode.get("classes", []))
        elif typ == "record":
            docname, anchor = node["chron_docname"], target
        else:
            return None
        if builder.name == "singlehtml":
            # Every page is on this one; Sphinx 8.2 and 9's singlehtml would write
            # "#document-NAME#anchor", a fragment no browser can follow (sphinx-doc/sphinx#14221).
            return nodes.reference("", "", contnode, internal=True, refid=anchor)
        # A builder without pages to link to (NoUri) gets the text: Sphinx's resolver catches it.
        return make_refnode(builder, fromdocname, docname, anchor, contnode)

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        """{any}`name` and MyST's ``[](#name)`` reach a named event too."""
        resolved = self.resolve_xref(env, fromdocname, builder, "event", target, node, contnode)
        return [("chron:event", resolved)] if resolved is not None else []


def resolve_ref_to_named_event(app, env, node, contnode):
    """``missing-reference``: {ref}`name` with no text of its own shows a named event's title.

    Sphinx's ``ref`` takes a title only from sections, figures and tables; this keeps
    {ref}`name` working for events without writing into the ``std`` domain's labels.
    {chron:event}`name` is the domain's own way.
    """
    if node.get("refdomain") != "std" or node.get("reftype") != "ref" or node.get("refexplicit"):
        return None
    domain = env.get_domain("chron")
    return domain.resolve_xref(env, node.get("refdoc", env.docname), app.builder, "event",
                               node["reftarget"], node, contnode)
