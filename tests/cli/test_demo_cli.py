"""`drieluik demo`: where it lives, what it says, when it is (re)made and opened."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drieluik.cli import run
from drieluik.services import cases
from drieluik.settings import demo_vault_path
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.vault_testing import CliResult, child_env, needs_linux


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    def call(*args: str) -> CliResult:
        code = run(list(args))
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return call


@pytest.fixture
def opened_tui(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path | None, Path | None]]:
    """Record what `drieluik demo` would open instead of starting the terminal app."""
    calls: list[tuple[Path | None, Path | None]] = []
    monkeypatch.setattr(
        "drieluik.cli.tui.run_tui",
        lambda vault, passphrase_file, passphrase=None: calls.append((vault, passphrase_file)),
    )
    return calls


def count(path: Path, passphrase: str = "demo") -> int:
    with Vault.open(path, passphrase) as vault:
        return cases.count_cases(vault)


def test_demo_lives_next_to_the_users_vault_and_says_its_passphrase(cli, vault_path: Path) -> None:
    result = cli("demo", "--no-open", "--cases", "30")
    assert result.code == 0, result.stderr
    path = demo_vault_path()
    assert path.is_file() and path != vault_path and not vault_path.exists()
    assert "Wachtwoord van de demo: demo" in result.stdout
    assert "30 casussen" in result.stdout and "Volgend overleg" in result.stdout
    assert count(path) == 30


def test_an_existing_demo_is_opened_as_it_is_and_reset_makes_it_anew(cli, opened_tui) -> None:
    assert cli("demo", "--cases", "20").code == 0
    path = demo_vault_path()
    assert opened_tui == [(path, None)]
    before = path.read_bytes()
    again = cli("demo", "--cases", "50")
    assert again.code == 0
    assert "--reset" in again.stderr  # --cases ignored for an existing demo
    assert path.read_bytes() == before
    assert len(opened_tui) == 2
    reset = cli("demo", "--reset", "--no-open", "--cases", "40")
    assert reset.code == 0, reset.stderr
    assert count(path) == 40


def test_a_given_passphrase_is_used_and_not_shown(
    cli, tmp_path: Path, opened_tui, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "pw.txt"
    secret.write_text("mijn eigen demo-wachtwoord\n", encoding="utf-8")
    target = tmp_path / "elders" / "demo.vault"
    result = cli("demo", "--vault", str(target), "--passphrase-file", str(secret), "--cases", "10")
    assert result.code == 0, result.stderr
    assert "mijn eigen" not in result.stdout + result.stderr
    assert "het wachtwoord dat u opgaf" in result.stdout
    assert opened_tui == [(target, secret)]
    assert count(target, "mijn eigen demo-wachtwoord") == 10
    monkeypatch.setenv("DRIELUIK_PASSPHRASE", "uit de omgeving")
    other = tmp_path / "omgeving.vault"
    assert cli("demo", "--vault", str(other), "--no-open", "--cases", "5").code == 0
    assert count(other, "uit de omgeving") == 5


def test_the_demo_never_takes_the_place_of_the_users_vault(cli, vault_path: Path) -> None:
    result = cli("demo", "--vault", str(vault_path), "--no-open")
    assert result.code == 1
    assert "eigen kluis" in result.stderr
    assert not vault_path.exists()


def test_reset_deletes_only_a_demo_vault(cli, tmp_path: Path) -> None:
    real = tmp_path / "echt.vault"
    Vault.create(real, "demo").close()  # same passphrase, but not a demo
    before = real.read_bytes()
    result = cli("demo", "--vault", str(real), "--reset", "--no-open")
    assert result.code == 1 and "geen demo-kluis" in result.stderr
    assert real.read_bytes() == before
    other = tmp_path / "ander.vault"
    Vault.create(other, PASSPHRASE).close()  # another passphrase: cannot tell, keep it
    assert cli("demo", "--vault", str(other), "--reset", "--no-open").code == 1
    assert other.exists()


def test_bad_case_counts_are_usage_errors(cli) -> None:
    assert cli("demo", "--cases", "0", "--no-open").code == 2
    assert not demo_vault_path().exists()


def test_vault_that_is_not_a_demo_is_never_opened(cli, tmp_path: Path, opened_tui) -> None:
    """`demo --vault` pointed at real data by mistake refuses instead of opening it."""
    real = tmp_path / "echt.vault"
    Vault.create(real, "demo").close()  # even with the demo's passphrase
    before = real.read_bytes()
    for extra in ([], ["--no-open"], ["--cases", "5"]):
        result = cli("demo", "--vault", str(real), *extra)
        assert result.code == 1, result.stderr
        assert "geen demo-kluis" in result.stderr and "--vault" in result.stderr
        assert "casussen" not in result.stdout  # no summary of someone's register
    assert opened_tui == []
    assert real.read_bytes() == before
    other = tmp_path / "ander.vault"
    Vault.create(other, PASSPHRASE).close()  # another passphrase: cannot tell, keep out
    assert cli("demo", "--vault", str(other)).code == 1
    assert opened_tui == []


def test_hints_for_a_demo_elsewhere_name_its_vault(cli, tmp_path: Path, opened_tui) -> None:
    target = tmp_path / "elders.vault"
    made = cli("demo", "--vault", str(target), "--no-open", "--cases", "5")
    assert made.code == 0, made.stderr
    assert f"drieluik demo --vault {target}" in made.stdout
    again = cli("demo", "--vault", str(target))
    assert again.code == 0, again.stderr
    assert f"drieluik demo --vault {target} --reset" in again.stderr
    assert opened_tui == [(target, None)]
    help_text = cli("demo", "--help").stdout
    assert "--vault" in help_text and "demo-kluis" in help_text


@needs_linux
def test_a_demo_build_stopped_half_way_leaves_nothing_in_the_way(cli, tmp_path: Path) -> None:
    # SIGTERM (a closed terminal, a shutdown) ends the process without Python's
    # cleanup: the half-built demo must not sit where the next demo looks.
    target = tmp_path / "demo.vault"
    building = tmp_path / ".demo.vault.building"
    child = subprocess.Popen(
        [sys.executable, "-m", "drieluik", "demo", "--vault", str(target), "--cases", "50000"],
        env=child_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not building.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert building.exists()
        time.sleep(0.5)  # well into filling it
    finally:
        child.send_signal(signal.SIGTERM)
        child.wait(timeout=30)
    assert not target.exists()
    made = cli("demo", "--vault", str(target), "--cases", "30", "--no-open")
    assert made.code == 0, made.stderr
    assert count(target) == 30
    assert not building.exists()
