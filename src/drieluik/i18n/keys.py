"""Messages of the key holders: `key add`, `key list`, `key remove`, `passwd --name`."""

MESSAGES = {
    "key.bad_name": {
        "nl": "Ongeldige sleutelnaam “{name}”: 1 tot {limit} bytes, alleen letters, cijfers, "
        "- _ en . (en niet “herstelsleutel”).",
        "en": "Invalid key name “{name}”: 1 to {limit} bytes, only letters, digits, - _ and . "
        "(and not “herstelsleutel”).",
    },
    "key.exists": {
        "nl": "Er is al een sleutel met de naam “{name}”. Er is niets veranderd.",
        "en": "There already is a key named “{name}”. Nothing was changed.",
    },
    "key.full": {
        "nl": "De kluis heeft al {limit} sleutels, het maximum. Verwijder er eerst een "
        "(drieluik key remove --name …).",
        "en": "The vault already has {limit} keys, the maximum. Remove one first "
        "(drieluik key remove --name …).",
    },
    "key.unknown": {
        "nl": "Er is geen sleutel “{name}”. Sleutels: {names}.",
        "en": "There is no key “{name}”. Keys: {names}.",
    },
    "key.last": {
        "nl": "“{name}” is de laatste sleutel met een wachtwoord; die blijft. Er is niets "
        "veranderd.",
        "en": "“{name}” is the last passphrase key; it stays. Nothing was changed.",
    },
    "key.which": {
        "nl": "Geopend met de herstelsleutel: zeg met --name welke sleutel een nieuw wachtwoord "
        "krijgt ({names}).",
        "en": "Opened with the recovery key: say with --name which key gets a new passphrase "
        "({names}).",
    },
    "key.too_costly": {
        "nl": "Deze sleutel maakt elke ontgrendelpoging te duur ({detail}). Voeg hem toe zonder "
        "--own-kdf.",
        "en": "This key would make every unlock attempt too costly ({detail}). Add it without "
        "--own-kdf.",
    },
    "key.added": {
        "nl": "Sleutel “{name}” toegevoegd; de kluis heeft nu {count} sleutels met een wachtwoord.",
        "en": "Key “{name}” added; the vault now has {count} passphrase keys.",
    },
    "key.removed": {
        "nl": "Sleutel “{name}” verwijderd; zijn wachtwoord opent deze kluis niet meer.",
        "en": "Key “{name}” removed; its passphrase no longer opens this vault.",
    },
    "key.removed_backups": {
        "nl": "Let op: reservekopieën van vóór nu openen nog met dat wachtwoord.",
        "en": "Note: backups made before now still open with that passphrase.",
    },
    "key.remove_confirm": {
        "nl": "Sleutel “{name}” verwijderen?",
        "en": "Remove key “{name}”?",
    },
    "key.remove_needed": {
        "nl": "Een sleutel verwijderen vraagt bevestiging: draai op een terminal, of geef --yes.",
        "en": "Removing a key needs confirmation: run on a terminal, or pass --yes.",
    },
    "key.remove_cancelled": {
        "nl": "Niet verwijderd.",
        "en": "Not removed.",
    },
    "key.created_unknown": {"nl": "onbekend", "en": "unknown"},
    "key.shared": {"nl": "(gedeelde afleiding)", "en": "(shared derivation)"},
    "key.this_session": {"nl": "← geopend", "en": "← opened"},
    "key.passwd_done": {
        "nl": "Wachtwoord van sleutel “{name}” gewijzigd. Het oude wachtwoord opent de kluis "
        "niet meer.",
        "en": "Passphrase of key “{name}” changed. The old passphrase no longer opens the vault.",
    },
}
