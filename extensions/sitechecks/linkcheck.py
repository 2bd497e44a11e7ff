"""Check every external link of the site, and every address in the bibliography.

Usage: ``python -m sitechecks.linkcheck [SOURCEDIR]`` (default ``docs``).

Sphinx's ``linkcheck`` builder does the checking (HEAD then GET, redirects, 429 back-off
honouring ``Retry-After``, ``linkcheck_retries`` for failures). This wrapper adds what a
site of news sources needs:

- bibliography addresses that no page shows (``archiveurl``) are checked too;
- a page that is gone (404, 410, host unknown) whose archive copy works is reported as
  "dead, archived copy works", which does not fail the check;
- 429s and timeouts are retried and reported as "rate-limited" / "timeout", never broken;
- good results are cached with a time limit, and fresh ones are not requested again.

It writes ``report.json`` next to Sphinx's ``output.json`` and prints a short summary.
Exit status 1 only when a link is broken.

The run is bounded (``linkbounds.py``): a deadline for the whole check (``--deadline``),
``Retry-After`` clamped, anchor searches that read a limited part of a body, and no
connection to a private, loopback or link-local address (checked on the resolved address,
on every redirect). Bibliography addresses must be http(s). With no network at all, the
check says so ("no network: N links not checked") and exits with status 3, not 1.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import io
import json
import math
import re
import sys
import time
from collections import Counter
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.linkcheck import Hyperlink, HyperlinkAvailabilityChecker
from sphinx.errors import ExtensionError
from sphinx.util.docutils import docutils_namespace, patch_docutils

from . import policy
from .biblocations import locate
from .findings import display_path
from .linkbounds import bounded
from .linkcache import LinkCache, utcnow
from .linkstatus import (
    BROKEN,
    FAILING,
    GOOD,
    NAME_NOT_RESOLVED,
    NO_NETWORK,
    TIMEOUT,
    LinkResult,
    classify,
    offline,
)
from .project import ANSI_COLOUR

DEFAULT_MAX_AGE_HOURS = 24 * 7
#: Longer than any sensible cache life, short enough for datetime arithmetic.
LONGEST_MAX_AGE_HOURS = 24 * 366 * 10
DEFAULT_DEADLINE_SECONDS = 30 * 60
NO_NETWORK_STATUS = 3
BIB_URL_FIELDS = ("url", "archiveurl")
LINKCHECK_WARNING = re.compile(r"WARNING: (broken link: |timeout |redirect )")


@dataclasses.dataclass
class BibliographyLinks:
    """Addresses in the bibliography, where they are written, and where they are shown."""

    places: dict[str, tuple[str, int | None]] = dataclasses.field(default_factory=dict)
    archives: dict[str, str] = dataclasses.field(default_factory=dict)
    #: Addresses that are not http(s) (``archiveurl = {../../etc/passwd}``): never requested.
    invalid: dict[str, str] = dataclasses.field(default_factory=dict)
    shown_on: dict[str, set[str]] = dataclasses.field(default_factory=dict)

    def collect(self, env) -> str | None:
        """Read the addresses from the bibliography; return the page that lists it."""
        try:
            domain = env.get_domain("cite")
        except ExtensionError:
            return None
        locations = locate(sorted(domain.bibdata.bibfiles))
        for key, entry in domain.bibdata.data.entries.items():
            for name in BIB_URL_FIELDS:
                if url := entry.fields.get(name, "").strip():
                    path, line = locations.place(key, name)
                    if problem := policy.fetch_problem(url):
                        self.invalid[url] = problem
                    self.places.setdefault(url, (display_path(path), line))
            urls = [entry.fields.get(name, "").strip() for name in BIB_URL_FIELDS]
            if all(urls) and not any(url in self.invalid for url in urls):
                self.archives[entry.fields["url"].strip()] = entry.fields["archiveurl"].strip()
        pages = [bibliography.docname for bibliography in domain.bibliographies]
        return min(pages) if pages else env.config.root_doc

    def add_to_linkcheck(self, app: Sphinx, builder) -> None:
        """``write-started``: queue the bibliography's addresses before the pages' own.

        Addresses shown on a page would be found there too, but ``archiveurl`` is not
        rendered, and registering all of them here makes the report point at the .bib line.
        """
        if builder.name != "linkcheck":
            return
        docname = self.collect(builder.env)
        if docname is None:
            return
        for url, (_path, line) in self.places.items():
            if url in self.invalid:
                continue
            builder.hyperlinks.setdefault(
                url, Hyperlink(url, docname, builder.env.doc2path(docname), line or 0)
            )

    def note_shown(self, app: Sphinx, doctree: nodes.document, docname: str) -> None:
        """``doctree-resolved``: remember which bibliography addresses a page shows."""
        for reference in doctree.findall(nodes.reference):
            if reference.get("refuri") in self.places:
                self.shown_on.setdefault(reference["refuri"], set()).add(docname)


def run_sphinx(
    srcdir: Path,
    outdir: Path,
    overrides: dict,
    cached: set[str],
    bib: BibliographyLinks,
    verbose: bool,
) -> tuple[Sphinx, list[dict]]:
    warnings = io.StringIO()
    with patch_docutils(srcdir), docutils_namespace():
        app = Sphinx(
            srcdir,
            srcdir,
            outdir,
            outdir / ".doctrees",
            "linkcheck",
            confoverrides=overrides,
            status=sys.stderr if verbose else None,
            warning=sys.stderr if verbose else warnings,
        )
        # Fresh cached links are skipped the way Sphinx skips any link: by linkcheck_ignore.
        # The checker compiles the list when the build finishes, so adding to it now works.
        app.config.linkcheck_ignore = [
            *app.config.linkcheck_ignore,
            *(f"^{re.escape(url)}$" for url in sorted(cached)),
        ]
        app.connect("write-started", bib.add_to_linkcheck)
        app.connect("doctree-resolved", bib.note_shown)
        app.build()
    # The builder's own per-link warnings call every failure "broken"; the summary says
    # better. Anything else Sphinx warns about is passed on.
    for line in ANSI_COLOUR.sub("", warnings.getvalue()).splitlines():
        if not LINKCHECK_WARNING.search(line):
            print(line, file=sys.stderr)
    output = outdir / "output.json"
    rows = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines() if line]
    return app, rows


def retry_timeouts(app: Sphinx, rows: list[dict], attempts: int) -> list[dict]:
    """Check timed-out links again: Sphinx retries only failures, not timeouts."""
    for _ in range(attempts):
        pending = {row["uri"]: row for row in rows if row["status"] == TIMEOUT}
        if not pending:
            break
        hyperlinks = {
            uri: Hyperlink(uri, row["docname"], app.env.doc2path(row["docname"]), row["lineno"])
            for uri, row in pending.items()
        }
        for result in HyperlinkAvailabilityChecker(app.config).check(hyperlinks):
            pending[result.uri].update(
                status=str(result.status), info=result.message, code=result.code
            )
    return rows


def with_docnames(app: Sphinx, rows: list[dict]) -> list[dict]:
    by_path = {str(app.env.doc2path(docname, False)): docname for docname in app.env.found_docs}
    for row in rows:
        row["docname"] = by_path.get(row["filename"], app.config.root_doc)
    return rows


def check_links(
    srcdir: Path,
    outdir: Path,
    cache_path: Path | None,
    max_age: dt.timedelta,
    overrides: dict,
    timeout_retries: int = 1,
    verbose: bool = False,
    deadline_seconds: float = DEFAULT_DEADLINE_SECONDS,
    allow_loopback: bool = False,
) -> dict:
    """Run the whole check and return the report (also written to ``outdir/report.json``).

    *allow_loopback* lets the tests check a server on 127.0.0.1; nothing else should.
    """
    srcdir, outdir = Path(srcdir).resolve(), Path(outdir).resolve()
    now = utcnow()
    cache = LinkCache.load(cache_path, max_age) if cache_path else None
    fresh = cache.fresh(now) if cache else {}
    bib = BibliographyLinks()
    deadline = time.time() + deadline_seconds
    with bounded(deadline, overrides.get("linkcheck_timeout", 30), allow_loopback):
        app, rows = run_sphinx(srcdir, outdir, overrides, set(fresh), bib, verbose)
        rows = retry_timeouts(app, with_docnames(app, rows), timeout_retries)
    results = classify(rows, bib.archives, set(fresh))
    no_network = offline(rows, results)
    if no_network:
        for result in results:
            if result.status in (BROKEN, TIMEOUT):
                result.status = NO_NETWORK
    for url, problem in bib.invalid.items():
        rows.append({"uri": url, "filename": "", "lineno": None})
        results.append(LinkResult(uri=url, status=BROKEN, info=problem, sphinx_status="unchecked"))
    for result, row in zip(results, rows, strict=True):
        page = (display_path(srcdir / row["filename"]), row["lineno"])
        if result.uri in bib.places:
            bib_file, bib_line = bib.places[result.uri]
            result.locations.append({"file": bib_file, "line": bib_line})
            for docname in sorted(bib.shown_on.get(result.uri, ())):
                result.locations.append(
                    {"file": display_path(app.env.doc2path(docname)), "line": None}
                )
        else:
            result.locations.append({"file": page[0], "line": page[1]})
        if cache and result.uri not in fresh:
            cache.update(result.uri, result.status, now)
    if cache:
        cache.save()
    report = {
        "checked_at": now.isoformat(),
        "max_age_hours": max_age.total_seconds() / 3600,
        "counts": dict(Counter(result.status for result in results)),
        "failed": any(result.status in FAILING for result in results),
        "no_network": no_network,
        "bibliography_not_shown": sorted(set(bib.places) - set(bib.shown_on)),
        "links": [dataclasses.asdict(result) for result in results],
    }
    for link in report["links"]:
        if link["status"] == "cached":
            link["info"] = f"working when checked at {fresh[link['uri']]['checked']}"
    (outdir / "report.json").write_text(
        json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return report


def short_reason(link: dict) -> str:
    """A few words for the summary; report.json keeps requests' whole message."""
    if NAME_NOT_RESOLVED.search(link["info"]):
        return "host name not found"
    if link["code"]:
        return f"HTTP {link['code']}"
    return link["info"][:120] or "no answer"


def summary(report: dict, report_path: Path) -> str:
    counts = ", ".join(f"{count} {status}" for status, count in sorted(report["counts"].items()))
    lines = [f"{sum(report['counts'].values())} links: {counts or 'none'}"]
    for link in report["links"]:
        if link["status"] in GOOD or link["status"] in ("ignored", "unchecked"):
            continue
        where = ", ".join(
            f"{place['file']}:{place['line']}" if place["line"] else place["file"]
            for place in link["locations"]
        )
        detail = (
            f" → {link['archive']}"
            if link["status"].startswith("dead")
            else f": {short_reason(link)}"
        )
        lines.append(f"  {link['status']}: {link['uri']} ({where}){detail}")
    if report["bibliography_not_shown"]:
        lines.append(
            f"  {len(report['bibliography_not_shown'])} bibliography address(es) are not "
            "shown on any page and were checked from the .bib file"
        )
    lines.append(f"Report: {display_path(report_path)}")
    if report.get("no_network"):
        lines.append(
            f"no network: {report['counts'].get(NO_NETWORK, 0)} links not checked "
            "(connect to the internet and run the check again)"
        )
    lines.append("FAILED: broken links above" if report["failed"] else "OK: nothing is broken")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sitechecks.linkcheck", description=__doc__.split("\n")[0]
    )
    parser.add_argument("sourcedir", nargs="?", default="docs", type=Path)
    parser.add_argument("--outdir", type=Path, help="default: SOURCEDIR/_build/linkcheck")
    parser.add_argument(
        "--cache",
        type=Path,
        help="cache file; default: SOURCEDIR/_build/linkcheck-cache/links.json",
    )
    parser.add_argument("--no-cache", action="store_true", help="check every link, keep no cache")
    parser.add_argument(
        "--max-age",
        type=float,
        default=DEFAULT_MAX_AGE_HOURS,
        metavar="HOURS",
        help="how long a good result stays fresh (default: %(default)s)",
    )
    parser.add_argument("--timeout", type=float, help="seconds per request (linkcheck_timeout)")
    parser.add_argument(
        "--retries", type=int, help="attempts for failing links (linkcheck_retries)"
    )
    parser.add_argument(
        "--rate-limit-timeout",
        type=float,
        help="longest back-off after a 429 without Retry-After (linkcheck_rate_limit_timeout)",
    )
    parser.add_argument(
        "--timeout-retries",
        type=int,
        default=1,
        help="extra passes over timed-out links (default: %(default)s)",
    )
    parser.add_argument(
        "--deadline",
        type=float,
        default=DEFAULT_DEADLINE_SECONDS,
        metavar="SECONDS",
        help="longest time for the whole check (default: %(default)s)",
    )
    parser.add_argument(
        "--allow-loopback",
        action="store_true",
        help="allow requests to 127.0.0.1 (for testing against a local server)",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("-v", "--verbose", action="store_true", help="show Sphinx's progress")
    args = parser.parse_args(argv)
    if not (math.isfinite(args.max_age) and args.max_age >= 0):
        parser.error("--max-age must be a number of hours, 0 or more")
    if not (math.isfinite(args.deadline) and args.deadline > 0):
        parser.error("--deadline must be a number of seconds, more than 0")

    build = args.sourcedir / "_build"
    outdir = args.outdir or build / "linkcheck"
    cache = None if args.no_cache else (args.cache or build / "linkcheck-cache" / "links.json")
    overrides = {
        name: value
        for name, value in (
            ("linkcheck_timeout", args.timeout),
            ("linkcheck_retries", args.retries),
            ("linkcheck_rate_limit_timeout", args.rate_limit_timeout),
        )
        if value is not None
    }
    report = check_links(
        args.sourcedir,
        outdir,
        cache,
        dt.timedelta(hours=min(args.max_age, LONGEST_MAX_AGE_HOURS)),
        overrides,
        args.timeout_retries,
        args.verbose,
        args.deadline,
        args.allow_loopback,
    )
    if args.format == "json":
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print(summary(report, Path(outdir) / "report.json"))
    if report["failed"]:
        return 1
    return NO_NETWORK_STATUS if report["no_network"] else 0


if __name__ == "__main__":
    sys.exit(main())
