"""Pure text builders of the chairing screen: views in, Rich `Text` out.

No widget, no vault, no clock: the screen passes in what they show (and
`today`), so tests call them directly. User text goes through `literal`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text

from drieluik.domain.dates import format_date
from drieluik.domain.vocabulary import ActionStatus, CaseStatus, MeetingState
from drieluik.i18n import t
from drieluik.services.types import ActionView, AgendaItemView, DecisionView, HistoryEntry
from drieluik.widgets.literal import literal

# The clock turns amber at this share of the planned time, red past all of it.
WARN_SHARE = 0.8


def clock_text(seconds: int, *, hours: bool = False) -> str:
    seconds = max(0, int(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    if hours or h:
        return f"{h}:{m:02d}:{s:02d}"
    return f"{m:02d}:{s:02d}"


def day_text(day: date) -> str:
    """A date as the app shows it (one style everywhere: 16-12-2026)."""
    return format_date(day)


def time_level(spent: int, planned: int | None) -> str:
    """ "ok", "warn" (at 80 % of the planned time) or "over" (past it); "ok" without a plan."""
    if not planned:
        return "ok"
    if spent > planned:
        return "over"
    if spent >= WARN_SHARE * planned:
        return "warn"
    return "ok"


def timebox_text(spent: int, planned: int | None) -> str:
    """ "04:10 / 10:00" (spent / planned), or only the spent time without a plan."""
    if not planned:
        return clock_text(spent)
    return t("chair.timebox", spent=clock_text(spent), planned=clock_text(planned))


def head_text(item: AgendaItemView) -> Text:
    head = Text()
    head.append(f" {item.case.code} ", style="bold reverse")
    head.append("  ")
    head.append(t("chair.reason", reason=item.reason.label), style="bold")
    head.append("   ")
    if item.discussed:
        head.append(t("chair.discussed"), style="bold green")
    elif item.carried_over:
        head.append(t("chair.carried_over"), style="bold yellow")
    else:
        head.append(t("chair.not_discussed"), style="dim")
    return head


def case_line(item: AgendaItemView) -> Text:
    case = item.case
    meta = t(
        "chair.case_line",
        form=case.form.label,
        municipality=case.municipality,
        reporter=case.reporter,
    )
    return literal(meta, single_line=True)


def summary_text(item: AgendaItemView) -> Text:
    summary = Text()
    summary.append(t("chair.summary") + "\n", style="bold")
    summary.append_text(literal(item.case.summary))
    return summary


def history_text(entries: Sequence[HistoryEntry], shown: int) -> Text:
    """The newest `shown` entries of a case's history; older ones are counted."""
    lines = Text()
    if not entries:
        lines.append(t("chair.history_empty"), style="dim")
    older = len(entries) - shown
    if older > 0:
        lines.append(f"… +{older}\n", style="dim")
    for entry in entries[-shown:] if shown else ():
        day = entry.meeting_date or entry.at.date()
        detail = entry.detail.removeprefix(f"{format_date(entry.meeting_date)} — ")
        lines.append(day_text(day), style="dim")
        lines.append(" ")
        lines.append(entry.kind.label, style="bold")
        if detail:
            lines.append(": ")
            lines.append_text(literal(detail, single_line=True))
        lines.append("\n")
    lines.rstrip()
    return lines


def action_text(action: ActionView, today: date) -> Text:
    text = Text()
    if action.due_date:
        style = "bold red" if action.is_overdue(today) else "dim"
        text.append(t("chair.due", date=day_text(action.due_date)), style=style)
        text.append(" · ")
    text.append_text(literal(action.owner, "bold", single_line=True))
    text.append(" — ")
    text.append_text(literal(action.description, single_line=True))
    if action.times_postponed:
        text.append(f" ({t('chair.postponed', count=action.times_postponed)})", style="dim")
    if action.status is not ActionStatus.OPEN:
        text.append(f" ({action.status.label})", style="bold")
    return text


def decision_text(decision: DecisionView) -> Text:
    line = Text()
    line.append(decision.kind.label, style="bold")
    if decision.referral_to:
        line.append(" → ")
        line.append_text(literal(decision.referral_to, single_line=True))
    if decision.review_date:
        line.append(" (" + t("chair.until", date=day_text(decision.review_date)) + ")")
    if decision.text:
        line.append(": ")
        line.append_text(literal(decision.text, single_line=True))
    return line


def status_text(item: AgendaItemView) -> Text:
    case = item.case
    status = case.status.label
    if case.status is CaseStatus.MONITORING and case.review_date:
        status += " " + t("chair.until", date=day_text(case.review_date))
    key = "chair.next_status" if item.decisions else "chair.status"
    return Text(t(key, status=status), style="bold")


def meeting_clock_text(
    seconds: int,
    *,
    planned: int | None = None,
    item_spent: int | None = None,
    item_planned: int | None = None,
    state: MeetingState | None = None,
    finished: bool = False,
    carried: int = 0,
    paused: bool = False,
) -> Text:
    """The line under the case: the item's and the meeting's time against their
    time-box (amber at 80 %, red past it), the meeting's state, pause and end."""
    clock = Text()
    if item_spent is not None and item_planned:
        level = time_level(item_spent, item_planned)
        clock.append(
            t("chair.item_time", time=timebox_text(item_spent, item_planned)), style=_STYLE[level]
        )
        clock.append(" · ")
    time = clock_text(seconds, hours=True)
    if planned:
        time = t("chair.timebox", spent=time, planned=clock_text(planned, hours=True))
    clock.append(t("chair.meeting_clock", time=time), style=_STYLE[time_level(seconds, planned)])
    if state is not None and not finished:
        clock.append(" · " + state.label, style="bold")
    if paused:
        clock.append("  " + t("chair.clock_paused"), style="bold yellow")
    if finished:
        clock.append("  " + t("chair.finished_banner", count=carried), style="bold yellow")
    return clock


_STYLE = {"ok": "", "warn": "bold yellow", "over": "bold red"}
