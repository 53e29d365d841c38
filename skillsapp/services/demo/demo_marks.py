"""The demo contest's marks and results: every judge marks through the judges' service,
signs off, the chief judge reviews, and the organizer publishes (公示) and settles
(已定) the results, granting the winner's title as an honour.

Marks follow each contestant's seeded ability, so the order of the field looks like a
real one (a clear winner, a crowd in the middle, a few below the 60-point award line);
judges of a judgement item differ by a point or so, as real panels do.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from skillsapp.domain.roles import Role
from skillsapp.domain.scoring import CriterionKind
from skillsapp.services.accounts import UserRow
from skillsapp.services.competitions.events import EventService
from skillsapp.services.competitions.registrations import RegistrationService
from skillsapp.services.context import Actor
from skillsapp.services.scoring.marks import MarkService
from skillsapp.services.scoring.results_service import ResultsService
from skillsapp.services.talent.honours import HonourService
from skillsapp.storage.database import Database

HALF = Decimal("0.5")
ABILITY = (0.74, 0.11)  # mean and spread of a contestant's share of the full marks
# The day the titles were granted: after the demo contest's notice period.
TITLES_GRANTED = dt.date(2025, 5, 6)


@dataclass(frozen=True)
class Item:
    """A criterion as the demo marks it."""

    key: str
    max_mark: Decimal
    judged: bool  # every judge marks it; else the first judge to reach it, once
    deduction: bool


def _half(value: float) -> Decimal:
    """Rounded to half a point, as judges write marks."""
    return Decimal(round(value * 2)) * HALF


class DemoMarks:
    """Marks an event's contestants as its panel of judges (the first is chief)."""

    def __init__(self, db: Database, panel: Sequence[UserRow], *, seed: int) -> None:
        self._db = db
        self._rng = random.Random(f"{seed}:marks")
        self._judges = [
            MarkService(db, Actor(u.username, Role.JUDGE, u.id, u.display_name)) for u in panel
        ]

    def mark(self, event_id: int, registration_ids: Sequence[int], items: Sequence[Item]) -> None:
        """Every cell of every judge, the times used, the sign-offs and the review."""
        chief, *others = self._judges
        for registration_id in registration_ids:
            ability = min(max(self._rng.gauss(*ABILITY), 0.35), 0.98)
            for item in items:
                self._item(event_id, registration_id, item, ability)
            minutes = Decimal(self._rng.randrange(75, 121))
            chief.set_time_used(registration_id, minutes)
        for judge in (*others, chief):  # the chief signs off last, then reviews
            judge.submit(event_id)
        chief.review_done(event_id)

    def _item(self, event_id: int, registration_id: int, item: Item, ability: float) -> None:
        if not item.judged:
            judge = self._judges[self._rng.randrange(len(self._judges))]
            judge.save_mark(event_id, registration_id, item.key, self._value(item, ability))
            return
        for judge in self._judges:
            judge.save_mark(event_id, registration_id, item.key, self._value(item, ability))

    def _value(self, item: Item, ability: float) -> Decimal:
        top = float(item.max_mark)
        if item.deduction:  # points taken off: few for the able, a judge's own view
            share = max(0.0, (1 - ability) * 0.4 + self._rng.gauss(0, 0.03))
        else:
            share = ability + self._rng.gauss(0, 0.035)
        return min(max(_half(top * share), Decimal(0)), item.max_mark)


def event_items(events: EventService, event_id: int) -> list[Item]:
    spec = events.scheme(event_id)
    return [
        Item(c.key, c.max_mark, c.kind is CriterionKind.JUDGEMENT, c.deduction)
        for component in spec.components
        for c in component.criteria
    ]


def finish_contest(
    db: Database,
    admin: Actor,
    competition_id: int,
    panel: Sequence[UserRow],
    *,
    seed: int,
) -> None:
    """Marks of every event of a competition in 比赛, then 公示, 已定 and the titles."""
    events = EventService(db, admin)
    entries = RegistrationService(db, admin).registrations(competition_id)
    marks = DemoMarks(db, panel, seed=seed)
    for event in events.events(competition_id):
        ids = [e.id for e in entries if e.event_id == event.id]
        marks.mark(event.id, ids, event_items(events, event.id))
    HonourService(db, admin).ensure_catalogue()  # the titles find their honour types
    results = ResultsService(db, admin)
    published = results.publish(competition_id)
    results.finalize(competition_id, today=published.review_ends)
    results.grant_titles(competition_id, today=TITLES_GRANTED)
