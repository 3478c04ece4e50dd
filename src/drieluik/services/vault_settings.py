"""Settings about the data, kept in the vault's `settings` table.

Preferences about the program (language, theme) live in the config file
(`drieluik.settings`); whatever belongs to the data itself — the retention
period — travels with the data, encrypted. Each setting is declared once here
with its type, default and bounds; a stored value that no longer parses
(hand-edited, or from a future version) falls back to the default.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from drieluik.domain.vocabulary import DEFAULT_PLANNED_MINUTES, MAX_PLANNED_MINUTES, AgendaReason
from drieluik.errors import InvalidInput
from drieluik.services import audit
from drieluik.store.models import Setting
from drieluik.store.vault import Vault


@dataclass(frozen=True)
class IntSetting:
    key: str
    default: int
    minimum: int
    maximum: int

    def parse(self, raw: str | None) -> int:
        try:
            value = int(raw) if raw is not None else self.default
        except ValueError:
            return self.default
        return value if self.minimum <= value <= self.maximum else self.default

    def check(self, value: int) -> int:
        if not self.minimum <= value <= self.maximum:
            raise InvalidInput(
                "setting.out_of_range",
                key=self.key,
                value=value,
                minimum=self.minimum,
                maximum=self.maximum,
            )
        return value


# Years a closed case is kept before `drieluik retention` offers it for
# destruction (docs/privacy.md explains the default of 5).
RETENTION_YEARS = IntSetting("retention_years", default=5, minimum=1, maximum=30)

# The time-box an agenda item gets when it is added, per reason, in minutes
# (defaults in the domain: DEFAULT_PLANNED_MINUTES). Key e.g.
# `planned_minutes_nieuw_signaal`.
PLANNED_MINUTES = {
    reason: IntSetting(
        f"planned_minutes_{reason.name.lower()}",
        default=minutes,
        minimum=1,
        maximum=MAX_PLANNED_MINUTES,
    )
    for reason, minutes in DEFAULT_PLANNED_MINUTES.items()
}


def planned_minutes(session: Session, reason: AgendaReason) -> int:
    return read(session, PLANNED_MINUTES[reason])


def read(session: Session, setting: IntSetting) -> int:
    """The value inside an existing session or transaction."""
    row = session.get(Setting, setting.key)
    return setting.parse(row.value if row else None)


def get(vault: Vault, setting: IntSetting) -> int:
    with vault.session() as session:
        return read(session, setting)


def put(vault: Vault, setting: IntSetting, value: int) -> None:
    """Store a new value (audited as `settings.<key>`, without the value)."""
    setting.check(value)
    with vault.session() as session:
        row = session.get(Setting, setting.key)
        if row is not None and row.value == str(value):
            return
    with vault.transaction() as session:
        row = session.get(Setting, setting.key)
        if row is None:
            session.add(Setting(key=setting.key, value=str(value)))
        else:
            row.value = str(value)
            session.add(row)
        audit.record(session, f"settings.{setting.key}")
