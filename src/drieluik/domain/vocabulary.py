"""The terms of art of het Drieluik (DESIGN.md §2) as enumerations.

Values are the stored codes; `label` gives the Dutch phrase the chair sees.
Code names are English; the values stay Dutch because they are what users
type in spreadsheets and read in minutes.
"""

from __future__ import annotations

from enum import StrEnum

from drieluik.domain.synonyms import (
    fold,
    form_code,
    group_code,
)
from drieluik.i18n import t


class ExploitationForm(StrEnum):
    SEKSUEEL = "seksueel"
    ARBEID = "arbeid"
    CRIMINEEL = "crimineel"
    ORGAAN = "orgaan"
    ONBEKEND = "onbekend"

    @property
    def label(self) -> str:
        return _FORM_LABELS[self]


_FORM_LABELS = {
    ExploitationForm.SEKSUEEL: "Seksuele uitbuiting",
    ExploitationForm.ARBEID: "Arbeidsuitbuiting",
    ExploitationForm.CRIMINEEL: "Criminele uitbuiting",
    ExploitationForm.ORGAAN: "Gedwongen orgaanverwijdering",
    ExploitationForm.ONBEKEND: "Onbekend",
}


# Municipalities and the usual reporters differ per region: they are in the
# region profile (domain/region.py, shipped profiles in domain/regions.py),
# which a vault keeps (services/region.py).


class VulnerableGroup(StrEnum):
    MINDERJARIG = "minderjarig"
    LVB = "LVB"
    ARBEIDSMIGRANT = "arbeidsmigrant"
    STATUSHOUDER = "statushouder"
    SEKSWERKER = "sekswerker"
    RISICOJONGERE = "risicojongere"
    OVERIG = "overig"

    @property
    def label(self) -> str:
        return self.value


class CaseStatus(StrEnum):
    NIEUW = "nieuw"
    GEAGENDEERD = "geagendeerd"
    BESPROKEN = "besproken"
    MONITORING = "monitoring"
    DOORVERWEZEN = "doorverwezen"
    INGEBRACHT_RIEC = "ingebracht_riec"
    AFGESLOTEN = "afgesloten"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    CaseStatus.NIEUW: "nieuw",
    CaseStatus.GEAGENDEERD: "geagendeerd",
    CaseStatus.BESPROKEN: "besproken",
    CaseStatus.MONITORING: "monitoring",
    CaseStatus.DOORVERWEZEN: "doorverwezen",
    CaseStatus.INGEBRACHT_RIEC: "ingebracht RIEC",
    CaseStatus.AFGESLOTEN: "afgesloten",
}


class AgendaReason(StrEnum):
    NIEUW_SIGNAAL = "nieuw signaal"
    ACTIE_VERLOPEN = "actie verlopen"
    MONITORING_HERBEOORDELING = "monitoring herbeoordeling"
    DOORGESCHOVEN = "doorgeschoven"
    INGEBRACHT_DOOR_DEELNEMER = "ingebracht door deelnemer"

    @property
    def label(self) -> str:
        return self.value


# Deterministic agenda order: the reason's rank, then signal date.
AGENDA_REASON_ORDER = {
    AgendaReason.DOORGESCHOVEN: 0,
    AgendaReason.NIEUW_SIGNAAL: 1,
    AgendaReason.ACTIE_VERLOPEN: 2,
    AgendaReason.MONITORING_HERBEOORDELING: 3,
    AgendaReason.INGEBRACHT_DOOR_DEELNEMER: 4,
}


# The time-box an agenda item gets when it is added, by reason, in minutes
# (issue 11). A vault setting per reason overrides it (services/vault_settings.py).
DEFAULT_PLANNED_MINUTES = {
    AgendaReason.NIEUW_SIGNAAL: 10,
    AgendaReason.MONITORING_HERBEOORDELING: 5,
    AgendaReason.ACTIE_VERLOPEN: 5,
    AgendaReason.DOORGESCHOVEN: 10,
    AgendaReason.INGEBRACHT_DOOR_DEELNEMER: 10,
}
MAX_PLANNED_MINUTES = 240


class MeetingState(StrEnum):
    """Where a meeting is: one vocabulary for the TUI, the CLI and the JSON.

    gepland → bezig (started) → afgerond (closed; minutes frozen); a closed
    meeting the chair reopens is `heropend` until it is closed again.
    """

    GEPLAND = "gepland"
    BEZIG = "bezig"
    AFGEROND = "afgerond"
    HEROPEND = "heropend"

    @property
    def label(self) -> str:
        return t(f"meeting.state.{self.value}")


class DecisionKind(StrEnum):
    ADVIES_AAN_MELDER = "advies aan melder"
    DOORVERWIJZING = "doorverwijzing"
    MONITORING = "monitoring"
    INBRENG_RIEC = "inbreng RIEC"
    STRAFRECHTELIJK_TRAJECT = "strafrechtelijk traject"
    GEEN_VERDERE_ACTIE = "geen verdere actie"
    AFSLUITEN = "afsluiten"

    @property
    def label(self) -> str:
        return self.value


# The case status a decision leads to (None: the status stays `besproken`).
DECISION_NEXT_STATUS: dict[DecisionKind, CaseStatus] = {
    DecisionKind.ADVIES_AAN_MELDER: CaseStatus.BESPROKEN,
    DecisionKind.DOORVERWIJZING: CaseStatus.DOORVERWEZEN,
    DecisionKind.MONITORING: CaseStatus.MONITORING,
    DecisionKind.INBRENG_RIEC: CaseStatus.INGEBRACHT_RIEC,
    DecisionKind.STRAFRECHTELIJK_TRAJECT: CaseStatus.DOORVERWEZEN,
    DecisionKind.GEEN_VERDERE_ACTIE: CaseStatus.BESPROKEN,
    DecisionKind.AFSLUITEN: CaseStatus.AFGESLOTEN,
}


class ActionStatus(StrEnum):
    OPEN = "open"
    GEDAAN = "gedaan"
    VERVALLEN = "vervallen"

    @property
    def label(self) -> str:
        return self.value


class EventKind(StrEnum):
    """Kinds of entries in a case's history timeline."""

    SIGNAAL_ONTVANGEN = "signaal ontvangen"
    GEAGENDEERD = "geagendeerd"
    VAN_AGENDA = "van agenda gehaald"
    BESPROKEN = "besproken"
    BESLUIT = "besluit"
    BESLUIT_INGETROKKEN = "besluit ingetrokken"
    ACTIE_AANGEMAAKT = "actie aangemaakt"
    ACTIE_GEWIJZIGD = "actie gewijzigd"
    ACTIE_GEDAAN = "actie gedaan"
    ACTIE_UITGESTELD = "actie uitgesteld"
    ACTIE_VERVALLEN = "actie vervallen"
    ACTIE_HEROPEND = "actie heropend"
    ACTIE_INGETROKKEN = "actie ingetrokken"
    STATUS_GEWIJZIGD = "status gewijzigd"
    GEWIJZIGD = "gewijzigd"
    DOORGESCHOVEN = "doorgeschoven"
    # issue 11: undo and reopen are new events; no event is ever edited
    DOORSCHUIVEN_ONGEDAAN = "doorschuiven ongedaan gemaakt"
    BESPROKEN_ONGEDAAN = "besproken ongedaan gemaakt"
    BESLUIT_ONGEDAAN = "besluit ongedaan gemaakt"
    OVERLEG_HEROPEND = "overleg heropend"

    @property
    def label(self) -> str:
        """In the reader's language: the history is shown in English with DRIELUIK_LANG=en."""
        return t(f"history.kind.{self.name}")


def parse_form(text: str) -> ExploitationForm | None:
    """'Seksuele uitbuiting', 'arbeidsuitbuiting', 'onb.', '?' → a form (synonyms.py)."""
    code = form_code(text)
    return ExploitationForm(code) if code else None


def parse_status(text: str) -> CaseStatus | None:
    folded = fold(text)
    for status in CaseStatus:
        if fold(status.value) == folded or fold(status.label) == folded:
            return status
    return None


def parse_vulnerable_group(text: str) -> VulnerableGroup | None:
    """'minderjarigen', "LVB'er", 'arbeidsmigranten' → a group (synonyms.py)."""
    code = group_code(text)
    return VulnerableGroup(code) if code else None


def parse_decision_kind(text: str) -> DecisionKind | None:
    folded = fold(text)
    for kind in DecisionKind:
        if fold(kind.value) == folded or fold(kind.name) == folded:
            return kind
    return None


def parse_yes_no(text: str) -> bool | None:
    folded = fold(text)
    if folded in {"ja", "j", "yes", "y", "1", "true", "waar"}:
        return True
    if folded in {"nee", "n", "no", "0", "false", "onwaar", ""}:
        return False
    return None
