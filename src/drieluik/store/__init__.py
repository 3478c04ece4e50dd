"""The store: one encrypted vault file holding an in-memory SQLite database.

Public API: `Vault` (open/create/save/lock), `models` (SQLModel tables).
Depends only on `drieluik.domain`, `drieluik.errors` and `drieluik.i18n`.
"""
