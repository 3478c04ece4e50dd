"""`meeting new` after an import of 50,000 new cases: the proposal is bounded (the
oldest MAX_NEW_SIGNALS_PROPOSED new signals), said so in one line, and fast."""

from __future__ import annotations

import time
from datetime import date, timedelta

from drieluik.domain.vocabulary import (
    AgendaReason,
    CaseStatus,
    ExploitationForm,
)
from drieluik.i18n import set_language
from drieluik.services import cases, meetings
from drieluik.services.cases import CaseInput
from drieluik.services.types import CaseFilter

MEETING = date(2024, 6, 3)


def _inputs(n: int) -> list[CaseInput]:
    start = date(2004, 1, 1)
    return [
        CaseInput(
            signal_date=start + timedelta(days=i % 7300),
            reporter="KMar",
            municipality="Emmen",
            form=ExploitationForm.ARBEID,
            summary=f"Signaal {i} over een uitzendbureau.",
        )
        for i in range(n)
    ]


def test_fifty_thousand_new_signals_make_a_bounded_agenda_quickly(new_vault) -> None:
    cases.create_cases(new_vault, _inputs(50_000), action="case.import")
    note = meetings.proposal_note(new_vault, MEETING)
    assert note == (
        "50.000 nieuwe signalen; de eerste 60 (oudste eerst) staan op de agenda, "
        "de rest volgt bij de volgende overleggen."
    )
    set_language("en")
    assert meetings.proposal_note(new_vault, MEETING).startswith("50,000 new signals")
    set_language(None)

    start = time.perf_counter()
    meeting = meetings.create_meeting(new_vault, MEETING)
    seconds = time.perf_counter() - start
    assert len(meeting.items) == meetings.MAX_NEW_SIGNALS_PROPOSED == 60
    assert {item.reason for item in meeting.items} == {AgendaReason.NIEUW_SIGNAAL}
    dates = [item.case.signal_date for item in meeting.items]
    assert dates == sorted(dates) and dates[0] == date(2004, 1, 1)  # the oldest first
    assert seconds < 10, seconds  # was > 12 minutes: one lookup and flush per case

    geagendeerd = cases.count_cases(new_vault, CaseFilter(status=CaseStatus.GEAGENDEERD))
    assert geagendeerd == 60
    # The next meeting proposes the next 60; the note counts what is left.
    later = meetings.propose_agenda(new_vault, MEETING + timedelta(days=14))
    assert len([p for p in later if p.reason is AgendaReason.NIEUW_SIGNAAL]) == 60
    assert meetings.proposal_note(new_vault, MEETING + timedelta(days=14)).startswith("49.940")


def test_a_small_register_is_proposed_whole_without_a_note(new_vault) -> None:
    cases.create_cases(new_vault, _inputs(12))
    assert meetings.proposal_note(new_vault, MEETING) is None
    assert len(meetings.create_meeting(new_vault, MEETING).items) == 12
