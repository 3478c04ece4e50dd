"""Dates as chairs type them: 2024-03-14, 14-03-2024, 14-3-2024, 14/3/2024."""

from __future__ import annotations

import re
from datetime import date, datetime

from drieluik.errors import InvalidInput

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DUTCH = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")

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
