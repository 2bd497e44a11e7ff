"""Property tests of the two parsers every record goes through: EDTF dates and counts."""

from __future__ import annotations

import calendar
import datetime as dt
import math

import pytest
from chronicle.counts import CountError, Total, parse_count
from chronicle.dates import DateError, babel_locale, format_event_date, parse_date
from edtf import parse_edtf
from hypothesis import example, given, settings
from hypothesis import strategies as st

#: No deadline: the first EDTF parse builds its grammar, which is slow once.
thorough = settings(deadline=None, max_examples=150)

days = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2999, 12, 31))
LOCALES = [babel_locale("en"), babel_locale("es")]


def last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@thorough
@given(days)
def test_day_round_trips(day):
    date = parse_date(day.isoformat())
    assert (date.lower, date.upper, date.precision) == (day, day, "day")
    assert not (date.approximate or date.uncertain or date.is_interval)


@thorough
@given(days)
def test_month_covers_the_whole_month(day):
    date = parse_date(f"{day:%Y-%m}")
    assert (date.lower, date.upper, date.precision) == (
        day.replace(day=1),
        last_day(day.year, day.month),
        "month",
    )


@thorough
@given(days)
def test_year_covers_the_whole_year(day):
    date = parse_date(f"{day:%Y}")
    assert (date.lower, date.upper, date.precision) == (
        dt.date(day.year, 1, 1),
        dt.date(day.year, 12, 31),
        "year",
    )


@thorough
@given(days, st.sampled_from(["~", "?", "%"]), st.sampled_from(["%Y-%m-%d", "%Y-%m", "%Y"]))
def test_qualifiers_keep_the_bounds_and_say_so(day, qualifier, form):
    plain = parse_date(day.strftime(form))
    qualified = parse_date(day.strftime(form) + qualifier)
    assert (qualified.lower, qualified.upper, qualified.precision) == (
        plain.lower,
        plain.upper,
        plain.precision,
    )
    assert qualified.approximate == (qualifier in "~%")
    assert qualified.uncertain == (qualifier in "?%")


@thorough
@given(days, days)
def test_interval_bounds_or_refused_when_backwards(first, second):
    text = f"{first.isoformat()}/{second.isoformat()}"
    if second < first:
        with pytest.raises(DateError):
            parse_date(text)
        return
    date = parse_date(text)
    assert (date.lower, date.upper, date.precision, date.end_precision) == (
        first,
        second,
        "day",
        "day",
    )
    assert date.is_interval


FORMS = ["%Y-%m-%d", "%Y-%m", "%Y"]
points = st.tuples(days, st.sampled_from(FORMS)).map(lambda pair: pair[0].strftime(pair[1]))


@thorough
@given(st.one_of(points, st.tuples(points, points).map("/".join)))
def test_bounds_agree_with_the_edtf_library(text):
    expected = parse_edtf(text)
    lower, upper = dt.date(*expected.lower_strict()[:3]), dt.date(*expected.upper_strict()[:3])
    if upper < lower:  # the library reads it; a chronology cannot place it
        with pytest.raises(DateError):
            parse_date(text)
        return
    date = parse_date(text)
    assert (date.lower, date.upper) == (lower, upper)


@thorough
@given(
    st.one_of(
        days.map(dt.date.isoformat),
        days.map(lambda d: f"{d:%Y-%m}~"),
        st.tuples(days, days).map(lambda pair: "/".join(sorted(d.isoformat() for d in pair))),
    ),
    st.sampled_from(LOCALES),
)
def test_every_parsed_date_can_be_said(text, locale):
    assert format_event_date(parse_date(text), locale)


@thorough
@given(st.text())
@example("2018-13-45")
@example("2018-02-30")
@example("2018-04-25/2018-04-17")
@example("../2018")
@example("2018/..")
@example("2018-21")  # EDTF season
@example("Y170000002")
@example("2018-04-03T10:00:00")
@example("-0044-03-15")
@example("1XXX")
@example("[2018, 2019]")
@example("\x00")
def test_any_text_is_a_date_or_a_date_error(text):
    try:
        date = parse_date(text)
    except DateError:
        return
    assert date.lower <= date.upper
    assert date.precision in ("year", "month", "day")


counts = st.integers(min_value=0, max_value=10**9)


@thorough
@given(counts, st.booleans())
def test_exact_count_round_trips(number, grouped):
    count = parse_count(f"{number:,}" if grouped else str(number))
    assert (count.kind, count.value, count.bounds) == ("exact", number, (number, number))


@thorough
@given(counts, st.sampled_from([">=", "≥", ">= "]))
def test_lower_bound_round_trips(number, prefix):
    count = parse_count(f"{prefix}{number:,}")
    assert (count.kind, count.value, count.bounds) == ("at-least", number, (number, math.inf))


@thorough
@given(counts, st.sampled_from([">", "> "]))
def test_strict_lower_bound_is_more_than_the_number(number, prefix):
    # "More than 30 buses": 30 itself is excluded, so the least the source allows is 31.
    count = parse_count(f"{prefix}{number:,}")
    assert (count.kind, count.value, count.bounds) == ("more-than", number, (number + 1, math.inf))


@thorough
@given(counts)
def test_approximation_round_trips(number):
    count = parse_count(f"~{number}")
    assert (count.kind, count.value) == ("about", number)


@thorough
@given(st.sampled_from(["unknown", "Unknown", " UNKNOWN "]))
def test_unknown(text):
    assert parse_count(text).bounds == (0, math.inf)


@thorough
@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["", ">=", ">", "~"]))
def test_negative_counts_are_refused(number, prefix):
    with pytest.raises(CountError):
        parse_count(f"{prefix}-{number}")


@thorough
@given(st.one_of(st.text(), st.integers(), st.none()))
@example("1,50")
@example("2,500.5")
@example("many")
@example(">=")
@example("٣٠")  # Arabic-Indic digits are not the syntax
def test_any_input_is_a_count_or_a_count_error(value):
    try:
        count = parse_count(value)
    except CountError:
        return
    low, high = count.bounds
    assert 0 <= low <= high


@thorough
@given(
    st.lists(st.tuples(st.sampled_from(["", ">=", "~", "unknown"]), counts), min_size=1, max_size=6)
)
def test_a_total_allows_exactly_what_its_parts_allow(parts):
    parsed = [
        parse_count("unknown" if prefix == "unknown" else f"{prefix}{number}")
        for prefix, number in parts
    ]
    total = Total.of(parsed)
    assert total.low == sum(count.bounds[0] for count in parsed) <= total.high
    assert not total.contradicts(parse_count(str(total.low)), tolerance=0.0)
    assert not total.contradicts(parse_count(f">={total.low}"), tolerance=0.0)
    assert not total.contradicts(parse_count("unknown"), tolerance=0.0)
    if total.high != math.inf:
        assert not total.contradicts(parse_count(str(int(total.high))), tolerance=0.0)
        assert total.contradicts(parse_count(str(int(total.high) + 1)), tolerance=0.0)
    if total.low > 0:
        assert total.contradicts(parse_count(str(total.low - 1)), tolerance=0.0)
