"""Actions you can correct: edit, postpone, reopen, withdraw; owners that are organisations."""

from __future__ import annotations

from datetime import date

import pytest

from drieluik.domain.vocabulary import ActionStatus, DecisionKind, EventKind
from drieluik.errors import InvalidInput
from drieluik.services import actions, history, meetings
from drieluik.store.models import clock_at
from tests.services.register_helpers import add_cases, at

DAY = date(2026, 12, 9)
K = EventKind


def _case_with_action(vault, due: date = date(2026, 12, 23)):
    with clock_at(at(DAY)):
        (code,) = add_cases(vault, "2026-12-01")
        action = actions.add_action(vault, code, "Melder bellen", "GGD Drenthe", due)
    return code, action


def _history(vault, code):
    return [(e.kind, e.detail) for e in history.case_history(vault, code)]


@pytest.mark.parametrize(
    "owner", ["Pol31-02-2026", "GGD 16-12", "Politie 2026-12-16", "12345", "31-02", "-- / .."]
)
def test_an_owner_with_a_date_or_without_letters_is_refused(new_vault, owner) -> None:
    # Observation 5: owner and due date typed together became the owner `Pol31-02-2026`.
    (code,) = add_cases(new_vault, "2026-12-01")
    with pytest.raises(InvalidInput) as caught:
        actions.add_action(new_vault, code, "Bellen", owner)
    assert caught.value.key == "action.owner_invalid"
    assert actions.list_actions(new_vault, case_ref=code) == []


def test_organisation_names_with_digits_are_fine(new_vault) -> None:
    (code,) = add_cases(new_vault, "2026-12-01")
    for owner in ("Veilig Thuis 24/7", "GGD Drenthe", "Team 3"):
        assert actions.add_action(new_vault, code, "Bellen", owner).owner == owner


def test_a_due_date_before_the_day_it_is_agreed_is_refused(new_vault) -> None:
    with clock_at(at(DAY)):
        (code,) = add_cases(new_vault, "2026-12-01")
        with pytest.raises(InvalidInput) as caught:
            actions.add_action(new_vault, code, "Bellen", "KMar", date(2026, 12, 8))
        assert caught.value.key == "date.in_past"
        actions.add_action(new_vault, code, "Bellen", "KMar", DAY)  # today is fine


def test_at_a_meeting_typed_in_afterwards_the_meeting_date_counts(new_vault) -> None:
    with clock_at(at(date(2026, 11, 1))):
        (code,) = add_cases(new_vault, "2026-10-20")
        meeting = meetings.create_meeting(new_vault, date(2026, 11, 4))
    item = meeting.items[0]
    with clock_at(at(DAY)):  # the record is completed a month later
        action = actions.add_action(
            new_vault, code, "Bellen", "KMar", date(2026, 11, 18), agenda_item_id=item.id
        )
        assert action.due_date == date(2026, 11, 18)
        with pytest.raises(InvalidInput):
            actions.add_action(
                new_vault, code, "Bellen", "KMar", date(2026, 11, 3), agenda_item_id=item.id
            )
        with pytest.raises(InvalidInput) as review:
            meetings.add_decision(
                new_vault, item.id, DecisionKind.MONITORING, review_date=date(2026, 11, 1)
            )
    # Not "today is ...": the message names the meeting whose date counts.
    assert review.value.key == "date.before_meeting"
    assert "04-11-2026" in review.value.message


def test_edit_records_which_fields_and_old_to_new(new_vault) -> None:
    code, action = _case_with_action(new_vault)
    with clock_at(at(DAY, 11)):
        edited = actions.edit_action(
            new_vault,
            action.id,
            description="Melder terugbellen",
            owner="Veilig Thuis Drenthe",
            due_date=date(2027, 1, 6),
        )
        with pytest.raises(InvalidInput) as same:
            actions.edit_action(new_vault, action.id, owner="Veilig Thuis Drenthe")
        with pytest.raises(InvalidInput) as bad_owner:
            actions.edit_action(new_vault, action.id, owner="Pol31-02-2026")
        with pytest.raises(InvalidInput) as past:
            actions.edit_action(new_vault, action.id, due_date=date(2026, 12, 1))
    assert (edited.description, edited.owner, edited.due_date) == (
        "Melder terugbellen",
        "Veilig Thuis Drenthe",
        date(2027, 1, 6),
    )
    assert (same.value.key, bad_owner.value.key, past.value.key) == (
        "action.nothing_to_change",
        "action.owner_invalid",
        "date.in_past",
    )
    assert _history(new_vault, code)[1:] == [
        (K.ACTIE_AANGEMAAKT, "Melder bellen (GGD Drenthe, uiterlijk 23-12-2026)"),
        (
            K.ACTIE_GEWIJZIGD,
            "Melder terugbellen (Veilig Thuis Drenthe): omschrijving; "
            "eigenaar GGD Drenthe → Veilig Thuis Drenthe; uiterlijk 23-12-2026 → 06-01-2027",
        ),
    ]


def test_postpone_needs_a_later_date_and_keeps_the_reason(new_vault) -> None:
    code, action = _case_with_action(new_vault)
    with clock_at(at(DAY, 11)):
        with pytest.raises(InvalidInput) as same_day:
            actions.postpone_action(new_vault, action.id, date(2026, 12, 23))
        later = actions.postpone_action(new_vault, action.id, date(2027, 1, 13), "kerstvakantie")
    assert same_day.value.key == "action.postpone_not_later"
    assert (later.due_date, later.times_postponed) == (date(2027, 1, 13), 1)
    assert _history(new_vault, code)[-1] == (
        K.ACTIE_UITGESTELD,
        "Melder bellen (GGD Drenthe): 23-12-2026 → 13-01-2027 — reden: kerstvakantie",
    )


def test_done_and_cancelled_can_be_reopened(new_vault) -> None:
    code, action = _case_with_action(new_vault)
    with clock_at(at(DAY, 11)):
        with pytest.raises(InvalidInput) as still_open:
            actions.reopen_action(new_vault, action.id)
        actions.complete_action(new_vault, action.id)
        reopened = actions.reopen_action(new_vault, action.id)
        actions.cancel_action(new_vault, action.id)
        again = actions.reopen_action(new_vault, action.id)
    assert still_open.value.key == "action.not_closed"
    assert reopened.status is ActionStatus.OPEN and again.status is ActionStatus.OPEN
    assert [kind for kind, _ in _history(new_vault, code)][2:] == [
        K.ACTIE_GEDAAN,
        K.ACTIE_HEROPEND,
        K.ACTIE_VERVALLEN,
        K.ACTIE_HEROPEND,
    ]
    assert actions.list_actions(new_vault, case_ref=code)[0].id == action.id


def test_a_withdrawn_action_leaves_the_meeting_but_not_the_history(new_vault) -> None:
    with clock_at(at(DAY)):
        (code,) = add_cases(new_vault, "2026-12-01")
        meeting = meetings.create_meeting(new_vault, DAY)
        item = meeting.items[0]
        meetings.start_meeting(new_vault, meeting.id)
        wrong = actions.add_action(new_vault, code, "Per ongeluk", "KMar", agenda_item_id=item.id)
        actions.withdraw_action(new_vault, wrong.id)
        with pytest.raises(InvalidInput):
            actions.withdraw_action(new_vault, wrong.id)
        kept = actions.add_action(new_vault, code, "Echt", "KMar", agenda_item_id=item.id)
        meetings.finish_meeting(new_vault, meeting.id)
        with pytest.raises(InvalidInput) as closed:
            actions.withdraw_action(new_vault, kept.id)  # the closed meeting's record is fixed
    assert closed.value.key == "meeting.finished"
    shown = meetings.get_meeting(new_vault, meeting.id)
    assert [a.description for a in shown.items[0].actions] == ["Echt"]
    assert [a.id for a in actions.list_actions(new_vault, case_ref=code, status=None)] == [kept.id]
    entries = history.case_history(new_vault, code)
    assert [(e.kind, e.detail, e.meeting_date) for e in entries if "action_id" in e.params] == [
        (K.ACTIE_AANGEMAAKT, "Per ongeluk (KMar)", DAY),
        (K.ACTIE_INGETROKKEN, "Per ongeluk (KMar)", DAY),
        (K.ACTIE_AANGEMAAKT, "Echt (KMar)", DAY),
    ]


def test_known_organisations_given_ones_first_then_the_vaults(new_vault) -> None:
    with clock_at(at(DAY)):
        (code,) = add_cases(new_vault, "2026-12-01", melder="Wijkteam Zuid")
        actions.add_action(new_vault, code, "Bellen", "Stichting Fier")
    known = actions.known_organisations(new_vault, first=("GGD Drenthe", "Gemeente Emmen"))
    assert known[:3] == ["GGD Drenthe", "Gemeente Emmen", "Veilig Thuis Drenthe"]
    assert known.count("GGD Drenthe") == 1
    assert "Overig" not in known
    assert known[-2:] == ["Wijkteam Zuid", "Stichting Fier"]
