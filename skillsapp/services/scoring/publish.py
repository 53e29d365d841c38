"""Publishing results: 公示 (review), 已定 (final), titles granted as honours, history.

`publish` moves a competition from 比赛 to 公示 and writes the frozen snapshot
(`EventResult`) that results sheets, certificates and each person's competition
history read; in 公示 it rewrites the snapshot after an upheld appeal and starts a
new notice period. `finalize` moves to 已定 and rewrites the snapshot from the marks
as they are then (appeals may have changed them). Both pass the workflow's guards
(no missing marks; the notice period over; no open appeal) in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from skillsapp.domain.base import utcnow
from skillsapp.domain.competitions import Competition, CompetitionStatus, Event, Registration
from skillsapp.domain.marks import EventResult, Honour, HonourLevel, HonourType
from skillsapp.domain.scoring import RankedRow
from skillsapp.errors import Blocked
from skillsapp.services import audit
from skillsapp.services.competitions.competitions import get_competition, require_status
from skillsapp.services.competitions.scheme_store import load_spec
from skillsapp.services.competitions.workflow import check_transition, guard_review, review_ends
from skillsapp.services.context import Actor
from skillsapp.services.scoring.results import EventComputation, competition_rankings

PUBLISHABLE = frozenset({CompetitionStatus.SCORING, CompetitionStatus.REVIEW})
SETTLED = frozenset({CompetitionStatus.FINAL, CompetitionStatus.ARCHIVED})
MAX_TYPE_NAME = 60


@dataclass(frozen=True)
class PublishRow:
    competition_id: int
    status: CompetitionStatus
    results: int  # EventResult rows written
    review_ends: dt.date | None


def publish(session: Session, actor: Actor, competition_id: int, today: dt.date) -> PublishRow:
    """比赛 → 公示 with the snapshot; in 公示 again: a new snapshot and notice period."""
    competition = get_competition(session, competition_id)
    require_status(competition, PUBLISHABLE)
    if competition.status is CompetitionStatus.SCORING:
        move(session, actor, competition, CompetitionStatus.REVIEW, today=today)
    else:
        reasons = guard_review(session, competition, today)
        if reasons:
            raise Blocked(reasons)
        competition.review_started_at = utcnow()
    written = snapshot_results(session, actor, competition, "publish")
    return PublishRow(competition.id, competition.status, written, review_ends(competition))


def finalize(session: Session, actor: Actor, competition_id: int, today: dt.date) -> PublishRow:
    """公示 → 已定: the snapshot rewritten from the current marks, then read-only."""
    competition = get_competition(session, competition_id)
    require_status(competition, frozenset({CompetitionStatus.REVIEW}))
    move(session, actor, competition, CompetitionStatus.FINAL, today=today)
    written = snapshot_results(session, actor, competition, "finalize")
    return PublishRow(competition.id, competition.status, written, review_ends(competition))


def move(
    session: Session,
    actor: Actor,
    competition: Competition,
    target: CompetitionStatus,
    *,
    today: dt.date,
) -> None:
    """The workflow step of `CompetitionService.set_status`, inside the caller's transaction."""
    check_transition(session, actor, competition, target, reason="", today=today)
    old = competition.status
    competition.status = target
    if target is CompetitionStatus.REVIEW:
        competition.review_started_at = utcnow()
    session.flush()
    audit.record(
        session,
        actor,
        action="status",
        entity="competition",
        entity_id=competition.id,
        old={"status": old.value},
        new={"status": target.value},
    )


def snapshot_results(session: Session, actor: Actor, competition: Competition, action: str) -> int:
    """Write the competition's results snapshot (EventResult rows) and audit it."""
    computations = competition_rankings(session, competition.id)
    written = write_snapshot(session, computations)
    provisional = [c.event_name for c in computations if c.provisional]
    audit.record(
        session,
        actor,
        action=action,
        entity="competition",
        entity_id=competition.id,
        new={"status": competition.status.value, "results": written, "provisional": provisional},
    )
    return written


def write_snapshot(session: Session, computations: Sequence[EventComputation]) -> int:
    """Replace the events' EventResult rows with these results (ids kept where they exist)."""
    ids = [c.event_id for c in computations]
    query = select(EventResult.id, EventResult.event_id, EventResult.registration_id).where(
        EventResult.event_id.in_(ids)
    )
    existing = {(event, reg): rid for rid, event, reg in session.execute(query)}
    now = utcnow()
    rows = [_values(c, row, now) for c in computations for row in c.ranked]
    updates = [
        {"id": existing[r["event_id"], r["registration_id"]], **r}
        for r in rows
        if _key(r) in existing
    ]
    inserts = [r for r in rows if _key(r) not in existing]
    stale = set(existing) - {_key(r) for r in rows}
    if stale:
        session.execute(delete(EventResult).where(EventResult.id.in_([existing[k] for k in stale])))
    if updates:
        session.execute(update(EventResult), updates)
    if inserts:
        session.execute(insert(EventResult), inserts)
    return len(rows)


def _key(values: dict[str, Any]) -> tuple[int, int]:
    return values["event_id"], values["registration_id"]


def _values(computation: EventComputation, row: RankedRow[int], now: dt.datetime) -> dict[str, Any]:
    reg = row.contestant_id
    components = {
        c.key: format(row.score.components_rounded[c.key], "f")
        for c in computation.scheme.components
    }
    titles = [rule.title for rule in computation.titles.get(reg, ())]
    return {
        "event_id": computation.event_id,
        "registration_id": reg,
        "rank": row.rank,
        "total": row.total,
        "components": json.dumps(components, ensure_ascii=False),
        "award": computation.awards.get(reg),
        "titles": json.dumps(titles, ensure_ascii=False),
        "provisional": computation.provisional,
        "published_at": now,
    }


@dataclass(frozen=True)
class HistoryRow:
    """One result of a person in a settled (已定 or 归档) competition."""

    competition_id: int
    competition: str
    event_id: int
    event: str
    date: dt.date | None
    rank: int | None
    total: Decimal | None
    award: str | None
    titles: tuple[str, ...]


def competition_history(session: Session, person_id: int) -> list[HistoryRow]:
    """The person's results, newest competition first (the registry's profile page)."""
    query = (
        select(EventResult, Event, Competition)
        .join(Registration, Registration.id == EventResult.registration_id)
        .join(Event, Event.id == EventResult.event_id)
        .join(Competition, Competition.id == Event.competition_id)
        .where(Registration.person_id == person_id, Competition.status.in_(SETTLED))
    )
    rows = [_history_row(r, e, c) for r, e, c in session.execute(query)]
    return sorted(rows, key=lambda r: (r.date or dt.date.min, r.competition_id), reverse=True)


def _history_row(result: EventResult, event: Event, competition: Competition) -> HistoryRow:
    quantum = Decimal(1).scaleb(-event.rounding_decimals)
    return HistoryRow(
        competition_id=competition.id,
        competition=competition.name,
        event_id=event.id,
        event=event.name,
        date=competition.end_date or competition.start_date,
        rank=result.rank,
        total=None if result.total is None else result.total.quantize(quantum),
        award=result.award,
        titles=tuple(json.loads(result.titles or "[]")),
    )


# ---- titles → honours ------------------------------------------------------------


def grant_titles(session: Session, actor: Actor, competition_id: int, today: dt.date) -> int:
    """Every title recommended in the final results becomes an Honour, exactly once.

    The honour type is found by name (exactly, else the longest type name the title
    contains: 技术能手 for 焦作市技术能手) or created; the level is the competition's;
    the granting body comes from the event's title rule; the year from its dates.
    """
    competition = get_competition(session, competition_id)
    require_status(competition, frozenset({CompetitionStatus.FINAL}))
    types = _HonourTypes(session)
    bodies: dict[int, dict[str, str]] = {}
    changes: list[audit.Change] = []
    for result, person_id, event in _titled_results(session, competition_id):
        if event.id not in bodies:
            bodies[event.id] = {r.title: r.granting_body for r in load_spec(event).title_rules}
        for title in _new_titles(session, result):
            kind = types.get(title)
            level, year = _level_and_year(competition)
            if _held_already(session, person_id, kind, level, title, year):
                continue  # entered by hand, or the same title from another event
            honour = Honour(type=kind, person_id=person_id, title=title, level=level, year=year)
            honour.granting_body = bodies[event.id].get(title, "")
            honour.granted_on, honour.source_result_id = today, result.id
            session.add(honour)
            session.flush()
            changes.append(_grant_change(honour))
    audit.record_many(session, actor, changes)
    return len(changes)


def _level_and_year(competition: Competition) -> tuple[HonourLevel, int | None]:
    """The level and year of an honour earned in `competition`."""
    day = competition.end_date or competition.start_date
    return HonourLevel(competition.level.value), day.year if day else None


def _held_already(
    session: Session,
    person_id: int,
    kind: HonourType,
    level: HonourLevel,
    title: str,
    year: int | None,
) -> bool:
    """Whether the person holds the identical honour (the one the database would refuse)."""
    session.flush()  # a type made just now gets its id
    query = select(Honour.id).where(
        Honour.person_id == person_id,
        Honour.unit_id.is_(None),
        Honour.type_id == kind.id,
        Honour.level == level,
        Honour.title == title,
        Honour.year.is_(None) if year is None else Honour.year == year,
    )
    return session.scalar(query.limit(1)) is not None


def _titled_results(session: Session, competition_id: int) -> list[tuple[EventResult, int, Event]]:
    query = (
        select(EventResult, Registration.person_id, Event)
        .join(Registration, Registration.id == EventResult.registration_id)
        .join(Event, Event.id == EventResult.event_id)
        .where(Event.competition_id == competition_id, EventResult.titles != "[]")
        .order_by(Event.position, EventResult.rank, EventResult.id)
    )
    return [(result, person_id, event) for result, person_id, event in session.execute(query)]


def _new_titles(session: Session, result: EventResult) -> list[str]:
    granted = set(session.scalars(select(Honour.title).where(Honour.source_result_id == result.id)))
    return [t for t in json.loads(result.titles or "[]") if t not in granted]


def _grant_change(honour: Honour) -> audit.Change:
    values = audit.snapshot(
        honour, ("person_id", "title", "level", "granting_body", "year", "source_result_id")
    )
    return audit.Change("grant", "honour", honour.id, new=values)


class _HonourTypes:
    """Honour types by name, created on first use (they are data, not code)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._types = {
            t.name: t for t in session.scalars(select(HonourType).where(~HonourType.for_units))
        }

    def get(self, title: str) -> HonourType:
        found = self._types.get(title) or self._contained(title)
        if found is None:
            found = HonourType(name=title[:MAX_TYPE_NAME])
            self._session.add(found)
            self._types[found.name] = found
        return found

    def _contained(self, title: str) -> HonourType | None:
        names = sorted((n for n in self._types if n and n in title), key=len, reverse=True)
        return self._types[names[0]] if names else None
