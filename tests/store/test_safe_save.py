"""A save that fails at any step leaves the old vault byte-identical and no temp file.

The OS calls that `safe_file` makes are replaced (only as `safe_file` sees
them) by versions that fail; the store and the cryptography are real.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from drieluik.errors import DrieluikError, InvalidInput
from drieluik.store import safe_file
from drieluik.store import vault_format as fmt
from drieluik.store.models import Setting
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.vault_testing import child_env, mounted_tmpfs, needs_linux, temp_files


class PatchedOs:
    """`os` as safe_file sees it, with some calls replaced."""

    def __init__(self, **overrides: Callable) -> None:
        self.__dict__.update(overrides)

    def __getattr__(self, name: str):
        return getattr(os, name)


def _fail(code: int = errno.EIO) -> Callable:
    def failing(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    return failing


def _fail_on_call(number: int, real: Callable, code: int = errno.ENOSPC) -> Callable:
    """Let `number - 1` calls through, then fail (a disk that fills up mid-write)."""
    calls = {"n": 0}

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] >= number:
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    return failing


def _fsync_then_corrupt(fd: int) -> None:
    """A disk that acknowledges the write but returns different bytes (bad RAM, bad cable)."""
    os.fsync(fd)
    size = os.fstat(fd).st_size
    with open(f"/proc/self/fd/{fd}", "r+b") as f:
        f.seek(size // 2)
        byte = f.read(1)
        f.seek(size // 2)
        f.write(bytes([byte[0] ^ 0x40]))


def _fsync_only_files(fd: int) -> None:
    """Fsync files, fail on folders (some file systems refuse to fsync a folder)."""
    import stat

    if stat.S_ISDIR(os.fstat(fd).st_mode):
        raise OSError(errno.EINVAL, os.strerror(errno.EINVAL))
    os.fsync(fd)


def _interrupt(*args, **kwargs):
    raise KeyboardInterrupt


SAVE_FAILURES = {
    "open temp (EACCES)": lambda: {"open": _fail(errno.EACCES)},
    "first write (ENOSPC)": lambda: {"write": _fail(errno.ENOSPC)},
    "third write (ENOSPC)": lambda: {"write": _fail_on_call(3, os.write)},
    "write (EFBIG)": lambda: {"write": _fail(errno.EFBIG)},
    "write interrupted (Ctrl-C)": lambda: {"write": _interrupt},
    "fsync (EIO)": lambda: {"fsync": _fail(errno.EIO)},
    "replace (EXDEV)": lambda: {"replace": _fail(errno.EXDEV)},
    "replace (EACCES)": lambda: {"replace": _fail(errno.EACCES)},
}


@pytest.fixture(autouse=True)
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The pauses between os.replace attempts, recorded instead of slept."""
    slept: list[float] = []
    monkeypatch.setattr(safe_file, "sleep", slept.append)
    return slept


def _busy_for(attempts: int) -> Callable:
    """os.replace as Windows does it while a scanner holds the file: refused
    `attempts` times with a sharing violation (PermissionError), then done."""
    calls = {"n": 0}

    def replace(source, target):
        calls["n"] += 1
        if calls["n"] <= attempts:
            raise PermissionError(errno.EACCES, "The process cannot access the file")
        os.replace(source, target)

    return replace


def test_a_save_waits_while_another_program_holds_the_file(
    saved_vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch, waits: list[float]
) -> None:
    generation = saved_vault.header.generation
    monkeypatch.setattr(safe_file, "os", PatchedOs(replace=_busy_for(3)))
    _add_unconfirmed(saved_vault)
    assert waits == list(safe_file.REPLACE_DELAYS[:3])
    monkeypatch.undo()
    saved_vault.close()
    assert temp_files(vault_path) == []
    with Vault.open(vault_path, PASSPHRASE) as again, again.session() as session:
        assert again.header.generation == generation + 1
        assert session.get(Setting, "unconfirmed").value == "later"


def test_a_file_held_for_good_fails_the_save_after_about_two_seconds(
    saved_vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch, waits: list[float]
) -> None:
    before = vault_path.read_bytes()
    generation = saved_vault.header.generation
    monkeypatch.setattr(safe_file, "os", PatchedOs(replace=_busy_for(10**6)))
    with pytest.raises(DrieluikError) as caught:
        _add_unconfirmed(saved_vault)
    assert caught.value.key == "vault.save_failed"
    assert 1.5 <= sum(waits) <= 2.5 and len(waits) == len(safe_file.REPLACE_DELAYS)
    monkeypatch.undo()
    saved_vault.close()
    _assert_old_vault_intact(vault_path, before, generation)


def test_other_replace_errors_are_not_retried(
    saved_vault: Vault, monkeypatch: pytest.MonkeyPatch, waits: list[float]
) -> None:
    monkeypatch.setattr(safe_file, "os", PatchedOs(replace=_fail(errno.EXDEV)))
    with pytest.raises(DrieluikError):
        _add_unconfirmed(saved_vault)
    assert waits == []


class _Fcntl:
    """fcntl as macOS has it: F_FULLFSYNC, recorded; `refuse` as some file systems do."""

    F_FULLFSYNC = 51

    def __init__(self, refuse: bool = False) -> None:
        self.calls: list[tuple[int, int]] = []
        self.refuse = refuse

    def fcntl(self, fd: int, command: int) -> int:
        self.calls.append((fd, command))
        if self.refuse:
            raise OSError(errno.ENOTSUP, os.strerror(errno.ENOTSUP))
        return 0


def test_full_fsync_where_the_platform_has_it(tmp_path: Path, monkeypatch) -> None:
    fsynced: list[int] = []
    monkeypatch.setattr(safe_file, "os", PatchedOs(fsync=fsynced.append))
    fd = os.open(tmp_path / "f", os.O_WRONLY | os.O_CREAT)
    try:
        mac = _Fcntl()
        safe_file.full_fsync(fd, mac)
        assert mac.calls == [(fd, _Fcntl.F_FULLFSYNC)] and fsynced == []
        refusing = _Fcntl(refuse=True)
        safe_file.full_fsync(fd, refusing)  # falls back to fsync
        assert refusing.calls and fsynced == [fd]
        safe_file.full_fsync(fd, None)  # Windows: no fcntl at all
        assert fsynced == [fd, fd]
    finally:
        os.close(fd)


@pytest.fixture
def saved_vault(new_vault: Vault) -> Vault:
    """A vault holding one confirmed row, with plenty of payload to write in chunks."""
    with new_vault.transaction() as session:
        session.add(Setting(key="confirmed", value="yes" * 1_000_000))
    return new_vault


def _add_unconfirmed(vault: Vault) -> None:
    with vault.transaction() as session:
        session.add(Setting(key="unconfirmed", value="later"))


def _assert_old_vault_intact(vault_path: Path, before: bytes, generation: int) -> None:
    assert vault_path.read_bytes() == before
    assert temp_files(vault_path) == []
    with Vault.open(vault_path, PASSPHRASE) as again:
        assert again.header.generation == generation
        with again.session() as session:
            assert session.get(Setting, "confirmed") is not None
            assert session.get(Setting, "unconfirmed") is None


@pytest.mark.parametrize("failure", SAVE_FAILURES, ids=list(SAVE_FAILURES))
def test_failed_save_leaves_old_vault_and_no_temp_file(
    saved_vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    before = vault_path.read_bytes()
    generation = saved_vault.header.generation
    monkeypatch.setattr(safe_file, "os", PatchedOs(**SAVE_FAILURES[failure]()))
    expected = KeyboardInterrupt if "Ctrl-C" in failure else DrieluikError
    with pytest.raises(expected) as caught:
        _add_unconfirmed(saved_vault)
    if expected is DrieluikError:
        assert caught.value.key == "vault.save_failed"
        assert caught.value.exit_code == 1
    assert saved_vault.header.generation == generation
    monkeypatch.undo()
    saved_vault.close()
    _assert_old_vault_intact(vault_path, before, generation)


@pytest.mark.parametrize("failure", SAVE_FAILURES, ids=list(SAVE_FAILURES))
def test_after_a_failed_save_the_next_save_succeeds(
    saved_vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(safe_file, "os", PatchedOs(**SAVE_FAILURES[failure]()))
        with pytest.raises((DrieluikError, KeyboardInterrupt)):
            _add_unconfirmed(saved_vault)
    saved_vault.save()  # the change made before the failure is still in memory
    generation = saved_vault.header.generation
    saved_vault.close()
    with Vault.open(vault_path, PASSPHRASE) as again:
        assert again.header.generation == generation
        with again.session() as session:
            assert session.get(Setting, "unconfirmed").value == "later"


@needs_linux
def test_a_temp_file_that_reads_back_wrong_never_replaces_the_vault(
    saved_vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = vault_path.read_bytes()
    generation = saved_vault.header.generation
    monkeypatch.setattr(safe_file, "os", PatchedOs(fsync=_fsync_then_corrupt))
    with pytest.raises(DrieluikError) as caught:
        _add_unconfirmed(saved_vault)
    assert "authentication" in str(caught.value)
    monkeypatch.undo()
    saved_vault.close()
    _assert_old_vault_intact(vault_path, before, generation)


def test_a_read_back_that_fails_never_replaces_the_vault(
    saved_vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = vault_path.read_bytes()
    generation = saved_vault.header.generation
    monkeypatch.setattr(safe_file, "open", _fail(errno.EIO), raising=False)
    with pytest.raises(DrieluikError):
        _add_unconfirmed(saved_vault)
    monkeypatch.undo()
    saved_vault.close()
    _assert_old_vault_intact(vault_path, before, generation)


def test_short_writes_are_completed(
    saved_vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """os.write may write less than asked (signals, pipes, some file systems)."""

    def short_write(fd: int, data) -> int:
        return os.write(fd, bytes(data[: max(1, len(data) // 3)]))

    monkeypatch.setattr(safe_file, "os", PatchedOs(write=short_write))
    _add_unconfirmed(saved_vault)
    monkeypatch.undo()
    saved_vault.close()
    with Vault.open(vault_path, PASSPHRASE) as again, again.session() as session:
        assert session.get(Setting, "unconfirmed").value == "later"


def test_a_folder_fsync_failure_after_the_rename_counts_as_saved(
    saved_vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once os.replace has run the new vault is in place: the save must say so.

    Reporting failure here would claim "the previous version is unchanged"
    (false) and leave the vault unable to save again in this session.
    """
    generation = saved_vault.header.generation
    monkeypatch.setattr(safe_file, "os", PatchedOs(fsync=_fsync_only_files))
    _add_unconfirmed(saved_vault)
    assert saved_vault.header.generation == generation + 1
    saved_vault.save()
    monkeypatch.undo()
    saved_vault.close()
    with Vault.open(vault_path, PASSPHRASE) as again:
        assert again.header.generation == generation + 2


def test_a_payload_over_the_size_limit_is_refused_before_writing(
    saved_vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = vault_path.read_bytes()
    generation = saved_vault.header.generation
    monkeypatch.setattr(fmt, "MAX_PAYLOAD_BYTES", len(before) + 1000)
    with pytest.raises(InvalidInput) as caught, saved_vault.transaction() as session:
        session.add(Setting(key="unconfirmed", value="x" * 100_000))
    assert caught.value.key == "vault.too_large"
    assert vault_path.read_bytes() == before
    assert temp_files(vault_path) == []
    monkeypatch.undo()
    saved_vault.close()
    _assert_old_vault_intact(vault_path, before, generation)


def test_deleting_what_made_the_vault_too_large_lets_it_save_again(
    saved_vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deleted rows leave free pages that still count towards the size limit."""
    from sqlmodel import delete

    monkeypatch.setattr(fmt, "MAX_PAYLOAD_BYTES", vault_path.stat().st_size + 500_000)
    with pytest.raises(InvalidInput), saved_vault.transaction() as session:
        session.add(Setting(key="pasted", value="x" * 1_000_000))
    with saved_vault.transaction() as session:
        session.exec(delete(Setting).where(Setting.key == "pasted"))
        session.add(Setting(key="unconfirmed", value="later"))
    generation = saved_vault.header.generation
    saved_vault.close()
    with Vault.open(vault_path, PASSPHRASE) as again, again.session() as session:
        assert again.header.generation == generation
        assert session.get(Setting, "unconfirmed").value == "later"
        assert session.get(Setting, "pasted") is None


def test_save_refuses_when_the_file_was_replaced_underneath(
    saved_vault: Vault, vault_path: Path
) -> None:
    """Like KeePassXC: a vault swapped in by a sync tool or another copy is not overwritten."""
    other = vault_path.with_name("other.vault")
    Vault.create(other, "someone else").close()
    os.replace(other, vault_path)
    swapped = vault_path.read_bytes()
    with pytest.raises(DrieluikError) as caught:
        _add_unconfirmed(saved_vault)
    assert caught.value.key == "vault.changed_underneath"
    assert vault_path.read_bytes() == swapped
    assert temp_files(vault_path) == []


def test_save_refuses_when_the_file_was_deleted_underneath(
    saved_vault: Vault, vault_path: Path
) -> None:
    vault_path.unlink()
    with pytest.raises(DrieluikError):
        _add_unconfirmed(saved_vault)
    assert not vault_path.exists()
    assert temp_files(vault_path) == []


def test_create_never_replaces_a_file_that_appears_while_it_waits_for_the_lock(
    vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two `init`s at once: the second must not overwrite what the first created."""
    from drieluik.store import vault as vault_module

    real_acquire = vault_module._acquire

    def another_init_finishes_first(path: Path):
        monkeypatch.setattr(vault_module, "_acquire", real_acquire)
        Vault.create(path, "the other init").close()
        return real_acquire(path)

    monkeypatch.setattr(vault_module, "_acquire", another_init_finishes_first)
    with pytest.raises(InvalidInput):
        Vault.create(vault_path, PASSPHRASE)
    monkeypatch.undo()
    Vault.open(vault_path, "the other init").close()
    assert temp_files(vault_path) == []


# --- orphans -------------------------------------------------------------------


def test_orphaned_temp_files_are_removed_at_open(new_vault: Vault, vault_path: Path) -> None:
    new_vault.close()
    orphans = [vault_path.parent / f".{vault_path.name}.{n:012x}.tmp" for n in range(3)]
    for orphan in orphans:
        orphan.write_bytes(b"ciphertext left by a crash")
    unrelated = vault_path.parent / ".other.vault.0123456789ab.tmp"
    unrelated.write_bytes(b"not ours")
    Vault.open(vault_path, PASSPHRASE).close()
    assert temp_files(vault_path) == []
    assert unrelated.exists()


def test_orphan_cleanup_treats_the_vault_name_literally(tmp_path: Path) -> None:
    """A name with glob characters must not match another vault's temp files."""
    odd = tmp_path / "kluis [oud].vault"
    Vault.create(odd, PASSPHRASE).close()
    own_orphan = tmp_path / f".{odd.name}.aaaaaaaaaaaa.tmp"
    own_orphan.write_bytes(b"ours")
    neighbour = tmp_path / ".kluis o.vault.bbbbbbbbbbbb.tmp"  # matched by [oud] as a glob
    neighbour.write_bytes(b"another vault's save in progress")
    Vault.open(odd, PASSPHRASE).close()
    assert not own_orphan.exists()
    assert neighbour.exists()


# --- real resource limits ------------------------------------------------------

_FSIZE_CHILD = """
import resource, signal, sys
from pathlib import Path
from drieluik.errors import DrieluikError
from drieluik.store.models import Setting
from drieluik.store.vault import Vault

path = Path(sys.argv[1])
vault = Vault.open(path, "correct horse")
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of being killed
soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
resource.setrlimit(resource.RLIMIT_FSIZE, (path.stat().st_size + 4096, hard))
try:
    with vault.transaction() as session:
        session.add(Setting(key="unconfirmed", value="x" * 2_000_000))
except DrieluikError as exc:
    print("refused", exc.key, int(exc.exit_code))
    print(exc, file=sys.stderr)
else:
    print("saved")
"""


@needs_linux
def test_real_file_size_limit_leaves_the_old_vault(saved_vault: Vault, vault_path: Path) -> None:
    saved_vault.close()
    before = vault_path.read_bytes()
    proc = subprocess.run(
        [sys.executable, "-c", _FSIZE_CHILD, str(vault_path)],
        capture_output=True,
        encoding="utf-8",
        env=child_env(),
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["refused", "vault.save_failed", "1"]
    assert "disk full" in proc.stderr
    _assert_old_vault_intact(vault_path, before, 2)


@needs_linux
def test_a_full_disk_leaves_the_old_vault(tmp_path: Path) -> None:
    """A 1 MiB tmpfs: the old vault fits, the old one plus the new temp file do not."""
    with mounted_tmpfs(tmp_path / "small", "1m") as disk:
        path = disk / "full.vault"
        vault = Vault.create(path, PASSPHRASE)
        with vault.transaction() as session:
            session.add(Setting(key="confirmed", value="y" * 400_000))
        before = path.read_bytes()
        generation = vault.header.generation
        with pytest.raises(DrieluikError) as caught, vault.transaction() as session:
            session.add(Setting(key="unconfirmed", value="z" * 300_000))
        assert "disk full" in str(caught.value)
        vault.close()
        _assert_old_vault_intact(path, before, generation)
