"""`init --region`, `drieluik region` and `demo --region` through the real CLI
(issue 17, part 2): a Groningen vault whose case add, import, agenda and report
use Groningen's municipalities; a merger that keeps earlier years apart."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from drieluik.cli import run
from drieluik.services import region
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.vault_testing import CliResult

GRONINGEN = [
    "Eemsdelta",
    "Groningen",
    "Het Hogeland",
    "Midden-Groningen",
    "Oldambt",
    "Pekela",
    "Stadskanaal",
    "Veendam",
    "Westerkwartier",
    "Westerwolde",
]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("DRIELUIK_PASSPHRASE", PASSPHRASE)

    def call(*args: str) -> CliResult:
        code = run(list(args))
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return call


def _add(cli, day: str, place: str) -> CliResult:
    return cli(
        *("case", "add", "--date", day, "--municipality", place, "--form", "arbeid"),
        *("--reporter", "KMar", "--summary", "Signaal over een uitzendbureau.", "--json"),
    )


def test_init_region_groningen_makes_a_groningen_vault(
    cli, vault_path: Path, tmp_path: Path
) -> None:
    made = cli("init", "--region", "groningen", "--allow-weak")
    assert made.code == 0, made.stderr
    assert "Groningen" in made.stderr
    shown = json.loads(cli("region", "show", "--json").stdout)
    assert shown["name"] == "Groningen" and shown["in_force"] == GRONINGEN
    assert shown["code_prefix"] == "GR"

    # case add: Groningen's municipalities, not Drenthe's
    added = _add(cli, "2025-03-01", "het hogeland")
    assert added.code == 0, added.stderr
    case = json.loads(added.stdout)
    assert case["gemeente"] == "Het Hogeland" and case["code"] == "GR-2025-001"
    refused = _add(cli, "2025-03-01", "Assen")
    assert refused.code == 1 and "Assen" in refused.stderr and "Groningen" in refused.stderr
    assert "Traceback" not in refused.stderr

    # import
    sheet = tmp_path / "signalen.csv"
    sheet.write_text(
        "Datum;Gemeente;Vorm;Melder;Omschrijving\n"
        "02-01-2025;Gemeente Westerwolde;arbeid;KMar;Signaal.\n"
        "03-01-2025;Groningen;seksueel;Veilig Thuis Groningen;Signaal.\n",
        encoding="utf-8",
    )
    imported = cli("import", str(sheet))
    assert imported.code == 0, imported.stderr

    # the filter reads Groningen's names
    listed = json.loads(cli("cases", "--municipality", "westerwolde", "--json").stdout)
    assert [c["gemeente"] for c in listed] == ["Westerwolde"]
    assert cli("cases", "--municipality", "Emmen").code == 1

    # agenda: the proposed agenda shows the Groningen cases with their municipality
    meeting = (date.today() + timedelta(days=7)).isoformat()
    agenda = json.loads(cli("agenda", meeting, "--json").stdout)
    assert {item["gemeente"] for item in agenda["items"]} == {
        "Het Hogeland",
        "Westerwolde",
        "Groningen",
    }

    # report: every Groningen municipality with its zero, then outside and unknown
    figures = json.loads(cli("report", "--year", "2025", "--format", "json").stdout)
    assert list(figures["by_municipality"]) == [*GRONINGEN, "buiten Groningen", "onbekend"]
    assert figures["by_municipality"]["Groningen"] == 1
    assert figures["by_municipality"]["Pekela"] == 0
    page = cli("report", "--year", "2025", "--format", "md")
    assert "| Eemsdelta | 0 |" in page.stdout and "Drenthe" not in page.stdout


def test_a_wrong_region_is_refused_before_the_passphrase(cli, vault_path: Path) -> None:
    refused = cli("init", "--region", "utrecht", "--allow-weak")
    assert refused.code == 1
    assert "utrecht" in refused.stderr and "groningen" in refused.stderr
    assert not vault_path.exists()


def test_init_without_region_is_drenthe(cli, vault_path: Path) -> None:
    assert cli("init", "--allow-weak").code == 0
    with Vault.open(vault_path, PASSPHRASE) as opened:
        assert region.get(opened).name == "Drenthe"
        assert region.get(opened).meeting_name == "het Drieluik"


def test_rename_municipality_keeps_earlier_years_under_the_old_names(cli, vault_path: Path) -> None:
    assert cli("init", "--region", "groningen", "--allow-weak").code == 0
    for day in ("2025-05-01", "2026-02-01"):
        for place in ("Pekela", "Veendam"):
            assert _add(cli, day, place).code == 0
    merged = cli(
        "region", "rename-municipality", "Pekela", "Veendam", "Veendam-Pekela", "--from",
        "2026-01-01",
    )  # fmt: skip
    assert merged.code == 0, merged.stderr
    assert "Veendam-Pekela" in merged.stdout and "2026" in merged.stdout
    earlier = json.loads(cli("report", "--year", "2025", "--format", "json").stdout)
    assert earlier["by_municipality"]["Pekela"] == 1 and earlier["by_municipality"]["Veendam"] == 1
    assert "Veendam-Pekela" not in earlier["by_municipality"]
    later = json.loads(cli("report", "--year", "2026", "--format", "json").stdout)
    assert later["by_municipality"]["Veendam-Pekela"] == 2
    assert "Pekela" not in later["by_municipality"]
    shown = cli("region", "show")
    assert "Pekela (tot 01-01-2026; daarna Veendam-Pekela)" in shown.stdout
    audit = cli("audit", "--json")
    assert "settings.region_profile" in audit.stdout

    # a bad rename: one clear line, exit 1, nothing changed
    before = json.loads(cli("region", "show", "--json").stdout)
    bad = cli("region", "rename-municipality", "Atlantis", "Nieuw")
    assert bad.code == 1 and "Atlantis" in bad.stderr and "Traceback" not in bad.stderr
    assert cli("region", "rename-municipality", "Oldambt").code == 1
    assert json.loads(cli("region", "show", "--json").stdout) == before


def test_the_meeting_can_be_named(cli, vault_path: Path) -> None:
    assert cli("init", "--region", "ijsselland", "--allow-weak").code == 0
    named = cli("region", "meeting-name", "het Casusoverleg Mensenhandel IJsselland")
    assert named.code == 0 and "Casusoverleg Mensenhandel IJsselland" in named.stdout
    assert json.loads(cli("region", "show", "--json").stdout)["meeting_name"] == (
        "het Casusoverleg Mensenhandel IJsselland"
    )
    empty = cli("region", "meeting-name", "  ")
    assert empty.code == 1 and "Traceback" not in empty.stderr
    assert "settings.region_profile" in cli("audit", "--json").stdout


def test_add_municipality(cli, vault_path: Path) -> None:
    assert cli("init", "--allow-weak").code == 0
    added = cli("region", "add-municipality", "Nieuwland", "--from", "2027-01-01")
    assert added.code == 0, added.stderr
    shown = json.loads(cli("region", "show", "--json").stdout)
    assert shown["municipalities"][-1] == {
        "name": "Nieuwland",
        "since": "2027-01-01",
        "until": None,
        "successor": None,
    }
    again = cli("region", "add-municipality", "nieuwland")
    assert again.code == 1 and "Nieuwland" not in json.dumps(shown["in_force"])


def test_demo_for_another_region(cli, tmp_path: Path) -> None:
    target = tmp_path / "demo-ijsselland.vault"
    made = cli("demo", "--vault", str(target), "--region", "ijsselland", "--no-open")
    assert made.code == 0, made.stderr
    with Vault.open(target, PASSPHRASE) as opened:  # DRIELUIK_PASSPHRASE is the demo's
        from drieluik.services import cases

        assert region.get(opened).name == "IJsselland"
        found = {c.municipality for c in cases.list_cases(opened)}
        assert found <= {*region.get(opened).all_names(), "buiten IJsselland", "onbekend"}
        assert "Zwolle" in found
    assert cli("demo", "--region", "utrecht", "--no-open").code == 1


@pytest.mark.parametrize(
    ("lang", "words"),
    [("nl", "Regioprofiel: drenthe (standaard)"), ("en", "Region profile: drenthe (default)")],
)
def test_region_is_in_the_help_of_init_and_demo(
    cli, monkeypatch: pytest.MonkeyPatch, lang: str, words: str
) -> None:
    monkeypatch.setenv("DRIELUIK_LANG", lang)
    for command in ("init", "demo"):
        shown = cli(command, "--help")
        assert shown.code == 0 and "--region" in shown.stdout
        assert words in " ".join(shown.stdout.split()), shown.stdout
    assert "rename-municipality" in cli("region", "--help").stdout
