"""Row counts for `drieluik check`: read-only, no content."""

from __future__ import annotations

from sqlalchemy import text

from drieluik.store.vault import Vault

COUNTED_TABLES = ("cases", "meetings", "agenda_items", "decisions", "actions", "case_events")


def table_counts(vault: Vault) -> dict[str, int]:
    with vault.session() as session:
        return {
            table: session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in COUNTED_TABLES
        }
