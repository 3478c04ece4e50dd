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
    # Which rule found a finding: `pii scan --explain` (rule ids in services/pii).
    "pii.rule.bsn.11-proef": {
        "nl": "9 cijfers die de 11-proef halen",
        "en": "9 digits that pass the 11-check",
    },
    "pii.rule.iban.mod-97": {
        "nl": "landcode, controlegetal en lengte van een IBAN (mod 97)",
        "en": "IBAN country code, check digits and length (mod 97)",
    },
    "pii.rule.phone.dutch": {
        "nl": "Nederlands nummer: 10 cijfers beginnend met 0",
        "en": "Dutch number: 10 digits starting with 0",
    },
    "pii.rule.phone.plus31": {
        "nl": "Nederlands nummer met +31 of 0031",
        "en": "Dutch number with +31 or 0031",
    },
    "pii.rule.phone.international": {
        "nl": "buitenlands nummer met + of 00 en 8-15 cijfers",
        "en": "foreign number with + or 00 and 8-15 digits",
    },
    "pii.rule.email": {
        "nl": "e-mailadres (naam@domein)",
        "en": "e-mail address (name@domain)",
    },
    "pii.rule.postcode": {
        "nl": "postcode: 4 cijfers en 2 letters",
        "en": "postcode: 4 digits and 2 letters",
    },
    "pii.rule.address.street": {
        "nl": "straatnaam met straatwoord (-straat, -weg, …) en huisnummer",
        "en": "street name with a street ending (-straat, -weg, …) and a house number",
    },
    "pii.rule.address.lower-case": {
        "nl": "straatnaam in kleine letters met huisnummer",
        "en": "street name in lower case with a house number",
    },
    "pii.rule.address.cue": {
        "nl": "woorden met huisnummer na 'woont aan', 'adres:', 'aan de'",
        "en": "words and a house number after 'woont aan', 'adres:', 'aan de'",
    },
    "pii.rule.dob.cue-date": {
        "nl": "datum na 'geboren', 'geb.' of 'geboortedatum'",
        "en": "date after 'geboren', 'geb.' or 'geboortedatum'",
    },
    "pii.rule.dob.date-cue": {
        "nl": "datum direct voor 'geboren'",
        "en": "date right before 'geboren'",
    },
    "pii.rule.person.surname-comma": {
        "nl": "achternaam in hoofdletters, komma, voornaam (JANSEN, Piet)",
        "en": "surname in capitals, comma, first name (JANSEN, Piet)",
    },
    "pii.rule.dob.cue-year": {
        "nl": "jaartal direct na 'geb.' of 'geboren'",
        "en": "year right after 'geb.' or 'geboren'",
    },
    "pii.rule.plate.dutch": {
        "nl": "Nederlands kenteken (sidecode 1-14)",
        "en": "Dutch licence plate (sidecodes 1-14)",
    },
    "pii.rule.plate.german": {
        "nl": "Duits kenteken (OS-AB 123)",
        "en": "German licence plate (OS-AB 123)",
    },
    "pii.rule.plate.bulgarian-ukrainian": {
        "nl": "Bulgaars of Oekraïens kenteken (CA 1234 AB)",
        "en": "Bulgarian or Ukrainian licence plate (CA 1234 AB)",
    },
    "pii.rule.plate.romanian": {
        "nl": "Roemeens kenteken (TM 21 XYZ)",
        "en": "Romanian licence plate (TM 21 XYZ)",
    },
    "pii.rule.plate.belgian": {
        "nl": "Belgisch kenteken (1-ABC-123)",
        "en": "Belgian licence plate (1-ABC-123)",
    },
    "pii.rule.plate.french-italian": {
        "nl": "Frans of Italiaans kenteken (AB-123-CD)",
        "en": "French or Italian licence plate (AB-123-CD)",
    },
    "pii.rule.plate.polish": {
        "nl": "Pools kenteken (PO 5K221) na een woord als 'kenteken' of 'auto'",
        "en": "Polish licence plate (PO 5K221) after a word such as 'kenteken' or 'auto'",
    },
    "pii.rule.plate.baltic-hungarian": {
        "nl": "Litouws of Hongaars kenteken (ABC 123) na 'kenteken', 'auto', …",
        "en": "Lithuanian or Hungarian licence plate (ABC 123) after 'kenteken', 'auto', …",
    },
    "pii.rule.plate.slovak": {
        "nl": "Slowaaks kenteken (BA-123AB) na 'kenteken', 'auto', …",
        "en": "Slovak licence plate (BA-123AB) after 'kenteken', 'auto', …",
    },
    "pii.rule.plate.czech": {
        "nl": "Tsjechisch kenteken (1A2 3456) na 'kenteken', 'auto', …",
        "en": "Czech licence plate (1A2 3456) after 'kenteken', 'auto', …",
    },
    "pii.rule.plate.spanish": {
        "nl": "Spaans kenteken (1234 BCD) na 'kenteken', 'auto', …",
        "en": "Spanish licence plate (1234 BCD) after 'kenteken', 'auto', …",
    },
    "pii.rule.id.police-registration": {
        "nl": "politieregistratienummer (PLnnnn-jjjjnnnnnn)",
        "en": "police registration number (PLnnnn-yyyynnnnnn)",
    },
    "pii.rule.id.dutch-document": {
        "nl": "nummer van een Nederlands paspoort of ID-kaart (9 tekens)",
        "en": "Dutch passport or identity card number (9 characters)",
    },
    "pii.rule.id.document-cue": {
        "nl": "documentnummer na 'paspoort', 'ID-kaart', 'verblijfsdocument', …",
        "en": "document number after 'paspoort', 'ID-kaart', 'verblijfsdocument', …",
    },
    "pii.rule.id.v-number": {
        "nl": "10 cijfers na 'V-nummer' of 'vreemdelingennummer'",
        "en": "10 digits after 'V-nummer' or 'vreemdelingennummer'",
    },
    "pii.rule.social.profile-link": {
        "nl": "link naar een profiel op sociale media (instagram.com/…, t.me/…)",
        "en": "link to a social-media profile (instagram.com/…, t.me/…)",
    },
    "pii.rule.social.handle": {
        "nl": "gebruikersnaam met @",
        "en": "user name with @",
    },
    "pii.rule.social.platform-cue": {
        "nl": "gebruikersnaam na 'snapchat:', 'insta', 'tiktok', …",
        "en": "user name after 'snapchat:', 'insta', 'tiktok', …",
    },
    "pii.rule.url.ad-site": {
        "nl": "pagina op een advertentiesite voor seks of escort",
        "en": "page on a sex or escort advertisement site",
    },
    "pii.rule.url.personal-slug": {
        "nl": "link met een voornaam of 'profiel' in het pad",
        "en": "link with a first name or 'profile' in its path",
    },
    "pii.rule.person.title": {
        "nl": "naam na een aanspreekvorm (mevrouw, dhr., dr., …)",
        "en": "name after a title (mevrouw, dhr., dr., …)",
    },
    "pii.rule.person.role-word": {
        "nl": "naam na een rol- of noemwoord (cliënte, vader, genaamd, …)",
        "en": "name after a role or naming word (cliënte, vader, genaamd, …)",
    },
    "pii.rule.person.initials": {
        "nl": "voorletters en achternaam",
        "en": "initials and a surname",
    },
    "pii.rule.person.first-name": {
        "nl": "voornaam uit de lijst, eventueel met achternaam",
        "en": "first name from the list, possibly with a surname",
    },
    "pii.rule.person.lower-case": {
        "nl": "voornaam uit de lijst in kleine letters",
        "en": "first name from the list in lower case",
    },
    "pii.rule.person.particle-surname": {
        "nl": "achternaam met tussenvoegsel (van der Meer, de Jong)",
        "en": "surname with a particle (van der Meer, de Jong)",
    },
    "pii.rule.person.alias": {
        "nl": "bijnaam tussen aanhalingstekens na een noemwoord",
        "en": "nickname in quotes after a naming word",
    },
    "pii.rule.person.surname": {
        "nl": "veelvoorkomende achternaam (lijst) of typische uitgang (-escu, -enko)",
        "en": "frequent surname (list) or typical ending (-escu, -enko)",
    },
    "pii.rule.person.repeated": {
        "nl": "eerder in deze tekst als naam gevonden",
        "en": "found as a name earlier in this text",
    },
    "pii.scan.explain_unknown": {"nl": "onbekende regel", "en": "unknown rule"},
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
    # The guard as a policy (services/guard.py, docs/anonymisation.md).
    "guard.policy.waarschuwen": {
        "nl": "waarschuwen (opslaan en markeren)",
        "en": "waarschuwen (warn: store and mark)",
    },
    "guard.policy.bevestigen": {
        "nl": "bevestigen (pas na bevestiging opslaan)",
        "en": "bevestigen (confirm: store only after confirmation)",
    },
    "guard.policy.weigeren": {
        "nl": "weigeren (eerst anonimiseren)",
        "en": "weigeren (refuse: anonymise first)",
    },
    "guard.policy_invalid": {
        "nl": "Onbekend beleid '{value}'; kies uit {choices}.",
        "en": "Unknown policy '{value}'; choose from {choices}.",
    },
    "guard.policy.current": {
        "nl": "Beleid voor persoonsgegevens: {policy}",
        "en": "Personal-data policy: {policy}",
    },
    "guard.policy.changed": {
        "nl": "Beleid voor persoonsgegevens is nu: {policy}",
        "en": "The personal-data policy is now: {policy}",
    },
    "guard.found": {"nl": "{kind} '{excerpt}'", "en": "{kind} '{excerpt}'"},
    "guard.confirm": {
        "nl": "{field}: mogelijk persoonsgegevens: {found_list}. Niet opgeslagen; "
        "bevestig om het toch op te slaan, of anonimiseer eerst.",
        "en": "{field}: possible personal data: {found_list}. Not saved; confirm to "
        "save it anyway, or anonymise first.",
    },
    "guard.refused": {
        "nl": "{field}: persoonsgegevens: {found_list}. Niet opgeslagen: het beleid van "
        "deze kluis is 'weigeren'; anonimiseer eerst.",
        "en": "{field}: personal data: {found_list}. Not saved: this vault's policy is "
        "'weigeren' (refuse); anonymise first.",
    },
    "guard.cli_hint": {
        "nl": "Bevestigen: herhaal met --accept-personal-data; anonimiseren: --redact.",
        "en": "To confirm, repeat with --accept-personal-data; to anonymise: --redact.",
    },
    "guard.cli_hint_refuse": {
        "nl": "Anonimiseren: herhaal met --redact (plaatshouders als [NAAM]).",
        "en": "To anonymise, repeat with --redact (placeholders such as [NAAM]).",
    },
    "guard.field.summary": {"nl": "Omschrijving", "en": "Summary"},
    "guard.field.reporter": {"nl": "Melder", "en": "Reporter"},
    "guard.field.notes": {"nl": "Notities", "en": "Notes"},
    "guard.field.decision": {"nl": "Besluit", "en": "Decision"},
    "guard.field.action": {"nl": "Actie", "en": "Action"},
    "guard.field.reason": {"nl": "Reden", "en": "Reason"},
    "guard.field.attending": {"nl": "Aanwezige organisatie", "en": "Attending organisation"},
    "guard.field.owner": {"nl": "Eigenaar", "en": "Owner"},
    "guard.field.referral": {"nl": "Doorverwijzing", "en": "Referral"},
    "guard.import_row": {
        "nl": "regel {line}, kolom {column}",
        "en": "line {line}, column {column}",
    },
    "guard.import_refused": {
        "nl": "{count} regel(s) met mogelijk persoonsgegevens; niets geïmporteerd.",
        "en": "{count} line(s) with possible personal data; nothing imported.",
    },
    "guard.accept_refused": {
        "nl": "Het beleid van deze kluis is 'weigeren': --accept-personal-data kan niet; "
        "gebruik --redact.",
        "en": "This vault's policy is 'weigeren' (refuse): --accept-personal-data is not "
        "possible; use --redact.",
    },
    "pii.audit.row": {
        "nl": "{case}  {field}  {category}  {start}-{end}",
        "en": "{case}  {field}  {category}  {start}-{end}",
    },
    "pii.audit.none": {
        "nl": "Geen opgeslagen teksten met persoonsgegevens gevonden.",
        "en": "No stored texts with personal data found.",
    },
    "pii.audit.count": {
        "nl": "{count} vondst(en) in {texts} opgeslagen tekst(en).",
        "en": "{count} finding(s) in {texts} stored text(s).",
    },
    "pii.audit.confirm": {
        "nl": "{texts} tekst(en) ter plekke anonimiseren (plaatshouders)? Dit is niet "
        "ongedaan te maken.",
        "en": "Anonymise {texts} text(s) in place (placeholders)? This cannot be undone.",
    },
    "pii.audit.redacted": {
        "nl": "{texts} tekst(en) geanonimiseerd.",
        "en": "{texts} text(s) anonymised.",
    },
    "pii.audit.cancelled": {"nl": "Niets veranderd.", "en": "Nothing changed."},
}
