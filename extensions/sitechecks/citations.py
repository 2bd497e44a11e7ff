"""Checks that tie pages to sources: every cited key exists, every entry is cited, every
chronicle record names a source, and no source predates what it is cited for.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from chronicle.dates import DateError, parse_date
from sphinx import addnodes
from sphinx.errors import ExtensionError

from .biblocations import BibLocations
from .findings import ERROR, WARNING, Finding, display_path, node_line

#: Chronicle record lists, and the attribute holding the date the record is about.
#: A convoy is reported from its departure on, so the departure is its earliest date.
RECORD_KINDS = (
    ("events", "event", ("date",)),
    ("convoys", "convoy", ("departed", "arrived")),
    ("reported", "reported figure", ("as_of",)),
)


@dataclass(frozen=True)
class SourcedRecord:
    kind: str
    label: str
    docname: str
    lineno: int | None
    sources: tuple[str, ...]
    date: object | None  # a chronicle EventDate (``.lower``, ``.upper``), or None


def chronicle_records(env) -> list[SourcedRecord]:
    """The chronicle domain's records, or none when the project does not use chronicle."""
    try:
        domain = env.get_domain("chron")
    except ExtensionError:
        return []
    records = []
    for attribute, kind, date_attributes in RECORD_KINDS:
        for record in getattr(domain, attribute, ()):
            date = next(
                (value for name in date_attributes if (value := getattr(record, name, None))),
                None,
            )
            number = getattr(record, "number", None)
            text = next(
                (
                    value
                    for name in ("title", "label", "quantity")
                    if (value := getattr(record, name, None))
                ),
                "",
            )
            label = str(number) if number is not None else repr(text)
            records.append(
                SourcedRecord(
                    kind, label, record.docname, record.lineno, tuple(record.sources or ()), date
                )
            )
    return records


def _doc_place(env, docname: str, line: int | None) -> tuple[str, int | None]:
    return display_path(env.doc2path(docname)), line


def _citation_lines(env, docnames: set[str]) -> dict[str, int]:
    """Line of each citation node by its id.

    sphinxcontrib-bibtex records ``document.line``, which MyST does not keep up to date;
    the node itself (or its paragraph) knows its line.
    """
    lines = {}
    for docname in docnames:
        for node in env.get_doctree(docname).findall(addnodes.pending_xref):
            if node.get("refdomain") == "cite" and node["ids"]:
                lines[node["ids"][0]] = node_line(node)
    return lines


def cited_keys(env) -> dict[str, list[tuple[str, int | None]]]:
    """Each key cited with ``{cite}``, with the places that cite it."""
    refs = env.get_domain("cite").citation_refs
    lines = _citation_lines(env, {ref.docname for ref in refs})
    cited: dict[str, list[tuple[str, int | None]]] = {}
    for ref in refs:
        for target in ref.targets:
            line = lines.get(ref.citation_ref_id) or ref.line
            cited.setdefault(target.key, []).append((ref.docname, line))
    return cited


def nearest_key(key: str, entries) -> str:
    """", did you mean 'x'?" for the closest existing key, or nothing."""
    close = difflib.get_close_matches(key, list(entries), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def check_citations(env, entries, locations: BibLocations, uncited_ok: dict) -> list[Finding]:
    findings = []
    cited = cited_keys(env)
    for key, places in cited.items():
        if key not in entries:
            for docname, line in places:
                findings.append(
                    Finding(
                        *_doc_place(env, docname, line),
                        ERROR,
                        "unknown-key",
                        f"cites {key!r}, which is not in the bibliography{nearest_key(key, entries)}",
                    )
                )
    records = chronicle_records(env)
    for record in records:
        for key in record.sources:
            if key not in entries:
                findings.append(
                    Finding(
                        *_doc_place(env, record.docname, record.lineno),
                        ERROR,
                        "unknown-key",
                        f"{record.kind} {record.label} names source {key!r}, "
                        f"which is not in the bibliography{nearest_key(key, entries)}",
                    )
                )
    used = set(cited) | {key for record in records for key in record.sources}
    for key in entries:
        if key not in used and key not in uncited_ok:
            path, line = locations.place(key)
            findings.append(
                Finding(
                    display_path(path),
                    line,
                    ERROR,
                    "uncited-entry",
                    f"{key} is cited nowhere; cite it, remove it, or list it with the reason in "
                    "sitechecks_uncited in conf.py",
                )
            )
    for key in uncited_ok:
        if key in used or key not in entries:
            why = "is cited" if key in used else "is not in the bibliography"
            findings.append(
                Finding(
                    display_path(env.srcdir / "conf.py"),
                    None,
                    WARNING,
                    "uncited-entry",
                    f"sitechecks_uncited lists {key}, which {why}; remove it from the list",
                )
            )
    return findings


def check_records(env, entries) -> list[Finding]:
    findings = []
    for record in chronicle_records(env):
        place = _doc_place(env, record.docname, record.lineno)
        if not record.sources:
            findings.append(
                Finding(
                    *place,
                    ERROR,
                    "unsourced-record",
                    f"{record.kind} {record.label} names no source",
                )
            )
            continue
        if record.date is None:
            continue
        for key in record.sources:
            entry = entries.get(key)
            if entry is None or not entry.fields.get("date"):
                continue
            try:
                published = parse_date(entry.fields["date"])
            except DateError:
                continue  # reported by the bibliography check
            if published.upper < record.date.lower:
                findings.append(
                    Finding(
                        *place,
                        ERROR,
                        "source-predates-event",
                        f"{record.kind} {record.label} (not before {record.date.lower.isoformat()}) "
                        f"cites {key}, dated {entry.fields['date']}: a report cannot tell what had "
                        "not happened yet",
                    )
                )
    return findings
