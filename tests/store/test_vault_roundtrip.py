"""Create, write, save, close, open: what was confirmed comes back, byte for byte."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select

from drieluik.errors import InvalidInput, VaultDamaged, WrongPassphrase
from drieluik.store import vault_format as fmt
from drieluik.store.kdf import KdfParams
from drieluik.store.migrations import SCHEMA_VERSION
from drieluik.store.models import Case, Setting
from drieluik.store.vault import Vault, load_database, peek, read_vault_file
from tests.conftest import PASSPHRASE
from tests.vault_testing import temp_files, unwritable_folder


def _case(code: str = "DL-2024-001", summary: str = "Signaal via wijkteam") -> Case:
    return Case(
        code=code,
        signal_date=date(2024, 3, 1),
        reporter="Politie",
        municipality="Assen",
        form="arbeidsuitbuiting",
        summary=summary,
        status="nieuw",
    )


def test_round_trip_keeps_rows_and_counts_generations(new_vault: Vault, vault_path: Path) -> None:
    assert new_vault.header.generation == 1  # create saves once
    with new_vault.transaction() as session:
        session.add(Setting(key="retention_years", value="5"))
        session.add(_case())
    assert new_vault.header.generation == 2
    new_vault.close()

    with Vault.open(vault_path, PASSPHRASE) as again:
        assert again.header.generation == 2
        with again.session() as session:
            assert session.get(Setting, "retention_years").value == "5"
            case = session.exec(select(Case)).one()
        assert (case.code, case.summary, case.signal_date) == (
            "DL-2024-001",
            "Signaal via wijkteam",
            date(2024, 3, 1),
        )
        assert again.schema_version_found == SCHEMA_VERSION


def test_every_save_uses_a_fresh_nonce_and_bumps_the_generation(new_vault: Vault) -> None:
    nonces, generations = set(), []
    for _ in range(5):
        new_vault.save()
        nonces.add(new_vault.header.payload_nonce)
        generations.append(new_vault.header.generation)
    assert len(nonces) == 5
    assert generations == [2, 3, 4, 5, 6]


def test_peek_reads_the_header_without_a_key(new_vault: Vault, vault_path: Path) -> None:
    new_vault.save()
    info = peek(vault_path)
    assert info.generation == 2
    assert info.format_version == fmt.FORMAT_VERSION
    assert info.size == vault_path.stat().st_size
    assert info.slots == ("passphrase",)
    assert info.kdf == KdfParams().describe()
    assert abs(info.saved_at.timestamp() - new_vault.header.saved_at) < 1


def test_a_failed_transaction_changes_nothing(new_vault: Vault, vault_path: Path) -> None:
    before = vault_path.read_bytes()
    with pytest.raises(RuntimeError), new_vault.transaction() as session:
        session.add(Setting(key="half", value="done"))
        session.flush()
        raise RuntimeError("interrupted")
    assert vault_path.read_bytes() == before
    with new_vault.session() as session:
        assert session.get(Setting, "half") is None


def test_closed_vault_forgets_its_key_and_refuses_use(new_vault: Vault) -> None:
    new_vault.close()
    assert not new_vault.is_open
    with pytest.raises(RuntimeError), new_vault.session():
        pass
    with pytest.raises(RuntimeError):
        new_vault.save()
    new_vault.close()  # closing twice is harmless


def test_passphrase_is_normalised_to_nfc(vault_path: Path) -> None:
    decomposed = "cafe\u0301 cliënt"  # e + combining acute, as macOS may type it
    Vault.create(vault_path, decomposed).close()
    Vault.open(vault_path, "café cliënt").close()


def test_create_refuses_an_existing_file(vault_path: Path) -> None:
    vault_path.write_bytes(b"someone's file")
    with pytest.raises(InvalidInput):
        Vault.create(vault_path, PASSPHRASE)
    assert vault_path.read_bytes() == b"someone's file"


def test_create_refuses_an_empty_or_unencodable_passphrase(vault_path: Path) -> None:
    for bad in ("", "\ud800half"):
        with pytest.raises(InvalidInput):
            Vault.create(vault_path, bad)
    assert not vault_path.exists()


def test_create_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        Vault.create(tmp_path / "missing" / "x.vault", PASSPHRASE)
    assert not (tmp_path / "missing").exists()


def test_open_missing_file_and_directory_are_invalid_input(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        Vault.open(tmp_path / "nothing.vault", PASSPHRASE)
    with pytest.raises(InvalidInput):
        Vault.open(tmp_path, PASSPHRASE)


def test_wrong_and_missing_passphrase(new_vault: Vault, vault_path: Path) -> None:
    new_vault.close()
    before = vault_path.read_bytes()
    for wrong in ("Correct horse", "", None, "\udc80"):
        with pytest.raises(WrongPassphrase):
            Vault.open(vault_path, wrong)
    assert vault_path.read_bytes() == before
    assert temp_files(vault_path) == []


def test_create_in_an_unwritable_folder_fails_cleanly(tmp_path: Path) -> None:
    with unwritable_folder(tmp_path / "readonly") as folder:
        with pytest.raises(InvalidInput) as caught:
            Vault.create(folder / "x.vault", PASSPHRASE)
        assert caught.value.exit_code == 1
        assert list(folder.iterdir()) == []


def test_open_a_vault_with_a_recovery_slot_only_by_recovery_key(
    new_vault: Vault, vault_path: Path
) -> None:
    new_vault.set_recovery_key("K7Q2-M9XD-ABCD-EFGH")
    assert new_vault.has_recovery_key()
    new_vault.close()
    with Vault.open(vault_path, recovery_key="k7q2 m9xd abcd efgh") as opened:
        assert opened.header.slot(fmt.SLOT_RECOVERY) is not None
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, recovery_key="K7Q2-M9XD-ABCD-EFGX")
    Vault.open(vault_path, PASSPHRASE).close()
    assert peek(vault_path).slots == ("passphrase", "recovery")


def test_a_payload_that_fails_authentication_leaves_no_plaintext_in_the_buffer(
    new_vault: Vault, vault_path: Path
) -> None:
    # The payload is decrypted in place; when the tag does not verify, the
    # unauthenticated plaintext must not stay behind in the caller's buffer.
    data_key = new_vault._key()
    new_vault.close()
    damaged = bytearray(vault_path.read_bytes())
    damaged[-100] ^= 1
    vault_path.write_bytes(bytes(damaged))
    header, data = read_vault_file(vault_path)
    start = header.length + fmt.MAC_SIZE
    with pytest.raises(VaultDamaged):
        load_database(vault_path, header, data, data_key)
    assert data[start : start + header.payload_length] == bytes(header.payload_length)
    assert b"SQLite format 3" not in data


def test_damaged_payload_is_reported_as_damaged(new_vault: Vault, vault_path: Path) -> None:
    new_vault.close()
    data = bytearray(vault_path.read_bytes())
    data[-100] ^= 1
    vault_path.write_bytes(bytes(data))
    with pytest.raises(VaultDamaged):
        Vault.open(vault_path, PASSPHRASE)


def test_the_scratch_buffer_path_opens_the_same_vault(
    new_vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The path taken if a cryptography release refuses overlapping buffers.
    with new_vault.transaction() as session:
        session.add(Setting(key="marker", value="x" * 3_000_000))  # several chunks
    new_vault.close()
    monkeypatch.setattr(fmt, "IN_PLACE", False)
    with Vault.open(vault_path, PASSPHRASE) as reopened, reopened.session() as session:
        assert session.get(Setting, "marker").value == "x" * 3_000_000
