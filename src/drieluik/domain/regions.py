"""The region profiles drieluik ships (`drieluik init --region KEY`).

Data only: one entry per region, read by `shipped()`. Sources of the
municipality lists (docs/regions.md says more):

- Drenthe: the twelve municipalities of the province, as drieluik had them
  hard-coded before profiles (alphabetical, the annual report's page order).
- Groningen: the ten municipalities of the province since the mergers of
  2019 (Het Hogeland, Midden-Groningen, Westerkwartier, Westerwolde, and
  Groningen with Haren and Ten Boer) and 2021 (Eemsdelta).
- IJsselland: the eleven municipalities of Veiligheidsregio IJsselland,
  the area of Zorg- en Veiligheidshuis IJsselland.

The meeting's name and the partners of Groningen and IJsselland are the usual
chain organisations of those regions; a chair changes what differs with
`drieluik region` (the profile in the vault is the one that counts).
"""

from __future__ import annotations

from typing import Any

from drieluik.domain.region import MunicipalityName, RegionProfile
from drieluik.domain.synonyms import PLACES

# The reporters every region has; a region adds its own Veilig Thuis, GGD, ...
_POLICE = ("Politie (AVIM)", "Politie (TMM)", "Politie")
_NATIONAL = ("KMar", "Nederlandse Arbeidsinspectie")

_DATA: dict[str, dict[str, Any]] = {
    "drenthe": {
        "name": "Drenthe",
        "meeting_name": "het Drieluik",
        "code_prefix": "DL",
        "municipalities": (
            "Aa en Hunze",
            "Assen",
            "Borger-Odoorn",
            "Coevorden",
            "De Wolden",
            "Emmen",
            "Hoogeveen",
            "Meppel",
            "Midden-Drenthe",
            "Noordenveld",
            "Tynaarlo",
            "Westerveld",
        ),
        "reporters": (
            "Veilig Thuis Drenthe",
            *_POLICE,
            "Zorginstelling",
            "Gemeente",
            *_NATIONAL,
            "RIEC Noord-Nederland",
            "Zorg- en Veiligheidshuis Drenthe",
            "COA / vluchtelingenketen",
            "CoMensha",
            "Time2Connect",
            "GGD Drenthe",
            "Overig",
        ),
        # Drenthe's chain is its reporters (as before profiles); partners add to them.
        "partners": (),
        "places": PLACES,
    },
    "groningen": {
        "name": "Groningen",
        "meeting_name": "het casusoverleg mensenhandel",
        "code_prefix": "GR",
        "municipalities": (
            "Eemsdelta",
            "Groningen",
            "Het Hogeland",
            "Midden-Groningen",
            "Oldambt",
            "Pekela",
            "Stadskanaal",
            "Veendam",
            "Westerkwartier",
            "Westerwolde",
        ),
        "reporters": (
            "Veilig Thuis Groningen",
            *_POLICE,
            "Zorginstelling",
            "Gemeente",
            *_NATIONAL,
            "RIEC Noord-Nederland",
            "Zorg- en Veiligheidshuis Groningen",
            "COA / vluchtelingenketen",
            "CoMensha",
            "GGD Groningen",
            "Overig",
        ),
        "partners": ("Openbaar Ministerie",),
        "places": {},
        "area": "provincie",
    },
    "ijsselland": {
        "name": "IJsselland",
        "meeting_name": "het casusoverleg mensenhandel",
        "code_prefix": "IJ",
        "municipalities": (
            "Dalfsen",
            "Deventer",
            "Hardenberg",
            "Kampen",
            "Olst-Wijhe",
            "Ommen",
            "Raalte",
            "Staphorst",
            "Steenwijkerland",
            "Zwartewaterland",
            "Zwolle",
        ),
        "reporters": (
            "Veilig Thuis IJsselland",
            *_POLICE,
            "Zorginstelling",
            "Gemeente",
            *_NATIONAL,
            "RIEC Oost-Nederland",
            "Zorg- en Veiligheidshuis IJsselland",
            "COA / vluchtelingenketen",
            "CoMensha",
            "GGD IJsselland",
            "Overig",
        ),
        "partners": ("Openbaar Ministerie",),
        "places": {},
        "area": "regio",
    },
}

DEFAULT_REGION = "drenthe"
REGION_KEYS = tuple(_DATA)


def shipped(key: str = DEFAULT_REGION) -> RegionProfile:
    """A shipped profile by key (KeyError when there is none)."""
    data = _DATA[key.strip().casefold()]
    return RegionProfile(
        key=key.strip().casefold(),
        name=data["name"],
        meeting_name=data["meeting_name"],
        code_prefix=data["code_prefix"],
        outside=f"buiten {data['name']}",
        municipalities=tuple(MunicipalityName(name) for name in data["municipalities"]),
        reporters=tuple(data["reporters"]),
        partners=tuple(data["partners"]),
        places=dict(data["places"]),
        area=data.get("area", "provincie"),
    )


def all_shipped() -> tuple[RegionProfile, ...]:
    return tuple(shipped(key) for key in REGION_KEYS)
