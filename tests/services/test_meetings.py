"""Meetings: the rules of the proposed agenda, preparing it, and what decisions do."""

from __future__ import annotations

from datetime import date

import pytest

from drieluik.domain.vocabulary import (
    DECISION_NEXT_STATUS,
    AgendaReason,
    CaseStatus,
    DecisionKind,
)
from drieluik.errors import InvalidInput
from drieluik.services import actions, allowlist, cases, meetings
from drieluik.store.models import clock_at
from drieluik.store.vault import peek
from tests.services.register_helpers import add_cases, at

MEETING = date(2024, 3, 14)
NIEUW = AgendaReason.NIEUW_SIGNAAL
ACTIE = AgendaReason.ACTIE_VERLOPEN
HERBEOORDELING = AgendaReason.MONITORING_HERBEOORDELING
DOORGESCHOVEN = AgendaReason.DOORGESCHOVEN


def proposal(vault, day: date = MEETING) -> list[tuple[str, AgendaReason]]:
    return [(p.case.code, p.reason) for p in meetings.propose_agenda(vault, day)]


def discuss(vault, day: date, *codes: str, decision: DecisionKind | None = None, **kw):
    """Hold a meeting on `day` that discusses exactly `codes` (the rest is carried over)."""
    meeting = meetings.create_meeting(vault, day, propose=False)
    for code in codes:
        meeting = meetings.add_item(vault, meeting.id, code)
    for item in meeting.items:
        if decision is not None:
            meetings.add_decision(vault, item.id, decision, **kw)
        meetings.mark_discussed(vault, item.id)
    return meetings.get_meeting(vault, meeting.id)


# --- each rule ---------------------------------------------------------------------


def test_new_cases_not_yet_discussed_are_proposed(new_vault) -> None:
    new, discussed, later = add_cases(new_vault, "2024-03-01", "2024-02-01", "2024-03-15")
    discuss(new_vault, date(2024, 2, 20), discussed)
    assert proposal(new_vault) == [(new, NIEUW)]
    # A signal dated after the meeting waits for the meeting after it.
    assert (later, NIEUW) in proposal(new_vault, date(2024, 3, 15))


def test_a_case_set_back_to_new_after_discussion_is_not_new_again(new_vault) -> None:
    (code,) = add_cases(new_vault, "2024-02-01")
    discuss(new_vault, date(2024, 2, 20), code)
    cases.set_status(new_vault, code, CaseStatus.NIEUW)
    assert proposal(new_vault) == []


def test_open_actions_due_on_or_before_the_date_bring_their_case_back(new_vault) -> None:
    due_before, due_on, due_after, done, cancelled, undated = add_cases(
        new_vault, *(f"2024-01-0{d}" for d in range(1, 7))
    )
    discuss(
        new_vault,
        date(2024, 1, 20),
        due_before,
        due_on,
        due_after,
        done,
        cancelled,
        undated,
    )
    with clock_at(at(date(2024, 1, 20))):  # due dates lie ahead when agreed
        actions.add_action(new_vault, due_before, "Melder bellen", "GGD Drenthe", date(2024, 3, 1))
        actions.add_action(new_vault, due_on, "Dossier opvragen", "Gemeente", MEETING)
        actions.add_action(new_vault, due_after, "Terugkoppelen", "KMar", date(2024, 3, 15))
        finished = actions.add_action(new_vault, done, "Gesprek", "Politie", date(2024, 2, 1))
        actions.complete_action(new_vault, finished.id)
        dropped = actions.add_action(new_vault, cancelled, "Check", "COA", date(2024, 2, 1))
        actions.cancel_action(new_vault, dropped.id)
        actions.add_action(new_vault, undated, "Ooit", "Overig")
    assert proposal(new_vault) == [(due_before, ACTIE), (due_on, ACTIE)]


def test_a_postponed_action_comes_back_at_its_new_date(new_vault) -> None:
    (code,) = add_cases(new_vault, "2024-01-01")
    discuss(new_vault, date(2024, 1, 20), code)
    with clock_at(at(date(2024, 1, 20))):
        action = actions.add_action(new_vault, code, "Melder bellen", "Gemeente", date(2024, 3, 1))
        postponed = actions.postpone_action(new_vault, action.id, date(2024, 4, 1))
    assert postponed.times_postponed == 1
    assert proposal(new_vault) == []
    assert proposal(new_vault, date(2024, 4, 1)) == [(code, ACTIE)]


def test_monitoring_cases_return_when_their_review_date_has_come(new_vault) -> None:
    before, on, after = add_cases(new_vault, "2024-01-01", "2024-01-02", "2024-01-03")
    meeting = discuss(new_vault, date(2024, 1, 20), before, on, after)
    reviews = {before: date(2024, 3, 1), on: MEETING, after: date(2024, 3, 15)}
    for item in meeting.items:
        meetings.add_decision(
            new_vault, item.id, DecisionKind.MONITORING, review_date=reviews[item.case.code]
        )
    assert proposal(new_vault) == [(before, HERBEOORDELING), (on, HERBEOORDELING)]


def test_undiscussed_items_of_the_previous_meeting_are_carried_over(new_vault) -> None:
    a, b, c, closed = add_cases(new_vault, "2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04")
    older = meetings.create_meeting(new_vault, date(2024, 1, 10))
    meetings.finish_meeting(new_vault, older.id)  # a, b, c, closed: carried over
    previous = meetings.create_meeting(new_vault, date(2024, 2, 10))
    assert {(i.case.code, i.reason) for i in previous.items} == {
        (code, DOORGESCHOVEN) for code in (a, b, c, closed)
    }
    by_code = {i.case.code: i for i in previous.items}
    meetings.mark_discussed(new_vault, by_code[a].id)
    meetings.add_decision(new_vault, by_code[closed].id, DecisionKind.AFSLUITEN)
    meetings.finish_meeting(new_vault, previous.id)
    # b and c were not reached; a was discussed; the closed case stays off.
    assert proposal(new_vault) == [(b, DOORGESCHOVEN), (c, DOORGESCHOVEN)]


def test_only_the_immediately_previous_meeting_carries_over(new_vault) -> None:
    (code,) = add_cases(new_vault, "2024-01-01")
    first = meetings.create_meeting(new_vault, date(2024, 1, 10))
    meetings.finish_meeting(new_vault, first.id)
    meetings.finish_meeting(new_vault, meetings.create_meeting(new_vault, date(2024, 2, 10)).id)
    assert proposal(new_vault, date(2024, 2, 20)) == [(code, DOORGESCHOVEN)]
    discussed = meetings.create_meeting(new_vault, date(2024, 2, 20))
    meetings.mark_discussed(new_vault, discussed.items[0].id)
    assert proposal(new_vault, date(2024, 3, 20)) == []


def test_closed_cases_are_never_proposed(new_vault) -> None:
    (code,) = add_cases(new_vault, "2024-01-01")
    meeting = discuss(new_vault, date(2024, 1, 20), code)
    meetings.add_decision(
        new_vault, meeting.items[0].id, DecisionKind.MONITORING, review_date=date(2024, 2, 1)
    )
    with clock_at(at(date(2024, 1, 20))):
        actions.add_action(new_vault, code, "Melder bellen", "Gemeente", date(2024, 2, 1))
    assert proposal(new_vault) == [(code, ACTIE)]
    cases.set_status(new_vault, code, CaseStatus.AFGESLOTEN)
    assert proposal(new_vault) == []


# --- one item per case, in a deterministic order ---------------------------------------


def test_one_item_per_case_with_the_reason_of_highest_rank(new_vault) -> None:
    carried, new_with_action = add_cases(new_vault, "2024-01-01", "2024-02-01")
    first = discuss(new_vault, date(2024, 1, 10), carried)
    meetings.add_decision(
        new_vault, first.items[0].id, DecisionKind.MONITORING, review_date=date(2024, 2, 1)
    )
    with clock_at(at(date(2024, 1, 10))):
        actions.add_action(new_vault, carried, "Nabellen", "GGD Drenthe", date(2024, 2, 1))
        actions.add_action(new_vault, new_with_action, "Nabellen", "GGD Drenthe", date(2024, 2, 1))
    second = meetings.create_meeting(new_vault, date(2024, 2, 10))
    assert [(i.case.code, i.reason) for i in second.items] == [
        (new_with_action, NIEUW),
        (carried, ACTIE),
    ]
    meetings.finish_meeting(new_vault, second.id)  # neither reached
    assert proposal(new_vault) == [(carried, DOORGESCHOVEN), (new_with_action, DOORGESCHOVEN)]


def test_order_is_reason_then_signal_date_then_code(new_vault) -> None:
    codes = add_cases(
        new_vault, "2024-01-05", "2024-01-03", "2024-01-04", "2024-02-10", "2024-02-01"
    )
    old_late, old_early, old_mid, new_late, new_early = codes
    meeting = discuss(new_vault, date(2024, 1, 20), old_late, old_early, old_mid)
    by_code = {i.case.code: i for i in meeting.items}
    meetings.add_decision(
        new_vault, by_code[old_mid].id, DecisionKind.MONITORING, review_date=date(2024, 3, 1)
    )
    meetings.add_decision(
        new_vault, by_code[old_late].id, DecisionKind.MONITORING, review_date=date(2024, 3, 1)
    )
    with clock_at(at(date(2024, 1, 20))):
        actions.add_action(new_vault, old_early, "Nabellen", "Gemeente", date(2024, 3, 1))
    same_day = add_cases(new_vault, "2024-02-01")[0]
    assert proposal(new_vault) == [
        (new_early, NIEUW),
        (same_day, NIEUW),  # same signal date: code decides
        (new_late, NIEUW),
        (old_early, ACTIE),
        (old_mid, HERBEOORDELING),
        (old_late, HERBEOORDELING),
    ]
    assert proposal(new_vault) == proposal(new_vault)


def test_proposing_changes_nothing(new_vault) -> None:
    add_cases(new_vault, "2024-01-01")
    generation = peek(new_vault.path).generation
    assert proposal(new_vault) != []
    assert meetings.list_meetings(new_vault) == []
    assert cases.get_case(new_vault, 1).status is CaseStatus.NIEUW
    assert peek(new_vault.path).generation == generation


# --- creating and preparing a meeting ---------------------------------------------------


def test_create_meeting_takes_the_proposal_and_schedules_new_cases(new_vault) -> None:
    codes = add_cases(new_vault, "2024-03-02", "2024-03-01")
    meeting = meetings.create_meeting(
        new_vault, MEETING, ["GGD Drenthe", " Politie  (AVIM) ", "GGD Drenthe"]
    )
    assert meeting.attending == ("GGD Drenthe", "Politie (AVIM)")
    assert [(i.position, i.case.code, i.reason) for i in meeting.items] == [
        (1, codes[1], NIEUW),
        (2, codes[0], NIEUW),
    ]
    assert {i.case.status for i in meeting.items} == {CaseStatus.GEAGENDEERD}
    assert meetings.list_meetings(new_vault) == [(meeting.id, MEETING, 2, False)]
    with pytest.raises(InvalidInput) as info:
        meetings.create_meeting(new_vault, MEETING)
    assert info.value.key == "meeting.exists"


def test_get_meeting_by_id_date_or_text(new_vault) -> None:
    meeting = meetings.create_meeting(new_vault, MEETING)
    for ref in (meeting.id, MEETING, "2024-03-14", "14-03-2024", str(meeting.id)):
        assert meetings.get_meeting(new_vault, ref).id == meeting.id
    with pytest.raises(InvalidInput):
        meetings.get_meeting(new_vault, "2024-03-15")


def test_next_meeting_is_the_first_unfinished_one_from_today(new_vault) -> None:
    past = meetings.create_meeting(new_vault, date(2024, 3, 1))
    today = meetings.create_meeting(new_vault, date(2024, 3, 10))
    meetings.create_meeting(new_vault, date(2024, 4, 10))
    assert meetings.next_meeting(new_vault, date(2024, 3, 10)).id == today.id
    meetings.finish_meeting(new_vault, today.id)
    assert meetings.next_meeting(new_vault, date(2024, 3, 10)).meeting_date == date(2024, 4, 10)
    assert past.id != today.id
    assert meetings.next_meeting(new_vault, date(2024, 5, 1)) is None


def test_remove_item_renumbers_and_puts_a_new_case_back(new_vault) -> None:
    a, b, c = add_cases(new_vault, "2024-03-01", "2024-03-02", "2024-03-03")
    meeting = meetings.create_meeting(new_vault, MEETING)
    after = meetings.remove_item(new_vault, meeting.items[1].id)
    assert [(i.position, i.case.code) for i in after.items] == [(1, a), (2, c)]
    assert cases.get_case(new_vault, b).status is CaseStatus.NIEUW
    assert (b, NIEUW) in proposal(new_vault, date(2024, 4, 1))
    meetings.finish_meeting(new_vault, meeting.id)
    with pytest.raises(InvalidInput) as info:
        meetings.remove_item(new_vault, after.items[0].id)
    assert info.value.key == "meeting.finished"


def test_a_carried_over_case_taken_off_the_next_agenda_is_new_again(new_vault) -> None:
    (code,) = add_cases(new_vault, "2024-01-02")
    first = meetings.create_meeting(new_vault, date(2024, 1, 11))
    meetings.finish_meeting(new_vault, first.id)
    second = meetings.create_meeting(new_vault, date(2024, 2, 8))
    meetings.remove_item(new_vault, second.items[0].id)
    assert cases.get_case(new_vault, code).status is CaseStatus.NIEUW
    assert proposal(new_vault) == [(code, NIEUW)]


def test_move_item_up_down_and_clamped(new_vault) -> None:
    a, b, c = add_cases(new_vault, "2024-03-01", "2024-03-02", "2024-03-03")
    meeting = meetings.create_meeting(new_vault, MEETING)
    item_c = meeting.items[2].id

    def order(view) -> list[str]:
        return [i.case.code for i in view.items]

    assert order(meetings.move_item(new_vault, item_c, -1)) == [a, c, b]
    assert order(meetings.move_item(new_vault, item_c, -5)) == [c, a, b]
    assert order(meetings.move_item(new_vault, item_c, +1)) == [a, c, b]
    moved = meetings.move_item(new_vault, item_c, +9)
    assert order(moved) == [a, b, c]
    assert [i.position for i in moved.items] == [1, 2, 3]


def test_add_item_by_participant_and_no_duplicates(new_vault) -> None:
    a, b = add_cases(new_vault, "2024-01-01", "2024-03-01")
    discuss(new_vault, date(2024, 1, 20), a)
    meeting = meetings.create_meeting(new_vault, MEETING)
    meeting = meetings.add_item(new_vault, meeting.id, a)
    assert [(i.case.code, i.reason) for i in meeting.items] == [
        (b, NIEUW),
        (a, AgendaReason.INGEBRACHT_DOOR_DEELNEMER),
    ]
    with pytest.raises(InvalidInput) as info:
        meetings.add_item(new_vault, meeting.id, a)
    assert info.value.key == "meeting.item_exists"


# --- chairing: decisions and carry-over ----------------------------------------------


@pytest.mark.parametrize("kind", list(DecisionKind))
def test_each_decision_moves_the_case_to_its_next_status(new_vault, kind) -> None:
    (code,) = add_cases(new_vault, "2024-03-01")
    item = meetings.create_meeting(new_vault, MEETING).items[0]
    extra = {
        DecisionKind.MONITORING: {"review_date": date(2024, 6, 1)},
        DecisionKind.DOORVERWIJZING: {"referral_to": "Veilig Thuis Drenthe"},
    }.get(kind, {})
    with clock_at(at(MEETING)):
        decision = meetings.add_decision(new_vault, item.id, kind, "Besluit.", **extra)
        meetings.mark_discussed(new_vault, item.id, 300)
    view = cases.get_case(new_vault, code)
    assert view.status is DECISION_NEXT_STATUS[kind]
    assert decision.case_code == code and decision.kind is kind
    if kind is DecisionKind.MONITORING:
        assert view.review_date == date(2024, 6, 1)
    if kind is DecisionKind.AFSLUITEN:
        assert view.closed_date == MEETING  # the clock's date, not the wall calendar's
    else:
        assert view.closed_date is None
    stored = meetings.get_meeting(new_vault, MEETING).items[0]
    assert stored.discussed and stored.seconds_spent == 300
    assert [d.kind for d in stored.decisions] == [kind]


def test_decisions_that_need_details_refuse_without_them(new_vault) -> None:
    add_cases(new_vault, "2024-03-01")
    item = meetings.create_meeting(new_vault, MEETING).items[0]
    with pytest.raises(InvalidInput) as info:
        meetings.add_decision(new_vault, item.id, DecisionKind.MONITORING)
    assert info.value.key == "decision.review_date_required"
    with pytest.raises(InvalidInput) as info:
        meetings.add_decision(new_vault, item.id, DecisionKind.DOORVERWIJZING)
    assert info.value.key == "decision.referral_required"
    assert cases.get_case(new_vault, 1).status is CaseStatus.GEAGENDEERD


def test_mark_discussed_without_decision_means_discussed(new_vault) -> None:
    (code,) = add_cases(new_vault, "2024-03-01")
    item = meetings.create_meeting(new_vault, MEETING).items[0]
    meetings.mark_discussed(new_vault, item.id, 120)
    meetings.mark_discussed(new_vault, item.id, 60)  # twice: no second event, time kept
    assert cases.get_case(new_vault, code).status is CaseStatus.BESPROKEN
    assert meetings.get_meeting(new_vault, MEETING).items[0].seconds_spent == 120


def test_next_status_overrides_the_default(new_vault) -> None:
    (code,) = add_cases(new_vault, "2024-03-01")
    item = meetings.create_meeting(new_vault, MEETING).items[0]
    meetings.add_decision(
        new_vault,
        item.id,
        DecisionKind.ADVIES_AAN_MELDER,
        next_status=CaseStatus.AFGESLOTEN,
        today=date(2024, 3, 15),
    )
    view = cases.get_case(new_vault, code)
    assert view.status is CaseStatus.AFGESLOTEN and view.closed_date == date(2024, 3, 15)


def test_finish_meeting_carries_over_what_was_not_reached(new_vault) -> None:
    a, b, c = add_cases(new_vault, "2024-03-01", "2024-03-02", "2024-03-03")
    meeting = meetings.create_meeting(new_vault, MEETING)
    meetings.mark_discussed(new_vault, meeting.items[0].id)
    assert meetings.finish_meeting(new_vault, meeting.id) == 2
    finished = meetings.get_meeting(new_vault, meeting.id)
    assert finished.finished and finished.started_at is not None
    assert [(i.case.code, i.carried_over) for i in finished.items] == [
        (a, False),
        (b, True),
        (c, True),
    ]
    assert proposal(new_vault, date(2024, 4, 11)) == [(b, DOORGESCHOVEN), (c, DOORGESCHOVEN)]
    # Finishing again changes nothing and carries nothing twice.
    assert meetings.finish_meeting(new_vault, meeting.id) == 2
    with pytest.raises(InvalidInput):
        meetings.add_item(new_vault, meeting.id, a)


def test_carry_over_onto_a_following_meeting_that_already_exists(new_vault) -> None:
    a, b = add_cases(new_vault, "2024-03-01", "2024-03-02")
    with clock_at(at(date(2024, 3, 10))):  # both meetings still ahead
        meeting = meetings.create_meeting(new_vault, MEETING)
        (late,) = add_cases(new_vault, "2024-03-10")
        following = meetings.create_meeting(new_vault, date(2024, 4, 11))
    # A meeting not yet held keeps its own items: they are not doubled.
    assert [(i.case.code, i.reason) for i in following.items] == [(late, NIEUW)]
    meetings.mark_discussed(new_vault, meeting.items[0].id)
    assert meetings.finish_meeting(new_vault, meeting.id) == 1
    after = meetings.get_meeting(new_vault, following.id)
    assert [(i.position, i.case.code, i.reason) for i in after.items] == [
        (1, late, NIEUW),
        (2, b, DOORGESCHOVEN),
    ]
    assert a not in [i.case.code for i in after.items]


def test_a_past_meeting_left_unfinished_still_carries_over(new_vault) -> None:
    _a, b = add_cases(new_vault, "2024-03-01", "2024-03-02")
    with clock_at(at(date(2024, 3, 10))):
        meeting = meetings.create_meeting(new_vault, MEETING)
        assert proposal(new_vault, date(2024, 4, 11)) == []  # 14 March is still ahead
    meetings.mark_discussed(new_vault, meeting.items[0].id)
    with clock_at(at(date(2024, 3, 20))):  # held, but the chair never closed it
        assert proposal(new_vault, date(2024, 4, 11)) == [(b, DOORGESCHOVEN)]


def test_organisation_fields_refuse_a_persons_name_until_it_is_allowed(new_vault) -> None:
    (code,) = add_cases(new_vault, "2024-01-10")
    meeting = meetings.create_meeting(new_vault, MEETING, ["GGD Drenthe"])
    with pytest.raises(InvalidInput) as refused:
        meetings.set_attending(new_vault, meeting.id, ["GGD Drenthe", "Jan Jansen"])
    assert refused.value.key == "org.personal_data" and "J*n J****n" in refused.value.message
    assert "Jansen" not in refused.value.message  # masked, never echoed (issue 12)
    with pytest.raises(InvalidInput):
        meetings.create_meeting(new_vault, date(2024, 4, 1), ["mevrouw De Vries"])
    with pytest.raises(InvalidInput):
        actions.add_action(new_vault, code, "Bellen", "Piet Bakker 06-12345678")
    assert meetings.get_meeting(new_vault, meeting.id).attending == ("GGD Drenthe",)
    # The chair says it is an organisation: the allow-list makes it acceptable.
    allowlist.add_allow_term(new_vault, "Jan Jansen")
    meetings.set_attending(new_vault, meeting.id, ["GGD Drenthe", "Jan Jansen"])
    assert meetings.get_meeting(new_vault, meeting.id).attending == ("GGD Drenthe", "Jan Jansen")
