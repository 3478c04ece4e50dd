"""The chairing screen's text builders, called directly (no app, no vault)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from drieluik.domain.vocabulary import (
    ActionStatus,
    AgendaReason,
    CaseStatus,
    EventKind,
    ExploitationForm,
    MeetingState,
)
from drieluik.i18n import set_language
from drieluik.services.types import ActionView, AgendaItemView, CaseView, HistoryEntry
from drieluik.widgets.chairing import text


@pytest.fixture(autouse=True)
def dutch():
    set_language("nl")
    yield
    set_language("nl")


def _action(**changes) -> ActionView:
    values = dict(
        id=1,
        case_id=1,
        case_code="DL-2026-001",
        description="Bel [bold]terug[/bold]",
        owner="GGD Drenthe",
        due_date=date(2026, 12, 1),
        status=ActionStatus.OPEN,
        times_postponed=0,
    )
    values.update(changes)
    return ActionView(**values)


def _item(**changes) -> AgendaItemView:
    case = CaseView(
        id=1,
        code="DL-2026-001",
        signal_date=date(2026, 11, 1),
        reporter="Gemeente",
        municipality="Assen",
        form=ExploitationForm.ARBEID,
        status=CaseStatus.MONITORING,
        summary="Samenvatting",
        review_date=date(2027, 3, 1),
    )
    values = dict(
        id=7,
        meeting_id=1,
        position=1,
        case=case,
        reason=AgendaReason.NIEUW_SIGNAAL,
        notes="",
        discussed=False,
        seconds_spent=0,
        carried_over=False,
    )
    values.update(changes)
    return AgendaItemView(**values)


def test_clock_and_time_box_levels() -> None:
    assert text.clock_text(65) == "01:05"
    assert text.clock_text(3725) == "1:02:05"
    assert text.clock_text(5, hours=True) == "0:00:05"
    assert text.time_level(479, 600) == "ok"
    assert text.time_level(480, 600) == "warn"  # 80 %
    assert text.time_level(600, 600) == "warn"
    assert text.time_level(601, 600) == "over"
    assert text.time_level(10_000, 0) == "ok"  # no time-box
    assert text.timebox_text(250, 600) == "04:10 / 10:00"
    assert text.timebox_text(250, 0) == "04:10"


def test_meeting_line_shows_item_and_meeting_time_boxes_and_the_state() -> None:
    line = text.meeting_clock_text(
        1200, planned=3000, item_spent=700, item_planned=600, state=MeetingState.BEZIG
    )
    assert str(line) == "punt 11:40 / 10:00 · overleg 0:20:00 / 0:50:00 · bezig"
    over = [span for span in line.spans if "red" in str(span.style)]
    assert over and str(line)[over[0].start : over[0].end].startswith("punt 11:40")
    done = text.meeting_clock_text(4000, finished=True, carried=2)
    assert "Afgerond — 2 punt(en) doorgeschoven" in str(done)
    assert "bezig" not in str(done)


def test_action_line_is_literal_dutch_dated_and_marks_a_closed_action() -> None:
    line = text.action_text(_action(), today=date(2026, 12, 2))
    assert str(line) == "uiterlijk 01-12-2026 · GGD Drenthe — Bel [bold]terug[/bold]"
    assert any("red" in str(span.style) for span in line.spans)  # overdue
    done = text.action_text(_action(status=ActionStatus.GEDAAN), today=date(2026, 11, 2))
    assert str(done).endswith(f"({ActionStatus.GEDAAN.label})")


def test_status_and_head() -> None:
    item = _item()
    assert str(text.status_text(item)) == "Status: monitoring tot 01-03-2027"
    assert "nog niet besproken" in str(text.head_text(item))
    assert "doorgeschoven" in str(text.head_text(_item(carried_over=True)))
    assert "besproken" in str(text.head_text(_item(discussed=True)))


def test_history_counts_what_it_leaves_out() -> None:
    entries = [
        HistoryEntry(
            at=datetime(2026, 11, day, 10, tzinfo=UTC),
            kind=EventKind.SIGNAAL_ONTVANGEN,
            detail=f"melding {day}",
        )
        for day in range(1, 6)
    ]
    shown = str(text.history_text(entries, 2))
    assert shown.startswith("… +3\n")
    assert "04-11-2026" in shown and "05-11-2026" in shown and "03-11-2026" not in shown
    assert "nog niets" in str(text.history_text([], 12))


def test_english() -> None:
    set_language("en")
    assert str(text.meeting_clock_text(60, state=MeetingState.BEZIG)).startswith("meeting 0:01:00")
    assert "due 01-12-2026" in str(text.action_text(_action(), today=date(2026, 11, 2)))
