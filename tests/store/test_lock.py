"""One process at a time: a second opener is refused; a killed holder frees the lock."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from drieluik.errors import VaultInUse, WrongPassphrase
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
        text=True,
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
