"""The case register's commands: import, cases, case show/add, meeting new, agenda, meetings.

Most run `cli.run()` in this process; refusals a script would see are also
checked once in a subprocess (one line on stderr, exit code, no traceback).
"""

from __future__ import annotations

import json
import os
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from drieluik.cli import common, run
from drieluik.cli.cases import collect_case_input
from drieluik.cli.common import json_text
from drieluik.domain.vocabulary import CaseStatus, DecisionKind
from drieluik.errors import InvalidInput
from drieluik.services import actions, cases, meetings
from drieluik.store.inspect import table_counts
from drieluik.store.models import clock_at
from drieluik.store.vault import Vault, peek
from tests.conftest import PASSPHRASE
from tests.services.register_helpers import add_cases
from tests.vault_testing import CliResult, assert_clean_refusal, run_cli

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "import"


@pytest.fixture
def vault(vault_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A closed, empty vault at DRIELUIK_VAULT, with the passphrase in the environment."""
    Vault.create(vault_path, PASSPHRASE).close()
    monkeypatch.setenv("DRIELUIK_PASSPHRASE", PASSPHRASE)
    return vault_path


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    def call(*args: str) -> CliResult:
        code = run(list(args))
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return call


def opened(path: Path) -> Vault:
    return Vault.open(path, PASSPHRASE)


def widest_line(text: str) -> int:
    return max((len(line) for line in text.splitlines()), default=0)


# --- import -------------------------------------------------------------------------


def test_import_reports_and_summarises(vault: Path, cli) -> None:
    result = cli("import", str(SAMPLES / "signalen_utf8_bom_puntkomma.csv"))
    assert result.code == 0, result.stderr
    assert "UTF-8 (BOM)" in result.stdout and "';'" in result.stdout
    assert "regel 5, kolom D (melder)" in result.stdout
    assert "4 geïmporteerd, 1 waarschuwing(en), 0 overgeslagen" in result.stdout
    assert "DL-2024-001 … DL-2024-004" in result.stdout
    with opened(vault) as v:
        assert cases.count_cases(v) == 4


def test_import_with_invalid_rows_lists_them_and_imports_nothing(vault: Path, cli) -> None:
    before = vault.read_bytes()
    result = cli("import", str(SAMPLES / "signalen_met_fouten.csv"))
    assert result.code == 1
    for where in (
        "regel 3, kolom A (datum)",
        "regel 3, kolom B (gemeente)",
        "regel 4, kolom C (vorm)",
        "regel 5, kolom E (omschrijving)",
        "regel 7, kolom H (code)",
    ):
        assert where in result.stdout
    assert "4 van de 5 rijen zijn ongeldig" in result.stderr
    assert "--skip-invalid" in result.stderr
    assert vault.read_bytes() == before


def test_import_refusal_as_a_script_sees_it(vault: Path) -> None:
    result = run_cli("import", str(SAMPLES / "signalen_met_fouten.csv"))
    assert_clean_refusal(result, 1)
    missing = run_cli("import", str(SAMPLES / "zonder_melder.csv"), env={"DRIELUIK_LANG": "en"})
    assert_clean_refusal(missing, 1)
    assert "lacks the required column melder" in missing.stderr


def test_skip_invalid_imports_the_good_rows(vault: Path, cli) -> None:
    result = cli("import", str(SAMPLES / "signalen_met_fouten.csv"), "--skip-invalid")
    assert result.code == 0, result.stderr
    assert "1 geïmporteerd, 1 waarschuwing(en), 4 overgeslagen" in result.stdout
    with opened(vault) as v:
        assert [c.summary for c in cases.list_cases(v)] == ["Goede rij."]


@pytest.mark.parametrize("sample", ["signalen_met_fouten.csv", "signalen_komma_met_codes.csv"])
def test_dry_run_leaves_the_vault_byte_identical(vault: Path, cli, sample: str) -> None:
    before = vault.read_bytes()
    result = cli("import", str(SAMPLES / sample), "--dry-run")
    assert "Proefrun" in result.stdout
    assert result.code == (1 if "fouten" in sample else 0)
    assert vault.read_bytes() == before
    assert not list(vault.parent.glob(".*.tmp"))


def test_dry_run_without_a_vault_checks_the_file_alone(vault_path: Path, cli) -> None:
    result = cli("import", str(SAMPLES / "signalen_cp1252_puntkomma.csv"), "--dry-run")
    assert result.code == 0, result.stderr
    assert "Windows-1252" in result.stdout and "3 rij(en) goed" in result.stdout
    assert not vault_path.exists()


def test_a_file_with_no_valid_row_imports_nothing_even_when_skipping(
    vault: Path, cli, tmp_path: Path
) -> None:
    bad = tmp_path / "fout.csv"
    bad.write_text("datum;gemeente;vorm;melder;omschrijving\nx;Assen;arbeid;KMar;t\n")
    result = cli("import", str(bad), "--skip-invalid")
    assert result.code == 1
    assert "Geen van de 1 rijen" in result.stderr


@pytest.mark.parametrize(
    ("name", "expected"),
    [("map", "is een map"), ("weg.csv", "bestaat niet"), ("signalen.ods", ".ods-bestand")],
)
def test_a_bad_file_argument_is_named_before_any_passphrase(
    vault_path: Path, tmp_path: Path, name: str, expected: str
) -> None:
    """A folder, a missing file or an unsupported kind is said at once: no passphrase is
    asked for or read (a missing passphrase file would otherwise be the message)."""
    Vault.create(vault_path, PASSPHRASE).close()
    (tmp_path / "map").mkdir()
    (tmp_path / "signalen.ods").write_bytes(b"PK")
    target = str(tmp_path / name)
    asked = run_cli("import", target)  # no passphrase at all: would say how to give one
    assert_clean_refusal(asked, 1)
    assert expected in asked.stderr and "wachtwoord" not in asked.stderr.lower()
    gone = run_cli("import", target, "--passphrase-file", str(tmp_path / "geen-bestand"))
    assert_clean_refusal(gone, 1)
    assert expected in gone.stderr


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_named_before_any_passphrase(
    vault_path: Path, tmp_path: Path
) -> None:
    Vault.create(vault_path, PASSPHRASE).close()
    locked = tmp_path / "signalen.csv"
    locked.write_text("datum\n", encoding="utf-8")
    locked.chmod(0)
    try:
        result = run_cli("import", str(locked))
    finally:
        locked.chmod(0o600)
    assert_clean_refusal(result, 1)
    assert "Kan" in result.stderr and "niet lezen" in result.stderr


@pytest.mark.parametrize("sample", ["leeg.csv", "alleen_kopregel.csv"])
def test_empty_files_get_a_clear_message(vault: Path, cli, sample: str) -> None:
    result = cli("import", str(SAMPLES / sample))
    assert result.code == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "leeg" in result.stderr or "alleen een kopregel" in result.stderr


def test_no_progress_bar_when_stderr_is_not_a_terminal(vault: Path, cli, tmp_path: Path) -> None:
    path = tmp_path / "veel.csv"
    rows = [f"2023-01-{1 + i % 28:02d};Assen;arbeid;KMar;Signaal {i}." for i in range(1500)]
    path.write_text("datum;gemeente;vorm;melder;omschrijving\n" + "\n".join(rows) + "\n")
    result = cli("import", str(path))
    assert result.code == 0
    assert result.stderr == ""
    assert "1500 geïmporteerd" in result.stdout


# --- cases and case show ------------------------------------------------------------------


@pytest.fixture
def filled(vault: Path) -> Path:
    with opened(vault) as v:
        add_cases(v, "2023-05-01", gemeente="Emmen", vorm="seksueel")
        add_cases(v, "2024-02-01", gemeente="midden drenthe", vorm="arbeid")
        add_cases(
            v,
            "2024-03-01",
            gemeente="Assen",
            vorm="crimineel",
            melder="Een heel lange naam van een organisatie die niet in de lijst staat",
            omschrijving="[bold red]geen opmaak[/] \x1b[31m",
        )
    return vault


def test_cases_table_fits_80_columns_and_shows_text_literally(filled: Path, cli) -> None:
    result = cli("cases")
    assert result.code == 0, result.stderr
    assert widest_line(result.stdout) <= 80
    lines = result.stdout.splitlines()
    assert lines[2].startswith("DL-2024-002") and "Een heel lange" in lines[2]
    assert "…" in lines[2]
    assert "Midden-Drenthe" in result.stdout
    assert "3 casus(sen)." in result.stdout


def test_cases_json_is_the_documented_shape(filled: Path, cli) -> None:
    data = json.loads(cli("cases", "--json").stdout)
    assert [c["code"] for c in data] == ["DL-2024-002", "DL-2024-001", "DL-2023-001"]
    assert {"code", "datum", "gemeente", "vorm", "melder", "status"} <= set(data[0])
    assert data[1]["datum"] == "2024-02-01" and data[1]["gemeente"] == "Midden-Drenthe"
    assert data[0]["omschrijving"] == "[bold red]geen opmaak[/] \x1b[31m"


def test_cases_json_streams_exactly_what_the_listing_holds(filled: Path, cli) -> None:
    """Streamed row by row (issue 13), byte for byte the JSON of the whole listing."""
    with opened(filled) as vault:
        whole = [c.as_json() for c in cases.list_cases(vault)]
        assert list(cases.iter_cases(vault)) == cases.list_cases(vault)
        assert list(cases.iter_cases(vault, limit=2)) == cases.list_cases(vault, limit=2)
    assert cli("cases", "--json").stdout == json_text(whole)
    assert cli("cases", "--json", "--status", "monitoring").stdout == "[]\n"


@pytest.mark.parametrize("ascii_only", [False, True], ids=["utf-8", "legacy code page"])
def test_a_streamed_json_list_is_the_json_of_the_list(
    ascii_only: bool, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(common, "is_utf8", lambda stream: not ascii_only)
    samples = [
        [],
        [{}],
        [{"a": [], "b": ["x", "y"], "c": {"d": None}}, 1, "Timișoara \u009b\u202e", []],
    ]
    for items in samples:
        common.print_json_list(iter(items))
        assert capsys.readouterr().out == json_text(items, ascii_only=ascii_only)


def test_cases_filters_and_limit(filled: Path, cli) -> None:
    def codes(*args: str) -> list[str]:
        result = cli("cases", "--json", *args)
        assert result.code == 0, result.stderr
        return [c["code"] for c in json.loads(result.stdout)]

    assert codes("--year", "2023") == ["DL-2023-001"]
    assert codes("--form", "Arbeidsuitbuiting") == ["DL-2024-001"]
    assert codes("--municipality", "MIDDEN-drenthe") == ["DL-2024-001"]
    assert codes("--gemeente", "MIDDEN-drenthe") == ["DL-2024-001"]  # the old name still works
    assert codes("--status", "nieuw", "--limit", "2") == ["DL-2024-002", "DL-2024-001"]
    assert codes("--status", "monitoring") == []
    table = cli("cases", "--limit", "1")
    assert "1 van 3 casussen getoond" in table.stdout
    wrong = cli("cases", "--municipality", "Zwolle")
    assert wrong.code == 1 and "--municipality" in wrong.stderr and "Zwolle" in wrong.stderr


def test_case_show_fields_and_history(filled: Path, cli) -> None:
    with opened(filled) as v:
        meeting = meetings.create_meeting(v, date(2024, 3, 7))
        item = next(i for i in meeting.items if i.case.code == "DL-2024-002")
        meetings.add_decision(
            v, item.id, DecisionKind.MONITORING, "Volgen.", review_date=date(2024, 6, 1)
        )
    result = cli("case", "show", "dl-2024-002")
    assert result.code == 0, result.stderr
    assert "[bold red]geen opmaak[/]" in result.stdout
    assert "monitoring (herbeoordeling 01-06-2024)" in result.stdout
    assert "01-06-2024" in result.stdout and "2024-06-01" not in result.stdout  # one style
    for kind in ("signaal ontvangen", "geagendeerd", "besluit", "status gewijzigd"):
        assert kind in result.stdout
    data = json.loads(cli("case", "show", "DL-2024-002", "--json").stdout)
    assert data["code"] == "DL-2024-002" and data["status"] == "monitoring"
    assert data["herbeoordeling"] == "2024-06-01"
    assert data["history"][0]["kind"] == "signaal ontvangen"
    assert {"at", "kind", "detail", "params", "meeting_date"} == set(data["history"][-1])
    assert data["history"][0]["params"] == {"reporter": data["melder"]}
    assert data["history"][-1]["meeting_date"] == "2024-03-07"
    missing = cli("case", "show", "DL-2099-001")
    assert missing.code == 1 and "DL-2099-001" in missing.stderr


# --- case add --------------------------------------------------------------------------------


def test_case_add_with_every_field_as_an_option(vault: Path, cli) -> None:
    result = cli(
        "case",
        "add",
        "--datum",
        "14-3-2024",
        "--gemeente",
        "midden drenthe",
        "--vorm",
        "Seksuele uitbuiting",
        "--melder",
        "Wijkteam Zuid",
        "--omschrijving",
        "Jonge vrouw is nooit alleen te spreken.",
        "--kwetsbaar",
        "LVB,minderjarig",
        "--ondermijning",
        "ja",
        "--json",
    )
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["code"] == "DL-2024-001"
    assert data["kwetsbaar"] == ["LVB", "minderjarig"] and data["ondermijning"] is True
    assert "Wijkteam Zuid" in result.stderr  # unknown reporter: a warning


def test_case_add_without_a_terminal_lists_what_is_missing(vault: Path, cli) -> None:
    before = vault.read_bytes()
    result = cli("case", "add", "--datum", "2024-01-01", "--vorm", "vlees")
    assert result.code == 1
    for name in ("gemeente", "melder", "omschrijving", "vorm"):
        assert name in result.stderr
    assert vault.read_bytes() == before


def test_case_add_asks_on_a_terminal_until_the_answers_are_valid() -> None:
    answers = {
        "gemeente": ["Zwolle", "Coevorden"],
        "vorm": ["arbeid"],
        "melder": ["KMar"],
        "omschrijving": ["Werknemers leveren hun paspoort in."],
        "kwetsbaar": ["arbeidsmigrant"],
        "ondermijning": ["nee"],
    }
    asked: list[str] = []

    def ask(field: str, prompt: str, default: str | None) -> str:
        asked.append(field)
        return answers[field].pop(0)

    data, warnings = collect_case_input({"datum": "2024-01-01"}, today=date(2024, 6, 1), ask=ask)
    assert asked == [
        "gemeente",
        "vorm",
        "melder",
        "omschrijving",
        "kwetsbaar",
        "ondermijning",
        "gemeente",  # asked again: Zwolle is not a Drenthe municipality
    ]
    assert data.municipality == "Coevorden" and warnings == []
    with pytest.raises(InvalidInput):
        collect_case_input({"datum": "2024-01-01"}, today=date(2024, 6, 1))


# --- meetings and the agenda ------------------------------------------------------------------


def test_meeting_new_prints_the_created_agenda(filled: Path, cli) -> None:
    result = cli("meeting", "new", "--date", "2024-03-07", "--org", "GGD Drenthe", "--org", "KMar")
    assert result.code == 0, result.stderr
    assert "2024-03-07" in result.stdout and "3 agendapunt(en)" in result.stdout
    assert "Aanwezig: GGD Drenthe, KMar" in result.stdout
    assert result.stdout.index("DL-2023-001") < result.stdout.index("DL-2024-001")
    assert widest_line(result.stdout) <= 80
    again = cli("meeting", "new", "--date", "7-3-2024")
    assert again.code == 1 and "2024-03-07" in again.stderr
    wrong = cli("meeting", "new", "--date", "morgen")
    assert wrong.code == 1 and "morgen" in wrong.stderr


def test_agenda_for_a_date_without_meeting_is_a_proposal_and_creates_nothing(
    filled: Path, cli
) -> None:
    before = peek(filled).generation
    result = cli("agenda", "2024-03-07", "--json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["date"] == "2024-03-07" and data["proposed"] is True
    assert data["meeting_id"] is None
    assert [(i["code"], i["reason"]) for i in data["items"]] == [
        ("DL-2023-001", "nieuw signaal"),
        ("DL-2024-001", "nieuw signaal"),
        ("DL-2024-002", "nieuw signaal"),
    ]
    human = cli("agenda", "2024-03-07")
    assert "Voorgestelde agenda voor 2024-03-07" in human.stdout
    assert "meeting new --date 2024-03-07" in human.stdout
    assert peek(filled).generation == before
    with opened(filled) as v:
        assert meetings.list_meetings(v) == []
        assert cases.get_case(v, "DL-2023-001").status is CaseStatus.NIEUW


def test_agenda_of_an_existing_meeting_shows_its_items(filled: Path, cli) -> None:
    with opened(filled) as v:
        meeting = meetings.create_meeting(v, date(2024, 3, 7))
        meetings.mark_discussed(v, meeting.items[0].id)
        meetings.finish_meeting(v, meeting.id)
    data = json.loads(cli("agenda", "7-3-2024", "--json").stdout)
    assert data["proposed"] is False and data["meeting_id"] == meeting.id
    assert data["finished"] is True
    assert [(i["discussed"], i["carried_over"]) for i in data["items"]] == [
        (True, False),
        (False, True),
        (False, True),
    ]
    human = cli("agenda", "2024-03-07")
    assert "Agenda overleg 2024-03-07 (3 punten) — afgerond" in human.stdout
    assert data["state"] == "afgerond"
    assert "✓" in human.stdout and "→" in human.stdout


def test_agenda_without_date_shows_the_next_meeting_else_next_weeks_proposal(
    filled: Path, cli
) -> None:
    next_week = date.today() + timedelta(days=7)
    data = json.loads(cli("agenda", "--json").stdout)
    assert data["date"] == next_week.isoformat() and data["proposed"] is True
    with opened(filled) as v:
        actions.add_action(v, "DL-2023-001", "Nabellen", "GGD Drenthe", date.today())
        meetings.create_meeting(v, date.today() + timedelta(days=3))
    data = json.loads(cli("agenda", "--json").stdout)
    assert data["proposed"] is False
    assert data["date"] == (date.today() + timedelta(days=3)).isoformat()
    assert len(data["items"]) == 3


def test_meetings_list(filled: Path, cli) -> None:
    assert "Nog geen overleggen" in cli("meetings").stdout
    assert json.loads(cli("meetings", "--json").stdout) == []
    with opened(filled) as v:
        first = meetings.create_meeting(v, date(2024, 3, 7))
        meetings.finish_meeting(v, first.id)
        second = meetings.create_meeting(v, date(2024, 4, 4), propose=False)
    data = json.loads(cli("meetings", "--json").stdout)
    assert data == [
        {"id": second.id, "date": "2024-04-04", "items": 0, "state": "gepland", "finished": False},
        {"id": first.id, "date": "2024-03-07", "items": 3, "state": "afgerond", "finished": True},
    ]
    human = cli("meetings").stdout
    assert "afgerond" in human and "gepland" in human


def test_reading_commands_never_change_the_vault(filled: Path, cli) -> None:
    with opened(filled) as v:
        counts = table_counts(v)
    before = filled.read_bytes()
    for args in (
        ("cases",),
        ("cases", "--json"),
        ("case", "show", "DL-2024-001"),
        ("agenda",),
        ("agenda", "2030-01-01", "--json"),
        ("meetings",),
    ):
        assert cli(*args).code == 0, args
    assert filled.read_bytes() == before
    with opened(filled) as v:
        assert table_counts(v) == counts


def test_english_output(filled: Path, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRIELUIK_LANG", "en")
    assert "Municipality" in cli("cases").stdout
    assert "Proposed agenda for 2024-03-07" in cli("agenda", "2024-03-07").stdout


def test_case_show_history_in_english_with_dutch_dates(
    filled: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    with opened(filled) as v, clock_at(datetime(2024, 3, 7, 10, 20).astimezone()):
        meeting = meetings.create_meeting(v, date(2024, 3, 7))
        item = next(i for i in meeting.items if i.case.code == "DL-2024-002")
        actions.add_action(
            v,
            "DL-2024-002",
            "Melder bellen",
            "GGD Drenthe",
            date(2024, 3, 21),
            agenda_item_id=item.id,
        )
        action = actions.list_actions(v, case_ref="DL-2024-002")[0]
        actions.postpone_action(v, action.id, date(2024, 4, 4), reason="holiday")
    monkeypatch.setenv("DRIELUIK_LANG", "en")
    shown = " ".join(cli("case", "show", "DL-2024-002").stdout.split())  # unfold the table
    assert "signal received" in shown and "put on the agenda" in shown
    assert "07-03-2024 10:20" in shown  # when, in the one date style
    assert "Melder bellen (GGD Drenthe, due 21-03-2024)" in shown
    assert "21-03-2024 → 04-04-2024 — reason: holiday" in shown
    data = json.loads(cli("case", "show", "DL-2024-002", "--json").stdout)
    moved = next(e for e in data["history"] if e["kind"] == "actie uitgesteld")  # stable code
    assert moved["params"]["from"] == "2024-03-21" and moved["params"]["to"] == "2024-04-04"
