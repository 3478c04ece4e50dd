"""Messages of search: `drieluik search`, the search screen, similar cases."""

MESSAGES = {
    "search.filter_invalid": {
        "nl": "Onbekende waarde voor {what}: '{value}'.",
        "en": "Unknown value for {what}: '{value}'.",
    },
    "search.no_hits": {"nl": "Niets gevonden.", "en": "Nothing found."},
    "search.count": {"nl": "{n} treffer(s).", "en": "{n} hit(s)."},
    "search.col.code": {"nl": "Code", "en": "Code"},
    "search.col.field": {"nl": "Veld", "en": "Field"},
    "search.col.snippet": {"nl": "Fragment", "en": "Excerpt"},
    "search.field.summary": {"nl": "omschrijving", "en": "summary"},
    "search.field.notes": {"nl": "notities", "en": "notes"},
    "search.field.decision": {"nl": "besluit", "en": "decision"},
    "search.field.action": {"nl": "actie", "en": "action"},
    "search.screen.title": {"nl": "Zoeken", "en": "Search"},
    "search.screen.placeholder": {
        "nl": "Zoek in codes, omschrijvingen, notities, besluiten en acties…",
        "en": "Search codes, summaries, notes, decisions and actions…",
    },
    "search.screen.hint": {
        "nl": "Typ om te zoeken; Enter opent de casus.",
        "en": "Type to search; Enter opens the case.",
    },
    "search.binding.open": {"nl": "Open casus", "en": "Open case"},
    "search.binding.close": {"nl": "Sluiten", "en": "Close"},
    "search.binding.focus": {"nl": "Zoekveld", "en": "Search field"},
    "search.binding.results": {"nl": "Naar de treffers", "en": "To the hits"},
}
