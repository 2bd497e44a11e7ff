"""EDTF dates with unspecified digits or qualified parts are shown at the precision written
and with their uncertainty, or refused with a reason (hardening.md M5)."""

from __future__ import annotations

import pytest

from chronicle.dates import DateError, babel_locale, format_event_date, parse_date

EN = babel_locale("en")


@pytest.mark.parametrize(("text", "shown", "approximate", "uncertain"), [
    ("2018-XX", "2018", False, False),
    ("2018-04-XX", "April 2018", False, False),
    # A day of an unknown month: only the year is known.
    ("2018-XX-03", "2018", False, False),
    ("2018?-04", "April 2018 (uncertain)", False, True),
    ("?2018-04-03", "3 April 2018 (uncertain)", False, True),
    ("2018-04-?03", "3 April 2018 (uncertain)", False, True),
    ("2018-04-~03", "about 3 April 2018", True, False),
    ("%2018", "perhaps about 2018", True, True),
])
def test_shown_at_its_precision_with_its_uncertainty(text, shown, approximate, uncertain):
    date = parse_date(text)
    assert format_event_date(date, EN) == shown
    assert (date.approximate, date.uncertain) == (approximate, uncertain)


@pytest.mark.parametrize("text", ["201X", "2018-1X", "20XX-04"])
def test_partly_unspecified_digits_are_refused(text):
    with pytest.raises(DateError):
        parse_date(text)
