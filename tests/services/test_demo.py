"""The demo generator: deterministic, realistic, consistent with the agenda rules, no PII."""

from __future__ import annotations

import hashlib
import itertools
import json
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import select

from drieluik.domain.vocabulary import (
    AGENDA_REASON_ORDER,
    ActionStatus,
    AgendaReason,
    CaseStatus,
    DecisionKind,
    EventKind,
)
from drieluik.services import cases, history, meetings
from drieluik.services.demo import DEMO_MARKER, fill_demo, is_demo
from drieluik.services.pii import scan
from drieluik.store.models import (
    Action,
    AgendaItem,
    Case,
    CaseEvent,
    Decision,
    Meeting,
    Setting,
)
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE

TODAY = date(2025, 3, 12)
# Every table but the audit trail, which records who made the demo and when.
DIGESTED = (
    "cases",
    "meetings",
    "agenda_items",
    "decisions",
    "actions",
    "case_events",
    "reporters",
    "settings",
)


def _digest(vault: Vault) -> str:
    digest = hashlib.sha256()
    with vault.session() as session:
        for table in DIGESTED:
            for row in session.execute(text(f"SELECT * FROM {table} ORDER BY 1")):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory):
    """The default demo, made once for the read-only tests of this module."""
    path = tmp_path_factory.mktemp("demo") / "demo.vault"
    vault = Vault.create(path, PASSPHRASE)
    summary = fill_demo(vault, today=TODAY)
    yield vault, summary
    vault.close()


def test_same_seed_and_day_give_identical_data(tmp_path: Path) -> None:
    digests = []
    for name in ("a", "b"):
        vault = Vault.create(tmp_path / f"{name}.vault", PASSPHRASE)
        fill_demo(vault, cases=60, seed=11, today=TODAY)
        digests.append(_digest(vault))
        vault.close()
    other = Vault.create(tmp_path / "c.vault", PASSPHRASE)
    fill_demo(other, cases=60, seed=12, today=TODAY)
    assert digests[0] == digests[1]
    assert _digest(other) != digests[0]
    other.close()


def test_two_years_of_signals_and_roughly_monthly_meetings(demo_vault) -> None:
    vault, summary = demo_vault
    assert summary.cases == 140
    assert TODAY - timedelta(days=740) <= summary.first_signal <= TODAY - timedelta(days=700)
    dates = sorted(d for _, d, _, _ in meetings.list_meetings(vault))
    past = [d for d in dates if d < TODAY]
    assert 18 <= len(past) <= 22
    gaps = {(b - a).days for a, b in itertools.pairwise(dates)}
    assert gaps <= set(range(28, 43))  # roughly monthly
    with vault.session() as session:
        finished = session.exec(select(Meeting).where(Meeting.meeting_date < TODAY)).all()
        assert all(m.ended_at and m.started_at and m.ended_at > m.started_at for m in finished)
        assert all("Zorg- en Veiligheidshuis Drenthe" in m.attending for m in finished)


def test_the_register_has_every_kind_of_case_and_action(demo_vault) -> None:
    vault, summary = demo_vault
    with vault.session() as session:
        statuses = Counter(session.exec(select(Case.status)).all())
        actions = session.exec(select(Action)).all()
        decisions = Counter(session.exec(select(Decision.kind)).all())
        notes = session.exec(select(AgendaItem.notes).where(AgendaItem.discussed)).all()
    assert statuses[CaseStatus.MONITORING.value] >= 3
    assert statuses[CaseStatus.AFGESLOTEN.value] >= 30
    assert statuses[CaseStatus.GEAGENDEERD.value] >= 1  # on next week's agenda
    assert statuses[CaseStatus.DOORVERWEZEN.value] >= 1
    assert {ActionStatus.OPEN.value, ActionStatus.GEDAAN.value, ActionStatus.VERVALLEN.value} <= {
        a.status for a in actions
    }
    assert any(a.times_postponed for a in actions)
    assert summary.overdue_actions >= 1
    assert set(decisions) >= {k.value for k in DecisionKind if k is not DecisionKind.INBRENG_RIEC}
    assert all(notes)


def test_the_upcoming_meeting_has_its_proposed_agenda_with_every_reason(demo_vault) -> None:
    vault, summary = demo_vault
    upcoming = meetings.next_meeting(vault, TODAY)
    assert upcoming is not None
    assert upcoming.meeting_date == TODAY + timedelta(days=7) == summary.upcoming_date
    assert not upcoming.finished and upcoming.items
    reasons = [i.reason for i in upcoming.items]
    assert set(reasons) == {
        AgendaReason.NIEUW_SIGNAAL,
        AgendaReason.ACTIE_VERLOPEN,
        AgendaReason.MONITORING_HERBEOORDELING,
        AgendaReason.DOORGESCHOVEN,
    }
    ranks = [AGENDA_REASON_ORDER[r] for r in reasons]
    assert ranks == sorted(ranks)


def test_the_past_follows_the_agenda_rules(demo_vault) -> None:
    vault, _ = demo_vault
    with vault.session() as session:
        past = session.exec(
            select(Meeting).where(Meeting.meeting_date < TODAY).order_by(Meeting.meeting_date)
        ).all()
        items = session.exec(select(AgendaItem)).all()
        by_meeting: dict[int, list[AgendaItem]] = {}
        for item in items:
            by_meeting.setdefault(item.meeting_id, []).append(item)
        for meeting in past:
            agenda = sorted(by_meeting.get(meeting.id, []), key=lambda i: i.position)
            assert [i.position for i in agenda] == list(range(1, len(agenda) + 1))
            assert len({i.case_id for i in agenda}) == len(agenda)  # one item per case
            assert all(i.discussed != i.carried_over for i in agenda)
            # Items not reached are the last ones, and go to the next meeting.
            reached = [i.discussed for i in agenda]
            assert reached == sorted(reached, reverse=True)
        last = past[-1]
        assert any(i.carried_over for i in by_meeting[last.id])
        for case in session.exec(select(Case)).all():
            if case.status == CaseStatus.MONITORING.value:
                assert case.review_date is not None
            if case.status == CaseStatus.AFGESLOTEN.value:
                assert case.closed_date is not None
            if case.status == CaseStatus.NIEUW.value:
                assert case.signal_date >= last.meeting_date - timedelta(days=3)


def test_history_reads_in_time_order_and_nothing_is_in_the_future(demo_vault) -> None:
    vault, _ = demo_vault
    end_of_today = datetime.combine(TODAY, datetime.max.time()).astimezone()
    with vault.session() as session:
        latest = session.exec(select(CaseEvent.at).order_by(CaseEvent.at.desc())).first()
        codes = session.exec(select(Case.code)).all()
    assert latest is not None and latest <= end_of_today
    for code in codes[::7]:
        entries = history.case_history(vault, code)
        assert entries[0].kind is EventKind.SIGNAAL_ONTVANGEN
        assert entries[0].at.astimezone().date() == cases.get_case(vault, code).signal_date
        assert [e.at for e in entries] == sorted(e.at for e in entries)


def test_every_decision_and_action_has_its_events_as_the_services_write_them(demo_vault) -> None:
    vault, _ = demo_vault
    with vault.session() as session:
        events = session.exec(select(CaseEvent)).all()
        action_rows = {a.id: a for a in session.exec(select(Action))}
        decision_ids = set(session.exec(select(Decision.id)))
    params = [(e.kind, json.loads(e.params)) for e in events]
    assert {e.detail for e in events} == {""}
    created = {p["action_id"]: p for kind, p in params if kind == EventKind.ACTIE_AANGEMAAKT}
    assert set(created) == set(action_rows)
    assert {p["decision_id"] for kind, p in params if kind == EventKind.BESLUIT} == decision_ids
    postponed = [p for kind, p in params if kind == EventKind.ACTIE_UITGESTELD]
    assert postponed, "the demo postpones some actions"
    for action_id, row in action_rows.items():
        moves = [p for p in postponed if p["action_id"] == action_id]
        assert len(moves) == row.times_postponed
        # The creation keeps the first due date; each postponement starts where the last ended.
        due = created[action_id]["due_date"]
        for move in moves:
            assert move["from"] == due
            due = move["to"]
        assert due == row.due_date.isoformat()


def test_the_vault_is_marked_as_a_demo(demo_vault, new_vault) -> None:
    vault, _ = demo_vault
    assert is_demo(vault)
    assert not is_demo(new_vault)
    with vault.session() as session:
        assert session.get(Setting, DEMO_MARKER) is not None


def test_proportions_follow_the_annual_report_and_scale(tmp_path: Path) -> None:
    vault = Vault.create(tmp_path / "groot.vault", PASSPHRASE)
    summary = fill_demo(vault, cases=5000, seed=3, today=TODAY)
    assert summary.cases == 5000
    # Meetings, decisions and actions grow with the register.
    assert summary.meetings >= 500
    assert summary.agenda_items >= 1.3 * summary.cases
    assert summary.decisions >= summary.cases
    assert summary.actions >= 0.5 * summary.cases
    with vault.session() as session:
        forms = Counter(session.exec(select(Case.form)).all())
        places = Counter(session.exec(select(Case.municipality)).all())
        reporters = Counter(session.exec(select(Case.reporter)).all())
    vault.close()

    def share(counter: Counter, key: str) -> float:
        return counter[key] / 5000

    # 2023: 28 seksueel, 11 arbeid, 7 crimineel, 21 onbekend of 67.
    assert share(forms, "seksueel") == pytest.approx(28 / 67.5, abs=0.04)
    assert share(forms, "arbeid") == pytest.approx(11 / 67.5, abs=0.03)
    assert share(forms, "crimineel") == pytest.approx(7 / 67.5, abs=0.03)
    assert share(forms, "onbekend") == pytest.approx(21 / 67.5, abs=0.04)
    assert share(forms, "orgaan") < 0.02
    # Emmen, onbekend and Assen lead; Aa en Hunze, Tynaarlo and Noordenveld are rare.
    assert [p for p, _ in places.most_common(3)] == ["Emmen", "onbekend", "Assen"]
    assert share(places, "Emmen") == pytest.approx(15 / 68.5, abs=0.03)
    assert max(share(places, p) for p in ("Aa en Hunze", "Tynaarlo", "Noordenveld")) < 0.03
    # Mostly Veilig Thuis, police and care; municipalities lag behind.
    police = sum(n for r, n in reporters.items() if r.startswith("Politie")) / 5000
    assert reporters.most_common(1)[0][0] == "Veilig Thuis Drenthe"
    assert police > share(reporters, "Gemeente") * 2
    assert share(reporters, "Zorginstelling") > share(reporters, "Gemeente")


def test_an_empty_demo_is_possible(tmp_path: Path) -> None:
    vault = Vault.create(tmp_path / "leeg.vault", PASSPHRASE)
    summary = fill_demo(vault, cases=0, today=TODAY)
    assert (summary.cases, summary.meetings, summary.upcoming_date) == (0, 0, None)
    vault.close()


def _all_demo_texts(vault: Vault) -> list[str]:
    with vault.session() as session:
        found: list[str] = []
        found += session.exec(select(Case.summary)).all()
        found += session.exec(select(Case.reporter)).all()
        found += session.exec(select(AgendaItem.notes)).all()
        found += session.exec(select(Decision.text)).all()
        found += [r for r in session.exec(select(Decision.referral_to)).all() if r]
        found += session.exec(select(Action.description)).all()
        found += session.exec(select(Action.owner)).all()
        found += session.exec(select(Meeting.attending)).all()
        found += session.exec(select(CaseEvent.detail)).all()
    return sorted(set(found))


def test_no_demo_text_holds_personal_data(demo_vault) -> None:
    vault, _ = demo_vault
    texts = _all_demo_texts(vault)
    assert len(texts) > 100
    flagged = {t: scan(t) for t in texts}
    assert {t: f for t, f in flagged.items() if f} == {}


def test_pii_audit_finds_nothing_in_the_demo(demo_vault) -> None:
    # The demo shows the guard; its own stored texts must be clean (issue 12).
    from drieluik.services import guard, pii_audit

    vault, _summary = demo_vault
    assert pii_audit.audit_stored(vault) == []
    assert guard.count_marked(vault) == 0


@pytest.mark.parametrize("key", ["groningen", "ijsselland"])
def test_a_demo_for_another_region_uses_that_region_only(tmp_path: Path, key: str) -> None:
    from drieluik.services import region, report

    vault = Vault.create(tmp_path / f"{key}.vault", PASSPHRASE)
    profile = region.choose(vault, key)
    summary = fill_demo(vault, cases=140, today=TODAY)
    assert summary.cases == 140
    with vault.session() as session:
        places = Counter(session.exec(select(Case.municipality)).all())
        codes = session.exec(select(Case.code)).all()
        reporters = set(session.exec(select(Case.reporter)).all())
        attending = session.exec(select(Meeting.attending)).all()
    assert set(places) <= {*profile.all_names(), profile.outside, "onbekend"}
    assert len(set(places) & set(profile.all_names())) >= len(profile.all_names()) - 2
    assert all(code.startswith(f"{profile.code_prefix}-") for code in codes)
    assert reporters <= set(profile.reporters)
    assert all(f"Zorg- en Veiligheidshuis {profile.name}" in a for a in attending)
    texts = _all_demo_texts(vault)
    assert not [t for t in texts if "Drenthe" in t or "Assen" in t or "Emmen" in t]
    assert {t: f for t in texts if (f := scan(t))} == {}
    figures = report.annual_report(vault, TODAY.year - 1)
    assert list(figures.by_municipality)[: len(profile.all_names())] == list(profile.all_names())
    assert figures.total > 40
    vault.close()
