"""Memory hygiene while a vault is open: no core dump, not dumpable (Linux), and the
data key's page locked in memory where the platform allows it unprivileged."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

from tests.conftest import PASSPHRASE
from tests.vault_testing import child_env, needs_linux

_CHILD = r"""
import resource, sys
from drieluik.store import hardening
from drieluik.store.vault import Vault

before = hardening.is_dumpable()
vault = Vault.open(sys.argv[1], sys.argv[2])
status = dict(
    line.split(":", 1) for line in open("/proc/self/status").read().splitlines() if ":" in line
)
print(before, hardening.is_dumpable(), resource.getrlimit(resource.RLIMIT_CORE)[1],
      status["VmLck"].split()[0])
vault.close()
"""


@needs_linux
def test_an_open_vault_leaves_a_process_without_core_dumps_or_ptrace(
    new_vault, vault_path: Path
) -> None:
    new_vault.close()
    limit = resource.getrlimit(resource.RLIMIT_MEMLOCK)[0]
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(vault_path), PASSPHRASE],
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout.split()
    before, after, core, locked_kib = out
    assert (before, after, core) == ("True", "False", "0")
    if limit == resource.RLIM_INFINITY or limit >= 64 * 1024:
        assert int(locked_kib) >= 4  # the data key's page
