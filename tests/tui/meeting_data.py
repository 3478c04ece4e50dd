"""Deterministic, realistic data for the meeting-screen tests, snapshot and screenshot.

`seed_meetings(vault, today)` leaves:
- a previous meeting (three weeks ago) that is finished: one case decided
  `monitoring` with a review date before the next meeting, one case not
  reached (so it is carried over, `doorgeschoven`), one case with an action
  that is now overdue;
- two new signals not yet on any agenda.
Every moment is fixed with `clock_at`, so histories and clocks are stable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from drieluik.domain.vocabulary import DecisionKind
from drieluik.services import actions, cases, meetings
from drieluik.store.models import clock_at
from drieluik.store.vault import Vault

SUMMARIES = {
    "carried": (
        "2026-10-20",
        "Emmen",
        "arbeid",
        "Nederlandse Arbeidsinspectie",
        "arbeidsmigrant",
        "Arbeidsmigrant werkt via een uitzendbureau 70 uur per week in de kassenteelt; "
        "woont met twaalf anderen in een chalet op een vakantiepark. Paspoort zou door "
        "de werkgever zijn ingehouden.",
    ),
    "monitoring": (
        "2026-09-14",
        "Assen",
        "seksueel",
        "Veilig Thuis Drenthe",
        "LVB",
        "Jonge vrouw met een licht verstandelijke beperking biedt via een sekssite diensten "
        "aan; een vriend regelt de afspraken en beheert haar telefoon en bankrekening.",
    ),
    "overdue": (
        "2026-10-02",
        "Hoogeveen",
        "crimineel",
        "Politie (AVIM)",
        "minderjarig",
        "Minderjarige jongen wordt ingezet als drugskoerier tussen Hoogeveen en Zwolle; "
        "heeft schulden bij oudere jongens uit de wijk.",
    ),
    "new_a": (
        "2026-11-09",
        "Coevorden",
        "arbeid",
        "Gemeente",
        "statushouder",
        "Statushouder werkt onbetaald in een autowasstraat om een 'schuld' voor de reis af "
        "te lossen; signaal via de klantmanager van de gemeente.",
    ),
    "new_b": (
        "2026-11-16",
        "Meppel",
        "seksueel",
        "GGD Drenthe",
        "",
        "Bij een soa-spreekuur valt op dat een vrouw steeds met dezelfde man komt die voor "
        "haar het woord doet; zij spreekt geen Nederlands of Engels.",
    ),
}


@dataclass(frozen=True)
class SeededMeetings:
    codes: dict[str, str]
    previous_meeting_id: int
    next_date: date


def at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute)).astimezone()


def seed_meetings(vault: Vault, today: date) -> SeededMeetings:
    codes: dict[str, str] = {}
    for key, (day, place, form, reporter, group, summary) in SUMMARIES.items():
        raw = {
            "datum": day,
            "gemeente": place,
            "vorm": form,
            "melder": reporter,
            "omschrijving": summary,
            "kwetsbaar": group,
        }
        with clock_at(at(date.fromisoformat(day), 9)):
            codes[key] = cases.create_case(vault, cases.require_valid(raw)).code

    previous = today - timedelta(days=21)
    with clock_at(at(previous, 9, 30)):
        meeting = meetings.create_meeting(
            vault,
            previous,
            ["Veilig Thuis Drenthe", "Politie (AVIM)", "GGD Drenthe"],
            propose=False,
        )
        for key in ("monitoring", "overdue", "carried"):
            meeting = meetings.add_item(vault, meeting.id, codes[key])
        items = {item.case.code: item for item in meeting.items}
        meetings.start_meeting(vault, meeting.id)
    with clock_at(at(previous, 9, 45)):
        item = items[codes["monitoring"]]
        meetings.save_notes(
            vault, item.id, "Melder heeft contact met de vrouw; zij wil nog geen hulp."
        )
        meetings.add_decision(
            vault,
            item.id,
            DecisionKind.MONITORING,
            "Veilig Thuis houdt contact en meldt veranderingen.",
            review_date=today + timedelta(days=3),
            today=previous,
        )
        meetings.mark_discussed(vault, item.id, 540)
    with clock_at(at(previous, 10, 5)):
        item = items[codes["overdue"]]
        meetings.save_notes(vault, item.id, "School en jeugdreclassering zijn in beeld.")
        meetings.add_decision(
            vault,
            item.id,
            DecisionKind.ADVIES_AAN_MELDER,
            "Bespreken in het jeugdoverleg.",
            today=previous,
        )
        actions.add_action(
            vault,
            codes["overdue"],
            "Gezinssituatie in kaart brengen",
            "Zorg- en Veiligheidshuis Drenthe",
            previous + timedelta(days=14),
            agenda_item_id=item.id,
        )
        meetings.mark_discussed(vault, item.id, 420)
    with clock_at(at(previous, 11, 0)):
        meetings.finish_meeting(vault, meeting.id)
    return SeededMeetings(codes, meeting.id, today + timedelta(days=7))
