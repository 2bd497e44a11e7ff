"""Data exports written beside the HTML: ``_data/events.json``, ``convoys.csv``, ``reported.json``.

Each record carries its date bounds and precision, places, and its sources both as bib
keys and as the URLs the bibliography gives, so a researcher can use the data without
the site. Output is sorted and formatted deterministically: two builds give the same bytes.

Titles, labels and places are the text the pages show, in the build's language: where
Sphinx sets quotes and dashes typographically ("smart quotes"), so do the exports, and a
title copied from the data is found on the site. Records a builder leaves out (``{only}``)
are left out of its exports too.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from urllib.parse import urlsplit

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


def _write_if_changed(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
