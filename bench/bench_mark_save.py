"""Time saving one mark from a judge's grid on a database of 750,000 marks.

Target: `MarkService.save_mark` <= 20 ms median. The database holds one competition in
比赛 with 50 events × 300 contestants × 5 judges × 10 judgement criteria, written with
bulk inserts (each mark with its history line). 100 cells of the first judge in the
first event are left empty, so the timed calls are half new marks (insert) and half
changes of an existing mark (update), each a committed transaction with its history
line and audit entry, as in the grid.

Run from the checkout: `python -m bench.bench_mark_save [--saves 200] [--profile]
[--url postgresql+psycopg://…/db]`. The SQLite database is built once (about a minute)
into `$TMPDIR/skillsapp-bench/` and copied for each run; a PostgreSQL database must be
empty and is filled on every run.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import pstats
import random
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import event, insert, literal, select

from bench._common import CACHE_DIR, Timing, ms, verdict
from skillsapp.app import Services, build_services, open_services
from skillsapp.domain.base import utcnow
from skillsapp.domain.competitions import (
    Competition,
    CompetitionStatus,
    EventJudge,
    Registration,
    SchemeComponent,
    SchemeCriterion,
)
from skillsapp.domain.enums import Gender
from skillsapp.domain.idcard import make_id
from skillsapp.domain.marks import ChangeKind, Mark, MarkChange, MarkSource
from skillsapp.domain.models import Person
from skillsapp.domain.roles import Role
from skillsapp.domain.scheme_doc import ComponentSpec, CriterionSpec, SchemeSpec
from skillsapp.domain.scoring import Aggregation, CriterionKind
from skillsapp.services.competitions.competitions import CompetitionInput
from skillsapp.services.competitions.events import EventInput
from skillsapp.services.context import Actor
from skillsapp.storage.migrate import head_revision

EVENTS, ENTRANTS, JUDGES, CRITERIA = 50, 300, 5, 10
EMPTY = 10  # contestants of the first event whose cells the first judge has not marked
TARGET_S = 0.020
CHUNK = 10_000
SPEC = SchemeSpec(
    components=(
        ComponentSpec(
            "practical",
            "实操",
            Decimal(100),
            tuple(
                CriterionSpec(
                    f"P{n}",
                    f"操作{n}",
                    Decimal(10),
                    CriterionKind.JUDGEMENT,
                    Aggregation.TRIMMED_MEAN,
                    Decimal("0.5"),
                )
                for n in range(1, CRITERIA + 1)
            ),
        ),
    )
)


def admin_services(target: str) -> Services:
    services = open_services(target)
    actor = services.accounts.create_first_admin(username="admin", password="admin")
    return build_services(services.db, actor)


def set_up(services: Services) -> int:
    """Competition, events and schemes through the services; the rest in bulk."""
    meet = services.competitions.create(
        CompetitionInput(name="职工技术运动会", code="MARKS", quota_per_unit=None)
    )
    for number in range(1, EVENTS + 1):
        row = services.events.add(meet.id, EventInput(name=f"项目{number:02d}"))
        services.events.save_scheme(row.id, SPEC)
    judges = [
        services.accounts.create_user(
            services.actor, username=f"judge{n}", password="pass1234", role=Role.JUDGE
        ).id
        for n in range(1, JUDGES + 1)
    ]
    with services.db.transaction() as session:
        events = [e.id for e in services.events.events(meet.id)]
        _insert(session, EventJudge, _judges(events, judges))
        _insert(session, Person, _persons())
        first_person = session.scalar(select(Person.id).order_by(Person.id)) or 1
        _insert(session, Registration, _entries(events, first_person))
        found = session.get(Competition, meet.id)
        assert found is not None
        found.status = CompetitionStatus.SCORING
    _fill_marks(services, judges)
    return meet.id


def _insert(session: Any, entity: type[Any], rows: Iterator[dict[str, Any]]) -> None:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == CHUNK:
            session.execute(insert(entity), batch)
            batch = []
    if batch:
        session.execute(insert(entity), batch)


def _judges(events: list[int], judges: list[int]) -> Iterator[dict[str, Any]]:
    for event_id in events:
        for index, user_id in enumerate(judges):
            yield {"event_id": event_id, "user_id": user_id, "chief": index == 0}


def _persons() -> Iterator[dict[str, Any]]:
    for seq in range(EVENTS * ENTRANTS):
        birth = dt.date(1970, 1, 1) + dt.timedelta(days=seq // 400)
        code = seq % 400 * 2 + 1 + seq % 2
        gender = Gender.MALE if code % 2 else Gender.FEMALE
        number = make_id("410802", birth, code)
        yield {"name": f"选手{seq}", "gender": gender, "id_number": number, "version": 1}


def _entries(events: list[int], first_person: int) -> Iterator[dict[str, Any]]:
    codes = random.Random(1).sample(range(100_000, 1_000_000), ENTRANTS)
    for position, event_id in enumerate(events):
        for order in range(1, ENTRANTS + 1):
            yield {
                "event_id": event_id,
                "person_id": first_person + position * ENTRANTS + order - 1,
                "bib": f"{position + 1:02d}{order:03d}",
                "start_order": order,
                "blind_code": str(codes[order - 1]),
                "version": 1,
            }


def _fill_marks(services: Services, judges: list[int]) -> None:
    with services.db.transaction() as session:
        cells = session.execute(
            select(Registration.id, Registration.event_id, Registration.start_order)
        ).all()
        criteria = session.execute(
            select(SchemeCriterion.id, SchemeComponent.event_id).join(SchemeComponent)
        ).all()
        by_event: dict[int, list[int]] = {}
        for criterion_id, event_id in criteria:
            by_event.setdefault(event_id, []).append(criterion_id)
        first_event = min(by_event)
        rng, now = random.Random(2), utcnow()

        def rows() -> Iterator[dict[str, Any]]:
            for reg_id, event_id, order in cells:
                for judge in judges:
                    if event_id == first_event and judge == judges[0] and (order or 0) <= EMPTY:
                        continue
                    for criterion_id in by_event[event_id]:
                        yield {
                            "registration_id": reg_id,
                            "criterion_id": criterion_id,
                            "judge_id": judge,
                            "value": Decimal(rng.randrange(0, 21)) / 2,
                            "source": MarkSource.GRID,
                            "entered_by": judge,
                            "entered_at": now,
                            "corrected": False,
                            "version": 1,
                        }

        _insert(session, Mark, rows())
        history = select(
            Mark.id,
            Mark.value,
            literal(ChangeKind.ENTRY.value),
            Mark.judge_id,
            literal("bench"),
            literal(now),
            literal(""),
        )
        columns = ["mark_id", "new_value", "kind", "changed_by", "actor", "at", "reason"]
        session.execute(insert(MarkChange).from_select(columns, history))


def sqlite_database() -> Path:
    """The built database, cached per schema head (copy it before writing)."""
    target = CACHE_DIR / f"marks-{EVENTS * ENTRANTS * JUDGES * CRITERIA}-{head_revision()}.sqlite3"
    if target.exists():
        return target
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    print(f"building {target} (once) …", flush=True)
    start = time.perf_counter()
    services = admin_services(str(partial))
    set_up(services)
    services.db.close()
    with closing(sqlite3.connect(partial)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    partial.replace(target)
    print(f"built in {time.perf_counter() - start:.1f} s", flush=True)
    return target


def judge_services(services: Services) -> tuple[Services, int, list[tuple[int, str]]]:
    """The first judge, the first event, and its cells: the empty ones first."""
    with services.db.reading() as session:
        judge = session.scalar(select(EventJudge.user_id).where(EventJudge.chief).limit(1))
        event_id = session.scalar(select(EventJudge.event_id).order_by(EventJudge.event_id))
        entries = session.execute(
            select(Registration.id, Registration.start_order)
            .where(Registration.event_id == event_id)
            .order_by(Registration.start_order)
        ).all()
    assert judge is not None and event_id is not None
    actor = Actor("judge1", Role.JUDGE, judge, "judge1")
    keys = [f"P{n}" for n in range(1, CRITERIA + 1)]
    empty = [(r, k) for r, order in entries if (order or 0) <= EMPTY for k in keys]
    marked = [(r, k) for r, order in entries if (order or 0) > EMPTY for k in keys]
    return services.as_actor(actor), event_id, empty + random.Random(3).sample(marked, 400)


def count_queries(services: Services) -> list[int]:
    counter = [0]

    def on_execute(*_: object) -> None:
        counter[0] += 1

    event.listen(services.db.engine, "before_cursor_execute", on_execute)
    return counter


def time_saves(services: Services, saves: int) -> tuple[Timing, float]:
    judge, event_id, cells = judge_services(services)
    marks = judge.marks
    marks.save_mark(event_id, cells[-1][0], cells[-1][1], Decimal(5))  # warm-up
    counter = count_queries(services)
    half = saves // 2
    chosen = cells[:half] + cells[len(cells) - 1 - (saves - half) : -1]
    times = []
    for number, (registration_id, key) in enumerate(chosen):
        value = Decimal(number % 21) / 2
        start = time.perf_counter()
        marks.save_mark(event_id, registration_id, key, value)
        times.append(time.perf_counter() - start)
    return Timing(tuple(times)), counter[0] / len(chosen)


def run(url: str | None, saves: int) -> Timing:
    with tempfile.TemporaryDirectory() as folder:
        if url is None:
            target = str(Path(folder) / "marks.sqlite3")
            shutil.copyfile(sqlite_database(), target)
            services = open_services(target)
        else:
            services = admin_services(url)
            print("filling the PostgreSQL database …", flush=True)
            set_up(services)
        with services.db.reading() as session:
            total = session.scalar(select(Mark.id).order_by(Mark.id.desc()).limit(1))
        timing, queries = time_saves(services, saves)
        services.db.close()
    print(f"database: {services.db.display}, about {total:,} marks")
    print(f"save_mark × {saves} (half new, half changed), {queries:.1f} statements each")
    print(
        f"median {ms(timing.median)} ms   p95 {ms(timing.p95)} ms   max {ms(max(timing.runs))} ms"
    )
    print(f"target median <= {TARGET_S * 1000:g} ms: {verdict(timing.median, TARGET_S)}")
    return timing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--saves", type=int, default=200)
    parser.add_argument("--url", help="an empty PostgreSQL database instead of an SQLite file")
    parser.add_argument("--profile", action="store_true", help="print the top cProfile entries")
    args = parser.parse_args()
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(run, args.url, args.saves)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        return
    run(args.url, args.saves)


if __name__ == "__main__":
    main()
