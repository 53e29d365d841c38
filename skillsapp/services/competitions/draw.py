"""The draw (抽签): bib numbers, start order and blind codes, reproducible from a seed.

How a draw is made, so that anyone can re-run it from the published seed:

* the seed is an integer 0 ≤ seed < 2**31 (None: a fresh one from `secrets`);
* each event gets its own generator, `random.Random(f"{seed}:{event_id}")` (a text
  seed is hashed with SHA-512, the same on every platform and Python version);
* the event's active entries, sorted by registration id, are shuffled with
  `rng.shuffle`; their new positions are the start orders 1..n;
* the bib (参赛号) is the event's position + 1 in two digits and the start order in
  three: the 7th starter of the first event is "01007";
* the blind codes (密号) are `rng.sample(range(100000, 1000000), n)` taken after the
  shuffle from the same generator, given out in start order: six digits, unique
  within the event, and unrelated to the bib. Every event gets them (written papers
  exist in nearly every event); the event's `blind` flag decides whether marking
  screens show them instead of names.
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from skillsapp.domain.base import utcnow
from skillsapp.domain.competitions import (
    Competition,
    CompetitionStatus,
    Event,
    Registration,
    RegistrationStatus,
)
from skillsapp.domain.roles import Permission
from skillsapp.errors import NotFound, UserError
from skillsapp.services import audit
from skillsapp.services.competitions.competitions import require_status
from skillsapp.services.competitions.events import get_event
from skillsapp.services.context import Actor
from skillsapp.storage.database import Database

SEED_LIMIT = 2**31  # the seed columns are 32-bit integers
BLIND_CODES = range(100_000, 1_000_000)
DRAW_OPEN = frozenset({CompetitionStatus.REGISTRATION})


@dataclass(frozen=True)
class DrawnEntry:
    registration_id: int
    start_order: int
    bib: str
    blind_code: str


@dataclass(frozen=True)
class EventDrawRow:
    event_id: int
    event_name: str
    seed: int
    entries: int


@dataclass(frozen=True)
class DrawResult:
    seed: int
    drawn_at: dt.datetime
    events: tuple[EventDrawRow, ...]


def bib_for(event_position: int, start_order: int) -> str:
    return f"{event_position + 1:02d}{start_order:03d}"


def draw_event_entries(
    seed: int, event_id: int, event_position: int, registration_ids: Sequence[int]
) -> list[DrawnEntry]:
    """The draw of one event (pure): see the module docstring for the procedure."""
    rng = random.Random(f"{seed}:{event_id}")
    order = sorted(registration_ids)
    rng.shuffle(order)
    codes = rng.sample(BLIND_CODES, len(order))
    return [
        DrawnEntry(reg_id, n, bib_for(event_position, n), f"{code:06d}")
        for n, (reg_id, code) in enumerate(zip(order, codes, strict=True), start=1)
    ]


def new_seed() -> int:
    return secrets.randbelow(SEED_LIMIT)


def _checked_seed(seed: int | None) -> int:
    if seed is None:
        return new_seed()
    if isinstance(seed, bool) or not 0 <= seed < SEED_LIMIT:
        raise UserError("draw_seed_invalid", seed=seed, limit=SEED_LIMIT - 1)
    return seed


def _active_ids(session: Session, event_ids: Sequence[int]) -> dict[int, list[int]]:
    found: dict[int, list[int]] = {event_id: [] for event_id in event_ids}
    query = select(Registration.event_id, Registration.id).where(
        Registration.event_id.in_(event_ids), Registration.status == RegistrationStatus.ACTIVE
    )
    for event_id, reg_id in session.execute(query):
        found[event_id].append(reg_id)
    return found


def _store(session: Session, event_ids: Sequence[int], drawn: list[DrawnEntry]) -> None:
    """Clear the events' old numbers first (bibs are unique per event), then set the new."""
    table: Table = Registration.__table__  # type: ignore[assignment]
    session.execute(
        update(table)
        .where(table.c.event_id.in_(event_ids))
        .values(bib=None, start_order=None, blind_code=None, version=table.c.version + 1)
    )
    if not drawn:
        return
    session.execute(
        update(table)
        .where(table.c.id == bindparam("rid"))
        .values(start_order=bindparam("order"), bib=bindparam("b"), blind_code=bindparam("code")),
        [
            {"rid": d.registration_id, "order": d.start_order, "b": d.bib, "code": d.blind_code}
            for d in drawn
        ],
    )
    session.expire_all()  # the ORM's copies of these rows are stale now


class DrawService:
    """Draws while registration is open (报名); refused once scoring has begun."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    def draw(self, competition_id: int, *, seed: int | None = None) -> DrawResult:
        """Draw every event with one seed, recorded on the competition and its events."""
        self._actor.require(Permission.MANAGE_COMPETITIONS)
        seed = _checked_seed(seed)
        with self._db.transaction() as session:
            competition = _locked(session, competition_id)
            require_status(competition, DRAW_OPEN)
            events = list(competition.events)
            rows = self._draw(session, events, seed)
            competition.draw_seed, competition.drawn_at = seed, utcnow()
            drawn_at = competition.drawn_at
            session.flush()
            counts = {row.event_name: row.entries for row in rows}
            audit.record(
                session,
                self._actor,
                action="draw",
                entity="competition",
                entity_id=competition.id,
                new={"seed": seed, "entries": counts},
            )
            return DrawResult(seed, drawn_at, tuple(rows))

    def draw_event(self, event_id: int, *, seed: int | None = None) -> DrawResult:
        """Re-draw one event (late entries or withdrawals), with its own recorded seed."""
        self._actor.require(Permission.MANAGE_COMPETITIONS)
        seed = _checked_seed(seed)
        with self._db.transaction() as session:
            event = get_event(session, event_id)
            require_status(_locked(session, event.competition_id), DRAW_OPEN)
            rows = self._draw(session, [event], seed)
            return DrawResult(seed, utcnow(), tuple(rows))

    def _draw(self, session: Session, events: list[Event], seed: int) -> list[EventDrawRow]:
        ids = _active_ids(session, [e.id for e in events])
        drawn: list[DrawnEntry] = []
        rows: list[EventDrawRow] = []
        changes: list[audit.Change] = []
        for event in events:
            entries = draw_event_entries(seed, event.id, event.position, ids[event.id])
            drawn += entries
            rows.append(EventDrawRow(event.id, event.name, seed, len(entries)))
            old = {"seed": event.draw_seed}
            event.draw_seed, event.drawn_at = seed, utcnow()
            changes.append(audit.Change("draw", "event", event.id, old, {"seed": seed}))
        session.flush()
        _store(session, [e.id for e in events], drawn)
        audit.record_many(session, self._actor, changes)
        return rows


def _locked(session: Session, competition_id: int) -> Competition:
    """The competition, row-locked on PostgreSQL (no status change or second draw meanwhile)."""
    query = select(Competition).where(Competition.id == competition_id).with_for_update()
    competition = session.scalar(query)
    if competition is None:
        raise NotFound(entity="competition", id=competition_id)
    return competition
