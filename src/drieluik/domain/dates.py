"""Dates as chairs type them: 2024-03-14, 14-03-2024, 14-3-2024, 14/3/2024.

Shown one way: 14-03-2024 (`format_date`), or 14 maart 2024 in prose
(`format_date_long`). ISO stays accepted on input and is what JSON carries.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from drieluik.errors import InvalidInput
from drieluik.i18n import t

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DUTCH = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_NO_YEAR = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.]?$")

# The years a signal or a report can be about: a case code carries a
# four-digit year (DL-2024-017), and the year after MAX_YEAR must be a date.
MIN_YEAR = 1900
MAX_YEAR = 9998


def check_year(year: int) -> int:
    """`year` if it is within MIN_YEAR..MAX_YEAR, else InvalidInput."""
    if not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        raise InvalidInput("report.year_invalid", year=year, low=MIN_YEAR, high=MAX_YEAR)
    return year


def parse_date(text: str | date | datetime | None) -> date | None:
    """Parse a date; None when empty or not a valid date."""
    if text is None:
        return None
    if isinstance(text, datetime):
        return text.date()
    if isinstance(text, date):
        return text
    value = text.strip()
    if not value:
        return None
    # Spreadsheets sometimes hand over "2024-03-14 00:00:00".
    value = value.split(" ")[0].split("T")[0]
    if match := _ISO.match(value):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DUTCH.match(value):
        day, month, year = (int(g) for g in match.groups())
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def local(moment: datetime) -> datetime:
    """A stored (UTC) moment in the laptop's local time, for display."""
    return moment.astimezone() if moment.tzinfo else moment


def format_moment(moment: datetime | None) -> str:
    return local(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def parse_due_date(text: str | date | datetime | None, today: date | None = None) -> date | None:
    """As `parse_date`, and a date without a year ("16-12", "16-12.", "16/12")
    is the next such date on or after `today`. For dates ahead (due, review);
    a signal date never gets a guessed year."""
    if isinstance(text, str) and (match := _NO_YEAR.match(text.strip())):
        day, month = (int(g) for g in match.groups())
        today = today or date.today()
        for year in range(today.year, today.year + 9):  # 29-02 waits for a leap year
            try:
                candidate = date(year, month, day)
            except ValueError:
                continue
            if candidate >= today:
                return candidate
        return None
    return parse_date(text)


def check_not_past(day: date | None, today: date, *, meeting: date | None = None) -> None:
    """InvalidInput when `day` lies before `today` (a due or review date).

    Agreed in a meeting, the reference is the meeting's date (`meeting`), and
    the message names the meeting rather than calling its date "today".
    """
    reference = meeting or today
    if day is None or day >= reference:
        return
    if meeting is not None and meeting != today:
        raise InvalidInput(
            "date.before_meeting", date=format_date(day), meeting=format_date(meeting)
        )
    raise InvalidInput("date.in_past", date=format_date(day), today=format_date(today))


def format_date(day: date | None) -> str:
    """16-12-2026, the one way dates are shown ("" for none)."""
    return day.strftime("%d-%m-%Y") if day else ""


def format_date_time(moment: datetime | None) -> str:
    """16-12-2026 14:30 in local time, for moments people read (history lines)."""
    return local(moment).strftime("%d-%m-%Y %H:%M") if moment else ""


def format_date_long(day: date) -> str:
    """16 december 2026 (English: 16 December 2026), for prose."""
    return f"{day.day} {t(f'minutes.month.{day.month}')} {day.year}"
