"""Retention: which closed cases are due, and a purge that leaves no trace of their text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import select

from drieluik.domain.vocabulary import (
    CaseStatus,
    DecisionKind,
    ExploitationForm,
)
from drieluik.errors import InvalidInput
from drieluik.services import actions, audit, cases, meetings, retention, vault_settings
from drieluik.services.cases import CaseInput
from drieluik.store.models import DestructionRecord
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE

TODAY = date(2031, 6, 1)


def _case(summary: str, signal: date = date(2024, 2, 1)) -> CaseInput:
    return CaseInput(
        signal_date=signal,
        reporter="Veilig Thuis Drenthe",
        municipality="Assen",
        form=ExploitationForm.ARBEID,
        summary=summary,
    )


def _discussed_case(vault: Vault, meeting_date: date, words: str, *, close_on: date | None) -> str:
    """A case with notes, a decision and an action, each carrying `words`."""
    code = cases.create_case(vault, _case(f"Samenvatting {words}summary")).code
    try:
        meetings.create_meeting(vault, meeting_date, ["Politie"], propose=False)
    except InvalidInput:
        pass  # the meeting exists already
    meeting = meetings.add_item(vault, meeting_date, code)
    item = next(i for i in meeting.items if i.case.code == code)
    meetings.save_notes(vault, item.id, f"Notities {words}notes")
    actions.add_action(vault, code, f"Actie {words}action", "GGD Drenthe", agenda_item_id=item.id)
    if close_on is not None:
        meetings.add_decision(
            vault, item.id, DecisionKind.AFSLUITEN, f"Besluit {words}decision", today=close_on
        )
    else:
        meetings.add_decision(
            vault, item.id, DecisionKind.ADVIES_AAN_MELDER, f"Besluit {words}decision"
        )
    return code


def test_due_cases_follow_the_retention_period(new_vault: Vault) -> None:
    old = _discussed_case(new_vault, date(2024, 3, 1), "oud", close_on=date(2025, 5, 31))
    recent = _discussed_case(new_vault, date(2024, 4, 1), "recent", close_on=date(2026, 6, 2))
    _discussed_case(new_vault, date(2024, 5, 1), "open", close_on=None)

    due = retention.due_cases(new_vault, TODAY)
    assert [c.code for c in due] == [old]
    assert due[0].closed_date == date(2025, 5, 31)
    assert due[0].due_since == date(2030, 5, 31)
    assert retention.count_due(new_vault, TODAY) == 1
    # One day later the recent one is due too (closed 2026-06-02 + 5 years).
    assert retention.count_due(new_vault, date(2031, 6, 2)) == 2

    retention.set_retention_years(new_vault, 7)
    assert retention.retention_years(new_vault) == 7
    assert retention.due_cases(new_vault, TODAY) == []
    assert [c.code for c in retention.due_cases(new_vault, date(2033, 6, 2))] == [old, recent]


def test_the_retention_period_is_bounded_and_defaults_to_five(new_vault: Vault) -> None:
    assert retention.retention_years(new_vault) == 5
    with pytest.raises(InvalidInput):
        retention.set_retention_years(new_vault, 0)
    with pytest.raises(InvalidInput):
        retention.set_retention_years(new_vault, 31)
    # A hand-edited value that no longer parses falls back to the default.
    with new_vault.transaction() as session:
        session.execute(text("INSERT INTO settings VALUES ('retention_years', 'vijf')"))
    assert vault_settings.get(new_vault, vault_settings.RETENTION_YEARS) == 5


def test_a_leap_day_closure_is_due_on_the_28th() -> None:
    assert retention.due_since(date(2024, 2, 29), 5) == date(2029, 2, 28)
    assert retention.due_since(date(2024, 2, 29), 4) == date(2028, 2, 29)


SENTINELS = [
    b"zwartvogel",  # the purged cases' words (suffixes added per field below)
    b"grijsmerel",
]


def _assert_absent(data: bytes, words: list[bytes]) -> None:
    lowered = data.lower()
    for word in words:
        assert word not in lowered, f"{word!r} survived the purge"
        # FTS5 stores prefixes of tokens too (prefix='2 3 4'): a full word
        # must not survive in any index structure either.


def test_a_purge_leaves_no_trace_of_the_purged_text(new_vault: Vault, vault_path: Path) -> None:
    first = _discussed_case(new_vault, date(2024, 3, 1), "zwartvogel", close_on=date(2025, 1, 6))
    second = _discussed_case(new_vault, date(2024, 3, 1), "grijsmerel", close_on=date(2025, 2, 3))
    kept = _discussed_case(new_vault, date(2024, 4, 1), "blijfvink", close_on=date(2027, 1, 1))
    # Closing the meeting freezes its minutes, with the words, in meeting_records.
    meetings.finish_meeting(new_vault, date(2024, 3, 1))
    # The words are really in the database before the purge, text and index.
    before = new_vault.db.serialize().lower()
    assert before.count(b"zwartvogelnotes") >= 2  # the agenda item and the frozen record
    for field in (b"summary", b"notes", b"decision", b"action"):
        assert b"zwartvogel" + field in before

    destroyed = retention.purge(new_vault, TODAY)

    assert [d.case_code for d in destroyed] == [first, second]
    assert all(d.rows_deleted >= 5 for d in destroyed)  # case, events, item, decision, action
    after = new_vault.db.serialize()
    _assert_absent(after, SENTINELS)
    assert b"blijfvink" in after.lower()
    new_vault.close()

    with Vault.open(vault_path, PASSPHRASE) as again:
        _assert_absent(again.db.serialize(), SENTINELS)
        assert [c.code for c in cases.list_cases(again)] == [kept]
        records = retention.destruction_records(again)
        assert [(r.case_code, r.closed_date) for r in records] == [
            (first, date(2025, 1, 6)),
            (second, date(2025, 2, 3)),
        ]
        with again.session() as session:
            for record in session.exec(select(DestructionRecord)):
                assert record.signal_date == date(2024, 2, 1)
            purged = session.execute(
                text("SELECT case_code FROM audit_log WHERE action = 'retention.purge'")
            ).scalars()
            assert list(purged) == [first, second]
            # The search index holds nothing of the purged cases.
            hits = session.execute(
                text("SELECT count(*) FROM search_index WHERE search_index MATCH 'zwartvogel*'")
            ).scalar_one()
            assert hits == 0
        assert audit.verify_chain(again).ok
        # Their codes are never handed out again.
        year = date(2024, 2, 1)
        new_code = cases.create_case(again, _case("nieuw signaal", year)).code
        assert new_code not in (first, second, kept)


def test_purge_takes_only_the_confirmed_codes(new_vault: Vault) -> None:
    first = _discussed_case(new_vault, date(2024, 3, 1), "een", close_on=date(2025, 1, 6))
    second = _discussed_case(new_vault, date(2024, 3, 1), "twee", close_on=date(2025, 2, 3))
    generation = new_vault.header.generation

    assert retention.purge(new_vault, TODAY, codes=["DL-1999-001"]) == []
    assert new_vault.header.generation == generation  # nothing to do: no save

    destroyed = retention.purge(new_vault, TODAY, codes=[second.lower()])
    assert [d.case_code for d in destroyed] == [second]
    assert [c.code for c in cases.list_cases(new_vault)] == [first]


def test_purge_keeps_another_cases_rows_linked_to_a_purged_agenda_item(new_vault: Vault) -> None:
    purged = _discussed_case(new_vault, date(2024, 3, 1), "weg", close_on=date(2025, 1, 6))
    other = cases.create_case(new_vault, _case("andere casus")).code
    meeting = meetings.get_meeting(new_vault, date(2024, 3, 1))
    item = next(i for i in meeting.items if i.case.code == purged)
    action = actions.add_action(new_vault, other, "blijft staan", "GGD", agenda_item_id=item.id)

    retention.purge(new_vault, TODAY)

    remaining = actions.list_actions(new_vault)
    assert [(a.id, a.case_code) for a in remaining] == [(action.id, other)]
    assert cases.get_case(new_vault, other).status is CaseStatus.NIEUW


def test_count_due_agrees_with_the_list_around_the_boundary(new_vault: Vault) -> None:
    """The dashboard's COUNT must equal the listed cases, also on leap days and edges."""
    closings = [
        date(2026, 5, 31),
        date(2026, 6, 1),
        date(2026, 6, 2),
        date(2024, 2, 29),
        date(2026, 12, 31),
        date(2020, 1, 1),
    ]
    codes = cases.create_cases(new_vault, [_case(f"boundary {i}") for i in range(len(closings))])
    for code, closed in zip(codes, closings, strict=True):
        cases.set_status(new_vault, code, CaseStatus.AFGESLOTEN)
        with new_vault.transaction() as session:
            session.execute(
                text("UPDATE cases SET closed_date = :d WHERE code = :c"),
                {"d": closed.isoformat(), "c": code},
            )
    for today in (date(2031, 5, 31), TODAY, date(2031, 6, 2), date(2029, 2, 28), date(2029, 3, 1)):
        assert retention.count_due(new_vault, today) == len(retention.due_cases(new_vault, today))
    assert retention.count_due(new_vault, TODAY) == 4  # closed on or before 2026-06-01
