"""Small builders for the case-register tests (cases, meetings, history, demo)."""

from __future__ import annotations

from datetime import date, datetime, time

from drieluik.services import cases
from drieluik.services.cases import CaseInput
from drieluik.store.vault import Vault


def case_input(datum: str = "2024-01-10", **fields: str) -> CaseInput:
    raw: dict[str, str | None] = {
        "datum": datum,
        "gemeente": "Assen",
        "vorm": "arbeid",
        "melder": "Veilig Thuis Drenthe",
        "omschrijving": "Een arbeidsmigrant werkt lange dagen zonder loonstrook.",
    }
    raw.update(fields)
    return cases.require_valid(raw)


def add_cases(vault: Vault, *dates: str, **fields: str) -> list[str]:
    """One case per signal date, in one call; returns the codes in that order."""
    return cases.create_cases(vault, [case_input(d, **fields) for d in dates])


def at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    """A local moment on `day`, for `clock_at`."""
    return datetime.combine(day, time(hour, minute)).astimezone()
