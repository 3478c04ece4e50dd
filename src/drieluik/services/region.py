"""The vault's region profile: which region's municipalities and partners it uses.

Kept in the vault's `settings` table under `region_profile` (JSON,
`RegionProfile.to_json`), encrypted with everything else, like the allow-list
and the vault settings. Migration 8 gives a vault made before profiles the
Drenthe profile, exactly the lists drieluik had hard-coded; `drieluik init
--region` chooses another shipped profile (`domain/regions.py`).

Every service that needs a municipality or reporter list asks `read(session)`
or `get(vault)`; the domain gets the profile passed in. Edits (`add_municipality`,
`rename_municipality`) are audited as `settings.region_profile`, without
names, like the other settings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from functools import cache

from sqlmodel import Session

from drieluik.domain.region import RegionEditError, RegionProfile
from drieluik.domain.regions import DEFAULT_REGION, REGION_KEYS, shipped
from drieluik.domain.text import clean_short_text
from drieluik.errors import InvalidInput
from drieluik.i18n import t
from drieluik.services import audit
from drieluik.store.models import Setting
from drieluik.store.vault import Vault

SETTING_KEY = "region_profile"


def shipped_profile(key: str) -> RegionProfile:
    """A shipped profile by key; InvalidInput naming the keys when there is none."""
    try:
        return shipped(key)
    except KeyError:
        raise InvalidInput("region.unknown", key=key, keys=", ".join(REGION_KEYS)) from None


@cache
def default_profile() -> RegionProfile:
    """Drenthe's shipped profile: what a vault without a stored one uses."""
    return shipped(DEFAULT_REGION)


def read(session: Session) -> RegionProfile:
    """The vault's profile inside a session (Drenthe when none is stored or it does
    not parse: a hand-edited or future value never stops the vault from opening)."""
    row = session.get(Setting, SETTING_KEY)
    if row is not None:
        try:
            return RegionProfile.from_json(row.value)
        except (ValueError, KeyError, TypeError):
            pass
    return default_profile()


def get(vault: Vault) -> RegionProfile:
    with vault.session() as session:
        return read(session)


def _store(session: Session, profile: RegionProfile) -> None:
    row = session.get(Setting, SETTING_KEY)
    if row is None:
        session.add(Setting(key=SETTING_KEY, value=profile.to_json()))
    else:
        row.value = profile.to_json()
        session.add(row)
    audit.record(session, f"settings.{SETTING_KEY}")


def choose(vault: Vault, key: str) -> RegionProfile:
    """Give the vault the shipped profile `key` (at `init` and for a demo).

    Nothing is written when the vault has it already (a new vault has
    Drenthe's from migration 8: `init` without --region saves only once)."""
    profile = shipped_profile(key)
    with vault.session() as session:
        stored = read(session) if session.get(Setting, SETTING_KEY) is not None else None
    if stored == profile and stored is not None and dict(stored.places) == dict(profile.places):
        return profile
    with vault.transaction() as session:
        _store(session, profile)
    return profile


def _name(value: str) -> str:
    return clean_short_text(t("region.field.municipality"), value)


def _edit(vault: Vault, change: Callable[[RegionProfile], RegionProfile]) -> RegionProfile:
    with vault.transaction() as session:
        try:
            profile = change(read(session))
        except RegionEditError as error:
            raise InvalidInput(error.key, **error.params) from None
        _store(session, profile)
    return profile


def set_meeting_name(vault: Vault, name: str) -> RegionProfile:
    """The meeting's name as the region calls it ("het Drieluik"): the minutes' title
    and the meeting screens use it."""
    cleaned = clean_short_text(t("region.field.meeting_name"), name)
    if not cleaned:
        raise InvalidInput("region.meeting_name_empty")
    return _edit(vault, lambda profile: replace(profile, meeting_name=cleaned))


def add_municipality(vault: Vault, name: str, since: date | None = None) -> RegionProfile:
    """Add a municipality to the vault's region (from `since`, or always)."""
    cleaned = _name(name)
    return _edit(vault, lambda profile: profile.with_municipality(cleaned, since))


def rename_municipality(vault: Vault, old: Iterable[str], new: str, on: date) -> RegionProfile:
    """`old` is called `new` from `on`: one old name is a rename, several a merger.

    Cases keep the name they were stored with; the report counts a year by the
    names in force at its end (`RegionProfile.name_in_year`), so earlier
    years keep the old names and the year of `on` onwards has the new one.
    """
    cleaned_new = _name(new)

    def change(profile: RegionProfile) -> RegionProfile:
        names = []
        for name in old:
            found = profile.parse_municipality(name)
            if found is None or profile.entry(found) is None:
                raise RegionEditError("region.unknown_municipality", name=name)
            names.append(found)
        return profile.with_rename(names, cleaned_new, on)

    return _edit(vault, change)
