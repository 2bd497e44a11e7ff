"""Counts as the sources give them, and totals that stay honest about what is unknown.

A count is exact (``44``, ``2,500``), a lower bound (``>=30``: "at least 30"), a strict
lower bound (``>30``: "more than 30", as sources often say), an approximation (``~1500``:
"about 1,500") or ``unknown``. Summing them keeps the lower
bound exact and lets an unknown or a lower bound open the upper end.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from babel import Locale
from babel.numbers import format_decimal
from sphinx.locale import get_translation

_ = get_translation("chronicle")

EXACT, AT_LEAST, MORE_THAN, ABOUT, UNKNOWN = "exact", "at-least", "more-than", "about", "unknown"

_COUNT = re.compile(r"(?P<prefix>>=|≥|>|~)?\s*(?P<number>[+-]?\d{1,3}(?:,\d{3})+|[+-]?\d+)")


#: More digits than any count of people or buses has; Babel and Python's int() refuse
#: numbers far longer (26 and 4,301 digits), so they are refused here, with a reason.
MAX_DIGITS = 12


class CountError(ValueError):
    """Text that is not a count."""


@dataclass(frozen=True, slots=True)
class Count:
    kind: str
    value: int | None = None

    @property
    def bounds(self) -> tuple[int, float]:
        """The smallest and largest values the source allows (``inf`` when open)."""
        if self.kind == UNKNOWN:
            return 0, math.inf
        if self.kind == AT_LEAST:
            return self.value, math.inf
        if self.kind == MORE_THAN:
            return self.value + 1, math.inf
        return self.value, self.value

    def format(self, locale: Locale) -> str:
        if self.kind == UNKNOWN:
            return _("unknown")
        number = format_decimal(self.value, locale=locale)
        if self.kind == AT_LEAST:
            return _("at least {number}").format(number=number)
        if self.kind == MORE_THAN:
            return _("more than {number}").format(number=number)
        if self.kind == ABOUT:
            return _("about {number}").format(number=number)
        return number

    def as_data(self) -> dict:
        return {"kind": self.kind, "value": self.value}


def parse_count(text: str | int | None) -> Count:
    """Parse count syntax; raise :class:`CountError` with a reader-facing reason."""
    text = str(text if text is not None else "").strip()
    if text.lower() == "unknown":
        return Count(UNKNOWN)
    match = _COUNT.fullmatch(text)
    if not match:
        raise CountError(
            f"{text!r} is not a count (write 44, 2,500, \">=30\", \">30\", ~1500 or unknown)"
        )
    digits = match["number"].replace(",", "").lstrip("+-")
    if len(digits.lstrip("0")) > MAX_DIGITS:
        raise CountError(f"{text[:40]!r}… has more than {MAX_DIGITS} digits; no count is that large"
                         if len(text) > 40 else
                         f"{text!r} has more than {MAX_DIGITS} digits; no count is that large")
    value = int(match["number"].replace(",", ""))
    if value < 0:
        raise CountError(f"{text!r} is negative; a count cannot be")
    kind = {None: EXACT, ">=": AT_LEAST, "≥": AT_LEAST, ">": MORE_THAN, "~": ABOUT}[match["prefix"]]
    return Count(kind, value)


@dataclass(frozen=True, slots=True)
class Total:
    """The sum of several counts: a range, and whether any part was approximate."""

    low: int
    high: float
    approximate: bool
    parts: int

    @classmethod
    def of(cls, counts: list[Count]) -> Total:
        low = sum(count.bounds[0] for count in counts)
        high = sum(count.bounds[1] for count in counts)
        return cls(low, high, any(count.kind == ABOUT for count in counts), len(counts))

    def format(self, locale: Locale) -> str:
        number = format_decimal(self.low, locale=locale)
        if self.low == 0 and self.high == math.inf:
            return _("unknown")
        if self.high == math.inf:
            if self.approximate:
                return _("at least about {number}").format(number=number)
            return _("at least {number}").format(number=number)
        if self.approximate:
            return _("about {number}").format(number=number)
        return number

    def contradicts(self, reported: Count, tolerance: float) -> bool:
        """Whether *reported* lies outside what the parts allow.

        Approximate figures on either side are given *tolerance* (a share of the
        value) before they count as a contradiction.
        """
        if reported.kind == UNKNOWN or self.parts == 0:
            return False
        low, high = reported.bounds
        slack = tolerance if (reported.kind == ABOUT or self.approximate) else 0.0
        low, high = low * (1 - slack), high * (1 + slack)
        return high < self.low or low > self.high

    def as_data(self) -> dict:
        return {
            "at_least": self.low,
            "at_most": None if self.high == math.inf else int(self.high),
            "approximate": self.approximate,
        }
