"""Messages of the case register: cases, validation, import, demo."""

MESSAGES = {
    "case.not_found": {"nl": "Casus {code} bestaat niet.", "en": "Case {code} does not exist."},
    "case.code_exists": {
        "nl": "Casuscode {code} bestaat al.",
        "en": "Case code {code} already exists.",
    },
    "case.code_invalid": {
        "nl": "Ongeldige casuscode '{code}' (verwacht {prefix}-JJJJ-NNN).",
        "en": "Invalid case code '{code}' (expected {prefix}-YYYY-NNN).",
    },
    "field.required": {"nl": "verplicht veld is leeg", "en": "required field is empty"},
    "field.date_invalid": {
        "nl": "ongeldige datum '{value}' (JJJJ-MM-DD of DD-MM-JJJJ)",
        "en": "invalid date '{value}' (YYYY-MM-DD or DD-MM-YYYY)",
    },
    "field.date_future": {
        "nl": "datum {value} ligt in de toekomst",
        "en": "date {value} is in the future",
    },
    "field.date_too_early": {
        "nl": "datum {value} ligt voor {year}",
        "en": "date {value} is before {year}",
    },
    "field.municipality_invalid": {
        "nl": "onbekende gemeente '{value}' (een van de {count} gemeenten van {region}, "
        "'{outside}' of 'onbekend')",
        "en": "unknown municipality '{value}' (one of the {count} municipalities of {region}, "
        "'{outside}' or 'onbekend')",
    },
    "field.form_invalid": {
        "nl": "onbekende vorm '{value}' (seksueel, arbeid, crimineel, orgaan of onbekend)",
        "en": "unknown form '{value}' (seksueel, arbeid, crimineel, orgaan or onbekend)",
    },
    "field.status_invalid": {
        "nl": "onbekende status '{value}'",
        "en": "unknown status '{value}'",
    },
    "field.yes_no_invalid": {
        "nl": "'{value}' is geen ja of nee",
        "en": "'{value}' is not ja (yes) or nee (no)",
    },
    "field.group_invalid": {
        "nl": "onbekende kwetsbare groep '{value}'",
        "en": "unknown vulnerable group '{value}'",
    },
    "field.text_invalid": {
        "nl": "bevat ongeldige tekens (losse surrogaten of NUL)",
        "en": "contains invalid characters (lone surrogates or NUL)",
    },
    "field.text_too_long": {
        "nl": "te lang ({size} tekens; grens {limit})",
        "en": "too long ({size} characters; limit {limit})",
    },
    "field.code_invalid": {
        "nl": "ongeldige code '{value}' (verwacht {prefix}-JJJJ-NNN)",
        "en": "invalid code '{value}' (expected {prefix}-YYYY-NNN)",
    },
    "field.reporter_personal": {
        "nl": "'{text}' lijkt een {kind}; een melder is een organisatie, geen persoon "
        "(is het toch een organisatie: `drieluik pii allow add`, of in het formulier "
        "nogmaals opslaan)",
        "en": "'{text}' looks like a {kind}; a reporter is an organisation, not a person "
        "(if it is an organisation after all: `drieluik pii allow add`, or save the form "
        "again)",
    },
    "field.reporter_unknown": {
        "nl": "onbekende melder '{value}' — overgenomen zoals geschreven",
        "en": "unknown reporter '{value}' — kept as written",
    },
    "case.invalid": {
        "nl": "Ongeldige casus: {problems}",
        "en": "Invalid case: {problems}",
    },
    "meeting.not_found": {
        "nl": "Overleg {ref} bestaat niet.",
        "en": "Meeting {ref} does not exist.",
    },
    "meeting.exists": {
        "nl": "Er is al een overleg op {date}.",
        "en": "There is already a meeting on {date}.",
    },
    "meeting.item_exists": {
        "nl": "Casus {code} staat al op de agenda van {date}.",
        "en": "Case {code} is already on the agenda of {date}.",
    },
    "meeting.item_not_found": {
        "nl": "Agendapunt bestaat niet (meer).",
        "en": "Agenda item does not exist (any more).",
    },
    "meeting.finished": {
        "nl": "Het overleg van {date} is al afgesloten.",
        "en": "The meeting of {date} has already been closed.",
    },
    "meeting.no_upcoming": {
        "nl": "Er is geen komend overleg; maak er een met `drieluik meeting new --date …`.",
        "en": "There is no upcoming meeting; create one with `drieluik meeting new --date …`.",
    },
    "action.not_found": {"nl": "Actiepunt bestaat niet.", "en": "Action does not exist."},
    "action.not_open": {
        "nl": "Actiepunt is niet meer open.",
        "en": "Action is no longer open.",
    },
    "action.not_closed": {
        "nl": "Actiepunt is nog open; er is niets te heropenen.",
        "en": "Action is still open; there is nothing to reopen.",
    },
    "action.owner_invalid": {
        "nl": "Eigenaar '{value}' is geen organisatie (een datum of alleen cijfers); "
        "kies een organisatie.",
        "en": "Owner '{value}' is not an organisation (a date, or only digits); "
        "choose an organisation.",
    },
    "action.postpone_not_later": {
        "nl": "De nieuwe datum {date} ligt niet na de huidige ({due}); uitstellen is later.",
        "en": "The new date {date} is not after the current one ({due}); postponing is later.",
    },
    "action.nothing_to_change": {
        "nl": "Er is niets gewijzigd aan het actiepunt.",
        "en": "Nothing about the action was changed.",
    },
    "date.before_meeting": {
        "nl": "De datum {date} ligt vóór het overleg van {meeting}; kies die dag of later.",
        "en": "The date {date} is before the meeting of {meeting}; choose that day or later.",
    },
    "date.in_past": {
        "nl": "De datum {date} ligt in het verleden (vandaag is {today}); kies vandaag of later.",
        "en": "The date {date} is in the past (today is {today}); choose today or later.",
    },
    "decision.review_date_required": {
        "nl": "Monitoring heeft een herbeoordelingsdatum nodig.",
        "en": "Monitoring needs a review date.",
    },
    "decision.referral_required": {
        "nl": "Doorverwijzing heeft een organisatie nodig.",
        "en": "A referral needs an organisation.",
    },
    "decision.kind_invalid": {
        "nl": "Onbekend soort besluit '{value}'.",
        "en": "Unknown decision kind '{value}'.",
    },
    "organisation.person_like": {
        "nl": "'{value}' lijkt een persoonsnaam; vul organisaties in, geen namen.",
        "en": "'{value}' looks like a person's name; enter organisations, not names.",
    },
    # --- case history (services/history.py): event kinds and their texts ---
    "history.kind.SIGNAAL_ONTVANGEN": {"nl": "signaal ontvangen", "en": "signal received"},
    "history.kind.GEAGENDEERD": {"nl": "geagendeerd", "en": "put on the agenda"},
    "history.kind.VAN_AGENDA": {"nl": "van agenda gehaald", "en": "taken off the agenda"},
    "history.kind.BESPROKEN": {"nl": "besproken", "en": "discussed"},
    "history.kind.BESLUIT": {"nl": "besluit", "en": "decision"},
    "history.kind.BESLUIT_INGETROKKEN": {"nl": "besluit ingetrokken", "en": "decision withdrawn"},
    "history.kind.ACTIE_AANGEMAAKT": {"nl": "actie aangemaakt", "en": "action created"},
    "history.kind.ACTIE_GEWIJZIGD": {"nl": "actie gewijzigd", "en": "action edited"},
    "history.kind.ACTIE_GEDAAN": {"nl": "actie gedaan", "en": "action done"},
    "history.kind.ACTIE_UITGESTELD": {"nl": "actie uitgesteld", "en": "action postponed"},
    "history.kind.ACTIE_VERVALLEN": {"nl": "actie vervallen", "en": "action cancelled"},
    "history.kind.ACTIE_HEROPEND": {"nl": "actie heropend", "en": "action reopened"},
    "history.kind.ACTIE_INGETROKKEN": {"nl": "actie ingetrokken", "en": "action withdrawn"},
    "history.kind.STATUS_GEWIJZIGD": {"nl": "status gewijzigd", "en": "status changed"},
    "history.kind.GEWIJZIGD": {"nl": "gewijzigd", "en": "edited"},
    "history.kind.DOORGESCHOVEN": {"nl": "doorgeschoven", "en": "carried over"},
    "history.action": {"nl": "{what} ({owner})", "en": "{what} ({owner})"},
    "history.action_due": {
        "nl": "{what} ({owner}, uiterlijk {due})",
        "en": "{what} ({owner}, due {due})",
    },
    "history.with_reason": {"nl": "{text} — reden: {reason}", "en": "{text} — reason: {reason}"},
    "history.until": {"nl": "(tot {date})", "en": "(until {date})"},
    "history.review": {"nl": "(herbeoordeling {date})", "en": "(review {date})"},
    "history.to_meeting": {"nl": "overleg {date}", "en": "meeting of {date}"},
    "history.to_next_meeting": {"nl": "volgend overleg", "en": "next meeting"},
    "history.action_field.description": {"nl": "omschrijving", "en": "description"},
    "history.action_field.owner": {"nl": "eigenaar", "en": "owner"},
    "history.action_field.due_date": {"nl": "uiterlijk", "en": "due"},
    "history.field.signal_date": {"nl": "datum", "en": "date"},
    "history.field.reporter": {"nl": "melder", "en": "reporter"},
    "history.field.municipality": {"nl": "gemeente", "en": "municipality"},
    "history.field.form": {"nl": "vorm", "en": "form"},
    "history.field.summary": {"nl": "omschrijving", "en": "summary"},
    "history.field.vulnerable_groups": {"nl": "kwetsbaar", "en": "vulnerable groups"},
    "history.field.organised_crime": {"nl": "ondermijning", "en": "organised crime"},
    # --- import (services/importer.py, cli/cases.py) ---
    "import.not_a_file": {
        "nl": "{path} is geen gewoon bestand; kies een .csv- of .xlsx-bestand.",
        "en": "{path} is not a regular file; choose a .csv or .xlsx file.",
    },
    "import.not_found": {
        "nl": "Bestand {path} bestaat niet.",
        "en": "File {path} does not exist.",
    },
    "import.unreadable": {
        "nl": "Kan {path} niet lezen ({detail}).",
        "en": "Cannot read {path} ({detail}).",
    },
    "import.unsupported": {
        "nl": "Kan geen {suffix}-bestand importeren ({path}); sla het op als .xlsx of .csv.",
        "en": "Cannot import a {suffix} file ({path}); save it as .xlsx or .csv.",
    },
    "import.file_too_large": {
        "nl": "{path} is {size}; een importbestand mag hoogstens {limit} zijn. Splits het "
        "bestand, of controleer of dit het goede bestand is.",
        "en": "{path} is {size}; an import file may be at most {limit}. Split the file, "
        "or check that this is the right file.",
    },
    "import.too_many_rows": {
        "nl": "{path} heeft meer dan {limit} rijen; zoveel signalen in één import is geen "
        "register. Er is niets gelezen of geïmporteerd; splits het bestand.",
        "en": "{path} has more than {limit} rows; that many signals in one import is no "
        "register. Nothing was read or imported; split the file.",
    },
    "import.xlsx_too_large": {
        "nl": "{path} pakt uit tot meer dan toegestaan (onderdeel {part}: {size}; grens "
        "{limit} per onderdeel, {total} samen). Er is niets gelezen of geïmporteerd.",
        "en": "{path} unpacks to more than allowed (part {part}: {size}; limit {limit} "
        "per part, {total} in all). Nothing was read or imported.",
    },
    "import.cell_too_large": {
        "nl": "{path} heeft een cel of veld van meer dan {limit}; zo'n bestand wordt niet "
        "gelezen. Er is niets geïmporteerd.",
        "en": "{path} holds a cell or field of more than {limit}; such a file is not "
        "read. Nothing was imported.",
    },
    "import.stopped": {
        "nl": "Gestopt na {limit} fouten (bij regel {line}); er is niets geïmporteerd. Is "
        "dit het goede bestand, en kloppen de kolommen (--dry-run, --map)?",
        "en": "Stopped after {limit} errors (at line {line}); nothing was imported. Is "
        "this the right file, and are the columns right (--dry-run, --map)?",
    },
    "import.empty": {"nl": "{path} is leeg.", "en": "{path} is empty."},
    "import.no_rows": {
        "nl": "{path} bevat alleen een kopregel, geen signalen.",
        "en": "{path} holds only a header line, no signals.",
    },
    "import.encoding": {
        "nl": "{path} is geen UTF-8- of Windows-1252-tekst; sla het op als CSV UTF-8.",
        "en": "{path} is neither UTF-8 nor Windows-1252 text; save it as CSV UTF-8.",
    },
    "import.csv_invalid": {
        "nl": "{path} is geen geldig CSV-bestand ({detail}).",
        "en": "{path} is not a valid CSV file ({detail}).",
    },
    "import.xlsx_invalid": {
        "nl": "{path} is geen leesbaar Excel-bestand ({detail}).",
        "en": "{path} is not a readable Excel file ({detail}).",
    },
    "import.column_twice": {
        "nl": "Kolom {first} ('{first_header}') en kolom {second} ('{second_header}') zijn "
        "allebei '{column}'. Kies er één, b.v. met --map \"{second_header}=-\" (negeren).",
        "en": "Column {first} ('{first_header}') and column {second} ('{second_header}') are "
        "both '{column}'. Choose one, e.g. with --map \"{second_header}=-\" (ignore).",
    },
    "import.columns_missing": {
        "nl": "In {path} ontbreekt de verplichte kolom {columns}. Verplichte kolommen "
        "(kopregel, regel 1): {required}. Niet herkende kolommen: {unknown}; koppel een "
        "kolom met b.v. {example}.",
        "en": "{path} lacks the required column {columns}. Required columns "
        "(header, line 1): {required}. Columns not recognised: {unknown}; map a column "
        "with e.g. {example}.",
    },
    "import.map_syntax": {
        "nl": "--map '{item}' is niet te lezen; schrijf \"Kolom in het bestand=veld\", "
        'b.v. --map "Datum melding=datum".',
        "en": "--map '{item}' cannot be read; write \"Column in the file=field\", "
        'e.g. --map "Datum melding=datum".',
    },
    "import.value_map_syntax": {
        "nl": "--value '{item}' is niet te lezen; schrijf \"veld:tekst in het bestand=waarde\", "
        'b.v. --value "vorm:loverboy=seksueel".',
        "en": "--value '{item}' cannot be read; write \"field:text in the file=value\", "
        'e.g. --value "vorm:loverboy=seksueel".',
    },
    "import.map_field_unknown": {
        "nl": "'{item}' noemt een onbekend veld; velden: {fields} (of - om te negeren).",
        "en": "'{item}' names an unknown field; fields: {fields} (or - to ignore).",
    },
    "import.preview_missing": {
        "nl": "Nog geen kolom voor: {fields}. Kies bij een kolom welk veld het is.",
        "en": "No column yet for: {fields}. Choose which field a column is.",
    },
    "import.preview_twice": {
        "nl": "Meer dan één kolom voor: {fields}. Zet één ervan op 'negeren'.",
        "en": "More than one column for: {fields}. Set one of them to 'ignore'.",
    },
    "import.map_not_in_file": {
        "nl": "{path} heeft geen kolom {columns} (genoemd bij --map).",
        "en": "{path} has no column {columns} (named with --map).",
    },
    "import.profile_name_invalid": {
        "nl": "'{name}' is geen geldige profielnaam (letters, cijfers, spatie, - en _; "
        "hoogstens 40 tekens).",
        "en": "'{name}' is not a valid profile name (letters, digits, space, - and _; "
        "at most 40 characters).",
    },
    "import.profile_unreadable": {
        "nl": "Importprofiel '{name}' in de kluis is niet te lezen; geef de koppeling "
        "opnieuw met --map.",
        "en": "Import profile '{name}' in the vault cannot be read; give the mapping "
        "again with --map.",
    },
    "import.place_read_as": {
        "nl": "woonplaats {place} gelezen als gemeente {municipality}",
        "en": "place {place} read as municipality {municipality}",
    },
    "import.column_unknown": {
        "nl": "onbekende kolom, wordt genegeerd",
        "en": "unknown column, ignored",
    },
    "import.row_too_wide": {
        "nl": "de rij heeft {cells} cellen en de kopregel maar {columns}; staat er een "
        "scheidingsteken in een tekst zonder aanhalingstekens?",
        "en": "the row has {cells} cells but the header only {columns}; is there a "
        "delimiter inside an unquoted text?",
    },
    "import.code_twice": {
        "nl": "code {code} staat ook al op regel {line}",
        "en": "code {code} is also on line {line}",
    },
    "import.code_exists": {
        "nl": "code {code} bestaat al in de kluis",
        "en": "code {code} already exists in the vault",
    },
    "import.monitoring_without_review": {
        "nl": "status monitoring zonder herbeoordelingsdatum: zet die datum in de app, "
        "anders komt de casus niet vanzelf terug op de agenda",
        "en": "status monitoring without a review date: set that date in the app, "
        "or the case will not come back on the agenda by itself",
    },
    "import.refused": {
        "nl": "{invalid} van de {total} rijen zijn ongeldig; er is niets geïmporteerd. "
        "Verbeter het bestand, of importeer alleen de goede rijen met --skip-invalid.",
        "en": "{invalid} of the {total} rows are invalid; nothing was imported. "
        "Fix the file, or import only the valid rows with --skip-invalid.",
    },
    # --- command line (cli/cases.py, cli/meetings.py) ---
    "cli.option_invalid": {
        "nl": "Ongeldige waarde voor {option}: {problem}.",
        "en": "Invalid value for {option}: {problem}.",
    },
    "cli.col.code": {
        "nl": "Code",
        "en": "Code",
    },
    "cli.col.date": {
        "nl": "Datum",
        "en": "Date",
    },
    "cli.col.municipality": {
        "nl": "Gemeente",
        "en": "Municipality",
    },
    "cli.col.form": {
        "nl": "Vorm",
        "en": "Form",
    },
    "cli.col.reporter": {
        "nl": "Melder",
        "en": "Reporter",
    },
    "cli.col.status": {
        "nl": "Status",
        "en": "Status",
    },
    "cli.col.reason": {
        "nl": "Reden",
        "en": "Reason",
    },
    "cli.col.items": {
        "nl": "Punten",
        "en": "Items",
    },
    "cli.cases.none": {
        "nl": "Geen casussen gevonden.",
        "en": "No cases found.",
    },
    "cli.cases.count": {
        "nl": "{count} casus(sen).",
        "en": "{count} case(s).",
    },
    "cli.cases.shown_of": {
        "nl": "{shown} van {total} casussen getoond; --limit 0 toont ze alle.",
        "en": "{shown} of {total} cases shown; --limit 0 shows them all.",
    },
    "cli.cases.yes": {
        "nl": "ja",
        "en": "yes",
    },
    "cli.cases.no": {
        "nl": "nee",
        "en": "no",
    },
    "cli.cases.warning": {
        "nl": "Let op",
        "en": "Warning",
    },
    "cli.case.review_until": {
        "nl": "(herbeoordeling {date})",
        "en": "(review {date})",
    },
    "cli.case.groups": {
        "nl": "Kwetsbaar",
        "en": "Vulnerable",
    },
    "cli.case.organised_crime": {
        "nl": "Ondermijning",
        "en": "Organised crime",
    },
    "cli.case.closed": {
        "nl": "Afgesloten",
        "en": "Closed",
    },
    "cli.case.summary": {
        "nl": "Omschrijving",
        "en": "Summary",
    },
    "cli.case.history": {
        "nl": "Geschiedenis",
        "en": "History",
    },
    "cli.add.prompt.datum": {
        "nl": "Signaaldatum (JJJJ-MM-DD of DD-MM-JJJJ)",
        "en": "Signal date (YYYY-MM-DD or DD-MM-YYYY)",
    },
    "cli.add.prompt.gemeente": {
        "nl": "Gemeente",
        "en": "Municipality",
    },
    "cli.add.prompt.vorm": {
        "nl": "Vorm (seksueel, arbeid, crimineel, orgaan, onbekend)",
        "en": "Form (seksueel, arbeid, crimineel, orgaan, onbekend)",
    },
    "cli.add.prompt.melder": {
        "nl": "Melder (organisatie, geen naam)",
        "en": "Reporter (organisation, not a name)",
    },
    "cli.add.prompt.omschrijving": {
        "nl": "Omschrijving (geanonimiseerd)",
        "en": "Summary (anonymised)",
    },
    "cli.add.prompt.kwetsbaar": {
        "nl": "Kwetsbare groepen (komma-gescheiden, mag leeg)",
        "en": "Vulnerable groups (comma-separated, may be empty)",
    },
    "cli.add.prompt.ondermijning": {
        "nl": "Ondermijnende component (ja/nee)",
        "en": "Organised-crime component (ja/nee)",
    },
    "cli.add.prompt.status": {
        "nl": "Status",
        "en": "Status",
    },
    "cli.add.prompt.code": {
        "nl": "Code (DL-JJJJ-NNN)",
        "en": "Code (DL-YYYY-NNN)",
    },
    "cli.add.created": {
        "nl": "Casus {code} is aangemaakt.",
        "en": "Case {code} was created.",
    },
    "cli.import.reading": {
        "nl": "Controleren",
        "en": "Checking",
    },
    "cli.import.saving": {
        "nl": "Opslaan in de kluis…",
        "en": "Saving into the vault…",
    },
    "cli.import.file": {
        "nl": "Bestand: {path} ({kind})",
        "en": "File: {path} ({kind})",
    },
    "cli.import.kind_csv": {
        "nl": "CSV, {encoding}, scheidingsteken {delimiter}",
        "en": "CSV, {encoding}, delimiter {delimiter}",
    },
    "cli.import.kind_xlsx": {
        "nl": "Excel-werkmap",
        "en": "Excel workbook",
    },
    "cli.import.errors": {
        "nl": "Fouten ({rows} rij(en)):",
        "en": "Errors ({rows} row(s)):",
    },
    "cli.import.personal": {
        "nl": "Mogelijk persoonsgegevens in {rows} regel(s) (soort per regel en kolom, "
        "nooit de waarde):",
        "en": "Possible personal data in {rows} line(s) (kind per line and column, never "
        "the value):",
    },
    "cli.import.warnings": {
        "nl": "Waarschuwingen:",
        "en": "Warnings:",
    },
    "cli.import.line": {
        "nl": "regel {line}",
        "en": "line {line}",
    },
    "cli.import.lines": {
        "nl": "regels {lines}",
        "en": "lines {lines}",
    },
    "cli.import.more": {
        "nl": "en {count} meer",
        "en": "and {count} more",
    },
    "cli.import.column_named": {
        "nl": "kolom {letter} ({column})",
        "en": "column {letter} ({column})",
    },
    "cli.import.column": {
        "nl": "kolom {letter}",
        "en": "column {letter}",
    },
    "cli.import.summary": {
        "nl": "Samenvatting: {imported} geïmporteerd, {warnings} waarschuwing(en), {skipped} "
        "overgeslagen.",
        "en": "Summary: {imported} imported, {warnings} warning(s), {skipped} skipped.",
    },
    "cli.import.codes": {
        "nl": "Nieuwe codes: {first} … {last}.",
        "en": "New codes: {first} … {last}.",
    },
    "cli.import.dry_run_summary": {
        "nl": "Proefrun, de kluis is niet gewijzigd: {valid} rij(en) goed, {warnings} "
        "waarschuwing(en), {invalid} ongeldig.",
        "en": "Dry run, the vault was not changed: {valid} row(s) valid, {warnings} warning(s), "
        "{invalid} invalid.",
    },
    "cli.import.dry_run_refused": {
        "nl": "Proefrun: {invalid} van de {total} rijen zijn ongeldig; zonder --skip-invalid zou "
        "er niets worden geïmporteerd.",
        "en": "Dry run: {invalid} of the {total} rows are invalid; without --skip-invalid nothing "
        "would be imported.",
    },
    "cli.import.nothing_valid": {
        "nl": "Geen van de {total} rijen is geldig; er is niets geïmporteerd.",
        "en": "None of the {total} rows is valid; nothing was imported.",
    },
    "cli.import.mapping": {
        "nl": "Kolommen:",
        "en": "Columns:",
    },
    "cli.import.mapping_line": {
        "nl": "  {letter} {header} → {field}",
        "en": "  {letter} {header} → {field}",
    },
    "cli.import.preview": {
        "nl": "Zo worden de eerste rijen gelezen:",
        "en": "This is how the first rows are read:",
    },
    "cli.import.col_line": {
        "nl": "Regel",
        "en": "Line",
    },
    "cli.import.profile_loaded": {
        "nl": "Importprofiel '{name}' gebruikt.",
        "en": "Import profile '{name}' used.",
    },
    "cli.import.profile_new": {
        "nl": "Importprofiel '{name}' bestaat nog niet; het wordt bewaard bij het importeren.",
        "en": "Import profile '{name}' does not exist yet; it is saved when importing.",
    },
    "cli.import.profile_saved": {
        "nl": "Importprofiel '{name}' is in de kluis bewaard; gebruik het volgende keer met "
        '--profile "{name}".',
        "en": "Import profile '{name}' was saved in the vault; use it next time with "
        '--profile "{name}".',
    },
    "cli.import.profile_needs_vault": {
        "nl": "Een importprofiel staat in de kluis; er is nog geen kluis.",
        "en": "An import profile is kept in the vault; there is no vault yet.",
    },
    "cli.import.warnings_dropped": {
        "nl": "  … en nog {count} waarschuwing(en).",
        "en": "  … and {count} more warning(s).",
    },
    "cli.import.no_vault_compared": {
        "nl": "Er is nog geen kluis: codes zijn niet met bestaande casussen vergeleken.",
        "en": "There is no vault yet: codes were not compared with existing cases.",
    },
    "cli.meeting.created": {
        "nl": "Overleg van {date} is aangemaakt met {count} agendapunt(en).",
        "en": "Meeting of {date} was created with {count} agenda item(s).",
    },
    "cli.agenda.title": {
        "nl": "Agenda overleg {date} ({count} punten)",
        "en": "Agenda of the meeting on {date} ({count} items)",
    },
    "cli.agenda.state": {
        "nl": "— {state}",
        "en": "— {state}",
    },
    "cli.col.time": {"nl": "besteed/gepland", "en": "spent/planned"},
    "cli.meeting.times": {
        "nl": "Tijd: {spent} besteed, {planned} gepland.",
        "en": "Time: {spent} spent, {planned} planned.",
    },
    "cli.meeting.reopened": {
        "nl": "Overleg van {date} is heropend; de reden staat in de geschiedenis van de "
        "casussen en het logboek.",
        "en": "Meeting of {date} was reopened; the reason is in the cases' history and the "
        "audit trail.",
    },
    "cli.agenda.attending": {
        "nl": "Aanwezig: {orgs}",
        "en": "Attending: {orgs}",
    },
    "cli.agenda.empty": {
        "nl": "Geen agendapunten.",
        "en": "No agenda items.",
    },
    "cli.agenda.proposal_title": {
        "nl": "Voorgestelde agenda voor {date} (nog geen overleg)",
        "en": "Proposed agenda for {date} (no meeting yet)",
    },
    "cli.agenda.proposal_hint": {
        "nl": "Maak het overleg met: drieluik meeting new --date {date}",
        "en": "Create the meeting with: drieluik meeting new --date {date}",
    },
    "cli.meetings.none": {
        "nl": "Nog geen overleggen.",
        "en": "No meetings yet.",
    },
    # --- demo (cli/demo.py) ---
    "cli.demo.filling": {
        "nl": "Demo wordt gevuld met {cases} verzonnen casussen…",
        "en": "Filling the demo with {cases} made-up cases…",
    },
    "cli.demo.created": {
        "nl": "Demo-kluis gemaakt: {path}",
        "en": "Demo vault created: {path}",
    },
    "cli.demo.existing": {
        "nl": "De demo bestaat al en wordt geopend zoals hij is ({path}); '{command} --reset' "
        "maakt hem opnieuw.",
        "en": "The demo exists and is opened as it is ({path}); '{command} --reset' makes it anew.",
    },
    "cli.demo.cases_ignored": {
        "nl": "--cases geldt alleen voor een nieuwe demo; gebruik --reset.",
        "en": "--cases applies to a new demo only; use --reset.",
    },
    "cli.demo.removed": {
        "nl": "Oude demo verwijderd: {path}",
        "en": "Old demo removed: {path}",
    },
    "cli.demo.passphrase_demo": {
        "nl": "Wachtwoord van de demo: demo",
        "en": "The demo's passphrase: demo",
    },
    "cli.demo.passphrase_given": {
        "nl": "Wachtwoord van de demo: het wachtwoord dat u opgaf (--passphrase-file of "
        "DRIELUIK_PASSPHRASE).",
        "en": "The demo's passphrase: the one you gave (--passphrase-file or DRIELUIK_PASSPHRASE).",
    },
    "cli.demo.counts": {
        "nl": "{cases} casussen (eerste signaal {first}), {meetings} overleggen, {items} "
        "agendapunten, {decisions} besluiten, {actions} actiepunten ({open} open, waarvan "
        "{overdue} verlopen), {monitoring} in monitoring, {closed} afgesloten.",
        "en": "{cases} cases (first signal {first}), {meetings} meetings, {items} agenda items, "
        "{decisions} decisions, {actions} actions ({open} open, {overdue} of them overdue), "
        "{monitoring} in monitoring, {closed} closed.",
    },
    "cli.demo.upcoming": {
        "nl": "Volgend overleg: {date}, {items} agendapunten ({reasons}).",
        "en": "Next meeting: {date}, {items} agenda items ({reasons}).",
    },
    "cli.demo.open_hint": {
        "nl": "Openen: {command} (alle gegevens zijn verzonnen).",
        "en": "Open it: {command} (all data is made up).",
    },
    "cli.demo.not_a_demo": {
        "nl": "{path} is geen demo-kluis (of heeft een ander wachtwoord); drieluik verwijdert hem "
        "niet.",
        "en": "{path} is not a demo vault (or has another passphrase); drieluik will not delete "
        "it.",
    },
    "cli.demo.not_a_demo_open": {
        "nl": "{path} is geen demo-kluis (of heeft een ander wachtwoord); de demo opent alleen "
        "een demo-kluis. Kies een ander --vault, of open uw eigen kluis met: drieluik --vault "
        "{shown}",
        "en": "{path} is not a demo vault (or has another passphrase); the demo only opens a "
        "demo vault. Choose another --vault, or open your own vault with: drieluik --vault "
        "{shown}",
    },
    "cli.demo.not_your_vault": {
        "nl": "{path} is de plek van uw eigen kluis; de demo komt daar nooit. Kies een ander "
        "--vault.",
        "en": "{path} is where your own vault lives; the demo never goes there. Choose another "
        "--vault.",
    },
}
