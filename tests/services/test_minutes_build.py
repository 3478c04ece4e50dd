"""The minutes model: what goes in, in which order, and the per-partner extract."""

from __future__ import annotations

from datetime import date

import pytest

from drieluik.domain.vocabulary import (
    ActionStatus,
    AgendaReason,
    DecisionKind,
    ExploitationForm,
)
from drieluik.errors import InvalidInput
from drieluik.services import meetings
from drieluik.services.minutes.build import build_minutes, concerns
from drieluik.services.minutes.model import FieldRef
from drieluik.services.minutes.safe_text import REPLACEMENT, display_safe
from drieluik.store.vault import Vault
from tests.services.minutes_helpers import ATTENDING, MEETING_DATE, SUMMARY_A, sample_meeting


def test_minutes_hold_the_meeting_in_agenda_order(new_vault: Vault) -> None:
    sample = sample_meeting(new_vault)
    minutes = build_minutes(new_vault, "2024-03-14")
    assert minutes.meeting_date == MEETING_DATE
    assert minutes.attending == tuple(ATTENDING)
    assert minutes.partner is None
    assert [i.case_code for i in minutes.items] == [
        sample.codes["vt"],
        sample.codes["ggd"],
        sample.codes["politie"],
    ]
    assert [i.number for i in minutes.items] == [1, 2, 3]
    first = minutes.items[0]
    assert first.reason is AgendaReason.NIEUW_SIGNAAL
    assert first.reporter == "Veilig Thuis Drenthe"
    assert first.form is ExploitationForm.SEKSUEEL
    assert first.municipality == "Emmen"
    assert first.summary == SUMMARY_A
    assert first.notes.startswith("Zorgen over afhankelijkheid")
    assert first.discussed
    (decision,) = first.decisions
    assert decision.kind is DecisionKind.DOORVERWIJZING
    assert decision.referral_to == "Fier"
    (action,) = first.actions
    assert (action.owner, action.due_date) == ("GGD Drenthe", date(2024, 3, 28))
    assert minutes.items[1].decisions[0].review_date == date(2024, 6, 13)
    assert minutes.items[2].reason is AgendaReason.ACTIE_VERLOPEN
    assert not minutes.items[2].discussed


def test_same_meeting_by_id_and_by_dutch_date(new_vault: Vault) -> None:
    sample = sample_meeting(new_vault)
    assert build_minutes(new_vault, "14-03-2024") == build_minutes(new_vault, sample.meeting_id)


def test_unknown_meeting_is_refused(new_vault: Vault) -> None:
    with pytest.raises(InvalidInput):
        build_minutes(new_vault, "2030-01-01")


def test_action_list_has_this_meetings_actions_then_earlier_open_ones(new_vault: Vault) -> None:
    sample = sample_meeting(new_vault)
    minutes = build_minutes(new_vault, MEETING_DATE)
    rows = [(a.case_code, a.description, a.status) for a in minutes.action_list]
    assert rows == [
        (sample.codes["vt"], "Medisch onderzoek aanbieden", ActionStatus.OPEN),
        (sample.codes["ggd"], "Gesprek met leerplichtambtenaar", ActionStatus.OPEN),
        # From the meeting of 8 February, still open: the reason item 3 is on the agenda.
        (
            sample.codes["politie"],
            "Huisvesting controleren met de Arbeidsinspectie",
            ActionStatus.OPEN,
        ),
    ]


def test_every_outgoing_text_field_is_walked(new_vault: Vault) -> None:
    sample_meeting(new_vault)
    minutes = build_minutes(new_vault, MEETING_DATE, per_partner="GGD Drenthe")
    fields = {ref.field for ref, _ in minutes.text_fields()}
    assert fields == {
        "partner",
        "attending",
        "reporter",
        "summary",
        "notes",
        "decision_text",
        "decision_referral",
        "action_description",
        "action_owner",
    }
    refs = [ref for ref, _ in minutes.text_fields()]
    assert FieldRef("attending", index=4) in refs
    assert any(ref.in_action_list and ref.field == "action_owner" for ref in refs)
    # map_texts reaches exactly the same fields: change all, nothing is left.
    changed = minutes.map_texts(lambda _ref, text: "X" if text else text)
    assert {text for _, text in changed.text_fields()} <= {"X", ""}


@pytest.mark.parametrize(
    ("partner", "name", "expected"),
    [
        ("GGD Drenthe", "GGD Drenthe", True),
        ("ggd-drenthe", "GGD Drenthe", True),  # folded: case, hyphens, spaces
        ("politie", "Politie (AVIM)", True),  # the partner's name inside a longer one
        ("Veilig Thuis Drenthe", "Veilig Thuis", True),  # and the other way round
        ("Fier", "Fier Fryslân", True),
        ("GGD", "Veilig Thuis Drenthe", False),
        ("VT", "Veilig Thuis Drenthe", False),  # too short to match by containment
        ("VT", "vt", True),  # but equal is equal
        ("Politie", None, False),
        ("Politie", "", False),
    ],
)
def test_organisation_matching_rule(partner: str, name: str | None, expected: bool) -> None:
    assert concerns(partner, name) is expected


def test_per_partner_keeps_only_items_and_actions_that_concern_it(new_vault: Vault) -> None:
    sample = sample_meeting(new_vault)
    # GGD Drenthe: reporter of item 2, owner of the action on item 1.
    ggd = build_minutes(new_vault, MEETING_DATE, per_partner="GGD Drenthe")
    assert ggd.partner == "GGD Drenthe"
    assert [i.case_code for i in ggd.items] == [sample.codes["vt"], sample.codes["ggd"]]
    assert [a.owner for a in ggd.items[0].actions] == ["GGD Drenthe"]
    assert ggd.items[1].actions == ()  # that action belongs to Gemeente Hoogeveen
    assert [a.owner for a in ggd.action_list] == ["GGD Drenthe"]
    # Fier: only a referral target.
    fier = build_minutes(new_vault, MEETING_DATE, per_partner="fier")
    assert [i.case_code for i in fier.items] == [sample.codes["vt"]]
    assert fier.action_list == ()
    assert fier.items[0].decisions  # the decision that concerns Fier stays
    # "politie" covers "Politie (AVIM)": the reporter of item 3 and the owner of the
    # earlier open action.
    politie = build_minutes(new_vault, MEETING_DATE, per_partner="politie")
    assert [i.case_code for i in politie.items] == [sample.codes["politie"]]
    assert [a.case_code for a in politie.action_list] == [sample.codes["politie"]]
    # An organisation with nothing on this agenda (a typo, say) is refused, naming
    # the organisations that do appear, rather than given an empty extract.
    with pytest.raises(InvalidInput) as refused:
        build_minutes(new_vault, MEETING_DATE, per_partner="CoMensha")
    assert refused.value.key == "minutes.partner_unknown"
    assert refused.value.params["orgs"] == (
        "Veilig Thuis Drenthe, GGD Drenthe, Fier, Gemeente Hoogeveen, Politie (AVIM)"
    )


def test_per_partner_needs_a_name(new_vault: Vault) -> None:
    sample_meeting(new_vault)
    with pytest.raises(InvalidInput):
        build_minutes(new_vault, MEETING_DATE, per_partner=" -- ")


def test_unsafe_characters_are_replaced_visibly(new_vault: Vault) -> None:
    notes = "bel\x07 terug\r\nregel 2\ttab \u202egnp.exe\u202c en \x1b[31mrood"
    sample = sample_meeting(new_vault, notes_vt=notes)
    minutes = build_minutes(new_vault, MEETING_DATE)
    item = next(i for i in minutes.items if i.case_code == sample.codes["vt"])
    assert item.notes == (
        f"bel{REPLACEMENT} terug\nregel 2\ttab {REPLACEMENT}gnp.exe{REPLACEMENT} en "
        f"{REPLACEMENT}[31mrood"
    )


def test_display_safe_keeps_ordinary_text_and_rtl_letters() -> None:
    text = "Naïeve café – “ĳs” עברית العربية 🙂\tok\nnext"
    assert display_safe(text) == text
    assert display_safe("a\x00b\x7fc\x85d\ufffee") == "a\ufffdb\ufffdc\ufffdd\ufffde"


def test_meeting_without_items_or_attendees(new_vault: Vault) -> None:
    meetings.create_meeting(new_vault, date(2024, 5, 2), [], propose=False)
    minutes = build_minutes(new_vault, "2024-05-02")
    assert minutes.items == () and minutes.attending == () and minutes.action_list == ()
