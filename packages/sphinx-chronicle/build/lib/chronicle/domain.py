"""The ``chron`` domain: records by document, purged and merged the way Sphinx expects."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable

import posixpath

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.locale import get_translation
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode
from sphinxcontrib.bibtex.domain import get_docnames

from . import directives as chron_directives
from .nodes import chronicle_placeholder
from .records import ConvoyRecord, EventRecord, ReportedRecord

logger = logging.getLogger(__name__)
_ = get_translation("chronicle")

RECORD_KINDS = {EventRecord: "events", ConvoyRecord: "convoys", ReportedRecord: "reported"}


def reading_order(env) -> list[str]:
    """Document names as a reader meets them: the toctree order, then the rest by name.

    The same order sphinxcontrib-bibtex numbers citations in, so both agree on "first".
    """
    return list(get_docnames(env))


class ChronicleDomain(Domain):
    name = "chron"
    label = "Chronicle"
    data_version = 3
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
    }

    # -- keeping records in step with documents ---------------------------------------

    def clear_doc(self, docname: str) -> None:
        for kind in (*RECORD_KINDS.values(), "list_pages"):
            self.data[kind].pop(docname, None)

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict) -> None:
        for kind in (*RECORD_KINDS.values(), "list_pages"):
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
            self.data[RECORD_KINDS[type(record)]].setdefault(docname, []).append(record)
        lists = sorted({type(node).__name__ for node in document.findall(chronicle_placeholder)})
        if lists:
            self.data["list_pages"][docname] = lists

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

    def _in_reading_order(self, kind: str) -> list:
        by_doc = self.data[kind]
        order = reading_order(self.env)
        return [record for docname in order for record in by_doc.get(docname, ())]

    @property
    def events(self) -> list[EventRecord]:
        return self._in_reading_order("events")

    @property
    def convoys(self) -> list[ConvoyRecord]:
        return self._in_reading_order("convoys")

    @property
    def reported(self) -> list[ReportedRecord]:
        return self._in_reading_order("reported")

    def sorted_events(self) -> list[EventRecord]:
        """Earliest first by the lower bound of the date; ties keep reading order."""
        return sorted(self.events, key=lambda event: event.date.lower)

    def sorted_convoys(self) -> list[ConvoyRecord]:
        """By number; a convoy described twice counts once, as first read (the second is warned of)."""
        first: dict[int, ConvoyRecord] = {}
        for convoy in self.convoys:
            first.setdefault(convoy.number, convoy)
        return sorted(first.values(), key=lambda convoy: convoy.number)

    def list_pages(self) -> list[str]:
        return sorted(self.data["list_pages"])

    def records_digest(self) -> str:
        """Changes whenever any record, or the order they are read in, changes."""
        digest = hashlib.sha256()
        for kind in RECORD_KINDS.values():
            for record in self._in_reading_order(kind):
                digest.update(repr(record).encode())
        return digest.hexdigest()

    # -- checks and references --------------------------------------------------------

    def check_consistency(self) -> None:
        first_seen: dict[int, ConvoyRecord] = {}
        for convoy in self.convoys:
            if convoy.number in first_seen:
                first = first_seen[convoy.number]
                logger.warning(
                    "chron:convoy: convoy %d is described twice (first at %s:%d)",
                    convoy.number, self.env.doc2path(first.docname), first.lineno,
                    location=(convoy.docname, convoy.lineno), type="chronicle", subtype="duplicate",
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
