"""The personal-data guard as a policy: one check for every text on the way in.

The detector (`services.pii`) says what looks like personal data; this module
decides what happens to it, by the vault's policy (docs/anonymisation.md):

- `waarschuwen`: the text is stored as typed and marked (`pii_marks`);
- `bevestigen` (default): it is stored and marked only after an explicit
  confirmation naming what was found (`accept=True`), else refused;
- `weigeren`: it is refused; anonymising (`redact=True`) is the way in.

Free texts (summary, notes, decisions, actions, reasons) go through `check`.
Organisation fields (reporter, attending, owner, referral) go through
`check_organisation`: they never hold a person, so confirming a finding there
says "this is an organisation" and puts the name on the allow-list.

No message ever repeats what was found: `Found.excerpt` is masked
(`pii.mask`), as in the export dialog.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import delete
from sqlmodel import Session, col, func, select

from drieluik.errors import ExitCode, InvalidInput
from drieluik.i18n import t
from drieluik.services import audit
from drieluik.store.models import AllowTerm, PiiMark, Setting
from drieluik.store.vault import Vault

if TYPE_CHECKING:
    from drieluik.services.pii import Category, Finding


class Policy(StrEnum):
    WAARSCHUWEN = "waarschuwen"
    BEVESTIGEN = "bevestigen"
    WEIGEREN = "weigeren"

    @property
    def label(self) -> str:
        return t(f"guard.policy.{self.value}")


POLICY_KEY = "pii_policy"
DEFAULT_POLICY = Policy.BEVESTIGEN


def read_policy(session: Session) -> Policy:
    row = session.get(Setting, POLICY_KEY)
    try:
        return Policy(row.value) if row is not None else DEFAULT_POLICY
    except ValueError:  # hand-edited or from a future version: the safe default
        return DEFAULT_POLICY


def get_policy(vault: Vault) -> Policy:
    with vault.session() as session:
        return read_policy(session)


def parse_policy(value: str) -> Policy:
    try:
        return Policy(value.strip().lower())
    except ValueError:
        raise InvalidInput(
            "guard.policy_invalid", value=value, choices=", ".join(p.value for p in Policy)
        ) from None


def set_policy(vault: Vault, policy: Policy | str) -> Policy:
    """Store the vault's policy; audited as `settings.pii_policy` (a change only)."""
    chosen = parse_policy(policy) if isinstance(policy, str) else policy
    with vault.transaction() as session:
        row = session.get(Setting, POLICY_KEY)
        if row is not None and row.value == chosen.value:
            return chosen
        if row is None:
            session.add(Setting(key=POLICY_KEY, value=chosen.value))
        else:
            row.value = chosen.value
            session.add(row)
        audit.record(session, f"settings.{POLICY_KEY}")
    return chosen


# --- findings as they may be shown ---------------------------------------------------------


@dataclass(frozen=True)
class Found:
    """One finding as it may be shown or logged: where, what kind, masked excerpt."""

    field: str  # the field's key: "summary", "notes", "decision", … (guard.field.<key>)
    category: Category
    start: int
    end: int
    excerpt: str
    line: int | None = None  # an import's spreadsheet line
    column: str | None = None  # an import's column letter

    @property
    def category_label(self) -> str:
        return self.category.label

    def describe(self) -> str:
        return t("guard.found", kind=self.category.label, excerpt=self.excerpt)

    def as_json(self) -> dict[str, object]:
        return {
            "field": self.field,
            "category": self.category.value,
            "start": self.start,
            "end": self.end,
            "excerpt": self.excerpt,
            "line": self.line,
            "column": self.column,
        }


def field_label(field: str) -> str:
    return t(f"guard.field.{field}")


def describe_all(found: Sequence[Found]) -> str:
    """ "naam 'E***a P***a', telefoonnummer '06-****5678'" — never the values."""
    return ", ".join(f.describe() for f in found)


class PersonalDataFound(InvalidInput):
    """Refused by the policy: a text holds personal data (exit code 5).

    `found` lists what, masked; `policy` says whether confirming can help
    (`bevestigen`) or only anonymising can (`weigeren`).
    """

    exit_code = ExitCode.PII_BLOCKED

    def __init__(
        self,
        key: str,
        /,
        found: Sequence[Found] = (),
        policy: Policy | None = None,
        **params: object,
    ) -> None:
        self.found = tuple(found)
        self.policy = policy
        super().__init__(key, **params)

    @property
    def confirmable(self) -> bool:
        return self.policy is not Policy.WEIGEREN


def to_found(
    field: str, findings: Iterable[Finding], *, line: int | None = None, column: str | None = None
) -> list[Found]:
    from drieluik.services.pii import mask

    return [
        Found(field, f.category, f.start, f.end, mask(f.text), line=line, column=column)
        for f in findings
    ]


# --- the check ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Checked:
    """What to store: the text (anonymised when asked) and the findings it keeps."""

    text: str
    findings: tuple[Finding, ...] = ()
    redacted: int = 0


@dataclass(frozen=True)
class Guard:
    """The vault's policy and allow-list, read once (an import checks many rows)."""

    policy: Policy
    allow: tuple[str, ...]

    @classmethod
    def load(cls, vault: Vault) -> Guard:
        with vault.session() as session:
            return cls.read(session)

    @classmethod
    def read(cls, session: Session) -> Guard:
        from drieluik.services import region
        from drieluik.services.pii import BUILTIN_ALLOW_TERMS

        terms = session.exec(select(AllowTerm.term).order_by(col(AllowTerm.id))).all()
        # The vault's region: a municipality added after a merger, its partners.
        profile = region.read(session)
        built_in = set(BUILTIN_ALLOW_TERMS)
        own = [
            name
            for name in (*profile.all_names(), *profile.organisations())
            if name not in built_in
        ]
        return cls(read_policy(session), (*terms, *own))

    def scan(self, text: str) -> list[Finding]:
        from drieluik.services.pii import scan

        return scan(text, self.allow) if text else []

    def check(
        self, field: str, text: str, *, accept: bool = False, redact: bool = False
    ) -> Checked:
        """`text` as it may be stored under the policy, or PersonalDataFound."""
        findings = self.scan(text)
        if not findings:
            return Checked(text)
        if redact:
            from drieluik.services.pii import redact as anonymise

            return Checked(anonymise(text, findings), (), len(findings))
        if self.policy is Policy.WEIGEREN or (self.policy is Policy.BEVESTIGEN and not accept):
            raise self.refusal(to_found(field, findings))
        return Checked(text, tuple(findings))

    def refusal(self, found: Sequence[Found]) -> PersonalDataFound:
        key = "guard.refused" if self.policy is Policy.WEIGEREN else "guard.confirm"
        fields = ", ".join(dict.fromkeys(field_label(f.field) for f in found))
        return PersonalDataFound(
            key, found=found, policy=self.policy, field=fields, found_list=describe_all(found)
        )

    def placeholders_until_confirmed(
        self, field: str, text: str, *, accept: bool, confirmed: Iterable[str] = ()
    ) -> Checked:
        """For live notes, saved as typed: never refused (a crash must lose nothing),
        but a finding the policy does not let in is stored as its placeholder.

        `confirmed`: found texts the chair confirmed earlier (the confirm key),
        so later saves of the same note keep them while new ones still wait.
        """
        findings = self.scan(text)
        if not findings:
            return Checked(text)
        if self.policy is Policy.WAARSCHUWEN or (self.policy is Policy.BEVESTIGEN and accept):
            return Checked(text, tuple(findings))
        from drieluik.services.pii import redact as anonymise

        allowed = set(confirmed) if self.policy is Policy.BEVESTIGEN else set()
        waiting = [f for f in findings if f.text not in allowed]
        if not waiting:
            return Checked(text, tuple(findings))
        stored = anonymise(text, waiting)
        kept = tuple(f for f in self.scan(stored) if f.text in allowed)
        return Checked(stored, kept, len(waiting))


def check(
    vault: Vault, field: str, text: str, *, accept: bool = False, redact: bool = False
) -> Checked:
    """One free text by the vault's policy (call it before the transaction)."""
    return Guard.load(vault).check(field, text, accept=accept, redact=redact)


def check_organisation(vault: Vault, field: str, value: str, *, accept: bool = False) -> None:
    """An organisation field (reporter, attending, owner, referral) holds no person.

    With `accept` the user says the name is an organisation: it goes on the
    allow-list (audited), so this guard and the export guard keep it.
    """
    guard = Guard.load(vault)
    findings = guard.scan(value)
    if not findings:
        return
    if accept:
        from drieluik.services.allowlist import add_allow_term

        add_allow_term(vault, value)
        return
    found = to_found(field, findings)
    raise PersonalDataFound(
        "org.personal_data",
        found=found,
        policy=guard.policy,
        field=field_label(field),
        text=found[0].excerpt,
        kind=found[0].category.label,
    )


# --- marks -------------------------------------------------------------------------------


def mark(
    session: Session,
    owner: str,
    owner_id: int,
    field: str,
    case_id: int | None,
    findings: Sequence[Finding],
) -> None:
    """Record (or, without findings, clear) the accepted findings of one stored text."""
    existing = session.exec(
        select(PiiMark).where(
            PiiMark.owner == owner, PiiMark.owner_id == owner_id, PiiMark.field == field
        )
    ).first()
    if not findings:
        if existing is not None:
            session.delete(existing)
        return
    categories = ",".join(dict.fromkeys(f.category.value for f in findings))
    offsets = json.dumps([[f.start, f.end] for f in findings])
    if existing is None:
        existing = PiiMark(
            owner=owner,
            owner_id=owner_id,
            field=field,
            case_id=case_id,
            categories=categories,
            offsets=offsets,
        )
    else:
        existing.categories, existing.offsets = categories, offsets
    session.add(existing)


def unmark(session: Session, owner: str, owner_id: int) -> None:
    """A row is gone: so are its marks."""
    session.execute(
        delete(PiiMark).where(col(PiiMark.owner) == owner, col(PiiMark.owner_id) == owner_id)
    )


@dataclass(frozen=True)
class MarkView:
    owner: str
    owner_id: int
    field: str
    case_id: int | None
    categories: tuple[str, ...]
    offsets: tuple[tuple[int, int], ...]

    def labels(self) -> str:
        from drieluik.services.pii import Category

        return ", ".join(Category(c).label for c in self.categories)


def _mark_view(row: PiiMark) -> MarkView:
    return MarkView(
        row.owner,
        row.owner_id,
        row.field,
        row.case_id,
        tuple(c for c in row.categories.split(",") if c),
        tuple((int(s), int(e)) for s, e in json.loads(row.offsets or "[]")),
    )


def describe_marks(marks: Sequence[MarkView]) -> str:
    """ "Omschrijving: naam, telefoonnummer; Besluit: naam" for the case screen."""
    return "; ".join(f"{field_label(m.field)}: {m.labels()}" for m in marks)


def count_marked(vault: Vault) -> int:
    """How many stored texts hold accepted findings ("N teksten met persoonsgegevens")."""
    with vault.session() as session:
        return session.exec(select(func.count()).select_from(PiiMark)).one()


def marks_for_case(vault: Vault, case_id: int) -> list[MarkView]:
    with vault.session() as session:
        rows = session.exec(
            select(PiiMark).where(PiiMark.case_id == case_id).order_by(col(PiiMark.id))
        ).all()
        return [_mark_view(r) for r in rows]
