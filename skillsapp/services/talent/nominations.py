"""推荐评选: honour rounds, nominations with their documents, review and decision.

Units put persons (or units) forward while a round is open; closing a round stops new
nominations and documents, not the decisions. Approving grants the round's honour
exactly once: a decided nomination cannot be decided again, and two reviewers
approving at the same moment meet the version check (one of them gets Conflict).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from skillsapp.domain.base import utcnow
from skillsapp.domain.marks import HonourLevel, HonourType
from skillsapp.domain.models import Person, Unit
from skillsapp.domain.roles import Permission
from skillsapp.domain.talent import (
    Nomination,
    NominationDocument,
    NominationRound,
    NominationStatus,
    RoundStatus,
)
from skillsapp.errors import Conflict, UserError, ValidationError
from skillsapp.services import audit
from skillsapp.services.context import Actor
from skillsapp.services.talent.honours import AUDITED as HONOUR_AUDITED
from skillsapp.services.talent.honours import (
    HonourInput,
    check_honour,
    cleaned,
    duplicate_of,
    get_versioned,
    new_honour,
)
from skillsapp.storage.database import Database

DOCUMENT_MAX_BYTES = 20 * 1024 * 1024
_ROUND_TEXTS = ("title", "granting_body", "year", "document_number")
ROUND_AUDITED = ("name", "honour_type_id", "level", *_ROUND_TEXTS, "status")
NOMINATION_AUDITED = ("round_id", "person_id", "unit_id", "nominated_by_unit_id", "notes", "status")
_NOMINATION_ROW = ("id", *NOMINATION_AUDITED, "review_notes", "decided_at", "honour_id", "version")
_DECIDED = (NominationStatus.APPROVED, NominationStatus.REJECTED)
_PATH_PARTS = re.compile(r"^.*[\\/]")


@dataclass(frozen=True)
class RoundInput:
    """A round; a blank `title` takes the honour type's name."""

    name: str
    honour_type_id: int
    level: HonourLevel
    title: str = ""
    granting_body: str = ""
    year: int | None = None
    document_number: str = ""


@dataclass(frozen=True)
class RoundRow:
    id: int
    name: str
    honour_type_id: int
    honour_type: str
    level: HonourLevel
    title: str
    granting_body: str
    year: int | None
    document_number: str
    status: RoundStatus
    nominations: int
    version: int


@dataclass(frozen=True)
class DocumentRow:
    id: int
    nomination_id: int
    filename: str
    media_type: str
    size: int
    uploaded_at: dt.datetime


@dataclass(frozen=True)
class DocumentFile:
    filename: str
    media_type: str
    content: bytes


@dataclass(frozen=True)
class NominationRow:
    id: int
    round_id: int
    person_id: int | None
    unit_id: int | None
    nominee: str  # the person's or the unit's name
    nominated_by_unit_id: int | None
    notes: str
    status: NominationStatus
    review_notes: str
    decided_at: dt.datetime | None
    honour_id: int | None
    version: int
    documents: tuple[DocumentRow, ...] = ()


def _document_row(doc: NominationDocument) -> DocumentRow:
    fields = ("id", "nomination_id", "filename", "media_type", "size", "uploaded_at")
    return DocumentRow(**{name: getattr(doc, name) for name in fields})


def _honour_input(
    rnd: NominationRound, person_id: int | None, unit_id: int | None, on: dt.date | None = None
) -> HonourInput:
    values = {name: getattr(rnd, name) for name in ("level", *_ROUND_TEXTS)}
    return HonourInput(
        rnd.honour_type_id, person_id=person_id, unit_id=unit_id, granted_on=on, **values
    )


def _check_round(session: Session, data: RoundInput) -> tuple[RoundInput, HonourType]:
    data = replace(
        data,
        name=" ".join(data.name.split()),
        granting_body=data.granting_body.strip(),
        document_number=data.document_number.strip(),
    )
    honour_type = session.get(HonourType, data.honour_type_id)
    if honour_type is None:
        raise ValidationError({"honour_type_id": "honour_type_unknown"})
    texts: dict[str, Any] = {name: getattr(data, name) for name in _ROUND_TEXTS}
    holder: dict[str, Any] = {"unit_id" if honour_type.for_units else "person_id": 0}  # a stand-in
    sample = HonourInput(data.honour_type_id, data.level, **holder, **texts)
    errors = check_honour(sample, honour_type)
    if not data.name:
        errors["name"] = "name_required"
    elif len(data.name) > 120:
        errors["name"] = "text_too_long"
    if errors:
        raise ValidationError(errors)
    return replace(data, title=cleaned(sample, honour_type).title), honour_type


def _nominated(session: Session, round_id: int, person_id: int | None, unit_id: int | None) -> bool:
    """Whether the person (or, for a unit nominee, the unit) is already in the round."""
    holder = Nomination.person_id == person_id if unit_id is None else Nomination.unit_id == unit_id
    same = select(Nomination.id).where(Nomination.round_id == round_id, holder)
    return session.scalar(same.limit(1)) is not None


@contextmanager
def _renomination_refused(
    db: Database, round_id: int, person_id: int | None, unit_id: int | None
) -> Iterator[None]:
    """The database's refusal of a second nomination (saved by somebody else after the
    check) as the check's own error; other IntegrityErrors go on."""
    try:
        yield
    except IntegrityError as exc:
        with db.reading() as session:
            if _nominated(session, round_id, person_id, unit_id):
                raise ValidationError({"nominee": "nomination_duplicate"}) from exc
        raise


def _clean_filename(filename: str) -> str:
    name = _PATH_PARTS.sub("", filename).strip()
    if not name or len(name) > 200:
        raise ValidationError({"filename": "text_too_long" if name else "name_required"})
    return name


class NominationService:
    """Rounds and nominations; reviewers decide, staff nominate and attach documents."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    def rounds(self) -> list[RoundRow]:
        self._actor.require(Permission.VIEW_REGISTRY)
        counts = (
            select(Nomination.round_id, func.count(Nomination.id).label("n"))
            .group_by(Nomination.round_id)
            .subquery()
        )
        stmt = (
            select(NominationRound, HonourType.name, func.coalesce(counts.c.n, 0))
            .join(HonourType, NominationRound.honour_type_id == HonourType.id)
            .outerjoin(counts, counts.c.round_id == NominationRound.id)
            .order_by(NominationRound.id.desc())
        )
        with self._db.reading() as session:
            return [_round_row(r, name, n) for r, name, n in session.execute(stmt)]

    def create_round(self, data: RoundInput) -> RoundRow:
        self._actor.require(Permission.REVIEW_NOMINATIONS)
        with self._db.transaction() as session:
            data, honour_type = _check_round(session, data)
            rnd = NominationRound(**data.__dict__, status=RoundStatus.OPEN)
            session.add(rnd)
            session.flush()
            new = audit.snapshot(rnd, ROUND_AUDITED)
            self._audit(session, "create", "nomination_round", rnd.id, new=new)
            return _round_row(rnd, honour_type.name, 0)

    def close_round(self, round_id: int, *, expected_version: int | None = None) -> None:
        """No more nominations or documents; the pending ones can still be decided."""
        self._actor.require(Permission.REVIEW_NOMINATIONS)
        with self._db.transaction() as session:
            rnd = get_versioned(
                session, NominationRound, "nomination_round", round_id, expected_version
            )
            if rnd.status is RoundStatus.OPEN:
                rnd.status = RoundStatus.CLOSED
                session.flush()
                change = {"old": {"status": "open"}, "new": {"status": "closed"}}
                self._audit(session, "update", "nomination_round", rnd.id, **change)

    def nominations(self, round_id: int) -> list[NominationRow]:
        self._actor.require(Permission.VIEW_REGISTRY)
        with self._db.reading() as session:
            stmt = select(Nomination).where(Nomination.round_id == round_id)
            stmt = stmt.options(selectinload(Nomination.documents)).order_by(Nomination.id)
            found = session.scalars(stmt).all()
            return [self._row(session, n) for n in found]

    def nominate(
        self,
        round_id: int,
        *,
        person_id: int | None = None,
        unit_id: int | None = None,
        nominated_by_unit_id: int | None = None,
        notes: str = "",
    ) -> NominationRow:
        """Put a person (or a unit) forward once per round."""
        self._actor.require(Permission.EDIT_REGISTRY)
        refused = _renomination_refused(self._db, round_id, person_id, unit_id)
        with refused, self._db.transaction() as session:
            rnd = self._open_round(session, round_id)
            nomination = Nomination(round_id=round_id, person_id=person_id, unit_id=unit_id)
            nomination.nominated_by_unit_id, nomination.notes = nominated_by_unit_id, notes.strip()
            nomination.status = NominationStatus.NOMINATED
            self._check_nominee(session, rnd, nomination)
            session.add(nomination)
            session.flush()
            new = audit.snapshot(nomination, NOMINATION_AUDITED)
            self._audit(session, "create", "nomination", nomination.id, new=new)
            return self._row(session, nomination)

    def attach(
        self,
        nomination_id: int,
        filename: str,
        content: bytes,
        *,
        media_type: str = "application/octet-stream",
    ) -> DocumentRow:
        """Store a file (事迹材料, 推荐表 …) of at most 20 MB in the database."""
        self._actor.require(Permission.EDIT_REGISTRY)
        if len(content) > DOCUMENT_MAX_BYTES:
            raise UserError("document_too_large", limit=DOCUMENT_MAX_BYTES // (1024 * 1024))
        name = _clean_filename(filename)
        media_type = media_type.strip()[:100] or "application/octet-stream"
        with self._db.transaction() as session:
            nomination = self._undecided(session, nomination_id, None)
            self._open_round(session, nomination.round_id)
            doc = NominationDocument(filename=name, media_type=media_type, size=len(content))
            doc.content, doc.uploaded_by = content, self._actor.user_id
            nomination.documents.append(doc)
            session.flush()
            new = {"nomination_id": nomination_id, "filename": name, "size": len(content)}
            self._audit(session, "create", "nomination_document", doc.id, new=new)
            return _document_row(doc)

    def download(self, document_id: int) -> DocumentFile:
        self._actor.require(Permission.VIEW_REGISTRY)
        with self._db.reading() as session:
            doc = get_versioned(session, NominationDocument, "nomination_document", document_id)
            return DocumentFile(doc.filename, doc.media_type, doc.content)

    def remove_document(self, document_id: int) -> None:
        """Take a document off an undecided nomination; the audit keeps its name and size."""
        self._actor.require(Permission.EDIT_REGISTRY)
        with self._db.transaction() as session:
            doc = get_versioned(session, NominationDocument, "nomination_document", document_id)
            self._undecided(session, doc.nomination_id, None)
            old = {"nomination_id": doc.nomination_id, "filename": doc.filename, "size": doc.size}
            self._audit(session, "delete", "nomination_document", doc.id, old=old)
            session.delete(doc)

    def review(
        self, nomination_id: int, notes: str, *, expected_version: int | None = None
    ) -> NominationRow:
        """Put the nomination under review with the reviewers' notes."""
        status = NominationStatus.UNDER_REVIEW
        return self._decide(nomination_id, status, notes, expected_version)

    def approve(
        self,
        nomination_id: int,
        *,
        notes: str = "",
        granted_on: dt.date | None = None,
        expected_version: int | None = None,
    ) -> NominationRow:
        """Approve and grant the round's honour (once; an identical one already held is
        linked instead of doubled)."""
        status = NominationStatus.APPROVED
        return self._decide(nomination_id, status, notes, expected_version, granted_on)

    def reject(
        self, nomination_id: int, *, notes: str = "", expected_version: int | None = None
    ) -> NominationRow:
        status = NominationStatus.REJECTED
        return self._decide(nomination_id, status, notes, expected_version)

    def _decide(
        self,
        nomination_id: int,
        status: NominationStatus,
        notes: str,
        expected_version: int | None,
        granted_on: dt.date | None = None,
    ) -> NominationRow:
        self._actor.require(Permission.REVIEW_NOMINATIONS)
        values: dict[str, Any] = {"status": status}
        if notes.strip() or status is NominationStatus.UNDER_REVIEW:
            values["review_notes"] = notes.strip()
        if status in _DECIDED:
            values |= {"decided_by": self._actor.user_id, "decided_at": utcnow()}
        try:
            with self._db.transaction() as session:
                nomination = self._undecided(session, nomination_id, expected_version)
                self._change(session, nomination, values)
                if status is NominationStatus.APPROVED:
                    self._grant(session, nomination, granted_on)
                return self._row(session, nomination)
        except StaleDataError as exc:  # decided by somebody else meanwhile
            raise Conflict(entity="nomination", id=nomination_id) from exc

    def _grant(self, session: Session, nomination: Nomination, on: dt.date | None) -> None:
        rnd = get_versioned(session, NominationRound, "nomination_round", nomination.round_id)
        data = _honour_input(rnd, nomination.person_id, nomination.unit_id, on)
        data = cleaned(data, session.get_one(HonourType, rnd.honour_type_id))
        honour_id = duplicate_of(session, data)
        if honour_id is None:
            honour_id = self._new_honour(session, data, nomination.id)
        self._change(session, nomination, {"honour_id": honour_id})

    def _new_honour(self, session: Session, data: HonourInput, nomination_id: int) -> int:
        """The granted honour's id: a new one, or the identical one that somebody else
        saved after the check (the database refuses the second; linked as the check does)."""
        honour = new_honour(data)
        try:
            with session.begin_nested():
                session.add(honour)
        except IntegrityError:
            honour_id = duplicate_of(session, data)
            if honour_id is None:
                raise
            return honour_id
        new = audit.snapshot(honour, HONOUR_AUDITED)
        reason = f"nomination {nomination_id}"
        self._audit(session, "create", "honour", honour.id, new=new, reason=reason)
        return honour.id

    def _change(self, session: Session, nomination: Nomination, values: dict[str, Any]) -> None:
        fields = tuple(values)
        before = audit.snapshot(nomination, fields)
        for name, value in values.items():
            setattr(nomination, name, value)
        session.flush()
        old, new = audit.changed(before, audit.snapshot(nomination, fields))
        self._audit(session, "update", "nomination", nomination.id, old=old, new=new)

    def _open_round(self, session: Session, round_id: int) -> NominationRound:
        rnd = get_versioned(session, NominationRound, "nomination_round", round_id)
        if rnd.status is not RoundStatus.OPEN:
            raise UserError("round_closed")
        return rnd

    def _undecided(self, session: Session, key: int, expected_version: int | None) -> Nomination:
        nomination = get_versioned(session, Nomination, "nomination", key, expected_version)
        if nomination.status in _DECIDED:
            raise UserError("nomination_already_decided")
        return nomination

    def _check_nominee(self, session: Session, rnd: NominationRound, n: Nomination) -> None:
        data = _honour_input(rnd, n.person_id, n.unit_id)
        errors = check_honour(data, session.get(HonourType, rnd.honour_type_id))
        if n.person_id is not None and session.get(Person, n.person_id) is None:
            errors["person_id"] = "person_unknown"
        for field in ("unit_id", "nominated_by_unit_id"):
            if getattr(n, field) is not None and session.get(Unit, getattr(n, field)) is None:
                errors[field] = "unit_unknown"
        if errors:
            raise ValidationError(errors)
        if _nominated(session, rnd.id, n.person_id, n.unit_id):
            raise ValidationError({"nominee": "nomination_duplicate"})

    def _row(self, session: Session, n: Nomination) -> NominationRow:
        holder = select(Person.name).where(Person.id == n.person_id)
        if n.person_id is None:
            holder = select(Unit.name).where(Unit.id == n.unit_id)
        values = {name: getattr(n, name) for name in _NOMINATION_ROW}
        documents = tuple(_document_row(d) for d in sorted(n.documents, key=lambda d: d.id))
        return NominationRow(**values, nominee=session.scalar(holder) or "", documents=documents)

    def _audit(self, session: Session, action: str, entity: str, key: int, **values: Any) -> None:
        audit.record(session, self._actor, action=action, entity=entity, entity_id=key, **values)


def _round_row(rnd: NominationRound, type_name: str, count: int) -> RoundRow:
    values = {name: getattr(rnd, name) for name in ("id", *ROUND_AUDITED, "version")}
    return RoundRow(**values, honour_type=type_name, nominations=count)
