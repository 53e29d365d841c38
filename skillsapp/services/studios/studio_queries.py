"""Reading studios: the list with its counts (grouped SQL), and the facts of one studio."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import Session

from skillsapp.domain.marks import Honour, HonourLevel, HonourType
from skillsapp.domain.models import Person, Unit
from skillsapp.domain.studio_rules import (
    HonourFact,
    MemberFacts,
    StudioFacts,
    TalentFact,
    honour_family,
    is_due,
    reconfirmation_due,
)
from skillsapp.domain.studios import (
    Innovation,
    InnovationKind,
    PatentKind,
    Studio,
    StudioKind,
    StudioMember,
    StudioStatus,
    StudioTraining,
    TalentTrained,
    innovation_contributor,
)
from skillsapp.services.studios.studio_conditions import ConditionTable

_CHUNK = 500


@dataclass(frozen=True)
class StudioFilter:
    level: HonourLevel | None = None
    unit_id: int | None = None
    status: StudioStatus | None = None
    kind: StudioKind | None = None
    text: str = ""  # in the name, the leader's name or the host unit's name
    due_for_reconfirmation: bool = False


@dataclass(frozen=True)
class StudioRow:
    """A studio as the list shows it, with counts from its records."""

    id: int
    name: str
    kind: StudioKind
    level: HonourLevel
    demonstration: bool
    host_unit_id: int | None
    host_unit_name: str
    leader_id: int | None
    leader_name: str
    founded_on: dt.date | None
    accredited_on: dt.date | None
    accreditation_number: str
    last_confirmed_on: dt.date | None
    status: StudioStatus
    members: int
    innovations: int
    applied: int
    patents: int
    benefit: Decimal
    reconfirm_due_on: dt.date | None
    due: bool
    version: int


def current_member(today: dt.date) -> Any:
    return or_(StudioMember.left_on.is_(None), StudioMember.left_on > today)


def _counts(today: dt.date) -> tuple[Any, Any]:
    members = (
        select(StudioMember.studio_id, func.count().label("n"))
        .where(current_member(today))
        .group_by(StudioMember.studio_id)
        .subquery()
    )
    results = (
        select(
            Innovation.studio_id,
            func.count().label("n"),
            func.sum(case((Innovation.applied, 1), else_=0)).label("applied"),
            func.sum(case((Innovation.patent_kind.is_not(None), 1), else_=0)).label("patents"),
            func.sum(Innovation.benefit).label("benefit"),
        )
        .group_by(Innovation.studio_id)
        .subquery()
    )
    return members, results


def _list_query(flt: StudioFilter, today: dt.date) -> Select[Any]:
    members, results = _counts(today)
    stmt = (
        select(
            Studio,
            Unit.name,
            Person.name,
            func.coalesce(members.c.n, 0),
            func.coalesce(results.c.n, 0),
            func.coalesce(results.c.applied, 0),
            func.coalesce(results.c.patents, 0),
            results.c.benefit,
        )
        .outerjoin(Unit, Unit.id == Studio.host_unit_id)
        .outerjoin(Person, Person.id == Studio.leader_id)
        .outerjoin(members, members.c.studio_id == Studio.id)
        .outerjoin(results, results.c.studio_id == Studio.id)
        .order_by(Studio.name, Studio.id)
    )
    return _filtered(stmt, flt)


def _filtered(stmt: Select[Any], flt: StudioFilter) -> Select[Any]:
    if flt.level is not None:
        stmt = stmt.where(Studio.level == flt.level)
    if flt.unit_id is not None:
        stmt = stmt.where(Studio.host_unit_id == flt.unit_id)
    if flt.status is not None:
        stmt = stmt.where(Studio.status == flt.status)
    if flt.kind is not None:
        stmt = stmt.where(Studio.kind == flt.kind)
    text = flt.text.strip()
    if text:
        like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(
            or_(*(c.like(like, escape="\\") for c in (Studio.name, Person.name, Unit.name)))
        )
    return stmt


def studio_rows(
    session: Session,
    flt: StudioFilter,
    table: ConditionTable,
    today: dt.date,
    *,
    studio_id: int | None = None,
) -> list[StudioRow]:
    stmt = _list_query(flt, today)
    if studio_id is not None:
        stmt = stmt.where(Studio.id == studio_id)
    rows = [_row(values, table, today) for values in session.execute(stmt)]
    return [r for r in rows if r.due] if flt.due_for_reconfirmation else rows


def _row(values: Any, table: ConditionTable, today: dt.date) -> StudioRow:
    studio, unit, leader, members, innovations, applied, patents, benefit = values
    years = table[studio.kind][studio.level].reconfirm_years
    due_on = reconfirmation_due(studio.accredited_on, studio.last_confirmed_on, years)
    return StudioRow(
        id=studio.id,
        name=studio.name,
        kind=studio.kind,
        level=studio.level,
        demonstration=studio.demonstration,
        host_unit_id=studio.host_unit_id,
        host_unit_name=unit or "",
        leader_id=studio.leader_id,
        leader_name=leader or "",
        founded_on=studio.founded_on,
        accredited_on=studio.accredited_on,
        accreditation_number=studio.accreditation_number,
        last_confirmed_on=studio.last_confirmed_on,
        status=studio.status,
        members=int(members),
        innovations=int(innovations),
        applied=int(applied),
        patents=int(patents),
        benefit=Decimal(benefit or 0).quantize(Decimal("0.0001")),
        reconfirm_due_on=due_on,
        due=studio.status is not StudioStatus.REVOKED and is_due(due_on, today),
        version=studio.version,
    )


# -- honours and facts


def honour_facts(session: Session, person_ids: Iterable[int]) -> dict[int, list[HonourFact]]:
    """Person id → their honours that belong to a family (see studio_rules)."""
    ids = sorted(set(person_ids))
    found: dict[int, list[HonourFact]] = defaultdict(list)
    for start in range(0, len(ids), _CHUNK):
        query = (
            select(Honour.person_id, HonourType.name, HonourType.ladder, Honour.level)
            .join(HonourType, HonourType.id == Honour.type_id)
            .where(Honour.person_id.in_(ids[start : start + _CHUNK]), ~HonourType.for_units)
        )
        for person_id, name, ladder, level in session.execute(query):
            family = honour_family(name, ladder)
            if family is not None and person_id is not None:
                found[person_id].append(HonourFact(family, level))
    return found


def member_facts(session: Session, studio_id: int, today: dt.date) -> list[MemberFacts]:
    query = (
        select(Person.id, Person.title, Person.skill_level)
        .join(StudioMember, StudioMember.person_id == Person.id)
        .where(StudioMember.studio_id == studio_id, current_member(today))
        .distinct()
    )
    people = session.execute(query).all()
    honours = honour_facts(session, (p.id for p in people))
    return [
        MemberFacts(p.id, p.title or "", p.skill_level, tuple(honours.get(p.id, ())))
        for p in people
    ]


def _leader_inventions(session: Session, leader_id: int) -> int:
    invention = or_(
        Innovation.kind == InnovationKind.INVENTION,
        Innovation.patent_kind == PatentKind.INVENTION,
    )
    query = (
        select(func.count())
        .select_from(Innovation)
        .join(innovation_contributor, innovation_contributor.c.innovation_id == Innovation.id)
        .where(innovation_contributor.c.person_id == leader_id, invention)
    )
    return session.scalar(query) or 0


def _leader_facts(session: Session, studio: Studio) -> dict[str, Any]:
    if studio.leader_id is None:
        return {}
    level = session.scalar(select(Person.skill_level).where(Person.id == studio.leader_id))
    return {
        "leader_honours": tuple(
            honour_facts(session, [studio.leader_id]).get(studio.leader_id, ())
        ),
        "leader_skill_level": level,
        "leader_inventions": _leader_inventions(session, studio.leader_id),
    }


def studio_facts(session: Session, studio: Studio, members: int) -> StudioFacts:
    """What the records say, for the conditions check."""
    with_benefit = and_(
        Innovation.studio_id == studio.id, or_(Innovation.applied, Innovation.benefit > 0)
    )
    by_year = session.execute(
        select(Innovation.year, func.count()).where(with_benefit).group_by(Innovation.year)
    )
    trainings = session.scalars(
        select(StudioTraining.held_on).where(StudioTraining.studio_id == studio.id)
    )
    talents = session.execute(
        select(TalentTrained.year, TalentTrained.level_reached, TalentTrained.promoted).where(
            TalentTrained.studio_id == studio.id
        )
    )
    return StudioFacts(
        founded_on=studio.founded_on or studio.accredited_on,
        members=members,
        results_by_year={int(year): int(n) for year, n in by_year},
        training_dates=tuple(trainings),
        talents=tuple(TalentFact(y, lv, bool(p)) for y, lv, p in talents),
        **_leader_facts(session, studio),
    )
