"""Schema migrations, from the first version on.

Each migration is frozen SQL: once released it never changes, so a vault made
by any earlier drieluik opens in this one. The schema version is kept in
`PRAGMA user_version`. `tests/store/test_migrations.py` checks that the result
matches the SQLModel tables in `models.py`.
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from typing import Any

# The full-text index (FTS5) mirrors user text from four tables. Its rowid
# encodes the source row (id * 4 + kind) so triggers update one entry by rowid
# instead of scanning. Diacritics are folded ("client" finds "cliënt").
# `facets` holds the case's filter values as tokens (y2023 farbeid massen
# sbesproken) so a filtered search is one MATCH instead of a join that reads
# every matching row (measured at 100k cases: 17 ms instead of 600 ms).
# Migration 2 marks facet tokens so that they never match user text.
# When a case's code or facets change, all its entries are rewritten.
_V1_SEARCH = """
CREATE VIRTUAL TABLE search_index USING fts5(
    code, field UNINDEXED, body, case_id UNINDEXED, facets,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);
CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN
    INSERT INTO search_index(rowid, code, field, body, case_id, facets)
    VALUES (new.id * 4, new.code, 'summary', new.summary, new.id,
            'y' || substr(new.signal_date, 1, 4) || ' f' || new.form
                || ' m' || replace(replace(lower(new.municipality), ' ', ''), '-', '')
                || ' s' || replace(new.status, '_', ''));
END;
CREATE TRIGGER cases_fts_update
AFTER UPDATE OF code, summary, signal_date, form, municipality, status ON cases BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4;
    INSERT INTO search_index(rowid, code, field, body, case_id, facets)
    VALUES (new.id * 4, new.code, 'summary', new.summary, new.id,
            'y' || substr(new.signal_date, 1, 4) || ' f' || new.form
                || ' m' || replace(replace(lower(new.municipality), ' ', ''), '-', '')
                || ' s' || replace(new.status, '_', ''));
END;
CREATE TRIGGER cases_fts_related
AFTER UPDATE OF code, signal_date, form, municipality, status ON cases
WHEN old.code IS NOT new.code OR old.signal_date IS NOT new.signal_date
    OR old.form IS NOT new.form OR old.municipality IS NOT new.municipality
    OR old.status IS NOT new.status
BEGIN
    UPDATE search_index SET code = new.code,
        facets = 'y' || substr(new.signal_date, 1, 4) || ' f' || new.form
                || ' m' || replace(replace(lower(new.municipality), ' ', ''), '-', '')
                || ' s' || replace(new.status, '_', '')
    WHERE rowid IN (SELECT id * 4 + 1 FROM agenda_items WHERE case_id = new.id
                    UNION ALL SELECT id * 4 + 2 FROM decisions WHERE case_id = new.id
                    UNION ALL SELECT id * 4 + 3 FROM actions WHERE case_id = new.id);
END;
CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4;
END;
CREATE TRIGGER notes_fts_insert AFTER INSERT ON agenda_items BEGIN
    INSERT INTO search_index(rowid, code, field, body, case_id, facets)
    SELECT new.id * 4 + 1, c.code, 'notes', new.notes, new.case_id,
           'y' || substr(c.signal_date, 1, 4) || ' f' || c.form
               || ' m' || replace(replace(lower(c.municipality), ' ', ''), '-', '')
               || ' s' || replace(c.status, '_', '')
    FROM cases c WHERE c.id = new.case_id;
END;
CREATE TRIGGER notes_fts_update AFTER UPDATE OF notes, case_id ON agenda_items BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 1;
    INSERT INTO search_index(rowid, code, field, body, case_id, facets)
    SELECT new.id * 4 + 1, c.code, 'notes', new.notes, new.case_id,
           'y' || substr(c.signal_date, 1, 4) || ' f' || c.form
               || ' m' || replace(replace(lower(c.municipality), ' ', ''), '-', '')
               || ' s' || replace(c.status, '_', '')
    FROM cases c WHERE c.id = new.case_id;
END;
CREATE TRIGGER notes_fts_delete AFTER DELETE ON agenda_items BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 1;
END;
CREATE TRIGGER decisions_fts_insert AFTER INSERT ON decisions BEGIN
    INSERT INTO search_index(rowid, code, field, body, case_id, facets)
    SELECT new.id * 4 + 2, c.code, 'decision',
           new.kind || ' ' || coalesce(new.referral_to, '') || ' ' || new.text, new.case_id,
           'y' || substr(c.signal_date, 1, 4) || ' f' || c.form
               || ' m' || replace(replace(lower(c.municipality), ' ', ''), '-', '')
               || ' s' || replace(c.status, '_', '')
    FROM cases c WHERE c.id = new.case_id;
END;
CREATE TRIGGER decisions_fts_update AFTER UPDATE ON decisions BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 2;
    INSERT INTO search_index(rowid, code, field, body, case_id, facets)
    SELECT new.id * 4 + 2, c.code, 'decision',
           new.kind || ' ' || coalesce(new.referral_to, '') || ' ' || new.text, new.case_id,
           'y' || substr(c.signal_date, 1, 4) || ' f' || c.form
               || ' m' || replace(replace(lower(c.municipality), ' ', ''), '-', '')
               || ' s' || replace(c.status, '_', '')
    FROM cases c WHERE c.id = new.case_id;
END;
CREATE TRIGGER decisions_fts_delete AFTER DELETE ON decisions BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 2;
END;
CREATE TRIGGER actions_fts_insert AFTER INSERT ON actions BEGIN
    INSERT INTO search_index(rowid, code, field, body, case_id, facets)
    SELECT new.id * 4 + 3, c.code, 'action', new.description || ' ' || new.owner, new.case_id,
           'y' || substr(c.signal_date, 1, 4) || ' f' || c.form
               || ' m' || replace(replace(lower(c.municipality), ' ', ''), '-', '')
               || ' s' || replace(c.status, '_', '')
    FROM cases c WHERE c.id = new.case_id;
END;
CREATE TRIGGER actions_fts_update AFTER UPDATE OF description, owner, case_id ON actions BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 3;
    INSERT INTO search_index(rowid, code, field, body, case_id, facets)
    SELECT new.id * 4 + 3, c.code, 'action', new.description || ' ' || new.owner, new.case_id,
           'y' || substr(c.signal_date, 1, 4) || ' f' || c.form
               || ' m' || replace(replace(lower(c.municipality), ' ', ''), '-', '')
               || ' s' || replace(c.status, '_', '')
    FROM cases c WHERE c.id = new.case_id;
END;
CREATE TRIGGER actions_fts_delete AFTER DELETE ON actions BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 3;
END;
"""

_V1_TABLES = """
CREATE TABLE allow_terms (
	id INTEGER NOT NULL,
	term VARCHAR NOT NULL,
	added_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (term)
);
CREATE TABLE audit_log (
	id INTEGER NOT NULL,
	at DATETIME NOT NULL,
	os_user VARCHAR NOT NULL,
	action VARCHAR NOT NULL,
	case_code VARCHAR,
	prev_hash VARCHAR NOT NULL,
	hash VARCHAR NOT NULL,
	PRIMARY KEY (id)
);
CREATE TABLE cases (
	id INTEGER NOT NULL,
	code VARCHAR NOT NULL,
	signal_date DATE NOT NULL,
	reporter VARCHAR NOT NULL,
	municipality VARCHAR NOT NULL,
	form VARCHAR NOT NULL,
	vulnerable_groups VARCHAR NOT NULL,
	organised_crime BOOLEAN NOT NULL,
	summary VARCHAR NOT NULL,
	status VARCHAR NOT NULL,
	review_date DATE,
	closed_date DATE,
	created_at DATETIME NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_cases_code ON cases (code);
CREATE INDEX ix_cases_form ON cases (form);
CREATE INDEX ix_cases_municipality ON cases (municipality);
CREATE INDEX ix_cases_signal_date ON cases (signal_date);
CREATE INDEX ix_cases_status ON cases (status);
CREATE TABLE destruction_records (
	id INTEGER NOT NULL,
	destroyed_at DATETIME NOT NULL,
	case_code VARCHAR NOT NULL,
	signal_date DATE,
	closed_date DATE,
	rows_deleted INTEGER NOT NULL,
	PRIMARY KEY (id)
);
CREATE TABLE meetings (
	id INTEGER NOT NULL,
	meeting_date DATE NOT NULL,
	attending VARCHAR NOT NULL,
	started_at DATETIME,
	ended_at DATETIME,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_meetings_meeting_date ON meetings (meeting_date);
CREATE TABLE reporters (
	id INTEGER NOT NULL,
	name VARCHAR NOT NULL,
	known BOOLEAN NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (name)
);
CREATE TABLE settings (
	"key" VARCHAR NOT NULL,
	value VARCHAR NOT NULL,
	PRIMARY KEY ("key")
);
CREATE TABLE agenda_items (
	id INTEGER NOT NULL,
	meeting_id INTEGER NOT NULL,
	case_id INTEGER NOT NULL,
	position INTEGER NOT NULL,
	reason VARCHAR NOT NULL,
	notes VARCHAR NOT NULL,
	discussed BOOLEAN NOT NULL,
	seconds_spent INTEGER NOT NULL,
	carried_over BOOLEAN NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(meeting_id) REFERENCES meetings (id),
	FOREIGN KEY(case_id) REFERENCES cases (id)
);
CREATE INDEX ix_agenda_items_case_id ON agenda_items (case_id);
CREATE INDEX ix_agenda_items_meeting_id ON agenda_items (meeting_id);
CREATE TABLE case_events (
	id INTEGER NOT NULL,
	case_id INTEGER NOT NULL,
	at DATETIME NOT NULL,
	kind VARCHAR NOT NULL,
	meeting_id INTEGER,
	detail VARCHAR NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(case_id) REFERENCES cases (id),
	FOREIGN KEY(meeting_id) REFERENCES meetings (id)
);
CREATE INDEX ix_case_events_case_id ON case_events (case_id);
CREATE TABLE actions (
	id INTEGER NOT NULL,
	case_id INTEGER NOT NULL,
	agenda_item_id INTEGER,
	description VARCHAR NOT NULL,
	owner VARCHAR NOT NULL,
	due_date DATE,
	status VARCHAR NOT NULL,
	times_postponed INTEGER NOT NULL,
	created_at DATETIME NOT NULL,
	closed_at DATETIME,
	PRIMARY KEY (id),
	FOREIGN KEY(case_id) REFERENCES cases (id),
	FOREIGN KEY(agenda_item_id) REFERENCES agenda_items (id)
);
CREATE INDEX ix_actions_agenda_item_id ON actions (agenda_item_id);
CREATE INDEX ix_actions_case_id ON actions (case_id);
CREATE INDEX ix_actions_due_date ON actions (due_date);
CREATE INDEX ix_actions_status ON actions (status);
CREATE TABLE decisions (
	id INTEGER NOT NULL,
	agenda_item_id INTEGER,
	case_id INTEGER NOT NULL,
	kind VARCHAR NOT NULL,
	text VARCHAR NOT NULL,
	referral_to VARCHAR,
	review_date DATE,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(agenda_item_id) REFERENCES agenda_items (id),
	FOREIGN KEY(case_id) REFERENCES cases (id)
);
CREATE INDEX ix_decisions_agenda_item_id ON decisions (agenda_item_id);
CREATE INDEX ix_decisions_case_id ON decisions (case_id);
CREATE INDEX ix_actions_open_due ON actions (status, due_date);
CREATE INDEX ix_cases_status_review ON cases (status, review_date);
"""


# 2: facet tokens start with U+E000 (private use). The query sanitiser never
# produces that character, so a facet can no longer match what a user types
# (typing "fa" matched every `arbeid` entry through "farbeid"), and searches
# need no column filter, which doubled the cost of frequent words (measured at
# 100k cases). The triggers that write facets are replaced and every entry's
# facets rewritten.
# Also two covering indexes for the annual report: decisions per kind in a
# date range, and each case's last decision before a date (at 100k cases the
# "in monitoring at year end" count went from 316 ms to 39 ms).
_V2_FACET_MARK = """
DROP TRIGGER cases_fts_insert;
DROP TRIGGER cases_fts_update;
DROP TRIGGER cases_fts_related;
DROP TRIGGER notes_fts_insert;
DROP TRIGGER notes_fts_update;
DROP TRIGGER decisions_fts_insert;
DROP TRIGGER decisions_fts_update;
DROP TRIGGER actions_fts_insert;
DROP TRIGGER actions_fts_update;
CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN
    INSERT INTO search_index(rowid, code, field, body, case_id, facets)
    VALUES (new.id * 4, new.code, 'summary', new.summary, new.id,
            char(57344) || 'y' || substr(new.signal_date, 1, 4)
                || ' ' || char(57344) || 'f' || new.form
                || ' ' || char(57344) || 'm'
                || replace(replace(lower(new.municipality), ' ', ''), '-', '')
                || ' ' || char(57344) || 's' || replace(new.status, '_', ''));
END;
CREATE TRIGGER cases_fts_update
AFTER UPDATE OF code, summary, signal_date, form, municipality, status ON cases BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4;
    INSERT INTO search_index(rowid, code, field, body, case_id, facets)
    VALUES (new.id * 4, new.code, 'summary', new.summary, new.id,
            char(57344) || 'y' || substr(new.signal_date, 1, 4)
                || ' ' || char(57344) || 'f' || new.form
                || ' ' || char(57344) || 'm'
                || replace(replace(lower(new.municipality), ' ', ''), '-', '')
                || ' ' || char(57344) || 's' || replace(new.status, '_', ''));
END;
CREATE TRIGGER cases_fts_related
AFTER UPDATE OF code, signal_date, form, municipality, status ON cases
WHEN old.code IS NOT new.code OR old.signal_date IS NOT new.signal_date
    OR old.form IS NOT new.form OR old.municipality IS NOT new.municipality
    OR old.status IS NOT new.status
BEGIN
    UPDATE search_index SET code = new.code,
        facets = char(57344) || 'y' || substr(new.signal_date, 1, 4)
                || ' ' || char(57344) || 'f' || new.form
                || ' ' || char(57344) || 'm'
                || replace(replace(lower(new.municipality), ' ', ''), '-', '')
                || ' ' || char(57344) || 's' || replace(new.status, '_', '')
    WHERE rowid IN (SELECT id * 4 + 1 FROM agenda_items WHERE case_id = new.id
                    UNION ALL SELECT id * 4 + 2 FROM decisions WHERE case_id = new.id
                    UNION ALL SELECT id * 4 + 3 FROM actions WHERE case_id = new.id);
END;
CREATE TRIGGER notes_fts_insert AFTER INSERT ON agenda_items BEGIN
    INSERT INTO search_index(rowid, code, field, body, case_id, facets)
    SELECT new.id * 4 + 1, c.code, 'notes', new.notes, new.case_id,
           char(57344) || 'y' || substr(c.signal_date, 1, 4)
               || ' ' || char(57344) || 'f' || c.form
               || ' ' || char(57344) || 'm'
               || replace(replace(lower(c.municipality), ' ', ''), '-', '')
               || ' ' || char(57344) || 's' || replace(c.status, '_', '')
    FROM cases c WHERE c.id = new.case_id;
END;
CREATE TRIGGER notes_fts_update AFTER UPDATE OF notes, case_id ON agenda_items BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 1;
    INSERT INTO search_index(rowid, code, field, body, case_id, facets)
    SELECT new.id * 4 + 1, c.code, 'notes', new.notes, new.case_id,
           char(57344) || 'y' || substr(c.signal_date, 1, 4)
               || ' ' || char(57344) || 'f' || c.form
               || ' ' || char(57344) || 'm'
               || replace(replace(lower(c.municipality), ' ', ''), '-', '')
               || ' ' || char(57344) || 's' || replace(c.status, '_', '')
    FROM cases c WHERE c.id = new.case_id;
END;
CREATE TRIGGER decisions_fts_insert AFTER INSERT ON decisions BEGIN
    INSERT INTO search_index(rowid, code, field, body, case_id, facets)
    SELECT new.id * 4 + 2, c.code, 'decision',
           new.kind || ' ' || coalesce(new.referral_to, '') || ' ' || new.text, new.case_id,
           char(57344) || 'y' || substr(c.signal_date, 1, 4)
               || ' ' || char(57344) || 'f' || c.form
               || ' ' || char(57344) || 'm'
               || replace(replace(lower(c.municipality), ' ', ''), '-', '')
               || ' ' || char(57344) || 's' || replace(c.status, '_', '')
    FROM cases c WHERE c.id = new.case_id;
END;
CREATE TRIGGER decisions_fts_update AFTER UPDATE ON decisions BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 2;
    INSERT INTO search_index(rowid, code, field, body, case_id, facets)
    SELECT new.id * 4 + 2, c.code, 'decision',
           new.kind || ' ' || coalesce(new.referral_to, '') || ' ' || new.text, new.case_id,
           char(57344) || 'y' || substr(c.signal_date, 1, 4)
               || ' ' || char(57344) || 'f' || c.form
               || ' ' || char(57344) || 'm'
               || replace(replace(lower(c.municipality), ' ', ''), '-', '')
               || ' ' || char(57344) || 's' || replace(c.status, '_', '')
    FROM cases c WHERE c.id = new.case_id;
END;
CREATE TRIGGER actions_fts_insert AFTER INSERT ON actions BEGIN
    INSERT INTO search_index(rowid, code, field, body, case_id, facets)
    SELECT new.id * 4 + 3, c.code, 'action', new.description || ' ' || new.owner, new.case_id,
           char(57344) || 'y' || substr(c.signal_date, 1, 4)
               || ' ' || char(57344) || 'f' || c.form
               || ' ' || char(57344) || 'm'
               || replace(replace(lower(c.municipality), ' ', ''), '-', '')
               || ' ' || char(57344) || 's' || replace(c.status, '_', '')
    FROM cases c WHERE c.id = new.case_id;
END;
CREATE TRIGGER actions_fts_update AFTER UPDATE OF description, owner, case_id ON actions BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 3;
    INSERT INTO search_index(rowid, code, field, body, case_id, facets)
    SELECT new.id * 4 + 3, c.code, 'action', new.description || ' ' || new.owner, new.case_id,
           char(57344) || 'y' || substr(c.signal_date, 1, 4)
               || ' ' || char(57344) || 'f' || c.form
               || ' ' || char(57344) || 'm'
               || replace(replace(lower(c.municipality), ' ', ''), '-', '')
               || ' ' || char(57344) || 's' || replace(c.status, '_', '')
    FROM cases c WHERE c.id = new.case_id;
END;
UPDATE search_index SET facets = (
    SELECT char(57344) || 'y' || substr(c.signal_date, 1, 4)
        || ' ' || char(57344) || 'f' || c.form
        || ' ' || char(57344) || 'm'
        || replace(replace(lower(c.municipality), ' ', ''), '-', '')
        || ' ' || char(57344) || 's' || replace(c.status, '_', '')
    FROM cases c WHERE c.id = search_index.case_id
);
CREATE INDEX ix_decisions_kind_created ON decisions (kind, created_at, case_id);
CREATE INDEX ix_decisions_case_created ON decisions (case_id, created_at, kind);
"""

# Migration 3 rebuilds the full-text index with one prefix index (3 letters)
# instead of three (2, 3, 4). They tripled the index (at 10k demo cases 15 of
# 49 MB; open and save time grow with the vault). Search makes a prefix only
# from three letters on; without any prefix index short prefixes took up to
# 200 ms at 100k cases. FTS5 cannot change options in place: copy, drop,
# rename. legacy_alter_table lets the rename through although the existing
# triggers name the table being replaced.
_V3_FTS_ONE_PREFIX = """
PRAGMA legacy_alter_table = ON;
CREATE VIRTUAL TABLE search_index_v3 USING fts5(
    code, field UNINDEXED, body, case_id UNINDEXED, facets,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '3'
);
INSERT INTO search_index_v3(rowid, code, field, body, case_id, facets)
    SELECT rowid, code, field, body, case_id, facets FROM search_index;
DROP TABLE search_index;
ALTER TABLE search_index_v3 RENAME TO search_index;
PRAGMA legacy_alter_table = OFF;
"""

# Migration 4: the cases screen filters on one of form, status or municipality
# and shows the newest signals first. With one-column indexes SQLite found the
# rows and then sorted all of them by date: 40-80 ms for the first page of a
# common value at 100k cases, against ~3 ms with the date in the index. The
# one-column indexes are covered by the new ones' first column and go.
_V4_FILTER_BY_DATE = """
CREATE INDEX ix_cases_form_date ON cases (form, signal_date, id);
CREATE INDEX ix_cases_status_date ON cases (status, signal_date, id);
CREATE INDEX ix_cases_municipality_date ON cases (municipality, signal_date, id);
DROP INDEX ix_cases_form;
DROP INDEX ix_cases_status;
DROP INDEX ix_cases_municipality;
"""

# Migration 5: the case history is append-only. Until now an event stored a
# Dutch sentence (`detail`) and the history composed decision and action lines
# from the current rows, so postponing an action rewrote its "created" line.
# Now an event is a kind plus its facts as JSON (`params`), rendered in the
# reader's language. The old sentences are parsed into params by
# `drieluik_v5_params` (below: as frozen as this SQL); what does not parse is
# kept as {"legacy": ...} and shown verbatim. Decisions and actions get the
# creation events they never had (an action's first due date is the `from` of
# its first postponement). Then a trigger makes every UPDATE of an event fail.
_V5_EVENT_PARAMS = """
ALTER TABLE case_events ADD COLUMN params VARCHAR NOT NULL DEFAULT '{}';
UPDATE case_events SET params = drieluik_v5_params(kind, detail), detail = '';
UPDATE case_events SET params = json_set(params, '$.action_id', (
    SELECT a.id FROM actions a
    WHERE a.case_id = case_events.case_id
        AND a.description = json_extract(case_events.params, '$.description')
        AND a.owner = json_extract(case_events.params, '$.owner')
    ORDER BY a.id LIMIT 1))
WHERE kind IN ('actie gedaan', 'actie vervallen', 'actie uitgesteld')
    AND json_extract(params, '$.description') IS NOT NULL;
INSERT INTO case_events (case_id, at, kind, meeting_id, detail, params)
SELECT d.case_id, d.created_at, 'besluit', i.meeting_id, '',
       json_object('decision_id', d.id, 'kind', d.kind, 'text', d.text,
                   'referral_to', d.referral_to, 'review_date', d.review_date)
FROM decisions d LEFT JOIN agenda_items i ON i.id = d.agenda_item_id
ORDER BY d.created_at, d.id;
CREATE TEMP TABLE v5_first_due (action_id INTEGER PRIMARY KEY, due VARCHAR);
INSERT INTO v5_first_due (action_id, due)
SELECT action_id, due FROM (
    SELECT json_extract(params, '$.action_id') AS action_id,
           json_extract(params, '$.from') AS due,
           row_number() OVER (PARTITION BY json_extract(params, '$.action_id')
                              ORDER BY at, id) AS n
    FROM case_events
    WHERE kind = 'actie uitgesteld' AND json_extract(params, '$.action_id') IS NOT NULL
) WHERE n = 1;
INSERT INTO case_events (case_id, at, kind, meeting_id, detail, params)
SELECT a.case_id, a.created_at, 'actie aangemaakt', i.meeting_id, '',
       json_object('action_id', a.id, 'description', a.description, 'owner', a.owner,
                   'due_date', CASE WHEN f.action_id IS NULL THEN a.due_date ELSE f.due END)
FROM actions a
LEFT JOIN agenda_items i ON i.id = a.agenda_item_id
LEFT JOIN v5_first_due f ON f.action_id = a.id
ORDER BY a.created_at, a.id;
DROP TABLE v5_first_due;
CREATE TRIGGER case_events_append_only BEFORE UPDATE ON case_events BEGIN
    SELECT RAISE(ABORT, 'case_events is append-only');
END;
"""

# Migration 6 (issue 11): a closed meeting's minutes are frozen in
# `meeting_records` (one row per closing; a reopened meeting closed again adds
# a version); a meeting can be reopened; each agenda item has a time-box
# (existing items get the default of their reason, as new ones do); and what a
# decision or "besproken" changed on the case is kept so it can be undone.
_V6_MEETING_RECORDS = """
CREATE TABLE meeting_records (
	id INTEGER NOT NULL,
	meeting_id INTEGER NOT NULL,
	version INTEGER NOT NULL,
	closed_at DATETIME NOT NULL,
	minutes VARCHAR NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (meeting_id, version),
	FOREIGN KEY(meeting_id) REFERENCES meetings (id)
);
ALTER TABLE meetings ADD COLUMN reopened_at DATETIME;
ALTER TABLE agenda_items ADD COLUMN planned_seconds INTEGER DEFAULT '0' NOT NULL;
ALTER TABLE agenda_items ADD COLUMN status_before VARCHAR;
ALTER TABLE decisions ADD COLUMN status_before VARCHAR;
ALTER TABLE decisions ADD COLUMN review_date_before DATE;
ALTER TABLE decisions ADD COLUMN closed_date_before DATE;
UPDATE agenda_items SET planned_seconds = CASE reason
    WHEN 'monitoring herbeoordeling' THEN 300
    WHEN 'actie verlopen' THEN 300
    ELSE 600 END;
"""

# Migration 7 (issue 12): a stored text in which the personal-data guard
# found something that was accepted (policy `waarschuwen`, or confirmed under
# `bevestigen`) is marked: which row and field, the categories and offsets,
# never the found text itself. The dashboard counts them, the case screen
# shows them and `pii audit` lists them for the privacy officer.
_V7_PII_MARKS = """
CREATE TABLE pii_marks (
	id INTEGER NOT NULL,
	owner VARCHAR NOT NULL,
	owner_id INTEGER NOT NULL,
	field VARCHAR NOT NULL,
	case_id INTEGER,
	categories VARCHAR NOT NULL,
	offsets VARCHAR NOT NULL,
	marked_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (owner, owner_id, field),
	FOREIGN KEY(case_id) REFERENCES cases (id)
);
CREATE INDEX ix_pii_marks_case_id ON pii_marks (case_id);
"""


# Migration 8 (issue 17): the vault's region profile (services/region.py) in
# `settings`. A vault made before profiles gets Drenthe's, exactly the lists
# drieluik had hard-coded (municipalities, reporters, places); `init --region`
# replaces it in a new vault. Frozen like every migration: later changes to
# the shipped Drenthe profile do not change what an old vault migrates to.
_V8_REGION_PROFILE = """
INSERT OR IGNORE INTO settings (key, value) VALUES ('region_profile', '{
  "version": 1,
  "key": "drenthe",
  "name": "Drenthe",
  "meeting_name": "het Drieluik",
  "code_prefix": "DL",
  "outside": "buiten Drenthe",
  "municipalities": [
    {"name": "Aa en Hunze", "since": null, "until": null, "successor": null},
    {"name": "Assen", "since": null, "until": null, "successor": null},
    {"name": "Borger-Odoorn", "since": null, "until": null, "successor": null},
    {"name": "Coevorden", "since": null, "until": null, "successor": null},
    {"name": "De Wolden", "since": null, "until": null, "successor": null},
    {"name": "Emmen", "since": null, "until": null, "successor": null},
    {"name": "Hoogeveen", "since": null, "until": null, "successor": null},
    {"name": "Meppel", "since": null, "until": null, "successor": null},
    {"name": "Midden-Drenthe", "since": null, "until": null, "successor": null},
    {"name": "Noordenveld", "since": null, "until": null, "successor": null},
    {"name": "Tynaarlo", "since": null, "until": null, "successor": null},
    {"name": "Westerveld", "since": null, "until": null, "successor": null}
  ],
  "reporters": [
    "Veilig Thuis Drenthe",
    "Politie (AVIM)",
    "Politie (TMM)",
    "Politie",
    "Zorginstelling",
    "Gemeente",
    "KMar",
    "Nederlandse Arbeidsinspectie",
    "RIEC Noord-Nederland",
    "Zorg- en Veiligheidshuis Drenthe",
    "COA / vluchtelingenketen",
    "CoMensha",
    "Time2Connect",
    "GGD Drenthe",
    "Overig"
  ],
  "partners": [],
  "places": {
    "Aa en Hunze": [
      "Gieten", "Annen", "Rolde", "Gasselte", "Gasselternijveen", "Eext", "Grolloo"
    ],
    "Assen": [
      "Loon", "Rhee", "Ter Aard", "Anreep"
    ],
    "Borger-Odoorn": [
      "Borger", "Odoorn", "Exloo", "Valthermond", "Nieuw-Buinen", "Buinen",
      "Tweede Exloërmond", "2e Exloërmond", "Eerste Exloërmond", "1e Exloërmond", "Valthe",
      "Drouwen"
    ],
    "Coevorden": [
      "Dalen", "Sleen", "Oosterhesselen", "Zweeloo", "Aalden", "Schoonoord"
    ],
    "De Wolden": [
      "Zuidwolde", "Ruinen", "Ruinerwold", "De Wijk", "Koekange", "Echten"
    ],
    "Emmen": [
      "Klazienaveen", "Nieuw-Amsterdam", "Emmer-Compascuum", "Erica", "Schoonebeek",
      "Nieuw-Schoonebeek", "Zwartemeer", "Nieuw-Weerdinge", "Weerdinge",
      "Barger-Compascuum", "Veenoord", "Roswinkel"
    ],
    "Hoogeveen": [
      "Hollandscheveld", "Pesse", "Tiendeveen", "Noordscheschut", "Fluitenberg"
    ],
    "Meppel": [
      "Nijeveen", "Broekhuizen", "Rogat"
    ],
    "Midden-Drenthe": [
      "Beilen", "Westerbork", "Smilde", "Bovensmilde", "Hooghalen", "Wijster", "Hijken",
      "Orvelte"
    ],
    "Noordenveld": [
      "Roden", "Peize", "Norg", "Nieuw-Roden", "Veenhuizen", "Roderwolde"
    ],
    "Tynaarlo": [
      "Vries", "Zuidlaren", "Eelde", "Paterswolde", "Yde", "De Punt", "Zeijen"
    ],
    "Westerveld": [
      "Diever", "Dwingeloo", "Havelte", "Vledder", "Uffelte", "Frederiksoord",
      "Wilhelminaoord"
    ]
  }
}');
"""

# Migration 9 (issue 14): which named key slot opened the vault, per audit entry.
_V9_AUDIT_KEY_SLOT = """
ALTER TABLE audit_log ADD COLUMN key_slot VARCHAR;
"""

MIGRATIONS: tuple[str, ...] = (
    _V1_TABLES + _V1_SEARCH,  # 1: the first schema
    _V2_FACET_MARK,  # 2: facet tokens marked; indexes for the annual report
    _V3_FTS_ONE_PREFIX,  # 3: full-text index with one prefix index (half the size)
    _V4_FILTER_BY_DATE,  # 4: filtered case pages in date order from the index
    _V5_EVENT_PARAMS,  # 5: history events as kind + params; no event is ever updated
    _V6_MEETING_RECORDS,  # 6: frozen minutes, reopen, time-box, undo (issue 11)
    _V7_PII_MARKS,  # 7: stored texts with accepted personal-data findings (issue 12)
    _V8_REGION_PROFILE,  # 8: the region profile, Drenthe for existing vaults (issue 17)
    _V9_AUDIT_KEY_SLOT,  # 9: which named key slot opened the vault, per audit entry (issue 14)
)

SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database up to SCHEMA_VERSION; returns the version found before.

    Each step runs in one transaction together with its version bump, so a
    failure leaves the database at the previous version.
    """
    found = schema_version(conn)
    conn.create_function("drieluik_v5_params", 2, _v5_params, deterministic=True)
    for version in range(found + 1, SCHEMA_VERSION + 1):
        script = MIGRATIONS[version - 1]
        try:
            conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {version};\nCOMMIT;")
        except BaseException:
            # executescript stops at the failing statement with BEGIN still
            # open; roll back so the connection is usable at the old version.
            if conn.in_transaction:
                conn.rollback()
            with contextlib.suppress(sqlite3.Error):
                conn.execute("PRAGMA legacy_alter_table = OFF")
            raise
    return found


# --- migration 5's parser: frozen like the SQL (tests/store/test_migrations.py) ---------
# The sentences drieluik wrote before migration 5 (services and demo), and the
# labels they used, copied here so later changes to the vocabulary cannot
# change what an old sentence means.
_V5_STATUS = {
    "nieuw": "nieuw",
    "geagendeerd": "geagendeerd",
    "besproken": "besproken",
    "monitoring": "monitoring",
    "doorverwezen": "doorverwezen",
    "ingebracht RIEC": "ingebracht_riec",
    "afgesloten": "afgesloten",
}
_V5_FIELDS = {
    "datum": "signal_date",
    "melder": "reporter",
    "gemeente": "municipality",
    "vorm": "form",
    "omschrijving": "summary",
    "kwetsbaar": "vulnerable_groups",
    "ondermijning": "organised_crime",
}
_V5_ISO = r"\d{4}-\d{2}-\d{2}"


def _v5_params(kind: str, detail: str | None) -> str:
    """An event's old sentence as params (JSON); {"legacy": ...} when it does not parse."""
    text = detail or ""
    params = _v5_parse(kind, text) if text else {}
    return json.dumps({"legacy": text} if params is None else params, ensure_ascii=False)


def _v5_parse(kind: str, text: str) -> dict[str, Any] | None:
    if kind == "signaal ontvangen":
        return {"reporter": text}
    if kind in ("van agenda gehaald", "besproken") and re.fullmatch(_V5_ISO, text):
        return {"meeting_date": text}
    if kind == "geagendeerd" and (m := re.fullmatch(f"({_V5_ISO}) — (.+)", text)):
        return {"meeting_date": m[1], "reason": m[2]}
    if kind == "doorgeschoven":
        if text == "volgend overleg":
            return {}
        return {"to_meeting_date": text} if re.fullmatch(_V5_ISO, text) else None
    if kind in ("actie gedaan", "actie vervallen"):
        return _v5_action(text)
    if kind == "actie uitgesteld":
        m = re.fullmatch(f"(.*): (—|{_V5_ISO}) → ({_V5_ISO})", text, re.DOTALL)
        base = _v5_action(m[1]) if m else None
        if base is None or m is None:
            return None
        return {**base, "from": None if m[2] == "—" else m[2], "to": m[3], "reason": ""}
    if kind == "status gewijzigd":
        m = re.fullmatch(f"(.+?) → (.+?)(?: \\(herbeoordeling ({_V5_ISO})\\))?", text)
        if not m or m[1] not in _V5_STATUS or m[2] not in _V5_STATUS:
            return None
        params = {"from": _V5_STATUS[m[1]], "to": _V5_STATUS[m[2]]}
        return {**params, "review_date": m[3]} if m[3] else params
    if kind == "gewijzigd":
        names = text.split(", ")
        if all(name in _V5_FIELDS for name in names):
            return {"fields": [_V5_FIELDS[name] for name in names]}
    return None


def _v5_action(text: str) -> dict[str, Any] | None:
    """ "Melder bellen (Politie (AVIM))" → description and owner (brackets balanced)."""
    if not text.endswith(")"):
        return None
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(text[index], 0)
        if depth == 0:
            if index < 2 or text[index - 1] != " ":
                return None
            return {"description": text[: index - 1], "owner": text[index + 1 : -1]}
    return None
