"""`drieluik import` with the chair's own sheet: recognised headers, --map, --value,
--profile (saved in the vault after an import, reused for the next file), and a
--dry-run that shows how the columns and the first rows are read."""

from __future__ import annotations

from pathlib import Path

import pytest

from drieluik.cli import run
from drieluik.services import cases, importer
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.vault_testing import CliResult

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "import"


@pytest.fixture
def vault(vault_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
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


def test_a_dry_run_shows_the_columns_and_the_first_rows_as_read(vault: Path, cli) -> None:
    before = vault.read_bytes()
    result = cli("import", "--dry-run", str(SAMPLES / "signalen_eigen_kopregels.csv"))
    assert result.code == 0, result.stderr
    assert "A Datum melding → datum" in result.stdout
    assert "B Woonplaats/Gemeente → gemeente" in result.stdout
    assert "Zo worden de eerste rijen gelezen" in result.stdout
    assert "Midden-Drenthe" in result.stdout and "onbekend" in result.stdout
    assert "woonplaats Beilen gelezen als gemeente Midden-Drenthe" in result.stdout
    assert "5 rij(en) goed" in result.stdout
    assert vault.read_bytes() == before


def test_map_and_profile_then_the_next_file_needs_only_the_profile(vault: Path, cli) -> None:
    sheet = str(SAMPLES / "signalen_onbekende_kolommen.csv")
    refused = cli("import", sheet)
    assert refused.code == 1
    assert '--map "Binnengekomen=datum"' in refused.stderr
    maps = ("--map", "Binnengekomen=datum", "--map", "Partnerorganisatie=melder")
    maps += ("--map", "Casus=omschrijving", "--value", "vorm:loverboy=seksueel")

    before = vault.read_bytes()
    dry = cli("import", "--dry-run", "--profile", "GGD", *maps, sheet)
    assert dry.code == 0, dry.stderr
    assert "bestaat nog niet" in dry.stderr
    assert vault.read_bytes() == before  # a dry run saves no profile either

    done = cli("import", "--profile", "GGD", *maps, sheet)
    assert done.code == 0, done.stderr
    assert "Importprofiel 'GGD' is in de kluis bewaard" in done.stderr

    # The next month's file: same columns, another value, only the profile.
    nxt = Path(vault.parent / "mei.csv")
    nxt.write_text(
        "Binnengekomen;Gemeente;Vorm;Partnerorganisatie;Casus\n"
        "04-05-2024;Assen;Loverboy;Veilig Thuis Drenthe;Meisje met een oudere vriend.\n",
        encoding="utf-8",
    )
    again = cli("import", "--profile", "ggd", str(nxt))
    assert again.code == 1  # profile names are exact: "ggd" is another one
    again = cli("import", "--profile", "GGD", str(nxt))
    assert again.code == 0, again.stderr
    assert "Importprofiel 'GGD' gebruikt" in again.stderr
    with Vault.open(vault, PASSPHRASE) as v:
        assert cases.count_cases(v) == 2
        assert importer.profile_names(v) == ["GGD"]
        kinds = sorted(c.form.value for c in cases.list_cases(v))
    assert kinds == ["arbeid", "seksueel"]


def test_a_bad_map_is_refused_before_the_vault_is_opened(vault: Path, cli) -> None:
    result = cli("import", "--map", "Datum melding", str(SAMPLES / "signalen_eigen_kopregels.csv"))
    assert result.code == 1
    assert "--map 'Datum melding' is niet te lezen" in result.stderr
