"""Issue 12 part 1: the guard as a policy on every way in (services/guard.py).

With the default policy `bevestigen` no service entry point stores a text with
a finding without the explicit confirmation; each path has its test here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlmodel import select

from drieluik.domain.vocabulary import DecisionKind
from drieluik.errors import InvalidInput
from drieluik.services import actions, audit, cases, guard, importer, meetings, pii_audit
from drieluik.services.guard import PersonalDataFound, Policy
from drieluik.store.models import AgendaItem, Case, CaseEvent, Decision, PiiMark
from tests.services.register_helpers import add_cases, case_input

PERSONAL = "Contact via Elena Petrova, tel 06-12345678."
MEETING = date(2024, 3, 14)


def stored_texts(vault) -> str:
    with vault.session() as session:
        parts = [c.summary for c in session.exec(select(Case))]
        parts += [i.notes for i in session.exec(select(AgendaItem))]
        parts += [d.text for d in session.exec(select(Decision))]
        parts += [e.params for e in session.exec(select(CaseEvent))]
    return "\n".join(parts)


def assert_not_echoed(error: PersonalDataFound) -> None:
    assert "Petrova" not in error.message and "12345678" not in error.message
    assert error.found and all("Petrova" not in f.excerpt for f in error.found)


def item_id(vault) -> int:
    add_cases(vault, "2024-01-10")
    meeting = meetings.create_meeting(vault, MEETING)
    return meeting.items[0].id


def test_the_default_policy_is_bevestigen_and_a_change_is_audited(new_vault) -> None:
    assert guard.get_policy(new_vault) is Policy.BEVESTIGEN
    guard.set_policy(new_vault, "weigeren")
    assert guard.get_policy(new_vault) is Policy.WEIGEREN
    guard.set_policy(new_vault, "weigeren")  # unchanged: no second entry
    entries = [e.action for e in audit.list_entries(new_vault)]
    assert entries.count("settings.pii_policy") == 1
    with pytest.raises(InvalidInput):
        guard.set_policy(new_vault, "soms")


def test_a_case_summary_needs_the_confirmation(new_vault) -> None:
    data = case_input(omschrijving=PERSONAL)
    with pytest.raises(PersonalDataFound) as refused:
        cases.create_case(new_vault, data)
    assert_not_echoed(refused.value)
    assert cases.count_cases(new_vault) == 0
    created = cases.create_case(new_vault, data, accept_personal_data=True)
    assert created.summary == PERSONAL
    marks = guard.marks_for_case(new_vault, created.id)
    assert [(m.owner, m.field) for m in marks] == [("cases", "summary")]
    assert set(marks[0].categories) == {"PERSON", "PHONE"}
    assert guard.count_marked(new_vault) == 1


def test_editing_a_summary_needs_the_confirmation_and_the_mark_follows(new_vault) -> None:
    (code,) = add_cases(new_vault, "2024-01-10")
    with pytest.raises(PersonalDataFound):
        cases.update_case(new_vault, code, case_input(omschrijving=PERSONAL))
    assert "Petrova" not in cases.get_case(new_vault, code).summary
    cases.update_case(new_vault, code, case_input(omschrijving=PERSONAL), accept_personal_data=True)
    assert guard.count_marked(new_vault) == 1
    cases.update_case(new_vault, code, case_input(omschrijving="Zorgen over werkuren."))
    assert guard.count_marked(new_vault) == 0


def test_weigeren_refuses_even_a_confirmation_and_redact_stores_placeholders(new_vault) -> None:
    guard.set_policy(new_vault, Policy.WEIGEREN)
    data = case_input(omschrijving=PERSONAL)
    with pytest.raises(PersonalDataFound) as refused:
        cases.create_case(new_vault, data, accept_personal_data=True)
    assert not refused.value.confirmable
    created = cases.create_case(new_vault, data, redact=True)
    assert "[NAAM]" in created.summary and "[TELEFOON]" in created.summary
    assert guard.count_marked(new_vault) == 0


def test_waarschuwen_stores_and_marks(new_vault) -> None:
    guard.set_policy(new_vault, Policy.WAARSCHUWEN)
    created = cases.create_case(new_vault, case_input(omschrijving=PERSONAL))
    assert created.summary == PERSONAL
    assert guard.count_marked(new_vault) == 1


def test_a_decision_needs_the_confirmation(new_vault) -> None:
    item = item_id(new_vault)
    with pytest.raises(PersonalDataFound) as refused:
        meetings.add_decision(new_vault, item, DecisionKind.ADVIES_AAN_MELDER, PERSONAL)
    assert_not_echoed(refused.value)
    assert "Petrova" not in stored_texts(new_vault)
    meetings.add_decision(
        new_vault, item, DecisionKind.ADVIES_AAN_MELDER, PERSONAL, accept_personal_data=True
    )
    assert guard.count_marked(new_vault) == 1


def test_an_action_and_its_edit_and_postponement_need_the_confirmation(new_vault) -> None:
    (code,) = add_cases(new_vault, "2024-01-10")
    with pytest.raises(PersonalDataFound):
        actions.add_action(new_vault, code, PERSONAL, "GGD Drenthe")
    assert "Petrova" not in stored_texts(new_vault)
    action = actions.add_action(new_vault, code, "Huisbezoek plannen", "GGD Drenthe")
    with pytest.raises(PersonalDataFound):
        actions.edit_action(new_vault, action.id, description=PERSONAL)
    with pytest.raises(PersonalDataFound):
        actions.postpone_action(new_vault, action.id, date(2099, 1, 1), PERSONAL)
    assert "Petrova" not in stored_texts(new_vault)
    actions.edit_action(new_vault, action.id, description=PERSONAL, accept_personal_data=True)
    assert guard.count_marked(new_vault) == 1


def test_reasons_need_the_confirmation(new_vault) -> None:
    item = item_id(new_vault)
    meetings.start_meeting(new_vault, MEETING)
    with pytest.raises(PersonalDataFound):
        meetings.carry_over_item(new_vault, item, PERSONAL)
    assert "Petrova" not in stored_texts(new_vault)
    meetings.carry_over_item(new_vault, item, PERSONAL, redact=True)
    assert "[NAAM]" in stored_texts(new_vault)


def test_an_organisation_field_confirmed_goes_on_the_allow_list(new_vault) -> None:
    meeting = meetings.create_meeting(new_vault, MEETING)
    with pytest.raises(PersonalDataFound) as refused:
        meetings.set_attending(new_vault, meeting.id, ["Jan Jansen"])
    assert "Jansen" not in refused.value.message
    meetings.set_attending(new_vault, meeting.id, ["Jan Jansen"], accept_personal_data=True)
    from drieluik.services.allowlist import allow_terms

    assert allow_terms(new_vault) == ["Jan Jansen"]


@pytest.mark.parametrize("policy", list(Policy))
def test_live_notes_are_saved_as_typed_but_a_finding_only_once_confirmed(new_vault, policy) -> None:
    item = item_id(new_vault)
    guard.set_policy(new_vault, policy)
    saved = meetings.save_notes(new_vault, item, PERSONAL)
    stored = stored_texts(new_vault)
    if policy is Policy.WAARSCHUWEN:
        assert saved.redacted == 0 and "Petrova" in stored
        assert guard.count_marked(new_vault) == 1
    else:
        # Never refused (a crash must lose nothing), but no finding stored unconfirmed.
        assert saved.redacted == 2 and "Petrova" not in stored and "[NAAM]" in stored
    meetings.save_notes(new_vault, item, PERSONAL, accept_personal_data=True)
    confirmed = "Petrova" in stored_texts(new_vault)
    assert confirmed is (policy is not Policy.WEIGEREN)


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / "signalen.csv"
    path.write_text(
        "datum;gemeente;vorm;melder;omschrijving\n"
        "2024-01-10;Assen;arbeid;GGD Drenthe;Lange werkdagen.\n"
        f"2024-01-11;Emmen;seksueel;GGD Drenthe;{PERSONAL}\n",
        encoding="utf-8",
    )
    return path


def _xlsx(tmp_path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["datum", "gemeente", "vorm", "melder", "omschrijving"])
    sheet.append(["2024-01-10", "Assen", "arbeid", "GGD Drenthe", "Lange werkdagen."])
    sheet.append(["2024-01-11", "Emmen", "seksueel", "GGD Drenthe", PERSONAL])
    path = tmp_path / "signalen.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize("make", [_csv, _xlsx])
def test_an_import_reports_rows_and_needs_accept_or_redact(new_vault, tmp_path, make) -> None:
    path = make(tmp_path)
    result = importer.read_import(path, vault=new_vault)
    assert [(p.line, p.column, p.letter) for p in result.personal] == [
        (3, "omschrijving", "E"),
        (3, "omschrijving", "E"),
    ]
    assert all("Petrova" not in p.message for p in result.personal)
    with pytest.raises(PersonalDataFound) as refused:
        importer.import_cases(new_vault, result)
    assert [f.line for f in refused.value.found] == [3, 3]
    assert cases.count_cases(new_vault) == 0
    importer.import_cases(new_vault, result, redact=True)
    assert "Petrova" not in stored_texts(new_vault) and "[NAAM]" in stored_texts(new_vault)
    assert guard.count_marked(new_vault) == 0


def test_an_import_accepted_is_marked_and_weigeren_takes_only_redact(new_vault, tmp_path) -> None:
    result = importer.read_import(_csv(tmp_path), vault=new_vault)
    importer.import_cases(new_vault, result, accept_personal_data=True)
    assert guard.count_marked(new_vault) == 1
    guard.set_policy(new_vault, Policy.WEIGEREN)
    path = tmp_path / "twee.csv"
    path.write_text(_csv(tmp_path).read_text().replace("2024-01-1", "2024-02-1"))
    again = importer.read_import(path, vault=new_vault)
    with pytest.raises(PersonalDataFound):
        importer.import_cases(new_vault, again, accept_personal_data=True)


def test_audit_lists_seeded_findings_without_values_and_redact_clears_them(new_vault) -> None:
    assert pii_audit.audit_stored(new_vault) == []
    item = item_id(new_vault)
    code = cases.list_cases(new_vault)[0].code
    cases.update_case(new_vault, code, case_input(omschrijving=PERSONAL), accept_personal_data=True)
    meetings.add_decision(
        new_vault, item, DecisionKind.ADVIES_AAN_MELDER, PERSONAL, accept_personal_data=True
    )
    found = pii_audit.audit_stored(new_vault)
    places = {(f.case_code, f.owner, f.field) for f in found}
    assert (code, "cases", "summary") in places
    assert (code, "decisions", "decision") in places
    assert (code, "case_events", "history.text") in places  # the history's copy too
    assert all("Petrova" not in str(f.as_json()) for f in found)

    assert pii_audit.redact_stored(new_vault) == len(places)
    assert pii_audit.audit_stored(new_vault) == []
    assert "Petrova" not in stored_texts(new_vault)
    assert guard.count_marked(new_vault) == 0
    with new_vault.session() as session:
        assert session.exec(select(PiiMark)).all() == []
    assert audit.verify_chain(new_vault).ok
    assert [e.action for e in audit.list_entries(new_vault)].count("pii.redact") == 1


def test_a_confirmed_finding_stays_while_a_new_one_in_the_same_note_waits(new_vault) -> None:
    item = item_id(new_vault)
    first = "Contact via Elena Petrova."
    meetings.save_notes(new_vault, item, first, confirmed=("Elena Petrova",))
    assert "Elena Petrova" in stored_texts(new_vault)
    later = first + " Bel 06-12345678."
    saved = meetings.save_notes(new_vault, item, later, confirmed=("Elena Petrova",))
    stored = stored_texts(new_vault)
    assert saved.redacted == 1 and "Elena Petrova" in stored and "12345678" not in stored
    marks = guard.marks_for_case(new_vault, cases.list_cases(new_vault)[0].id)
    assert [m.categories for m in marks] == [("PERSON",)]
