"""The user's allow-list: words and phrases the personal-data guard must not flag.

Kept in the vault (table `allow_terms`) on top of the built-in list of
organisations and municipalities (`drieluik.services.pii.BUILTIN_ALLOW_TERMS`).
Terms compare without regard to case, accents, spaces or hyphens, like the
guard itself: adding "sterrenhof" when "Sterrenhof" is there changes nothing.
"""

from __future__ import annotations

from sqlmodel import col, select

from drieluik.domain.text import clean_short_text
from drieluik.errors import InvalidInput
from drieluik.i18n import t
from drieluik.services import audit
from drieluik.services.pii.phrases import fold_phrase
from drieluik.store.models import AllowTerm
from drieluik.store.vault import Vault


def _key(term: str) -> str:
    return "".join(fold_phrase(term))


def _clean(term: str) -> str:
    cleaned = clean_short_text(t("pii.allow.field"), term)
    if not cleaned or not _key(cleaned):
        raise InvalidInput("pii.allow.empty")
    return cleaned


def allow_terms(vault: Vault) -> list[str]:
    """The user's terms, oldest first."""
    with vault.session() as session:
        rows = session.exec(select(AllowTerm).order_by(col(AllowTerm.id))).all()
        return [row.term for row in rows]


def add_allow_term(vault: Vault, term: str) -> None:
    """Add `term`; nothing happens when it (in any spelling) is already there."""
    cleaned = _clean(term)
    key = _key(cleaned)
    with vault.session() as session:
        existing = session.exec(select(AllowTerm.term)).all()
    if any(_key(other) == key for other in existing):
        return
    with vault.transaction() as session:
        session.add(AllowTerm(term=cleaned))
        # The term is not logged: it may be the very name the guard flagged.
        audit.record(session, "allowlist.add")


def remove_allow_term(vault: Vault, term: str) -> None:
    """Remove `term` in any spelling; nothing happens when it is not there."""
    cleaned = _clean(term)
    key = _key(cleaned)
    with vault.session() as session:
        rows = session.exec(select(AllowTerm)).all()
        ids = [row.id for row in rows if _key(row.term) == key]
    if not ids:
        return
    with vault.transaction() as session:
        for row in session.exec(select(AllowTerm).where(col(AllowTerm.id).in_(ids))).all():
            session.delete(row)
        audit.record(session, "allowlist.remove")
