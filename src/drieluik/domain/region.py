"""A region profile: whose case meeting this vault is for (issue 17, part 2).

There are 25 Zorg- en Veiligheidshuis regions, each with its own case meeting
on human trafficking, its own municipalities and partners. A profile holds
what differs: the region's name, the meeting's name, the municipalities (in the
order the region's annual report lists them, with the date a name came into
or went out of use), the usual reporting and partner organisations and the
case-code prefix. The shipped profiles are data (`domain/regions.py`); the
vault keeps its own copy, encrypted (`services/region.py`), so that a merger
can be entered without a new release.

Everything here is pure: a profile is a frozen value, an edit returns a new
one. Which name counts in a year: the name in force on the last day of that
year (`names_in_year`, `name_in_year`), so a merger dated 1 January 2027
leaves 2026 and earlier under the old names and counts 2027 under the new one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from drieluik.domain.synonyms import fold, is_unknown_marker, municipality_key

UNKNOWN = "onbekend"  # the stored value for an unknown municipality, in every region
PROFILE_VERSION = 1
# Ways sheets write "outside the region", besides "buiten <region>".
_OUTSIDE_WORDS = ("buiten provincie", "buiten de regio", "buiten regio", "elders")


@dataclass(frozen=True)
class MunicipalityName:
    """One name in a region's list, with the dates it is in force.

    `since`: the first day it applies (None: always); `until`: the first day it
    no longer applies (None: still), from which `successor` is the name.
    """

    name: str
    since: date | None = None
    until: date | None = None
    successor: str | None = None

    def in_force(self, on: date) -> bool:
        return (self.since is None or self.since <= on) and (self.until is None or on < self.until)

    def as_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "successor": self.successor,
        }


@dataclass(frozen=True)
class RegionProfile:
    key: str  # "drenthe"
    name: str  # "Drenthe"
    meeting_name: str  # "het Drieluik"
    code_prefix: str  # "DL": case codes DL-2024-017
    outside: str  # "buiten Drenthe": the stored value for a signal from outside the region
    municipalities: tuple[MunicipalityName, ...]  # every name ever, in report order
    reporters: tuple[str, ...]  # the usual reporting organisations, "Overig" last
    partners: tuple[str, ...]  # the organisations at the table
    # Towns and villages (woonplaatsen) per municipality, for imports that
    # have a place instead of a municipality.
    places: Mapping[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    # What the region is, for "Cijfers provincie Drenthe" / "Cijfers regio IJsselland".
    area: str = "provincie"  # "provincie" or "regio"

    # --- reading ----------------------------------------------------------------

    def names_on(self, day: date) -> tuple[str, ...]:
        """The municipalities in force on `day`, in report order."""
        return tuple(m.name for m in self.municipalities if m.in_force(day))

    def names_in_year(self, year: int) -> tuple[str, ...]:
        """The municipalities a report of `year` lists: those in force on 31 December."""
        return self.names_on(date(year, 12, 31))

    def all_names(self) -> tuple[str, ...]:
        return tuple(m.name for m in self.municipalities)

    def entry(self, name: str) -> MunicipalityName | None:
        return next((m for m in self.municipalities if m.name == name), None)

    def name_in_year(self, name: str, year: int) -> str:
        """The name a stored municipality counts under in `year`'s report.

        Follows renames and mergers dated on or before 31 December of `year`;
        a name the profile does not know is returned unchanged.
        """
        last = date(year, 12, 31)
        seen: set[str] = set()
        while (entry := self.entry(name)) is not None and name not in seen:
            seen.add(name)
            if entry.until is None or entry.until > last or not entry.successor:
                break
            name = entry.successor
        return name

    def choices(self, day: date, keep: str | None = None) -> tuple[str, ...]:
        """What a picker offers on `day`: the municipalities in force, outside the
        region, unknown; plus `keep` (a case's stored value) when it is not among them."""
        names = (*self.names_on(day), self.outside, UNKNOWN)
        return names if keep is None or keep in names else (keep, *names)

    def parse_municipality(self, text: str) -> str | None:
        """'Midden Drenthe', 'gemeente Assen', 'Emmen (centrum)', 'onb.' → the stored name.

        Former names are accepted (an old signal keeps the name of its time).
        """
        found = self._by_fold().get(fold(text)) or self._by_fold().get(municipality_key(text))
        if found is None and is_unknown_marker(text):
            return UNKNOWN
        return found

    def place_municipality(self, text: str) -> str | None:
        """The municipality a town or village of the region lies in, or None."""
        key = municipality_key(text)
        for municipality, towns in self.places.items():
            if any(fold(town) == key for town in towns):
                return municipality
        return None

    def canonical_reporter(self, name: str) -> str | None:
        """The profile's spelling of a usual reporting organisation, or None."""
        folded = fold(name)
        return next((r for r in self.reporters if fold(r) == folded), None)

    @property
    def meeting_title(self) -> str:
        """The meeting's name as a title begins: "Het Drieluik"."""
        return self.meeting_name[:1].upper() + self.meeting_name[1:]

    @property
    def meeting_short(self) -> str:
        """The meeting's name without its article, as in "Verslag Drieluik 14 maart 2024"."""
        for article in ("het ", "de ", "the "):
            if self.meeting_name.casefold().startswith(article):
                return self.meeting_name[len(article) :]
        return self.meeting_name

    def organisations(self) -> tuple[str, ...]:
        """The reporters (not "Overig"), then the other partners, each once."""
        generic = {"overig"}
        seen: dict[str, str] = {}
        for name in (*self.reporters, *self.partners):
            if fold(name) not in generic:
                seen.setdefault(fold(name), name)
        return tuple(seen.values())

    def _by_fold(self) -> dict[str, str]:
        table = {fold(m.name): m.name for m in self.municipalities}
        table[fold(UNKNOWN)] = UNKNOWN
        for word in (self.outside, *_OUTSIDE_WORDS):
            table[fold(word)] = self.outside
        return table

    # --- editing (each returns a new profile) ---------------------------------------

    def with_municipality(self, name: str, since: date | None = None) -> RegionProfile:
        """The profile with a new municipality at the end of the list."""
        self._check_new(name)
        return replace(self, municipalities=(*self.municipalities, MunicipalityName(name, since)))

    def with_rename(self, old: Iterable[str], new: str, on: date) -> RegionProfile:
        """`old` (one name: a rename; several: a merger) is `new` from `on`.

        The old names stay in the list, in force until the day before `on`, so
        earlier years keep them; `new` takes the place of the first old name
        (or keeps its own place when it is one of the municipalities already,
        as when a municipality absorbs a neighbour).
        """
        olds = list(dict.fromkeys(old))
        if not olds:
            raise RegionEditError("region.rename_nothing")
        for name in olds:
            entry = self.entry(name)
            if entry is None:
                raise RegionEditError("region.unknown_municipality", name=name)
            if not entry.in_force(on):
                raise RegionEditError("region.not_in_force", name=name, date=on)
        if new in olds:
            raise RegionEditError("region.rename_same", name=new)
        existing = self.entry(new)
        if existing is None:
            self._check_new(new)
        elif not existing.in_force(on):
            raise RegionEditError("region.not_in_force", name=new, date=on)
        ended: dict[str, MunicipalityName] = {}
        for name in olds:
            ending = self.entry(name)
            assert ending is not None  # checked above
            ended[name] = replace(ending, until=on, successor=new)
        result: list[MunicipalityName] = []
        for entry in self.municipalities:
            result.append(ended.get(entry.name, entry))
            if existing is None and entry.name == olds[0]:
                result.append(MunicipalityName(new, since=on))
        return replace(self, municipalities=tuple(result))

    def _check_new(self, name: str) -> None:
        if not name.strip():
            raise RegionEditError("region.name_empty")
        if fold(name) in self._by_fold():
            raise RegionEditError("region.name_exists", name=name)

    # --- stored form ----------------------------------------------------------------

    def to_json(self) -> str:
        return json.dumps(
            {
                "version": PROFILE_VERSION,
                "key": self.key,
                "name": self.name,
                "meeting_name": self.meeting_name,
                "code_prefix": self.code_prefix,
                "outside": self.outside,
                "municipalities": [m.as_json() for m in self.municipalities],
                "reporters": list(self.reporters),
                "partners": list(self.partners),
                "places": {k: list(v) for k, v in self.places.items()},
                "area": self.area,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> RegionProfile:
        """The stored profile; ValueError when it is not one."""
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("version") != PROFILE_VERSION:
            raise ValueError("not a region profile of this version")

        def day(value: object) -> date | None:
            return date.fromisoformat(value) if isinstance(value, str) else None

        return cls(
            key=str(data["key"]),
            name=str(data["name"]),
            meeting_name=str(data["meeting_name"]),
            code_prefix=str(data["code_prefix"]),
            outside=str(data["outside"]),
            municipalities=tuple(
                MunicipalityName(
                    str(m["name"]), day(m.get("since")), day(m.get("until")), m.get("successor")
                )
                for m in data["municipalities"]
            ),
            reporters=tuple(str(r) for r in data["reporters"]),
            partners=tuple(str(p) for p in data["partners"]),
            places={str(k): tuple(v) for k, v in (data.get("places") or {}).items()},
            # Absent in profiles stored before it existed (Drenthe's, migration 8).
            area="regio" if data.get("area") == "regio" else "provincie",
        )


class RegionEditError(ValueError):
    """An edit that does not fit the profile; `key` is the message key."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
