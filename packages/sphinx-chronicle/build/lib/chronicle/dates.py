"""EDTF dates: parsing into plain bounds, and formatting at their own precision.

Parsing is done by the ``edtf`` package (Library of Congress Extended Date/Time Format);
this module only turns its objects into a small picklable record and refuses what a
chronology cannot place (unknown bounds, intervals that end before they start).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from babel import Locale
from babel.dates import format_date, format_skeleton
from edtf import parse_edtf
from edtf.parser.edtf_exceptions import EDTFParseException
from edtf.parser.parser_classes import Date, Interval, UncertainOrApproximate, Unspecified
from sphinx.locale import get_translation

_ = get_translation("chronicle")

PRECISIONS = ("year", "month", "day")


class DateError(ValueError):
    """A date that is not EDTF, or not one a chronology can place."""


@dataclass(frozen=True, slots=True)
class EventDate:
    """A parsed EDTF date: its text, its bounds and how precisely it is known."""

    edtf: str
    lower: dt.date
    upper: dt.date
    precision: str
    approximate: bool = False
    uncertain: bool = False
    #: For an interval, the precision of its end (``precision`` is its start's).
    end_precision: str | None = None

    @property
    def is_interval(self) -> bool:
        return self.end_precision is not None


Point = tuple[dt.date, dt.date, str, bool, bool]  # lower, upper, precision, approximate, uncertain


def _unspecified(obj: Unspecified) -> Point:
    """2018-XX is the year 2018, 2018-04-XX the month: read at the precision written.

    Partly unspecified digits (201X, 2018-1X) have no precision a reader can be told."""
    year, *rest = str(obj).split("-")
    if "X" in year or any("X" in part and part != "XX" for part in rest):
        raise DateError(f"{str(obj)!r} has partly unspecified digits; write the year or month "
                        "that is known (2018, 2018-04), or an interval")
    month = rest[0] if rest and rest[0] != "XX" else None
    if month is None:
        return dt.date(int(year), 1, 1), dt.date(int(year), 12, 31), "year", False, False
    last = calendar.monthrange(int(year), int(month))[1]
    return (dt.date(int(year), int(month), 1), dt.date(int(year), int(month), last), "month",
            False, False)


def _point(obj) -> Point:
    approximate = uncertain = False
    if isinstance(obj, Unspecified):
        return _unspecified(obj)
    if isinstance(obj, UncertainOrApproximate):
        both = obj.is_uncertain_and_approximate
        approximate, uncertain = obj.is_approximate or both, obj.is_uncertain or both
        obj = obj.date
    if not isinstance(obj, Date) or obj.precision not in PRECISIONS:
        raise DateError("only calendar dates, months, years and intervals of them are supported")
    lower, upper = obj.lower_strict(), obj.upper_strict()
    return (
        dt.date(*lower[:3]),
        dt.date(*upper[:3]),
        obj.precision,
        approximate,
        uncertain,
    )


def _interval(text: str, start: Point, end: Point) -> EventDate:
    return EventDate(
        edtf=text,
        lower=start[0],
        upper=end[1],
        precision=start[2],
        approximate=start[3] or end[3],
        uncertain=start[4] or end[4],
        end_precision=end[2],
    )


#: A year, month or day, with at most a qualifier for the whole of it: ~ (approximate),
#: ? (uncertain) or % (both). ASCII digits only, as in EDTF.
_PLAIN_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?([~?%]?)")


def _plain_point(text: str) -> Point | None:
    """What :func:`_point` gives for the EDTF reading of *text*, or None if not plain."""
    match = _PLAIN_DATE.fullmatch(text)
    if match is None:
        return None
    year, month, day = (int(part) if part else None for part in match.groups()[:3])
    qualifier = match[4]
    approximate, uncertain = qualifier in ("~", "%"), qualifier in ("?", "%")
    try:
        if day is not None:
            lower = upper = dt.date(year, month, day)
            precision = "day"
        elif month is not None:
            last = calendar.monthrange(year, month)[1]
            lower, upper, precision = dt.date(year, month, 1), dt.date(year, month, last), "month"
        else:
            lower, upper, precision = dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    except ValueError:
        return None
    return lower, upper, precision, approximate, uncertain


def _plain_date(text: str) -> EventDate | None:
    """A plain date or interval of them, read without EDTF's grammar; None for the rest.

    Most dates of a chronology look like 2018-04-03 or 2018-03~, and the EDTF grammar
    takes about 7 ms to read each one (most of a build's time at 5,000 events). The
    result is the same as the EDTF reading (the tests compare them); anything else, and
    every error, goes through ``parse_edtf``.
    """
    points = [_plain_point(part) for part in text.split("/")]
    if len(points) > 2 or None in points:
        return None
    if len(points) == 1:
        return EventDate(text, *points[0])
    start, end = points
    if end[1] < start[0]:
        return None
    return _interval(text, start, end)


def parse_date(text: str) -> EventDate:
    """Parse *text* as EDTF; raise :class:`DateError` with a reader-facing reason."""
    text = (text or "").strip()
    if not text:
        raise DateError("a date is required")
    plain = _plain_date(text)
    if plain is not None:
        return plain
    try:
        parsed = parse_edtf(text)
    # The grammar's own classes fail with AttributeError or TypeError on some level-2 forms
    # (2018-1X); those are not dates a chronology can use either.
    except (EDTFParseException, ValueError, OverflowError, AttributeError, TypeError,
            KeyError, IndexError) as exc:
        raise DateError(f"{text!r} is not an EDTF date (e.g. 2018-04-03, 2018-04, 2018-03~)") from exc
    try:
        if isinstance(parsed, Interval):
            start, end = _point(parsed.lower), _point(parsed.upper)
            if end[1] < start[0]:
                raise DateError(f"the interval {text!r} ends before it starts")
            return _interval(text, start, end)
        lower, upper, precision, approximate, uncertain = _point(parsed)
    except (AttributeError, TypeError, ValueError, OverflowError) as exc:
        if isinstance(exc, DateError):
            raise
        raise DateError(f"{text!r} cannot be placed in a chronology") from exc
    # A qualifier on a part of the date (2018?-04, ?2018-04-03, 2018-04-~03, %2018) makes
    # the date as a whole uncertain or approximate: said so, not shown as certain.
    approximate = approximate or "~" in text or "%" in text
    uncertain = uncertain or "?" in text or "%" in text
    return EventDate(text, lower, upper, precision, approximate, uncertain)


@functools.lru_cache(maxsize=None)
def babel_locale(language: str | None) -> Locale:
    """The Babel locale for a Sphinx language; English dates read day-month-year.

    Cached: every directive asks, and there are only ever a few languages."""
    language = (language or "en").replace("-", "_")
    if language == "en":
        language = "en_GB"
    try:
        return Locale.parse(language)
    except (ValueError, LookupError):
        return Locale.parse("en_GB")


def format_point(day: dt.date, precision: str, locale: Locale) -> str:
    if precision == "day":
        return format_date(day, "long", locale=locale)
    if precision == "month":
        return format_skeleton("yMMMM", day, locale=locale)
    return format_skeleton("y", day, locale=locale)


def _format_interval(date: EventDate, locale: Locale) -> str:
    start, end = date.lower, date.upper
    if date.precision == date.end_precision == "day" and start.year == end.year:
        tail = format_date(end, "long", locale=locale)
        if start.month == end.month:
            head = format_skeleton("d", start, locale=locale)
            return _("{start}–{end}").format(start=head, end=tail)
        head = format_skeleton("MMMMd", start, locale=locale)
        return _("{start} – {end}").format(start=head, end=tail)
    return _("{start} – {end}").format(
        start=format_point(start, date.precision, locale),
        end=format_point(end, date.end_precision or date.precision, locale),
    )


def format_event_date(date: EventDate, locale: Locale) -> str:
    """Say *date* as a reader would: "3 April 2018", "about March 2018", "17–25 April 2018"."""
    text = (
        _format_interval(date, locale)
        if date.is_interval
        else format_point(date.lower, date.precision, locale)
    )
    if date.approximate and date.uncertain:
        return _("perhaps about {date}").format(date=text)
    if date.approximate:
        return _("about {date}").format(date=text)
    if date.uncertain:
        return _("{date} (uncertain)").format(date=text)
    return text
