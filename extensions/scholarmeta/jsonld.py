"""schema.org JSON-LD in each page: what the page is, what it cites and which events it dates.

A separate extension (``"scholarmeta.jsonld"`` in ``extensions``), so a site can have the
citation tags without it. Every page with text gets one ``<script type="application/ld+json">``
holding a graph:

- an ``Article`` (the page) with its ``citation``: each source the page cites, as a
  ``NewsArticle`` (or ``CreativeWork``) with its outlet, date, language and address;
- an ``Event`` for each dated event recorded on the page (chronicle), its ``location`` the
  places named, its ``startDate``/``endDate`` at the precision the sources allow
  (``2018-04-03``, ``2018-04``, ``2018``), and the exact EDTF date, qualifiers included, as
  a ``PropertyValue``;
- a ``Dataset`` on the pages that hold the site-wide lists (timeline, disagreements), with
  the data exports as its distribution.
"""

from __future__ import annotations

import json
import posixpath

from pybtex.richtext import Text
from sphinx.errors import ExtensionError

LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"

#: The data exports the Dataset distributes (in ``_data/`` beside the pages), and their types.
EXPORTS = {
    "events.json": "application/json",
    "convoys.csv": "text/csv",
    "reported.json": "application/json",
    "bibliography.csl.json": "application/vnd.citationstyles.csl+json",
    "events-acled.csv": "text/csv",
}


def _plain(value) -> str:
    try:
        return Text.from_latex(str(value)).render_as("text")
    except Exception:  # unbalanced braces: the raw text is still readable
        return str(value)


def at_precision(day, precision: str) -> str:
    """An ISO 8601 date cut to what is known: 2018-04-03, 2018-04 or 2018."""
    text = day.isoformat()
    return {"day": text, "month": text[:7], "year": text[:4]}.get(precision, text)


def source_node(key: str, entry) -> dict:
    fields = {name.lower(): _plain(value) for name, value in entry.fields.items()}
    node: dict = {
        "@type": "NewsArticle" if entry.type == "article" else "CreativeWork",
        "name": fields.get("title", key),
    }
    if "journal" in fields:
        node["publisher"] = {"@type": "Organization", "name": fields["journal"]}
    if "agency" in fields:
        node["author"] = {"@type": "Organization", "name": fields["agency"]}
    if fields.get("date"):
        node["datePublished"] = fields["date"]
    if fields.get("language"):
        node["inLanguage"] = fields["language"]
    if fields.get("url", "").startswith(("http://", "https://")):
        node["url"] = fields["url"]
    return node


def event_node(event, page_url: str) -> dict:
    date = event.date
    node: dict = {
        "@type": "Event",
        "@id": f"{page_url}#{event.anchor}",
        "name": event.title,
        "startDate": at_precision(date.lower, date.precision),
        "additionalProperty": {
            "@type": "PropertyValue",
            "propertyID": "EDTF",
            "name": "date as the sources give it (Extended Date/Time Format)",
            "value": date.edtf,
        },
    }
    if date.is_interval:
        node["endDate"] = at_precision(date.upper, date.end_precision)
    elif date.precision != "day":
        node["endDate"] = at_precision(date.upper, date.precision)
    if event.places:
        node["location"] = [{"@type": "Place", "name": place} for place in event.places]
    return node


def cited_keys(env, docname: str) -> list[str]:
    """The sources cited on *docname*, in the order first cited there."""
    keys: list[str] = []
    for ref in env.get_domain("cite").citation_refs:
        if ref.docname != docname:
            continue
        for target in ref.targets:
            if target.key not in keys:
                keys.append(target.key)
    return keys


def page_graph(app, pagename: str, context: dict) -> list[dict]:
    env, config = app.env, app.config
    base = config.html_baseurl.rstrip("/")
    page = app.builder.get_target_uri(pagename)
    page_url = f"{base}/{page}" if base else page
    title = env.titles[pagename].astext() if pagename in env.titles else config.project
    entries = env.get_domain("cite").bibdata.data.entries
    article: dict = {
        "@type": "Article",
        "@id": page_url,
        "headline": title,
        "inLanguage": config.language or "en",
        "author": {"@type": "Organization", "name": config.author},
        "isPartOf": {"@type": "CreativeWork", "name": config.project},
        "license": LICENCE_URL,
    }
    if base:
        article["url"] = page_url
    if config.version:
        article["version"] = config.version
    if context.get("edition_date"):
        article["datePublished"] = context["edition_date"]
    citations = [source_node(key, entries[key]) for key in cited_keys(env, pagename)
                 if key in entries]
    if citations:
        article["citation"] = citations
    graph = [article]

    try:
        chron = env.get_domain("chron")
    except ExtensionError:  # a site without chronicle: no events, no data
        return graph
    events = chron.data["events"].get(pagename, [])
    graph += [event_node(event, page_url) for event in events]
    if pagename in chron.data["list_pages"]:
        to_root = context.get("content_root") or "./"
        graph.append(dataset_node(app, chron, title, to_root, base))
    return graph


def dataset_node(app, chron, title: str, to_root: str, base: str) -> dict:
    config = app.config
    events = chron.sorted_events()
    node: dict = {
        "@type": "Dataset",
        "name": f"{title} — {config.project}",
        "description": f"{config.project}: dated events, convoys and reported figures, each "
                       "with its sources.",
        "creator": {"@type": "Organization", "name": config.author},
        "license": LICENCE_URL,
        "inLanguage": config.language or "en",
        "spatialCoverage": {"@type": "Place", "name": "Eastern Qalamoun, Syria"},
    }
    if config.version:
        node["version"] = config.version
    if events:
        lower = min(event.date.lower for event in events)
        upper = max(event.date.upper for event in events)
        node["temporalCoverage"] = f"{lower.isoformat()}/{upper.isoformat()}"
    node["distribution"] = [
        {
            "@type": "DataDownload",
            "name": name,
            "encodingFormat": media_type,
            "contentUrl": f"{base}/_data/{name}" if base
            else posixpath.normpath(posixpath.join(to_root, "_data", name)),
        }
        for name, media_type in EXPORTS.items()
    ]
    return node


def script(graph: list[dict]) -> str:
    text = json.dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False,
                      indent=1, sort_keys=True)
    # "</script>" inside the JSON would end the element early.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">\n{text}\n</script>\n'


def add_json_ld(app, pagename, templatename, context, doctree) -> None:
    """``html-page-context``: the page's graph in its head (pages with text only)."""
    if doctree is None:
        return
    context["metatags"] = context.get("metatags", "") + script(page_graph(app, pagename, context))


def setup(app):
    app.connect("html-page-context", add_json_ld)
    return {"version": "0.1.0", "parallel_read_safe": True, "parallel_write_safe": True}
