"""Helpers for the vault and fault-injection tests (tests/store, tests/faults, tests/cli).

Real files, real crypto: these only run the program and look at what it left.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from drieluik.store.safe_file import temp_glob

IS_LINUX = sys.platform.startswith("linux")

needs_linux = pytest.mark.skipif(
    not IS_LINUX, reason="needs Linux (/proc, RLIMIT_FSIZE, SIGKILL or fcntl)"
)


@dataclass(frozen=True)
class CliResult:
    code: int
    stdout: str
    stderr: str


def run_cli(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60, input: str | None = None
) -> CliResult:
    """Run `python -m drieluik ARGS` in a subprocess with the test's environment.

    The test's isolated DRIELUIK_* variables are inherited; `env` adds to them.
    """
    full_env = dict(os.environ)
    full_env.pop("DRIELUIK_DEBUG", None)
    full_env.update(env or {})
    proc = subprocess.run(
        [sys.executable, "-m", "drieluik", *args],
        env=full_env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        input=input,
        stdin=None if input is not None else subprocess.DEVNULL,
    )
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


def assert_clean_refusal(result: CliResult, *codes: int) -> None:
    """One line on stderr, the expected exit code, and no traceback."""
    assert result.code in codes, (result.code, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout, result.stdout
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def temp_files(vault: Path) -> list[Path]:
    """Save temp files (`.<name>.*.tmp`) next to the vault."""
    return sorted(vault.parent.glob(temp_glob(vault)))


def flipped(data: bytes, position: int, mask: int = 0xFF) -> bytes:
    out = bytearray(data)
    out[position] ^= mask
    return bytes(out)


def child_env() -> dict[str, str]:
    """Environment for a Python child that must import the package under test."""
    env = dict(os.environ)
    env["PYTHONUNBUFFERED"] = "1"
    return env


@contextmanager
def mounted_tmpfs(where: Path, size: str, *, read_only: bool = False) -> Iterator[Path]:
    """A small tmpfs at `where` (Linux, needs mount rights); skips the test otherwise."""
    if not IS_LINUX or shutil.which("mount") is None:
        pytest.skip("needs Linux and mount(8)")
    where.mkdir(parents=True, exist_ok=True)
    options = f"size={size},mode=0755" + (",ro" if read_only else "")
    proc = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {proc.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


@contextmanager
def unwritable_folder(where: Path) -> Iterator[Path]:
    """A folder this process cannot create files in (root ignores mode bits: use a ro tmpfs)."""
    if sys.platform == "win32":
        pytest.skip("a read-only folder attribute does not stop file creation on Windows")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        with mounted_tmpfs(where, "1m", read_only=True) as folder:
            yield folder
        return
    where.mkdir(parents=True, exist_ok=True)
    where.chmod(0o555)
    try:
        yield where
    finally:
        where.chmod(0o755)


# Byte layout of a format-1 vault with one key slot, as docs/vault-format.md
# states it (offset, size). Tests patch fields by name through these.
FIXED_FIELDS = {
    "magic": (0, 8),
    "format_version": (8, 2),
    "header_length": (10, 2),
    "vault_id": (12, 16),
    "generation": (28, 8),
    "saved_at": (36, 8),
    "payload_nonce": (44, 12),
    "payload_length": (56, 8),
    "slot_count": (64, 1),
    "reserved": (65, 3),
}
SLOT_FIELDS = {
    "kind": (0, 1),
    "kdf_id": (1, 1),
    "slot_reserved": (2, 2),
    "memory_kib": (4, 4),
    "iterations": (8, 4),
    "lanes": (12, 4),
    "salt": (16, 16),
    "wrap_nonce": (32, 12),
    "wrapped_key": (44, 48),
    "slot_tail": (92, 4),
}
FIRST_SLOT = 68
SLOT_SIZE = 96
MAC_SIZE = 32
TAG_SIZE = 16


def field_span(name: str, slot: int = 0) -> tuple[int, int]:
    """(offset, size) of a header field; slot fields in key slot number `slot`."""
    if name in FIXED_FIELDS:
        return FIXED_FIELDS[name]
    offset, size = SLOT_FIELDS[name]
    return FIRST_SLOT + SLOT_SIZE * slot + offset, size


def with_field(data: bytes, name: str, value: int | bytes, slot: int = 0) -> bytes:
    """`data` with one header field replaced (integers little-endian)."""
    offset, size = field_span(name, slot)
    raw = value if isinstance(value, bytes) else value.to_bytes(size, "little")
    assert len(raw) == size
    return data[:offset] + raw + data[offset + size :]
