"""Messages of the terminal app shell: keys, unlock, dashboard, cases, case form, lock."""

MESSAGES = {
    # --- key descriptions (footer, command palette) ---
    "bind.quit": {"nl": "Stoppen", "en": "Quit"},
    # --- Textual's own texts (textual_compat.py) ---
    "textual.keys": {"nl": "Toetsen", "en": "Keys"},
    "textual.keys_help": {
        "nl": "Hulp bij het veld met de focus en een overzicht van de toetsen",
        "en": "Show help for the focused widget and a summary of available keys",
    },
    "textual.keys_hide_help": {
        "nl": "Het overzicht van de toetsen verbergen",
        "en": "Hide the keys and widget help panel",
    },
    "textual.maximize": {"nl": "Vergroten", "en": "Maximize"},
    "textual.maximize_help": {
        "nl": "Het veld met de focus schermvullend tonen",
        "en": "Maximize the focused widget",
    },
    "textual.minimize": {"nl": "Normale grootte", "en": "Minimize"},
    "textual.minimize_help": {
        "nl": "Het vergrote veld weer op normale grootte tonen",
        "en": "Minimize the widget and restore to normal size",
    },
    "textual.palette": {"nl": "menu", "en": "menu"},
    "textual.palette_search": {"nl": "Zoek een opdracht…", "en": "Search for commands…"},
    "textual.palette_close": {"nl": "Opdrachten sluiten", "en": "Close the commands"},
    "textual.theme_search": {"nl": "Zoek een kleurenschema…", "en": "Search for themes…"},
    "textual.dismiss_menu": {"nl": "Menu sluiten", "en": "Close menu"},
    "textual.quit_hint": {
        "nl": "Stoppen doet u met {key}.",
        "en": "Press {key} to quit.",
    },
    "textual.quit_title": {"nl": "Wilt u stoppen?", "en": "Do you want to quit?"},
    "bind.lock": {"nl": "Vergrendelen", "en": "Lock"},
    "bind.next_field": {"nl": "Volgend veld", "en": "Next field"},
    "bind.previous_field": {"nl": "Vorig veld", "en": "Previous field"},
    "bind.home": {"nl": "Overzicht", "en": "Overview"},
    "bind.cases": {"nl": "Casussen", "en": "Cases"},
    "bind.new_case": {"nl": "Nieuwe casus", "en": "New case"},
    "bind.search": {"nl": "Zoeken", "en": "Search"},
    "bind.statistics": {"nl": "Jaarcijfers", "en": "Annual figures"},
    "bind.meetings": {"nl": "Overleggen", "en": "Meetings"},
    "bind.prepare": {"nl": "Voorbereiden", "en": "Prepare"},
    "bind.chair": {"nl": "Vergaderen", "en": "Chair"},
    "bind.back": {"nl": "Terug", "en": "Back"},
    "bind.open": {"nl": "Openen", "en": "Open"},
    "bind.unlock": {"nl": "Ontgrendelen", "en": "Unlock"},
    "bind.recovery": {"nl": "Herstelsleutel", "en": "Recovery key"},
    "bind.next_page": {"nl": "Volgende pagina", "en": "Next page"},
    "bind.prev_page": {"nl": "Vorige pagina", "en": "Previous page"},
    "bind.filters": {"nl": "Filters", "en": "Filters"},
    "bind.clear_filters": {"nl": "Filters wissen", "en": "Clear filters"},
    "bind.edit": {"nl": "Bewerken", "en": "Edit"},
    "bind.agenda": {"nl": "Op agenda", "en": "On agenda"},
    "bind.action_done": {"nl": "Actie gedaan", "en": "Action done"},
    "bind.action_postpone": {"nl": "Actie uitstellen", "en": "Postpone action"},
    "bind.action_cancel": {"nl": "Actie vervalt", "en": "Cancel action"},
    "bind.save": {"nl": "Opslaan", "en": "Save"},
    "bind.cancel": {"nl": "Annuleren", "en": "Cancel"},
    "bind.refresh": {"nl": "Vernieuwen", "en": "Refresh"},
    # --- app-wide ---
    "tui.saved": {"nl": "opgeslagen", "en": "saved"},
    "tui.unsaved": {"nl": "niet opgeslagen", "en": "not saved"},
    "tui.save_failed_state": {
        "nl": "NIET OPGESLAGEN — opslaan mislukt",
        "en": "NOT SAVED — saving failed",
    },
    "tui.locked": {"nl": "vergrendeld", "en": "locked"},
    "tui.lock_countdown": {
        "nl": "vergrendelt over {seconds} s — druk op een toets",
        "en": "locks in {seconds} s — press any key",
    },
    "tui.integrity_failed": {
        "nl": "De interne controle van de kluis {path} vond fouten ({problems}). Er is niets "
        "veranderd. Maak geen wijzigingen meer, sluit af en gebruik een back-up; "
        "`drieluik check` toont de fouten opnieuw.",
        "en": "The internal check of the vault {path} found errors ({problems}). Nothing was "
        "changed. Make no more changes, quit and use a backup; `drieluik check` shows the "
        "errors again.",
    },
    "tui.unexpected": {
        "nl": "Onverwachte fout ({kind}). Wat al was ingevoerd staat in de kluis.",
        "en": "Unexpected error ({kind}). What was already entered is in the vault.",
    },
    "tui.crashed": {
        "nl": "Onverwachte fout ({kind}); drieluik is gestopt. Wat al was ingevoerd is "
        "opgeslagen. Start opnieuw met DRIELUIK_DEBUG=1 voor details.",
        "en": "Unexpected error ({kind}); drieluik stopped. What was already entered has been "
        "saved. Start again with DRIELUIK_DEBUG=1 for details.",
    },
    "tui.quit_unsaved": {
        "nl": "Niet alles is opgeslagen (zie de fout). Druk nogmaals ctrl+q om toch af te "
        "sluiten; de laatst opgeslagen versie blijft bewaard.",
        "en": "Not everything is saved (see the error). Press ctrl+q again to quit anyway; "
        "the last saved version is kept.",
    },
    "tui.theme_unknown": {
        "nl": "Onbekend thema '{name}' in de instellingen; standaardthema gebruikt.",
        "en": "Unknown theme '{name}' in the settings; using the default theme.",
    },
    "tui.settings_problems": {
        "nl": "Instellingen genegeerd: {problems}",
        "en": "Settings ignored: {problems}",
    },
    "tui.none": {"nl": "—", "en": "—"},
    "tui.yes": {"nl": "ja", "en": "yes"},
    "tui.no": {"nl": "nee", "en": "no"},
    # --- unlock ---
    "unlock.title": {"nl": "drieluik — kluis ontgrendelen", "en": "drieluik — unlock vault"},
    "unlock.vault": {"nl": "Kluis: {path}", "en": "Vault: {path}"},
    "unlock.last_saved": {
        "nl": "Laatst opgeslagen: {when} (versie {generation})",
        "en": "Last saved: {when} (version {generation})",
    },
    "unlock.passphrase": {"nl": "Wachtwoord", "en": "Passphrase"},
    "unlock.recovery_key": {"nl": "Herstelsleutel", "en": "Recovery key"},
    "unlock.busy": {
        "nl": "Bezig met ontgrendelen…",
        "en": "Unlocking…",
    },
    "unlock.empty": {"nl": "Typ eerst het wachtwoord.", "en": "Type the passphrase first."},
    "unlock.wrong": {
        "nl": "Onjuist wachtwoord (poging {count}). Probeer het opnieuw; er is niets veranderd.",
        "en": "Wrong passphrase (attempt {count}). Try again; nothing was changed.",
    },
    "unlock.wrong_recovery": {
        "nl": "Onjuiste herstelsleutel (poging {count}). Er is niets veranderd.",
        "en": "Wrong recovery key (attempt {count}). Nothing was changed.",
    },
    "unlock.hint": {
        "nl": "Enter: ontgrendelen · ctrl+q: stoppen",
        "en": "Enter: unlock · ctrl+q: quit",
    },
    "unlock.hint_recovery": {
        "nl": "ctrl+r: met herstelsleutel",
        "en": "ctrl+r: with recovery key",
    },
    "unlock.using_recovery": {
        "nl": "Herstelsleutel gebruiken (ctrl+r: terug naar wachtwoord)",
        "en": "Using the recovery key (ctrl+r: back to the passphrase)",
    },
    # --- dashboard ---
    "dash.title": {"nl": "Overzicht", "en": "Overview"},
    "dash.next_meeting": {"nl": "Volgend overleg", "en": "Next meeting"},
    "dash.next_meeting_line": {
        "nl": "{date} — {items} agendapunten",
        "en": "{date} — {items} agenda items",
    },
    "dash.more_keys": {
        "nl": "n nieuw · z zoeken · o overleggen · j cijfers",
        "en": "n new · z search · o meetings · j figures",
    },
    "dash.no_meeting": {
        "nl": "Geen overleg gepland. Druk v om er een voor te bereiden.",
        "en": "No meeting planned. Press v to prepare one.",
    },
    "dash.overdue_actions": {"nl": "Verlopen actiepunten", "en": "Overdue actions"},
    "dash.reviews_due": {"nl": "Herbeoordeling monitoring", "en": "Monitoring reviews due"},
    "dash.new_signals": {"nl": "Nieuwe signalen", "en": "New signals"},
    "dash.new_signals_since": {
        "nl": "{count} sinds het vorige overleg ({date})",
        "en": "{count} since the previous meeting ({date})",
    },
    "dash.new_signals_all": {
        "nl": "{count} (nog geen eerder overleg)",
        "en": "{count} (no earlier meeting yet)",
    },
    "dash.year_counts": {"nl": "Dit jaar ({year})", "en": "This year ({year})"},
    "dash.total": {"nl": "totaal", "en": "total"},
    "chair.bind.confirm_notes": {"nl": "bevestig persoonsgegevens", "en": "confirm personal data"},
    "chair.notes_placeholders": {
        "nl": "Mogelijk persoonsgegevens in de notities: opgeslagen met plaatshouders tot u "
        "bevestigt (Ctrl+S of F2) of anonimiseert (F9).",
        "en": "Possible personal data in the notes: stored with placeholders until you "
        "confirm (Ctrl+S or F2) or anonymise (F9).",
    },
    "chair.notes_confirmed": {
        "nl": "Notities opgeslagen zoals getypt; {count} vondst(en) bevestigd en gemarkeerd.",
        "en": "Notes stored as typed; {count} finding(s) confirmed and marked.",
    },
    "detail.personal_data": {"nl": "Persoonsgegevens", "en": "Personal data"},
    "dash.personal_data_texts": {
        "nl": "{count} teksten met persoonsgegevens (drieluik pii audit)",
        "en": "{count} texts with personal data (drieluik pii audit)",
    },
    "form.confirm_personal_data": {
        "nl": "Sla nogmaals op om het toch op te slaan (wordt gemarkeerd), of anonimiseer "
        "eerst met F9.",
        "en": "Save again to store it anyway (it is marked), or anonymise first with F9.",
    },
    "dash.destruction_due": {
        "nl": "{count} casussen over de bewaartermijn (vernietigen)",
        "en": "{count} cases past the retention period (to destroy)",
    },
    "dash.none": {"nl": "geen", "en": "none"},
    "dash.and_more": {"nl": "… en nog {count}", "en": "… and {count} more"},
    "dash.col_code": {"nl": "Casus", "en": "Case"},
    "dash.col_due": {"nl": "Uiterlijk", "en": "Due"},
    "dash.col_owner": {"nl": "Wie", "en": "Who"},
    "dash.col_action": {"nl": "Actie", "en": "Action"},
    "dash.col_review": {"nl": "Herbeoordeling", "en": "Review"},
    "dash.col_form": {"nl": "Vorm", "en": "Form"},
    "dash.col_municipality": {"nl": "Gemeente", "en": "Municipality"},
    # --- cases list ---
    "cases.title": {"nl": "Casussen", "en": "Cases"},
    "cases.page": {
        "nl": "Pagina {page} van {pages} · {count} casussen",
        "en": "Page {page} of {pages} · {count} cases",
    },
    "cases.page_keys": {"nl": "] volgende · [ vorige", "en": "] next · [ previous"},
    "cases.empty": {
        "nl": "Geen casussen bij deze filters.",
        "en": "No cases with these filters.",
    },
    "cases.filter_year": {"nl": "Jaar", "en": "Year"},
    "cases.filter_status": {"nl": "Status", "en": "Status"},
    "cases.filter_form": {"nl": "Vorm", "en": "Form"},
    "cases.filter_municipality": {"nl": "Gemeente", "en": "Municipality"},
    "cases.col_code": {"nl": "Code", "en": "Code"},
    "cases.col_date": {"nl": "Datum", "en": "Date"},
    "cases.col_municipality": {"nl": "Gemeente", "en": "Municipality"},
    "cases.col_form": {"nl": "Vorm", "en": "Form"},
    "cases.col_reporter": {"nl": "Melder", "en": "Reporter"},
    "cases.col_status": {"nl": "Status", "en": "Status"},
    "cases.col_summary": {"nl": "Omschrijving", "en": "Summary"},
    # --- case detail ---
    "detail.fields": {"nl": "Gegevens", "en": "Details"},
    "detail.summary": {"nl": "Omschrijving", "en": "Summary"},
    "detail.open_actions": {"nl": "Open actiepunten", "en": "Open actions"},
    "detail.no_open_actions": {"nl": "Geen open actiepunten.", "en": "No open actions."},
    "detail.history": {"nl": "Geschiedenis", "en": "History"},
    "detail.no_history": {"nl": "Nog geen geschiedenis.", "en": "No history yet."},
    "detail.meeting": {"nl": "overleg {date}", "en": "meeting {date}"},
    "detail.review_date": {"nl": "Herbeoordeling", "en": "Review"},
    "detail.closed_date": {"nl": "Afgesloten", "en": "Closed"},
    "detail.agenda_confirm": {
        "nl": "{code} op de agenda van het overleg van {date} zetten?",
        "en": "Put {code} on the agenda of the meeting of {date}?",
    },
    "detail.added_to_agenda": {
        "nl": "{code} staat op de agenda van {date}.",
        "en": "{code} is on the agenda of {date}.",
    },
    "detail.no_next_meeting": {
        "nl": "Er is geen komend overleg. Maak er een met 'Nieuw overleg' (ctrl+p) of "
        "`drieluik meeting new`.",
        "en": "There is no upcoming meeting. Create one with 'Nieuw overleg' (ctrl+p) or "
        "`drieluik meeting new`.",
    },
    "detail.no_action_selected": {
        "nl": "Kies eerst een open actiepunt.",
        "en": "Select an open action first.",
    },
    "detail.actions_keys": {
        "nl": "Enter: kiezen · ctrl+d gedaan · ctrl+u uitstellen · ctrl+x vervalt",
        "en": "Enter: choose · ctrl+d done · ctrl+u postpone · ctrl+x cancel",
    },
    "detail.confirm_done": {
        "nl": "Actiepunt '{what}' ({owner}) als gedaan afsluiten?",
        "en": "Mark action '{what}' ({owner}) as done?",
    },
    "detail.confirm_done_ok": {"nl": "Actiepunt afgerond.", "en": "Action done."},
    "detail.confirm_cancel": {
        "nl": "Actiepunt '{what}' ({owner}) laten vervallen? Het verdwijnt uit de open "
        "actiepunten.",
        "en": "Cancel action '{what}' ({owner})? It leaves the open actions.",
    },
    "detail.confirm_cancel_ok": {"nl": "Actiepunt vervallen.", "en": "Action cancelled."},
    "detail.action_postponed": {
        "nl": "Actiepunt uitgesteld tot {date}.",
        "en": "Action postponed to {date}.",
    },
    # --- case form ---
    "form.new_title": {"nl": "Nieuw signaal", "en": "New signal"},
    "form.edit_title": {"nl": "Casus {code} bewerken", "en": "Edit case {code}"},
    "form.datum": {"nl": "Datum signaal", "en": "Signal date"},
    "form.gemeente": {"nl": "Gemeente", "en": "Municipality"},
    "form.vorm": {"nl": "Vorm", "en": "Form"},
    "form.melder": {"nl": "Melder", "en": "Reporter"},
    "form.melder_other": {
        "nl": "Andere melder (typ de organisatie)",
        "en": "Other reporter (type the organisation)",
    },
    "form.melder_other_option": {"nl": "Anders…", "en": "Other…"},
    "form.kwetsbaar": {"nl": "Kwetsbare groep", "en": "Vulnerable group"},
    "form.ondermijning": {"nl": "Ondermijning", "en": "Organised crime"},
    "form.ondermijning_short": {"nl": "ja, route RIEC", "en": "yes, RIEC route"},
    "form.omschrijving": {
        "nl": "Omschrijving (geanonimiseerd: geen namen, adressen of nummers)",
        "en": "Summary (anonymised: no names, addresses or numbers)",
    },
    "form.choose": {"nl": "Kies…", "en": "Choose…"},
    "form.similar": {"nl": "Vergelijkbare eerdere casussen", "en": "Similar earlier cases"},
    "form.similar_none": {"nl": "geen", "en": "none"},
    "form.has_errors": {
        "nl": "Niet opgeslagen: verbeter de gemarkeerde velden.",
        "en": "Not saved: correct the marked fields.",
    },
    "form.created": {"nl": "Casus {code} aangemaakt.", "en": "Case {code} created."},
    "form.updated": {"nl": "Casus {code} bijgewerkt.", "en": "Case {code} updated."},
    "form.save_button": {"nl": "Opslaan (Ctrl+S)", "en": "Save (Ctrl+S)"},
    "form.cancel_button": {"nl": "Annuleren (Esc)", "en": "Cancel (Esc)"},
    "form.discard_confirm": {
        "nl": "Wat u hebt ingevuld is niet opgeslagen. Weggooien?",
        "en": "What you typed is not saved. Discard it?",
    },
    "form.discard_yes": {"nl": "Weggooien", "en": "Discard"},
    # --- command palette ---
    "cmd.new_case": {"nl": "Nieuwe casus", "en": "New case"},
    "cmd.new_case_help": {
        "nl": "Een nieuw signaal registreren",
        "en": "Register a new signal",
    },
    "cmd.cases": {"nl": "Casussen", "en": "Cases"},
    "cmd.cases_help": {"nl": "Alle casussen, met filters", "en": "All cases, with filters"},
    "cmd.open_case": {"nl": "Casus {code} openen", "en": "Open case {code}"},
    "cmd.edit_case": {"nl": "Casus bewerken", "en": "Edit case"},
    "cmd.agenda_case": {
        "nl": "Casus op de agenda van het volgende overleg",
        "en": "Put the case on the next meeting's agenda",
    },
    "cmd.new_meeting": {"nl": "Nieuw overleg", "en": "New meeting"},
    "cmd.new_meeting_help": {
        "nl": "Een overleg aanmaken met de voorgestelde agenda",
        "en": "Create a meeting with the proposed agenda",
    },
    "cmd.prepare": {"nl": "Overleg voorbereiden", "en": "Prepare meeting"},
    "cmd.prepare_help": {
        "nl": "De agenda van het volgende overleg",
        "en": "The agenda of the next meeting",
    },
    "cmd.chair": {"nl": "Vergaderen", "en": "Chair the meeting"},
    "cmd.chair_help": {
        "nl": "Het volgende overleg voorzitten, punt voor punt",
        "en": "Chair the next meeting, item by item",
    },
    "cmd.meetings": {"nl": "Overleggen", "en": "Meetings"},
    "cmd.meetings_help": {"nl": "Alle overleggen", "en": "All meetings"},
    "cmd.search": {"nl": "Zoeken", "en": "Search"},
    "cmd.search_help": {
        "nl": "Zoeken in casussen, notities en besluiten",
        "en": "Search cases, notes and decisions",
    },
    "cmd.statistics": {"nl": "Jaarcijfers", "en": "Annual figures"},
    "cmd.statistics_help": {
        "nl": "Aantallen per vorm, gemeente en jaar",
        "en": "Counts per form, municipality and year",
    },
    "cmd.lock": {"nl": "Vergrendelen", "en": "Lock"},
    "cmd.lock_help": {
        "nl": "Opslaan en de kluis vergrendelen",
        "en": "Save and lock the vault",
    },
    "cmd.theme": {"nl": "Thema…", "en": "Theme…"},
    "cmd.theme_help": {"nl": "Kleurenthema kiezen", "en": "Choose a colour theme"},
    "cmd.home": {"nl": "Overzicht", "en": "Overview"},
    "cmd.home_help": {"nl": "Terug naar het overzicht", "en": "Back to the overview"},
    "cmd.quit": {"nl": "Stoppen", "en": "Quit"},
    "cmd.chair.notes": {"nl": "Notities typen", "en": "Type notes"},
    "cmd.chair.notes_help": {
        "nl": "De cursor naar de notities van dit punt",
        "en": "The cursor to this item's notes",
    },
    "cmd.chair.decision": {"nl": "Besluit vastleggen", "en": "Record a decision"},
    "cmd.chair.action": {"nl": "Actiepunt toevoegen", "en": "Add an action"},
    "cmd.chair.done_next": {
        "nl": "Punt besproken, naar het volgende",
        "en": "Item discussed, on to the next",
    },
    "cmd.chair.previous": {"nl": "Vorig agendapunt", "en": "Previous agenda item"},
    "cmd.chair.next": {"nl": "Volgend agendapunt", "en": "Next agenda item"},
    "cmd.chair.clock_pause": {"nl": "Klok pauzeren", "en": "Pause the clock"},
    "cmd.chair.clock_run": {"nl": "Klok hervatten", "en": "Resume the clock"},
    "cmd.chair.clock_help": {
        "nl": "De tijd van dit punt stilzetten of laten doorlopen",
        "en": "Stop or run this item's time",
    },
    "cmd.chair.undo": {"nl": "Laatste wijziging ongedaan maken", "en": "Undo the last change"},
    "cmd.chair.export": {"nl": "Verslag exporteren", "en": "Export the minutes"},
    "cmd.chair.export_concept": {
        "nl": "Conceptverslag exporteren",
        "en": "Export draft minutes",
    },
    "cmd.chair.export_help": {
        "nl": "Word, PDF of Markdown; gecontroleerd op persoonsgegevens",
        "en": "Word, PDF or Markdown; checked for personal data",
    },
    "cmd.chair.finish": {"nl": "Overleg afronden…", "en": "Close the meeting…"},
    "cmd.chair.carry_over": {
        "nl": "Punt doorschuiven naar het volgende overleg…",
        "en": "Carry the item over to the next meeting…",
    },
    "cmd.chair.carry_over_help": {"nl": "Met een reden", "en": "With a reason"},
    "cmd.chair.reopen": {"nl": "Overleg heropenen…", "en": "Reopen the meeting…"},
    "cmd.chair.reopen_help": {
        "nl": "Met een reden; staat in het logboek en de casusgeschiedenis",
        "en": "With a reason; kept in the audit trail and the case histories",
    },
    "cmd.quit_help": {"nl": "Opslaan en stoppen", "en": "Save and quit"},
    "cmd.no_next_meeting": {
        "nl": "Er is geen komend overleg; maak er eerst een ('Nieuw overleg').",
        "en": "There is no upcoming meeting; create one first ('Nieuw overleg').",
    },
    # --- the import screen (screens/import_file.py) ---
    "bind.import": {"nl": "Import", "en": "Import"},
    "bind.import_run": {"nl": "Importeren", "en": "Import"},
    "bind.import_profile": {"nl": "Profiel", "en": "Profile"},
    "bind.import_read": {"nl": "Opnieuw lezen", "en": "Read again"},
    "cmd.import": {"nl": "Importeren uit spreadsheet", "en": "Import from a spreadsheet"},
    "cmd.import_help": {
        "nl": "Signalen uit een .csv of .xlsx, met kolommen en waarden te koppelen",
        "en": "Signals from a .csv or .xlsx, with columns and values to map",
    },
    "imp.title": {"nl": "Importeren", "en": "Import"},
    "imp.path_placeholder": {
        "nl": "Pad naar het bestand (.csv of .xlsx), dan Enter",
        "en": "Path of the file (.csv or .xlsx), then Enter",
    },
    "imp.profile_prompt": {"nl": "Profiel: geen", "en": "Profile: none"},
    "imp.hint": {
        "nl": "Typ het pad en druk op Enter. Niets wordt geïmporteerd voordat u ctrl+s "
        "geeft en het bevestigt; ctrl+r leest opnieuw.",
        "en": "Type the path and press Enter. Nothing is imported before you press ctrl+s "
        "and confirm; ctrl+r reads again.",
    },
    "imp.heading_columns": {"nl": "Kolommen", "en": "Columns"},
    "imp.heading_values": {"nl": "Onbekende waarden", "en": "Unknown values"},
    "imp.heading_preview": {
        "nl": "Eerste rijen zoals drieluik ze leest",
        "en": "First rows as drieluik reads them",
    },
    "imp.heading_problems": {"nl": "Problemen", "en": "Problems"},
    "imp.heading_problems_count": {"nl": "Problemen: {count}", "en": "Problems: {count}"},
    "imp.ignore": {"nl": "negeren", "en": "ignore"},
    "imp.automatic": {"nl": "automatisch", "en": "automatic"},
    "imp.unrecognised": {"nl": "niet herkend: kies", "en": "not recognised: choose"},
    "imp.recognised": {"nl": "{field} (herkend)", "en": "{field} (recognised)"},
    "imp.values_none": {"nl": "geen", "en": "none"},
    "imp.value_rows": {"nl": "({count}×)", "en": "({count}×)"},
    "imp.value_mapped": {"nl": "(gekoppeld)", "en": "(mapped)"},
    "imp.value_prompt": {"nl": "kies wat het is", "en": "choose what it is"},
    "imp.col_line": {"nl": "Regel", "en": "Row"},
    "imp.col_column": {"nl": "Kolom", "en": "Column"},
    "imp.col_kind": {"nl": "Soort", "en": "Kind"},
    "imp.col_message": {"nl": "Melding", "en": "Message"},
    "imp.kind_error": {"nl": "fout", "en": "error"},
    "imp.kind_personal": {"nl": "persoonsgegevens?", "en": "personal data?"},
    "imp.kind_warning": {"nl": "let op", "en": "note"},
    "imp.personal_refuse": {
        "nl": "Rijen met mogelijke persoonsgegevens: niet importeren",
        "en": "Rows with possible personal data: do not import",
    },
    "imp.personal_choose": {
        "nl": "Kies hierboven wat er met die rijen gebeurt, of verbeter het bestand.",
        "en": "Choose above what happens to those rows, or fix the file.",
    },
    "imp.personal_accept": {
        "nl": "toch importeren en markeren",
        "en": "import anyway and mark them",
    },
    "imp.personal_redact": {
        "nl": "anonimiseren (plaatshouders)",
        "en": "anonymise (placeholders)",
    },
    "imp.profile_name": {"nl": "Profielnaam:", "en": "Profile name:"},
    "imp.profile_placeholder": {
        "nl": "naam om de koppeling te bewaren (ctrl+b)",
        "en": "name to keep the mapping under (ctrl+b)",
    },
    "imp.path_needed": {
        "nl": "Typ eerst het pad naar het bestand.",
        "en": "Type the path of the file first.",
    },
    "imp.reading": {"nl": "Bezig met lezen…", "en": "Reading…"},
    "imp.checking": {
        "nl": "{total} rijen gelezen; bezig met de controle op persoonsgegevens…",
        "en": "{total} rows read; checking for personal data…",
    },
    "imp.reading_rows": {
        "nl": "Bezig met lezen… rij {done} van {total}",
        "en": "Reading… row {done} of {total}",
    },
    "imp.importing": {"nl": "Bezig met importeren…", "en": "Importing…"},
    "imp.file_columns": {
        "nl": "{path}: kolommen: {columns}.",
        "en": "{path}: columns: {columns}.",
    },
    "imp.file_rows": {
        "nl": "{path}: rijen: {rows}; geldig: {valid}; ongeldig: {invalid}; met mogelijke "
        "persoonsgegevens: {personal}.",
        "en": "{path}: rows: {rows}; valid: {valid}; invalid: {invalid}; with possible "
        "personal data: {personal}.",
    },
    "imp.has_errors": {
        "nl": "{invalid} van de {total} rijen zijn ongeldig (zie Problemen); koppel een "
        "kolom of waarde, of verbeter het bestand.",
        "en": "{invalid} of the {total} rows are invalid (see Problems); map a column or "
        "value, or fix the file.",
    },
    "imp.refused": {
        "nl": "{invalid} van de {total} rijen zijn ongeldig; er is niets geïmporteerd. "
        "Verbeter het bestand of de koppeling en lees opnieuw.",
        "en": "{invalid} of the {total} rows are invalid; nothing was imported. "
        "Fix the file or the mapping and read it again.",
    },
    "imp.ready": {
        "nl": "{valid} van de {total} rijen zijn klaar; ctrl+s importeert ze.",
        "en": "{valid} of the {total} rows are ready; ctrl+s imports them.",
    },
    "imp.still_reading": {
        "nl": "Het bestand wordt nog gelezen; even geduld.",
        "en": "The file is still being read; one moment.",
    },
    "imp.already_imported": {
        "nl": "Deze {count} signalen zijn al geïmporteerd; lees het bestand opnieuw "
        "(ctrl+r) om het nog eens te doen.",
        "en": "These {count} signals were imported already; read the file again (ctrl+r) "
        "to do it once more.",
    },
    "imp.nothing_read": {
        "nl": "Er is nog geen bestand gelezen.",
        "en": "No file has been read yet.",
    },
    "imp.confirm": {
        "nl": "{count} signalen als nieuwe casussen importeren?",
        "en": "Import {count} signals as new cases?",
    },
    "imp.confirm_yes": {"nl": "Importeren", "en": "Import"},
    "imp.leave_unkept": {
        "nl": "De koppeling die u hier maakte is niet bewaard (ctrl+b) en er is niets "
        "geïmporteerd. Toch terug?",
        "en": "The mapping you made here was not kept (ctrl+b) and nothing was imported. "
        "Go back anyway?",
    },
    "imp.leave_yes": {"nl": "Terug zonder bewaren", "en": "Back without keeping"},
    "imp.done": {
        "nl": "{count} signalen geïmporteerd: {first} t/m {last}.",
        "en": "{count} signals imported: {first} to {last}.",
    },
    "imp.done_none": {"nl": "Er is niets geïmporteerd.", "en": "Nothing was imported."},
    "imp.profile_empty": {
        "nl": "Er is nog niets gekoppeld om te bewaren.",
        "en": "Nothing has been mapped yet to keep.",
    },
    "imp.profile_saved": {
        "nl": "Koppeling bewaard als profiel '{name}' in de kluis.",
        "en": "Mapping kept as profile '{name}' in the vault.",
    },
    "imp.profile_loaded": {
        "nl": "Profiel '{name}' wordt gebruikt.",
        "en": "Using profile '{name}'.",
    },
    # --- read-only vaults ---
    "tui.read_only_state": {"nl": "alleen lezen", "en": "read only"},
    "tui.read_only_refused": {
        "nl": "Deze kluis is alleen-lezen geopend (de map is niet schrijfbaar); wijzigen "
        "kan hier niet en er is niets veranderd.",
        "en": "This vault was opened read-only (its folder is not writable); changes are "
        "not possible here and nothing was changed.",
    },
}
