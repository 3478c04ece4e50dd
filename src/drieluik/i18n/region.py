"""Messages of the region profile (issue 17): `init --region`, `drieluik region`."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "region.unknown": {
        "nl": "Onbekende regio '{key}' (kies uit: {keys}).",
        "en": "Unknown region '{key}' (choose from: {keys}).",
    },
    "region.field.municipality": {"nl": "gemeente", "en": "municipality"},
    "region.field.meeting_name": {"nl": "naam van het overleg", "en": "meeting name"},
    "region.meeting_name_empty": {
        "nl": "De naam van het overleg is leeg.",
        "en": "The meeting's name is empty.",
    },
    "region.meeting_named": {
        "nl": "Het overleg heet nu {name}.",
        "en": "The meeting is now called {name}.",
    },
    "region.unknown_municipality": {
        "nl": "Gemeente '{name}' staat niet in het regioprofiel (zie `drieluik region show`).",
        "en": "Municipality '{name}' is not in the region profile (see `drieluik region show`).",
    },
    "region.not_in_force": {
        "nl": "Gemeente '{name}' geldt niet op {date}.",
        "en": "Municipality '{name}' does not apply on {date}.",
    },
    "region.rename_same": {
        "nl": "De nieuwe naam '{name}' is ook een van de oude.",
        "en": "The new name '{name}' is also one of the old ones.",
    },
    "region.rename_nothing": {
        "nl": "Geen gemeente om te hernoemen.",
        "en": "No municipality to rename.",
    },
    "region.rename_needs_two": {
        "nl": "Geef de oude naam (of namen) en dan de nieuwe.",
        "en": "Give the old name (or names), then the new one.",
    },
    "region.name_empty": {
        "nl": "De naam van de gemeente is leeg.",
        "en": "The municipality's name is empty.",
    },
    "region.name_exists": {
        "nl": "'{name}' staat al in het regioprofiel.",
        "en": "'{name}' is already in the region profile.",
    },
    "region.added": {
        "nl": "Gemeente {name} toegevoegd aan {region}.",
        "en": "Municipality {name} added to {region}.",
    },
    "region.renamed": {
        "nl": "{old} heet vanaf {date} {new}: {year} en later tellen onder {new}, "
        "eerdere jaren onder de oude naam.",
        "en": "{old} is called {new} from {date}: {year} and later count under {new}, "
        "earlier years under the old name.",
    },
    "region.show.title": {"nl": "Regio {name}", "en": "Region {name}"},
    "region.show.meeting": {"nl": "Overleg: {name}", "en": "Meeting: {name}"},
    "region.show.prefix": {
        "nl": "Casuscodes: {prefix}-JJJJ-NNN",
        "en": "Case codes: {prefix}-YYYY-NNN",
    },
    "region.show.municipalities": {
        "nl": "Gemeenten ({count} nu geldend):",
        "en": "Municipalities ({count} in force now):",
    },
    "region.show.since": {"nl": "{name} (vanaf {date})", "en": "{name} (from {date})"},
    "region.show.until": {
        "nl": "{name} (tot {date}; daarna {successor})",
        "en": "{name} (until {date}; then {successor})",
    },
    "region.show.reporters": {"nl": "Melders:", "en": "Reporters:"},
    "region.show.partners": {"nl": "Partners:", "en": "Partners:"},
    "init.region": {
        "nl": "Regio: {region} ({meeting}).",
        "en": "Region: {region} ({meeting}).",
    },
    "cli.demo.region_ignored": {
        "nl": "--region geldt alleen voor een nieuwe demo; gebruik --reset.",
        "en": "--region applies to a new demo only; use --reset.",
    },
}
