"""Data exports written beside the HTML: ``_data/events.json``, ``convoys.csv``, ``reported.json``.

Each record carries its date bounds and precision, places, and its sources both as bib
keys and as the URLs the bibliography gives, so a researcher can use the data without
the site. Output is sorted and formatted deterministically: two builds give the same bytes.

Titles, labels and places are the text the pages show, in the build's language: where
Sphinx sets quotes and dashes typographically ("smart quotes"), so do the exports, and a
title copied from the data is found on the site. Records a builder leaves out (``{only}``)
are left out of its exports too.

Beside them, for tools that read standard formats: ``bibliography.csl.json`` (CSL-JSON,
read by Zotero, Pandoc and citeproc) and ``events-acled.csv`` (the events under ACLED's
column names where they fit). Each export has a JSON Schema in the repository's
``schemas/`` folder, which also explains what maps to ACLED and what does not.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from pybtex.richtext import Text

from .records import CONVOY_COUNTS

#: What a spreadsheet reads as the start of a formula (or of a hidden one, after a tab or a
#: carriage return); such a cell is written with a leading apostrophe, which spreadsheets
#: take as "this is text" (the OWASP advice for CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _date(date) -> dict | None:
    if date is None:
        return None
    return {
        "edtf": date.edtf,
        "lower": date.lower.isoformat(),
        "upper": date.upper.isoformat(),
        "precision": date.precision,
        "end_precision": date.end_precision,
        "approximate": date.approximate,
        "uncertain": date.uncertain,
    }


def _sources(keys, urls: dict[str, str]) -> list[dict]:
    return [{"key": key, "url": urls.get(key), "kind": urls.kinds.get(key)} for key in keys]


def _page(builder, record) -> str:
    # Under singlehtml the page's address already has a fragment (#document-NAME); the
    # record's anchor is unique in the single page, so it replaces that one.
    page = builder.get_target_uri(record.docname).split("#")[0]
    return f"{page}#{record.anchor}"


def _cell(value):
    """A CSV cell that no spreadsheet runs as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def events_data(domain, builder, urls) -> list[dict]:
    return [
        {
            "title": event.title,
            "date": _date(event.date),
            "places": list(event.places),
            "actors": list(event.actors),
            "tags": list(event.tags),
            "sources": _sources(event.sources, urls),
            "page": _page(builder, event),
        }
        for event in domain.sorted_events(builder.tags)
    ]


def reported_data(domain, builder, urls) -> list[dict]:
    return [
        {
            "quantity": record.quantity,
            "label": record.label,
            "scope": record.scope,
            "value": record.value.as_data() if record.value is not None else None,
            "date": _date(record.date),
            "text": record.text,
            "convoy": record.convoy,
            "field": record.field or None,
            "as_of": _date(record.as_of),
            "sources": _sources(record.sources, urls),
            "page": _page(builder, record),
        }
        for record in domain.reported_for(builder.tags)
    ]


def convoys_csv(domain, builder, urls) -> str:
    columns = ["number", "departed_edtf", "departed_lower", "departed_upper", "departed_precision",
               "arrived_edtf", "arrived_lower", "arrived_upper", "arrived_precision", "from", "to"]
    for name in CONVOY_COUNTS:
        columns += [f"{name}_kind", f"{name}_value"]
    columns += ["groups", "sources", "source_urls", "page"]
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    for convoy in domain.sorted_convoys(builder.tags):
        row = {"number": convoy.number, "from": convoy.origin, "to": convoy.destination}
        for field in ("departed", "arrived"):
            date = getattr(convoy, field)
            row[f"{field}_edtf"] = date.edtf if date else ""
            row[f"{field}_lower"] = date.lower.isoformat() if date else ""
            row[f"{field}_upper"] = date.upper.isoformat() if date else ""
            row[f"{field}_precision"] = date.precision if date else ""
        for name in CONVOY_COUNTS:
            count = getattr(convoy, name)
            row[f"{name}_kind"] = count.kind
            row[f"{name}_value"] = "" if count.value is None else count.value
        row["groups"] = "; ".join(convoy.groups)
        row["sources"] = "; ".join(convoy.sources)
        row["source_urls"] = "; ".join(urls.get(key, "") for key in convoy.sources)
        row["page"] = _page(builder, convoy)
        writer.writerow({name: _cell(value) for name, value in row.items()})
    return out.getvalue()


class SourceUrls(dict):
    """Each source's address by bib key, with the kind of outlet (``kind``) beside it."""

    def __init__(self, urls: dict[str, str], kinds: dict[str, str]):
        super().__init__(urls)
        self.kinds = kinds


def source_urls(env) -> SourceUrls:
    """Addresses, http(s) only (the exports are opened outside the site), and kinds."""
    entries = env.get_domain("cite").bibdata.data.entries
    return SourceUrls(
        {key: entry.fields["url"] for key, entry in entries.items()
         if urlsplit(entry.fields.get("url", "")).scheme.lower() in ("http", "https")},
        {key: entry.fields["kind"] for key, entry in entries.items() if "kind" in entry.fields},
    )


def write_exports(app, exception) -> None:
    """``build-finished``: write the exports for HTML builds."""
    builder = app.builder
    if exception is not None or builder.format != "html" or builder.name.startswith("epub"):
        return
    domain = app.env.get_domain("chron")
    urls = source_urls(app.env)
    folder = Path(builder.outdir, "_data")
    folder.mkdir(parents=True, exist_ok=True)

    def dump(data) -> str:
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

    _write_if_changed(folder / "events.json", dump(events_data(domain, builder, urls)))
    _write_if_changed(folder / "reported.json", dump(reported_data(domain, builder, urls)))
    _write_if_changed(folder / "convoys.csv", convoys_csv(domain, builder, urls))
    entries = app.env.get_domain("cite").bibdata.data.entries
    _write_if_changed(folder / "bibliography.csl.json",
                      dump(bibliography_csl(entries, app.config.language or "en")))
    _write_if_changed(folder / "events-acled.csv",
                      events_acled_csv(domain, builder, entries, urls))


def _write_if_changed(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


# -- CSL-JSON ------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def _plain(value: str) -> str:
    """A .bib field as plain text: braces and LaTeX escapes (``\\&``) undone."""
    try:
        return Text.from_latex(value).render_as("text")
    except Exception:  # pybtex refuses unbalanced braces; the raw text is still readable
        return value


def _date_parts(value: str) -> dict | None:
    """A CSL date from an ISO date at the precision written (2018, 2018-04, 2018-04-03)."""
    match = _ISO_DATE.fullmatch((value or "").strip())
    if not match:
        return None
    return {"date-parts": [[int(part) for part in match.groups() if part]]}


def csl_item(key: str, entry, language: str) -> dict:
    """One bibliography entry as a CSL-JSON item.

    News reports are ``article-newspaper`` with the outlet as ``container-title``; the
    agency whose wire copy an outlet carries (``agency``) is the item's author, as a
    byline would name it; the encyclopedia article is ``entry-encyclopedia``. The title
    stays in its own language (``language``); our ``kind`` of outlet and the titles'
    translations (``transtitle``, ``transtitle_<language>``) are in ``custom``, the
    CSL 1.0.2 place for fields of one's own, and the note is the build language's.
    """
    fields = {name.lower(): _plain(str(value)) for name, value in entry.fields.items()}
    kind = fields.get("kind")
    if kind == "encyclopedia":
        csl_type = "entry-encyclopedia"
    elif entry.type == "article":
        csl_type = "article-newspaper"
    else:
        csl_type = "webpage" if "url" in fields else "document"
    item: dict = {"id": key, "type": csl_type, "title": fields.get("title", "")}
    if "journal" in fields:
        item["container-title"] = fields["journal"]
    if "agency" in fields:
        item["author"] = [{"literal": fields["agency"]}]
    for csl_name, bib_name in (("issued", "date"), ("accessed", "urldate")):
        parts = _date_parts(fields.get(bib_name, ""))
        if parts:
            item[csl_name] = parts
    if urlsplit(fields.get("url", "")).scheme.lower() in ("http", "https"):
        item["URL"] = fields["url"]
    if "language" in fields:
        item["language"] = fields["language"]
    note = fields.get(f"note_{language}") or fields.get("note") or fields.get("howpublished")
    if note:
        item["note"] = note
    custom = {name: fields[name] for name in ("kind", "agency", "archiveurl", "archivedate")
              if name in fields}
    translations = {name.removeprefix("transtitle").lstrip("_") or "en": value
                    for name, value in fields.items() if name.startswith("transtitle")}
    if translations:
        custom["transtitle"] = dict(sorted(translations.items()))
    if custom:
        item["custom"] = custom
    return item


def bibliography_csl(entries, language: str) -> list[dict]:
    """Every bibliography entry as CSL-JSON, by key."""
    return [csl_item(key, entries[key], language) for key in sorted(entries)]


# -- ACLED-style events ----------------------------------------------------------------------

#: ACLED's columns that our events fill, in ACLED's order, then ours (prefixed ``x_``).
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "actor1", "assoc_actor_1",
    "country", "location", "source", "notes", "tags",
    "x_edtf", "x_date_lower", "x_date_upper", "x_places", "x_sources", "x_source_urls", "x_page",
]


def time_precision(lower: dt.date, upper: dt.date) -> int:
    """ACLED's precision code: 1 a day, 2 within a week, 3 within a month or longer."""
    days = (upper - lower).days
    return 1 if days == 0 else 2 if days < 7 else 3


def events_acled_csv(domain, builder, entries, urls) -> str:
    """The events with ACLED's column names: ``event_date`` is ISO, the middle of the span
    when the date is not a day (as ACLED sets it), with ``time_precision`` saying so."""
    out = io.StringIO()
    writer = csv.DictWriter(out, ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in domain.sorted_events():
        lower, upper = event.date.lower, event.date.upper
        middle = lower + (upper - lower) // 2
        outlets = []
        for key in event.sources:
            entry = entries.get(key)
            outlet = _plain(str(entry.fields.get("journal", ""))) if entry is not None else ""
            if outlet and outlet not in outlets:
                outlets.append(outlet)
        row = {
            # Stable across editions: the event's anchor, not its position.
            "event_id_cnty": f"SYR-{event.anchor.removeprefix('chron-event-')}",
            "event_date": middle.isoformat(),
            "year": middle.year,
            "time_precision": time_precision(lower, upper),
            "actor1": event.actors[0] if event.actors else "",
            "assoc_actor_1": "; ".join(event.actors[1:]),
            "country": "Syria",
            "location": event.places[0] if event.places else "",
            "source": "; ".join(outlets),
            "notes": event.title,
            "tags": "; ".join(event.tags),
            "x_edtf": event.date.edtf,
            "x_date_lower": lower.isoformat(),
            "x_date_upper": upper.isoformat(),
            "x_places": "; ".join(event.places),
            "x_sources": "; ".join(event.sources),
            "x_source_urls": "; ".join(urls.get(key, "") for key in event.sources),
            "x_page": _page(builder, event),
        }
        writer.writerow({name: _cell(value) for name, value in row.items()})
    return out.getvalue()
