"""Innovation studios (劳模和工匠人才创新工作室, 技能大师工作室): the studios, their
members, the list with counts, the studio page with its member make-up and conditions,
and the condition settings. Records (results, trainings, talents) are written by the
methods of `StudioRecordWrites`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from skillsapp.domain.marks import HonourLevel
from skillsapp.domain.models import Person, Unit
from skillsapp.domain.roles import Permission
from skillsapp.domain.studio_rules import (
    ConditionCheck,
    MemberMakeup,
    StudioConditions,
    check_conditions,
    member_makeup,
)
from skillsapp.domain.studios import Studio, StudioKind, StudioMember, StudioStatus
from skillsapp.errors import ValidationError
from skillsapp.services import audit
from skillsapp.services.context import Actor
from skillsapp.services.studios.studio_conditions import (
    ConditionTable,
    load_conditions,
    parse_conditions,
    save_conditions,
)
from skillsapp.services.studios.studio_detail import (
    MemberRow,
    innovation_rows,
    member_row,
    member_rows,
    talent_rows,
    training_rows,
)
from skillsapp.services.studios.studio_queries import (
    StudioFilter,
    StudioRow,
    member_facts,
    studio_facts,
    studio_rows,
)
from skillsapp.services.studios.studio_record_writes import StudioRecordWrites, fetch
from skillsapp.services.studios.studio_records import InnovationRow, TalentRow, TrainingRow
from skillsapp.storage.database import Database

STUDIO_FIELDS = (
    "name",
    "kind",
    "level",
    "demonstration",
    "host_unit_id",
    "leader_id",
    "founded_on",
    "accredited_on",
    "accreditation_number",
    "last_confirmed_on",
    "status",
    "description",
)
MEMBER_FIELDS = ("studio_id", "person_id", "role", "joined_on", "left_on")

__all__ = ["MemberRow", "StudioDetail", "StudioFilter", "StudioInput", "StudioRow"]


@dataclass(frozen=True)
class StudioInput:
    name: str
    kind: StudioKind
    level: HonourLevel
    demonstration: bool = False  # 全国示范性 (national studios only)
    host_unit_id: int | None = None
    leader_id: int | None = None
    founded_on: dt.date | None = None
    accredited_on: dt.date | None = None
    accreditation_number: str = ""
    last_confirmed_on: dt.date | None = None
    status: StudioStatus = StudioStatus.ACTIVE
    description: str = ""


@dataclass(frozen=True)
class ConditionReport:
    """Which conditions of the studio's kind and level the records meet."""

    rules: StudioConditions
    checks: tuple[ConditionCheck, ...]
    reconfirm_due_on: dt.date | None
    due: bool

    @property
    def all_met(self) -> bool:
        return all(check.met for check in self.checks)


@dataclass(frozen=True)
class StudioDetail:
    """The studio page: the row, its text, members and make-up, records, conditions."""

    row: StudioRow
    description: str
    members: tuple[MemberRow, ...]
    makeup: MemberMakeup
    innovations: tuple[InnovationRow, ...]
    trainings: tuple[TrainingRow, ...]
    talents: tuple[TalentRow, ...]
    conditions: ConditionReport


def _date_errors(data: StudioInput, today: dt.date) -> dict[str, str]:
    errors = {
        name: "date_in_future"
        for name in ("founded_on", "accredited_on", "last_confirmed_on")
        if (getattr(data, name) or dt.date.min) > today
    }
    if data.founded_on and data.accredited_on and data.accredited_on < data.founded_on:
        errors.setdefault("accredited_on", "studio_accredited_before_founded")
    if (
        data.accredited_on
        and data.last_confirmed_on
        and data.last_confirmed_on < data.accredited_on
    ):
        errors.setdefault("last_confirmed_on", "studio_confirmed_before_accredited")
    return errors


def clean_studio(
    session: Session, data: StudioInput, studio_id: int | None, today: dt.date
) -> StudioInput:
    """The input tidied, or ValidationError with every broken rule."""
    name = " ".join(data.name.split())
    errors = _date_errors(data, today)
    if not name:
        errors["name"] = "studio_name_required"
    elif len(name) > 120:
        errors["name"] = "text_too_long"
    elif session.scalar(select(Studio.id).where(Studio.name == name)) not in (None, studio_id):
        errors["name"] = "studio_name_taken"
    if data.demonstration and data.level is not HonourLevel.NATIONAL:
        errors["demonstration"] = "studio_demonstration_national"
    if data.host_unit_id is not None and session.get(Unit, data.host_unit_id) is None:
        errors["host_unit_id"] = "unit_unknown"
    if data.leader_id is not None and session.get(Person, data.leader_id) is None:
        errors["leader_id"] = "person_unknown"
    if len(data.accreditation_number.strip()) > 60:
        errors["accreditation_number"] = "text_too_long"
    if errors:
        raise ValidationError(errors)
    return StudioInput(
        **{
            **data.__dict__,
            "name": name,
            "accreditation_number": data.accreditation_number.strip(),
            "description": data.description.strip(),
        }
    )


class StudioService(StudioRecordWrites):
    """Studios and their records. Every write is one transaction with its audit entry."""

    def __init__(self, db: Database, actor: Actor, *, today: dt.date | None = None) -> None:
        self._db = db
        self._actor = actor
        self._fixed_today = today

    def _today(self) -> dt.date:
        return self._fixed_today or dt.date.today()

    # -- reading

    def studios(self, flt: StudioFilter | None = None) -> list[StudioRow]:
        """The studios matching `flt`, by name, with their counts."""
        self._actor.require(Permission.VIEW_STUDIOS)
        with self._db.reading() as session:
            table = load_conditions(session)
            return studio_rows(session, flt or StudioFilter(), table, self._today())

    def due_for_reconfirmation(self) -> list[StudioRow]:
        """Studios whose re-confirmation date is past or within 90 days (not revoked)."""
        return self.studios(StudioFilter(due_for_reconfirmation=True))

    def studio(self, studio_id: int) -> StudioDetail:
        self._actor.require(Permission.VIEW_STUDIOS)
        today = self._today()
        with self._db.reading() as session:
            studio = fetch(session, Studio, "studio", studio_id)
            table = load_conditions(session)
            row = studio_rows(session, StudioFilter(), table, today, studio_id=studio_id)[0]
            makeup = member_makeup(member_facts(session, studio_id, today))
            return StudioDetail(
                row=row,
                description=studio.description,
                members=tuple(member_rows(session, studio_id, today)),
                makeup=makeup,
                innovations=tuple(innovation_rows(session, studio_id)),
                trainings=tuple(training_rows(session, studio_id)),
                talents=tuple(talent_rows(session, studio_id)),
                conditions=self._report(session, studio, row, table),
            )

    def _report(
        self, session: Session, studio: Studio, row: StudioRow, table: ConditionTable
    ) -> ConditionReport:
        rules = table[studio.kind][studio.level]
        facts = studio_facts(session, studio, row.members)
        checks = check_conditions(facts, rules, self._today())
        return ConditionReport(rules, checks, row.reconfirm_due_on, row.due)

    def profile_pdf(self, studio_id: int) -> bytes:
        """工作室简况: the studio page as an A4 PDF."""
        from skillsapp.services.studios.studio_printing import profile_pdf

        return profile_pdf(self.studio(studio_id), self._today())

    # -- studios

    def add_studio(self, data: StudioInput) -> StudioRow:
        self._actor.require(Permission.MANAGE_STUDIOS)
        with self._db.transaction() as session:
            studio = Studio(**clean_studio(session, data, None, self._today()).__dict__)
            session.add(studio)
            session.flush()
            new = audit.snapshot(studio, STUDIO_FIELDS)
            self._log(session, "create", "studio", studio.id, new=new)
            return self._row(session, studio.id)

    def update_studio(
        self, studio_id: int, data: StudioInput, *, expected_version: int | None = None
    ) -> StudioRow:
        self._actor.require(Permission.MANAGE_STUDIOS)
        with self._db.transaction() as session:
            studio = fetch(session, Studio, "studio", studio_id, expected_version)
            clean = clean_studio(session, data, studio_id, self._today())
            before = audit.snapshot(studio, STUDIO_FIELDS)
            for name, value in clean.__dict__.items():
                setattr(studio, name, value)
            session.flush()
            old, new = audit.changed(before, audit.snapshot(studio, STUDIO_FIELDS))
            self._log(session, "update", "studio", studio.id, old=old, new=new)
            return self._row(session, studio.id)

    def delete_studio(self, studio_id: int, *, reason: str = "") -> None:
        """Delete a studio with all its records; the audit entry keeps the studio itself."""
        self._actor.require(Permission.MANAGE_STUDIOS)
        with self._db.transaction() as session:
            studio = fetch(session, Studio, "studio", studio_id)
            old = audit.snapshot(studio, STUDIO_FIELDS)
            self._log(session, "delete", "studio", studio.id, old=old, reason=reason)
            session.delete(studio)

    def _row(self, session: Session, studio_id: int) -> StudioRow:
        table = load_conditions(session)
        return studio_rows(session, StudioFilter(), table, self._today(), studio_id=studio_id)[0]

    # -- members

    def add_member(
        self,
        studio_id: int,
        person_id: int,
        *,
        role: str = "成员",
        joined_on: dt.date | None = None,
    ) -> MemberRow:
        self._actor.require(Permission.EDIT_STUDIO_RECORDS)
        with self._db.transaction() as session:
            fetch(session, Studio, "studio", studio_id)
            self._check_new_member(session, studio_id, person_id, role, joined_on)
            member = StudioMember(
                studio_id=studio_id, person_id=person_id, role=role.strip() or "成员"
            )
            member.joined_on = joined_on
            session.add(member)
            session.flush()
            new = audit.snapshot(member, MEMBER_FIELDS)
            self._log(session, "create", "studio_member", member.id, new=new)
            return member_row(session, member, self._today())

    def _check_new_member(
        self, session: Session, studio_id: int, person_id: int, role: str, joined: dt.date | None
    ) -> None:
        errors: dict[str, str] = {}
        if session.get(Person, person_id) is None:
            errors["person_id"] = "person_unknown"
        elif self._current_membership(session, studio_id, person_id) is not None:
            errors["person_id"] = "studio_member_exists"
        if joined is not None and joined > self._today():
            errors["joined_on"] = "date_in_future"
        if len(role.strip()) > 30:
            errors["role"] = "text_too_long"
        if errors:
            raise ValidationError(errors)

    def _current_membership(self, session: Session, studio_id: int, person_id: int) -> int | None:
        today = self._today()
        query = select(StudioMember.id).where(
            StudioMember.studio_id == studio_id,
            StudioMember.person_id == person_id,
            (StudioMember.left_on.is_(None)) | (StudioMember.left_on > today),
        )
        return session.scalar(query.limit(1))

    def end_membership(self, member_id: int, left_on: dt.date) -> MemberRow:
        """The member left the studio on `left_on` (kept in the history)."""
        self._actor.require(Permission.EDIT_STUDIO_RECORDS)
        with self._db.transaction() as session:
            member = fetch(session, StudioMember, "studio_member", member_id)
            if member.left_on is not None:
                raise ValidationError({"left_on": "member_already_left"})
            if member.joined_on is not None and left_on < member.joined_on:
                raise ValidationError({"left_on": "member_left_before_joined"})
            member.left_on = left_on
            session.flush()
            new = {"left_on": audit.plain(left_on)}
            self._log(session, "update", "studio_member", member.id, old={"left_on": None}, new=new)
            return member_row(session, member, self._today())

    def remove_member(self, member_id: int, *, reason: str = "") -> None:
        """Delete a membership entered by mistake (a member who left: `end_membership`)."""
        self._actor.require(Permission.EDIT_STUDIO_RECORDS)
        with self._db.transaction() as session:
            member = fetch(session, StudioMember, "studio_member", member_id)
            old = audit.snapshot(member, MEMBER_FIELDS)
            self._log(session, "delete", "studio_member", member.id, old=old, reason=reason)
            session.delete(member)

    # -- condition settings

    def condition_settings(self) -> ConditionTable:
        """Conditions per studio kind and level (stored settings over the defaults)."""
        self._actor.require(Permission.VIEW_STUDIOS)
        with self._db.reading() as session:
            return load_conditions(session)

    def set_conditions(self, kind: StudioKind, level: HonourLevel, rules: StudioConditions) -> None:
        """Change the conditions of one kind and level; ValidationError when not sensible."""
        self._actor.require(Permission.MANAGE_STUDIOS)
        with self._db.transaction() as session:
            table = load_conditions(session)
            table[kind][level] = rules
            save_conditions(session, self._actor, table)

    def set_condition_settings(self, raw: Mapping[str, Any]) -> ConditionTable:
        """Replace the settings from JSON data ({kind: {level: {field: value}}})."""
        self._actor.require(Permission.MANAGE_STUDIOS)
        table = parse_conditions(raw)
        with self._db.transaction() as session:
            save_conditions(session, self._actor, table)
        return table
