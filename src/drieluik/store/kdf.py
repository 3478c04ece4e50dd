"""Passphrase → key-encryption key with Argon2id, calibrated and bounds-checked."""

from __future__ import annotations

import time
import unicodedata
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

KDF_ARGON2ID = 1

# Never create below RFC 9106's second recommended choice (64 MiB, t=3, p=4).
MIN_MEMORY_KIB = 64 * 1024
MIN_ITERATIONS = 3
DEFAULT_LANES = 4
# Calibration stops growing memory here: a chair's laptop may have 8 GiB.
MAX_CALIBRATED_MEMORY_KIB = 1024 * 1024
CALIBRATION_TARGET_SECONDS = 0.5

# What an opened header may ask for. Checked *before* running the KDF, so a
# tampered header cannot make us allocate terabytes or spin for hours. The
# bounds are what `calibrate` could ever choose on a laptop (it stops at
# MAX_CALIBRATED_MEMORY_KIB and keeps within these), so a planted file costs
# one Argon2id of at most 1 GiB and 4 GiB·passes: about 3 s here
# (docs/vault-format.md, "Bounds checked before the KDF runs").
OPEN_MAX_MEMORY_KIB = MAX_CALIBRATED_MEMORY_KIB
OPEN_MAX_ITERATIONS = 10
OPEN_MAX_LANES = 16
OPEN_MAX_WORK_KIB = 4 * 1024 * 1024  # memory × passes


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int = MIN_MEMORY_KIB
    iterations: int = MIN_ITERATIONS
    lanes: int = DEFAULT_LANES
    kdf_id: int = KDF_ARGON2ID

    def problem(self) -> str | None:
        """Why these parameters may not be run, or None when they are acceptable."""
        if self.kdf_id != KDF_ARGON2ID:
            return f"unknown KDF id {self.kdf_id}"
        if not MIN_MEMORY_KIB <= self.memory_kib <= OPEN_MAX_MEMORY_KIB:
            return f"memory {self.memory_kib} KiB"
        if not MIN_ITERATIONS <= self.iterations <= OPEN_MAX_ITERATIONS:
            return f"iterations {self.iterations}"
        if not 1 <= self.lanes <= OPEN_MAX_LANES:
            return f"lanes {self.lanes}"
        if self.memory_kib * self.iterations > OPEN_MAX_WORK_KIB:
            return f"work {self.memory_kib} KiB × {self.iterations}"
        if self.memory_kib < 8 * self.lanes:
            return "memory below 8 × lanes"
        return None

    def describe(self) -> str:
        return f"Argon2id m={self.memory_kib // 1024} MiB t={self.iterations} p={self.lanes}"


def normalise_passphrase(passphrase: str) -> bytes:
    """NFC, so the same passphrase typed on macOS and Windows gives the same key."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8", "surrogatepass")


def derive_key(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    problem = params.problem()
    if problem is not None:
        raise ValueError(problem)
    return Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(secret)


def calibrate(target_seconds: float = CALIBRATION_TARGET_SECONDS) -> tuple[KdfParams, float]:
    """Pick Argon2id parameters that take about `target_seconds` here.

    Starts at the floor (64 MiB, t=3) and doubles memory while that stays
    under the target, then adds passes. Returns the parameters and the
    measured seconds of the last run.
    """
    params = KdfParams()
    salt = b"\0" * 16
    elapsed = _time_once(params, salt)
    while elapsed * 2 <= target_seconds and params.memory_kib * 2 <= MAX_CALIBRATED_MEMORY_KIB:
        params = KdfParams(params.memory_kib * 2, params.iterations, params.lanes)
        elapsed = _time_once(params, salt)
    if elapsed < target_seconds * 0.75:
        per_pass = elapsed / params.iterations
        passes = min(OPEN_MAX_ITERATIONS, max(params.iterations, round(target_seconds / per_pass)))
        while params.memory_kib * passes > OPEN_MAX_WORK_KIB:
            passes -= 1
        params = KdfParams(params.memory_kib, passes, params.lanes)
        elapsed = per_pass * passes
    return params, elapsed


def _time_once(params: KdfParams, salt: bytes) -> float:
    start = time.perf_counter()
    derive_key(b"calibration", salt, params)
    return time.perf_counter() - start
