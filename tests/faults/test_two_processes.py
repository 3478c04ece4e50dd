"""Fault injection: several processes race to open one vault; exactly one wins,
the others are refused with VaultInUse (exit 4), and the vault is unharmed."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.vault_testing import child_env, needs_linux

_RACER = """
import sys, time
from pathlib import Path
from drieluik.errors import VaultInUse
from drieluik.store.models import Setting
from drieluik.store.vault import Vault

path, start, name = Path(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
while time.time() < start:
    time.sleep(0.001)
try:
    vault = Vault.open(path, "correct horse")
except VaultInUse as exc:
    print("refused", int(exc.exit_code))
else:
    with vault.transaction() as session:
        session.add(Setting(key="winner", value=name))
    print("won", flush=True)
    sys.stdin.read()  # hold the vault until the test has seen every other racer refused
    vault.close()
"""

RACERS = 4


@pytest.mark.slow
@needs_linux
def test_racing_openers_exactly_one_wins(new_vault: Vault, vault_path: Path) -> None:
    new_vault.close()
    start = time.time() + 3  # after every racer has imported drieluik
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", _RACER, str(vault_path), str(start), f"racer{i}"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            encoding="utf-8",
            env=child_env(),
        )
        for i in range(RACERS)
    ]
    deadline = time.time() + 120
    while sum(r.poll() is not None for r in racers) < RACERS - 1 and time.time() < deadline:
        time.sleep(0.05)
    outcomes = []
    for racer in racers:
        out, err = racer.communicate(input="", timeout=120)
        assert racer.returncode == 0, err
        outcomes.append(out.split())
    assert sorted(outcomes) == [["refused", "4"]] * (RACERS - 1) + [["won"]], outcomes
    from drieluik.store.models import Setting

    with Vault.open(vault_path, PASSPHRASE) as vault, vault.session() as session:
        assert session.get(Setting, "winner").value.startswith("racer")
        assert vault.header.generation == 2
