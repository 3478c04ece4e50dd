"""Messages of the meeting screens (list, preparation, chairing) and the live guard."""

MESSAGES = {
    "meeting.proposal_capped": {
        "nl": "{total} nieuwe signalen; de eerste {shown} (oudste eerst) staan op de agenda, "
        "de rest volgt bij de volgende overleggen.",
        "en": "{total} new signals; the first {shown} (oldest first) are on the agenda, "
        "the rest follow at the next meetings.",
    },
    "org.field.attending": {"nl": "Aanwezige organisatie", "en": "Attending organisation"},
    "org.field.owner": {"nl": "Eigenaar", "en": "Owner"},
    "org.field.referral": {"nl": "Doorverwijzing", "en": "Referral"},
    "org.confirm_in_dialog": {
        "nl": "'{text}' lijkt een {kind}. Noteer alleen organisaties. Is het echt een "
        "organisatie, sla dan nogmaals op: het komt op de lijst 'geen persoonsgegeven'.",
        "en": "'{text}' looks like a {kind}. Record organisations only. If it really is "
        "an organisation, save again: it goes on the 'not personal' list.",
    },
    "org.personal_data": {
        "nl": "{field}: '{text}' lijkt een {kind}. Vul een organisatie in, geen persoon. "
        "Is het toch een organisatie: `drieluik pii allow add` zet het op de lijst.",
        "en": "{field}: '{text}' looks like a {kind}. Enter an organisation, not a person. "
        "If it is an organisation after all, `drieluik pii allow add` lists it.",
    },
    # --- the live personal-data guard (widgets/pii_guard.py) ---------------------
    "guard.bind.redact_here": {"nl": "Anonimiseer", "en": "Redact"},
    "guard.bind.redact_all": {"nl": "Alles anonimiseren", "en": "Redact all"},
    "guard.bind.allow": {"nl": "Geen persoonsgegeven", "en": "Not personal"},
    "guard.heading": {
        "nl": "⚠ {count} mogelijk persoonsgegeven(s)",
        "en": "⚠ {count} possible personal data",
    },
    "guard.keys": {
        "nl": "F8/Ctrl+R anonimiseer · F9 alles · F10/Ctrl+O geen persoonsgegeven",
        "en": "F8/Ctrl+R redact · F9 all · F10/Ctrl+O not personal",
    },
    "guard.more": {"nl": "… en nog {count}", "en": "… and {count} more"},
    "guard.none": {
        "nl": "Geen persoonsgegevens gevonden.",
        "en": "No personal data found.",
    },
    "guard.moved": {
        "nl": "Cursor staat op de volgende vondst; druk nogmaals om die te behandelen.",
        "en": "The cursor is on the next finding; press again to handle it.",
    },
    "guard.redacted": {
        "nl": "{count} vondst(en) vervangen door een aanduiding.",
        "en": "{count} finding(s) replaced by a placeholder.",
    },
    "guard.allowed": {
        "nl": "'{term}' staat nu op de lijst van toegestane woorden.",
        "en": "'{term}' is now on the allow-list.",
    },
    "guard.allow_unavailable": {
        "nl": "De lijst van toegestane woorden is niet beschikbaar.",
        "en": "The allow-list is not available.",
    },
    # --- shared --------------------------------------------------------------------
    "mtg.bind.back": {"nl": "Terug", "en": "Back"},
    "mtg.yes": {"nl": "Ja", "en": "Yes"},
    "mtg.start_confirm": {
        "nl": "Het overleg van {date} nu beginnen? De begintijd wordt vastgelegd.",
        "en": "Begin the meeting of {date} now? Its start time is recorded.",
    },
    "mtg.start_future_confirm": {
        "nl": "Het overleg van {date} ligt in de toekomst. Toch nu beginnen? De begintijd "
        "wordt vastgelegd.",
        "en": "The meeting of {date} is in the future. Begin it now anyway? Its start time "
        "is recorded.",
    },
    "mtg.start_yes": {"nl": "Beginnen", "en": "Begin"},
    "mtg.no": {"nl": "Nee", "en": "No"},
    "mtg.ok": {"nl": "Opslaan", "en": "Save"},
    "mtg.cancel": {"nl": "Annuleren", "en": "Cancel"},
    "mtg.date_invalid": {
        "nl": "Ongeldige datum '{value}' (JJJJ-MM-DD of DD-MM-JJJJ).",
        "en": "Invalid date '{value}' (YYYY-MM-DD or DD-MM-YYYY).",
    },
    "mtg.finished": {"nl": "afgerond", "en": "finished"},
    "mtg.open": {"nl": "gepland", "en": "planned"},
    "mtg.started": {"nl": "bezig", "en": "in progress"},
    # --- meetings list (screens/meetings.py) ----------------------------------------
    "meetings.title": {"nl": "Overleggen", "en": "Meetings"},
    "meetings.col.date": {"nl": "Datum", "en": "Date"},
    "meetings.col.items": {"nl": "Punten", "en": "Items"},
    "meetings.col.state": {"nl": "Stand", "en": "State"},
    "meetings.empty": {
        "nl": "Nog geen overleggen. Druk N voor een nieuw overleg.",
        "en": "No meetings yet. Press N for a new meeting.",
    },
    "meetings.bind.open": {"nl": "Voorbereiden", "en": "Prepare"},
    "meetings.bind.new": {"nl": "Nieuw", "en": "New"},
    "meetings.bind.chair": {"nl": "Vergaderen", "en": "Chair"},
    "meetings.bind.export": {"nl": "Verslag", "en": "Minutes"},
    # --- preparation (screens/meeting_prep.py) --------------------------------------
    "prep.title": {"nl": "Overleg voorbereiden", "en": "Prepare the meeting"},
    "prep.title_date": {
        "nl": "{meeting} van {date} — voorbereiding",
        "en": "{meeting} of {date} — preparation",
    },
    "prep.date_label": {"nl": "Datum overleg", "en": "Meeting date"},
    "prep.date_hint": {
        "nl": "Enter: aanmaken met deze agenda",
        "en": "Enter: create with this agenda",
    },
    "prep.proposal": {
        "nl": "Voorstel voor {date}: {count} punt(en)",
        "en": "Proposal for {date}: {count} item(s)",
    },
    "prep.agenda": {
        "nl": "Agenda: {count} punt(en) · {state}",
        "en": "Agenda: {count} item(s) · {state}",
    },
    "prep.no_items": {
        "nl": "Geen punten. Voeg een casus toe met A.",
        "en": "No items. Add a case with A.",
    },
    "prep.col.pos": {"nl": "#", "en": "#"},
    "prep.col.code": {"nl": "Casus", "en": "Case"},
    "prep.col.reason": {"nl": "Reden", "en": "Reason"},
    "prep.col.form": {"nl": "Vorm", "en": "Form"},
    "prep.col.minutes": {"nl": "Min", "en": "Min"},
    "prep.agenda_planned": {
        "nl": "Agenda ({count}) · {minutes} min · {state}",
        "en": "Agenda ({count}) · {minutes} min · {state}",
    },
    "prep.bind.minutes": {"nl": "Tijd", "en": "Time"},
    "prep.minutes_set": {
        "nl": "{code}: {minutes} minuten gepland.",
        "en": "{code}: {minutes} minutes planned.",
    },
    "dlg.date_placeholder": {"nl": "DD-MM-JJJJ of DD-MM", "en": "DD-MM-YYYY or DD-MM"},
    "dlg.minutes.title": {"nl": "Geplande tijd voor {code}", "en": "Planned time for {code}"},
    "dlg.minutes.label": {"nl": "Minuten", "en": "Minutes"},
    "prep.col.municipality": {"nl": "Gemeente", "en": "Municipality"},
    "prep.col.status": {"nl": "Status", "en": "Status"},
    "prep.add_label": {"nl": "Casus toevoegen", "en": "Add a case"},
    "prep.add_placeholder": {
        "nl": "code (DL-2024-003) of zoekwoord, Enter",
        "en": "code (DL-2024-003) or search word, Enter",
    },
    "prep.add_no_match": {
        "nl": "Geen casus gevonden voor '{text}'.",
        "en": "No case found for '{text}'.",
    },
    "prep.added": {"nl": "{code} staat op de agenda.", "en": "{code} is on the agenda."},
    "prep.removed": {"nl": "{code} is van de agenda gehaald.", "en": "{code} was removed."},
    "prep.remove_confirm": {
        "nl": "{code} ({reason}) van de agenda halen?",
        "en": "Remove {code} ({reason}) from the agenda?",
    },
    "prep.orgs_label": {"nl": "Aanwezige organisaties", "en": "Attending organisations"},
    "prep.orgs_hint": {
        "nl": "Spatie: aan/uit. Alleen organisaties, nooit namen van personen.",
        "en": "Space: toggle. Organisations only, never names of people.",
    },
    "prep.org_placeholder": {
        "nl": "andere organisatie, Enter",
        "en": "other organisation, Enter",
    },
    "prep.org_person_warning": {
        "nl": "'{text}' lijkt een persoonsnaam. Noteer alleen organisaties. Is het echt een "
        "organisatie, druk dan nogmaals Enter: het komt op de lijst 'geen persoonsgegeven'.",
        "en": "'{text}' looks like a person's name. Record organisations only. If it really is "
        "an organisation, press Enter again: it goes on the 'not personal' list.",
    },
    "prep.not_created": {
        "nl": "Maak eerst het overleg aan (Enter in het datumveld).",
        "en": "Create the meeting first (Enter in the date field).",
    },
    "prep.finished": {
        "nl": "Dit overleg is afgerond; de agenda ligt vast.",
        "en": "This meeting is finished; the agenda is fixed.",
    },
    "prep.bind.add": {"nl": "Casus toevoegen", "en": "Add case"},
    "prep.bind.remove": {"nl": "Verwijderen", "en": "Remove"},
    "prep.bind.up": {"nl": "Omhoog", "en": "Move up"},
    "prep.bind.down": {"nl": "Omlaag", "en": "Move down"},
    "prep.bind.orgs": {"nl": "Aanwezigen", "en": "Attending"},
    "prep.bind.start": {"nl": "Vergaderen", "en": "Chair"},
    "prep.keys": {
        "nl": "a casus · m tijd · ^↑↓ volgorde · o aanwezigen",
        "en": "a case · m time · ^↑↓ order · o attending",
    },
    "prep.bind.open_case": {"nl": "Casus openen", "en": "Open case"},
    # --- chairing (screens/chairing.py) ---------------------------------------------
    "chair.title": {
        "nl": "{meeting} {date} · punt {number}/{total}",
        "en": "{meeting} {date} · item {number}/{total}",
    },
    "chair.no_items": {
        "nl": "Dit overleg heeft geen agendapunten.",
        "en": "This meeting has no agenda items.",
    },
    "chair.reason": {"nl": "reden: {reason}", "en": "reason: {reason}"},
    "chair.discussed": {"nl": "✓ besproken", "en": "✓ discussed"},
    "chair.not_discussed": {"nl": "nog niet besproken", "en": "not yet discussed"},
    "chair.item_clock": {"nl": "punt", "en": "item"},
    "chair.meeting_clock": {"nl": "overleg {time}", "en": "meeting {time}"},
    "chair.case_line": {
        "nl": "{form} · {municipality} · melder: {reporter}",
        "en": "{form} · {municipality} · reporter: {reporter}",
    },
    "chair.summary": {"nl": "Omschrijving", "en": "Summary"},
    "chair.history": {"nl": "Geschiedenis", "en": "History"},
    "chair.history_empty": {"nl": "(nog niets)", "en": "(nothing yet)"},
    "chair.open_actions": {"nl": "Open actiepunten", "en": "Open actions"},
    "chair.open_actions_empty": {"nl": "(geen)", "en": "(none)"},
    "chair.notes": {"nl": "Notities", "en": "Notes"},
    "chair.notes_placeholder": {
        "nl": "Notities bij dit punt — geen namen of andere persoonsgegevens.",
        "en": "Notes on this item — no names or other personal data.",
    },
    "chair.decisions": {"nl": "Besluiten", "en": "Decisions"},
    "chair.decisions_empty": {"nl": "(nog geen besluit — F5)", "en": "(no decision — F5)"},
    "chair.actions": {"nl": "Nieuwe actiepunten", "en": "New actions"},
    "chair.actions_empty": {"nl": "(geen — F6)", "en": "(none — F6)"},
    "chair.status": {"nl": "Status: {status}", "en": "Status: {status}"},
    "chair.next_status": {"nl": "Volgende status: {status}", "en": "Next status: {status}"},
    "chair.until": {"nl": "tot {date}", "en": "until {date}"},
    "chair.due": {"nl": "uiterlijk {date}", "en": "due {date}"},
    "chair.postponed": {"nl": "{count}× uitgesteld", "en": "postponed {count}×"},
    "chair.saved_notes": {"nl": "notities opgeslagen", "en": "notes saved"},
    "chair.decision_saved": {
        "nl": "Besluit vastgelegd: {kind}; status nu {status}.",
        "en": "Decision recorded: {kind}; status now {status}.",
    },
    "chair.action_saved": {
        "nl": "Actiepunt vastgelegd voor {owner}.",
        "en": "Action recorded for {owner}.",
    },
    "chair.action_done": {"nl": "Actiepunt gedaan.", "en": "Action done."},
    "chair.action_postponed": {
        "nl": "Actiepunt uitgesteld tot {date}.",
        "en": "Action postponed until {date}.",
    },
    "chair.decision_deleted": {"nl": "Besluit verwijderd.", "en": "Decision deleted."},
    "chair.marked": {
        "nl": "{code} besproken ({time}).",
        "en": "{code} discussed ({time}).",
    },
    "chair.last_item": {
        "nl": "Dit was het laatste punt. Ctrl+G rondt het overleg af.",
        "en": "That was the last item. Ctrl+G closes the meeting.",
    },
    "chair.finish_confirm": {
        "nl": "Overleg afronden? {open} van {total} punt(en) niet besproken; "
        "die worden doorgeschoven naar het volgende overleg.",
        "en": "Close the meeting? {open} of {total} item(s) not discussed; "
        "they are carried over to the next meeting.",
    },
    "chair.finish_confirm_all": {
        "nl": "Overleg afronden? Alle {total} punt(en) zijn besproken.",
        "en": "Close the meeting? All {total} item(s) were discussed.",
    },
    "chair.finished": {
        "nl": "Overleg afgerond. {count} punt(en) doorgeschoven naar het volgende overleg.",
        "en": "Meeting closed. {count} item(s) carried over to the next meeting.",
    },
    "chair.finished_banner": {
        "nl": "Afgerond — {count} punt(en) doorgeschoven",
        "en": "Finished — {count} item(s) carried over",
    },
    "chair.bind.done_next": {"nl": "Besproken ▸", "en": "Discussed ▸"},
    "chair.bind.next": {"nl": "Volgende", "en": "Next"},
    "chair.bind.previous": {"nl": "Vorige", "en": "Previous"},
    "chair.bind.decision": {"nl": "Besluit", "en": "Decision"},
    "chair.bind.action": {"nl": "Actie", "en": "Action"},
    "chair.bind.finish": {"nl": "Afronden", "en": "Close meeting"},
    "chair.bind.undo": {"nl": "Ongedaan", "en": "Undo"},
    "chair.bind.stray": {"nl": "(niets)", "en": "(nothing)"},
    "chair.bind.export": {"nl": "Verslag", "en": "Minutes"},
    "chair.bind.notes": {"nl": "Notities", "en": "Notes"},
    "chair.carried_over": {"nl": "doorgeschoven", "en": "carried over"},
    "chair.timebox": {"nl": "{spent} / {planned}", "en": "{spent} / {planned}"},
    "chair.clock_paused": {"nl": "klok gepauzeerd", "en": "clock paused"},
    "chair.undo_nothing": {
        "nl": "Er is niets om ongedaan te maken.",
        "en": "There is nothing to undo.",
    },
    "chair.undo_confirm": {"nl": "Ongedaan maken: {what}?", "en": "Undo: {what}?"},
    "chair.undone": {"nl": "Ongedaan gemaakt: {what}.", "en": "Undone: {what}."},
    "chair.change.decision": {
        "nl": "besluit '{kind}' bij {code}",
        "en": "decision '{kind}' on {code}",
    },
    "chair.change.action": {
        "nl": "actiepunt voor {owner} bij {code}",
        "en": "action for {owner} on {code}",
    },
    "chair.owner_unknown": {
        "nl": "'{name}' is geen organisatie die de kluis kent. Kies er een uit de suggesties, "
        "of sla nogmaals op om '{name}' toch te gebruiken.",
        "en": "'{name}' is not an organisation the vault knows. Pick one from the suggestions, "
        "or save again to use '{name}' anyway.",
    },
    "chair.item_time": {"nl": "punt {time}", "en": "item {time}"},
    "chair.future_confirm": {
        "nl": "Dit overleg staat op {date}, in de toekomst. Nu toch beginnen?",
        "en": "This meeting is dated {date}, in the future. Start it now anyway?",
    },
    "chair.finish_future": {
        "nl": "Let op: dit overleg staat op {date}, in de toekomst.",
        "en": "Note: this meeting is dated {date}, in the future.",
    },
    "chair.change.discussed": {
        "nl": "{code} als besproken gemarkeerd",
        "en": "{code} marked discussed",
    },
    "chair.change.carried_over": {"nl": "{code} doorgeschoven", "en": "{code} carried over"},
    "chair.change.action_done": {
        "nl": "actiepunt gedaan: {description}",
        "en": "action done: {description}",
    },
    "chair.change.action_cancel": {
        "nl": "actiepunt vervallen: {description}",
        "en": "action cancelled: {description}",
    },
    "chair.carry_over_title": {
        "nl": "{code} doorschuiven naar het volgende overleg",
        "en": "Carry {code} over to the next meeting",
    },
    "chair.reason_label": {
        "nl": "Reden (zonder persoonsgegevens)",
        "en": "Reason (no personal data)",
    },
    "chair.carried": {
        "nl": "{code} schuift door naar het volgende overleg.",
        "en": "{code} is carried over to the next meeting.",
    },
    "chair.reopen_title": {
        "nl": "Overleg van {date} heropenen",
        "en": "Reopen the meeting of {date}",
    },
    "chair.reopened": {
        "nl": "Overleg heropend; rond het opnieuw af als u klaar bent.",
        "en": "Meeting reopened; close it again when you are done.",
    },
    "chair.action_edited": {"nl": "Actiepunt gewijzigd.", "en": "Action changed."},
    "chair.menu.edit": {"nl": "Bewerken…", "en": "Edit…"},
    "chair.menu.postpone": {"nl": "Uitstellen…", "en": "Postpone…"},
    "chair.menu.done": {"nl": "Gedaan…", "en": "Done…"},
    "chair.menu.cancel": {"nl": "Laten vervallen…", "en": "Cancel…"},
    "chair.menu.back": {"nl": "Terug (niets wijzigen)", "en": "Back (change nothing)"},
    "chair.action_cancel": {"nl": "Actiepunt vervallen.", "en": "Action cancelled."},
    "chair.action_done_confirm": {
        "nl": "Actiepunt als gedaan markeren? {description}",
        "en": "Mark the action as done? {description}",
    },
    "chair.action_cancel_confirm": {
        "nl": "Actiepunt laten vervallen? {description}",
        "en": "Cancel the action? {description}",
    },
    # --- decision and action dialogs -------------------------------------------------
    "dlg.decision.title": {"nl": "Besluit over {code}", "en": "Decision on {code}"},
    "dlg.decision.kind": {"nl": "Besluit", "en": "Decision"},
    "dlg.decision.referral": {
        "nl": "Doorverwijzing naar (organisatie)",
        "en": "Referred to (org.)",
    },
    "dlg.decision.review": {
        "nl": "Monitoring tot / herbeoordeling op (datum)",
        "en": "Monitoring until / review on (date)",
    },
    "dlg.decision.text": {"nl": "Toelichting", "en": "Explanation"},
    "dlg.decision.next_status": {"nl": "Volgende status van de casus", "en": "Case's next status"},
    "dlg.decision.delete_confirm": {
        "nl": "Besluit '{kind}' wissen? (de status van de casus blijft zoals hij is)",
        "en": "Delete decision '{kind}'? (the case's status stays as it is)",
    },
    "dlg.action.title": {"nl": "Actiepunt bij {code}", "en": "Action on {code}"},
    "dlg.action.what": {"nl": "Wat", "en": "What"},
    "dlg.action.owner": {"nl": "Eigenaar (organisatie)", "en": "Owner (organisation)"},
    "dlg.action.due": {"nl": "Uiterlijk (datum, mag leeg)", "en": "Due (date, optional)"},
    "dlg.action.postpone_title": {"nl": "Actiepunt uitstellen", "en": "Postpone the action"},
    "dlg.action.new_due": {"nl": "Nieuwe datum", "en": "New date"},
    "dlg.required": {"nl": "{field}: verplicht", "en": "{field}: required"},
    "dlg.keys": {
        "nl": "Tab: volgend veld · Ctrl+S of F2: opslaan · Esc: annuleren",
        "en": "Tab: next field · Ctrl+S or F2: save · Esc: cancel",
    },
    # --- minutes export dialog -------------------------------------------------------
    "dlg.export.title": {"nl": "Verslag exporteren", "en": "Export the minutes"},
    "dlg.export.format": {"nl": "Formaat", "en": "Format"},
    "dlg.export.path": {"nl": "Bestand", "en": "File"},
    "dlg.export.redact": {
        "nl": "Persoonsgegevens vervangen door aanduidingen ([NAAM], …)",
        "en": "Replace personal data by placeholders ([NAAM], …)",
    },
    "dlg.export.exists": {
        "nl": "{path} bestaat al en is niet aangeraakt. Kies een andere naam, of vink "
        '"Bestaand bestand overschrijven" aan.',
        "en": "{path} already exists and was not touched. Choose another name, or tick "
        '"Overwrite an existing file".',
    },
    "dlg.export.force": {
        "nl": "Bestaand bestand overschrijven",
        "en": "Overwrite an existing file",
    },
    "dlg.export.partner": {
        "nl": "Alleen voor partner (organisatie, mag leeg)",
        "en": "For one partner only (organisation, optional)",
    },
    "dlg.export.run": {"nl": "Exporteren", "en": "Export"},
    "dlg.export.redact_run": {"nl": "Anonimiseren en exporteren", "en": "Redact and export"},
    "dlg.export.busy": {"nl": "Bezig met exporteren…", "en": "Exporting…"},
    "dlg.export.blocked": {
        "nl": "Niet geëxporteerd: {count} mogelijk persoonsgegeven(s) gevonden. "
        "Pas de tekst aan, of kies 'Anonimiseren en exporteren'.",
        "en": "Not exported: {count} possible personal data found. "
        "Change the text, or choose 'Redact and export'.",
    },
    "dlg.export.done": {
        "nl": "Verslag geschreven: {path}",
        "en": "Minutes written: {path}",
    },
    "dlg.export.done_redacted": {
        "nl": "Verslag geschreven: {path} ({count} vervangen)",
        "en": "Minutes written: {path} ({count} replaced)",
    },
    "dlg.export.offer": {
        "nl": 'Het verslag nu exporteren? Later kan het ook: Ctrl+P, "Verslag exporteren", '
        "of V in de lijst van overleggen.",
        "en": 'Export the minutes now? You can later too: Ctrl+P, "Export the minutes", '
        "or V in the list of meetings.",
    },
    # --- meeting states and the chairing services (issue 11) ---------------------
    "meeting.state.gepland": {"nl": "gepland", "en": "planned"},
    "meeting.state.bezig": {"nl": "bezig", "en": "in progress"},
    "meeting.state.afgerond": {"nl": "afgerond", "en": "closed"},
    "meeting.state.heropend": {"nl": "heropend", "en": "reopened"},
    "meeting.future_start": {
        "nl": "Het overleg van {date} ligt in de toekomst. Weet u zeker dat u het nu wilt "
        "starten? Bevestig dat eerst.",
        "en": "The meeting of {date} is in the future. Are you sure you want to start it "
        "now? Confirm that first.",
    },
    "meeting.future_finish": {
        "nl": "Het overleg van {date} ligt in de toekomst. Weet u zeker dat u het nu wilt "
        "afronden? Bevestig dat eerst.",
        "en": "The meeting of {date} is in the future. Are you sure you want to close it "
        "now? Confirm that first.",
    },
    "meeting.not_finished": {
        "nl": "Het overleg van {date} is niet afgerond; heropenen kan alleen na afronden.",
        "en": "The meeting of {date} is not closed; only a closed meeting can be reopened.",
    },
    "meeting.reason_required": {
        "nl": "Geef een reden op.",
        "en": "Give a reason.",
    },
    "meeting.planned_out_of_range": {
        "nl": "De geplande tijd is 1 tot {maximum} minuten.",
        "en": "The planned time is 1 to {maximum} minutes.",
    },
    "meeting.item_discussed": {
        "nl": "Casus {code} is al besproken; maak dat eerst ongedaan om hem door te schuiven.",
        "en": "Case {code} has been discussed; undo that first to carry it over.",
    },
    "meeting.item_not_discussed": {
        "nl": "Dit agendapunt is nog niet besproken.",
        "en": "This agenda item has not been discussed.",
    },
    "meeting.item_not_carried_over": {
        "nl": "Casus {code} is niet doorgeschoven.",
        "en": "Case {code} has not been carried over.",
    },
    "decision.not_found": {
        "nl": "Dit besluit bestaat niet (meer).",
        "en": "This decision does not exist (any more).",
    },
    "decision.undo_not_newest": {
        "nl": "Alleen het laatste besluit over casus {code} kan ongedaan worden gemaakt.",
        "en": "Only the newest decision on case {code} can be undone.",
    },
    "decision.undo_unknown": {
        "nl": "Dit besluit over casus {code} is van voor deze versie; het kan niet ongedaan "
        "worden gemaakt. Verwijder het en zet de status met de hand terug.",
        "en": "This decision on case {code} predates this version and cannot be undone. "
        "Delete it and set the status back by hand.",
    },
    # --- history lines of the chairing undo and reopen events (services/history.py)
    "history.kind.DOORSCHUIVEN_ONGEDAAN": {
        "nl": "doorschuiven ongedaan gemaakt",
        "en": "carry-over undone",
    },
    "history.kind.BESPROKEN_ONGEDAAN": {
        "nl": "besproken ongedaan gemaakt",
        "en": "discussed undone",
    },
    "history.kind.BESLUIT_ONGEDAAN": {
        "nl": "besluit ongedaan gemaakt",
        "en": "decision undone",
    },
    "history.kind.OVERLEG_HEROPEND": {"nl": "overleg heropend", "en": "meeting reopened"},
}
