"""Messages of the annual figures: `drieluik report` and the statistics screen."""

MESSAGES = {
    "report.year_invalid": {
        "nl": "Ongeldig jaar {year} (verwacht {low}–{high}).",
        "en": "Invalid year {year} (expected {low}–{high}).",
    },
    "report.with_change": {
        "nl": "{n} ({change} t.o.v. {year})",
        "en": "{n} ({change} vs {year})",
    },
    "report.csv.section": {"nl": "onderdeel", "en": "section"},
    "report.csv.category": {"nl": "categorie", "en": "category"},
    "report.title": {"nl": "Jaarcijfers {year}", "en": "Annual figures {year}"},
    "report.total": {"nl": "Nieuwe signalen", "en": "New signals"},
    "report.in_monitoring": {
        "nl": "In monitoring op 31 december",
        "en": "In monitoring on 31 December",
    },
    "report.section.by_form": {
        "nl": "Signalen per vorm van uitbuiting",
        "en": "Signals per form of exploitation",
    },
    "report.section.by_municipality": {
        "nl": "Herkomst signalen per gemeente",
        "en": "Signals per municipality of origin",
    },
    "report.section.by_reporter": {
        "nl": "Signalen per melder",
        "en": "Signals per reporter",
    },
    "report.section.by_month": {"nl": "Signalen per maand", "en": "Signals per month"},
    "report.section.decisions": {"nl": "Besluiten", "en": "Decisions"},
    "report.column.form": {"nl": "Vorm", "en": "Form"},
    "report.column.municipality": {"nl": "Gemeente", "en": "Municipality"},
    "report.column.reporter": {"nl": "Melder", "en": "Reporter"},
    "report.column.month": {"nl": "Maand", "en": "Month"},
    "report.column.decision": {"nl": "Besluit", "en": "Decision"},
    "report.column.change": {"nl": "Verschil", "en": "Change"},
    "report.month.01": {"nl": "januari", "en": "January"},
    "report.month.02": {"nl": "februari", "en": "February"},
    "report.month.03": {"nl": "maart", "en": "March"},
    "report.month.04": {"nl": "april", "en": "April"},
    "report.month.05": {"nl": "mei", "en": "May"},
    "report.month.06": {"nl": "juni", "en": "June"},
    "report.month.07": {"nl": "juli", "en": "July"},
    "report.month.08": {"nl": "augustus", "en": "August"},
    "report.month.09": {"nl": "september", "en": "September"},
    "report.month.10": {"nl": "oktober", "en": "October"},
    "report.month.11": {"nl": "november", "en": "November"},
    "report.month.12": {"nl": "december", "en": "December"},
    "report.definitions": {
        "nl": "Signalen tellen op signaaldatum binnen het kalenderjaar. Besluiten tellen op de "
        "dag waarop ze zijn vastgelegd. 'In monitoring op 31 december': casussen gemeld op of "
        "voor die dag, toen niet afgesloten, waarvan het laatste besluit tot en met die dag "
        "'monitoring' was (zonder besluiten: de huidige status is monitoring).",
        "en": "Signals count by signal date within the calendar year. Decisions count by the "
        "day they were recorded. 'In monitoring on 31 December': cases signalled on or before "
        "that day, not closed by then, whose last decision up to that day was 'monitoring' "
        "(without decisions: the current status is monitoring).",
    },
    "report.unknown_values": {
        "nl": "{n} onbekende vorm(en) of gemeente(n) geteld als 'onbekend'.",
        "en": "{n} unrecognised form(s) or municipality(ies) counted as 'onbekend'.",
    },
    "report.written": {"nl": "Geschreven: {path}", "en": "Written: {path}"},
    "report.delimiter_csv_only": {
        "nl": "geldt alleen voor --format csv.",
        "en": "applies to --format csv only.",
    },
    "stats.title": {"nl": "Jaarcijfers", "en": "Annual figures"},
    "stats.year": {"nl": "Jaar {year}", "en": "Year {year}"},
    "stats.no_previous": {
        "nl": "geen gegevens over {year} om mee te vergelijken",
        "en": "no figures for {year} to compare with",
    },
    "stats.binding.previous_year": {"nl": "Vorig jaar", "en": "Previous year"},
    "stats.binding.next_year": {"nl": "Volgend jaar", "en": "Next year"},
    "stats.binding.close": {"nl": "Sluiten", "en": "Close"},
    "stats.binding.tab": {"nl": "Tabblad", "en": "Tab"},
}
