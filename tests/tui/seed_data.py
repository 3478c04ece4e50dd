"""Deterministic, realistic data for the terminal-app tests and snapshots.

Two scenes, built from the same steps. Every moment is fixed with `clock_at`
(and snapshot tests run in UTC), so histories and clocks look the same on
every machine. The snapshots show this data exactly: changing it means new
snapshots.

`seed_meetings(vault, today)`, for the meeting screens, leaves:
- a previous meeting (three weeks ago) that is finished: one case decided
  `monitoring` with a review date before the next meeting, one case not
  reached (so it is carried over, `doorgeschoven`), one case with an action
  that is now overdue;
- two new signals not yet on any agenda.

`seed_shell(vault, today)`, for the dashboard and case detail, leaves:
- a meeting on 2026-10-28 that is finished: a case whose text holds markup
  and an escape code (to be shown literally) decided `monitoring` with a
  review date that has passed, one action open and one done; a case with
  advice to the reporter and an open action;
- two signals not yet discussed, and the upcoming meeting (in eight days)
  with its proposed agenda.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from drieluik.domain.vocabulary import DecisionKind
from drieluik.services import actions as action_service
from drieluik.services import cases, meetings
from drieluik.services.types import ActionView, AgendaItemView
from drieluik.store.models import clock_at
from drieluik.store.vault import Vault

# (signal date, gemeente, vorm, melder, kwetsbaar, omschrijving)
Signal = tuple[str, str, str, str, str, str]

MEETING_SIGNALS: dict[str, Signal] = {
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

SHELL_SIGNALS: dict[str, Signal] = {
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
class SeededMeetings:
    codes: dict[str, str]
    previous_meeting_id: int
    next_date: date


@dataclass(frozen=True)
class ShellData:
    codes: dict[str, str]
    next_meeting_id: int


def at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute)).astimezone()


# --- the steps both scenes are built from ---------------------------------------


def add_signals(vault: Vault, signals: dict[str, Signal]) -> dict[str, str]:
    """Each signal as a case, entered at 9:00 on its signal date; key → case code."""
    codes: dict[str, str] = {}
    for key, (day, place, form, reporter, groups, summary) in signals.items():
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
    return codes


def start_meeting(
    vault: Vault, day: date, attending: list[str], case_codes: Sequence[str]
) -> tuple[int, dict[str, AgendaItemView]]:
    """A meeting on `day` with these cases on its agenda, started at 9:30.

    Returns the meeting's id and its agenda items by case code.
    """
    with clock_at(at(day, 9, 30)):
        meeting = meetings.create_meeting(vault, day, attending, propose=False)
        for code in case_codes:
            meeting = meetings.add_item(vault, meeting.id, code)
        meetings.start_meeting(vault, meeting.id)
    return meeting.id, {item.case.code: item for item in meeting.items}


def discuss(
    vault: Vault,
    item: AgendaItemView,
    *,
    day: date,
    notes: str,
    decision: DecisionKind,
    text: str,
    seconds: int,
    review_date: date | None = None,
    new_actions: Sequence[tuple[str, str, date]] = (),
) -> list[ActionView]:
    """Notes, a decision and actions (what, who, due) for an agenda item, then
    mark it discussed after `seconds`; the caller fixes the clock."""
    meetings.save_notes(vault, item.id, notes)
    meetings.add_decision(vault, item.id, decision, text, review_date=review_date, today=day)
    added = [
        action_service.add_action(vault, item.case.code, what, who, due, agenda_item_id=item.id)
        for what, who, due in new_actions
    ]
    meetings.mark_discussed(vault, item.id, seconds)
    return added


def finish_meeting(vault: Vault, meeting_id: int, day: date) -> None:
    with clock_at(at(day, 11, 0)):
        meetings.finish_meeting(vault, meeting_id)


# --- the scenes -------------------------------------------------------------------


def seed_meetings(vault: Vault, today: date) -> SeededMeetings:
    codes = add_signals(vault, MEETING_SIGNALS)
    previous = today - timedelta(days=21)
    meeting_id, items = start_meeting(
        vault,
        previous,
        ["Veilig Thuis Drenthe", "Politie (AVIM)", "GGD Drenthe"],
        [codes["monitoring"], codes["overdue"], codes["carried"]],
    )
    with clock_at(at(previous, 9, 45)):
        discuss(
            vault,
            items[codes["monitoring"]],
            day=previous,
            notes="Melder heeft contact met de vrouw; zij wil nog geen hulp.",
            decision=DecisionKind.MONITORING,
            text="Veilig Thuis houdt contact en meldt veranderingen.",
            review_date=today + timedelta(days=3),
            seconds=540,
        )
    with clock_at(at(previous, 10, 5)):
        discuss(
            vault,
            items[codes["overdue"]],
            day=previous,
            notes="School en jeugdreclassering zijn in beeld.",
            decision=DecisionKind.ADVIES_AAN_MELDER,
            text="Bespreken in het jeugdoverleg.",
            new_actions=[
                (
                    "Gezinssituatie in kaart brengen",
                    "Zorg- en Veiligheidshuis Drenthe",
                    previous + timedelta(days=14),
                )
            ],
            seconds=420,
        )
    finish_meeting(vault, meeting_id, previous)
    return SeededMeetings(codes, meeting_id, today + timedelta(days=7))


def seed_shell(vault: Vault, today: date) -> ShellData:
    codes = add_signals(vault, SHELL_SIGNALS)
    previous = date(2026, 10, 28)
    meeting_id, items = start_meeting(
        vault, previous, ["Veilig Thuis Drenthe"], [codes["markup"], codes["courier"]]
    )
    with clock_at(at(previous, 9, 40)):
        _, done = discuss(
            vault,
            items[codes["markup"]],
            day=previous,
            notes="Notitie met [i]haken[/i]; melder blijft betrokken.",
            decision=DecisionKind.MONITORING,
            text="Veilig Thuis houdt contact.",
            review_date=today - timedelta(days=2),
            new_actions=[
                (
                    "Contact met school opnemen",
                    "Veilig Thuis Drenthe",
                    previous + timedelta(days=14),
                ),
                ("Melder terugbellen", "GGD Drenthe", previous),
            ],
            seconds=480,
        )
    with clock_at(at(previous, 9, 55)):
        action_service.complete_action(vault, done.id)
        discuss(
            vault,
            items[codes["courier"]],
            day=previous,
            notes="Jeugdreclassering is in beeld.",
            decision=DecisionKind.ADVIES_AAN_MELDER,
            text="Bespreken in het jeugdoverleg.",
            new_actions=[
                (
                    "Gezinssituatie in kaart brengen",
                    "Zorg- en Veiligheidshuis Drenthe",
                    previous + timedelta(days=10),
                )
            ],
            seconds=300,
        )
    finish_meeting(vault, meeting_id, previous)
    with clock_at(at(today, 8, 0)):
        upcoming = meetings.create_meeting(vault, today + timedelta(days=8), [], propose=True)
    return ShellData(codes, upcoming.id)
