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
    "page.subtitle.provincie": {
        "nl": "Cijfers provincie {region}",
        "en": "Figures, province of {region}",
    },
    "page.subtitle.regio": {"nl": "Cijfers regio {region}", "en": "Figures, region {region}"},
    "page.footnotes": {"nl": "Toelichting", "en": "Notes"},
    "page.note.months_own_signals": {
        "nl": "Per maand: alleen de signalen van {year} (op signaaldatum).",
        "en": "Per month: only the signals of {year} (by signal date).",
    },
    "page.years.title": {
        "nl": "Vergelijking met eerdere jaren",
        "en": "Compared with earlier years",
    },
    "page.years.year": {"nl": "Jaar", "en": "Year"},
    "page.form_short.seksueel": {"nl": "Seksueel", "en": "Sexual"},
    "page.form_short.arbeid": {"nl": "Arbeid", "en": "Labour"},
    "page.form_short.crimineel": {"nl": "Crimineel", "en": "Criminal"},
    "page.form_short.orgaan": {"nl": "Orgaan", "en": "Organ"},
    "page.form_short.onbekend": {"nl": "Onbekend", "en": "Unknown"},
    "page.trend.alone": {
        "nl": "{n} nieuwe signalen in {year}; geen eerder jaar om mee te vergelijken.",
        "en": "{n} new signals in {year}; no earlier year to compare with.",
    },
    "page.trend.up": {
        "nl": "Een stijging: {n} nieuwe signalen in {year}, {before} in {previous_year} "
        "({change}).",
        "en": "An increase: {n} new signals in {year}, {before} in {previous_year} ({change}).",
    },
    "page.trend.up_again": {
        "nl": "Opnieuw een stijging, {years} jaar op rij: {n} nieuwe signalen in {year}, "
        "{before} in {previous_year} ({change}).",
        "en": "Another increase, {years} years running: {n} new signals in {year}, "
        "{before} in {previous_year} ({change}).",
    },
    "page.trend.down": {
        "nl": "Een daling: {n} nieuwe signalen in {year}, {before} in {previous_year} ({change}).",
        "en": "A decrease: {n} new signals in {year}, {before} in {previous_year} ({change}).",
    },
    "page.trend.same": {
        "nl": "Gelijk gebleven: {n} nieuwe signalen in {year}, evenveel als in {previous_year}.",
        "en": "Unchanged: {n} new signals in {year}, as many as in {previous_year}.",
    },
    "page.rule.date_signal": {
        "nl": "Geteld zijn de nieuwe signalen met een signaaldatum in {year}.",
        "en": "Counted are the new signals with a signal date in {year}.",
    },
    "page.rule.riec_left_out": {
        "nl": "De bij het RIEC aangemelde casussen zijn hierin niet meegenomen ({n}): casussen "
        "met het besluit 'inbreng RIEC' of de status 'ingebracht RIEC'.",
        "en": "Cases registered at the RIEC are not included ({n}): cases with the decision "
        "'inbreng RIEC' or the status 'ingebracht RIEC'.",
    },
    "page.rule.riec_counted": {
        "nl": "De bij het RIEC aangemelde casussen zijn meegeteld.",
        "en": "Cases registered at the RIEC are included.",
    },
    "page.rule.monitoring_left_out": {
        "nl": "Casuïstiek uit eerdere jaren die langere tijd gemonitord wordt, is niet "
        "meegenomen ({n}).",
        "en": "Cases from earlier years in long-term monitoring are not included ({n}).",
    },
    "page.rule.monitoring_counted": {
        "nl": "Casuïstiek uit eerdere jaren die begin {year} in monitoring was, is meegeteld "
        "({n}).",
        "en": "Cases from earlier years that were in monitoring at the start of {year} are "
        "included ({n}).",
    },
    "page.rule.same_rules_every_year": {
        "nl": "Eerdere jaren zijn met dezelfde regels geteld.",
        "en": "Earlier years are counted by the same rules.",
    },
    "page.needs_out": {
        "nl": "--format {fmt} schrijft een bestand: geef --out BESTAND.",
        "en": "--format {fmt} writes a file: give --out FILE.",
    },
    "page.chart.legend": {
        "nl": "Grafiek: donker {year}, licht {previous_year}",
        "en": "Chart: dark {year}, light {previous_year}",
    },
    "page.chart.legend_one": {"nl": "Grafiek {year}", "en": "Chart {year}"},
    "page.chart.per_year": {"nl": "Grafiek", "en": "Chart"},
    "stats.title": {"nl": "Jaarcijfers", "en": "Annual figures"},
    "stats.year": {"nl": "Jaar {year}", "en": "Year {year}"},
    "stats.no_previous": {
        "nl": "geen gegevens over {year} om mee te vergelijken",
        "en": "no figures for {year} to compare with",
    },
    "stats.tab.years": {"nl": "Jaren", "en": "Years"},
    "stats.binding.previous_year": {"nl": "Vorig jaar", "en": "Previous year"},
    "stats.binding.next_year": {"nl": "Volgend jaar", "en": "Next year"},
    "stats.binding.close": {"nl": "Sluiten", "en": "Close"},
    "stats.binding.tab": {"nl": "Tabblad", "en": "Tab"},
}
