"""Skill certificates and professional titles (职称) of persons (师带徒: mentorship.py).

A person's skill level follows their highest certificate that is not revoked; a person
with no such certificate keeps the level entered by hand (records from before the
registry held certificates). Likewise Person.title follows the latest 职称 by date, and
stays as typed when the person has no title record.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.models import Person
from skillsapp.domain.roles import Permission
from skillsapp.domain.talent import ProfessionalTitle, SkillCertificate
from skillsapp.errors import ValidationError
from skillsapp.services import audit
from skillsapp.services.context import Actor
from skillsapp.services.talent.honours import get_versioned
from skillsapp.storage.database import Database

CERTIFICATE_AUDITED = (
    "person_id",
    "occupation",
    "direction",
    "level",
    "number",
    "issue_date",
    "issuer",
    "revoked",
)
TITLE_AUDITED = ("person_id", "title", "granted_on", "issuer", "certificate_number")
_NEW_NUMBER = re.compile(r"[YS]\d{21}")  # since 2019; character 16 is the level 1–5
_OLD_NUMBER = re.compile(r"\d{16}")  # 职业资格证书
_CHUNK = 500


@dataclass(frozen=True)
class CertificateInput:
    person_id: int
    occupation: str
    level: SkillLevel
    direction: str = ""
    number: str = ""
    issue_date: dt.date | None = None
    issuer: str = ""
    revoked: bool = False


@dataclass(frozen=True)
class CertificateRow:
    """A certificate; `warnings` are codes about its number (kept, never refused)."""

    id: int
    person_id: int
    occupation: str
    direction: str
    level: SkillLevel
    number: str
    issue_date: dt.date | None
    issuer: str
    revoked: bool
    version: int
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class TitleInput:
    person_id: int
    title: str
    granted_on: dt.date | None = None
    issuer: str = ""
    certificate_number: str = ""


@dataclass(frozen=True)
class TitleRow:
    id: int
    person_id: int
    title: str
    granted_on: dt.date | None
    issuer: str
    certificate_number: str
    version: int


def certificate_warnings(number: str, level: SkillLevel) -> tuple[str, ...]:
    """Soft checks of a certificate number: its format, and the level it encodes."""
    if not number:
        return ()
    if _OLD_NUMBER.fullmatch(number):
        return ()
    if not _NEW_NUMBER.fullmatch(number):
        return ("certificate_number_format",)
    digit = int(number[15])
    if not 1 <= digit <= 5 or SkillLevel(SkillLevel.GRADE1 + 1 - digit) is not level:
        return ("certificate_level_mismatch",)
    return ()


def certificate_row(cert: SkillCertificate) -> CertificateRow:
    values = {name: getattr(cert, name) for name in ("id", *CERTIFICATE_AUDITED, "version")}
    return CertificateRow(**values, warnings=certificate_warnings(cert.number, cert.level))


def title_row(title: ProfessionalTitle) -> TitleRow:
    return TitleRow(**{name: getattr(title, name) for name in ("id", *TITLE_AUDITED, "version")})


def certificates_of(session: Session, person_ids: Sequence[int]) -> dict[int, list[CertificateRow]]:
    """Person id → certificates, highest level first."""
    stmt = select(SkillCertificate).order_by(
        SkillCertificate.level.desc(), SkillCertificate.issue_date.desc(), SkillCertificate.id
    )
    return grouped(session, stmt, SkillCertificate.person_id, person_ids, certificate_row)


def titles_of(session: Session, person_ids: Sequence[int]) -> dict[int, list[TitleRow]]:
    """Person id → professional titles, latest first."""
    stmt = select(ProfessionalTitle).order_by(
        ProfessionalTitle.granted_on.is_(None),
        ProfessionalTitle.granted_on.desc(),
        ProfessionalTitle.id.desc(),
    )
    return grouped(session, stmt, ProfessionalTitle.person_id, person_ids, title_row)


def grouped(
    session: Session, stmt: Any, column: Any, person_ids: Sequence[int], make: Any
) -> dict[int, list[Any]]:
    found: dict[int, list[Any]] = {}
    for start in range(0, len(person_ids), _CHUNK):
        for row in session.scalars(stmt.where(column.in_(person_ids[start : start + _CHUNK]))):
            found.setdefault(row.person_id, []).append(make(row))
    return found


def sync_level(session: Session, actor: Actor, person_id: int) -> None:
    """Person.skill_level := the highest valid certificate's level (kept when none)."""
    best = session.scalar(
        select(func.max(SkillCertificate.level)).where(
            SkillCertificate.person_id == person_id, SkillCertificate.revoked.is_(False)
        )
    )
    if best is not None:
        _set_person(session, actor, person_id, "skill_level", SkillLevel(best))


def sync_title(session: Session, actor: Actor, person_id: int) -> None:
    """Person.title := the latest professional title by date (kept when none)."""
    rows = titles_of(session, [person_id]).get(person_id)
    if rows:
        _set_person(session, actor, person_id, "title", rows[0].title)


def _set_person(session: Session, actor: Actor, person_id: int, field: str, value: Any) -> None:
    person = get_versioned(session, Person, "person", person_id)
    old = getattr(person, field)
    if old == value:
        return
    setattr(person, field, value)
    session.flush()
    audit.record(
        session,
        actor,
        action="update",
        entity="person",
        entity_id=person_id,
        old={field: audit.plain(old)},
        new={field: audit.plain(value)},
        reason="derived",
    )


def _check_texts(values: dict[str, tuple[str, int]], required: Sequence[str]) -> None:
    errors = {name: "text_too_long" for name, (text, limit) in values.items() if len(text) > limit}
    errors.update({name: "field_required" for name in required if not values[name][0]})
    if errors:
        raise ValidationError(errors)


def _check_certificate(session: Session, data: CertificateInput) -> CertificateInput:
    data = replace(
        data,
        occupation=data.occupation.strip(),
        direction=data.direction.strip(),
        number="".join(data.number.split()).upper(),
        issuer=data.issuer.strip(),
    )
    limits = {"occupation": 60, "direction": 60, "number": 40, "issuer": 120}
    _check_texts({k: (getattr(data, k), n) for k, n in limits.items()}, ["occupation"])
    if data.issue_date is not None and data.issue_date > dt.date.today():
        raise ValidationError({"issue_date": "date_in_future"})
    get_versioned(session, Person, "person", data.person_id)
    return data


def _check_title(session: Session, data: TitleInput) -> TitleInput:
    data = replace(
        data,
        title=" ".join(data.title.split()),
        issuer=data.issuer.strip(),
        certificate_number=data.certificate_number.strip(),
    )
    limits = {"title": 40, "issuer": 120, "certificate_number": 40}
    _check_texts({k: (getattr(data, k), n) for k, n in limits.items()}, ["title"])
    get_versioned(session, Person, "person", data.person_id)
    return data


@dataclass(frozen=True)
class _Kind:
    """How one kind of record is checked, shown and followed by the person's fields."""

    model: type[Any]
    entity: str
    fields: tuple[str, ...]
    check: Callable[[Session, Any], Any]
    row: Callable[[Any], Any]
    sync: Callable[[Session, Actor, int], None]


_CERTIFICATE = _Kind(
    SkillCertificate,
    "skill_certificate",
    CERTIFICATE_AUDITED,
    _check_certificate,
    certificate_row,
    sync_level,
)
_TITLE = _Kind(
    ProfessionalTitle, "professional_title", TITLE_AUDITED, _check_title, title_row, sync_title
)


class TalentService:
    """Certificates and titles; every write is one audited transaction."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    def certificates(self, person_id: int) -> list[CertificateRow]:
        self._actor.require(Permission.VIEW_REGISTRY)
        with self._db.reading() as session:
            return certificates_of(session, [person_id]).get(person_id, [])

    def add_certificate(self, data: CertificateInput) -> CertificateRow:
        """Record a certificate; the person's level follows the highest valid one."""
        row: CertificateRow = self._add(_CERTIFICATE, data)
        return row

    def update_certificate(
        self, certificate_id: int, data: CertificateInput, *, expected_version: int | None = None
    ) -> CertificateRow:
        """Edit (a revoked one: `revoked=True`); the level is derived again."""
        row: CertificateRow = self._update(_CERTIFICATE, certificate_id, data, expected_version)
        return row

    def revoke_certificate(
        self, certificate_id: int, *, expected_version: int | None = None
    ) -> CertificateRow:
        """Mark revoked (吊销/撤销); the level falls back to the next valid certificate."""
        with self._db.reading() as session:
            cert = get_versioned(session, SkillCertificate, "skill_certificate", certificate_id)
            data = CertificateInput(**{k: getattr(cert, k) for k in CERTIFICATE_AUDITED})
        return self.update_certificate(
            certificate_id, replace(data, revoked=True), expected_version=expected_version
        )

    def delete_certificate(
        self, certificate_id: int, *, expected_version: int | None = None
    ) -> None:
        self._delete(_CERTIFICATE, certificate_id, expected_version)

    def titles(self, person_id: int) -> list[TitleRow]:
        self._actor.require(Permission.VIEW_REGISTRY)
        with self._db.reading() as session:
            return titles_of(session, [person_id]).get(person_id, [])

    def add_title(self, data: TitleInput) -> TitleRow:
        """Record a 职称; Person.title follows the latest by date."""
        row: TitleRow = self._add(_TITLE, data)
        return row

    def update_title(
        self, title_id: int, data: TitleInput, *, expected_version: int | None = None
    ) -> TitleRow:
        row: TitleRow = self._update(_TITLE, title_id, data, expected_version)
        return row

    def delete_title(self, title_id: int, *, expected_version: int | None = None) -> None:
        self._delete(_TITLE, title_id, expected_version)

    def _add(self, kind: _Kind, data: Any) -> Any:
        self._actor.require(Permission.EDIT_REGISTRY)
        with self._db.transaction() as session:
            data = kind.check(session, data)
            record = kind.model(**{k: getattr(data, k) for k in kind.fields})
            session.add(record)
            session.flush()
            new = audit.snapshot(record, kind.fields)
            self._audit(session, "create", kind.entity, record.id, new=new)
            kind.sync(session, self._actor, record.person_id)
            return kind.row(record)

    def _update(self, kind: _Kind, key: int, data: Any, expected_version: int | None) -> Any:
        self._actor.require(Permission.EDIT_REGISTRY)
        with self._db.transaction() as session:
            record = get_versioned(session, kind.model, kind.entity, key, expected_version)
            data = replace(kind.check(session, data), person_id=record.person_id)
            before = audit.snapshot(record, kind.fields)
            for name in kind.fields:
                setattr(record, name, getattr(data, name))
            session.flush()
            old, new = audit.changed(before, audit.snapshot(record, kind.fields))
            self._audit(session, "update", kind.entity, key, old=old, new=new)
            kind.sync(session, self._actor, record.person_id)
            return kind.row(record)

    def _delete(self, kind: _Kind, key: int, expected_version: int | None) -> None:
        self._actor.require(Permission.EDIT_REGISTRY)
        with self._db.transaction() as session:
            record = get_versioned(session, kind.model, kind.entity, key, expected_version)
            old = audit.snapshot(record, kind.fields)
            self._audit(session, "delete", kind.entity, key, old=old)
            session.delete(record)
            session.flush()
            kind.sync(session, self._actor, old["person_id"])

    def _audit(self, session: Session, action: str, entity: str, key: int, **values: Any) -> None:
        audit.record(session, self._actor, action=action, entity=entity, entity_id=key, **values)
