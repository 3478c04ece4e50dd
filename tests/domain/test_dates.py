"""Dates as chairs type them, and the one way they are shown."""

from __future__ import annotations

from datetime import date

import pytest

from drieluik.domain.dates import (
    check_not_past,
    format_date,
    format_date_long,
    parse_date,
    parse_due_date,
)
from drieluik.errors import InvalidInput

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("16-12", date(2026, 12, 16)),
        ("16-12.", date(2026, 12, 16)),
        ("16/12", date(2026, 12, 16)),
        ("16.12", date(2026, 12, 16)),
        (" 2-12 ", date(2026, 12, 2)),  # today itself
        ("1-12", date(2027, 12, 1)),  # yesterday's day: next year
        ("15-01", date(2027, 1, 15)),
        ("29-02", date(2028, 2, 29)),  # the next leap year
        ("31-04", None),
        ("2026-12-20", date(2026, 12, 20)),  # ISO still accepted
        ("20-12-2026", date(2026, 12, 20)),
        ("1-11-2026", date(2026, 11, 1)),  # a full date is taken as typed (refused later)
        ("", None),
        ("morgen", None),
    ],
)
def test_a_due_date_without_a_year_is_the_next_such_day(typed, expected) -> None:
    assert parse_due_date(typed, TODAY) == expected


def test_a_signal_date_never_gets_a_guessed_year() -> None:
    assert parse_date("16-12") is None


def test_one_display_style_short_and_long(monkeypatch) -> None:
    assert format_date(date(2026, 12, 16)) == "16-12-2026"
    assert format_date(date(2027, 1, 5)) == "05-01-2027"
    assert format_date(None) == ""
    assert format_date_long(date(2026, 12, 16)) == "16 december 2026"
    monkeypatch.setenv("DRIELUIK_LANG", "en")
    assert format_date_long(date(2026, 12, 16)) == "16 December 2026"


def test_a_date_in_the_past_is_refused_with_a_clear_message(monkeypatch) -> None:
    check_not_past(TODAY, TODAY)
    check_not_past(None, TODAY)
    with pytest.raises(InvalidInput) as caught:
        check_not_past(date(2026, 11, 1), TODAY)
    assert caught.value.key == "date.in_past"
    assert "01-11-2026" in caught.value.message and "verleden" in caught.value.message
    monkeypatch.setenv("DRIELUIK_LANG", "en")
    with pytest.raises(InvalidInput) as english:
        check_not_past(date(2026, 11, 1), TODAY)
    assert "in the past" in english.value.message
