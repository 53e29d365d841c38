"""The studio list: 500 studios with 20,000 innovation results (target <= 300 ms).

Run from the checkout: `python -m bench.bench_studios [--runs 10] [--url URL]`.
Builds a fresh database with bulk inserts (an SQLite file in the temp folder, or the
empty PostgreSQL database at --url), then times `StudioService.studios()`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from bench._common import measure, ms, print_table, verdict
from skillsapp.app import Services, open_services
from skillsapp.domain.enums import Gender
from skillsapp.domain.idcard import make_id
from skillsapp.domain.marks import HonourLevel
from skillsapp.domain.models import Person, Unit
from skillsapp.domain.studio_rules import LEVEL_ORDER
from skillsapp.domain.studios import (
    Innovation,
    InnovationKind,
    PatentKind,
    Studio,
    StudioKind,
    StudioMember,
    StudioStatus,
    StudioTraining,
    innovation_contributor,
)
from skillsapp.services.studios.studios import StudioFilter, StudioService

TARGET_S = 0.300
STUDIOS, INNOVATIONS, PERSONS, UNITS = 500, 20_000, 10_000, 50
CHUNK = 2000


def _bulk(services: Services, table: Any, rows: list[dict[str, Any]]) -> None:
    with services.db.transaction() as session:
        for start in range(0, len(rows), CHUNK):
            session.execute(insert(table), rows[start : start + CHUNK])


def _people(rng: random.Random) -> list[dict[str, Any]]:
    titles = ["高级工程师", "工程师", "", "", ""]
    return [
        {
            "name": f"职工{n}",
            "gender": Gender.MALE,
            "id_number": make_id(
                "410802", dt.date(1980, 1, 1) + dt.timedelta(days=n // 500), (n % 500) * 2 + 1
            ),
            "title": rng.choice(titles),
            "version": 1,
        }
        for n in range(PERSONS)
    ]


def _studios(rng: random.Random) -> list[dict[str, Any]]:
    return [
        {
            "name": f"第{n}号创新工作室",
            "kind": rng.choice(list(StudioKind)),
            "level": rng.choice(LEVEL_ORDER[:4]),
            "host_unit_id": rng.randint(1, UNITS),
            "leader_id": rng.randint(1, PERSONS),
            "founded_on": dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 2500)),
            "accredited_on": dt.date(2017, 1, 1) + dt.timedelta(days=rng.randint(0, 2500)),
            "status": rng.choice(
                [StudioStatus.ACTIVE] * 8 + [StudioStatus.UNDER_REVIEW, StudioStatus.REVOKED]
            ),
            "version": 1,
        }
        for n in range(STUDIOS)
    ]


def _innovations(rng: random.Random) -> list[dict[str, Any]]:
    rows = []
    for n in range(INNOVATIONS):
        patent = rng.random() < 0.2
        rows.append(
            {
                "studio_id": rng.randint(1, STUDIOS),
                "title": f"创新成果{n}",
                "year": rng.randint(2018, 2025),
                "kind": rng.choice(list(InnovationKind)),
                "applied": rng.random() < 0.6,
                "patent_kind": rng.choice(list(PatentKind)) if patent else None,
                "patent_number": f"ZL{n:010d}" if patent else "",
                "benefit": Decimal(rng.randint(0, 100_000)) / 100,
                "version": 1,
            }
        )
    return rows


def build(target: str, seed: int = 2025) -> Services:
    rng = random.Random(seed)
    services = open_services(target)
    start = time.perf_counter()
    _bulk(services, Unit, [{"name": f"单位{n}", "version": 1} for n in range(UNITS)])
    _bulk(services, Person, _people(rng))
    _bulk(services, Studio, _studios(rng))
    members = [
        {"studio_id": s, "person_id": rng.randint(1, PERSONS)}
        for s in range(1, STUDIOS + 1)
        for _ in range(20)
    ]
    _bulk(services, StudioMember, members)
    _bulk(services, Innovation, _innovations(rng))
    links = {(i, rng.randint(1, PERSONS)) for i in range(1, INNOVATIONS + 1) for _ in range(2)}
    _bulk(
        services, innovation_contributor, [{"innovation_id": i, "person_id": p} for i, p in links]
    )
    trainings = [
        {
            "studio_id": rng.randint(1, STUDIOS),
            "held_on": dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 500)),
            "title": "培训",
        }
        for _ in range(3000)
    ]
    _bulk(services, StudioTraining, trainings)
    took = time.perf_counter() - start
    print(f"built {STUDIOS} studios, {INNOVATIONS:,} innovations in {took:.1f} s")
    return services


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--url", help="an empty PostgreSQL database (default: a new SQLite file)")
    args = parser.parse_args()
    target = args.url or str(
        Path(tempfile.mkdtemp(prefix="skillsapp-studios-")) / "studios.sqlite3"
    )
    services = build(target)
    svc = StudioService(services.db, services.actor)
    cases = [
        ("all studios", lambda: svc.studios()),
        (
            "provincial, text",
            lambda: svc.studios(StudioFilter(level=HonourLevel.PROVINCIAL, text="1")),
        ),
        ("due for re-confirmation", lambda: svc.studios(StudioFilter(due_for_reconfirmation=True))),
        ("one studio page", lambda: svc.studio(7)),
    ]
    rows = []
    for name, action in cases:
        timing = measure(action, runs=args.runs)
        rows.append((name, ms(timing.median), ms(timing.p95), verdict(timing.median, TARGET_S)))
    print(f"\n{services.db.display}: median and p95 of {args.runs} calls (ms)")
    print(f"target: median <= {TARGET_S * 1000:.0f} ms")
    print_table(("case", "median", "p95", ""), rows)
    services.db.close()


if __name__ == "__main__":
    main()
