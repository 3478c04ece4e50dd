"""Errors users can meet, each with its documented exit code (README, "Exit codes").

Every layer raises these; only the CLI and the TUI turn them into output.
The message is resolved from the catalogue when raised, in the current language.
"""

from __future__ import annotations

from enum import IntEnum

from drieluik.i18n import t


class ExitCode(IntEnum):
    OK = 0
    INVALID = 1  # invalid input or refused action
    USAGE = 2  # usage error (typer/click uses 2 as well)
    WRONG_PASSPHRASE = 3
    IN_USE = 4  # vault held by another process
    PII_BLOCKED = 5  # export blocked: personal data found
    DAMAGED = 7  # vault damaged or tampered with


class DrieluikError(Exception):
    """An error with a user-facing message and an exit code."""

    exit_code: ExitCode = ExitCode.INVALID

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(t(key, **params))

    @property
    def message(self) -> str:
        return str(self)


class InvalidInput(DrieluikError):
    exit_code = ExitCode.INVALID


class WrongPassphrase(DrieluikError):
    exit_code = ExitCode.WRONG_PASSPHRASE


class VaultInUse(DrieluikError):
    exit_code = ExitCode.IN_USE


class VaultReadOnly(DrieluikError):
    """A change to a vault opened read-only (read-only media, no write permission)."""

    exit_code = ExitCode.INVALID


class VaultDamaged(DrieluikError):
    exit_code = ExitCode.DAMAGED


class ExportBlocked(DrieluikError):
    exit_code = ExitCode.PII_BLOCKED


# SQLite's primary result codes for a damaged database (SQLITE_CORRUPT, SQLITE_NOTADB).
_SQLITE_DAMAGE_CODES = {11, 26}


def damaged_database(exc: BaseException) -> VaultDamaged | None:
    """SQLite saying the database inside the vault is damaged, as exit 7; else None.

    Opening does not run SQLite's integrity check (AES-GCM authenticates the
    file; docs/security.md), so damage made by a holder of the key shows at
    the query that meets it. That query's error (bare, or wrapped by
    SQLAlchemy as `.orig`) becomes the documented damage, not "unexpected".
    """
    import sqlite3

    cause = getattr(exc, "orig", None) or exc
    if not isinstance(cause, sqlite3.DatabaseError):
        return None
    code = getattr(cause, "sqlite_errorcode", None)
    if code is None or code & 0xFF not in _SQLITE_DAMAGE_CODES:
        return None
    return VaultDamaged("vault.database_damaged", detail=str(cause))
