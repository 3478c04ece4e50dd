"""A case's history: every event, in time order, as the chair replays it."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from drieluik.domain.vocabulary import CaseStatus, DecisionKind, EventKind
from drieluik.errors import InvalidInput
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
        K.BESLUIT,
        K.ACTIE_AANGEMAAKT,
        K.BESPROKEN,  # marked discussed after the decision and the action
        K.STATUS_GEWIJZIGD,  # geagendeerd → monitoring, caused by the decision
        K.ACTIE_UITGESTELD,
        K.ACTIE_GEDAAN,
        K.GEWIJZIGD,
    ]
    moments = [e.at for e in entries]
    assert moments == sorted(moments)
    assert entries[0].at == at(date(2024, 1, 3), 9)
    assert entries[5].detail == "Eerste bespreking, aangevuld."
    assert entries[5].at == at(date(2024, 1, 11), 10, 20)  # when it was marked discussed
    assert "01-03-2024" in entries[3].detail and "Volgen." in entries[3].detail
    assert entries[4].detail == "Melder bellen (GGD Drenthe, uiterlijk 01-02-2024)"
    assert "geagendeerd → monitoring" in entries[6].detail
    assert "01-02-2024 → 15-02-2024" in entries[7].detail
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
    assert entries[4].detail == "08-02-2024 — doorgeschoven"
    assert "geagendeerd → nieuw" in entries[6].detail


def test_history_of_one_case_leaves_out_the_others(new_vault) -> None:
    with clock_at(at(date(2024, 1, 5))):
        codes = cases.create_cases(new_vault, [case_input("2024-01-02"), case_input("2024-01-03")])
        actions.add_action(new_vault, codes[1], "Nabellen", "Gemeente", date(2024, 2, 1))
    assert _kinds(new_vault, codes[0]) == [K.SIGNAAL_ONTVANGEN]
    assert _kinds(new_vault, codes[1]) == [K.SIGNAAL_ONTVANGEN, K.ACTIE_AANGEMAAKT]


# --- append-only: every change is a new event, none is ever rewritten ---------------


def _event_rows(vault) -> dict[int, tuple]:
    rows = vault.db.conn.execute(
        "SELECT id, case_id, at, kind, meeting_id, detail, params FROM case_events"
    ).fetchall()
    return {row[0]: row for row in rows}


def test_no_event_is_ever_updated_by_any_service(new_vault) -> None:
    statements: list[str] = []
    new_vault.db.conn.set_trace_callback(statements.append)
    seen: dict[int, tuple] = {}

    def step() -> None:
        """Every event seen before is still there, byte for byte; new ones were added."""
        now_rows = _event_rows(new_vault)
        assert {k: now_rows.get(k) for k in seen} == seen
        assert len(now_rows) > len(seen), "each step records something"
        seen.update(now_rows)

    day = date(2024, 1, 11)
    with clock_at(at(date(2024, 1, 3))):
        code, other = cases.create_cases(new_vault, [case_input("2024-01-02")] * 2)
        step()
        meeting = meetings.create_meeting(new_vault, day)
        step()
        meetings.remove_item(new_vault, meeting.items[1].id)
        step()
        cases.update_case(new_vault, code, case_input("2024-01-02", gemeente="Emmen"))
        step()
    item = meeting.items[0]
    with clock_at(at(day, 10)):
        meetings.start_meeting(new_vault, meeting.id)
        meetings.save_notes(new_vault, item.id, "Besproken met de partners.")
        wrong = meetings.add_decision(new_vault, item.id, DecisionKind.ADVIES_AAN_MELDER)
        step()
        meetings.delete_decision(new_vault, wrong.id)
        step()
        meetings.add_decision(
            new_vault, item.id, DecisionKind.MONITORING, review_date=date(2024, 3, 1)
        )
        step()
        first = actions.add_action(
            new_vault,
            code,
            "Melder bellen",
            "GGD Drenthe",
            date(2024, 2, 1),
            agenda_item_id=item.id,
        )
        step()
        mistake = actions.add_action(
            new_vault, code, "Dubbel", "Gemeente", date(2024, 2, 1), agenda_item_id=item.id
        )
        step()
        actions.withdraw_action(new_vault, mistake.id)
        step()
        actions.edit_action(new_vault, first.id, owner="Veilig Thuis Drenthe")
        step()
        meetings.mark_discussed(new_vault, item.id, 300)
        step()
        meetings.finish_meeting(new_vault, meeting.id)
    with clock_at(at(date(2024, 1, 30))):
        actions.postpone_action(new_vault, first.id, date(2024, 2, 15), reason="vakantie")
        step()
        actions.complete_action(new_vault, first.id)
        step()
        actions.reopen_action(new_vault, first.id)
        step()
        actions.cancel_action(new_vault, first.id)
        step()
        cases.set_status(new_vault, code, CaseStatus.AFGESLOTEN)
        step()
    new_vault.db.conn.set_trace_callback(None)
    assert not [s for s in statements if "UPDATE case_events" in s.upper()]
    # And the store itself refuses: history cannot be rewritten, only a whole case destroyed.
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        new_vault.db.conn.execute("UPDATE case_events SET params = '{}'")
    assert _event_rows(new_vault) == seen
    kinds = [e.kind for e in history.case_history(new_vault, code)]
    for kind in (
        K.BESLUIT_INGETROKKEN,
        K.ACTIE_INGETROKKEN,
        K.ACTIE_GEWIJZIGD,
        K.ACTIE_HEROPEND,
        K.ACTIE_VERVALLEN,
    ):
        assert kind in kinds
    assert other  # the second case was taken off the agenda


def test_events_store_facts_not_sentences(new_vault) -> None:
    with clock_at(at(date(2024, 1, 3))):
        (code,) = cases.create_cases(new_vault, [case_input("2024-01-02")])
        action = actions.add_action(
            new_vault, code, "Melder bellen", "GGD Drenthe", date(2024, 2, 1)
        )
        actions.postpone_action(new_vault, action.id, date(2024, 2, 15), reason="ziek")
        cases.set_status(new_vault, code, CaseStatus.MONITORING, review_date=date(2024, 3, 1))
    rows = _event_rows(new_vault).values()
    assert {row[5] for row in rows} == {""}  # no detail sentence
    stored = " ".join(row[6] for row in rows)
    for dutch in ("uiterlijk", "herbeoordeling", "→", "01-02-2024"):
        assert dutch not in stored
    postponed = next(json.loads(row[6]) for row in rows if row[3] == K.ACTIE_UITGESTELD.value)
    assert postponed == {
        "action_id": action.id,
        "description": "Melder bellen",
        "owner": "GGD Drenthe",
        "from": "2024-02-01",
        "to": "2024-02-15",
        "reason": "ziek",
    }


def test_postponing_adds_a_line_and_leaves_the_creation_as_it_was(new_vault) -> None:
    # Observation 4: the 2026-09-30 "actie aangemaakt" line read the new due date.
    with clock_at(at(date(2026, 9, 30))):
        (code,) = cases.create_cases(new_vault, [case_input("2026-09-28")])
        action = actions.add_action(
            new_vault, code, "Dossier opvragen", "Gemeente", date(2026, 11, 5)
        )
    with clock_at(at(date(2026, 11, 3))):
        with pytest.raises(InvalidInput) as past:
            actions.postpone_action(new_vault, action.id, date(2026, 11, 1))
        with pytest.raises(InvalidInput) as earlier:
            actions.postpone_action(new_vault, action.id, date(2026, 11, 4))
        actions.postpone_action(new_vault, action.id, date(2026, 11, 20), reason="wacht op stukken")
    assert past.value.key == "date.in_past"
    assert "01-11-2026" in past.value.message
    assert earlier.value.key == "action.postpone_not_later"
    entries = history.case_history(new_vault, code)
    created = next(e for e in entries if e.kind is K.ACTIE_AANGEMAAKT)
    assert created.detail == "Dossier opvragen (Gemeente, uiterlijk 05-11-2026)"
    assert created.at == at(date(2026, 9, 30))
    postponed = [e for e in entries if e.kind is K.ACTIE_UITGESTELD]
    assert [e.detail for e in postponed] == [
        "Dossier opvragen (Gemeente): 05-11-2026 → 20-11-2026 — reden: wacht op stukken"
    ]
    assert actions.list_actions(new_vault, case_ref=code)[0].due_date == date(2026, 11, 20)


def test_history_reads_in_english_with_drieluik_lang_en(new_vault, monkeypatch) -> None:
    with clock_at(at(date(2024, 1, 3))):
        (code,) = cases.create_cases(new_vault, [case_input("2024-01-02")])
        action = actions.add_action(
            new_vault, code, "Melder bellen", "GGD Drenthe", date(2024, 2, 1)
        )
        actions.postpone_action(new_vault, action.id, date(2024, 2, 15), reason="ziek")
        cases.update_case(new_vault, code, case_input("2024-01-02", gemeente="Emmen"))
        cases.set_status(new_vault, code, CaseStatus.MONITORING, review_date=date(2024, 3, 1))
    monkeypatch.setenv("DRIELUIK_LANG", "en")
    entries = history.case_history(new_vault, code)
    assert [(e.kind.label, e.detail) for e in entries] == [
        ("signal received", "Veilig Thuis Drenthe"),
        ("action created", "Melder bellen (GGD Drenthe, due 01-02-2024)"),
        ("action postponed", "Melder bellen (GGD Drenthe): 01-02-2024 → 15-02-2024 — reason: ziek"),
        ("edited", "municipality"),
        ("status changed", "nieuw → monitoring (review 01-03-2024)"),
    ]
    monkeypatch.setenv("DRIELUIK_LANG", "nl")
    assert history.case_history(new_vault, code)[3].detail == "gemeente"


def test_render_event_is_pure_and_shows_old_sentences_verbatim() -> None:
    assert history.render_event(K.GEWIJZIGD, {"legacy": "iets van vroeger"}) == "iets van vroeger"
    assert (
        history.render_event(
            K.BESLUIT,
            {
                "kind": "doorverwijzing",
                "referral_to": "Fier",
                "text": "Opvang.",
                "review_date": None,
            },
        )
        == "doorverwijzing → Fier: Opvang."
    )
    assert history.render_event(K.DOORGESCHOVEN, {}) == "volgend overleg"
    assert (
        history.render_event(
            K.ACTIE_GEWIJZIGD,
            {
                "description": "Bellen",
                "owner": "KMar",
                "fields": ["description", "owner", "due_date"],
                "changes": {"owner": ["Politie", "KMar"], "due_date": [None, "2024-05-01"]},
            },
        )
        == "Bellen (KMar): omschrijving; eigenaar Politie → KMar; uiterlijk — → 01-05-2024"
    )
