"""A vault on read-only media (a write-protected USB stick, a folder without write
permission) opens read-only, as KeePassXC does: check, cases, search, report,
export and backup work without a lock file; every change is refused clearly and
the file stays byte-identical."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

from drieluik.errors import VaultReadOnly
from drieluik.services import cases, meetings, vault_settings
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.services.register_helpers import add_cases
from tests.vault_testing import mounted_tmpfs, run_cli


@pytest.fixture
def stick(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A vault with a case and a held meeting on a tmpfs that is then made read-only."""
    with mounted_tmpfs(tmp_path / "stick", "8m") as folder:
        path = folder / "drieluik.vault"
        vault = Vault.create(path, PASSPHRASE)
        (code,) = add_cases(vault, "2024-02-14")
        meeting = meetings.create_meeting(vault, date(2024, 3, 4), ["GGD Drenthe"])
        assert meeting.items and meeting.items[0].case.code == code
        vault.close()
        (folder / "drieluik.vault.lock").unlink()
        done = subprocess.run(
            ["mount", "-o", "remount,ro", str(folder)], capture_output=True, text=True
        )
        if done.returncode != 0:
            pytest.skip(f"cannot remount read-only: {done.stderr.strip()}")
        monkeypatch.setenv("DRIELUIK_VAULT", str(path))
        monkeypatch.setenv("DRIELUIK_PASSPHRASE", PASSPHRASE)
        yield path


def test_reading_commands_work_on_read_only_media(stick: Path, tmp_path: Path) -> None:
    before = stick.read_bytes()
    out = tmp_path / "verslag.md"
    for args in (
        ["check"],
        ["cases"],
        ["search", "signaal"],
        ["report", "--year", "2024"],
        ["export", "minutes", "2024-03-04", "--out", str(out), "--redact"],
        ["backup", str(tmp_path / "kopie.vault")],
    ):
        result = run_cli(*args)
        assert result.code == 0, (args, result.stderr)
        assert "Alleen lezen" in result.stderr, args
    assert out.read_text(encoding="utf-8").startswith("#")
    assert Vault.open(tmp_path / "kopie.vault", PASSPHRASE, read_only=True).read_only
    assert sorted(p.name for p in stick.parent.iterdir()) == ["drieluik.vault"]  # no lock file
    assert stick.read_bytes() == before


def test_changes_on_read_only_media_are_refused_clearly(stick: Path) -> None:
    before = stick.read_bytes()
    case = ["case", "add", "--datum", "2024-03-01", "--gemeente", "Assen", "--vorm", "arbeid"]
    case += ["--melder", "KMar", "--omschrijving", "Signaal."]
    for args in (case, ["meeting", "new", "--date", "2024-04-01"], ["passwd"]):
        result = run_cli(*args, env={"DRIELUIK_NEW_PASSPHRASE": "een ander lang wachtwoord"})
        assert result.code == 1, (args, result.stderr)
        assert "Traceback" not in result.stderr
        assert "alleen-lezen geopend" in result.stderr.splitlines()[-1], result.stderr
    assert stick.read_bytes() == before


def test_the_api_refuses_every_kind_of_change_and_keeps_reading(stick: Path) -> None:
    vault = Vault.open(stick, PASSPHRASE)
    try:
        assert vault.read_only
        assert cases.count_cases(vault) == 1
        with pytest.raises(VaultReadOnly):
            add_cases(vault, "2024-03-01")
        with pytest.raises(VaultReadOnly):  # a setting (not the audit head)
            vault_settings.put(vault, vault_settings.RETENTION_YEARS, 7)
        with pytest.raises(VaultReadOnly):
            vault.save()
        assert cases.count_cases(vault) == 1  # refused, rolled back, still readable
        assert vault_settings.get(vault, vault_settings.RETENTION_YEARS) == 5
    finally:
        vault.close()
