"""Issue 11: meeting states, reopening, dates in the future, time-boxes, doorschuiven, undo."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlmodel import select

from drieluik.domain.vocabulary import (
    AgendaReason,
    CaseStatus,
    DecisionKind,
    EventKind,
    MeetingState,
)
from drieluik.errors import InvalidInput
from drieluik.i18n import set_language
from drieluik.services import audit, cases, history, meetings, vault_settings
from drieluik.services.minutes import build_minutes
from drieluik.store.models import AuditEntry, CaseEvent, clock_at
from drieluik.store.vault import Vault
from tests.services.register_helpers import add_cases, at

MEETING = date(2024, 3, 14)


def _events(vault: Vault, code: str) -> list[tuple[str, str]]:
    return [(e.kind.value, e.detail) for e in history.case_history(vault, code)]


def _audit_actions(vault: Vault) -> list[str]:
    with vault.session() as session:
        return [e.action for e in session.exec(select(AuditEntry).order_by(AuditEntry.id))]


# --- states ------------------------------------------------------------------------


def test_a_meeting_goes_gepland_bezig_afgerond_heropend(new_vault: Vault) -> None:
    (code,) = add_cases(new_vault, "2024-03-01")
    meeting = meetings.create_meeting(new_vault, MEETING)
    assert meeting.state is MeetingState.GEPLAND
    assert meetings.start_meeting(new_vault, MEETING).state is MeetingState.BEZIG
    meetings.finish_meeting(new_vault, MEETING)
    assert meetings.get_meeting(new_vault, MEETING).state is MeetingState.AFGEROND
    reopened = meetings.reopen_meeting(new_vault, MEETING, "Besluit vergeten")
    assert reopened.state is MeetingState.HEROPEND and not reopened.finished
    meetings.finish_meeting(new_vault, MEETING)
    assert meetings.get_meeting(new_vault, MEETING).state is MeetingState.AFGEROND
    assert [s.state for s in meetings.meeting_summaries(new_vault)] == [MeetingState.AFGEROND]
    assert code


def test_state_labels_are_dutch_and_english() -> None:
    assert [s.label for s in MeetingState] == ["gepland", "bezig", "afgerond", "heropend"]
    set_language("en")
    try:
        assert [s.label for s in MeetingState] == ["planned", "in progress", "closed", "reopened"]
    finally:
        set_language(None)


# --- reopening ---------------------------------------------------------------------


def test_reopening_needs_a_reason_and_is_in_audit_and_every_case_history(
    new_vault: Vault,
) -> None:
    a, b = add_cases(new_vault, "2024-03-01", "2024-03-02")
    meetings.create_meeting(new_vault, MEETING)
    with pytest.raises(InvalidInput) as caught:
        meetings.reopen_meeting(new_vault, MEETING, "reden")
    assert caught.value.key == "meeting.not_finished"
    meetings.finish_meeting(new_vault, MEETING)
    for empty in ("", "   \n "):
        with pytest.raises(InvalidInput) as caught:
            meetings.reopen_meeting(new_vault, MEETING, empty)
        assert caught.value.key == "meeting.reason_required"
    with pytest.raises(InvalidInput) as caught:
        meetings.reopen_meeting(new_vault, MEETING, "Jan de Vries belde 06-12345678")
    assert caught.value.key == "guard.confirm"
    assert meetings.get_meeting(new_vault, MEETING).finished  # refused: nothing changed
    meetings.reopen_meeting(new_vault, MEETING, "Besluit over punt 2 vergeten")
    for code in (a, b):
        assert any(
            kind == "overleg heropend"
            and "14-03-2024" in detail
            and "Besluit over punt 2 vergeten" in detail
            for kind, detail in _events(new_vault, code)
        )
    assert _audit_actions(new_vault).count("meeting.reopen") == 1
    assert audit.verify_chain(new_vault).ok
    with new_vault.session() as session:  # facts are stored, no sentence
        rows = session.exec(select(CaseEvent).where(CaseEvent.kind == "overleg heropend")).all()
    assert [(r.detail, json.loads(r.params)) for r in rows] == [
        ("", {"meeting_date": "2024-03-14", "reason": "Besluit over punt 2 vergeten"})
    ] * 2


def test_a_reopened_meeting_can_be_changed_and_closed_again(new_vault: Vault) -> None:
    add_cases(new_vault, "2024-03-01")
    meeting = meetings.create_meeting(new_vault, MEETING)
    meetings.finish_meeting(new_vault, MEETING)
    with pytest.raises(InvalidInput):
        meetings.set_planned_minutes(new_vault, meeting.items[0].id, 3)
    meetings.reopen_meeting(new_vault, MEETING, "Alsnog bespreken")
    meetings.set_planned_minutes(new_vault, meeting.items[0].id, 3)
    meetings.add_decision(new_vault, meeting.items[0].id, DecisionKind.ADVIES_AAN_MELDER, "Ok")
    meetings.mark_discussed(new_vault, meeting.items[0].id)
    assert meetings.finish_meeting(new_vault, MEETING) == 0
    assert meetings.get_meeting(new_vault, MEETING).items[0].discussed


# --- dates in the future (observation 8) -------------------------------------------


def test_starting_or_closing_a_meeting_in_the_future_needs_a_confirmation(
    new_vault: Vault,
) -> None:
    add_cases(new_vault, "2024-03-01")
    with clock_at(at(date(2024, 3, 7))):
        meeting = meetings.create_meeting(new_vault, MEETING)
        assert meeting.is_future(date(2024, 3, 7)) and not meeting.is_future(MEETING)
        with pytest.raises(InvalidInput) as caught:
            meetings.start_meeting(new_vault, MEETING)
        assert caught.value.key == "meeting.future_start"
        assert "2024-03-14" in caught.value.message
        assert meetings.get_meeting(new_vault, MEETING).state is MeetingState.GEPLAND
        with pytest.raises(InvalidInput) as caught:
            meetings.finish_meeting(new_vault, MEETING)
        assert caught.value.key == "meeting.future_finish"
        meetings.start_meeting(new_vault, MEETING, allow_future=True)
        meetings.finish_meeting(new_vault, MEETING, allow_future=True)
    assert meetings.get_meeting(new_vault, MEETING).finished
    # on the day itself no confirmation is needed
    add_cases(new_vault, "2024-04-01")
    meetings.create_meeting(new_vault, date(2024, 4, 11))
    meetings.start_meeting(new_vault, date(2024, 4, 11), today=date(2024, 4, 11))


def test_the_proposed_date_skips_dates_that_have_a_meeting(new_vault: Vault) -> None:
    today = date(2026, 12, 2)
    assert meetings.proposal_date(new_vault, today) == date(2026, 12, 9)
    meetings.create_meeting(new_vault, date(2026, 12, 9), propose=False)
    with clock_at(at(date(2026, 12, 9))):
        meetings.finish_meeting(new_vault, date(2026, 12, 9))
    assert meetings.proposal_date(new_vault, today) == date(2026, 12, 16)


# --- time-box ----------------------------------------------------------------------


def test_items_get_a_time_box_by_reason_which_a_setting_and_preparation_change(
    new_vault: Vault,
) -> None:
    new, other = add_cases(new_vault, "2024-03-01", "2024-03-02")
    vault_settings.put(new_vault, vault_settings.PLANNED_MINUTES[AgendaReason.NIEUW_SIGNAAL], 12)
    meeting = meetings.create_meeting(new_vault, MEETING, propose=False)
    meeting = meetings.add_item(new_vault, meeting.id, new, AgendaReason.NIEUW_SIGNAAL)
    meeting = meetings.add_item(new_vault, meeting.id, other, AgendaReason.ACTIE_VERLOPEN)
    assert [i.planned_seconds for i in meeting.items] == [720, 300]
    meeting = meetings.set_planned_minutes(new_vault, meeting.items[1].id, 8)
    assert [i.planned_seconds for i in meeting.items] == [720, 480]
    meetings.record_time(new_vault, meeting.items[0].id, 90)
    meeting = meetings.get_meeting(new_vault, MEETING)
    assert (meeting.planned_seconds, meeting.seconds_spent) == (1200, 90)
    for wrong in (0, -5, 241):
        with pytest.raises(InvalidInput):
            meetings.set_planned_minutes(new_vault, meeting.items[0].id, wrong)


# --- doorschuiven during the meeting -----------------------------------------------


def test_carry_over_during_the_meeting_and_undo(new_vault: Vault) -> None:
    a, b = add_cases(new_vault, "2024-03-01", "2024-03-02")
    meeting = meetings.create_meeting(new_vault, MEETING)
    meetings.start_meeting(new_vault, MEETING)
    first, second = (i.id for i in meeting.items)
    with pytest.raises(InvalidInput):
        meetings.carry_over_item(new_vault, first, " ")
    after = meetings.carry_over_item(new_vault, first, "Melder niet aanwezig")
    assert after.items[0].carried_over and not after.items[0].discussed
    assert any(
        kind == "doorgeschoven" and "Melder niet aanwezig" in detail
        for kind, detail in _events(new_vault, a)
    )
    meetings.undo_carry_over(new_vault, first)
    assert not meetings.get_meeting(new_vault, MEETING).items[0].carried_over
    assert EventKind.DOORSCHUIVEN_ONGEDAAN.value in [k for k, _ in _events(new_vault, a)]
    with pytest.raises(InvalidInput):
        meetings.undo_carry_over(new_vault, first)
    meetings.carry_over_item(new_vault, first, "Melder niet aanwezig")
    meetings.mark_discussed(new_vault, second)
    with pytest.raises(InvalidInput) as caught:
        meetings.carry_over_item(new_vault, second, "te laat")
    assert caught.value.key == "meeting.item_discussed"
    assert meetings.finish_meeting(new_vault, MEETING) == 1
    # carried over once: closing does not add a second event
    assert [k for k, _ in _events(new_vault, a)].count("doorgeschoven") == 2  # one undone
    proposal = meetings.propose_agenda(new_vault, date(2024, 4, 11))
    assert [(p.case.code, p.reason) for p in proposal] == [(a, AgendaReason.DOORGESCHOVEN)]
    assert b


# --- undo --------------------------------------------------------------------------


def test_undo_decision_restores_status_and_review_date(new_vault: Vault) -> None:
    (code,) = add_cases(new_vault, "2024-03-01")
    meeting = meetings.create_meeting(new_vault, MEETING)
    item = meeting.items[0].id
    meetings.mark_discussed(new_vault, item)
    assert cases.get_case(new_vault, code).status is CaseStatus.BESPROKEN
    decision = meetings.add_decision(
        new_vault, item, DecisionKind.MONITORING, "Volgen", review_date=date(2024, 6, 1)
    )
    assert cases.get_case(new_vault, code).review_date == date(2024, 6, 1)
    with new_vault.session() as session:
        events_before = {e.id: (e.kind, e.detail) for e in session.exec(select(CaseEvent))}
    meetings.undo_decision(new_vault, decision.id)
    case = cases.get_case(new_vault, code)
    assert (case.status, case.review_date) == (CaseStatus.BESPROKEN, None)
    assert meetings.get_meeting(new_vault, MEETING).items[0].decisions == ()
    assert ("besluit ongedaan gemaakt", "monitoring (tot 01-06-2024): Volgen") in _events(
        new_vault, code
    )
    set_language("en")
    try:
        assert ("decision undone", "monitoring (until 01-06-2024): Volgen") in [
            (e.kind.label, e.detail) for e in history.case_history(new_vault, code)
        ]
    finally:
        set_language(None)
    with new_vault.session() as session:
        events_after = {e.id: (e.kind, e.detail) for e in session.exec(select(CaseEvent))}
    assert {k: events_after[k] for k in events_before} == events_before  # nothing rewritten
    assert "decision.undo" in _audit_actions(new_vault)
    with pytest.raises(InvalidInput):
        meetings.undo_decision(new_vault, decision.id)


def test_undo_decision_of_a_closing_decision_reopens_the_case(new_vault: Vault) -> None:
    (code,) = add_cases(new_vault, "2024-03-01")
    meeting = meetings.create_meeting(new_vault, MEETING)
    item = meeting.items[0].id
    first = meetings.add_decision(new_vault, item, DecisionKind.ADVIES_AAN_MELDER, "Advies")
    second = meetings.add_decision(new_vault, item, DecisionKind.AFSLUITEN, "Klaar")
    assert cases.get_case(new_vault, code).closed_date is not None
    with pytest.raises(InvalidInput) as caught:
        meetings.undo_decision(new_vault, first.id)  # not the newest
    assert caught.value.key == "decision.undo_not_newest"
    meetings.undo_decision(new_vault, second.id)
    case = cases.get_case(new_vault, code)
    assert (case.status, case.closed_date) == (CaseStatus.BESPROKEN, None)
    meetings.undo_decision(new_vault, first.id)
    assert cases.get_case(new_vault, code).status is CaseStatus.GEAGENDEERD


def test_unmark_discussed_puts_the_item_and_the_status_back(new_vault: Vault) -> None:
    (code,) = add_cases(new_vault, "2024-03-01")
    meeting = meetings.create_meeting(new_vault, MEETING)
    item = meeting.items[0].id
    with pytest.raises(InvalidInput):
        meetings.unmark_discussed(new_vault, item)
    meetings.mark_discussed(new_vault, item, 120)
    meetings.unmark_discussed(new_vault, item)
    view = meetings.get_meeting(new_vault, MEETING).items[0]
    assert not view.discussed and view.seconds_spent == 120
    assert cases.get_case(new_vault, code).status is CaseStatus.GEAGENDEERD
    assert "besproken ongedaan gemaakt" in [k for k, _ in _events(new_vault, code)]
    meetings.finish_meeting(new_vault, MEETING)
    with pytest.raises(InvalidInput) as caught:
        meetings.unmark_discussed(new_vault, item)
    assert caught.value.key in ("meeting.finished", "meeting.item_not_discussed")


def test_undo_is_refused_once_the_meeting_is_closed(new_vault: Vault) -> None:
    add_cases(new_vault, "2024-03-01")
    meeting = meetings.create_meeting(new_vault, MEETING)
    decision = meetings.add_decision(
        new_vault,
        meeting.items[0].id,
        DecisionKind.MONITORING,
        review_date=MEETING + timedelta(days=60),
    )
    meetings.finish_meeting(new_vault, MEETING)
    with pytest.raises(InvalidInput) as caught:
        meetings.undo_decision(new_vault, decision.id)
    assert caught.value.key == "meeting.finished"


def test_a_closed_meeting_takes_no_changes_until_reopened(new_vault: Vault) -> None:
    # Its minutes are frozen: a decision now would change the case but never show
    # in the minutes. Notes may still be corrected (the minutes keep the old ones).
    add_cases(new_vault, "2024-03-01")
    meeting = meetings.create_meeting(new_vault, MEETING)
    item = meeting.items[0].id
    meetings.save_notes(new_vault, item, "Eerste notities")
    decision = meetings.add_decision(new_vault, item, DecisionKind.ADVIES_AAN_MELDER, "Advies")
    meetings.finish_meeting(new_vault, MEETING)
    for change in (
        lambda: meetings.add_decision(new_vault, item, DecisionKind.GEEN_VERDERE_ACTIE),
        lambda: meetings.delete_decision(new_vault, decision.id),
        lambda: meetings.mark_discussed(new_vault, item),
        lambda: meetings.carry_over_item(new_vault, item, "reden"),
    ):
        with pytest.raises(InvalidInput) as caught:
            change()
        assert caught.value.key == "meeting.finished"
    meetings.save_notes(new_vault, item, "Later bijgewerkt")
    assert build_minutes(new_vault, MEETING).items[0].notes == "Eerste notities"
    meetings.reopen_meeting(new_vault, MEETING, "Besluit aanvullen")
    meetings.add_decision(new_vault, item, DecisionKind.GEEN_VERDERE_ACTIE)
    assert build_minutes(new_vault, MEETING).items[0].notes == "Later bijgewerkt"


def test_the_dashboard_uses_the_same_state(new_vault: Vault) -> None:
    # Observation 8: "begonnen" on the dashboard, "bezig" elsewhere.
    from drieluik.services import dashboard

    add_cases(new_vault, "2024-03-01")
    meetings.create_meeting(new_vault, MEETING)
    assert dashboard.summary(new_vault, MEETING).next_meeting.state is MeetingState.GEPLAND
    meetings.start_meeting(new_vault, MEETING, today=MEETING)
    assert dashboard.summary(new_vault, MEETING).next_meeting.state is MeetingState.BEZIG


def test_demo_meetings_have_time_boxes(new_vault: Vault) -> None:
    from drieluik.services import demo

    demo.fill_demo(new_vault, cases=40, seed=3)
    summaries = meetings.meeting_summaries(new_vault)
    past = next(s for s in summaries if s.state is MeetingState.AFGEROND)
    planned = [i.planned_seconds for i in meetings.get_meeting(new_vault, past.id).items]
    assert planned and all(seconds in (300, 600) for seconds in planned)
