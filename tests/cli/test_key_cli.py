"""`drieluik key add / list / remove` and `passwd --name` through the real CLI.

Refusals in a subprocess (one line, documented exit code, vault unchanged);
the rest in this process.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drieluik.cli import run
from drieluik.services import audit
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.vault_testing import CliResult, assert_clean_refusal, run_cli

SECOND = "tweede sleutelhouder wachtwoord"
WITH_PASSPHRASE = {"DRIELUIK_PASSPHRASE": PASSPHRASE}


def run_here(capsys: pytest.CaptureFixture[str], *args: str) -> CliResult:
    code = run(list(args))
    out, err = capsys.readouterr()
    return CliResult(code, out, err)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "oud.txt", tmp_path / "nieuw.txt"
    old.write_text(PASSPHRASE + "\n", encoding="utf-8")
    new.write_text(SECOND + "\n", encoding="utf-8")
    return old, new


@pytest.fixture
def vault(new_vault: Vault, vault_path: Path) -> Path:
    new_vault.close()
    return vault_path


def _add(capsys, files: tuple[Path, Path], name: str = "zorgcoördinator") -> CliResult:
    old, new = files
    return run_here(
        capsys,
        *("key", "add", "--name", name, "--passphrase-file", str(old)),
        *("--new-passphrase-file", str(new), "--allow-weak"),
    )


def test_key_add_then_both_passphrases_open(
    vault: Path, files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    result = _add(capsys, files)
    assert result.code == 0, result.stderr
    assert "zorgcoördinator" in result.stdout and "2" in result.stdout
    for passphrase, name in ((PASSPHRASE, "standaard"), (SECOND, "zorgcoördinator")):
        with Vault.open(vault, passphrase) as opened:
            assert opened.slot_name == name
    checked = run_here(capsys, "check", "--passphrase-file", str(files[1]))
    assert checked.code == 0, checked.stderr


def test_key_list_shows_names_dates_and_parameters(
    vault: Path, files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert _add(capsys, files).code == 0
    listed = run_here(capsys, "key", "list", "--passphrase-file", str(files[1]), "--json")
    assert listed.code == 0, listed.stderr
    slots = json.loads(listed.stdout)
    assert [(s["name"], s["kind"], s["opened_this_session"]) for s in slots] == [
        ("standaard", "passphrase", False),
        ("zorgcoördinator", "passphrase", True),
    ]
    assert slots[0]["kdf"] == {
        "algorithm": "argon2id",
        "memory_kib": 65536,
        "iterations": 3,
        "lanes": 4,
    }
    assert all(s["created_at"] and s["shares_kdf"] for s in slots)
    human = run_here(capsys, "key", "list", "--passphrase-file", str(files[0]))
    lines = human.stdout.splitlines()
    assert lines[0].startswith("standaard") and "← geopend" in lines[0]
    assert "Argon2id m=64 MiB t=3 p=4" in lines[1] and PASSPHRASE not in human.stdout


def test_key_remove_leaves_the_other_and_never_the_last(
    vault: Path, files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert _add(capsys, files).code == 0
    removed = run_here(
        capsys,
        *("key", "remove", "--name", "standaard", "--passphrase-file", str(files[1]), "--yes"),
    )
    assert removed.code == 0, removed.stderr
    assert "reservekopieën" in removed.stderr
    Vault.open(vault, SECOND).close()
    before = vault.read_bytes()
    last = run_cli(
        *("key", "remove", "--name", "zorgcoördinator", "--yes"),
        env={"DRIELUIK_PASSPHRASE": SECOND},
    )
    assert_clean_refusal(last, 1)
    assert "laatste" in last.stderr and vault.read_bytes() == before
    with Vault.open(vault, SECOND) as opened:
        actions = [(e.action, e.key_slot) for e in audit.list_entries(opened)]
    assert ("key.add:zorgcoördinator", "standaard") in actions
    assert ("key.remove:standaard", "zorgcoördinator") in actions
    assert_clean_refusal(run_cli("check", env=WITH_PASSPHRASE), 3)  # the removed one


def test_key_remove_without_a_terminal_needs_yes(
    vault: Path, files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert _add(capsys, files).code == 0
    before = vault.read_bytes()
    result = run_cli("key", "remove", "--name", "standaard", env=WITH_PASSPHRASE)
    assert_clean_refusal(result, 1)
    assert "--yes" in result.stderr and vault.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("key", "add", "--name", "twee woorden"), "Ongeldige sleutelnaam"),
        (("key", "add", "--name", "standaard"), "al een sleutel"),
        (("key", "remove", "--name", "niemand", "--yes"), "geen sleutel “niemand”"),
        (("passwd", "--name", "niemand"), "geen sleutel “niemand”"),
    ],
)
def test_refusals_are_one_line_and_change_nothing(
    vault: Path, args: tuple[str, ...], fragment: str
) -> None:
    before = vault.read_bytes()
    result = run_cli(
        *args,
        "--allow-weak" if "add" in args else "--vault",
        *(() if "add" in args else (str(vault),)),
        env={**WITH_PASSPHRASE, "DRIELUIK_NEW_PASSPHRASE": SECOND},
    )
    assert_clean_refusal(result, 1)
    assert fragment in result.stderr and vault.read_bytes() == before


def test_a_wrong_passphrase_for_key_add_is_exit_3(vault: Path) -> None:
    before = vault.read_bytes()
    result = run_cli(
        "key",
        "add",
        "--name",
        "tweede",
        env={"DRIELUIK_PASSPHRASE": "fout", "DRIELUIK_NEW_PASSPHRASE": SECOND},
    )
    assert_clean_refusal(result, 3)
    assert vault.read_bytes() == before


def test_passwd_changes_only_the_slot_that_opened(
    vault: Path, files: tuple[Path, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert _add(capsys, files).code == 0
    third = tmp_path / "derde.txt"
    third.write_text("derde wachtwoord voor zorg\n", encoding="utf-8")
    changed = run_here(
        capsys,
        *("passwd", "--passphrase-file", str(files[1]), "--new-passphrase-file", str(third)),
        "--allow-weak",
    )
    assert changed.code == 0, changed.stderr
    assert "zorgcoördinator" in changed.stdout
    with Vault.open(vault, "derde wachtwoord voor zorg") as opened:
        assert opened.slot_name == "zorgcoördinator"
    Vault.open(vault, PASSPHRASE).close()


def test_in_english(
    vault: Path, files: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.setenv("DRIELUIK_LANG", "en")
    result = _add(capsys, files, name="successor")
    assert "Key “successor” added" in result.stdout
    listed = run_here(capsys, "key", "list", "--passphrase-file", str(files[0]))
    assert "← opened" in listed.stdout


def test_own_kdf_gives_the_slot_its_own_salt(
    vault: Path, files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = files
    added = run_here(
        capsys,
        *("key", "add", "--name", "eigen", "--own-kdf", "--passphrase-file", str(old)),
        *("--new-passphrase-file", str(new), "--allow-weak"),
    )
    assert added.code == 0, added.stderr
    listed = json.loads(
        run_here(capsys, "key", "list", "--json", "--passphrase-file", str(old)).stdout
    )
    assert [s["shares_kdf"] for s in listed] == [False, False]
    with Vault.open(vault, SECOND) as opened:
        first, second = opened.header.passphrase_slots
        assert first.salt != second.salt


def test_a_format_1_vault_becomes_format_2_with_key_add(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    from tests.store.test_key_slots import V1_PASSPHRASE, V1_VECTOR

    path = tmp_path / "oud.vault"
    shutil.copyfile(V1_VECTOR, path)
    env = {"DRIELUIK_PASSPHRASE": V1_PASSPHRASE, "DRIELUIK_NEW_PASSPHRASE": SECOND}
    before = json.loads(run_cli("check", "--json", "--vault", str(path), env=env).stdout)
    assert (before["format_version"], before["key_slot_names"]) == (1, ["standaard"])
    added = run_cli("key", "add", "--name", "opvolger", "--vault", str(path), env=env)
    assert added.code == 0, added.stderr
    after = json.loads(run_cli("check", "--json", "--vault", str(path), env=env).stdout)
    assert (after["format_version"], after["key_slot_names"]) == (2, ["standaard", "opvolger"])
    assert after["vault_id"] == before["vault_id"]
    assert run_cli("check", "--vault", str(path), env={"DRIELUIK_PASSPHRASE": SECOND}).code == 0
