"""A case's history: every event, in time order, as the chair replays it."""

from __future__ import annotations

from datetime import date

from drieluik.domain.vocabulary import DecisionKind, EventKind
from drieluik.services import actions, cases, history, meetings
from drieluik.store.models import clock_at
from tests.services.register_helpers import at, case_input

K = EventKind


def _kinds(vault, code: str) -> list[EventKind]:
    return [entry.kind for entry in history.case_history(vault, code)]


def test_history_replays_a_case_in_time_order(new_vault) -> None:
    with clock_at(at(date(2024, 1, 3), 9)):
        (code,) = cases.create_cases(new_vault, [case_input("2024-01-02")])
    with clock_at(at(date(2024, 1, 8), 14)):
        first = meetings.create_meeting(new_vault, date(2024, 1, 11))
    item = first.items[0]
    with clock_at(at(date(2024, 1, 11), 10)):
        meetings.start_meeting(new_vault, first.id)
    with clock_at(at(date(2024, 1, 11), 10, 20)):
        meetings.save_notes(new_vault, item.id, "Eerste bespreking.")
        meetings.add_decision(
            new_vault, item.id, DecisionKind.MONITORING, "Volgen.", review_date=date(2024, 3, 1)
        )
        action = actions.add_action(
            new_vault,
            code,
            "Melder bellen",
            "GGD Drenthe",
            date(2024, 2, 1),
            agenda_item_id=item.id,
        )
        meetings.mark_discussed(new_vault, item.id, 600)
    with clock_at(at(date(2024, 1, 11), 12)):
        meetings.finish_meeting(new_vault, first.id)
    with clock_at(at(date(2024, 1, 30), 16)):
        actions.postpone_action(new_vault, action.id, date(2024, 2, 15))
    with clock_at(at(date(2024, 2, 14), 11)):
        actions.complete_action(new_vault, action.id)
    with clock_at(at(date(2024, 2, 20), 9)):
        cases.update_case(new_vault, code, case_input("2024-01-02", gemeente="Emmen"))
    # The note is edited after the meeting: the history shows it as it stands.
    meetings.save_notes(new_vault, item.id, "Eerste bespreking, aangevuld.")

    entries = history.case_history(new_vault, code)
    assert [e.kind for e in entries] == [
        K.SIGNAAL_ONTVANGEN,
        K.GEAGENDEERD,
        K.STATUS_GEWIJZIGD,  # nieuw → geagendeerd, caused by being put on the agenda
        K.BESPROKEN,
        K.BESLUIT,
        K.ACTIE_AANGEMAAKT,
        K.STATUS_GEWIJZIGD,  # geagendeerd → monitoring, caused by the decision
        K.ACTIE_UITGESTELD,
        K.ACTIE_GEDAAN,
        K.GEWIJZIGD,
    ]
    moments = [e.at for e in entries]
    assert moments == sorted(moments)
    assert entries[0].at == at(date(2024, 1, 3), 9)
    assert entries[3].detail == "Eerste bespreking, aangevuld."
    assert entries[3].at == at(date(2024, 1, 11), 10)  # the meeting's start
    assert "2024-03-01" in entries[4].detail and "Volgen." in entries[4].detail
    assert "geagendeerd → monitoring" in entries[6].detail
    assert "2024-02-01 → 2024-02-15" in entries[7].detail
    assert entries[9].detail == "gemeente"
    assert {e.meeting_date for e in entries[1:7]} == {date(2024, 1, 11)}
    assert entries[0].meeting_date is None


def test_carried_over_and_removed_items_are_in_the_history(new_vault) -> None:
    with clock_at(at(date(2024, 1, 3))):
        (code,) = cases.create_cases(new_vault, [case_input("2024-01-02")])
    with clock_at(at(date(2024, 1, 8))):
        first = meetings.create_meeting(new_vault, date(2024, 1, 11))
    with clock_at(at(date(2024, 1, 11), 12)):
        meetings.finish_meeting(new_vault, first.id)
    with clock_at(at(date(2024, 2, 1))):
        second = meetings.create_meeting(new_vault, date(2024, 2, 8))
    with clock_at(at(date(2024, 2, 2))):
        meetings.remove_item(new_vault, second.items[0].id)
    entries = history.case_history(new_vault, code)
    assert [e.kind for e in entries] == [
        K.SIGNAAL_ONTVANGEN,
        K.GEAGENDEERD,
        K.STATUS_GEWIJZIGD,
        K.DOORGESCHOVEN,
        K.GEAGENDEERD,
        K.VAN_AGENDA,
        K.STATUS_GEWIJZIGD,  # geagendeerd → nieuw: on no agenda any more
    ]
    assert entries[4].detail == "2024-02-08 — doorgeschoven"
    assert "geagendeerd → nieuw" in entries[6].detail


def test_history_of_one_case_leaves_out_the_others(new_vault) -> None:
    codes = cases.create_cases(new_vault, [case_input("2024-01-02"), case_input("2024-01-03")])
    actions.add_action(new_vault, codes[1], "Nabellen", "Gemeente", date(2024, 2, 1))
    assert _kinds(new_vault, codes[0]) == [K.SIGNAAL_ONTVANGEN]
    assert _kinds(new_vault, codes[1]) == [K.SIGNAAL_ONTVANGEN, K.ACTIE_AANGEMAAKT]
