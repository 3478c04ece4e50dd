"""A realistic meeting for the minutes tests (services and CLI), built through the services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from drieluik.domain.vocabulary import DecisionKind
from drieluik.services import actions, cases, meetings
from drieluik.store.vault import Vault

MEETING_DATE = date(2024, 3, 14)
EARLIER_DATE = date(2024, 2, 8)

ATTENDING = ["Veilig Thuis Drenthe", "Politie (AVIM)", "GGD Drenthe", "Gemeente Emmen"]

# Text with the characters the PDF font must carry: ë ï é ĳ – “ ”.
SUMMARY_A = (
    "Jonge vrouw (± 19 jaar) werkt via een escortsite; zij lijkt niet vrij te zijn "
    "in haar keuzes. Naïeve houding, geïsoleerd – “hij regelt alles”. Café-eigenaar "
    "meldde het; ĳverige buurtbewoner bevestigt."
)


@dataclass(frozen=True)
class SampleMeeting:
    meeting_id: int
    codes: dict[str, str]  # "vt" / "politie" / "ggd" → case code
    item_ids: dict[str, int]  # same keys → agenda item id


def _case(vault: Vault, day: str, reporter: str, place: str, form: str, summary: str) -> str:
    raw: dict[str, str | None] = {
        "datum": day,
        "gemeente": place,
        "vorm": form,
        "melder": reporter,
        "omschrijving": summary,
    }
    return cases.create_case(vault, cases.require_valid(raw)).code


def sample_meeting(vault: Vault, *, notes_vt: str | None = None) -> SampleMeeting:
    """Two meetings: an earlier one leaving an open action, and the one the minutes are of.

    On 14 March 2024: item 1 (reported by Veilig Thuis, Emmen, seksueel) referred to
    Fier with an action for GGD Drenthe; item 2 (GGD Drenthe, Hoogeveen) monitoring
    with an action for Gemeente Hoogeveen; item 3 (Politie (AVIM), Assen, arbeid)
    on the agenda for an overdue action from 8 February, not discussed.
    """
    politie = _case(
        vault,
        "2024-01-20",
        "Politie (AVIM)",
        "Assen",
        "arbeid",
        "Arbeidsmigranten in een loods, lange dagen, paspoorten ingenomen door werkgever.",
    )
    earlier = meetings.create_meeting(vault, EARLIER_DATE, ["Politie (AVIM)"])
    earlier_item = earlier.items[0]
    actions.add_action(
        vault,
        politie,
        "Huisvesting controleren met de Arbeidsinspectie",
        "Politie (AVIM)",
        date(2024, 3, 1),
        agenda_item_id=earlier_item.id,
    )
    meetings.mark_discussed(vault, earlier_item.id)
    meetings.finish_meeting(vault, EARLIER_DATE)

    vt = _case(vault, "2024-03-01", "Veilig Thuis Drenthe", "Emmen", "seksueel", SUMMARY_A)
    ggd = _case(
        vault,
        "2024-03-05",
        "GGD Drenthe",
        "Hoogeveen",
        "crimineel",
        "Minderjarige jongen betrokken bij drugskoeriersdiensten; school signaleert verzuim.",
    )
    meeting = meetings.create_meeting(vault, MEETING_DATE, ATTENDING)
    by_code = {item.case.code: item.id for item in meeting.items}
    item_ids = {"vt": by_code[vt], "ggd": by_code[ggd], "politie": by_code[politie]}
    meetings.start_meeting(vault, MEETING_DATE)

    meetings.save_notes(
        vault,
        item_ids["vt"],
        notes_vt
        if notes_vt is not None
        else "Zorgen over afhankelijkheid van de ‘vriend’.\nVT houdt contact; hulp via Fier.",
        # Seeded personal data is the chair's confirmed choice (policy `bevestigen`),
        # so the export guard, the last line, has something to find.
        accept_personal_data=True,
    )
    meetings.add_decision(
        vault,
        item_ids["vt"],
        DecisionKind.DOORVERWIJZING,
        "Doorverwijzen naar gespecialiseerde opvang.",
        referral_to="Fier",
    )
    actions.add_action(
        vault,
        vt,
        "Medisch onderzoek aanbieden",
        "GGD Drenthe",
        date(2024, 3, 28),
        agenda_item_id=item_ids["vt"],
    )
    meetings.mark_discussed(vault, item_ids["vt"])

    meetings.save_notes(vault, item_ids["ggd"], "School en wijkteam blijven alert.")
    meetings.add_decision(
        vault,
        item_ids["ggd"],
        DecisionKind.MONITORING,
        "Over drie maanden opnieuw bespreken.",
        review_date=date(2024, 6, 13),
    )
    actions.add_action(
        vault,
        ggd,
        "Gesprek met leerplichtambtenaar",
        "Gemeente Hoogeveen",
        date(2024, 4, 11),
        agenda_item_id=item_ids["ggd"],
    )
    meetings.mark_discussed(vault, item_ids["ggd"])
    meetings.finish_meeting(vault, MEETING_DATE)
    return SampleMeeting(meeting.id, {"vt": vt, "ggd": ggd, "politie": politie}, item_ids)
