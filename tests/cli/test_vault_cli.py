"""The vault commands through the real CLI: init, check, passwd, backup, exit codes.

Refusals are checked in a subprocess (`python -m drieluik`), exactly as a
script would see them: one line on stderr, the documented exit code, no
traceback, and the vault byte-identical. Cheaper checks call `cli.run()`.
"""

from __future__ import annotations

import json
import random
import sqlite3
from datetime import date
from pathlib import Path

import pytest
import typer

from drieluik import __version__
from drieluik.cli import app, run
from drieluik.store import vault_format as fmt
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.vault_testing import (
    CliResult,
    assert_clean_refusal,
    break_table_page,
    damage_database_inside,
    flipped,
    run_cli,
    temp_files,
    with_field,
)

WITH_PASSPHRASE = {"DRIELUIK_PASSPHRASE": PASSPHRASE}


def run_here(capsys: pytest.CaptureFixture[str], *args: str) -> CliResult:
    """The CLI in this process (fast); same code path as the console script."""
    code = run(list(args))
    out, err = capsys.readouterr()
    return CliResult(code, out, err)


def _all_command_paths() -> list[tuple[str, ...]]:
    run(["--version"])  # registers every area's commands
    paths: list[tuple[str, ...]] = [()]

    def walk(command, prefix: tuple[str, ...]) -> None:
        # typer ships its own click; a group is whatever has sub-commands
        for name, sub in getattr(command, "commands", {}).items():
            paths.append((*prefix, name))
            walk(sub, (*prefix, name))

    walk(typer.main.get_command(app), ())
    return paths


# --- usage ----------------------------------------------------------------------


def test_help_works_on_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    paths = _all_command_paths()
    assert {("init",), ("check",), ("passwd",), ("backup",)} <= set(paths)
    capsys.readouterr()
    for path in paths:
        result = run_here(capsys, *path, "--help")
        assert result.code == 0, (path, result.stderr)
        assert "Gebruik:" in result.stdout, path


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from drieluik.store.migrations import SCHEMA_VERSION
    from drieluik.store.vault_format import FORMAT_VERSION

    result = run_here(capsys, "--version")
    shown = f"drieluik {__version__} (kluisformaat {FORMAT_VERSION}, schema {SCHEMA_VERSION})"
    assert (result.code, result.stdout.strip()) == (0, shown)


def test_unknown_command_and_option_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_here(capsys, "bestaat-niet").code == 2
    assert run_here(capsys, "check", "--bestaat-niet").code == 2


USAGE_ERRORS = [
    (("bestaat-niet",), "Onbekende opdracht 'bestaat-niet'. Zie 'drieluik -h'."),
    (("check", "--vaul", "x"), "Onbekende optie --vaul. Bedoelt u --vault? Zie 'drieluik check"),
    (("cases", "--year", "abc"), "Ongeldige waarde voor --year: 'abc' is geen geheel getal."),
    (("search", "x", "--limit", "0"), "Ongeldige waarde voor --limit: 0 is te klein (minimaal 1)."),
    (("report", "--format", "xml"), "Ongeldige waarde voor --format: 'xml' kan niet; kies uit"),
    (("import",), "BESTAND ontbreekt. Zie 'drieluik import -h'."),
    (("cases", "extra"), "Onverwacht argument: extra."),
    (("cases", "--year"), "--year heeft een waarde nodig."),
    (("cases", "--json=ja"), "--json neemt geen waarde"),
    (("case", "sho"), "Onbekende opdracht 'sho'. Bedoelt u show? Zie 'drieluik case -h'."),
    (("--vault", "x", "cases"), "Zet --vault en --passphrase-file na de opdracht"),
]


@pytest.mark.parametrize(("argv", "expected"), USAGE_ERRORS)
def test_a_usage_error_is_one_dutch_line(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], expected: str
) -> None:
    result = run_here(capsys, *argv)
    assert result.code == 2
    assert result.stderr.startswith(f"Fout: {expected}"), result.stderr
    assert result.stderr.count("\n") == 1
    assert "Usage" not in result.stderr and "Gebruik" not in result.stderr
    # Nothing of Click's English may pass through untranslated.
    assert not any(word in result.stderr for word in ("Did you", "Option", "No such", "Got "))


def test_a_usage_error_is_one_english_line_with_drieluik_lang_en(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DRIELUIK_LANG", "en")
    result = run_here(capsys, "cases", "--yea", "2024")
    assert result.code == 2
    assert result.stderr == (
        "Error: Unknown option --yea. Did you mean --year? See 'drieluik cases -h'.\n"
    )


def test_a_command_group_without_subcommand_shows_its_help(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = run_here(capsys, "export")
    assert result.code == 2
    assert "minutes" in result.stderr and "Fout" not in result.stderr


def test_the_console_script_reports_usage_errors_without_a_traceback() -> None:
    result = run_cli("bestaat-niet")
    assert result.code == 2
    assert "Traceback" not in result.stderr


# --- init -----------------------------------------------------------------------


def test_init_creates_a_vault_that_check_accepts(vault_path: Path) -> None:
    result = run_cli("init", "--allow-weak", env=WITH_PASSPHRASE)  # the test passphrase is weak
    assert result.code == 0, result.stderr
    assert str(vault_path) in result.stdout
    assert vault_path.is_file()
    check = run_cli("check", "--json", env=WITH_PASSPHRASE)
    assert check.code == 0, check.stderr
    report = json.loads(check.stdout)
    assert report["ok"] is True
    assert report["format_version"] == fmt.FORMAT_VERSION
    assert report["generation"] == 1
    assert report["path"] == str(vault_path)
    assert report["counts"]["cases"] == 0
    assert report["key_slots"] == ["passphrase"]
    assert report["key_slot_names"] == ["standaard"]


@pytest.mark.parametrize(
    ("lang", "answers", "created"),
    [
        ("nl", "ok\nj\n", True),  # "ok" is no answer: asked again, then j
        ("nl", "ja\n", True),
        ("nl", "jawel\nn\n", False),
        ("nl", "\n", False),  # Enter alone: the default, no
        ("en", "y\n", True),
        ("en", "sure\nno\n", False),
    ],
    ids=["nl-again-then-j", "nl-ja", "nl-again-then-n", "nl-enter-is-no", "en-y", "en-again-no"],
)
def test_init_weak_passphrase_question_takes_j_n_and_asks_again(
    vault_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    answers: str,
    created: bool,
) -> None:
    """Issue 11: the Dutch yes/no refused "j"; anything but an answer asks again."""
    import io

    monkeypatch.setenv("DRIELUIK_LANG", lang)
    monkeypatch.setenv("DRIELUIK_PASSPHRASE", PASSPHRASE)  # weak: init asks
    stdin = io.StringIO(answers)
    monkeypatch.setattr(stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr("sys.stdin", stdin)
    result = run_here(capsys, "init")
    assert vault_path.is_file() is created, result.stderr
    assert result.code == (0 if created else 1), result.stderr
    asked = result.stderr.count("[j/N]" if lang == "nl" else "[y/N]")
    assert asked == answers.count("\n"), result.stderr
    again = "Antwoord met j (ja) of n (nee)." if lang == "nl" else "Answer y (yes) or n (no)."
    assert result.stderr.count(again) == asked - 1, result.stderr
    assert "invalid input" not in result.stderr and "Traceback" not in result.stderr


def test_init_never_overwrites(vault_path: Path) -> None:
    vault_path.write_bytes(b"an existing file")
    result = run_cli("init", env={**WITH_PASSPHRASE, "DRIELUIK_LANG": "en"})
    assert_clean_refusal(result, 1)
    assert "will not overwrite" in result.stderr
    assert vault_path.read_bytes() == b"an existing file"


def test_init_never_overwrites_an_existing_vault(new_vault: Vault, vault_path: Path) -> None:
    new_vault.close()
    before = vault_path.read_bytes()
    assert_clean_refusal(run_cli("init", env=WITH_PASSPHRASE), 1)
    assert vault_path.read_bytes() == before


def test_init_creates_missing_folders_and_reads_a_passphrase_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_text("uit een bestand\nsecond line ignored\n", encoding="utf-8")
    target = tmp_path / "nieuw" / "map" / "k.vault"
    result = run_here(capsys, "init", "--vault", str(target), "--passphrase-file", str(secret))
    assert result.code == 0, result.stderr
    Vault.open(target, "uit een bestand").close()


def test_init_without_any_passphrase_source_is_refused(vault_path: Path) -> None:
    result = run_cli("init", env={"DRIELUIK_LANG": "en"})
    assert_clean_refusal(result, 1)
    assert "DRIELUIK_PASSPHRASE" in result.stderr
    assert not vault_path.exists()


# --- check and refusals -----------------------------------------------------------


def test_check_prints_the_details(
    new_vault: Vault, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    new_vault.save()
    new_vault.close()
    capsys.readouterr()
    monkeypatch.setenv("DRIELUIK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("DRIELUIK_LANG", "en")
    result = run_here(capsys, "check")
    assert result.code == 0, result.stderr
    assert "Generation" in result.stdout and " 2" in result.stdout
    assert "Argon2id m=64 MiB t=3 p=4" in result.stdout


def test_wrong_passphrase_is_exit_3_and_the_file_is_untouched(
    new_vault: Vault, vault_path: Path
) -> None:
    new_vault.close()
    before = vault_path.read_bytes()
    result = run_cli("check", env={"DRIELUIK_PASSPHRASE": "wrong", "DRIELUIK_LANG": "en"})
    assert_clean_refusal(result, 3)
    assert result.stderr.startswith("Error: Wrong passphrase")
    dutch = run_cli("check", env={"DRIELUIK_PASSPHRASE": "wrong"})
    assert dutch.stderr.startswith("Fout: Onjuist wachtwoord")
    assert vault_path.read_bytes() == before


def _sealed(vault_path: Path) -> bytes:
    Vault.create(vault_path, PASSPHRASE).close()
    return vault_path.read_bytes()


def _sqlite_bytes(tmp_path: Path) -> bytes:
    plain = tmp_path / "plain.sqlite"
    conn = sqlite3.connect(plain)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    return plain.read_bytes()


DAMAGE = {
    "empty": (lambda v, t: b"", 7),
    "random bytes": (lambda v, t: random.Random(1).randbytes(50_000), 7),
    "plain sqlite": (lambda v, t: _sqlite_bytes(t), 7),
    "truncated header": (lambda v, t: _sealed(v)[:100], 7),
    "truncated payload": (lambda v, t: _sealed(v)[:-1], 7),
    "flipped payload byte": (lambda v, t: flipped(_sealed(v), 5000), 7),
    "flipped salt byte": (lambda v, t: flipped(_sealed(v), 90), 3),
    "future format version": (
        lambda v, t: with_field(_sealed(v), "format_version", fmt.FORMAT_VERSION + 1),
        1,
    ),
    "4 TiB of KDF memory": (lambda v, t: with_field(_sealed(v), "memory_kib", 0xFFFFFFFF), 7),
    "2^32-1 KDF passes": (lambda v, t: with_field(_sealed(v), "iterations", 0xFFFFFFFF), 7),
    "zero KDF lanes": (lambda v, t: with_field(_sealed(v), "lanes", 0), 7),
}


@pytest.mark.parametrize("variant", DAMAGE, ids=list(DAMAGE))
def test_damaged_files_are_refused_by_check(vault_path: Path, tmp_path: Path, variant: str) -> None:
    make, code = DAMAGE[variant]
    data = make(vault_path, tmp_path)
    vault_path.write_bytes(data)
    result = run_cli("check", env={**WITH_PASSPHRASE, "DRIELUIK_LANG": "en"})
    assert_clean_refusal(result, code)
    assert str(vault_path) in result.stderr
    assert vault_path.read_bytes() == data
    assert temp_files(vault_path) == []


def test_check_runs_sqlites_integrity_check(new_vault: Vault, vault_path: Path) -> None:
    """Open does not (docs/security.md); `check` finds an authenticated but unsound database."""
    new_vault.close()
    sound = run_cli("check", "--json", env=WITH_PASSPHRASE)
    assert sound.code == 0, sound.stderr
    assert json.loads(sound.stdout)["integrity"] == "ok"
    with Vault.open(vault_path, PASSPHRASE) as opened:
        damage_database_inside(opened)
    data = vault_path.read_bytes()
    result = run_cli("check", env={**WITH_PASSPHRASE, "DRIELUIK_LANG": "en"})
    assert_clean_refusal(result, 7)
    assert "database inside the vault" in result.stderr and "damage_probe_a" in result.stderr
    as_json = run_cli("check", "--json", env=WITH_PASSPHRASE)
    assert as_json.code == 7, as_json.stderr
    report = json.loads(as_json.stdout)
    assert report["ok"] is False
    assert any("damage_probe_a" in line for line in report["integrity"])
    assert vault_path.read_bytes() == data
    assert temp_files(vault_path) == []


def test_damage_met_by_a_query_is_exit_7_not_unexpected(new_vault: Vault, vault_path: Path) -> None:
    """Open no longer checks the database: damage found later keeps the documented code."""
    break_table_page(new_vault, "cases")
    new_vault.close()
    data = vault_path.read_bytes()
    result = run_cli("cases", env={**WITH_PASSPHRASE, "DRIELUIK_LANG": "en"})
    assert_clean_refusal(result, 7)
    assert "database inside the vault is damaged" in result.stderr
    assert "drieluik check" in result.stderr
    assert_clean_refusal(run_cli("check", env=WITH_PASSPHRASE), 7)
    assert vault_path.read_bytes() == data


def test_missing_vault_and_directory_are_exit_1(tmp_path: Path) -> None:
    env = {**WITH_PASSPHRASE, "DRIELUIK_LANG": "en"}
    result = run_cli("check", "--vault", str(tmp_path / "none.vault"), env=env)
    assert_clean_refusal(result, 1)
    assert "drieluik init" in result.stderr
    assert_clean_refusal(run_cli("check", "--vault", str(tmp_path), env=env), 1)


def test_unreadable_passphrase_file_is_exit_1(new_vault: Vault, tmp_path: Path) -> None:
    new_vault.close()
    result = run_cli("check", "--passphrase-file", str(tmp_path / "missing.txt"))
    assert_clean_refusal(result, 1)


# --- passwd -----------------------------------------------------------------------


def test_passwd_from_the_environment(new_vault: Vault, vault_path: Path) -> None:
    from drieluik.store.models import Setting

    with new_vault.transaction() as session:
        session.add(Setting(key="kept", value="yes"))
    new_vault.close()
    result = run_cli(
        "passwd", "--allow-weak", env={**WITH_PASSPHRASE, "DRIELUIK_NEW_PASSPHRASE": "nieuw geheim"}
    )
    assert result.code == 0, result.stderr
    assert_clean_refusal(run_cli("check", env=WITH_PASSPHRASE), 3)
    assert run_cli("check", env={"DRIELUIK_PASSPHRASE": "nieuw geheim"}).code == 0
    with Vault.open(vault_path, "nieuw geheim") as again, again.session() as session:
        assert session.get(Setting, "kept").value == "yes"


def test_passwd_from_files(new_vault: Vault, vault_path: Path, tmp_path: Path) -> None:
    new_vault.close()
    old_file, new_file = tmp_path / "old.txt", tmp_path / "new.txt"
    old_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    new_file.write_text("geheim uit bestand\r\n", encoding="utf-8")
    result = run_cli(
        "passwd", "--passphrase-file", str(old_file), "--new-passphrase-file", str(new_file)
    )
    assert result.code == 0, result.stderr
    Vault.open(vault_path, "geheim uit bestand").close()


def test_passwd_with_the_wrong_old_passphrase_changes_nothing(
    new_vault: Vault, vault_path: Path
) -> None:
    new_vault.close()
    before = vault_path.read_bytes()
    result = run_cli("passwd", env={"DRIELUIK_PASSPHRASE": "fout", "DRIELUIK_NEW_PASSPHRASE": "x"})
    assert_clean_refusal(result, 3)
    assert vault_path.read_bytes() == before


# --- backup -----------------------------------------------------------------------


def test_backup_makes_a_copy_that_opens_with_the_same_passphrase(
    new_vault: Vault, vault_path: Path, tmp_path: Path
) -> None:
    from drieluik.store.models import Setting

    with new_vault.transaction() as session:
        session.add(Setting(key="in the copy", value="yes"))
    new_vault.close()
    dest = tmp_path / "backup" / "kopie.vault"
    dest.parent.mkdir()
    result = run_cli("backup", str(dest), env=WITH_PASSPHRASE)
    assert result.code == 0, result.stderr
    check = run_cli("check", "--json", "--vault", str(dest), env=WITH_PASSPHRASE)
    assert check.code == 0, check.stderr
    assert json.loads(check.stdout)["generation"] == 2
    with Vault.open(dest, PASSPHRASE) as copy, copy.session() as session:
        assert session.get(Setting, "in the copy").value == "yes"

    before = dest.read_bytes()
    assert_clean_refusal(run_cli("backup", str(dest), env=WITH_PASSPHRASE), 1)
    assert dest.read_bytes() == before


def test_backup_into_a_folder_gets_a_dated_name_each_time(new_vault: Vault, tmp_path: Path) -> None:
    new_vault.close()
    folder = tmp_path / "usb"
    folder.mkdir()
    assert run_cli("backup", str(folder), env=WITH_PASSPHRASE).code == 0
    assert run_cli("backup", str(folder), env=WITH_PASSPHRASE).code == 0  # the same day again
    today = date.today().isoformat()
    made = sorted(p.name for p in folder.iterdir())
    assert made == [f"drieluik-{today}-2.vault", f"drieluik-{today}.vault"]
    for name in made:
        Vault.open(folder / name, PASSPHRASE).close()


def test_backup_onto_the_vault_itself_is_refused(new_vault: Vault, vault_path: Path) -> None:
    new_vault.close()
    before = vault_path.read_bytes()
    assert_clean_refusal(run_cli("backup", str(vault_path), env=WITH_PASSPHRASE), 1)
    assert vault_path.read_bytes() == before
    assert temp_files(vault_path) == []
    # Its own folder is a folder like any other: a dated copy beside the vault.
    assert run_cli("backup", str(vault_path.parent), env=WITH_PASSPHRASE).code == 0
    (copy,) = vault_path.parent.glob(f"{vault_path.stem}-*{vault_path.suffix}")
    Vault.open(copy, PASSPHRASE).close()
    Vault.open(vault_path, PASSPHRASE).close()
