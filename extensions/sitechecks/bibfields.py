"""Checks of the bibliography itself: required fields, valid dates, duplicate entries.

The conventions are those of the header comment of ``references.bib``. A field that
cannot be known (no copy of the page was seen, the outlet or the day is not known) may be
left out when the entry's ``note`` says why; the check looks for the word in the note.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from chronicle.dates import DateError, parse_date
from newsbib.kinds import KIND_CODES

from . import policy
from .biblocations import BibLocations
from .findings import ERROR, WARNING, Finding, display_path

#: Field (or alternatives), what it is called in messages, and the words a note uses when
#: it explains why the field is missing (``None``: nothing excuses its absence).
REQUIRED = [
    (("title",), "title", None),
    (("journal", "howpublished"), "outlet (journal or howpublished)", r"\b(outlet|publisher)\b"),
    (("date", "year"), "date", r"\b(date|dated|day|year)\b"),
    (("url",), "url", r"\b(url|address|link|copy)\b"),
]
DATE_FIELDS = ("date", "urldate", "archivedate")

URL_FIELDS = ("url", "archiveurl")


def _finding(
    locations: BibLocations,
    key: str,
    field_name: str | None,
    severity: str,
    check: str,
    message: str,
) -> Finding:
    path, line = locations.place(key, field_name)
    return Finding(display_path(path), line, severity, check, message)


def normalized_url(url: str) -> str:
    """The same page whatever the scheme, ``www.``, case of the host or final slash."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{parts.path.rstrip('/')}{query}"


def _plain(text: str) -> str:
    return re.sub(r"[{}\\]", "", text).casefold().strip()


def check_fields(entries, locations: BibLocations) -> list[Finding]:
    findings = []
    for key, entry in entries.items():
        fields = entry.fields
        note = fields.get("note", "")
        for names, label, excuse in REQUIRED:
            if any(fields.get(name, "").strip() for name in names):
                continue
            if excuse and note and re.search(excuse, note, re.IGNORECASE):
                # A missing URL with a reason is the normal case for unseen pages; a
                # missing outlet or date is rarer and worth listing.
                if label != "url":
                    findings.append(
                        _finding(
                            locations,
                            key,
                            "note",
                            WARNING,
                            "bib-missing-field",
                            f"{key}: no {label}; the note explains why",
                        )
                    )
                continue
            reason = " and no note says why" if excuse else ""
            findings.append(
                _finding(
                    locations,
                    key,
                    None,
                    ERROR,
                    "bib-missing-field",
                    f"{key}: required field {label} is missing{reason}",
                )
            )
        kind = fields.get("kind", "").strip()
        if kind not in KIND_CODES:
            findings.append(
                _finding(
                    locations,
                    key,
                    "kind" if kind else None,
                    ERROR,
                    "bib-kind",
                    f"{key}: kind {kind!r} is not one of {', '.join(KIND_CODES)}"
                    if kind else
                    f"{key}: required field kind is missing (who is speaking: one of {', '.join(KIND_CODES)})",
                )
            )
        for name in DATE_FIELDS:
            if name in fields:
                try:
                    parse_date(fields[name])
                except DateError as exc:
                    findings.append(
                        _finding(
                            locations,
                            key,
                            name,
                            ERROR,
                            "bib-date",
                            f"{key}: {name} {fields[name]!r} is not an ISO 8601/EDTF date ({exc})",
                        )
                    )
        for name, value in fields.items():
            lowered = name.lower()
            problems = (
                [problem]
                if lowered in URL_FIELDS and (problem := policy.fetch_problem(value))
                else policy.text_problems(value)
            )
            for problem in problems:
                findings.append(
                    _finding(locations, key, lowered, ERROR, "bib-url", f"{key}: {name} {problem}")
                )
    return findings


def check_duplicates(entries, locations: BibLocations) -> list[Finding]:
    findings = []
    for key, location, first in locations.duplicates:
        variant = "" if key == first else f" (as {first!r}: keys ignore case)"
        findings.append(
            Finding(
                display_path(location.path),
                location.line,
                ERROR,
                "bib-duplicate",
                f"{key}: the key is used by two entries{variant} "
                f"(first at line {locations.entries[first].line})",
            )
        )
    first_by_url: dict[str, str] = {}
    first_by_title: dict[tuple[str, str], str] = {}
    for key, entry in entries.items():
        fields = entry.fields
        if fields.get("url"):
            earlier = first_by_url.setdefault(normalized_url(fields["url"]), key)
            if earlier != key:
                findings.append(
                    _finding(
                        locations,
                        key,
                        "url",
                        ERROR,
                        "bib-duplicate",
                        f"{key}: same url as {earlier}; cite one entry",
                    )
                )
        if fields.get("title") and fields.get("date"):
            same = (_plain(fields["title"]), fields["date"].strip())
            earlier = first_by_title.setdefault(same, key)
            if earlier != key:
                findings.append(
                    _finding(
                        locations,
                        key,
                        "title",
                        ERROR,
                        "bib-duplicate",
                        f"{key}: same title and date as {earlier}; cite one entry",
                    )
                )
    return findings
