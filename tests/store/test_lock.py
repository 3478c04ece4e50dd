"""One process at a time: a second opener is refused; a killed holder frees the lock."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from drieluik.errors import InvalidInput, VaultInUse, WrongPassphrase
from drieluik.store import lock
from drieluik.store.vault import Vault, lock_path
from tests.conftest import PASSPHRASE
from tests.vault_testing import assert_clean_refusal, child_env, needs_linux, run_cli

_HOLDER = """
import sys, time
from pathlib import Path
from drieluik.store.vault import Vault
vault = Vault.open(Path(sys.argv[1]), "correct horse")
print("ready", flush=True)
time.sleep(120)
"""


def start_holder(path: Path) -> subprocess.Popen:
    """A child process that opens the vault and keeps it open until killed."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        encoding="utf-8",
        env=child_env(),
    )
    line = holder.stdout.readline()
    if line.strip() != "ready":
        holder.kill()
        raise AssertionError(f"holder did not start: {line!r} {holder.stderr.read()}")
    return holder


def test_a_second_open_in_the_same_process_is_refused(new_vault: Vault, vault_path: Path) -> None:
    with pytest.raises(VaultInUse) as caught:
        Vault.open(vault_path, PASSPHRASE)
    assert caught.value.exit_code == 4
    new_vault.close()
    Vault.open(vault_path, PASSPHRASE).close()


def test_a_failed_open_releases_the_lock(new_vault: Vault, vault_path: Path) -> None:
    new_vault.close()
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, "wrong")
    Vault.open(vault_path, PASSPHRASE).close()


def test_the_lock_file_stays_empty_and_is_never_the_vault(
    new_vault: Vault, vault_path: Path
) -> None:
    lock = lock_path(vault_path)
    assert lock.name == vault_path.name + ".lock"
    assert lock.exists() and lock.stat().st_size == 0
    new_vault.close()
    assert lock.exists()  # removing it would race with the next opener


@needs_linux
def test_another_process_is_refused_until_the_holder_is_killed(
    new_vault: Vault, vault_path: Path
) -> None:
    new_vault.close()
    holder = start_holder(vault_path)
    try:
        with pytest.raises(VaultInUse):
            Vault.open(vault_path, PASSPHRASE)
        result = run_cli("check", env={"DRIELUIK_PASSPHRASE": PASSPHRASE})
        assert_clean_refusal(result, 4)
        result = run_cli("check", env={"DRIELUIK_PASSPHRASE": PASSPHRASE, "DRIELUIK_LANG": "en"})
        assert "already open in another drieluik process" in result.stderr
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=30)
        holder.stdout.close()
        holder.stderr.close()
    assert holder.returncode == -signal.SIGKILL
    # The kernel dropped the lock with the process: no stale lock, no PID file.
    with Vault.open(vault_path, PASSPHRASE) as again:
        assert again.header.generation == 1
    assert run_cli("check", env={"DRIELUIK_PASSPHRASE": PASSPHRASE}).code == 0


# --- both lock backends -------------------------------------------------------------


class StandInMsvcrt:
    """msvcrt.locking as Windows documents it, for running MsvcrtBackend on POSIX.

    Windows locks bytes from the file's current position, per open handle, and
    LK_NBLCK fails at once with OSError when another handle holds them. The
    stand-in keeps the locked ranges per open file (like handles) and records
    every call, so the test can see where the backend locked and unlocked.
    """

    LK_UNLCK, LK_NBLCK = 0, 2

    def __init__(self) -> None:
        self.calls: list[tuple[str, int, int]] = []
        self._held: dict[tuple[int, int], int] = {}  # (inode, offset) -> fd

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        position = os.lseek(fd, 0, os.SEEK_CUR)
        key = (os.fstat(fd).st_ino, position)
        self.calls.append(("lock" if mode == self.LK_NBLCK else "unlock", position, nbytes))
        if mode == self.LK_NBLCK:
            if key in self._held:
                raise PermissionError(13, "Permission denied")
            self._held[key] = fd
        elif self._held.get(key) != fd:
            raise PermissionError(13, "Permission denied")  # unlocking what is not locked
        else:
            del self._held[key]


def _backends() -> list:
    found = []
    if lock.fcntl is not None:
        found.append(pytest.param(lambda: lock.FlockBackend(), id="flock"))
    if sys.platform == "win32":
        found.append(pytest.param(lambda: lock.MsvcrtBackend(), id="msvcrt"))
    stand_in = StandInMsvcrt()
    found.append(pytest.param(lambda: lock.MsvcrtBackend(stand_in), id="msvcrt-stand-in"))
    return found


@pytest.mark.parametrize("make_backend", _backends())
def test_each_backend_refuses_a_second_holder_until_released(tmp_path: Path, make_backend) -> None:
    backend = make_backend()
    path = tmp_path / "v.vault.lock"
    first = lock.ProcessLock(path, backend)
    first.acquire()
    with open(path, "rb+") as other_handle:  # moving another handle changes nothing
        other_handle.seek(5)
    second = lock.ProcessLock(path, backend)
    with pytest.raises(lock.LockBusy):
        second.acquire()
    assert first.held and not second.held
    first.release()
    second.acquire()
    second.release()
    assert not second.held
    if isinstance(backend, lock.MsvcrtBackend) and isinstance(backend.msvcrt, StandInMsvcrt):
        # Always the first byte, whatever the position was: locked, refused, unlocked, ...
        assert {(offset, size) for _, offset, size in backend.msvcrt.calls} == {(0, 1)}


def test_the_windows_backend_opens_a_vault_on_posix_too(
    new_vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The msvcrt path through Vault.open: refused while held, free after close."""
    new_vault.close()
    stand_in = StandInMsvcrt()
    monkeypatch.setattr(lock, "default_backend", lambda: lock.MsvcrtBackend(stand_in))
    with Vault.open(vault_path, PASSPHRASE), pytest.raises(VaultInUse):
        Vault.open(vault_path, PASSPHRASE)
    Vault.open(vault_path, PASSPHRASE).close()
    assert [kind for kind, _, _ in stand_in.calls] == ["lock", "lock", "unlock", "lock", "unlock"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_lock_path_that_is_a_symlink_is_refused_and_nothing_is_created(
    new_vault: Vault, vault_path: Path, tmp_path: Path
) -> None:
    new_vault.close()
    elsewhere = tmp_path / "x"
    elsewhere.mkdir()
    target = elsewhere / "new"
    link = lock_path(vault_path)
    link.unlink()
    try:
        link.symlink_to(target)
    except OSError as exc:  # Windows without the symlink privilege
        pytest.skip(f"cannot create a symbolic link: {exc}")
    with pytest.raises(InvalidInput) as caught:
        Vault.open(vault_path, PASSPHRASE)
    assert caught.value.key == "vault.lock_unsafe"
    assert not target.exists()
    result = run_cli("check", env={"DRIELUIK_PASSPHRASE": PASSPHRASE})
    assert_clean_refusal(result, 1)
    assert not target.exists()
    # A link to an existing file is refused as well (never locks or truncates it).
    target.write_bytes(b"keep")
    with pytest.raises(InvalidInput):
        Vault.open(vault_path, PASSPHRASE)
    assert target.read_bytes() == b"keep"


def test_a_lock_path_that_is_not_a_file_is_refused(new_vault: Vault, vault_path: Path) -> None:
    new_vault.close()
    link = lock_path(vault_path)
    link.unlink()
    link.mkdir()
    with pytest.raises((InvalidInput, VaultInUse)):
        Vault.open(vault_path, PASSPHRASE)
