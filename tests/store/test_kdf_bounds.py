"""The KDF bounds a header may ask for are what `init` could ever calibrate on a
laptop (≤ 1 GiB, ≤ 10 passes, ≤ 4 GiB·passes), so a planted vault costs at most
a few seconds per unlock attempt, and every vault drieluik makes still opens."""

from __future__ import annotations

from pathlib import Path

import pytest

from drieluik.errors import VaultDamaged
from drieluik.store import kdf
from drieluik.store import vault_format as fmt
from drieluik.store.kdf import KdfParams
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.vault_testing import with_field

GIB_KIB = 1024 * 1024


@pytest.fixture
def sealed(new_vault: Vault, vault_path: Path) -> bytes:
    new_vault.close()
    return vault_path.read_bytes()


def _kdf_must_not_run(*args, **kwargs):
    raise AssertionError("the KDF ran on parameters that should have been refused")


@pytest.mark.parametrize(
    ("memory_kib", "iterations"),
    [
        (GIB_KIB + 1024, 3),  # over 1 GiB (2 GiB was allowed before)
        (2 * GIB_KIB, 3),
        (64 * 1024, 11),  # over 10 passes (64 were allowed before)
        (64 * 1024, 64),
        (GIB_KIB, 5),  # 5 GiB·passes: each allowed, together too much (was 16)
        (512 * 1024, 9),
        (2 * GIB_KIB, 8),  # the worst the old bounds allowed: 44 s, 2.1 GiB
    ],
)
def test_a_header_beyond_what_init_could_calibrate_is_refused_before_the_kdf(
    sealed: bytes,
    vault_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    memory_kib: int,
    iterations: int,
) -> None:
    monkeypatch.setattr(fmt, "derive_key", _kdf_must_not_run)
    hostile = with_field(with_field(sealed, "memory_kib", memory_kib), "iterations", iterations)
    vault_path.write_bytes(hostile)
    with pytest.raises(VaultDamaged) as info:
        Vault.open(vault_path, PASSPHRASE)
    assert info.value.key == "vault.kdf_refused" and info.value.exit_code == 7
    assert vault_path.read_bytes() == hostile


@pytest.mark.parametrize(
    ("memory_kib", "iterations"), [(GIB_KIB, 4), (512 * 1024, 8), (256 * 1024, 10)]
)
def test_the_largest_allowed_work_is_a_few_seconds_of_argon2id(
    memory_kib: int, iterations: int
) -> None:
    params = KdfParams(memory_kib, iterations)
    assert params.problem() is None
    # 256 MiB × 3 passes took 0.58 s on the reference machine (DESIGN.md §4):
    # 4 GiB·passes is ~5.3 times that, about 3 s.
    assert memory_kib * iterations <= kdf.OPEN_MAX_WORK_KIB == 4 * GIB_KIB


@pytest.mark.parametrize("target_seconds", [0.05, 0.5, 5.0, 60.0])
@pytest.mark.parametrize("gib_per_second", [0.5, 2.0, 50.0])
def test_calibration_never_chooses_what_opening_refuses(
    monkeypatch: pytest.MonkeyPatch, target_seconds: float, gib_per_second: float
) -> None:
    """A slow or absurdly fast laptop, a modest or a huge kdf_target_ms."""

    def simulated(params: KdfParams, salt: bytes) -> float:
        return params.memory_kib * params.iterations / GIB_KIB / gib_per_second

    monkeypatch.setattr(kdf, "_time_once", simulated)
    params, _ = kdf.calibrate(target_seconds)
    assert params.problem() is None, params
