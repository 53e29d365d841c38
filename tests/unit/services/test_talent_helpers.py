"""Builders shared by the talent-registry tests (no tests of their own).

Competition results and studios are written straight through the ORM: these tests
are about what the registry reads from them, not about how they are produced.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import func, select

from skillsapp.app import Services
from skillsapp.domain.competitions import (
    Competition,
    CompetitionKind,
    CompetitionStatus,
    Event,
    Registration,
)
from skillsapp.domain.marks import EventResult, HonourLevel
from skillsapp.domain.models import Person
from skillsapp.domain.studios import Innovation, InnovationKind, Studio, StudioKind, StudioMember
from skillsapp.services.audit import AuditFilter, AuditRow
from skillsapp.services.registry.registry import PersonRow
from tests.factories import person_input


def person(services: Services, seq: int, **overrides: object) -> PersonRow:
    return services.registry.add(person_input(seq, **overrides))


def type_id(services: Services, name: str) -> int:
    """The id of honour type `name` (the catalogue is seeded on first use)."""
    return next(t.id for t in services.honours.types() if t.name == name)


def final_result(
    services: Services,
    person_id: int,
    *,
    competition: str = "2024年焦作市职工技能竞赛",
    event: str = "焊工",
    day: dt.date = dt.date(2024, 9, 20),
    rank: int = 1,
    total: str = "91.50",
    award: str | None = "一等奖",
    titles: Sequence[str] = (),
    status: CompetitionStatus = CompetitionStatus.FINAL,
) -> int:
    """A published result of `person_id` in a competition of `status`; the result's id."""
    with services.db.transaction() as session:
        number = (session.scalar(select(func.count(Competition.id))) or 0) + 1
        comp = Competition(
            name=competition,
            kind=CompetitionKind.SKILLS_CONTEST,
            code=f"T{number}",
            start_date=day,
            end_date=day,
            status=status,
        )
        session.add(comp)
        session.flush()
        ev = Event(competition_id=comp.id, name=event, trade=event)
        session.add(ev)
        session.flush()
        reg = Registration(event_id=ev.id, person_id=person_id)
        session.add(reg)
        session.flush()
        result = EventResult(
            event_id=ev.id,
            registration_id=reg.id,
            rank=rank,
            total=Decimal(total),
            award=award,
            titles=json.dumps(list(titles), ensure_ascii=False),
        )
        session.add(result)
        session.flush()
        return result.id


def studio(
    services: Services,
    name: str,
    *,
    leader_id: int | None = None,
    members: Sequence[tuple[int, str]] = (),
    former: Sequence[int] = (),
) -> int:
    """A city craftsman studio with `members` (person id, role) and `former` members."""
    with services.db.transaction() as session:
        row = Studio(
            name=name,
            kind=StudioKind.CRAFTSMAN,
            level=HonourLevel.CITY,
            leader_id=leader_id,
            founded_on=dt.date(2020, 3, 1),
        )
        session.add(row)
        session.flush()
        for person_id, role in members:
            joined = dt.date(2021, 1, 1)
            session.add(
                StudioMember(studio_id=row.id, person_id=person_id, role=role, joined_on=joined)
            )
        for person_id in former:
            left = dt.date(2023, 1, 1)
            session.add(StudioMember(studio_id=row.id, person_id=person_id, left_on=left))
        return row.id


def innovation(services: Services, studio_id: int, title: str, contributors: Sequence[int]) -> int:
    with services.db.transaction() as session:
        row = Innovation(
            studio_id=studio_id,
            title=title,
            year=2023,
            kind=InnovationKind.TECHNICAL_INNOVATION,
            applied=True,
            benefit=Decimal("12.5"),
        )
        row.contributors = [session.get_one(Person, pid) for pid in contributors]
        session.add(row)
        session.flush()
        return row.id


def entries(services: Services, entity: str) -> list[AuditRow]:
    """The audit entries of `entity`, oldest first."""
    return list(reversed(services.audit.entries(AuditFilter(entity=entity))))
