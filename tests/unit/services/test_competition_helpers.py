"""Builders shared by the competition service tests (no tests of their own)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from skillsapp.app import Services
from skillsapp.domain.competitions import CompetitionStatus
from skillsapp.domain.roles import Role
from skillsapp.domain.scheme_doc import standard_spec
from skillsapp.services.accounts import UserRow
from skillsapp.services.competitions.competitions import CompetitionInput, CompetitionRow
from skillsapp.services.competitions.events import EventInput, EventRow
from skillsapp.services.competitions.registrations import RegistrationRow
from skillsapp.services.registry.registry import PersonRow
from skillsapp.services.units import UnitInput, UnitRow
from tests.factories import person_input

START = dt.date(2025, 5, 20)
AFTER_REVIEW = dt.date(2100, 1, 1)


def competition(services: Services, code: str = "C1", **overrides: object) -> CompetitionRow:
    values: dict[str, object] = {"name": "第三届职工技能竞赛", "code": code, "start_date": START}
    values.update(overrides)
    return services.competitions.create(CompetitionInput(**values))  # type: ignore[arg-type]


def event(
    services: Services, competition_id: int, name: str = "焊工", **overrides: object
) -> EventRow:
    """An event with the standard 理论 30 / 实操 70 scheme."""
    row = services.events.add(competition_id, EventInput(name=name, trade=name, **overrides))  # type: ignore[arg-type]
    services.events.save_scheme(row.id, standard_spec())
    return row


def unit(services: Services, name: str = "洛阳轴承厂", parent_id: int | None = None) -> UnitRow:
    return services.units.add_unit(UnitInput(name, parent_id=parent_id))


def person(
    services: Services, seq: int, unit_id: int | None = None, **overrides: object
) -> PersonRow:
    return services.registry.add(person_input(seq, unit_id=unit_id, **overrides))


def judge(services: Services, username: str, person_id: int | None = None) -> UserRow:
    return services.accounts.create_user(
        services.actor,
        username=username,
        password="pass1234",
        role=Role.JUDGE,
        display_name=username,
        person_id=person_id,
    )


def enter(services: Services, event_id: int, seq: int, unit_id: int, **kw: str) -> RegistrationRow:
    return services.registrations.register(
        event_id, person(services, seq, unit_id).id, unit_id, **kw
    )


@dataclass(frozen=True)
class Meet:
    competition_id: int
    event_id: int
    unit_id: int
    registration_ids: tuple[int, ...]
    judge_ids: tuple[int, ...]


def meet_in_registration(services: Services, entrants: int = 3) -> Meet:
    """One event with a valid scheme, `entrants` entries from one unit, registration open."""
    c = competition(services, quota_per_unit=50)
    e = event(services, c.id)
    u = unit(services)
    ids = tuple(enter(services, e.id, seq, u.id).id for seq in range(entrants))
    services.competitions.set_status(c.id, CompetitionStatus.REGISTRATION)
    return Meet(c.id, e.id, u.id, ids, ())


def meet_ready_for_scoring(services: Services) -> Meet:
    """Drawn, with two judges of whom one is the chief judge."""
    meet = meet_in_registration(services)
    services.draw.draw(meet.competition_id, seed=7)
    chief, other = judge(services, "judge1"), judge(services, "judge2")
    services.judges.assign(meet.event_id, chief.id, chief=True)
    services.judges.assign(meet.event_id, other.id)
    return Meet(
        meet.competition_id,
        meet.event_id,
        meet.unit_id,
        meet.registration_ids,
        (chief.id, other.id),
    )


def advance(services: Services, competition_id: int, *targets: CompetitionStatus) -> None:
    for target in targets:
        if target is CompetitionStatus.REVIEW:
            mark_all(services, competition_id)
        services.competitions.set_status(competition_id, target, today=AFTER_REVIEW)


def mark_all(services: Services, competition_id: int) -> None:
    """Every missing mark entered as 0 (valid on every scale), so the meet may go to 公示."""
    from skillsapp.domain.marks import Mark
    from skillsapp.services.scoring.results import competition_rankings

    with services.db.transaction() as session:
        for event in competition_rankings(session, competition_id):
            ids = {key: cid for cid, key in event.criterion_ids.items()}
            for missing in event.missing:
                judge = missing.judge_id if missing.judge_id is not None else event.panel[0]
                session.add(
                    Mark(
                        registration_id=missing.registration_id,
                        criterion_id=ids[missing.criterion],
                        judge_id=judge,
                        value=Decimal(0),
                    )
                )


def final_meet(services: Services) -> Meet:
    """A competition moved through the whole workflow to 已定 (final, locked)."""
    meet = meet_ready_for_scoring(services)
    advance(
        services,
        meet.competition_id,
        CompetitionStatus.SCORING,
        CompetitionStatus.REVIEW,
        CompetitionStatus.FINAL,
    )
    return meet
