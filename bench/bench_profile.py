"""Open the profile of a person with 50 honours and 200 results (target <= 200 ms).

Run from the checkout: `PYTHONPATH=. python -m bench.bench_profile [--runs N] [--profile]`.

The database (a fresh SQLite file) also holds 2,000 other persons with their own
honours and results, so the indexes are exercised the way a real registry does. The
script prints the median and p95 of `--runs` calls of `ProfileService.profile`, the
number of SQL statements one call sends, and the dossier PDF for comparison.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import pstats
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import event, insert, select

from bench._common import measure, ms, print_table, verdict
from skillsapp.app import Services, build_services, open_services
from skillsapp.domain.competitions import Competition, CompetitionStatus, Event, Registration
from skillsapp.domain.idcard import make_id
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.marks import EventResult, Honour, HonourLevel, HonourType
from skillsapp.domain.models import Person
from skillsapp.domain.talent import Mentorship
from skillsapp.services.talent.talent import CertificateInput, TitleInput

TARGET_S = 0.200
OTHERS = 2_000
HONOURS = 50
RESULTS = 200
FIELD = 10  # other contestants per event
LEVELS = list(HonourLevel)


def _persons(services: Services) -> list[int]:
    """The subject (first) and OTHERS more, inserted in bulk."""
    rows = [
        {
            "name": "王建国" if seq == 0 else f"职工{seq}",
            "gender": "M",
            "id_number": make_id(
                "410802", dt.date(1970, 1, 1) + dt.timedelta(seq // 500), seq % 500
            ),
            "trade": "焊工",
            "skill_level": SkillLevel.GRADE3,
            "version": 1,
        }
        for seq in range(OTHERS + 1)
    ]
    with services.db.transaction() as session:
        stmt = insert(Person).returning(Person.id, sort_by_parameter_order=True)
        return list(session.scalars(stmt, rows))


def _honours(services: Services, ids: list[int]) -> None:
    services.honours.ensure_catalogue()
    with services.db.transaction() as session:
        types = list(session.scalars(select(HonourType.id).where(HonourType.for_units.is_(False))))
        rows = [_honour(ids[0], types[n % len(types)], n) for n in range(HONOURS)]
        rows += [_honour(pid, types[pid % len(types)], 0) for pid in ids[1:]]
        session.execute(insert(Honour), rows)


def _honour(person_id: int, type_id: int, n: int) -> dict[str, Any]:
    return {
        "type_id": type_id,
        "person_id": person_id,
        "level": LEVELS[n % len(LEVELS)],
        "title": f"荣誉称号{n}",
        "granting_body": "焦作市人民政府",
        "year": 1980 + n % 45,
        "version": 1,
    }


def _results(services: Services, ids: list[int]) -> None:
    """RESULTS final competitions of one event each: the subject and FIELD others."""
    with services.db.transaction() as session:
        for n in range(RESULTS):
            day = dt.date(2000, 1, 1) + dt.timedelta(days=40 * n)
            comp = Competition(name=f"第{n + 1}届职工技能竞赛", kind="skills_contest", code=f"B{n}")
            comp.start_date, comp.status = day, CompetitionStatus.FINAL
            session.add(comp)
            session.flush()
            ev = Event(competition_id=comp.id, name="焊工")
            session.add(ev)
            session.flush()
            field = [ids[0], *(ids[1 + (n * FIELD + k) % OTHERS] for k in range(FIELD))]
            regs = session.scalars(
                insert(Registration).returning(Registration.id, sort_by_parameter_order=True),
                [{"event_id": ev.id, "person_id": pid, "version": 1} for pid in field],
            ).all()
            session.execute(insert(EventResult), [_result(ev.id, r, k) for k, r in enumerate(regs)])


def _result(event_id: int, registration_id: int, rank: int) -> dict[str, Any]:
    return {
        "event_id": event_id,
        "registration_id": registration_id,
        "rank": rank + 1,
        "total": Decimal("95") - rank,
        "award": "一等奖" if rank < 2 else None,
        "titles": json.dumps(["焦作市技术能手"] if rank == 0 else [], ensure_ascii=False),
    }


def _talent(services: Services, ids: list[int]) -> None:
    subject = ids[0]
    for level in (SkillLevel.GRADE3, SkillLevel.GRADE2, SkillLevel.GRADE1):
        services.talent.add_certificate(CertificateInput(subject, "焊工", level))
    services.talent.add_title(TitleInput(subject, "高级工程师", dt.date(2020, 12, 1)))
    with services.db.transaction() as session:
        session.execute(
            insert(Mentorship),
            [
                {"mentor_id": subject, "apprentice_id": pid, "start_date": dt.date(2022, 3, 1)}
                | {"version": 1, "status": "active"}
                for pid in ids[1:6]
            ],
        )


def build(folder: Path) -> tuple[Services, int]:
    services = open_services(folder / "bench.sqlite3")
    actor = services.accounts.create_first_admin(
        username="admin", password="admin", display_name="管理员"
    )
    services = build_services(services.db, actor)
    ids = _persons(services)
    _honours(services, ids)
    _results(services, ids)
    _talent(services, ids)
    return services, ids[0]


def _statements(services: Services, person_id: int) -> int:
    sent: list[object] = []

    def count(*_args: object) -> None:
        sent.append(None)

    event.listen(services.db.engine, "before_cursor_execute", count)
    services.profile.profile(person_id)
    event.remove(services.db.engine, "before_cursor_execute", count)
    return len(sent)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--profile", action="store_true", help="cProfile one profile() call")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="skillsapp-bench-") as folder:
        services, subject = build(Path(folder))
        record = services.profile.profile(subject)
        print(f"subject: {len(record.honours)} honours, {len(record.history)} results")
        page = measure(lambda: services.profile.profile(subject), runs=args.runs)
        pdf = measure(lambda: services.profile.profile_pdf(subject), runs=max(3, args.runs // 4))
        print_table(
            ("call", "median ms", "p95 ms", "target", ""),
            [
                ("profile()", ms(page.median), ms(page.p95), "200", verdict(page.median, TARGET_S)),
                ("profile_pdf()", ms(pdf.median), ms(pdf.p95), "-", ""),
            ],
        )
        print(f"SQL statements per profile(): {_statements(services, subject)}")
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(services.profile.profile, subject)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        services.db.close()


if __name__ == "__main__":
    main()
