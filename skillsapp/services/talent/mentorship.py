"""师带徒: agreements between a master and an apprentice, their graduation review, and
what became of the apprentice afterwards (contest results, certificates gained).

Rules (DOMAIN.md §4) that only warn: an agreement runs 1–3 years (renewable), and a
master should not have more than `mentorship.max_active` (Setting table, default 5)
active apprentices. Warnings come back as codes on the row the write returns.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.models import Person, Setting
from skillsapp.domain.roles import Permission
from skillsapp.domain.talent import GraduationResult, Mentorship, MentorshipStatus
from skillsapp.errors import UserError, ValidationError
from skillsapp.services import audit
from skillsapp.services.context import Actor
from skillsapp.services.scoring.publish import HistoryRow, competition_history
from skillsapp.services.talent.honours import get_versioned
from skillsapp.services.talent.talent import CertificateRow, certificates_of
from skillsapp.storage.database import Database

MAX_ACTIVE_KEY = "mentorship.max_active"
DEFAULT_MAX_ACTIVE = 5
AUDITED = (
    "mentor_id",
    "apprentice_id",
    "start_date",
    "end_date",
    "agreement_number",
    "goals",
    "goal_level",
    "level_before",
    "level_after",
    "status",
    "result",
)
_ROW_FIELDS = ("id", *AUDITED, "version")


@dataclass(frozen=True)
class MentorshipInput:
    """An agreement; `level_before` None takes the apprentice's level when it is created."""

    mentor_id: int
    apprentice_id: int
    start_date: dt.date
    end_date: dt.date | None = None
    agreement_number: str = ""
    goals: str = ""
    goal_level: SkillLevel | None = None
    level_before: SkillLevel | None = None


@dataclass(frozen=True)
class MentorshipRow:
    """An agreement with the apprentice's results and certificates since it started."""

    id: int
    mentor_id: int
    mentor_name: str
    apprentice_id: int
    apprentice_name: str
    start_date: dt.date
    end_date: dt.date | None
    agreement_number: str
    goals: str
    goal_level: SkillLevel | None
    level_before: SkillLevel | None
    level_after: SkillLevel | None
    status: MentorshipStatus
    result: GraduationResult | None
    version: int
    warnings: tuple[str, ...] = ()
    later_results: tuple[HistoryRow, ...] = ()
    promotions: tuple[CertificateRow, ...] = ()


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def term_warnings(start: dt.date, end: dt.date | None) -> tuple[str, ...]:
    """An agreement (or a renewal) should run from one to three years."""
    if end is None:
        return ()
    shortest = _add_years(start, 1) - dt.timedelta(days=1)  # 2025-01-01 … 2025-12-31
    if shortest <= end <= _add_years(start, 3):
        return ()
    return ("mentorship_term",)


def mentorship_rows(session: Session, condition: Any) -> list[MentorshipRow]:
    """Mentorships matching `condition`, newest first, with their apprentices' outcomes."""
    mentor, apprentice = aliased(Person), aliased(Person)
    stmt = (
        select(Mentorship, mentor.name, apprentice.name)
        .join(mentor, Mentorship.mentor_id == mentor.id)
        .join(apprentice, Mentorship.apprentice_id == apprentice.id)
        .where(condition)
        .order_by(Mentorship.start_date.desc(), Mentorship.id.desc())
    )
    found = session.execute(stmt).all()
    ids = sorted({m.apprentice_id for m, _, _ in found})
    results = {key: competition_history(session, key) for key in ids}  # a handful at most
    certificates = certificates_of(session, ids)
    return [
        _outcomes(_row(m, a, b), results.get(m.apprentice_id, []), certificates)
        for m, a, b in found
    ]


def _outcomes(
    row: MentorshipRow, results: list[HistoryRow], certificates: dict[int, list[CertificateRow]]
) -> MentorshipRow:
    since = row.start_date
    later = tuple(r for r in results if r.date is not None and r.date >= since)
    gained = sorted(
        (
            c
            for c in certificates.get(row.apprentice_id, [])
            if not c.revoked and c.issue_date is not None and c.issue_date >= since
        ),
        key=lambda c: c.issue_date or since,
    )
    return replace(row, later_results=later, promotions=tuple(gained))


def _row(m: Mentorship, mentor: str, apprentice: str) -> MentorshipRow:
    values = {name: getattr(m, name) for name in _ROW_FIELDS}
    return MentorshipRow(**values, mentor_name=mentor, apprentice_name=apprentice)


def max_active(session: Session) -> int:
    setting = session.get(Setting, MAX_ACTIVE_KEY)
    return DEFAULT_MAX_ACTIVE if setting is None else int(json.loads(setting.value))


def _checked(session: Session, data: MentorshipInput, key: int | None) -> MentorshipInput:
    data = replace(data, agreement_number=data.agreement_number.strip(), goals=data.goals.strip())
    if data.mentor_id == data.apprentice_id:
        raise ValidationError({"apprentice_id": "mentor_is_apprentice"})
    if len(data.agreement_number) > 40:
        raise ValidationError({"agreement_number": "text_too_long"})
    if data.end_date is not None and data.end_date < data.start_date:
        raise ValidationError({"end_date": "end_before_start"})
    for field in ("mentor_id", "apprentice_id"):
        if session.get(Person, getattr(data, field)) is None:
            raise ValidationError({field: "person_unknown"})
    same = select(Mentorship.id).where(
        Mentorship.mentor_id == data.mentor_id,
        Mentorship.apprentice_id == data.apprentice_id,
        Mentorship.status == MentorshipStatus.ACTIVE,
    )
    if session.scalar(same.where(Mentorship.id != (key or 0)).limit(1)) is not None:
        raise ValidationError({"apprentice_id": "mentorship_duplicate"})
    return data


class MentorshipService:
    """Agreements, renewals, graduation; reading a master's apprentices and vice versa."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    def apprentices(self, mentor_id: int) -> list[MentorshipRow]:
        self._actor.require(Permission.VIEW_REGISTRY)
        with self._db.reading() as session:
            return mentorship_rows(session, Mentorship.mentor_id == mentor_id)

    def mentors(self, apprentice_id: int) -> list[MentorshipRow]:
        self._actor.require(Permission.VIEW_REGISTRY)
        with self._db.reading() as session:
            return mentorship_rows(session, Mentorship.apprentice_id == apprentice_id)

    def max_active(self) -> int:
        self._actor.require(Permission.VIEW_REGISTRY)
        with self._db.reading() as session:
            return max_active(session)

    def set_max_active(self, limit: int) -> None:
        """How many active apprentices a master may have before a warning (administrators)."""
        self._actor.require(Permission.MANAGE_DATABASE)
        if limit < 1:
            raise ValidationError({"limit": "quota_not_positive"})
        with self._db.transaction() as session:
            old = max_active(session)
            session.merge(Setting(key=MAX_ACTIVE_KEY, value=json.dumps(limit)))
            values = {"old": {"value": old}, "new": {"value": limit}}
            self._audit(session, "update", "setting", MAX_ACTIVE_KEY, **values)

    def create(self, data: MentorshipInput) -> MentorshipRow:
        """Record an agreement; warns (never refuses) on its term and the master's load."""
        self._actor.require(Permission.EDIT_REGISTRY)
        with self._db.transaction() as session:
            data = _checked(session, data, None)
            if data.level_before is None:
                apprentice = get_versioned(session, Person, "person", data.apprentice_id)
                data = replace(data, level_before=apprentice.skill_level)
            mentorship = Mentorship(**data.__dict__, status=MentorshipStatus.ACTIVE)
            session.add(mentorship)
            session.flush()
            self._audit(
                session,
                "create",
                "mentorship",
                mentorship.id,
                new=audit.snapshot(mentorship, AUDITED),
            )
            return self._result(session, mentorship, self._warnings(session, mentorship))

    def update(
        self, mentorship_id: int, data: MentorshipInput, *, expected_version: int | None = None
    ) -> MentorshipRow:
        """Edit the agreement (dates, number, goals, levels)."""
        self._actor.require(Permission.EDIT_REGISTRY)
        with self._db.transaction() as session:
            mentorship = get_versioned(
                session, Mentorship, "mentorship", mentorship_id, expected_version
            )
            data = _checked(session, data, mentorship_id)
            if data.level_before is None:  # as on creation: None keeps what is recorded
                data = replace(data, level_before=mentorship.level_before)
            self._change(session, mentorship, data.__dict__)
            return self._result(session, mentorship, self._warnings(session, mentorship))

    def renew(
        self, mentorship_id: int, end_date: dt.date, *, expected_version: int | None = None
    ) -> MentorshipRow:
        """Extend an active agreement; the renewal too should run 1–3 years."""
        self._actor.require(Permission.EDIT_REGISTRY)
        with self._db.transaction() as session:
            mentorship = self._active(session, mentorship_id, expected_version)
            since = mentorship.end_date or mentorship.start_date
            if end_date <= since:
                raise ValidationError({"end_date": "renewal_not_later"})
            self._change(session, mentorship, {"end_date": end_date}, reason="renewal")
            return self._result(session, mentorship, term_warnings(since, end_date))

    def graduate(
        self,
        mentorship_id: int,
        result: GraduationResult,
        *,
        level_after: SkillLevel | None = None,
        on: dt.date | None = None,
        expected_version: int | None = None,
    ) -> MentorshipRow:
        """出师考核: 优秀/及格/不及格; completes the agreement. `level_after` None: the
        apprentice's level now."""
        self._actor.require(Permission.EDIT_REGISTRY)
        with self._db.transaction() as session:
            mentorship = self._active(session, mentorship_id, expected_version)
            if level_after is None:
                level_after = get_versioned(
                    session, Person, "person", mentorship.apprentice_id
                ).skill_level
            changes: dict[str, Any] = {"status": MentorshipStatus.COMPLETED, "result": result}
            changes |= {"level_after": level_after, "end_date": on or dt.date.today()}
            self._change(session, mentorship, changes, reason="graduation")
            return self._result(session, mentorship)

    def end_early(
        self,
        mentorship_id: int,
        *,
        on: dt.date | None = None,
        reason: str = "",
        expected_version: int | None = None,
    ) -> MentorshipRow:
        self._actor.require(Permission.EDIT_REGISTRY)
        with self._db.transaction() as session:
            mentorship = self._active(session, mentorship_id, expected_version)
            changes: dict[str, Any] = {"status": MentorshipStatus.ENDED}
            changes["end_date"] = on or dt.date.today()
            self._change(session, mentorship, changes, reason=reason)
            return self._result(session, mentorship)

    def delete(self, mentorship_id: int, *, expected_version: int | None = None) -> None:
        """Remove an agreement entered by mistake; the audit keeps its values."""
        self._actor.require(Permission.EDIT_REGISTRY)
        with self._db.transaction() as session:
            mentorship = get_versioned(
                session, Mentorship, "mentorship", mentorship_id, expected_version
            )
            self._audit(
                session,
                "delete",
                "mentorship",
                mentorship.id,
                old=audit.snapshot(mentorship, AUDITED),
            )
            session.delete(mentorship)

    def _active(self, session: Session, key: int, expected_version: int | None) -> Mentorship:
        mentorship = get_versioned(session, Mentorship, "mentorship", key, expected_version)
        if mentorship.status is not MentorshipStatus.ACTIVE:
            raise UserError("mentorship_not_active")
        return mentorship

    def _warnings(self, session: Session, mentorship: Mentorship) -> list[str]:
        warnings = list(term_warnings(mentorship.start_date, mentorship.end_date))
        active = select(func.count(Mentorship.id)).where(
            Mentorship.mentor_id == mentorship.mentor_id,
            Mentorship.status == MentorshipStatus.ACTIVE,
        )
        if (session.scalar(active) or 0) > max_active(session):
            warnings.append("mentor_overloaded")
        return warnings

    def _change(
        self, session: Session, mentorship: Mentorship, values: dict[str, Any], reason: str = ""
    ) -> None:
        before = audit.snapshot(mentorship, AUDITED)
        for name, value in values.items():
            setattr(mentorship, name, value)
        session.flush()
        old, new = audit.changed(before, audit.snapshot(mentorship, AUDITED))
        self._audit(session, "update", "mentorship", mentorship.id, old=old, new=new, reason=reason)

    def _result(
        self, session: Session, mentorship: Mentorship, warnings: Sequence[str] = ()
    ) -> MentorshipRow:
        [row] = mentorship_rows(session, Mentorship.id == mentorship.id)
        return replace(row, warnings=tuple(warnings))

    def _audit(
        self, session: Session, action: str, entity: str, key: object, **values: Any
    ) -> None:
        audit.record(session, self._actor, action=action, entity=entity, entity_id=key, **values)
