"""The case register: validation shared by every way in, codes, creating, listing."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import delete, func
from sqlmodel import select

from drieluik.domain.vocabulary import (
    CaseStatus,
    EventKind,
    ExploitationForm,
    VulnerableGroup,
)
from drieluik.errors import InvalidInput
from drieluik.services import cases
from drieluik.services.types import CaseFilter
from drieluik.store.models import AuditEntry, Case, CaseEvent, Reporter, clock_at
from drieluik.store.vault import peek
from tests.services.register_helpers import add_cases, at, case_input

TODAY = date(2024, 6, 1)


def _raw(**fields: str | None) -> dict[str, str | None]:
    raw: dict[str, str | None] = {
        "datum": "2024-03-14",
        "gemeente": "Emmen",
        "vorm": "seksueel",
        "melder": "Politie (AVIM)",
        "omschrijving": "Een jonge vrouw is nooit alleen te spreken.",
    }
    raw.update(fields)
    return raw


def _valid(**fields: str | None) -> cases.CaseInput:
    data, errors, _ = cases.validate_case_fields(_raw(**fields), today=TODAY)
    assert not errors, errors
    assert data is not None
    return data


def _errors(**fields: str | None) -> dict[str, str]:
    data, errors, _ = cases.validate_case_fields(_raw(**fields), today=TODAY)
    assert data is None
    return {p.field: p.message for p in errors}


# --- validation ------------------------------------------------------------------


@pytest.mark.parametrize("text", ["2024-03-14", "14-03-2024", "14-3-2024", "2024-3-14"])
def test_dates_in_every_accepted_form(text: str) -> None:
    assert _valid(datum=text).signal_date == date(2024, 3, 14)


@pytest.mark.parametrize("text", ["14/13/2024", "2024-02-30", "maart 2024", "14-03-24", "x"])
def test_invalid_dates_are_refused_naming_the_value(text: str) -> None:
    assert text in _errors(datum=text)["datum"]


def test_a_future_signal_date_is_refused() -> None:
    assert "2024-06-02" in _errors(datum="2024-06-02")["datum"]
    assert _valid(datum="2024-06-01").signal_date == TODAY


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("seksueel", ExploitationForm.SEKSUEEL),
        ("Seksuele uitbuiting", ExploitationForm.SEKSUEEL),
        ("arbeidsuitbuiting", ExploitationForm.ARBEID),
        ("CRIMINEEL", ExploitationForm.CRIMINEEL),
        ("Criminele uitbuiting", ExploitationForm.CRIMINEEL),
        ("Gedwongen orgaanverwijdering", ExploitationForm.ORGAAN),
        ("Onbekend", ExploitationForm.ONBEKEND),
    ],
)
def test_form_as_code_or_dutch_phrase_in_any_case(text: str, form: ExploitationForm) -> None:
    assert _valid(vorm=text).form is form


@pytest.mark.parametrize(
    ("text", "municipality"),
    [
        ("midden drenthe", "Midden-Drenthe"),
        ("MIDDEN-DRENTHE", "Midden-Drenthe"),
        ("Middendrenthe", "Midden-Drenthe"),
        ("borger odoorn", "Borger-Odoorn"),
        ("aa en hunze", "Aa en Hunze"),
        ("Buiten Drenthe", "buiten Drenthe"),
        (" onbekend ", "onbekend"),
    ],
)
def test_municipality_ignores_case_spaces_and_hyphens(text: str, municipality) -> None:
    assert _valid(gemeente=text).municipality == municipality


def test_known_reporter_gets_its_known_spelling() -> None:
    data, _, warnings = cases.validate_case_fields(_raw(melder="veilig thuis DRENTHE"), today=TODAY)
    assert data is not None and data.reporter == "Veilig Thuis Drenthe"
    assert warnings == []


def test_unknown_reporter_is_kept_as_written_with_a_warning() -> None:
    data, errors, warnings = cases.validate_case_fields(_raw(melder="Wijkteam  Zuid"), today=TODAY)
    assert errors == []
    assert data is not None and data.reporter == "Wijkteam Zuid"
    assert [w.field for w in warnings] == ["melder"]
    assert "Wijkteam Zuid" in warnings[0].message


def test_a_persons_name_as_reporter_is_an_error_unless_allowed() -> None:
    # A melder is an organisation; it appears in the annual report and the minutes.
    data, errors, _ = cases.validate_case_fields(_raw(melder="mevrouw Jansen"), today=TODAY)
    assert data is None
    assert [e.field for e in errors] == ["melder"] and "J****n" in errors[0].message
    assert "Jansen" not in errors[0].message  # never echoed (issue 12)
    data, errors, _ = cases.validate_case_fields(
        _raw(melder="mevrouw Jansen"), today=TODAY, allow=["mevrouw Jansen"]
    )
    assert errors == [] and data is not None


def test_optional_fields() -> None:
    data = _valid(
        ondermijning="Ja",
        kwetsbaar="LVB, minderjarig; lvb",
        status="Monitoring",
        code="dl-2023-017",
    )
    assert data.organised_crime is True
    assert data.vulnerable_groups == (VulnerableGroup.LVB, VulnerableGroup.MINDERJARIG)
    assert data.status is CaseStatus.MONITORING
    assert data.code == "DL-2023-017"
    assert _valid(ondermijning="nee").organised_crime is False
    assert _valid(ondermijning="").organised_crime is False
    assert _valid(status="ingebracht RIEC").status is CaseStatus.INGEBRACHT_RIEC


def test_every_required_field_is_reported_when_empty() -> None:
    errors = _errors(datum="", gemeente=" ", vorm=None, melder="", omschrijving="")
    assert set(errors) == set(cases.REQUIRED_FIELDS)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("gemeente", "Groningen"),
        ("vorm", "fraude"),
        ("status", "half af"),
        ("ondermijning", "misschien"),
        ("kwetsbaar", "LVB, bejaard"),
        ("code", "2023-017"),
    ],
)
def test_invalid_values_name_their_field_and_value(field: str, value: str) -> None:
    errors = _errors(**{field: value})
    assert set(errors) == {field}
    shown = "bejaard" if field == "kwetsbaar" else value
    assert shown in errors[field]


def test_text_with_nul_or_too_long_is_refused() -> None:
    assert "omschrijving" in _errors(omschrijving="a\x00b")
    assert "omschrijving" in _errors(omschrijving="x" * 100_001)
    assert "melder" in _errors(melder="m" * 201)


def test_require_valid_raises_one_error_listing_every_problem() -> None:
    with pytest.raises(InvalidInput) as info:
        cases.require_valid(_raw(gemeente="Zwolle", vorm="fraude"), today=TODAY)
    assert "gemeente" in info.value.message and "vorm" in info.value.message
    assert info.value.exit_code == 1


# --- creating ----------------------------------------------------------------------


def test_codes_are_numbered_per_signal_year_in_input_order(new_vault) -> None:
    codes = add_cases(new_vault, "2023-12-30", "2024-01-02", "2023-05-01", "2024-01-01")
    assert codes == ["DL-2023-001", "DL-2024-001", "DL-2023-002", "DL-2024-002"]
    assert add_cases(new_vault, "2024-02-02") == ["DL-2024-003"]


def test_explicit_codes_are_claimed_and_numbering_continues_after_them(new_vault) -> None:
    codes = cases.create_cases(
        new_vault, [case_input("2023-04-01", code="DL-2023-017"), case_input("2023-04-02")]
    )
    assert codes == ["DL-2023-017", "DL-2023-018"]


def test_create_cases_is_one_transaction_and_one_save(new_vault) -> None:
    before = peek(new_vault.path).generation
    add_cases(new_vault, *(f"2024-01-{d:02d}" for d in range(1, 29)))
    assert peek(new_vault.path).generation == before + 1
    assert cases.count_cases(new_vault) == 28


@pytest.mark.parametrize("clash", ["in the vault", "within the input"])
def test_a_duplicate_code_refuses_all_and_changes_nothing(new_vault, clash: str) -> None:
    cases.create_cases(new_vault, [case_input("2023-01-05", code="DL-2023-005")])
    generation = peek(new_vault.path).generation
    batch = [case_input("2023-02-01"), case_input("2023-02-02", code="DL-2023-009")]
    batch.append(
        case_input("2023-02-03", code="DL-2023-005" if clash == "in the vault" else "DL-2023-009")
    )
    with pytest.raises(InvalidInput) as info:
        cases.create_cases(new_vault, batch)
    assert info.value.key == "case.code_exists"
    assert cases.count_cases(new_vault) == 1
    assert peek(new_vault.path).generation == generation
    # Nothing was claimed either: the next code follows the one case that exists.
    assert add_cases(new_vault, "2023-03-01") == ["DL-2023-006"]


def test_a_code_is_never_reused_after_its_case_is_gone(new_vault) -> None:
    codes = add_cases(new_vault, "2024-01-01", "2024-01-02")
    with new_vault.transaction() as session:
        last = session.exec(select(Case).where(Case.code == codes[-1])).one()
        session.execute(delete(CaseEvent).where(CaseEvent.case_id == last.id))
        session.delete(last)
    assert add_cases(new_vault, "2024-01-03") == ["DL-2024-003"]


def test_created_case_records_event_audit_and_unknown_reporter(new_vault) -> None:
    moment = at(date(2024, 2, 1))
    with clock_at(moment):
        (code,) = cases.create_cases(
            new_vault, [case_input("2024-01-31", melder="Wijkteam Zuid")], action="case.import"
        )
    with new_vault.session() as session:
        case = session.exec(select(Case).where(Case.code == code)).one()
        events = session.exec(select(CaseEvent).where(CaseEvent.case_id == case.id)).all()
        audit = session.exec(select(AuditEntry)).all()
        reporters = session.exec(select(Reporter)).all()
    assert case.created_at == moment
    assert [(e.kind, json.loads(e.params), e.detail, e.at) for e in events] == [
        (EventKind.SIGNAAL_ONTVANGEN.value, {"reporter": "Wijkteam Zuid"}, "", moment)
    ]
    assert [(a.action, a.case_code) for a in audit] == [("case.import", code)]
    assert [(r.name, r.known) for r in reporters] == [("Wijkteam Zuid", False)]
    assert cases.list_reporters(new_vault)[-1] == "Wijkteam Zuid"


def test_a_case_imported_as_closed_gets_a_closed_date(new_vault) -> None:
    (code,) = cases.create_cases(new_vault, [case_input("2023-03-01", status="afgesloten")])
    view = cases.get_case(new_vault, code)
    assert view.status is CaseStatus.AFGESLOTEN
    assert view.closed_date == date(2023, 3, 1)


def test_create_case_returns_the_view(new_vault) -> None:
    view = cases.create_case(new_vault, case_input("2024-01-15", kwetsbaar="LVB"))
    assert view.code == "DL-2024-001"
    assert view.status is CaseStatus.NIEUW
    assert view.vulnerable_groups == (VulnerableGroup.LVB,)
    assert view.as_json()["datum"] == "2024-01-15"


# --- reading -----------------------------------------------------------------------


def test_get_case_by_code_any_case_or_id_and_unknown_code(new_vault) -> None:
    (code,) = add_cases(new_vault, "2024-01-01")
    assert cases.get_case(new_vault, code.lower()).code == code
    assert cases.get_case(new_vault, 1).code == code
    with pytest.raises(InvalidInput) as info:
        cases.get_case(new_vault, "DL-2099-001")
    assert "DL-2099-001" in info.value.message


def test_list_cases_newest_first_with_filters_and_paging(new_vault) -> None:
    add_cases(new_vault, "2023-05-01", "2024-02-01", gemeente="Emmen", vorm="seksueel")
    add_cases(new_vault, "2024-03-01", "2023-01-01", gemeente="Assen", vorm="arbeid")
    all_codes = [c.code for c in cases.list_cases(new_vault)]
    assert all_codes == ["DL-2024-002", "DL-2024-001", "DL-2023-001", "DL-2023-002"]
    assert [c.code for c in cases.list_cases(new_vault, offset=1, limit=2)] == all_codes[1:3]
    by_year = cases.list_cases(new_vault, CaseFilter(year=2023))
    assert {c.signal_date.year for c in by_year} == {2023} and len(by_year) == 2
    emmen = cases.list_cases(new_vault, CaseFilter(municipality="Emmen"))
    assert {c.code for c in emmen} == {"DL-2023-001", "DL-2024-001"}
    arbeid_2024 = CaseFilter(year=2024, form=ExploitationForm.ARBEID)
    assert [c.code for c in cases.list_cases(new_vault, arbeid_2024)] == ["DL-2024-002"]
    assert cases.count_cases(new_vault, arbeid_2024) == 1
    assert cases.count_cases(new_vault, CaseFilter(status=CaseStatus.MONITORING)) == 0


def test_update_case_records_which_fields_changed_not_their_contents(new_vault) -> None:
    (code,) = add_cases(new_vault, "2024-01-01")
    cases.update_case(new_vault, code, case_input("2024-01-01", gemeente="Meppel"))
    with new_vault.session() as session:
        edits = session.exec(
            select(CaseEvent.params).where(CaseEvent.kind == EventKind.GEWIJZIGD.value)
        ).all()
        audit = session.exec(select(func.count()).select_from(AuditEntry)).one()
    assert [json.loads(e) for e in edits] == [{"fields": ["municipality"]}]  # names, no contents
    assert audit == 2
    assert cases.get_case(new_vault, code).municipality == "Meppel"


def test_set_status_closed_uses_the_clock_for_the_closed_date(new_vault) -> None:
    (code,) = add_cases(new_vault, "2023-01-01")
    with clock_at(datetime(2023, 4, 5, 11, 0).astimezone()):
        view = cases.set_status(new_vault, code, CaseStatus.AFGESLOTEN)
    assert view.closed_date == date(2023, 4, 5)
    reopened = cases.set_status(new_vault, code, CaseStatus.BESPROKEN)
    assert reopened.closed_date is None


def test_monitoring_needs_a_review_date(new_vault) -> None:
    (code,) = add_cases(new_vault, "2023-01-01")
    with pytest.raises(InvalidInput):
        cases.set_status(new_vault, code, CaseStatus.MONITORING)
    with clock_at(at(date(2023, 1, 2))):
        view = cases.set_status(
            new_vault, code, CaseStatus.MONITORING, review_date=date(2023, 6, 1)
        )
        with pytest.raises(InvalidInput) as past:
            cases.set_status(new_vault, code, CaseStatus.MONITORING, review_date=date(2023, 1, 1))
    assert view.review_date == date(2023, 6, 1)
    assert past.value.key == "date.in_past" and "01-01-2023" in past.value.message


def test_many_cases_with_mixed_statuses_go_in_together(new_vault) -> None:
    """Mixed NULL/set closed dates in one batch (they once made create_cases
    quadratic; its speed is measured by benchmarks/run.py's import timing)."""
    template = case_input("2023-01-05")
    closed = cases.require_valid({**_raw(datum="2023-01-06"), "status": "afgesloten"}, today=TODAY)
    batch = [closed if i % 2 else template for i in range(12_000)]
    codes = cases.create_cases(new_vault, batch)
    assert cases.count_cases(new_vault, CaseFilter(status=CaseStatus.AFGESLOTEN)) == 6_000
    assert cases.get_case(new_vault, codes[1]).closed_date == date(2023, 1, 6)
    assert cases.get_case(new_vault, codes[0]).closed_date is None
