"""Turn Sphinx's ``output.json`` into the statuses a maintainer acts on.

Sphinx reports every failed request as ``broken``; this module tells apart the failures
that need a fix from those that do not: a page that is gone for good but whose archive
copy works is a finding for the bibliography, not a broken site; a host that answered
"too many requests" to the end is busy, not broken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

WORKING = "working"
REDIRECTED = "redirected"
CACHED = "cached"
DEAD_ARCHIVED = "dead, archived copy works"
BROKEN = "broken"
RATE_LIMITED = "rate-limited"
TIMEOUT = "timeout"
IGNORED = "ignored"
REFUSED = "refused"
NO_NETWORK = "not checked (no network)"
UNCHECKED = "unchecked"

#: Statuses that make the check fail: only these need someone to fix something.
FAILING = frozenset({BROKEN, REFUSED})
GOOD = frozenset({WORKING, REDIRECTED, CACHED})

#: requests phrases an HTTP error as "404 Client Error: Not Found for url: …".
HTTP_CODE = re.compile(r"^(\d{3}) (?:Client|Server) Error")
#: Gone for good: the page (404, 410) or the whole host (its name no longer resolves).
GONE_CODES = frozenset({404, 410})
#: Failures that say nothing about the page: the machine could not reach any network.
NETWORK_DOWN = re.compile(
    r"NameResolutionError|Failed to resolve|Name or service not known|Temporary failure in "
    r"name resolution|Network is unreachable|No route to host|getaddrinfo failed",
)
NAME_NOT_RESOLVED = re.compile(
    r"NameResolutionError|Failed to resolve|Name or service not known|"
    r"nodename nor servname|getaddrinfo failed|No address associated",
)


@dataclass
class LinkResult:
    uri: str
    status: str
    code: int = 0
    info: str = ""
    locations: list[dict] = field(default_factory=list)
    archive: str | None = None
    sphinx_status: str = ""


def http_code(row: dict) -> int:
    if row.get("code"):
        return int(row["code"])
    match = HTTP_CODE.match(row.get("info") or "")
    return int(match[1]) if match else 0


def is_gone(row: dict) -> bool:
    return http_code(row) in GONE_CODES or bool(NAME_NOT_RESOLVED.search(row.get("info") or ""))


def first_pass_status(row: dict, cached: set[str]) -> str:
    """The status of one link on its own, before archive copies are considered."""
    status, info = row["status"], row.get("info") or ""
    if status == "ignored" and row["uri"] in cached:
        return CACHED
    if status == "ignored" and info.removeprefix("ignored redirect: ") in cached:
        # It redirects to a page the cache already knows works: the cache feeds
        # linkcheck_ignore, which Sphinx also applies to redirect targets.
        return REDIRECTED
    if status == "broken" and "refused address" in info:
        return REFUSED
    if status == "broken" and http_code(row) == 429:
        # Sphinx gives up on a host that keeps answering 429 without Retry-After once
        # its back-off passes linkcheck_rate_limit_timeout; the page may well be fine.
        return RATE_LIMITED
    return {
        "working": WORKING,
        "redirected": REDIRECTED,
        "broken": BROKEN,
        "timeout": TIMEOUT,
        "rate-limited": RATE_LIMITED,
        "ignored": IGNORED,
        "unchecked": UNCHECKED,
    }.get(status, status)


def offline(rows: list[dict], results: list[LinkResult]) -> bool:
    """True when every link that was requested failed before reaching any server."""
    requested = [
        row for row, result in zip(rows, results, strict=True)
        if result.status not in (CACHED, IGNORED, UNCHECKED, REFUSED)
    ]
    return bool(requested) and all(
        row["status"] in ("broken", "timeout") and not http_code(row)
        and NETWORK_DOWN.search(row.get("info") or "")
        for row in requested
    )


def classify(rows: list[dict], archives: dict[str, str], cached: set[str]) -> list[LinkResult]:
    """One result per link; *archives* maps an original address to its archive copy."""
    statuses = {row["uri"]: first_pass_status(row, cached) for row in rows}
    results = []
    for row in rows:
        status = statuses[row["uri"]]
        archive = archives.get(row["uri"])
        if status == BROKEN and archive and is_gone(row) and statuses.get(archive) in GOOD:
            status = DEAD_ARCHIVED
        results.append(
            LinkResult(
                uri=row["uri"],
                status=status,
                code=http_code(row),
                info=row.get("info") or "",
                archive=archive,
                sphinx_status=row["status"],
            )
        )
    return results
