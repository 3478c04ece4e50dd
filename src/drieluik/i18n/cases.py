"""Messages of the case register: cases, validation, import, demo."""

MESSAGES = {
    "case.not_found": {"nl": "Casus {code} bestaat niet.", "en": "Case {code} does not exist."},
    "case.code_exists": {
        "nl": "Casuscode {code} bestaat al.",
        "en": "Case code {code} already exists.",
    },
    "case.code_invalid": {
        "nl": "Ongeldige casuscode '{code}' (verwacht DL-JJJJ-NNN).",
        "en": "Invalid case code '{code}' (expected DL-YYYY-NNN).",
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
    "field.municipality_invalid": {
        "nl": "onbekende gemeente '{value}' (een van de 12 Drentse gemeenten, "
        "'buiten Drenthe' of 'onbekend')",
        "en": "unknown municipality '{value}' (one of the 12 Drenthe municipalities, "
        "'buiten Drenthe' or 'onbekend')",
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
        "nl": "ongeldige code '{value}' (verwacht DL-JJJJ-NNN)",
        "en": "invalid code '{value}' (expected DL-YYYY-NNN)",
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
}
