"""EDTF dates: parsing into plain bounds, and formatting at their own precision.

Parsing is done by the ``edtf`` package (Library of Congress Extended Date/Time Format);
this module only turns its objects into a small picklable record and refuses what a
chronology cannot place (unknown bounds, intervals that end before they start).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from babel import Locale
from babel.dates import format_date, format_skeleton
from edtf import parse_edtf
from edtf.parser.edtf_exceptions import EDTFParseException
from edtf.parser.parser_classes import Date, Interval, UncertainOrApproximate
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

    def sort_key(self) -> tuple[dt.date, dt.date]:
        return (self.lower, self.upper)


def _point(obj) -> tuple[dt.date, dt.date, str, bool, bool]:
    approximate = uncertain = False
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


def parse_date(text: str) -> EventDate:
    """Parse *text* as EDTF; raise :class:`DateError` with a reader-facing reason."""
    text = (text or "").strip()
    if not text:
        raise DateError("a date is required")
    try:
        parsed = parse_edtf(text)
    except (EDTFParseException, ValueError, OverflowError) as exc:
        raise DateError(f"{text!r} is not an EDTF date (e.g. 2018-04-03, 2018-04, 2018-03~)") from exc
    try:
        if isinstance(parsed, Interval):
            start, end = _point(parsed.lower), _point(parsed.upper)
            if end[1] < start[0]:
                raise DateError(f"the interval {text!r} ends before it starts")
            return EventDate(
                edtf=text,
                lower=start[0],
                upper=end[1],
                precision=start[2],
                approximate=start[3] or end[3],
                uncertain=start[4] or end[4],
                end_precision=end[2],
            )
        lower, upper, precision, approximate, uncertain = _point(parsed)
    except (AttributeError, TypeError, ValueError, OverflowError) as exc:
        if isinstance(exc, DateError):
            raise
        raise DateError(f"{text!r} cannot be placed in a chronology") from exc
    return EventDate(text, lower, upper, precision, approximate, uncertain)


def babel_locale(language: str | None) -> Locale:
    """The Babel locale for a Sphinx language; English dates read day-month-year."""
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
