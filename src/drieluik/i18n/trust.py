"""Messages of retention, the audit trail, the recovery key, passphrase strength
and rollback awareness."""

MESSAGES = {
    "setting.out_of_range": {
        "nl": "Ongeldige waarde {value} voor {key} (toegestaan: {minimum} tot en met {maximum}).",
        "en": "Invalid value {value} for {key} (allowed: {minimum} to {maximum}).",
    },
    # --- retention ---------------------------------------------------------------
    "retention.period": {
        "nl": "Bewaartermijn: {years} jaar na het afsluiten van een casus.",
        "en": "Retention period: {years} years after a case is closed.",
    },
    "retention.set": {
        "nl": "Bewaartermijn ingesteld op {years} jaar.",
        "en": "Retention period set to {years} years.",
    },
    "retention.none_due": {
        "nl": "Geen casussen over de bewaartermijn.",
        "en": "No cases past the retention period.",
    },
    "retention.due_header": {
        "nl": "{count} casus(sen) over de bewaartermijn:",
        "en": "{count} case(s) past the retention period:",
    },
    "retention.due_row": {
        "nl": "{code}  gemeld {signal}  afgesloten {closed}  te vernietigen sinds {since}",
        "en": "{code}  reported {signal}  closed {closed}  due since {since}",
    },
    "retention.purge_hint": {
        "nl": "Vernietigen: drieluik retention --purge",
        "en": "To destroy them: drieluik retention --purge",
    },
    "retention.confirm": {
        "nl": "Deze {count} casus(sen) definitief vernietigen? Dit kan niet ongedaan worden.",
        "en": "Destroy these {count} case(s) for good? This cannot be undone.",
    },
    "retention.confirm_needed": {
        "nl": "Vernietigen vraagt bevestiging: draai op een terminal, of geef --yes.",
        "en": "Destroying needs confirmation: run on a terminal, or pass --yes.",
    },
    "retention.cancelled": {"nl": "Niets vernietigd.", "en": "Nothing destroyed."},
    "retention.purged": {
        "nl": "{count} casus(sen) vernietigd ({rows} rijen); per casus is een "
        "vernietigingsregistratie bewaard (code, data, aantal — geen inhoud).",
        "en": "{count} case(s) destroyed ({rows} rows); a destruction record was kept "
        "for each (code, dates, count — no content).",
    },
    "retention.backups": {
        "nl": "Let op: back-ups en verslagen die eerder buiten drieluik zijn bewaard, bevatten "
        "deze casussen nog. Vervang of vernietig ze zelf; drieluik houdt zelf geen kopieën.",
        "en": "Note: backups and minutes kept outside drieluik earlier still contain these "
        "cases. Replace or destroy them yourself; drieluik keeps no copies of its own.",
    },
    "retention.destroyed_header": {
        "nl": "Vernietigingsregistraties ({count}):",
        "en": "Destruction records ({count}):",
    },
    "retention.destroyed_row": {
        "nl": "{code}  gemeld {signal}  afgesloten {closed}  vernietigd {at}  ({rows} rijen)",
        "en": "{code}  reported {signal}  closed {closed}  destroyed {at}  ({rows} rows)",
    },
    "retention.options_conflict": {
        "nl": "Gebruik --set-years, --purge en --destroyed niet tegelijk.",
        "en": "Use --set-years, --purge and --destroyed one at a time.",
    },
    # --- audit -------------------------------------------------------------------
    "audit.empty": {"nl": "Het logboek is leeg.", "en": "The audit trail is empty."},
    "audit.intact": {
        "nl": "Logboek intact: {count} regels, keten sluitend. Kop: {head}",
        "en": "Audit trail intact: {count} entries, chain unbroken. Head: {head}",
    },
    "audit.head_advice": {
        "nl": "Noteer de kop buiten de kluis (bijv. in het verslag): een latere "
        "herschrijving van het logboek valt dan op.",
        "en": "Note the head outside the vault (e.g. in the minutes): a later rewrite "
        "of the trail then shows.",
    },
    "audit.broken_entry": {
        "nl": "Logboek gewijzigd: regel {id} klopt niet ({problem}); {count} regels in totaal.",
        "en": "Audit trail altered: entry {id} does not verify ({problem}); {count} entries.",
    },
    "audit.broken_head": {
        "nl": "Logboek gewijzigd: {problem}; {count} regels in totaal.",
        "en": "Audit trail altered: {problem}; {count} entries.",
    },
    "audit.problem.hash": {
        "nl": "inhoud van de regel gewijzigd",
        "en": "the entry's fields were changed",
    },
    "audit.problem.link": {
        "nl": "de regel ervoor is verwijderd, ingevoegd of gewijzigd",
        "en": "the entry before it was removed, inserted or changed",
    },
    "audit.problem.head_missing": {
        "nl": "de vastgelegde kop van het logboek ontbreekt",
        "en": "the recorded head of the trail is missing",
    },
    "audit.problem.head_count": {
        "nl": "er ontbreken regels aan het eind (of er zijn er bijgekomen)",
        "en": "entries are missing at the end (or were added)",
    },
    "audit.problem.head_hash": {
        "nl": "de laatste regels zijn vervangen",
        "en": "the newest entries were replaced",
    },
    "audit.limit_invalid": {
        "nl": "--limit moet 1 of meer zijn.",
        "en": "--limit must be 1 or more.",
    },
    # --- recovery key ------------------------------------------------------------
    "recovery.look_alike": {
        "nl": "Herstelsleutel: teken '{char}' op plaats {position} komt niet voor in "
        "herstelsleutels ({pair} worden nooit gebruikt). Controleer de sleutel.",
        "en": "Recovery key: character '{char}' at position {position} is never used in "
        "recovery keys ({pair} are left out). Check the key.",
    },
    "recovery.character": {
        "nl": "Herstelsleutel: ongeldig teken '{char}' op plaats {position}.",
        "en": "Recovery key: invalid character '{char}' at position {position}.",
    },
    "recovery.length": {
        "nl": "Herstelsleutel: {found} tekens gevonden, verwacht {expected} "
        "({groups} groepen van {size}).",
        "en": "Recovery key: {found} characters found, expected {expected} "
        "({groups} groups of {size}).",
    },
    "recovery.checksum": {
        "nl": "Herstelsleutel: de controlegroep klopt niet — er zit een tikfout in. "
        "Controleer elke groep.",
        "en": "Recovery key: the check group does not match — there is a typo. Check every group.",
    },
    "recovery.file_unreadable": {
        "nl": "Kan het herstelsleutelbestand {path} niet lezen ({detail}).",
        "en": "Cannot read the recovery key file {path} ({detail}).",
    },
    "recovery.both": {
        "nl": "Geef óf een wachtwoord óf een herstelsleutel, niet allebei.",
        "en": "Give either a passphrase or a recovery key, not both.",
    },
    "recovery.show_once": {
        "nl": "Herstelsleutel (wordt maar één keer getoond):",
        "en": "Recovery key (shown only once):",
    },
    "recovery.advice": {
        "nl": "Schrijf hem op papier en bewaar dat apart van de laptop, bijv. in een "
        "afgesloten kast op kantoor. Wie deze sleutel heeft, kan de kluis openen.",
        "en": "Write it on paper and keep that away from the laptop, e.g. in a locked "
        "cabinet at the office. Whoever has this key can open the vault.",
    },
    "recovery.replace_confirm": {
        "nl": "Deze kluis heeft al een herstelsleutel. Vervangen? De oude werkt daarna niet meer.",
        "en": "This vault already has a recovery key. Replace it? The old one will stop working.",
    },
    "recovery.replace_needed": {
        "nl": "Deze kluis heeft al een herstelsleutel; vervangen vraagt bevestiging "
        "(terminal, of --yes).",
        "en": "This vault already has a recovery key; replacing it needs confirmation "
        "(a terminal, or --yes).",
    },
    "recovery.kept": {
        "nl": "De bestaande herstelsleutel is ongewijzigd.",
        "en": "The existing recovery key is unchanged.",
    },
    "recovery.set": {
        "nl": "Herstelsleutel ingesteld. Met --recovery-key-file of DRIELUIK_RECOVERY_KEY "
        "opent hij de kluis; `drieluik passwd --recovery-key-file BESTAND` zet een nieuw "
        "wachtwoord.",
        "en": "Recovery key set. With --recovery-key-file or DRIELUIK_RECOVERY_KEY it opens "
        "the vault; `drieluik passwd --recovery-key-file FILE` sets a new passphrase.",
    },
    # --- passphrase strength -----------------------------------------------------
    "strength.line": {
        "nl": "Sterkte van het wachtwoord: {label} (ongeveer {bits} bits).",
        "en": "Passphrase strength: {label} (about {bits} bits).",
    },
    "strength.very_weak": {"nl": "zeer zwak", "en": "very weak"},
    "strength.weak": {"nl": "zwak", "en": "weak"},
    "strength.fair": {"nl": "redelijk", "en": "fair"},
    "strength.strong": {"nl": "sterk", "en": "strong"},
    "strength.very_strong": {"nl": "zeer sterk", "en": "very strong"},
    "strength.hint.short": {
        "nl": "Tip: langer is sterker — 16 tekens of meer.",
        "en": "Tip: longer is stronger — 16 characters or more.",
    },
    "strength.hint.common": {
        "nl": "Tip: het bevat een bekend wachtwoord of veelgebruikt woord.",
        "en": "Tip: it contains a well-known password or common word.",
    },
    "strength.hint.repeat": {
        "nl": "Tip: herhaalde tekens voegen weinig toe.",
        "en": "Tip: repeated characters add little.",
    },
    "strength.hint.sequence": {
        "nl": "Tip: reeksen (abc, 123, qwerty) zijn snel te raden.",
        "en": "Tip: runs (abc, 123, qwerty) are quickly guessed.",
    },
    "strength.hint.year": {
        "nl": "Tip: jaartallen zijn snel te raden.",
        "en": "Tip: years are quickly guessed.",
    },
    "strength.hint.words": {
        "nl": "Tip: een zin van vier of meer losse woorden is sterk én te onthouden.",
        "en": "Tip: a sentence of four or more unrelated words is strong and memorable.",
    },
    "strength.confirm_weak": {
        "nl": "Dit wachtwoord is zwak. Toch gebruiken?",
        "en": "This passphrase is weak. Use it anyway?",
    },
    "strength.refused": {
        "nl": "Wachtwoord geweigerd: {label} (ongeveer {bits} bits). Kies een langer wachtwoord "
        "— een zin van vier of meer losse woorden — of geef --allow-weak.",
        "en": "Passphrase refused: {label} (about {bits} bits). Choose a longer one — a "
        "sentence of four or more unrelated words — or pass --allow-weak.",
    },
    # --- unlock, passphrase change and rollback ------------------------------------
    "rollback.older": {
        "nl": "Waarschuwing: dit is een oudere kopie van de kluis (generatie {generation}; "
        "deze laptop zag al generatie {seen}). Wijzigingen van daarna ontbreken. Bewust "
        "een back-up teruggezet? Bevestig met `drieluik check --accept-older`.",
        "en": "Warning: this is an older copy of the vault (generation {generation}; this "
        "laptop has seen generation {seen}). Later changes are missing. Restored a backup "
        "on purpose? Confirm with `drieluik check --accept-older`.",
    },
    "rollback.accepted": {
        "nl": "Deze kopie (generatie {generation}) is als de huidige aangenomen.",
        "en": "This copy (generation {generation}) is now taken as the current one.",
    },
    "check.rollback": {"nl": "Oudere kopie", "en": "Older copy"},
    "check.recovery_key": {"nl": "Herstelsleutel", "en": "Recovery key"},
    "check.yes": {"nl": "ja", "en": "yes"},
    "check.no": {"nl": "nee", "en": "no"},
    "passwd.via_recovery": {
        "nl": "Kluis geopend met de herstelsleutel; kies een nieuw wachtwoord.",
        "en": "Vault opened with the recovery key; choose a new passphrase.",
    },
}
