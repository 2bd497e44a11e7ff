"""Limits on what linkcheck may do: where it connects, how long it waits, how much it reads.

Sphinx's link checker trusts the servers it asks: a ``Retry-After: 0`` makes it ask again
at once, forever; an anchor search reads a body to its end, however long or slow; and it
connects wherever a name or a redirect points, the local network included. While the
check runs, :func:`bounded` puts these limits in place:

- a deadline for the whole run; after it, links are reported as not checked (timeout);
- ``Retry-After`` clamped to at least one second, and a wait past the rate-limit timeout
  or the deadline means giving up (rate-limited), whatever the header says;
- the anchor search reads at most ``MAX_ANCHOR_BYTES`` and for at most the request timeout;
- no connection to a private, loopback, link-local, multicast or reserved address: the
  resolved address is checked before connecting, on every connection, so on every redirect.
"""

from __future__ import annotations

import contextlib
import ipaddress
import math
import socket
import time
from unittest import mock

import urllib3.util.connection
from sphinx.builders import linkcheck as sphinx_linkcheck
from sphinx.builders.linkcheck import AnchorCheckParser, HyperlinkAvailabilityCheckWorker

MAX_ANCHOR_BYTES = 2 * 1024 * 1024
#: Put in the message of a refused connection; linkstatus reads it.
REFUSED_MARK = "refused address"


class RefusedAddress(OSError):
    """A connection that linkcheck does not make."""


def refusal(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, allow_loopback: bool) -> str | None:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        # The tests' server listens on 127.0.0.1; nothing else on the machine is asked.
        return None if allow_loopback and str(ip) == "127.0.0.1" else "loopback"
    for kind in ("link_local", "private", "multicast", "reserved", "unspecified"):
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    return None


def guarded_connection(original, allow_loopback: bool):
    """urllib3's ``create_connection``, connecting only to vetted addresses."""

    def create_connection(address, *args, **kwargs):
        host, port = address
        vetted = []
        try:
            resolved = [ipaddress.ip_address(host.strip("[]"))]  # an address: no look-up
        except ValueError:
            resolved = [
                ipaddress.ip_address(sockaddr[0].split("%", 1)[0])
                for *_info, sockaddr in socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)
            ]
        for ip in resolved:
            if kind := refusal(ip, allow_loopback):
                raise RefusedAddress(
                    f"{REFUSED_MARK}: {host} is {ip}, a {kind} address; linkcheck does not "
                    "connect to local networks"
                )
            vetted.append(str(ip))
        # Connect to the address that was checked, not to a second answer for the name.
        return original((vetted[0], port), *args, **kwargs)

    return create_connection


def bounded_anchor_search(timeout: float, deadline: float):
    def contains_anchor(response, anchor: str) -> bool:
        parser = AnchorCheckParser(anchor)
        stop = time.monotonic() + max(0.1, min(timeout, deadline - time.time()))
        read = 0
        decoder = _decoder(response)
        while read < MAX_ANCHOR_BYTES and time.monotonic() < stop:
            chunk = response.raw.read1(min(65536, MAX_ANCHOR_BYTES - read))
            if not chunk:
                break
            read += len(chunk)
            parser.feed(decoder.decode(chunk))
            if parser.found:
                break
        parser.close()
        return parser.found

    return contains_anchor


def _decoder(response):
    import codecs

    try:
        return codecs.getincrementaldecoder(response.encoding or "utf-8")(errors="replace")
    except LookupError:
        return codecs.getincrementaldecoder("utf-8")(errors="replace")


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds a ``Retry-After`` header asks for, or ``None`` when it says nothing usable."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = sphinx_linkcheck.rfc1123_to_epoch(value) - time.time()
        except (ValueError, TypeError, OverflowError):
            return None
    return seconds if math.isfinite(seconds) else None


@contextlib.contextmanager
def bounded(deadline: float, timeout: float, allow_loopback: bool = False):
    """Apply the limits while the block runs; *deadline* is a ``time.time()`` value."""
    original_limit_rate = HyperlinkAvailabilityCheckWorker.limit_rate
    original_check = HyperlinkAvailabilityCheckWorker._check

    def limit_rate(self, response_url, retry_after):
        seconds = retry_after_seconds(retry_after)
        if seconds is not None:
            seconds = max(1.0, seconds)
            if seconds > self.rate_limit_timeout or time.time() + seconds > deadline:
                return None  # give up now: reported as rate-limited
            retry_after = f"{seconds:.3f}"
        else:
            retry_after = None
        next_check = original_limit_rate(self, response_url, retry_after)
        if next_check is not None and next_check > deadline:
            return None
        return next_check

    def check(self, docname, uri, hyperlink):
        remaining = deadline - time.time()
        if remaining <= 0:
            return "timeout", "not checked: the run's deadline passed", 0
        configured = self.__dict__.setdefault("_configured_timeout", self.timeout)
        self.timeout = max(0.1, min(configured or remaining, remaining))
        return original_check(self, docname, uri, hyperlink)

    guard = guarded_connection(urllib3.util.connection.create_connection, allow_loopback)
    with (
        mock.patch.object(HyperlinkAvailabilityCheckWorker, "limit_rate", limit_rate),
        mock.patch.object(HyperlinkAvailabilityCheckWorker, "_check", check),
        mock.patch.object(urllib3.util.connection, "create_connection", guard),
        mock.patch.object(
            sphinx_linkcheck, "contains_anchor", bounded_anchor_search(timeout, deadline)
        ),
    ):
        yield
