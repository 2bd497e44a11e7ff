"""Which addresses a reader may be sent to, and which a build may fetch.

The bibliography reader leaves out any other address; a site's own checks can apply the
same rules (the history this package was written for does, in its citecheck).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

#: Schemes a reader's browser may be sent to.
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
#: Schemes a bibliography address (``url``, ``archiveurl``) may have: it is fetched.
FETCHABLE_SCHEMES = frozenset({"http", "https"})

#: Characters browsers drop from an address before reading its scheme (``java\tscript:``).
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")


def scheme_of(uri: str) -> str:
    """The scheme a browser would see in *uri* (``''`` for a relative address)."""
    cleaned = _IGNORED_IN_SCHEME.sub("", uri or "")
    if ":" not in cleaned.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]:
        return ""
    try:
        return urlsplit(cleaned).scheme.lower()
    except ValueError:
        return "?"


def link_problem(uri: str) -> str | None:
    """Why a reader must not be sent to *uri*, or ``None`` (relative addresses are fine)."""
    scheme = scheme_of(uri)
    if scheme and scheme not in ALLOWED_SCHEMES:
        return f"link to a {scheme}: address {shorten(uri)}: only http(s) and mailto are allowed"
    return None


def fetch_problem(uri: str) -> str | None:
    """Why *uri* must not be fetched (bibliography ``url``/``archiveurl``), or ``None``."""
    scheme = scheme_of(uri)
    if scheme not in FETCHABLE_SCHEMES:
        kind = f"a {scheme}: address" if scheme else "not an absolute address"
        return f"{shorten(uri)} is {kind}: only http(s) addresses are allowed"
    return None


def shorten(text: str, limit: int = 60) -> str:
    """*text* on one line, quoted, cut at *limit* characters."""
    text = " ".join(str(text).split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
