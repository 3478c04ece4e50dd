"""Messages of the vault, the CLI foundation and general errors."""

MESSAGES = {
    "error.prefix": {"nl": "Fout", "en": "Error"},
    "error.unexpected": {
        "nl": "Onverwachte fout ({kind}). Er is niets verloren; de kluis is niet gewijzigd.",
        "en": "Unexpected error ({kind}). Nothing was lost; the vault was not changed.",
    },
    "error.interrupted": {"nl": "Afgebroken.", "en": "Interrupted."},
    "vault.lock_unsafe": {
        "nl": "{path} is een snelkoppeling (symbolische link) of geen gewoon bestand; "
        "drieluik gebruikt het niet als slot. Verwijder het en probeer opnieuw.",
        "en": "{path} is a symbolic link or not a regular file; drieluik does not use it "
        "as a lock. Remove it and try again.",
    },
    "help.click.usage": {"nl": "Gebruik:", "en": "Usage:"},
    "help.click.options": {"nl": "Opties", "en": "Options"},
    "help.click.commands": {"nl": "Opdrachten", "en": "Commands"},
    "help.click.arguments": {"nl": "Argumenten", "en": "Arguments"},
    "help.click.help_option": {
        "nl": "Toon deze hulp en stop.",
        "en": "Show this message and exit.",
    },
    "help.click.options_placeholder": {"nl": "[OPTIES]", "en": "[OPTIONS]"},
    "help.click.command_placeholder": {"nl": "OPDRACHT", "en": "COMMAND"},
    "help.click.args_placeholder": {"nl": "[ARGUMENTEN]", "en": "[ARGS]"},
    "help.click.path_placeholder": {"nl": "<pad>", "en": "<path>"},
    "help.click.text_placeholder": {"nl": "<tekst>", "en": "<text>"},
    "help.click.number_placeholder": {"nl": "<getal>", "en": "<number>"},
    "help.argument.query": {"nl": "ZOEKTERM", "en": "QUERY"},
    "help.argument.meeting_date": {"nl": "DATUM", "en": "DATE"},
    "help.argument.file": {"nl": "BESTAND", "en": "FILE"},
    "help.argument.meeting": {"nl": "OVERLEG", "en": "MEETING"},
    "help.argument.dest": {"nl": "DOEL", "en": "DESTINATION"},
    "help.argument.code": {"nl": "CODE", "en": "CODE"},
    "help.argument.term": {"nl": "TERM", "en": "TERM"},
    "help.argument.name": {"nl": "NAAM", "en": "NAME"},
    "help.argument.names": {"nl": "OUD... NIEUW", "en": "OLD... NEW"},
    "help.click.required": {"nl": "[verplicht]", "en": "[required]"},
    "help.click.default": {"nl": "standaard: {value}", "en": "default: {value}"},
    "cli.version": {
        "nl": "drieluik {version} (kluisformaat {format}, schema {schema})",
        "en": "drieluik {version} (vault format {format}, schema {schema})",
    },
    "tui.no_terminal": {
        "nl": "De terminal-app heeft een terminal nodig, maar invoer of uitvoer is omgeleid. "
        "Start drieluik in een terminalvenster, of geef een opdracht (drieluik --help).",
        "en": "The terminal app needs a terminal, but input or output is redirected. "
        "Start drieluik in a terminal window, or give a command (drieluik --help).",
    },
    "confirm.choices": {"nl": "[j/N]", "en": "[y/N]"},
    "confirm.again": {
        "nl": "Antwoord met j (ja) of n (nee).",
        "en": "Answer y (yes) or n (no).",
    },
    "usage.see_help": {"nl": "Zie '{command} -h'.", "en": "See '{command} -h'."},
    "usage.no_such_command": {
        "nl": "Onbekende opdracht '{name}'.",
        "en": "Unknown command '{name}'.",
    },
    "usage.no_such_option": {"nl": "Onbekende optie {option}.", "en": "Unknown option {option}."},
    "usage.did_you_mean": {"nl": "Bedoelt u {options}?", "en": "Did you mean {options}?"},
    "usage.missing_argument": {"nl": "{name} ontbreekt.", "en": "{name} is missing."},
    "usage.missing_option": {
        "nl": "De optie {name} ontbreekt.",
        "en": "The option {name} is missing.",
    },
    "usage.needs_value": {
        "nl": "{option} heeft een waarde nodig.",
        "en": "{option} needs a value.",
    },
    "usage.takes_no_value": {
        "nl": "{option} neemt geen waarde (zet alleen {option}).",
        "en": "{option} takes no value (give just {option}).",
    },
    "usage.extra_arguments": {
        "nl": "Onverwacht argument: {arguments}.",
        "en": "Unexpected argument: {arguments}.",
    },
    "usage.missing_command": {"nl": "Geef een opdracht.", "en": "Give a command."},
    "usage.options_after_command": {
        "nl": "Zet --vault en --passphrase-file na de opdracht (drieluik cases --vault …).",
        "en": "Put --vault and --passphrase-file after the command (drieluik cases --vault …).",
    },
    "usage.bad_value": {
        "nl": "Ongeldige waarde voor {name}: {detail}",
        "en": "Invalid value for {name}: {detail}",
    },
    "usage.not_a_number": {
        "nl": "'{value}' is geen geheel getal.",
        "en": "'{value}' is not a whole number.",
    },
    "usage.greater_than_equal": {
        "nl": "{value} is te klein (minimaal {limit}).",
        "en": "{value} is too small (at least {limit}).",
    },
    "usage.greater_than": {
        "nl": "{value} is te klein (groter dan {limit}).",
        "en": "{value} is too small (more than {limit}).",
    },
    "usage.less_than_equal": {
        "nl": "{value} is te groot (maximaal {limit}).",
        "en": "{value} is too large (at most {limit}).",
    },
    "usage.less_than": {
        "nl": "{value} is te groot (kleiner dan {limit}).",
        "en": "{value} is too large (less than {limit}).",
    },
    "usage.not_a_choice": {
        "nl": "'{value}' kan niet; kies uit {choices}.",
        "en": "'{value}' is not possible; choose from {choices}.",
    },
    "vault.not_found": {
        "nl": "Geen kluis gevonden op {path}. Maak er een met `drieluik init`.",
        "en": "No vault found at {path}. Create one with `drieluik init`.",
    },
    "vault.exists": {
        "nl": "Er staat al een bestand op {path}; drieluik overschrijft het niet.",
        "en": "A file already exists at {path}; drieluik will not overwrite it.",
    },
    "vault.wrong_passphrase": {
        "nl": "Onjuist wachtwoord voor {path}.",
        "en": "Wrong passphrase for {path}.",
    },
    "vault.wrong_recovery_key": {
        "nl": "Deze herstelsleutel opent {path} niet (of de kluis heeft er geen).",
        "en": "This recovery key does not open {path} (or the vault has none).",
    },
    "vault.locked": {
        "nl": "De kluis {path} is al geopend door een ander drieluik-proces. Sluit dat eerst af.",
        "en": "The vault {path} is already open in another drieluik process. Close that first.",
    },
    "vault.not_a_vault": {
        "nl": "{path} is geen drieluik-kluis (onbekende kop).",
        "en": "{path} is not a drieluik vault (unknown header).",
    },
    "vault.future_version": {
        "nl": "{path} heeft formaatversie {version}; deze drieluik kent tot versie {supported}. "
        "Werk drieluik bij.",
        "en": "{path} has format version {version}; this drieluik knows up to version "
        "{supported}. Update drieluik.",
    },
    "vault.damaged": {
        "nl": "De kluis {path} is beschadigd of gewijzigd ({detail}). "
        "Het bestand is niet aangeraakt; gebruik een back-up.",
        "en": "The vault {path} is damaged or was tampered with ({detail}). "
        "The file was not touched; use a backup.",
    },
    "vault.database_damaged": {
        "nl": "De database in de kluis is beschadigd ({detail}). Wat niet was opgeslagen, "
        "is niet opgeslagen; `drieluik check` toont de fouten, gebruik een back-up.",
        "en": "The database inside the vault is damaged ({detail}). What was not saved is "
        "not saved; `drieluik check` shows the errors, use a backup.",
    },
    "vault.kdf_refused": {
        "nl": "De kluis {path} vraagt onredelijke sleutelparameters ({detail}); geweigerd.",
        "en": "The vault {path} asks for unreasonable key parameters ({detail}); refused.",
    },
    "vault.too_large": {
        "nl": "De kluis zou {size} worden; de grens is {limit}. Er is niets opgeslagen.",
        "en": "The vault would become {size}; the limit is {limit}. Nothing was saved.",
    },
    "vault.save_failed": {
        "nl": "Opslaan mislukt ({detail}). De vorige versie van {path} is ongewijzigd.",
        "en": "Saving failed ({detail}). The previous version of {path} is unchanged.",
    },
    "vault.changed_underneath": {
        "nl": "Niet opgeslagen: {path} is buiten drieluik gewijzigd of vervangen sinds het "
        "werd geopend. Sluit drieluik en open de kluis opnieuw; uw laatste wijziging staat "
        "nog niet in het bestand.",
        "en": "Not saved: {path} was changed or replaced outside drieluik since it was opened. "
        "Close drieluik and open the vault again; your last change is not in the file yet.",
    },
    "vault.folder_unwritable": {
        "nl": "Kan in de map {path} niet schrijven ({detail}); drieluik heeft daar een "
        "slotbestand nodig naast de kluis.",
        "en": "Cannot write in the folder {path} ({detail}); drieluik needs a lock file next "
        "to the vault there.",
    },
    "vault.schema_future": {
        "nl": "De kluis heeft schemaversie {version}; deze drieluik kent tot {supported}.",
        "en": "The vault has schema version {version}; this drieluik knows up to {supported}.",
    },
    "vault.read_failed": {
        "nl": "Kan {path} niet lezen ({detail}).",
        "en": "Cannot read {path} ({detail}).",
    },
    "vault.text_invalid": {
        "nl": "Tekst in veld '{field}' bevat ongeldige tekens (losse surrogaten of NUL).",
        "en": "Text in field '{field}' contains invalid characters (lone surrogates or NUL).",
    },
    "vault.text_too_long": {
        "nl": "Tekst in veld '{field}' is te lang ({size} tekens; grens {limit}).",
        "en": "Text in field '{field}' is too long ({size} characters; limit {limit}).",
    },
    "passphrase.prompt": {"nl": "Wachtwoord", "en": "Passphrase"},
    "passphrase.prompt_new": {"nl": "Nieuw wachtwoord", "en": "New passphrase"},
    "passphrase.prompt_repeat": {"nl": "Herhaal wachtwoord", "en": "Repeat passphrase"},
    "passphrase.mismatch": {
        "nl": "De wachtwoorden komen niet overeen.",
        "en": "The passphrases do not match.",
    },
    "passphrase.empty": {"nl": "Het wachtwoord is leeg.", "en": "The passphrase is empty."},
    "passphrase.none": {
        "nl": "Geen wachtwoord: geef het op een terminal, of via {env} of {option}.",
        "en": "No passphrase: type it on a terminal, or use {env} or {option}.",
    },
    "passphrase.file_unreadable": {
        "nl": "Kan het wachtwoordbestand {path} niet lezen ({detail}).",
        "en": "Cannot read the passphrase file {path} ({detail}).",
    },
    "init.calibrating": {
        "nl": "Sleutelafleiding afstemmen op deze computer…",
        "en": "Calibrating key derivation for this computer…",
    },
    "init.created": {
        "nl": "Kluis aangemaakt: {path}",
        "en": "Vault created: {path}",
    },
    "init.kdf": {
        "nl": "Argon2id: {memory} MiB, {iterations} rondes, {lanes} lanen (~{ms} ms).",
        "en": "Argon2id: {memory} MiB, {iterations} passes, {lanes} lanes (~{ms} ms).",
    },
    "check.ok": {"nl": "Kluis in orde.", "en": "Vault OK."},
    "check.integrity": {"nl": "Databasecontrole", "en": "Database check"},
    "check.integrity_ok": {
        "nl": "in orde (SQLite integrity_check)",
        "en": "sound (SQLite integrity_check)",
    },
    "check.integrity_failed": {
        "nl": "De database in de kluis {path} is beschadigd ({problems}). Er is niets "
        "veranderd; gebruik een back-up.",
        "en": "The database inside the vault {path} is damaged ({problems}). Nothing was "
        "changed; use a backup.",
    },
    "check.path": {"nl": "Bestand", "en": "File"},
    "check.format": {"nl": "Formaatversie", "en": "Format version"},
    "check.schema": {"nl": "Schemaversie", "en": "Schema version"},
    "check.generation": {"nl": "Generatie (opslagen)", "en": "Generation (saves)"},
    "check.saved_at": {"nl": "Laatst opgeslagen", "en": "Last saved"},
    "check.size": {"nl": "Grootte", "en": "Size"},
    "check.kdf": {"nl": "Sleutelafleiding", "en": "Key derivation"},
    "check.slots": {"nl": "Sleutelsloten", "en": "Key slots"},
    "check.counts": {"nl": "Inhoud", "en": "Contents"},
    # The names of key slots and counted tables (store.inspect.COUNTED_TABLES).
    "check.slot.passphrase": {"nl": "wachtwoord", "en": "passphrase"},
    "check.slot.recovery": {"nl": "herstelsleutel", "en": "recovery key"},
    "check.table.cases": {"nl": "casussen", "en": "cases"},
    "check.table.meetings": {"nl": "overleggen", "en": "meetings"},
    "check.table.agenda_items": {"nl": "agendapunten", "en": "agenda items"},
    "check.table.decisions": {"nl": "besluiten", "en": "decisions"},
    "check.table.actions": {"nl": "actiepunten", "en": "actions"},
    "check.table.case_events": {"nl": "gebeurtenissen", "en": "case events"},
    "passwd.done": {
        "nl": "Wachtwoord gewijzigd. Het oude wachtwoord opent de kluis niet meer.",
        "en": "Passphrase changed. The old passphrase no longer opens the vault.",
    },
    "backup.done": {
        "nl": "Back-up geschreven: {path} (opent met hetzelfde wachtwoord).",
        "en": "Backup written: {path} (opens with the same passphrase).",
    },
    "backup.same_file": {
        "nl": "De back-up mag niet de kluis zelf zijn.",
        "en": "The backup must not be the vault itself.",
    },
    "path.exists": {
        "nl": "{path} bestaat al en is niet aangeraakt; overschrijven met --force.",
        "en": "{path} already exists and was not touched; overwrite with --force.",
    },
    "path.write_failed": {
        "nl": "Kan {path} niet schrijven ({detail}); er is niets geschreven.",
        "en": "Cannot write {path} ({detail}); nothing was written.",
    },
    "path.is_directory": {
        "nl": "{path} is een map, geen bestand.",
        "en": "{path} is a folder, not a file.",
    },
    "cli.pipe_silent": {
        "nl": "er kwam binnen 10 seconden niets door de pipe",
        "en": "nothing came through the pipe within 10 seconds",
    },
    "cli.secret_too_long": {
        "nl": "de eerste regel is langer dan {limit} bytes",
        "en": "the first line is longer than {limit} bytes",
    },
    "vault.read_only": {
        "nl": "De kluis {path} is alleen-lezen geopend (de map is niet schrijfbaar, b.v. een "
        "beveiligde USB-stick); wijzigingen kunnen niet worden bewaard en er is niets "
        "veranderd. Kopieer de kluis naar een schrijfbare map om te wijzigen.",
        "en": "The vault {path} was opened read-only (its folder is not writable, e.g. a "
        "write-protected USB stick); changes cannot be kept and nothing was changed. Copy "
        "the vault to a writable folder to change it.",
    },
    "vault.opened_read_only": {
        "nl": "Alleen lezen: de map van {path} is niet schrijfbaar; wijzigen kan niet.",
        "en": "Read-only: the folder of {path} is not writable; changes are not possible.",
    },
    "backup.failed": {
        "nl": "Back-up mislukt ({detail}); {path} is niet aangemaakt. De kluis zelf is "
        "niet aangeraakt.",
        "en": "Backup failed ({detail}); {path} was not created. The vault itself was not touched.",
    },
    "path.not_regular": {
        "nl": "{path} is geen gewoon bestand maar {kind}; drieluik leest het niet.",
        "en": "{path} is not a regular file but {kind}; drieluik does not read it.",
    },
    "path.kind.fifo": {"nl": "een named pipe (FIFO)", "en": "a named pipe (FIFO)"},
    "path.kind.device": {"nl": "een apparaat", "en": "a device"},
    "path.kind.socket": {"nl": "een socket", "en": "a socket"},
    "path.kind.other": {"nl": "geen bestand", "en": "not a file"},
    "path.kind.directory": {"nl": "een map", "en": "a folder"},
    "path.no_parent": {
        "nl": "De map {path} bestaat niet.",
        "en": "The folder {path} does not exist.",
    },
    "settings.invalid": {
        "nl": "Instellingenbestand {path} is ongeldig ({detail}); standaardwaarden gebruikt.",
        "en": "Settings file {path} is invalid ({detail}); defaults used.",
    },
    "date.invalid": {
        "nl": "Ongeldige datum '{value}' (verwacht JJJJ-MM-DD of DD-MM-JJJJ).",
        "en": "Invalid date '{value}' (expected YYYY-MM-DD or DD-MM-YYYY).",
    },
}
