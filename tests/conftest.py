"""Fixtures every test shares.

`isolated_env` runs for every test: config, data and vault paths point into
the test's own tmp_path, and no DRIELUIK_* variable of the developer's shell
leaks in (a real DRIELUIK_PASSPHRASE or DRIELUIK_LANG would change results).
Area-specific fixtures belong in a conftest.py under that area's test folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from drieluik.i18n import set_language

PASSPHRASE = "correct horse"


@dataclass(frozen=True)
class IsolatedEnv:
    config_dir: Path
    data_dir: Path
    vault: Path


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[IsolatedEnv]:
    for name in list(os.environ):
        if name.startswith("DRIELUIK_"):
            monkeypatch.delenv(name)
    env = IsolatedEnv(
        config_dir=tmp_path / "config",
        data_dir=tmp_path / "data",
        vault=tmp_path / "drieluik.vault",
    )
    monkeypatch.setenv("DRIELUIK_CONFIG_DIR", str(env.config_dir))
    monkeypatch.setenv("DRIELUIK_DATA_DIR", str(env.data_dir))
    monkeypatch.setenv("DRIELUIK_VAULT", str(env.vault))
    # `drieluik init` calibrates Argon2id to this target; 1 ms means a single
    # run at the floor (64 MiB, t=3) instead of ~2 s of calibration per test.
    monkeypatch.setenv("DRIELUIK_KDF_TARGET_MS", "1")
    set_language(None)
    yield env
    set_language(None)


@pytest.fixture
def vault_path(isolated_env: IsolatedEnv) -> Path:
    """Where the vault of this test lives (also what DRIELUIK_VAULT points at)."""
    return isolated_env.vault


@pytest.fixture
def new_vault(vault_path: Path):
    """A freshly created, open vault with the default (minimum) KDF parameters."""
    from drieluik.store.vault import Vault

    vault = Vault.create(vault_path, PASSPHRASE)
    yield vault
    vault.close()
