"""Named key slots (format 2): two holders open one vault, removing one leaves the
other, never the last one, a wrong passphrase costs one Argon2id per distinct
salt and parameters, and a format-1 vault converts at its next save."""

from __future__ import annotations

import errno
import os
import shutil
import time
from pathlib import Path

import pytest

from drieluik.errors import DrieluikError, InvalidInput, VaultDamaged, WrongPassphrase
from drieluik.store import safe_file
from drieluik.store import vault_format as fmt
from drieluik.store.database import Database
from drieluik.store.kdf import KdfParams, normalise_passphrase
from drieluik.store.models import Setting
from drieluik.store.vault import Vault, normalise_recovery_key, peek
from tests.conftest import PASSPHRASE
from tests.vault_testing import with_field

SECOND = "zorg wachtwoord twee"
THIRD = "opvolger wachtwoord drie"
RECOVERY = "ABCD-EFGH-JKLM-NPQR"
V1_VECTOR = Path(__file__).parent.parent / "data" / "known-answer-v1.vault"
V1_PASSPHRASE = "Drieluik bekende-uitkomst 2024 ✓"


def _counting_kdf(monkeypatch: pytest.MonkeyPatch) -> list[tuple[KdfParams, bytes]]:
    """The real Argon2id, with every call noted (which parameters and salt)."""
    calls: list[tuple[KdfParams, bytes]] = []
    real = fmt.derive_key

    def derive(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
        calls.append((params, salt))
        return real(secret, salt, params)

    monkeypatch.setattr(fmt, "derive_key", derive)
    return calls


def _content(vault: Vault) -> str | None:
    with vault.session() as session:
        row = session.get(Setting, "note")
        return row.value if row else None


@pytest.fixture
def two_holders(new_vault: Vault, vault_path: Path) -> Path:
    with new_vault.transaction() as session:
        session.add(Setting(key="note", value="gedeelde inhoud"))
    new_vault.add_key_slot(new_vault.new_key_slot("zorgcoördinator", SECOND))
    new_vault.close()
    return vault_path


def test_two_named_slots_open_the_same_vault(two_holders: Path) -> None:
    with Vault.open(two_holders, PASSPHRASE) as first:
        assert first.slot_name == "standaard"
        key, content = first._key(), _content(first)
    with Vault.open(two_holders, SECOND) as second:
        assert second.slot_name == "zorgcoördinator"
        assert second._key() == key and _content(second) == content == "gedeelde inhoud"
    assert peek(two_holders).slot_names == ("standaard", "zorgcoördinator")
    assert peek(two_holders).format_version == 2


def test_removing_one_slot_leaves_the_other_working(two_holders: Path) -> None:
    with Vault.open(two_holders, SECOND) as opened:
        opened.remove_key_slot("standaard")
    with pytest.raises(WrongPassphrase):
        Vault.open(two_holders, PASSPHRASE)
    with Vault.open(two_holders, SECOND) as left:
        assert _content(left) == "gedeelde inhoud"
        assert [s.name for s in left.header.passphrase_slots] == ["zorgcoördinator"]


def test_the_last_passphrase_slot_is_never_removed(new_vault: Vault, vault_path: Path) -> None:
    new_vault.set_recovery_key(RECOVERY)  # a recovery slot does not count as one
    before = vault_path.read_bytes()
    with pytest.raises(InvalidInput) as info:
        new_vault.remove_key_slot("standaard")
    assert info.value.key == "key.last"
    assert vault_path.read_bytes() == before
    with pytest.raises(InvalidInput) as unknown:
        new_vault.remove_key_slot("niemand")
    assert unknown.value.key == "key.unknown"


def test_names_are_checked_unique_and_at_most_eight(new_vault: Vault) -> None:
    for bad in ("", "twee woorden", "a" * 33, "herstelsleutel", "x\x1b[31m", "ü" * 17):
        with pytest.raises(InvalidInput) as info:
            new_vault.new_key_slot(bad, SECOND)
        assert info.value.key == "key.bad_name", bad
    with pytest.raises(InvalidInput) as dup:
        new_vault.new_key_slot("Standaard", SECOND)  # names differ in more than case
    assert dup.value.key == "key.exists"
    for number in range(2, 9):
        new_vault.add_key_slot(new_vault.new_key_slot(f"houder-{number}", f"{SECOND} {number}"))
    assert len(new_vault.header.passphrase_slots) == fmt.MAX_NAMED_SLOTS == 8
    with pytest.raises(InvalidInput) as full:
        new_vault.new_key_slot("negende", SECOND)
    assert full.value.key == "key.full"


def test_a_wrong_passphrase_costs_one_kdf_with_eight_shared_slots(
    new_vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(2, 9):
        new_vault.add_key_slot(new_vault.new_key_slot(f"houder-{number}", f"{SECOND} {number}"))
    new_vault.close()
    calls = _counting_kdf(monkeypatch)
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, "geen van allen")
    assert len(calls) == 1
    calls.clear()
    with Vault.open(vault_path, f"{SECOND} 8") as opened:  # the last slot: still one
        assert opened.slot_name == "houder-8"
    assert len(calls) == 1


def test_a_slot_with_its_own_kdf_costs_one_more(
    new_vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = KdfParams(96 * 1024, 3, 4)
    slot = new_vault.new_key_slot("eigen", SECOND, own)
    assert slot.params == own and slot.salt != new_vault.header.passphrase_slots[0].salt
    new_vault.add_key_slot(slot)
    new_vault.close()
    calls = _counting_kdf(monkeypatch)
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, "geen van beide")
    assert len(calls) == 2 and len(set(calls)) == 2
    Vault.open(vault_path, SECOND).close()


def test_a_slot_that_would_make_unlocking_too_costly_is_refused_before_its_kdf(
    new_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The bound, scaled down to this vault: one default derivation fits, two do not.
    monkeypatch.setattr(fmt, "OPEN_MAX_TOTAL_WORK_KIB", 64 * 1024 * 3 + 1)

    def tripwire(*args: object) -> bytes:
        raise AssertionError("the KDF ran for a slot that was refused")

    monkeypatch.setattr(fmt, "derive_key", tripwire)
    with pytest.raises(InvalidInput) as info:
        new_vault.new_key_slot("eigen", SECOND, KdfParams())
    assert info.value.key == "key.too_costly"
    assert fmt.total_work_problem(new_vault.header.passphrase_slots) is None


def test_a_header_asking_too_much_in_all_is_refused_before_the_kdf(
    new_vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    heavy = KdfParams(1024 * 1024, 4, 4)
    # Built with cheap parameters, then given the costly ones in the bytes:
    # each slot is within the single bound, together they are not.
    for name in ("b", "c"):
        new_vault.add_key_slot(new_vault.new_key_slot(name, f"{SECOND} {name}", KdfParams()))
    new_vault.close()
    sealed = vault_path.read_bytes()
    for slot in (1, 2):
        sealed = with_field(sealed, "memory_kib", heavy.memory_kib, slot=slot)
        sealed = with_field(sealed, "iterations", heavy.iterations, slot=slot)
    vault_path.write_bytes(sealed)

    def tripwire(*args: object) -> bytes:
        raise AssertionError("the KDF ran on a header that asks too much in all")

    monkeypatch.setattr(fmt, "derive_key", tripwire)
    with pytest.raises(VaultDamaged) as info:
        Vault.open(vault_path, PASSPHRASE)
    assert info.value.key == "vault.kdf_refused"


def test_passwd_changes_the_slot_that_opened_the_vault(two_holders: Path) -> None:
    with Vault.open(two_holders, SECOND) as opened:
        shared_salt = opened.header.named("zorgcoördinator").salt
        assert opened.change_passphrase(THIRD) == "zorgcoördinator"
        # Still sharing the derivation with "standaard": same salt, new wrap.
        assert opened.header.named("zorgcoördinator").salt == shared_salt
    with pytest.raises(WrongPassphrase):
        Vault.open(two_holders, SECOND)
    with Vault.open(two_holders, THIRD) as changed:
        assert changed.slot_name == "zorgcoördinator"
    Vault.open(two_holders, PASSPHRASE).close()  # the other holder is untouched


def test_passwd_alone_draws_a_new_salt(new_vault: Vault) -> None:
    salt = new_vault.header.passphrase_slots[0].salt
    new_vault.change_passphrase(SECOND)
    assert new_vault.header.passphrase_slots[0].salt != salt


def test_opened_with_the_recovery_key_passwd_must_name_the_slot(
    two_holders: Path,
) -> None:
    with Vault.open(two_holders, PASSPHRASE) as opened:
        opened.set_recovery_key(RECOVERY)
    with Vault.open(two_holders, recovery_key=RECOVERY) as opened:
        assert opened.slot_name == fmt.RECOVERY_SLOT_NAME
        with pytest.raises(InvalidInput) as info:
            opened.change_passphrase(THIRD)
        assert info.value.key == "key.which"
        opened.change_passphrase(THIRD, name="standaard")
    Vault.open(two_holders, THIRD).close()
    Vault.open(two_holders, SECOND).close()


def test_a_failed_key_add_keeps_the_old_header(
    new_vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = vault_path.read_bytes()
    header = new_vault.header

    def no_space(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(safe_file.os, "replace", no_space)
    with pytest.raises(DrieluikError):
        new_vault.add_key_slot(new_vault.new_key_slot("tweede", SECOND))
    monkeypatch.undo()
    assert new_vault.header == header and vault_path.read_bytes() == before
    new_vault.close()
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, SECOND)


def test_key_slots_lists_names_dates_and_parameters(two_holders: Path) -> None:
    with Vault.open(two_holders, SECOND) as opened:
        opened.set_recovery_key(RECOVERY)
        slots = opened.key_slots()
    assert [(s.name, s.kind, s.opened_this_session) for s in slots] == [
        ("standaard", "passphrase", False),
        ("zorgcoördinator", "passphrase", True),
        (fmt.RECOVERY_SLOT_NAME, "recovery", False),
    ]
    assert all(
        s.created_at is not None and time.time() - s.created_at.timestamp() < 600 for s in slots
    )
    assert [s.shares_kdf for s in slots] == [True, True, False]
    assert slots[0].kdf == KdfParams()


# --- format 1 → 2 ------------------------------------------------------------------


def test_a_format_1_vault_opens_and_converts_at_its_next_save(tmp_path: Path) -> None:
    path = tmp_path / "oud.vault"
    shutil.copyfile(V1_VECTOR, path)
    with Vault.open(path, V1_PASSPHRASE) as opened:
        assert opened.format_version_found == 1
        assert opened.slot_name == fmt.DEFAULT_SLOT_NAME
        assert [s.name for s in opened.header.passphrase_slots] == ["standaard"]
        generation, vault_id = opened.header.generation, opened.header.vault_id
        assert path.read_bytes() == V1_VECTOR.read_bytes()  # opening converts in memory only
        opened.save()
    assert peek(path).format_version == 2
    with Vault.open(path, V1_PASSPHRASE) as again:
        assert again.format_version_found == 2
        assert (again.header.generation, again.header.vault_id) == (generation + 1, vault_id)
        slot = again.header.passphrase_slots[0]
        assert (slot.name, slot.created_at) == ("standaard", 0)  # created: unknown
        again.add_key_slot(again.new_key_slot("opvolger", SECOND))
    Vault.open(path, SECOND).close()


def _write_format_1(path: Path, passphrase: str, recovery_key: str) -> bytes:
    """A format-1 vault with a passphrase and a recovery slot, as drieluik 0.1 wrote it."""
    data_key, vault_id = os.urandom(32), os.urandom(16)
    slots = (
        fmt.new_slot(
            fmt.SLOT_PASSPHRASE, normalise_passphrase(passphrase), data_key, vault_id, KdfParams()
        ),
        fmt.new_slot(
            fmt.SLOT_RECOVERY, normalise_recovery_key(recovery_key), data_key, vault_id, KdfParams()
        ),
    )
    db = Database.new()
    with db.lock:
        db.conn.execute("PRAGMA user_version")
    payload = db.serialize()
    db.close()
    header = fmt.Header(vault_id, 3, int(time.time()), os.urandom(12), len(payload), slots, 1)
    prefix, chunks = fmt.encrypt_stream(data_key, header, memoryview(payload))
    path.write_bytes(prefix + b"".join(chunks))
    return data_key


def test_a_format_1_recovery_slot_survives_the_conversion(tmp_path: Path) -> None:
    path = tmp_path / "oud-met-herstel.vault"
    data_key = _write_format_1(path, PASSPHRASE, RECOVERY)
    assert fmt.parse_header(path.read_bytes(), path.stat().st_size).version == 1
    with Vault.open(path, PASSPHRASE) as opened:
        assert opened._key() == data_key
        opened.save()  # now format 2, the recovery slot moved without its key
    assert peek(path).format_version == 2
    with Vault.open(path, recovery_key=RECOVERY) as recovered:
        assert recovered._key() == data_key
        assert recovered.slot_name == fmt.RECOVERY_SLOT_NAME
    Vault.open(path, PASSPHRASE).close()
