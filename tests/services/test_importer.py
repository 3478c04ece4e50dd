"""Importing the chair's spreadsheet: every accepted and rejected input form."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlmodel import select

from drieluik.domain.vocabulary import (
    CaseStatus,
    ExploitationForm,
    VulnerableGroup,
)
from drieluik.errors import InvalidInput
from drieluik.services import cases
from drieluik.services.importer import column_letter, import_cases, read_import
from drieluik.store.inspect import table_counts
from drieluik.store.models import AuditEntry
from drieluik.store.vault import peek
from tests.conftest import PASSPHRASE
from tests.services.register_helpers import add_cases

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "import"
TODAY = date(2024, 6, 1)
HEADER = "datum;gemeente;vorm;melder;omschrijving"


def write(tmp_path: Path, text: str, name: str = "signalen.csv", encoding="utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def problems(result, kind: str = "errors") -> list[tuple[int, str | None, str | None]]:
    return [(p.line, p.letter, p.column) for p in getattr(result, kind)]


# --- the sample files --------------------------------------------------------------


def test_utf8_with_bom_semicolons_and_dutch_dates() -> None:
    result = read_import(SAMPLES / "signalen_utf8_bom_puntkomma.csv", today=TODAY)
    assert (result.encoding, result.delimiter) == ("UTF-8 (BOM)", ";")
    assert result.ok and result.total == 4
    first, second, third, fourth = (row.data for row in result.rows)
    assert first.signal_date == date(2024, 3, 14)  # 14-03-2024
    assert second.signal_date == date(2024, 4, 2)  # 2-4-2024
    assert first.municipality == "Midden-Drenthe"  # "Midden drenthe"
    assert third.municipality == "Borger-Odoorn"  # "BORGER-ODOORN"
    assert [r.data.form for r in result.rows] == [
        ExploitationForm.SEKSUEEL,  # "Seksuele uitbuiting"
        ExploitationForm.ARBEID,  # "arbeidsuitbuiting"
        ExploitationForm.CRIMINEEL,  # "CRIMINEEL"
        ExploitationForm.ONBEKEND,  # "Onbekend"
    ]
    assert second.reporter == "Politie (AVIM)"  # known spelling
    assert second.organised_crime is True
    assert third.vulnerable_groups == (VulnerableGroup.RISICOJONGERE, VulnerableGroup.MINDERJARIG)
    assert third.summary == 'Jongere wordt ingezet als koerier; "schuld" bij de ronselaar.'
    assert fourth.reporter == "Wijkteam Noord"  # unknown: kept as written, warned
    assert problems(result, "warnings") == [(5, "D", "melder")]


def test_windows_1252_semicolons_without_bom() -> None:
    result = read_import(SAMPLES / "signalen_cp1252_puntkomma.csv", today=TODAY)
    assert (result.encoding, result.delimiter) == ("Windows-1252", ";")
    assert result.ok and len(result.rows) == 3
    assert "café meldt schulden van € 5000" in result.rows[0].data.summary
    assert [r.data.signal_date for r in result.rows] == [
        date(2024, 1, 9),  # 2024-01-09
        date(2024, 1, 9),  # 09-01-2024
        date(2024, 1, 10),  # 10-1-2024
    ]
    assert [r.data.status for r in result.rows] == [
        CaseStatus.NIEUW,
        CaseStatus.BESPROKEN,
        CaseStatus.AFGESLOTEN,
    ]
    assert result.rows[2].data.form is ExploitationForm.ORGAAN


def test_commas_codes_optional_columns_an_unknown_column_and_a_multiline_cell() -> None:
    result = read_import(SAMPLES / "signalen_komma_met_codes.csv", today=TODAY)
    assert (result.encoding, result.delimiter) == ("UTF-8", ",")
    assert result.ok
    assert result.ignored_columns == ["opmerking"]
    assert [r.data.code for r in result.rows] == ["DL-2023-017", "DL-2023-018", None]
    assert result.rows[0].data.vulnerable_groups == (
        VulnerableGroup.SEKSWERKER,
        VulnerableGroup.OVERIG,
    )
    assert "\n" in result.rows[2].data.summary
    assert result.rows[2].data.municipality == "buiten Drenthe"
    # The unknown column is a warning on line 1; monitoring without review date too.
    assert problems(result, "warnings") == [(1, "J", "opmerking"), (2, "G", "status")]


def test_every_row_problem_has_its_spreadsheet_line_and_column() -> None:
    result = read_import(SAMPLES / "signalen_met_fouten.csv", today=TODAY)
    assert problems(result) == [
        (3, "A", "datum"),  # 31-02-2024
        (3, "B", "gemeente"),  # Groningen
        (4, "C", "vorm"),  # fraude
        (4, "F", "ondermijning"),  # misschien
        (4, "G", "kwetsbaar"),  # bejaard
        (5, "E", "omschrijving"),  # empty
        (7, "H", "code"),  # same code as line 5 (line 6 is blank and still counts)
    ]
    assert "31-02-2024" in result.errors[0].message
    assert "regel 5" in result.errors[-1].message
    assert result.invalid_lines == [3, 4, 5, 7]
    assert result.total == 5 and [r.line for r in result.rows] == [2]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("leeg.csv", "import.empty"),
        ("alleen_kopregel.csv", "import.no_rows"),
        ("zonder_melder.csv", "import.columns_missing"),
    ],
)
def test_file_level_refusals(name: str, key: str) -> None:
    with pytest.raises(InvalidInput) as info:
        read_import(SAMPLES / name, today=TODAY)
    assert info.value.key == key
    if key == "import.columns_missing":
        assert info.value.params["columns"] == "melder"


# --- reading details -------------------------------------------------------------------


def test_header_names_ignore_case_and_spaces_and_may_come_in_any_order(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        " Omschrijving ,MELDER,Vorm,Gemeente,DATUM\nTekst.,KMar,arbeid,Emmen,2024-01-02\n",
    )
    result = read_import(path, today=TODAY)
    assert result.ok and result.rows[0].data.reporter == "KMar"
    assert result.columns["datum"] == "E"


def test_the_delimiter_is_sniffed_from_the_header(tmp_path: Path) -> None:
    comma = write(
        tmp_path, "datum,gemeente,vorm,melder,omschrijving\n2024-01-02,Emmen,arbeid,KMar,a; b\n"
    )
    assert read_import(comma, today=TODAY).rows[0].data.summary == "a; b"
    tabs = write(
        tmp_path,
        "datum\tgemeente\tvorm\tmelder\tomschrijving\n2024-01-02\tEmmen\tarbeid\tKMar\tx\n",
    )
    assert read_import(tabs, today=TODAY).delimiter == "\t"


def test_leading_blank_lines_and_trailing_blank_rows(tmp_path: Path) -> None:
    path = write(tmp_path, f"\n{HEADER}\n2024-01-02;Emmen;arbeid;KMar;x\n;;;;\n\n;;;;\n")
    result = read_import(path, today=TODAY)
    assert result.total == 1 and result.rows[0].line == 3


def test_a_delimiter_inside_an_unquoted_text_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\n2024-01-02;Emmen;arbeid;KMar;eerste; tweede\n")
    result = read_import(path, today=TODAY)
    assert problems(result) == [(2, "F", None)]
    assert "6" in result.errors[0].message and "5" in result.errors[0].message


def test_a_column_named_twice_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER};Datum\n2024-01-02;Emmen;arbeid;KMar;x;2024-01-03\n")
    with pytest.raises(InvalidInput) as info:
        read_import(path, today=TODAY)
    assert info.value.key == "import.column_twice"
    assert "A" in info.value.message and "F" in info.value.message


def test_future_dates_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\n2024-06-02;Emmen;arbeid;KMar;x\n")
    assert problems(read_import(path, today=TODAY)) == [(2, "A", "datum")]


@pytest.mark.parametrize(
    ("name", "content", "key"),
    [
        ("oud.xls", b"\xd0\xcf\x11\xe0", "import.unsupported"),
        ("kapot.xlsx", b"not a zip file at all", "import.xlsx_invalid"),
        ("utf16.csv", b"\xff\xfed\x00\x00\xd8", "import.encoding"),
    ],
)
def test_unreadable_files_are_refused_clearly(
    tmp_path: Path, name: str, content: bytes, key: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InvalidInput) as info:
        read_import(path, today=TODAY)
    assert info.value.key == key
    with pytest.raises(InvalidInput) as info:
        read_import(tmp_path / "bestaat-niet.csv")
    assert info.value.key == "import.not_found"
    if Path(os.devnull).exists() and not Path(os.devnull).is_file():  # POSIX: a device
        with pytest.raises(InvalidInput) as info:
            read_import(Path(os.devnull))
        assert info.value.key == "import.not_a_file"


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "A",
        "B",
        "Z",
        "AA",
        "AB",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
    ]


# --- Excel ------------------------------------------------------------------------------


def test_xlsx_with_typed_cells(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Datum", "Gemeente", "Vorm", "Melder", "Omschrijving", "Ondermijning", "Extra"])
    sheet.append(
        [
            datetime(2024, 3, 14),
            "midden drenthe",
            "Seksuele uitbuiting",
            "GGD Drenthe",
            "Jonge vrouw.",
            True,
            12,
        ]
    )
    sheet.append(["14-3-2024", "Emmen", "arbeid", "KMar", "Werknemers.", "nee", None])
    sheet.append([None] * 7)  # a blank row still has its number
    sheet.append([date(2024, 2, 30 - 1), "Zwolle", "arbeid", "KMar", "Fout.", 1, None])
    path = tmp_path / "signalen.xlsx"
    workbook.save(path)
    result = read_import(path, today=TODAY)
    assert result.file_kind == "xlsx"
    assert result.ignored_columns == ["Extra"]
    assert [(r.line, r.data.signal_date) for r in result.rows] == [
        (2, date(2024, 3, 14)),
        (3, date(2024, 3, 14)),
    ]
    assert result.rows[0].data.organised_crime is True
    assert result.rows[0].data.municipality == "Midden-Drenthe"
    assert problems(result) == [(5, "B", "gemeente")]


def test_xlsx_with_only_a_header_or_nothing(tmp_path: Path) -> None:
    workbook = Workbook()
    path = tmp_path / "leeg.xlsx"
    workbook.save(path)
    with pytest.raises(InvalidInput) as info:
        read_import(path, today=TODAY)
    assert info.value.key == "import.empty"
    workbook.active.append(HEADER.split(";"))
    workbook.save(path)
    with pytest.raises(InvalidInput) as info:
        read_import(path, today=TODAY)
    assert info.value.key == "import.no_rows"


# --- importing: all or nothing -------------------------------------------------------------


def test_import_creates_the_cases_in_one_save_with_audit(new_vault) -> None:
    result = read_import(SAMPLES / "signalen_utf8_bom_puntkomma.csv", vault=new_vault)
    generation = peek(new_vault.path).generation
    codes = import_cases(new_vault, result)
    assert codes == ["DL-2024-001", "DL-2024-002", "DL-2024-003", "DL-2024-004"]
    assert peek(new_vault.path).generation == generation + 1
    with new_vault.session() as session:
        actions = set(session.exec(select(AuditEntry.action)))
    assert "case.import" in actions


def test_any_invalid_row_imports_nothing(new_vault) -> None:
    add_cases(new_vault, "2024-01-01")
    generation = peek(new_vault.path).generation
    counts = table_counts(new_vault)
    result = read_import(SAMPLES / "signalen_met_fouten.csv", vault=new_vault)
    with pytest.raises(InvalidInput) as info:
        import_cases(new_vault, result)
    assert info.value.key == "import.refused"
    assert info.value.params == {"invalid": 4, "total": 5}
    assert peek(new_vault.path).generation == generation
    assert table_counts(new_vault) == counts


def test_skip_invalid_imports_the_valid_rows(new_vault) -> None:
    result = read_import(SAMPLES / "signalen_met_fouten.csv", vault=new_vault)
    codes = import_cases(new_vault, result, skip_invalid=True)
    assert codes == ["DL-2024-001"]
    assert cases.get_case(new_vault, codes[0]).summary == "Goede rij."


def test_codes_already_in_the_vault_are_row_errors(new_vault) -> None:
    first = read_import(SAMPLES / "signalen_komma_met_codes.csv", vault=new_vault)
    import_cases(new_vault, first)
    again = read_import(SAMPLES / "signalen_komma_met_codes.csv", vault=new_vault)
    assert problems(again) == [(2, "A", "code"), (3, "A", "code")]
    assert "DL-2023-017" in again.errors[0].message
    assert [r.line for r in again.rows] == [4]
    with pytest.raises(InvalidInput):
        import_cases(new_vault, again)
    assert import_cases(new_vault, again, skip_invalid=True) == ["DL-2023-020"]


def test_a_result_read_without_the_vault_is_still_checked_against_it(new_vault) -> None:
    import_cases(new_vault, read_import(SAMPLES / "signalen_komma_met_codes.csv"))
    unchecked = read_import(SAMPLES / "signalen_komma_met_codes.csv")
    assert unchecked.ok
    with pytest.raises(InvalidInput):
        import_cases(new_vault, unchecked)
    assert cases.count_cases(new_vault) == 3


def test_ten_thousand_rows_read_validated_and_saved_within_five_seconds(
    new_vault, tmp_path: Path
) -> None:
    forms = ["Seksuele uitbuiting", "arbeid", "CRIMINEEL", "onbekend"]
    places = ["Assen", "Emmen", "midden drenthe", "Hoogeveen", "Meppel"]
    lines = [HEADER + ";kwetsbaar;ondermijning"]
    for i in range(10_000):
        lines.append(
            f"{1 + i % 28}-{1 + i % 12}-2023;{places[i % 5]};{forms[i % 4]};Veilig Thuis Drenthe;"
            f"Signaal {i}: een arbeidsmigrant werkt lange dagen zonder loonstrook.;LVB;nee"
        )
    path = write(tmp_path, "\n".join(lines) + "\n", encoding="cp1252")
    seen: list[tuple[int, int]] = []
    # Its speed is measured in benchmarks/run.py (import_10k_rows_s), not here.
    result = read_import(path, vault=new_vault, progress=lambda d, t: seen.append((d, t)))
    codes = import_cases(new_vault, result)
    assert len(codes) == 10_000 and codes[-1] == "DL-2023-10000"
    assert seen[-1] == (10_000, 10_000) and len(seen) > 10


def test_a_persons_name_as_reporter_is_a_row_error(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        f"{HEADER}\n"
        "01-03-2024;Assen;arbeid;GGD Drenthe;Melding over huisvesting.\n"
        "02-03-2024;Emmen;arbeid;Piet de Vries 06-12345678;Melding over werk.\n",
    )
    result = read_import(path, today=TODAY)
    assert [(p.line, p.column) for p in result.errors] == [(3, "melder")]


# --- the sheet a chair keeps today: usual headers and values ------------------------


def test_the_usual_headers_and_values_need_no_renaming() -> None:
    result = read_import(SAMPLES / "signalen_eigen_kopregels.csv", today=TODAY)
    assert result.ok, result.errors
    assert result.headers == {
        "datum": "Datum melding",
        "gemeente": "Woonplaats/Gemeente",
        "vorm": "Vorm van uitbuiting",
        "melder": "Melder",
        "omschrijving": "Omschrijving",
    }
    assert result.ignored_columns == ["Datum bespreking"]
    assert [r.data.municipality for r in result.rows] == [
        "Midden-Drenthe",  # "Midden Drenthe"
        "Midden-Drenthe",  # "Beilen", a village: read as its municipality
        "Assen",  # "Gemeente Assen"
        "onbekend",  # "onb."
        "Emmen",
    ]
    assert [r.data.form for r in result.rows] == [
        ExploitationForm.SEKSUEEL,
        ExploitationForm.ARBEID,
        ExploitationForm.CRIMINEEL,
        ExploitationForm.ONBEKEND,  # "?"
        ExploitationForm.ONBEKEND,  # "n.v.t."
    ]
    place = [p for p in result.warnings if p.line == 3]
    assert [(p.letter, p.column) for p in place] == [("B", "gemeente")]
    assert "Beilen" in place[0].message and "Midden-Drenthe" in place[0].message
    assert [line for line, _ in result.preview] == [2, 3, 4, 5, 6]
    assert result.preview[0][1]["gemeente"] == "Midden-Drenthe"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Datum melding", "datum"),
        ("datum_signaal", "datum"),
        ("MELDINGSDATUM:", "datum"),
        ("Datum van de melding (dd-mm-jjjj)", "datum"),
        ("Vorm van uitbuiting", "vorm"),
        ("Soort  uitbuiting", "vorm"),
        ("Type uitbuiting*", "vorm"),
        ("Verwijzer", "melder"),
        ("Melder / organisatie", "melder"),
        ("Organisatie", "melder"),
        ("Samenvatting", "omschrijving"),
        ("Toelichting", "omschrijving"),
        ("Omschrijving", "omschrijving"),
        ("Woonplaats/Gemeente", "gemeente"),
        ("Gemeente (woonplaats)", "gemeente"),
        ("Ondermijnende component", "ondermijning"),
        ("Kwetsbare groep(en)", "kwetsbaar"),
        ("Opmerking", None),
        ("Datum bespreking", None),
        ("Gemeente/Melder", None),  # two different fields: not a guess
    ],
)
def test_header_synonyms_are_folded_not_listed_per_spelling(header: str, expected) -> None:
    from drieluik.domain.synonyms import match_header

    assert match_header(header) == expected


def test_every_header_synonym_names_an_import_field() -> None:
    from drieluik.domain.synonyms import HEADER_SYNONYMS

    assert set(HEADER_SYNONYMS) == set(cases.REQUIRED_FIELDS + cases.OPTIONAL_FIELDS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seksuele uitbuiting", ExploitationForm.SEKSUEEL),
        ("Arbeidsuitbuiting", ExploitationForm.ARBEID),
        ("Uitbuiting in de arbeid", ExploitationForm.ARBEID),
        ("Criminele uitbuiting", ExploitationForm.CRIMINEEL),
        ("Gedwongen criminaliteit", ExploitationForm.CRIMINEEL),
        ("orgaanverwijdering (gedwongen)", ExploitationForm.ORGAAN),
        ("onb.", ExploitationForm.ONBEKEND),
        ("?", ExploitationForm.ONBEKEND),
        ("nvt", ExploitationForm.ONBEKEND),
        ("N.v.t.", ExploitationForm.ONBEKEND),
        ("fraude", None),
    ],
)
def test_form_values(text: str, expected) -> None:
    from drieluik.domain.vocabulary import parse_form

    assert parse_form(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Midden Drenthe", "Midden-Drenthe"),
        ("gemeente Aa en Hunze", "Aa en Hunze"),
        ("Gem. Borger-Odoorn", "Borger-Odoorn"),
        ("Emmen (centrum)", "Emmen"),
        ("onb.", "onbekend"),
        ("-", "onbekend"),
        ("Buiten Drenthe", "buiten Drenthe"),
        ("Groningen", None),
        ("Beilen", None),  # a village: only the import reads it (with a warning)
    ],
)
def test_municipality_values(text: str, expected) -> None:
    from drieluik.domain.regions import shipped

    assert shipped("drenthe").parse_municipality(text) == expected


def test_a_column_that_is_not_recognised_is_mapped(tmp_path: Path) -> None:
    from drieluik.services.importer import parse_mapping

    path = SAMPLES / "signalen_onbekende_kolommen.csv"
    with pytest.raises(InvalidInput) as info:
        read_import(path, today=TODAY)
    assert info.value.key == "import.columns_missing"
    assert info.value.params["columns"] == "datum, melder, omschrijving"
    assert "'Binnengekomen'" in info.value.params["unknown"]
    assert '--map "Binnengekomen=datum"' in info.value.message
    mapping = parse_mapping(
        ["binnengekomen=datum", "Partnerorganisatie=melder", "CASUS = omschrijving"]
    )
    result = read_import(path, today=TODAY, mapping=mapping)
    assert result.ok and result.rows[0].data.reporter == "KMar"
    assert result.headers["datum"] == "Binnengekomen"


def test_a_mapping_can_ignore_a_column_and_read_a_value_otherwise() -> None:
    from drieluik.services.importer import parse_mapping

    path = SAMPLES / "signalen_onbekende_waarde.csv"
    refused = read_import(path, today=TODAY)
    assert problems(refused) == [(2, "C", "vorm")]  # "Loverboy" is no form
    mapping = parse_mapping(["Bijzonderheden=-"], ["vorm:loverboy=seksueel"])
    result = read_import(path, today=TODAY, mapping=mapping)
    assert result.ok and result.rows[0].data.form is ExploitationForm.SEKSUEEL
    assert result.ignored_columns == []


@pytest.mark.parametrize(
    ("maps", "values", "key"),
    [
        (["Datum melding"], [], "import.map_syntax"),
        (["Datum melding=wanneer"], [], "import.map_field_unknown"),
        ([], ["vorm=seksueel"], "import.value_map_syntax"),
        ([], ["soort:loverboy=seksueel"], "import.map_field_unknown"),
    ],
)
def test_a_mapping_that_cannot_be_read_is_refused(maps, values, key) -> None:
    from drieluik.services.importer import parse_mapping

    with pytest.raises(InvalidInput) as info:
        parse_mapping(maps, values)
    assert info.value.key == key


def test_a_mapped_column_the_file_lacks_is_a_typo_and_refused() -> None:
    from drieluik.services.importer import parse_mapping

    with pytest.raises(InvalidInput) as info:
        read_import(
            SAMPLES / "signalen_eigen_kopregels.csv",
            today=TODAY,
            mapping=parse_mapping(["Datum meldnig=datum"]),
        )
    assert info.value.key == "import.map_not_in_file"


def test_two_columns_for_one_field_name_both_and_the_way_out(tmp_path: Path) -> None:
    from drieluik.services.importer import parse_mapping

    text = (
        "Datum;Woonplaats;Gemeente;Vorm;Melder;Omschrijving\n"
        "2024-01-02;Beilen;Emmen;arbeid;KMar;x\n"
    )
    path = write(tmp_path, text)
    with pytest.raises(InvalidInput) as info:
        read_import(path, today=TODAY)
    assert "Woonplaats" in info.value.message and '--map "Gemeente=-"' in info.value.message
    result = read_import(path, today=TODAY, mapping=parse_mapping(["Woonplaats=-"]))
    assert result.ok and result.rows[0].data.municipality == "Emmen"


def test_a_profile_is_kept_encrypted_in_the_vault_and_merged_with_new_maps(new_vault) -> None:
    from drieluik.services.importer import (
        load_profile,
        parse_mapping,
        profile_names,
        save_profile,
    )

    assert load_profile(new_vault, "GGD-lijst") is None
    mapping = parse_mapping(["Casus=omschrijving"], ["vorm:lb=seksueel"])
    save_profile(new_vault, "GGD-lijst", mapping)
    new_vault.close()
    reopened = new_vault.open(new_vault.path, PASSPHRASE)
    try:
        saved = load_profile(reopened, "GGD-lijst")
        assert saved is not None and profile_names(reopened) == ["GGD-lijst"]
        merged = saved.merged(parse_mapping(["casus=-", "Binnengekomen=datum"]))
        assert merged.column_for("CASUS") == "-"  # the command line wins
        assert merged.column_for("binnengekomen") == "datum"
        assert merged.value_for("vorm", "LB") == "seksueel"
        assert merged.required == {"casus", "Binnengekomen"}
    finally:
        reopened.close()
    assert b"GGD-lijst" not in new_vault.path.read_bytes()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Minderjarigen", VulnerableGroup.MINDERJARIG),
        ("LVB'er", VulnerableGroup.LVB),
        ("arbeidsmigranten", VulnerableGroup.ARBEIDSMIGRANT),
        ("Statushouders", VulnerableGroup.STATUSHOUDER),
        ("risicojongeren", VulnerableGroup.RISICOJONGERE),
        ("bejaard", None),
    ],
)
def test_vulnerable_group_values_in_the_plural_and_as_written(text: str, expected) -> None:
    from drieluik.domain.vocabulary import parse_vulnerable_group

    assert parse_vulnerable_group(text) is expected


# --- what the import screen needs (screens/import_file.py) ---------------------------


def test_preview_gives_the_columns_before_every_required_field_has_one() -> None:
    from drieluik.services.importer import IGNORE, ImportMapping, preview_import

    path = SAMPLES / "signalen_onbekende_kolommen.csv"
    preview = preview_import(path, None, ImportMapping(), today=TODAY)
    assert preview.result is None and "datum, melder, omschrijving" in (preview.problem or "")
    unknown = [c.header for c in preview.columns if c.field is None]
    assert "Binnengekomen" in unknown
    assert all(not c.mapped for c in preview.columns)
    mapping = (
        ImportMapping()
        .with_column("Binnengekomen", "datum")
        .with_column("Partnerorganisatie", "melder")
        .with_column("Casus", "omschrijving")
    )
    preview = preview_import(path, None, mapping, today=TODAY)
    assert preview.result is not None and preview.result.ok
    first = preview.columns[0]
    assert (first.letter, first.field, first.mapped) == ("A", "datum", True)
    # Two columns for one field: said, not raised, so one of them can be ignored.
    twice = mapping.with_column("Binnengekomen", "omschrijving")
    assert "omschrijving" in (preview_import(path, None, twice, today=TODAY).problem or "")
    back = twice.with_column("Binnengekomen", None).with_column("Binnengekomen", IGNORE)
    assert back.columns["Binnengekomen"] == IGNORE and len(back.columns) == 3


def test_unreadable_values_of_closed_lists_are_listed_and_can_be_mapped() -> None:
    from drieluik.services.importer import ImportMapping, value_choices

    path = SAMPLES / "signalen_onbekende_waarde.csv"
    result = read_import(path, today=TODAY)
    assert result.unknown_values == {"vorm": {"Loverboy": 1}}
    from drieluik.services import region

    drenthe, groningen = region.default_profile(), region.shipped_profile("groningen")
    assert ("Seksuele uitbuiting", "seksueel") in value_choices("vorm", drenthe)
    # A municipality is one of the vault's region, not Drenthe's everywhere.
    assert ("Emmen", "Emmen") in value_choices("gemeente", drenthe)
    assert ("Emmen", "Emmen") not in value_choices("gemeente", groningen)
    assert ("Veendam", "Veendam") in value_choices("gemeente", groningen)
    mapping = ImportMapping().with_value("vorm", "Loverboy", "seksueel")
    assert read_import(path, today=TODAY, mapping=mapping).ok
    assert mapping.with_value("vorm", "LOVERBOY", None).empty


def test_the_preview_a_screen_shows_holds_no_personal_data(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "\n14-03-2024;Assen;arbeid;Politie;Bel 06-12345678 snel\n")
    result = read_import(path, today=TODAY)
    assert result.personal and "12345678" in result.preview[0][1]["omschrijving"]
    shown = result.preview_without_personal_data()
    assert "12345678" not in shown[0][1]["omschrijving"] and "[" in shown[0][1]["omschrijving"]
    assert result.preview[0][1]["omschrijving"].endswith("snel")  # the CLI's is unchanged
