"""Deterministic data for the dashboard and case-detail tests and snapshots.

Every moment is fixed with `clock_at` (and snapshot tests run in UTC), so
histories look the same on every machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from drieluik.domain.vocabulary import DecisionKind
from drieluik.services import actions, cases, meetings
from drieluik.store.models import clock_at
from drieluik.store.vault import Vault

# (signal date, gemeente, vorm, melder, kwetsbaar, summary)
SIGNALS = {
    "labour": (
        "2026-09-03",
        "Emmen",
        "arbeid",
        "Nederlandse Arbeidsinspectie",
        "arbeidsmigrant",
        "Arbeidsmigranten werken zes dagen per week in een slachterij; huisvesting en "
        "vervoer via de werkgever, loon wordt ingehouden voor 'kosten'.",
    ),
    "markup": (
        "2026-10-12",
        "Assen",
        "seksueel",
        "Veilig Thuis Drenthe",
        "LVB, minderjarig",
        "Melding met [bold]opmaak[/bold] en een escape \x1b[31mrood\x1b[0m: moet letterlijk "
        "getoond worden.\nTweede regel van de omschrijving.",
    ),
    "courier": (
        "2026-10-20",
        "Hoogeveen",
        "crimineel",
        "Politie (AVIM)",
        "minderjarig",
        "Minderjarige wordt ingezet als koerier; schulden bij oudere jongens.",
    ),
    "new": (
        "2026-11-18",
        "Meppel",
        "seksueel",
        "GGD Drenthe",
        "",
        "Vrouw komt steeds met dezelfde man op het spreekuur; hij voert het woord.",
    ),
}


@dataclass(frozen=True)
class ShellData:
    codes: dict[str, str]
    next_meeting_id: int


def at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute)).astimezone()


def seed(vault: Vault, today: date) -> ShellData:
    codes: dict[str, str] = {}
    for key, (day, place, form, reporter, groups, summary) in SIGNALS.items():
        raw = {
            "datum": day,
            "gemeente": place,
            "vorm": form,
            "melder": reporter,
            "kwetsbaar": groups,
            "omschrijving": summary,
        }
        with clock_at(at(date.fromisoformat(day), 9)):
            codes[key] = cases.create_case(vault, cases.require_valid(raw)).code

    previous = date(2026, 10, 28)
    with clock_at(at(previous, 9, 30)):
        meeting = meetings.create_meeting(vault, previous, ["Veilig Thuis Drenthe"], propose=False)
        for key in ("markup", "courier"):
            meeting = meetings.add_item(vault, meeting.id, codes[key])
        items = {item.case.code: item for item in meeting.items}
        meetings.start_meeting(vault, meeting.id)
    with clock_at(at(previous, 9, 40)):
        item = items[codes["markup"]]
        meetings.save_notes(vault, item.id, "Notitie met [i]haken[/i]; melder blijft betrokken.")
        meetings.add_decision(
            vault,
            item.id,
            DecisionKind.MONITORING,
            "Veilig Thuis houdt contact.",
            review_date=today - timedelta(days=2),
            today=previous,
        )
        actions.add_action(
            vault,
            codes["markup"],
            "Contact met school opnemen",
            "Veilig Thuis Drenthe",
            previous + timedelta(days=14),
            agenda_item_id=item.id,
        )
        done = actions.add_action(
            vault,
            codes["markup"],
            "Melder terugbellen",
            "GGD Drenthe",
            previous,
            agenda_item_id=item.id,
        )
        meetings.mark_discussed(vault, item.id, 480)
    with clock_at(at(previous, 9, 55)):
        actions.complete_action(vault, done.id)
        item = items[codes["courier"]]
        meetings.save_notes(vault, item.id, "Jeugdreclassering is in beeld.")
        meetings.add_decision(
            vault,
            item.id,
            DecisionKind.ADVIES_AAN_MELDER,
            "Bespreken in het jeugdoverleg.",
            today=previous,
        )
        actions.add_action(
            vault,
            codes["courier"],
            "Gezinssituatie in kaart brengen",
            "Zorg- en Veiligheidshuis Drenthe",
            previous + timedelta(days=10),
            agenda_item_id=item.id,
        )
        meetings.mark_discussed(vault, item.id, 300)
    with clock_at(at(previous, 11, 0)):
        meetings.finish_meeting(vault, meeting.id)
    with clock_at(at(today, 8, 0)):
        upcoming = meetings.create_meeting(vault, today + timedelta(days=8), [], propose=True)
    return ShellData(codes, upcoming.id)
