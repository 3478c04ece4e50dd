"""Messages of the personal-data guard: categories, `drieluik pii`, the allow-list."""

MESSAGES = {
    # Category names as people read them (the placeholders stay Dutch in every language).
    "pii.category.PERSON": {"nl": "naam", "en": "name"},
    "pii.category.BSN": {"nl": "BSN", "en": "citizen service number (BSN)"},
    "pii.category.PHONE": {"nl": "telefoonnummer", "en": "phone number"},
    "pii.category.EMAIL": {"nl": "e-mailadres", "en": "e-mail address"},
    "pii.category.ADDRESS": {"nl": "adres", "en": "address"},
    "pii.category.POSTCODE": {"nl": "postcode", "en": "postcode"},
    "pii.category.DOB": {"nl": "geboortedatum", "en": "date of birth"},
    "pii.category.PLATE": {"nl": "kenteken", "en": "licence plate"},
    "pii.category.IBAN": {"nl": "IBAN", "en": "IBAN"},
    "pii.category.ID_DOCUMENT": {
        "nl": "identiteitsdocument- of registratienummer",
        "en": "identity document or registration number",
    },
    "pii.category.SOCIAL": {"nl": "sociale-media-account", "en": "social-media account"},
    "pii.category.AD_URL": {"nl": "advertentielink", "en": "advertisement link"},
    "pii.allow.field": {"nl": "toegestane term", "en": "allowed term"},
    "pii.allow.empty": {
        "nl": "De term is leeg; geef een woord of naam op.",
        "en": "The term is empty; give a word or name.",
    },
    "pii.allow.added": {
        "nl": "'{term}' staat op de lijst van toegestane termen.",
        "en": "'{term}' is on the allow-list.",
    },
    "pii.allow.removed": {
        "nl": "'{term}' staat niet (meer) op de lijst van toegestane termen.",
        "en": "'{term}' is not (or no longer) on the allow-list.",
    },
    "pii.allow.none": {
        "nl": "Geen eigen toegestane termen.",
        "en": "No allowed terms of your own.",
    },
    "pii.scan.none": {
        "nl": "Geen persoonsgegevens gevonden.",
        "en": "No personal data found.",
    },
    "pii.scan.count": {
        "nl": "{count} mogelijke persoonsgegeven(s) gevonden.",
        "en": "{count} possible item(s) of personal data found.",
    },
    "pii.scan.file_unreadable": {
        "nl": "Kan {path} niet lezen ({detail}).",
        "en": "Cannot read {path} ({detail}).",
    },
    "pii.scan.stdin_unreadable": {
        "nl": "Kan de invoer niet lezen ({detail}).",
        "en": "Cannot read the input ({detail}).",
    },
}
