"""Anonymised minutes (issue 8): one model, a personal-data guard, three renderers.

build_minutes(vault, meeting)      -> Minutes          (build.py)
scan_minutes(minutes, allow)       -> [MinutesFinding] (guard.py)
export_minutes(vault, meeting, fmt, out, redact=, per_partner=, force=)
                                   -> ExportResult     (export.py)
"""

from drieluik.services.minutes.build import build_minutes
from drieluik.services.minutes.export import (
    ExportResult,
    MinutesBlocked,
    MinutesFormat,
    export_minutes,
)
from drieluik.services.minutes.guard import MinutesFinding, redact_minutes, scan_minutes
from drieluik.services.minutes.model import Minutes

__all__ = [
    "ExportResult",
    "Minutes",
    "MinutesBlocked",
    "MinutesFinding",
    "MinutesFormat",
    "build_minutes",
    "export_minutes",
    "redact_minutes",
    "scan_minutes",
]
