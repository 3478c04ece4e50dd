"""The words and dates every renderer puts around the model's texts.

One place, so Markdown, Word and PDF say exactly the same thing.
"""

from __future__ import annotations

from datetime import date

from drieluik.i18n import t
from drieluik.services.minutes.model import Minutes, MinutesAction, MinutesDecision, MinutesItem

NO_DATE = "—"


def long_date(day: date) -> str:
    """14 maart 2024."""
    return f"{day.day} {t(f'minutes.month.{day.month}')} {day.year}"


def short_date(day: date | None) -> str:
    """14-03-2024, the way Dutch minutes write dates in tables."""
    return day.strftime("%d-%m-%Y") if day else NO_DATE


def title(minutes: Minutes) -> str:
    key = "minutes.title_concept" if minutes.concept else "minutes.title"
    return t(key, date=long_date(minutes.meeting_date), meeting=minutes.meeting_name)


def concept_note(minutes: Minutes) -> str | None:
    """The line at the top (Markdown) and in the page header (Word, PDF) of concept minutes."""
    return t("minutes.concept_note") if minutes.concept else None


def item_state_note(minutes: Minutes, item: MinutesItem) -> str | None:
    """Why an item has no discussion: carried over, or (in concept minutes) not yet reached."""
    if item.discussed:
        return None
    if minutes.concept and not item.carried_over:
        return t("minutes.not_yet_discussed")
    return t("minutes.not_discussed")


def clock(seconds: int) -> str:
    """7:05 (minutes:seconds), 1:02:03 past an hour."""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def item_time(item: MinutesItem) -> str:
    return t(
        "minutes.time_value", spent=clock(item.seconds_spent), planned=clock(item.planned_seconds)
    )


def total_time(minutes: Minutes) -> str | None:
    """The meeting's spent and planned time, for minutes with `show_times`."""
    if not minutes.show_times:
        return None
    spent = sum(item.seconds_spent for item in minutes.items)
    planned = sum(item.planned_seconds for item in minutes.items)
    return t("minutes.time_total", spent=clock(spent), planned=clock(planned))


def partner_note(minutes: Minutes) -> str | None:
    return t("minutes.subtitle_partner", partner=minutes.partner) if minutes.partner else None


def footer() -> str:
    return t("minutes.footer")


def agenda_entry(item: MinutesItem) -> str:
    return t("minutes.agenda_entry", code=item.case_code, reason=item.reason.label)


def item_heading(item: MinutesItem, shown: int) -> str:
    """ "2. Casus DL-2024-003": `shown` counts the items of this document from 1.

    In a per-partner extract that differs from the item's place on the full
    agenda (`item.number`), and the document must agree with itself (its
    agenda list numbers 1, 2, … in every format).
    """
    return t("minutes.heading.item", number=shown, code=item.case_code)


def item_facts(item: MinutesItem, *, times: bool = False) -> list[tuple[str, str]]:
    """(label, value) pairs shown under an item's heading (with `times`: the time-box)."""
    facts = [
        (t("minutes.label.reason"), item.reason.label),
        (t("minutes.label.reporter"), item.reporter),
        (t("minutes.label.form"), item.form.label),
        (t("minutes.label.municipality"), item.municipality),
    ]
    if times:
        facts.append((t("minutes.label.time"), item_time(item)))
    return facts


def no_items(minutes: Minutes) -> str:
    return t("minutes.none.items_partner" if minutes.partner else "minutes.none.items")


def no_actions(minutes: Minutes) -> str:
    """In an extract, other organisations' actions are left out: say so."""
    return t("minutes.none.actions_partner" if minutes.partner else "minutes.none.actions")


def decision_head(decision: MinutesDecision) -> tuple[str, str]:
    """(kind label, details) — "doorverwijzing", "doorverwezen naar Fier; herbeoordeling …"."""
    details = []
    if decision.referral_to:
        details.append(t("minutes.label.referral", org=decision.referral_to))
    if decision.review_date:
        details.append(t("minutes.label.review", date=short_date(decision.review_date)))
    kind = decision.kind.label
    return kind[:1].upper() + kind[1:], "; ".join(details)


def action_details(action: MinutesAction) -> str:
    """ "eigenaar GGD Drenthe; uiterlijk 01-04-2024"."""
    parts = [t("minutes.label.owner", owner=action.owner)]
    if action.due_date:
        parts.append(t("minutes.label.due", date=short_date(action.due_date)))
    return "; ".join(parts)


def action_columns() -> list[str]:
    return [
        t("minutes.col.case"),
        t("minutes.col.action"),
        t("minutes.col.owner"),
        t("minutes.col.due"),
        t("minutes.col.status"),
    ]


def action_row(action: MinutesAction) -> list[str]:
    return [
        action.case_code,
        action.description,
        action.owner,
        short_date(action.due_date),
        action.status.label,
    ]
