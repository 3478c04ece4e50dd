"""Deterministic, realistic synthetic data for `drieluik demo`.

`fill_demo` plays the register forward meeting by meeting: signals come in
(in the proportions of the 2023 annual report: forms, municipalities,
melders), are put on the agenda by the same rules as `meetings.propose_agenda`,
are discussed, get decisions and actions, go into monitoring and come back,
are closed; actions are done, postponed, dropped or left to lapse. Every
moment is set to when it would have happened, so the history reads true.

The texts name roles and organisations only ("een jonge vrouw", "de
werkgever", "Veilig Thuis Drenthe"): no names, addresses or numbers.

Speed: the cases go in with one `create_cases` call; everything else is
built in memory and inserted with SQLAlchemy core in one transaction, so
100,000 cases take seconds, not hours. The upcoming meeting is then created
through `meetings.create_meeting`, so its agenda IS the real proposal.
"""

from __future__ import annotations

import heapq
import itertools
import json
import random
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, cast

from sqlalchemy import Column, MetaData, Table, bindparam, func, insert, text, update
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from drieluik.domain.region import UNKNOWN, RegionProfile
from drieluik.domain.vocabulary import (
    AGENDA_REASON_ORDER,
    DECISION_NEXT_STATUS,
    DEFAULT_PLANNED_MINUTES,
    ActionStatus,
    AgendaReason,
    CaseStatus,
    DecisionKind,
    EventKind,
    ExploitationForm,
    VulnerableGroup,
)
from drieluik.services import cases as case_service
from drieluik.services import meetings as meeting_service
from drieluik.services import region as region_service
from drieluik.services.cases import CaseInput, event_params
from drieluik.store.models import (
    Action,
    AgendaItem,
    Case,
    CaseEvent,
    Decision,
    Meeting,
    Setting,
    clock_at,
    table_of,
)
from drieluik.store.vault import Vault

DEMO_PASSPHRASE = "demo"
DEMO_MARKER = "demo"  # settings key: this vault holds synthetic demo data only
DEFAULT_CASES = 140  # about two years at the ~70 signals a year of Drenthe
DEFAULT_SEED = 2023
SIGNALS_PER_YEAR = 70
MIN_SPAN_DAYS = 730
MAX_SPAN_DAYS = 20 * 365  # large demos: twenty years at a national volume
CASES_PER_MEETING = 7  # ~20 meetings for the default two years
UPCOMING_IN_DAYS = 7
STAGE_CHUNK = 20_000  # rows per executemany into a staging table
PREPARE_DAYS_BEFORE = 3

# --- proportions (annual report 2023, page "Cijfers") -----------------------------------

# 28 seksueel, 11 arbeid, 7 crimineel, 21 onbekend; orgaan is rare (none in 2023).
FORM_WEIGHTS = {
    ExploitationForm.SEKSUEEL: 28,
    ExploitationForm.ARBEID: 11,
    ExploitationForm.CRIMINEEL: 7,
    ExploitationForm.ONBEKEND: 21,
    ExploitationForm.ORGAAN: 0.5,
}
# "herkomst signalen per gemeente"; Aa en Hunze (0) and buiten Drenthe get a trace.
# Another region (`drieluik demo --region`) gets its municipalities evenly
# (`_DemoRegion`), with Drenthe's share of onbekend and outside.
MUNICIPALITY_WEIGHTS: dict[str, float] = {
    "Assen": 11,
    "Emmen": 15,
    "Hoogeveen": 4,
    "Westerveld": 5,
    "Tynaarlo": 1,
    "Borger-Odoorn": 3,
    "Midden-Drenthe": 2,
    "Coevorden": 4,
    "Meppel": 7,
    "Noordenveld": 1,
    "De Wolden": 2,
    "onbekend": 12,
    "Aa en Hunze": 0.5,
    "buiten Drenthe": 1,
}
# "veelal afkomstig van Veilig Thuis Drenthe, politie en zorginstellingen; het
# aantal meldingen vanuit gemeenten blijft nog achter."
REPORTER_WEIGHTS = {
    "Veilig Thuis Drenthe": 20,
    "Politie (AVIM)": 9,
    "Politie (TMM)": 4,
    "Politie": 3,
    "Zorginstelling": 14,
    "Gemeente": 4,
    "KMar": 2,
    "Nederlandse Arbeidsinspectie": 3,
    "RIEC Noord-Nederland": 1,
    "Zorg- en Veiligheidshuis Drenthe": 3,
    "COA / vluchtelingenketen": 3,
    "CoMensha": 1,
    "Time2Connect": 2,
    "GGD Drenthe": 3,
    "Overig": 2,
}
# Who reports labour exploitation differs: inspectors and KMar more often.
ARBEID_REPORTER_BOOST = {"Nederlandse Arbeidsinspectie": 8, "KMar": 3, "Gemeente": 2}

GROUPS_BY_FORM: dict[ExploitationForm, list[tuple[VulnerableGroup, float]]] = {
    ExploitationForm.SEKSUEEL: [
        (VulnerableGroup.MINDERJARIG, 0.2),
        (VulnerableGroup.LVB, 0.25),
        (VulnerableGroup.SEKSWERKER, 0.3),
        (VulnerableGroup.STATUSHOUDER, 0.08),
    ],
    ExploitationForm.ARBEID: [
        (VulnerableGroup.ARBEIDSMIGRANT, 0.8),
        (VulnerableGroup.STATUSHOUDER, 0.1),
    ],
    ExploitationForm.CRIMINEEL: [
        (VulnerableGroup.RISICOJONGERE, 0.6),
        (VulnerableGroup.MINDERJARIG, 0.35),
        (VulnerableGroup.LVB, 0.2),
    ],
    ExploitationForm.ORGAAN: [(VulnerableGroup.OVERIG, 0.5)],
    ExploitationForm.ONBEKEND: [
        (VulnerableGroup.LVB, 0.15),
        (VulnerableGroup.STATUSHOUDER, 0.1),
        (VulnerableGroup.OVERIG, 0.15),
    ],
}
ORGANISED_CRIME_CHANCE = {
    ExploitationForm.SEKSUEEL: 0.12,
    ExploitationForm.ARBEID: 0.25,
    ExploitationForm.CRIMINEEL: 0.4,
    ExploitationForm.ORGAAN: 0.5,
    ExploitationForm.ONBEKEND: 0.05,
}

# --- texts: roles and organisations only --------------------------------------------------

SUBJECTS = {
    ExploitationForm.SEKSUEEL: [
        "een jonge vrouw",
        "een minderjarig meisje",
        "een jonge man",
        "een vrouw van middelbare leeftijd",
        "een sekswerker",
        "een jonge statushouder",
        "een vrouw met een licht verstandelijke beperking",
    ],
    ExploitationForm.ARBEID: [
        "een arbeidsmigrant",
        "een groep arbeidsmigranten",
        "een man van middelbare leeftijd",
        "een jonge vrouw",
        "een statushouder",
        "een uitzendkracht",
    ],
    ExploitationForm.CRIMINEEL: [
        "een minderjarige jongen",
        "een jongere",
        "een jongvolwassene met een licht verstandelijke beperking",
        "een jonge vrouw",
        "een risicojongere",
    ],
    ExploitationForm.ORGAAN: ["een volwassen man", "een jonge vrouw"],
    ExploitationForm.ONBEKEND: [
        "een jonge vrouw",
        "een man",
        "een jongere",
        "een vrouw",
        "een cliënt van een zorginstelling",
    ],
}
SITUATIONS = {
    ExploitationForm.SEKSUEEL: [
        "is nooit alleen te spreken; er is altijd een ander bij",
        "krijgt van een begeleider de vraag of prostitutie niet iets is om geld mee te verdienen",
        "heeft schulden bij een bemiddelaar en moet verdiensten afstaan",
        "wordt aangeboden in advertenties op internet die niet zelf geplaatst lijken",
        "is onder valse voorwendselen naar Nederland gehaald en in de seksindustrie beland",
        "verblijft wisselend op adressen die door een ander worden geregeld",
        "heeft geen toegang tot de eigen telefoon en identiteitspapieren",
    ],
    ExploitationForm.ARBEID: [
        "werkt lange dagen in de teelt zonder loonstrook",
        "woont in huisvesting van de werkgever; huur en boetes gaan van het loon af",
        "moet het paspoort inleveren bij de werkgever",
        "heeft een schuld bij het uitzendbureau die steeds groter wordt",
        "werkt in een nagelstudio zonder contract en slaapt op de werkplek",
        "werkt in de schoonmaak zonder vrije dagen en wordt onder druk gezet",
        "kreeg werk beloofd via sociale media en moet nu de reis terugbetalen",
    ],
    ExploitationForm.CRIMINEEL: [
        "wordt ingezet als drugskoerier en heeft een schuld bij de ronselaars",
        "lijkt een katvanger: rekeningen en abonnementen op eigen naam, zonder zicht op het geld",
        "wordt gedwongen tot winkeldiefstal",
        "heeft de bankpas afgestaan aan derden en wordt onder druk gezet",
        "bewaart spullen voor anderen en wordt bedreigd bij weigering",
    ],
    ExploitationForm.ORGAAN: [
        "noemt een aanbod om tegen betaling een nier af te staan in het buitenland",
        "vertelt over druk uit de omgeving om tegen betaling een orgaan af te staan",
    ],
    ExploitationForm.ONBEKEND: [
        "geeft de melder een niet-pluisgevoel: er is een afhankelijkheidsrelatie, "
        "de vorm van uitbuiting is nog onduidelijk",
        "heeft onverklaarde schulden en lijkt onder invloed van een ander te staan",
        "is meerdere keren vermist geweest; de achtergrond is onduidelijk",
        "woont met veel anderen in één woning; de melder maakt zich zorgen",
        "vertelt wisselende verhalen over werk en woonplek",
    ],
}
SOURCES = [
    "Gezien tijdens een huisbezoek.",
    "Naar voren gekomen in een gesprek met de hulpverlener.",
    "Gemeld na een controle door toezichthouders.",
    "Melding na een verkeerscontrole.",
    "Bekend uit een eerder hulpverleningstraject.",
    "Opgemerkt door de wijkverpleging.",
    "Signaal uit een gesprek op school.",
]
FIRST_NOTES = [
    "Deelnemers herkennen het beeld; er zijn geen eerdere signalen bekend.",
    "Situatie is nog onduidelijk; de melder heeft weinig zicht op de leefomstandigheden.",
    "De zorgcoördinator heeft contact gehad met de melder; er is hulp aangeboden.",
    "Politie kent de situatie niet uit eerdere meldingen.",
    "Betrokkene wil (nog) geen hulp; de melder blijft in contact.",
    "De werkgever is bekend bij de Arbeidsinspectie.",
    "Er zijn zorgen over de veiligheid; snelle opvolging is nodig.",
]
ORGANISED_CRIME_NOTE = "Er lijkt een ondermijnende component te zijn; afgestemd met het RIEC."
REVIEW_NOTES = [
    "Herbeoordeling: de situatie is stabiel; betrokkene heeft hulp aanvaard.",
    "Herbeoordeling: nieuwe signalen via de melder; zorgen blijven.",
    "Herbeoordeling: geen nieuwe signalen sinds de vorige bespreking.",
]
ACTION_NOTES = [
    "Actiepunt besproken; het is nog niet gelukt contact te leggen.",
    "Terugkoppeling ontvangen; er is meer tijd nodig.",
    "Actiepunt loopt; de eigenaar vraagt uitstel.",
]
CARRIED_NOTE = "Vorige keer niet aan toegekomen."
DECISION_TEXTS = {
    DecisionKind.ADVIES_AAN_MELDER: [
        "Melder adviseren het gesprek aan te gaan en bij nieuwe signalen opnieuw te melden.",
        "Advies aan melder: hulpverlening laten aansluiten via het wijkteam.",
        "Melder wijzen op de mogelijkheid van anoniem melden bij de politie.",
    ],
    DecisionKind.DOORVERWIJZING: [
        "Doorverwijzing voor hulp en opvang.",
        "Doorverwijzing voor begeleiding en onderdak.",
        "Doorverwijzing voor nader onderzoek.",
    ],
    DecisionKind.MONITORING: [
        "Monitoring via de melder; opnieuw bespreken op de herbeoordelingsdatum.",
        "Situatie volgen; de melder houdt contact.",
    ],
    DecisionKind.INBRENG_RIEC: ["Ondermijnende component: inbrengen bij het RIEC."],
    DecisionKind.STRAFRECHTELIJK_TRAJECT: [
        "Politie onderzoekt of aangifte mogelijk is.",
        "Strafrechtelijk traject via de politie.",
    ],
    DecisionKind.GEEN_VERDERE_ACTIE: [
        "Geen aanwijzingen voor mensenhandel; geen verdere actie.",
        "Onvoldoende signalen; de melder meldt opnieuw bij nieuwe informatie.",
    ],
    DecisionKind.AFSLUITEN: [
        "Casus afgesloten.",
        "Hulp loopt via reguliere zorg; casus afgesloten.",
    ],
}
REFERRAL_TO = [
    "Veilig Thuis Drenthe",
    "GGD Drenthe",
    "CoMensha",
    "Time2Connect",
    "Zorg- en Veiligheidshuis Drenthe",
    "COA / vluchtelingenketen",
    "Nederlandse Arbeidsinspectie",
]
ACTIONS = [
    ("Terugkoppeling aan de melder over het advies", "Zorg- en Veiligheidshuis Drenthe"),
    ("Navragen of er een Wmo-indicatie is", "Gemeente"),
    ("Informatie opvragen over de werkgever", "Nederlandse Arbeidsinspectie"),
    ("Gesprek plannen met betrokkene en de hulpverlener", "Veilig Thuis Drenthe"),
    ("Verblijfsstatus nagaan", "COA / vluchtelingenketen"),
    ("Nagaan of er eerdere meldingen zijn", "Politie (AVIM)"),
    ("Opvangplek zoeken", "CoMensha"),
    ("Contact leggen met de zorg voor sekswerkers", "Time2Connect"),
    ("Huisbezoek samen met de wijkverpleging", "GGD Drenthe"),
    ("Signaal inbrengen bij het RIEC", "RIEC Noord-Nederland"),
]
ATTENDING = [
    "Zorg- en Veiligheidshuis Drenthe",
    "Veilig Thuis Drenthe",
    "Politie (AVIM)",
    "GGD Drenthe",
    "Gemeente Assen",
    "Gemeente Emmen",
    "Nederlandse Arbeidsinspectie",
    "KMar",
    "RIEC Noord-Nederland",
    "COA / vluchtelingenketen",
    "CoMensha",
]
FIRST_DECISION_WEIGHTS = {
    DecisionKind.ADVIES_AAN_MELDER: 30,
    DecisionKind.DOORVERWIJZING: 18,
    DecisionKind.MONITORING: 30,
    DecisionKind.STRAFRECHTELIJK_TRAJECT: 5,
    DecisionKind.GEEN_VERDERE_ACTIE: 10,
    DecisionKind.AFSLUITEN: 5,
}
REVIEW_DECISION_WEIGHTS = {
    DecisionKind.AFSLUITEN: 35,
    DecisionKind.MONITORING: 50,
    DecisionKind.DOORVERWIJZING: 15,
}


@dataclass(frozen=True)
class DemoSummary:
    """What the demo holds, for the closing message of `drieluik demo --no-open`."""

    cases: int
    meetings: int
    agenda_items: int
    decisions: int
    actions: int
    open_actions: int
    overdue_actions: int
    monitoring: int
    closed: int
    first_signal: date | None
    upcoming_date: date | None
    upcoming_items: int
    upcoming_reasons: tuple[AgendaReason, ...] = ()


# --- the simulation ---------------------------------------------------------------------------


@dataclass
class _Case:
    index: int
    signal_date: date
    signal_at: datetime
    form: ExploitationForm
    organised_crime: bool
    status: CaseStatus = CaseStatus.NIEUW
    review_date: date | None = None
    closed_date: date | None = None
    updated_at: datetime | None = None
    discussed: bool = False
    open_actions: list[int] = field(default_factory=list)


@dataclass
class _Action:
    case: int
    item: int
    description: str
    owner: str
    due: date
    created_at: datetime
    status: ActionStatus = ActionStatus.OPEN
    closed_at: datetime | None = None
    times_postponed: int = 0


class _DemoRegion:
    """The demo's organisations and municipalities for the vault's region.

    Drenthe's lists above, unchanged for Drenthe (a demo with the same seed is
    the same row for row); for another region each Drenthe name is read as the
    region's own ("Veilig Thuis Drenthe" → "Veilig Thuis Groningen", the RIEC
    of the region, "Gemeente Assen" → the region's first municipality).
    """

    def __init__(self, profile: RegionProfile) -> None:
        self.profile = profile
        drenthe = profile.key == "drenthe" and profile.outside == "buiten Drenthe"
        names = profile.names_on(date.today())
        if drenthe and set(names) <= set(MUNICIPALITY_WEIGHTS):
            self.municipality_weights = dict(MUNICIPALITY_WEIGHTS)
        else:
            self.municipality_weights = {
                **dict.fromkeys(names, 4.0),
                UNKNOWN: MUNICIPALITY_WEIGHTS[UNKNOWN],
                profile.outside: MUNICIPALITY_WEIGHTS["buiten Drenthe"],
            }
        riec = next((r for r in profile.reporters if r.startswith("RIEC")), "RIEC")
        towns = [*names, *names][:2] or ["Gemeente", "Gemeente"]

        def own(name: str) -> str:
            if drenthe:
                return name
            if name.startswith("RIEC"):
                return riec
            if name == "Gemeente Assen":
                return f"Gemeente {towns[0]}"
            if name == "Gemeente Emmen":
                return f"Gemeente {towns[1]}"
            return name.replace("Drenthe", profile.name)

        weights = {own(name): weight for name, weight in REPORTER_WEIGHTS.items()}
        # The region's own reporters, with the weight of their Drenthe counterpart.
        self.reporter_weights = (
            weights if drenthe else {name: weights.get(name, 2) for name in profile.reporters}
        )
        self.referral_to = [own(name) for name in REFERRAL_TO]
        self.actions = [(what, own(owner)) for what, owner in ACTIONS]
        self.attending = [own(name) for name in ATTENDING]


class _Simulation:
    """The register played forward; collects rows for bulk insertion."""

    def __init__(
        self, rng: random.Random, today: date, count: int, names: _DemoRegion | None = None
    ) -> None:
        self.rng = rng
        self.names = names or _DemoRegion(region_service.default_profile())
        self.today = today
        self.cases: list[_Case] = []
        self.case_rows: list[CaseInput] = []
        self.meetings: list[dict[str, object]] = []
        self.items: list[dict[str, object]] = []
        self.decisions: list[dict[str, object]] = []
        self.actions: list[_Action] = []
        # (case, moment, kind, meeting, params); an action_id or decision_id in
        # params is the simulation's index, made a row id when written
        self.events: list[tuple[int, datetime, EventKind, int | None, dict[str, Any]]] = []
        self.plans: list[tuple[datetime, int, int, str]] = []  # (when, seq, action, what)
        self._seq = 0
        # What the agenda rules look at, kept current instead of searched for
        # (100,000 cases × 1,000 meetings would otherwise take minutes).
        self.next_signal = 0
        self.waiting_new: dict[int, None] = {}  # insertion order = signal order
        self.open_action_ids: dict[int, None] = {}
        self.in_monitoring: dict[int, None] = {}
        self.items_of_meeting: list[range] = []
        span = min(MAX_SPAN_DAYS, max(MIN_SPAN_DAYS, round(count / SIGNALS_PER_YEAR * 365)))
        self.first_day = today - timedelta(days=span)
        self.upcoming = today + timedelta(days=UPCOMING_IN_DAYS)
        target = max(20, round(count / CASES_PER_MEETING))
        self.interval = max(7, round(span / target / 7) * 7)
        self.meeting_dates: list[date] = []
        day = self.upcoming - timedelta(days=self.interval)
        while day > self.first_day + timedelta(days=14):
            self.meeting_dates.append(day)
            day -= timedelta(days=self.interval)
        self.meeting_dates.reverse()
        self._make_cases(count, span)

    # --- moments ---

    def moment(self, day: date, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute)).astimezone().astimezone(UTC)

    def prepared_at(self, meeting_date: date) -> datetime:
        return self.moment(meeting_date - timedelta(days=PREPARE_DAYS_BEFORE), 16)

    # --- signals ---

    def _make_cases(self, count: int, span: int) -> None:
        rng = self.rng
        days = sorted(rng.randrange(span) for _ in range(count))
        dates = [self.first_day + timedelta(days=d) for d in days]
        # Signals since the last meeting was prepared, so the next agenda has new ones.
        if self.meeting_dates and count >= 20:
            since = self.meeting_dates[-1] - timedelta(days=PREPARE_DAYS_BEFORE - 1)
            window = (self.today - since).days
            recent = sum(1 for d in dates if d >= since)
            for position in range(count - 1, count - 1 - max(0, 2 - recent), -1):
                dates[position] = since + timedelta(days=rng.randrange(max(window, 1)))
            dates.sort()
        forms, form_weights = zip(*FORM_WEIGHTS.items(), strict=True)
        places, place_weights = zip(*self.names.municipality_weights.items(), strict=True)
        reporter_weights = self.names.reporter_weights
        reporters = list(reporter_weights)
        for index, signal_date in enumerate(dates):
            form = rng.choices(forms, form_weights)[0]
            weights = [
                reporter_weights[r]
                + (ARBEID_REPORTER_BOOST.get(r, 0) if form is ExploitationForm.ARBEID else 0)
                for r in reporters
            ]
            reporter = rng.choices(reporters, weights)[0]
            groups = tuple(g for g, chance in GROUPS_BY_FORM[form] if rng.random() < chance)
            organised = rng.random() < ORGANISED_CRIME_CHANCE[form]
            subject = rng.choice(SUBJECTS[form])
            summary = (
                f"{subject[0].upper()}{subject[1:]} {rng.choice(SITUATIONS[form])}. "
                f"{rng.choice(SOURCES)}"
            )
            self.case_rows.append(
                CaseInput(
                    signal_date=signal_date,
                    reporter=reporter,
                    municipality=rng.choices(places, place_weights)[0],
                    form=form,
                    summary=summary,
                    vulnerable_groups=groups,
                    organised_crime=organised,
                )
            )  # the status is filled in after the run (`inputs`)
            at = self.moment(signal_date, rng.randrange(9, 17), rng.randrange(60))
            self.cases.append(_Case(index, signal_date, at, form, organised))
            self.events.append(
                (index, at, EventKind.SIGNAAL_ONTVANGEN, None, {"reporter": reporter})
            )

    # --- helpers ---

    def event(
        self,
        case: _Case,
        at: datetime,
        kind: EventKind,
        meeting: int | None = None,
        /,
        **params: Any,
    ) -> None:
        self.events.append((case.index, at, kind, meeting, params))

    def set_status(
        self,
        case: _Case,
        status: CaseStatus,
        at: datetime,
        meeting: int | None,
        review: date | None = None,
    ) -> None:
        """As `cases.change_status`: same events, same params."""
        old = case.status
        if status is CaseStatus.MONITORING:
            case.review_date = review
            self.in_monitoring[case.index] = None
        else:
            self.in_monitoring.pop(case.index, None)
        if status is not CaseStatus.NIEUW:
            self.waiting_new.pop(case.index, None)
        if status is CaseStatus.AFGESLOTEN:
            case.closed_date = at.astimezone().date()
        if old is status and status is not CaseStatus.MONITORING:
            return
        case.status = status
        case.updated_at = at
        facts: dict[str, object] = {"from": old.value, "to": status.value}
        if status is CaseStatus.MONITORING and review:
            facts["review_date"] = review
        self.event(case, at, EventKind.STATUS_GEWIJZIGD, meeting, **facts)

    def plan(self, when: datetime, action: int, what: str) -> None:
        self._seq += 1
        heapq.heappush(self.plans, (when, self._seq, action, what))

    def run_plans(self, until: datetime) -> None:
        """What owners do between meetings: finish, postpone or drop their actions."""
        while self.plans and self.plans[0][0] < until:
            when, _, index, what = heapq.heappop(self.plans)
            action = self.actions[index]
            if action.status is not ActionStatus.OPEN:
                continue
            self.resolve(index, what, when)

    def resolve(self, index: int, what: str, when: datetime) -> None:
        action = self.actions[index]
        case = self.cases[action.case]
        label = {"action_id": index, "description": action.description, "owner": action.owner}
        if what == "done":
            action.status, action.closed_at = ActionStatus.GEDAAN, when
            self.event(case, when, EventKind.ACTIE_GEDAAN, **label)
        elif what == "drop":
            action.status, action.closed_at = ActionStatus.VERVALLEN, when
            self.event(case, when, EventKind.ACTIE_VERVALLEN, **label)
        else:  # postpone
            new_due = action.due + timedelta(days=self.rng.randrange(14, 36))
            self.event(
                case,
                when,
                EventKind.ACTIE_UITGESTELD,
                **label,
                **{"from": action.due, "to": new_due},
                reason="",
            )
            action.due = new_due
            action.times_postponed += 1
            self.plan_outcome(index, when, allow_postpone=action.times_postponed < 2)
            return
        case.open_actions.remove(index)
        self.open_action_ids.pop(index, None)

    def plan_outcome(self, index: int, start: datetime, *, allow_postpone: bool) -> None:
        action = self.actions[index]
        rng = self.rng
        days = max(1, (action.due - start.astimezone().date()).days)
        roll = rng.random()
        if roll < 0.45:
            self.plan(start + timedelta(days=rng.randrange(1, days + 1), hours=1), index, "done")
        elif roll < 0.65:  # done, but late: overdue for a while
            late = days + rng.randrange(1, 22)
            self.plan(start + timedelta(days=late, hours=1), index, "done")
        elif roll < 0.75 and allow_postpone:
            self.plan(start + timedelta(days=rng.randrange(1, days + 1), hours=2), index, "post")
        elif roll < 0.80:
            self.plan(start + timedelta(days=rng.randrange(1, days + 1), hours=3), index, "drop")
        # else: it lapses, and the case comes back on the agenda ("actie verlopen")

    def add_action(self, case: _Case, item: int, at: datetime, meeting_date: date) -> None:
        taken = {self.actions[i].description for i in case.open_actions}
        description, owner = self.rng.choice([a for a in self.names.actions if a[0] not in taken])
        due = meeting_date + timedelta(days=self.rng.randrange(14, 71))
        index = len(self.actions)
        self.actions.append(_Action(case.index, item, description, owner, due, at))
        self.event(
            case,
            at,
            EventKind.ACTIE_AANGEMAAKT,
            cast(int | None, self.items[item]["meeting_id"]),  # items are plain rows
            action_id=index,
            description=description,
            owner=owner,
            due_date=due,
        )
        case.open_actions.append(index)
        self.open_action_ids[index] = None
        self.plan_outcome(index, at, allow_postpone=True)

    def decide(
        self,
        case: _Case,
        item: int,
        kind: DecisionKind,
        at: datetime,
        meeting: int,
        meeting_date: date,
    ) -> None:
        review = None
        referral = None
        if kind is DecisionKind.MONITORING:
            # Reviewed at one of the next few meetings (a few days' slack).
            steps = self.rng.randrange(1, 4)
            review = meeting_date + timedelta(days=self.interval * steps - self.rng.randrange(0, 5))
        if kind is DecisionKind.DOORVERWIJZING:
            referral = self.rng.choice(self.names.referral_to)
        text = self.rng.choice(DECISION_TEXTS[kind])
        self.event(
            case,
            at,
            EventKind.BESLUIT,
            meeting,
            decision_id=len(self.decisions),
            kind=kind.value,
            text=text,
            referral_to=referral,
            review_date=review,
        )
        self.decisions.append(
            {
                "agenda_item_id": item,
                "case_id": case.index,
                "kind": kind.value,
                "text": text,
                "referral_to": referral,
                "review_date": review,
                "created_at": at,
            }
        )
        self.set_status(case, DECISION_NEXT_STATUS[kind], at, meeting, review)
        if kind is DecisionKind.AFSLUITEN:
            for index in list(case.open_actions):  # the chair tidies up
                self.resolve(index, "drop", at)

    # --- meetings ---

    def agenda(self, meeting_date: date, previous: int | None) -> list[tuple[_Case, AgendaReason]]:
        """The rules of `meetings._propose`, on the simulated state."""
        prepared = self.prepared_at(meeting_date)
        while self.next_signal < len(self.cases):
            case = self.cases[self.next_signal]
            if case.signal_at >= prepared:
                break
            self.waiting_new[case.index] = None
            self.next_signal += 1
        reasons: dict[int, AgendaReason] = {}
        if previous is not None:
            for item in self.items_of_meeting[previous]:
                if not self.items[item]["discussed"]:
                    case = self.cases[int(self.items[item]["case_id"])]  # type: ignore[call-overload]
                    if case.status is not CaseStatus.AFGESLOTEN:
                        reasons.setdefault(case.index, AgendaReason.DOORGESCHOVEN)
        for index in self.waiting_new:
            if not self.cases[index].discussed:
                reasons.setdefault(index, AgendaReason.NIEUW_SIGNAAL)
        for index in self.open_action_ids:
            action = self.actions[index]
            closed = self.cases[action.case].status is CaseStatus.AFGESLOTEN
            if action.due <= meeting_date and not closed:
                reasons.setdefault(action.case, AgendaReason.ACTIE_VERLOPEN)
        for index in self.in_monitoring:
            review = self.cases[index].review_date
            if review is not None and review <= meeting_date:
                reasons.setdefault(index, AgendaReason.MONITORING_HERBEOORDELING)
        ordered = sorted(
            reasons.items(),
            key=lambda kv: (AGENDA_REASON_ORDER[kv[1]], self.cases[kv[0]].signal_date, kv[0]),
        )
        return [(self.cases[index], reason) for index, reason in ordered]

    def hold(self, number: int, meeting_date: date, *, last: bool) -> None:
        rng = self.rng
        prepared = self.prepared_at(meeting_date)
        self.run_plans(prepared)
        previous = number - 1 if number > 0 else None
        agenda = self.agenda(meeting_date, previous)
        first_item = len(self.items)
        self.items_of_meeting.append(range(first_item, first_item + len(agenda)))
        for position, (case, reason) in enumerate(agenda, start=1):
            item = len(self.items)
            self.items.append(
                {
                    "id": item,
                    "meeting_id": number,
                    "case_id": case.index,
                    "position": position,
                    "reason": reason.value,
                    "notes": "",
                    "discussed": False,
                    "seconds_spent": 0,
                    "carried_over": False,
                    "planned_seconds": DEFAULT_PLANNED_MINUTES[reason] * 60,
                }
            )
            if case.status is CaseStatus.NIEUW:
                self.set_status(case, CaseStatus.GEAGENDEERD, prepared, number)
            self.event(
                case,
                prepared,
                EventKind.GEAGENDEERD,
                number,
                meeting_date=meeting_date,
                reason=reason.value,
            )
        # Running out of time happens; the last meeting always leaves something over.
        not_reached = 0
        if len(agenda) >= 3 and (last or rng.random() < 0.25):
            not_reached = rng.randrange(1, 3)
        started = self.moment(meeting_date, 10)
        clock = started
        self.run_plans(started)
        reached = len(agenda) - not_reached
        for offset, (case, reason) in enumerate(agenda[:reached]):
            item = first_item + offset
            seconds = rng.randrange(240, 1500)
            clock += timedelta(seconds=seconds)
            self.discuss(case, reason, item, number, meeting_date, clock)
            self.items[item].update(discussed=True, seconds_spent=seconds)
        ended = clock + timedelta(minutes=rng.randrange(5, 20))
        attending = self.names.attending
        for offset in range(reached, len(agenda)):
            self.items[first_item + offset]["carried_over"] = True
            case = agenda[offset][0]
            self.event(case, ended, EventKind.DOORGESCHOVEN, number)
        self.meetings.append(
            {
                "id": number,
                "meeting_date": meeting_date,
                "attending": json.dumps(
                    [attending[0], *rng.sample(attending[1:], rng.randrange(4, 8))],
                    ensure_ascii=False,
                ),
                "started_at": started,
                "ended_at": ended,
                "created_at": prepared,
            }
        )

    def discuss(
        self,
        case: _Case,
        reason: AgendaReason,
        item: int,
        meeting: int,
        meeting_date: date,
        at: datetime,
    ) -> None:
        rng = self.rng
        notes: list[str] = []
        if reason is AgendaReason.DOORGESCHOVEN:
            notes.append(CARRIED_NOTE)
        overdue = [i for i in case.open_actions if self.actions[i].due <= meeting_date]
        if not case.discussed:
            notes.append(rng.choice(FIRST_NOTES))
            if case.organised_crime:
                notes.append(ORGANISED_CRIME_NOTE)
            weights = dict(FIRST_DECISION_WEIGHTS)
            if case.organised_crime:
                weights[DecisionKind.INBRENG_RIEC] = 40
            kind = rng.choices(list(weights), list(weights.values()))[0]
            self.decide(case, item, kind, at, meeting, meeting_date)
            if kind in (DecisionKind.ADVIES_AAN_MELDER, DecisionKind.GEEN_VERDERE_ACTIE) and (
                rng.random() < 0.5
            ):
                self.decide(case, item, DecisionKind.AFSLUITEN, at, meeting, meeting_date)
            if case.status is not CaseStatus.AFGESLOTEN:
                for _ in range(rng.choices((0, 1, 2), (15, 65, 20))[0]):
                    self.add_action(case, item, at, meeting_date)
        elif case.status is CaseStatus.MONITORING and (
            case.review_date is not None and case.review_date <= meeting_date
        ):
            notes.append(rng.choice(REVIEW_NOTES))
            kind = rng.choices(
                list(REVIEW_DECISION_WEIGHTS), list(REVIEW_DECISION_WEIGHTS.values())
            )[0]
            self.decide(case, item, kind, at, meeting, meeting_date)
            if kind is DecisionKind.MONITORING and rng.random() < 0.4:
                self.add_action(case, item, at, meeting_date)
        elif overdue:
            notes.append(rng.choice(ACTION_NOTES))
            for index in overdue:
                roll = rng.random()
                self.resolve(
                    index, "done" if roll < 0.45 else "post" if roll < 0.85 else "drop", at
                )
            if not case.open_actions and rng.random() < 0.3:
                self.decide(case, item, DecisionKind.AFSLUITEN, at, meeting, meeting_date)
        self.items[item]["notes"] = " ".join(notes)
        self.event(case, at, EventKind.BESPROKEN, meeting, meeting_date=meeting_date)
        if case.status in (CaseStatus.NIEUW, CaseStatus.GEAGENDEERD):
            self.set_status(case, CaseStatus.BESPROKEN, at, meeting)
        case.discussed = True

    def inputs(self) -> list[CaseInput]:
        """The cases as they stand after the run, for `create_cases`.

        Created with their final status, so no status update follows: each
        update of a status re-indexes the case's search entries.
        """
        return [
            replace(row, status=case.status)
            for row, case in zip(self.case_rows, self.cases, strict=True)
        ]

    def run(self) -> None:
        for number, meeting_date in enumerate(self.meeting_dates):
            self.hold(number, meeting_date, last=number == len(self.meeting_dates) - 1)
        # Up to this morning: nothing in the demo happens in the future.
        self.run_plans(self.moment(self.today, 0))


# --- writing it into the vault ----------------------------------------------------------------


def fill_demo(
    vault: Vault,
    *,
    cases: int = DEFAULT_CASES,
    seed: int = DEFAULT_SEED,
    today: date | None = None,
    progress: Callable[[str], None] | None = None,
) -> DemoSummary:
    """Fill an (empty) vault with `cases` synthetic cases and their meetings.

    Same `seed` and `today` → the same data, row for row (apart from the audit
    trail, which records when the demo was really made).
    """
    today = today or date.today()
    step = progress or (lambda _stage: None)
    step("simulate")
    names = _DemoRegion(region_service.get(vault))
    sim = _Simulation(random.Random(seed), today, max(0, cases), names)
    sim.run()

    step("cases")
    morning = sim.moment(today, 8)  # the demo is made, and the next meeting prepared, today
    with _one_save(vault):
        with clock_at(morning):
            codes = case_service.create_cases(vault, sim.inputs(), action="demo.create")
        step("history")
        with vault.transaction() as session:
            ids = {
                code: case_id
                for code, case_id in session.exec(select(Case.code, Case.id))
                if case_id is not None
            }
            _write(session, sim, [ids[code] for code in codes])
            marker = {"seed": seed, "cases": len(sim.cases), "today": today.isoformat()}
            session.merge(Setting(key=DEMO_MARKER, value=json.dumps(marker)))
        upcoming = sim.upcoming if sim.cases else None
        del sim, codes, ids  # the save below needs the memory more
        step("agenda")
        if upcoming is not None:
            with clock_at(morning):
                meeting_service.create_meeting(vault, upcoming, names.attending[:6])
    step("save")
    vault.after_commit()
    return summarise(vault, today)


@contextmanager
def _one_save(vault: Vault) -> Iterator[None]:
    """Hold back the save after each transaction; the caller saves once at the end."""
    hook = vault.after_commit
    vault.after_commit = lambda: None
    try:
        yield
    finally:
        vault.after_commit = hook


def _staged_insert(session: Session, table: Table, rows: Iterable[dict[str, object]]) -> None:
    """Insert many rows through an in-memory TEMP table and one INSERT … SELECT.

    The search-index triggers then run inside one statement. Sent row by row
    (executemany), FTS5 flushes its pending terms at every statement, which
    made bulk inserts about six times slower (measured here). Rows arrive as
    a generator and are staged in chunks, so a million events are never all
    in memory as dicts at once.
    """
    pending = iter(rows)
    chunks = iter(lambda: list(itertools.islice(pending, STAGE_CHUNK)), [])
    first = next(chunks, None)
    if not first:
        return
    name = f"demo_stage_{table.name}"
    stage = Table(
        name,
        MetaData(),
        *(Column(c.name, c.type) for c in table.columns),
        prefixes=["TEMPORARY"],
    )
    connection = session.connection()
    stage.create(connection)
    try:
        session.execute(insert(stage), first)
        for chunk in chunks:
            session.execute(insert(stage), chunk)
        columns = ", ".join(f'"{c.name}"' for c in table.columns if c.name in first[0])
        session.execute(
            text(f"INSERT INTO {table.name} ({columns}) SELECT {columns} FROM temp.{name}")
        )
    finally:
        stage.drop(connection)


def _start(session: Session, table: type[Meeting | AgendaItem | Decision | Action]) -> int:
    return (session.exec(select(func.max(table.id))).one() or 0) + 1


def _write(session: Session, sim: _Simulation, case_ids: list[int]) -> None:
    """Everything but the cases themselves, in bulk.

    Core tables, not ORM entities: the ORM's bulk insert splits rows into a
    new statement whenever a value switches between None and set, which made
    thousands of small batches; core sends each table in one executemany.
    """
    if not sim.cases:
        return
    case_table = table_of(Case)
    session.execute(
        update(case_table)
        .where(case_table.c.id == bindparam("b_id"))
        .values(
            review_date=bindparam("b_review"),
            closed_date=bindparam("b_closed"),
            created_at=bindparam("b_created"),
            updated_at=bindparam("b_updated"),
        ),
        [
            {
                "b_id": case_ids[c.index],
                "b_review": c.review_date,
                "b_closed": c.closed_date,
                "b_created": c.signal_at,
                "b_updated": c.updated_at or c.signal_at,
            }
            for c in sim.cases
        ],
    )
    # The signal events create_cases wrote (stamped now) give way to the
    # simulated ones (stamped when each signal came in).
    demo_ids = set(case_ids)
    event_table = table_of(CaseEvent)
    written = session.exec(
        select(CaseEvent.id, CaseEvent.case_id).where(
            CaseEvent.kind == EventKind.SIGNAAL_ONTVANGEN.value
        )
    ).all()
    stale = [{"b_id": event_id} for event_id, case_id in written if case_id in demo_ids]
    if stale:
        session.execute(event_table.delete().where(event_table.c.id == bindparam("b_id")), stale)
    meeting_base = _start(session, Meeting)
    item_base = _start(session, AgendaItem)
    decision_base = _start(session, Decision)
    action_base = _start(session, Action)
    if sim.meetings:
        _staged_insert(
            session,
            table_of(Meeting),
            [{**m, "id": meeting_base + int(m["id"])} for m in sim.meetings],  # type: ignore[call-overload]
        )
    if sim.items:
        _staged_insert(
            session,
            table_of(AgendaItem),
            (
                {
                    **item,
                    "id": item_base + int(item["id"]),  # type: ignore[call-overload]
                    "meeting_id": meeting_base + int(item["meeting_id"]),  # type: ignore[call-overload]
                    "case_id": case_ids[int(item["case_id"])],  # type: ignore[call-overload]
                }
                for item in sim.items
            ),
        )
    if sim.decisions:
        _staged_insert(
            session,
            table_of(Decision),
            (
                {
                    **d,
                    "id": decision_base + index,
                    "agenda_item_id": item_base + int(d["agenda_item_id"]),  # type: ignore[call-overload]
                    "case_id": case_ids[int(d["case_id"])],  # type: ignore[call-overload]
                }
                for index, d in enumerate(sim.decisions)
            ),
        )
    if sim.actions:
        _staged_insert(
            session,
            table_of(Action),
            (
                {
                    "id": action_base + index,
                    "case_id": case_ids[a.case],
                    "agenda_item_id": item_base + a.item,
                    "description": a.description,
                    "owner": a.owner,
                    "due_date": a.due,
                    "status": a.status.value,
                    "times_postponed": a.times_postponed,
                    "created_at": a.created_at,
                    "closed_at": a.closed_at,
                }
                for index, a in enumerate(sim.actions)
            ),
        )
    sim.events.sort(key=lambda e: e[1])  # ids in time order, like real use
    if sim.events:
        _staged_insert(
            session,
            table_of(CaseEvent),
            (
                {
                    "case_id": case_ids[case],
                    "at": at,
                    "kind": kind.value,
                    "meeting_id": meeting_base + meeting if meeting is not None else None,
                    "detail": "",
                    "params": event_params(_row_ids(params, action_base, decision_base)),
                }
                for case, at, kind, meeting, params in sim.events
            ),
        )


def _row_ids(params: dict[str, Any], action_base: int, decision_base: int) -> dict[str, Any]:
    """An event's params with the simulation's indexes turned into row ids."""
    if "action_id" in params:
        return {**params, "action_id": action_base + params["action_id"]}
    if "decision_id" in params:
        return {**params, "decision_id": decision_base + params["decision_id"]}
    return params


def is_demo(vault: Vault) -> bool:
    """True for a vault made by `fill_demo` (the only kind `drieluik demo --reset` deletes)."""
    with vault.session() as session:
        return session.get(Setting, DEMO_MARKER) is not None


def summarise(vault: Vault, today: date | None = None) -> DemoSummary:
    """Counts for the closing message (works on any vault)."""
    today = today or date.today()
    with vault.session() as session:

        def count(statement: SelectOfScalar[int]) -> int:
            return int(session.exec(statement).one())

        upcoming = session.exec(
            select(Meeting)
            .where(Meeting.meeting_date >= today, col(Meeting.ended_at).is_(None))
            .order_by(col(Meeting.meeting_date))
        ).first()
        reasons: tuple[AgendaReason, ...] = ()
        upcoming_items = 0
        if upcoming is not None:
            found = session.exec(
                select(AgendaItem.reason).where(AgendaItem.meeting_id == upcoming.id)
            ).all()
            upcoming_items = len(found)
            reasons = tuple(r for r in AgendaReason if r.value in set(found))
        open_actions = (
            select(func.count()).select_from(Action).where(Action.status == ActionStatus.OPEN.value)
        )
        return DemoSummary(
            cases=count(select(func.count()).select_from(Case)),
            meetings=count(select(func.count()).select_from(Meeting)),
            agenda_items=count(select(func.count()).select_from(AgendaItem)),
            decisions=count(select(func.count()).select_from(Decision)),
            actions=count(select(func.count()).select_from(Action)),
            open_actions=count(open_actions),
            overdue_actions=count(open_actions.where(col(Action.due_date) < today)),
            monitoring=count(
                select(func.count())
                .select_from(Case)
                .where(Case.status == CaseStatus.MONITORING.value)
            ),
            closed=count(
                select(func.count())
                .select_from(Case)
                .where(Case.status == CaseStatus.AFGESLOTEN.value)
            ),
            first_signal=session.exec(select(func.min(Case.signal_date))).one(),
            upcoming_date=upcoming.meeting_date if upcoming else None,
            upcoming_items=upcoming_items,
            upcoming_reasons=reasons,
        )
