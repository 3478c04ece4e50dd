"""Messages and document texts of the minutes export (issue 8).

The document follows the program's language like every other text: Dutch
by default. Vocabulary labels (reason, form, decision kind, status) are
Dutch terms of art and stay Dutch in both.
"""

_MONTHS_NL = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

MESSAGES = {
    # --- the document ---------------------------------------------------------------
    "minutes.title": {"nl": "Verslag {meeting} {date}", "en": "Minutes {meeting} {date}"},
    "minutes.title_concept": {
        "nl": "CONCEPT – Verslag {meeting} {date}",
        "en": "DRAFT – Minutes {meeting} {date}",
    },
    "minutes.concept_note": {
        "nl": "CONCEPT – het overleg is niet afgerond; dit verslag kan nog veranderen.",
        "en": "DRAFT – the meeting is not closed; these minutes may still change.",
    },
    "minutes.not_yet_discussed": {
        "nl": "Nog niet besproken.",
        "en": "Not yet discussed.",
    },
    "minutes.label.time": {"nl": "Tijd", "en": "Time"},
    "minutes.time_value": {
        "nl": "{spent} besteed, {planned} gepland",
        "en": "{spent} spent, {planned} planned",
    },
    "minutes.time_total": {
        "nl": "Totale tijd: {spent} besteed, {planned} gepland.",
        "en": "Total time: {spent} spent, {planned} planned.",
    },
    "minutes.subtitle_partner": {
        "nl": "Uittreksel voor {partner}: alleen de agendapunten en acties die deze "
        "organisatie aangaan.",
        "en": "Extract for {partner}: only the agenda items and actions that concern this "
        "organisation.",
    },
    "minutes.footer": {
        "nl": "Vertrouwelijk – geanonimiseerd verslag",
        "en": "Confidential – anonymised minutes",
    },
    "minutes.page": {"nl": "pagina {page} van {pages}", "en": "page {page} of {pages}"},
    "minutes.heading.attending": {"nl": "Aanwezige organisaties", "en": "Attending organisations"},
    "minutes.heading.agenda": {"nl": "Agenda", "en": "Agenda"},
    "minutes.heading.items": {"nl": "Bespreking per casus", "en": "Discussion per case"},
    "minutes.heading.item": {"nl": "{number}. Casus {code}", "en": "{number}. Case {code}"},
    "minutes.heading.decisions": {"nl": "Besluiten", "en": "Decisions"},
    "minutes.heading.actions": {"nl": "Acties", "en": "Actions"},
    "minutes.heading.action_list": {"nl": "Actielijst", "en": "Action list"},
    "minutes.agenda_entry": {"nl": "{code} — {reason}", "en": "{code} — {reason}"},
    "minutes.label.reason": {"nl": "Reden agendering", "en": "Reason on the agenda"},
    "minutes.label.reporter": {"nl": "Melder", "en": "Reported by"},
    "minutes.label.form": {"nl": "Vorm van uitbuiting", "en": "Form of exploitation"},
    "minutes.label.municipality": {"nl": "Gemeente", "en": "Municipality"},
    "minutes.label.summary": {"nl": "Samenvatting", "en": "Summary"},
    "minutes.label.notes": {"nl": "Bespreking", "en": "Discussion"},
    "minutes.label.referral": {"nl": "doorverwezen naar {org}", "en": "referred to {org}"},
    "minutes.label.review": {"nl": "herbeoordeling {date}", "en": "review {date}"},
    "minutes.label.owner": {"nl": "eigenaar {owner}", "en": "owner {owner}"},
    "minutes.label.due": {"nl": "uiterlijk {date}", "en": "due {date}"},
    "minutes.none.attending": {
        "nl": "Geen organisaties vastgelegd.",
        "en": "No organisations recorded.",
    },
    "minutes.none.items": {"nl": "Geen agendapunten.", "en": "No agenda items."},
    "minutes.none.items_partner": {
        "nl": "Geen agendapunten die deze organisatie aangaan.",
        "en": "No agenda items concern this organisation.",
    },
    "minutes.none.notes": {"nl": "Geen aantekeningen.", "en": "No notes."},
    "minutes.none.summary": {"nl": "Geen samenvatting.", "en": "No summary."},
    "minutes.none.decisions": {"nl": "Geen besluiten.", "en": "No decisions."},
    "minutes.none.actions": {"nl": "Geen acties.", "en": "No actions."},
    "minutes.none.actions_partner": {
        "nl": "Geen acties voor deze organisatie.",
        "en": "No actions for this organisation.",
    },
    "minutes.not_discussed": {
        "nl": "Niet besproken; schuift door naar het volgende overleg.",
        "en": "Not discussed; carried over to the next meeting.",
    },
    "minutes.col.case": {"nl": "Casus", "en": "Case"},
    "minutes.col.action": {"nl": "Actie", "en": "Action"},
    "minutes.col.owner": {"nl": "Eigenaar", "en": "Owner"},
    "minutes.col.due": {"nl": "Uiterlijk", "en": "Due"},
    "minutes.col.status": {"nl": "Status", "en": "Status"},
    **{
        f"minutes.month.{number}": {"nl": nl, "en": en}
        for number, (nl, en) in enumerate(zip(_MONTHS_NL, _MONTHS_EN, strict=True), start=1)
    },
    # --- where a finding is -----------------------------------------------------------
    "minutes.field.partner": {"nl": "organisatie van het uittreksel", "en": "extract recipient"},
    "minutes.field.attending": {"nl": "aanwezige organisatie", "en": "attending organisation"},
    "minutes.field.reporter": {"nl": "melder", "en": "reporter"},
    "minutes.field.summary": {"nl": "samenvatting", "en": "summary"},
    "minutes.field.notes": {"nl": "bespreking", "en": "discussion notes"},
    "minutes.field.decision_text": {"nl": "besluit", "en": "decision"},
    "minutes.field.decision_referral": {"nl": "doorverwijzing", "en": "referral"},
    "minutes.field.action_description": {"nl": "actie", "en": "action"},
    "minutes.field.action_owner": {"nl": "eigenaar actie", "en": "action owner"},
    "minutes.where.item": {
        "nl": "agendapunt {number} ({code}), {field}",
        "en": "agenda item {number} ({code}), {field}",
    },
    "minutes.where.action_list": {
        "nl": "actielijst ({code}), {field}",
        "en": "action list ({code}), {field}",
    },
    "minutes.finding": {
        "nl": "{where}: {category} «{excerpt}»",
        "en": "{where}: {category} «{excerpt}»",
    },
    # --- the export -----------------------------------------------------------------
    "minutes.blocked": {
        "nl": "Export geblokkeerd: {count} mogelijke persoonsgegevens gevonden (zie boven). "
        "Er is niets geschreven. Herschrijf de tekst, zet een term op de toegestane lijst, "
        "of exporteer met --redact.",
        "en": "Export blocked: {count} possible personal data found (see above). Nothing was "
        "written. Rewrite the text, allow-list a term, or export with --redact.",
    },
    "minutes.partner_empty": {
        "nl": "Geef bij --per-partner de naam van een organisatie.",
        "en": "Give an organisation name with --per-partner.",
    },
    "minutes.partner_unknown": {
        "nl": "Geen agendapunt van dit overleg gaat over '{partner}'; er is niets geschreven. "
        "Organisaties in dit overleg: {orgs}.",
        "en": "No agenda item of this meeting concerns '{partner}'; nothing was written. "
        "Organisations in this meeting: {orgs}.",
    },
    "minutes.partner_no_items": {
        "nl": "Dit overleg heeft geen agendapunten, dus geen uittreksel voor '{partner}'; "
        "er is niets geschreven.",
        "en": "This meeting has no agenda items, so no extract for '{partner}'; nothing was "
        "written.",
    },
    "minutes.format_unknown": {
        "nl": "Onbekend formaat '{format}': kies md, docx of pdf.",
        "en": "Unknown format '{format}': choose md, docx or pdf.",
    },
    "minutes.format_from_name": {
        "nl": "Aan '{name}' is het formaat niet te zien: eindig op .md, .docx of .pdf, "
        "of kies met --format.",
        "en": "'{name}' does not show the format: end it in .md, .docx or .pdf, "
        "or choose with --format.",
    },
    "minutes.format_mismatch": {
        "nl": "--format {format} past niet bij '{name}': kies een naam die op .{format} "
        "eindigt, of laat --format weg.",
        "en": "--format {format} does not match '{name}': use a name ending in .{format}, "
        "or leave out --format.",
    },
    "minutes.written": {
        "nl": "Verslag geschreven: {path} ({items} agendapunten, {actions} acties).",
        "en": "Minutes written: {path} ({items} agenda items, {actions} actions).",
    },
    "minutes.redacted": {
        "nl": "{count} mogelijke persoonsgegevens vervangen door plaatshouders.",
        "en": "{count} possible personal data replaced by placeholders.",
    },
}
