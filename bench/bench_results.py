"""Time the results of a sports meet: 50 events × 300 contestants × 5 judges × 10 criteria.

750,000 marks. Targets: recomputing every event's results (`ResultsService.
recompute_all`) <= 2 s; opening one event's results page (`event_results`) <= 300 ms.
Also shown, without targets: publishing (the guard that counts missing marks and the
snapshot of 15,000 results; once from 比赛, then `--runs` times again in 公示, which
rewrites the snapshot), one results PDF, a drill-down and the judges' analysis.

The meet is written with bulk inserts (no service per mark), in 比赛 (scoring).
Run from the checkout: `python -m bench.bench_results [--runs N] [--profile
[recompute|publish]] [--url postgresql+psycopg://…/db]` (the PostgreSQL database
must be empty).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import pstats
import random
import tempfile
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update

from bench._common import measure, ms, print_table, verdict
from skillsapp.app import Services, build_services, open_services
from skillsapp.domain.base import utcnow
from skillsapp.domain.competitions import (
    Competition,
    CompetitionKind,
    CompetitionStatus,
    EventJudge,
    Registration,
    SchemeComponent,
    SchemeCriterion,
)
from skillsapp.domain.enums import Gender
from skillsapp.domain.idcard import make_id
from skillsapp.domain.marks import ContestantScore, Mark
from skillsapp.domain.models import Person, Unit, User
from skillsapp.domain.roles import Role
from skillsapp.domain.scheme_doc import ComponentSpec, CriterionSpec, SchemeSpec
from skillsapp.domain.scoring import Aggregation, CriterionKind, TieBreak
from skillsapp.services.competitions.competitions import CompetitionInput
from skillsapp.services.competitions.events import EventInput

EVENTS, CONTESTANTS, JUDGES, CRITERIA, UNITS = 50, 300, 5, 10, 100
RECOMPUTE_TARGET, PAGE_TARGET = 2.0, 0.3
CHUNK = 20_000


def spec() -> SchemeSpec:
    """理论 30 % and 实操 70 %, ten judgement criteria marked by five judges (trimmed)."""

    def judged(key: str, maximum: str) -> CriterionSpec:
        return CriterionSpec(
            key, key, Decimal(maximum), CriterionKind.JUDGEMENT, Aggregation.TRIMMED_MEAN
        )

    theory = ComponentSpec(
        "theory", "理论", Decimal(30), tuple(judged(f"T{n}", "50") for n in (1, 2))
    )
    practical = ComponentSpec(
        "practical", "实操", Decimal(70), tuple(judged(f"P{n}", "12.5") for n in range(1, 9))
    )
    return SchemeSpec(
        components=(theory, practical),
        tie_breaks=(TieBreak.by_component("practical"), TieBreak.by_time()),
        time_used=True,
    )


def admin_services(target: str) -> Services:
    services = open_services(target)
    actor = services.accounts.create_first_admin(
        username="admin", password="admin", display_name="管理员"
    )
    return build_services(services.db, actor)


def build(services: Services) -> int:
    """The meet through the services, then its people, entries and marks in bulk."""
    meet = services.competitions.create(
        CompetitionInput(
            name="第五届职工技术运动会",
            code="MEET5",
            kind=CompetitionKind.SPORTS_MEET,
            start_date=dt.date(2025, 9, 1),
            quota_per_unit=None,
        )
    )
    events = []
    for number in range(1, EVENTS + 1):
        event = services.events.add(meet.id, EventInput(name=f"项目{number:02d}"))
        services.events.save_scheme(event.id, spec())
        events.append(event.id)
    with services.db.transaction() as session:
        _bulk(session, meet.id, events)
    return meet.id


def _insert(session: Any, table: Any, rows: Iterator[dict[str, Any]]) -> None:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == CHUNK:
            session.execute(insert(table), batch)
            batch = []
    if batch:
        session.execute(insert(table), batch)


def _bulk(session: Any, meet_id: int, events: list[int]) -> None:
    now = utcnow()
    stamp = {"version": 1, "created_at": now, "updated_at": now}
    _insert(session, Unit.__table__, ({"name": f"第{n}机械厂", **stamp} for n in range(UNITS)))
    units = list(session.scalars(select(Unit.id).order_by(Unit.id)))
    _insert(session, User.__table__, (_judge(n, stamp) for n in range(EVENTS * JUDGES)))
    judges = list(session.scalars(select(User.id).where(User.role == Role.JUDGE).order_by(User.id)))
    _insert(
        session, Person.__table__, (_person(s, units, stamp) for s in range(EVENTS * CONTESTANTS))
    )
    persons = list(session.scalars(select(Person.id).order_by(Person.id)))
    _insert(session, Registration.__table__, _registrations(events, persons, units, stamp))
    _insert(session, EventJudge.__table__, _panels(events, judges))
    _insert(session, Mark.__table__, _marks(session, now))
    regs = session.scalars(select(Registration.id))
    _insert(session, ContestantScore.__table__, _times(regs))
    status = CompetitionStatus.SCORING
    session.execute(update(Competition).where(Competition.id == meet_id).values(status=status))


def _judge(n: int, stamp: dict[str, Any]) -> dict[str, Any]:
    return {
        "username": f"judge{n}",
        "display_name": f"裁判{n + 1}",
        "role": Role.JUDGE,
        "password_hash": "-",
        "active": True,
        **stamp,
    }


def _person(seq: int, units: list[int], stamp: dict[str, Any]) -> dict[str, Any]:
    birth = dt.date(1970, 1, 1) + dt.timedelta(days=seq // 400)
    code = seq % 400 * 2 + 1
    return {
        "name": f"选手{seq}",
        "gender": Gender.MALE,
        "id_number": make_id("410802", birth, code),
        "unit_id": units[seq % UNITS],
        **stamp,
    }


def _registrations(
    events: list[int], persons: list[int], units: list[int], stamp: dict[str, Any]
) -> Iterator[dict[str, Any]]:
    for index, person in enumerate(persons):
        event, order = events[index // CONTESTANTS], index % CONTESTANTS + 1
        yield {
            "event_id": event,
            "person_id": person,
            "unit_id": units[index % UNITS],
            "status": "active",
            "bib": f"{order:04d}",
            "start_order": order,
            "blind_code": f"{index:06d}",
            "team_name": "",
            "is_leader": False,
            "note": "",
            **stamp,
        }


def _panels(events: list[int], judges: list[int]) -> Iterator[dict[str, Any]]:
    """Five judges of its own for every event, the first of them its chief judge."""
    for index, event in enumerate(events):
        for n, judge in enumerate(judges[index * JUDGES : (index + 1) * JUDGES]):
            yield {"event_id": event, "user_id": judge, "chief": n == 0}


def _marks(session: Any, now: dt.datetime) -> Iterator[dict[str, Any]]:
    rnd = random.Random(2025)
    query = select(SchemeComponent.event_id, SchemeCriterion.id, SchemeCriterion.max_mark).join(
        SchemeComponent, SchemeComponent.id == SchemeCriterion.component_id
    )
    criteria: dict[int, list[tuple[int, Decimal]]] = {}
    for event, criterion, maximum in session.execute(query):
        criteria.setdefault(event, []).append((criterion, maximum))
    panels: dict[int, list[int]] = {}
    for event, judge in session.execute(select(EventJudge.event_id, EventJudge.user_id)):
        panels.setdefault(event, []).append(judge)
    for event, reg in session.execute(select(Registration.event_id, Registration.id)):
        for criterion, maximum in criteria[event]:
            level = rnd.randint(40, 100)
            for judge in panels[event]:
                value = maximum * min(100, level + rnd.randint(-6, 6)) / 100
                yield {
                    "registration_id": reg,
                    "criterion_id": criterion,
                    "judge_id": judge,
                    "value": value.quantize(Decimal("0.25")),
                    "source": "grid",
                    "entered_at": now,
                    "corrected": False,
                    "version": 1,
                }


def _times(regs: Iterator[int]) -> Iterator[dict[str, Any]]:
    for reg in regs:
        yield {
            "registration_id": reg,
            "time_used": Decimal(40 + reg % 30),
            "disqualified": False,
            "disqualified_reason": "",
            "version": 1,
        }


def figures(services: Services, meet_id: int, runs: int) -> list[list[str]]:
    views = services.results.recompute_all(meet_id)
    assert sum(len(v.rows) for v in views) == EVENTS * CONTESTANTS
    assert not any(v.provisional for v in views), "the generated marks must be complete"
    event_id = views[len(views) // 2].event_id
    reg = views[0].rows[0].registration_id
    recompute = measure(lambda: services.results.recompute_all(meet_id), runs=runs)
    cpu = _cpu(lambda: services.results.recompute_all(meet_id), runs)
    page = measure(lambda: services.results.event_results(event_id), runs=runs * 5)
    pdf = measure(lambda: services.results.results_pdf(meet_id, event_id), runs=runs)
    drill = measure(lambda: services.results.drilldown(reg), runs=runs * 5)
    judges = measure(lambda: services.results.judge_analysis(event_id), runs=runs)
    start = time.perf_counter()
    published = services.results.publish(meet_id)
    publish = time.perf_counter() - start
    assert published.results == EVENTS * CONTESTANTS
    again = measure(lambda: services.results.publish(meet_id), runs=runs, warmup=0)
    return [
        [
            "recompute_all (50 events)",
            ms(recompute.median),
            ms(recompute.p95),
            f"{RECOMPUTE_TARGET * 1000:g}",
            verdict(recompute.median, RECOMPUTE_TARGET),
        ],
        ["  its CPU time in this process", ms(cpu), "", "", ""],
        [
            "event_results (one event)",
            ms(page.median),
            ms(page.p95),
            f"{PAGE_TARGET * 1000:g}",
            verdict(page.median, PAGE_TARGET),
        ],
        ["results_pdf (one event)", ms(pdf.median), ms(pdf.p95), "", ""],
        ["drilldown (one contestant)", ms(drill.median), ms(drill.p95), "", ""],
        ["judge_analysis (one event)", ms(judges.median), ms(judges.p95), "", ""],
        ["publish (guard + 15,000 results)", ms(publish), ms(publish), "", ""],
        ["  again in 公示 (guard + 15,000 updates)", ms(again.median), ms(again.p95), "", ""],
    ]


def _cpu(action: Any, runs: int) -> float:
    """Median CPU seconds of this process per call: a shared machine's load left out
    (with SQLite the query runs in the process too; PostgreSQL's share is not counted)."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return sorted(times)[len(times) // 2]


def run(folder: Path, url: str | None, runs: int, profile: str | None) -> None:
    services = admin_services(url or str(folder / "bench.sqlite3"))
    start = time.perf_counter()
    meet_id = build(services)
    print(
        f"built {EVENTS * CONTESTANTS * JUDGES * CRITERIA:,} marks in "
        f"{time.perf_counter() - start:.1f} s ({services.db.url.get_backend_name()})"
    )
    if profile == "publish":
        _profile(services.results.publish, meet_id)
    elif profile:
        services.results.recompute_all(meet_id)
        _profile(services.results.recompute_all, meet_id)
    else:
        rows = figures(services, meet_id, runs)
        print_table(["action", "median ms", "p95 ms", "target ms", ""], rows)
    services.db.close()


def _profile(action: Any, meet_id: int) -> None:
    profiler = cProfile.Profile()
    profiler.runcall(action, meet_id)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--runs", type=int, default=5, help="timed runs of recompute_all and of publishing again"
    )
    parser.add_argument(
        "--profile",
        nargs="?",
        const="recompute",
        choices=("recompute", "publish"),
        help="profile one recompute_all (the default) or the publish instead of timing",
    )
    parser.add_argument("--url", help="an empty PostgreSQL database instead of an SQLite file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        run(Path(folder), args.url, args.runs, args.profile)


if __name__ == "__main__":
    main()
