"""Time a sports meet's registration: 50 events, 300 units, 15,000 entry rows.

Targets: importing the entry forms (read + preview + run) <= 10 s; the draw of all
events <= 2 s. A fifth of the contestants are already in the registry, half of the
units are new (created by the import).

Run from the checkout: `python -m bench.bench_registrations [--repeat N] [--profile]
[--url postgresql+psycopg://…/db]` (the PostgreSQL database must be empty).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import pstats
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from skillsapp.app import Services, build_services, open_services
from skillsapp.domain.competitions import CompetitionKind, CompetitionStatus
from skillsapp.domain.idcard import make_id
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.scheme_doc import standard_spec
from skillsapp.interchange.entry_forms import write_entry_form
from skillsapp.interchange.rows import PersonDraft
from skillsapp.services.competitions.competitions import CompetitionInput
from skillsapp.services.competitions.events import EventInput
from skillsapp.services.units import UnitInput

T = TypeVar("T")
EVENTS = 50
UNITS = 300
ROWS = 15_000
KNOWN_SHARE = 5  # every 5th contestant is already in the registry
IMPORT_TARGET, DRAW_TARGET = 10.0, 2.0
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
GIVEN = "建国秀英伟洋静磊丽军敏强芳杰娜涛明超霞平刚桂兰志华玉梅勇艳斌辉红"
LEVELS = [level.label for level in SkillLevel]


def contestant(seq: int) -> tuple[str, str, str]:
    """Name, gender and a valid ID number, distinct for every seq < 292,000."""
    birth = dt.date(1970, 1, 1) + dt.timedelta(days=seq // 400)
    code = seq % 400 * 2 + 1 + seq % 2  # odd = male, even = female
    name = SURNAMES[seq % len(SURNAMES)] + GIVEN[seq % 31] + GIVEN[(seq * 7) % 31]
    return name, "男" if code % 2 else "女", make_id("410802", birth, code)


def unit_name(seq: int) -> str:
    """Units spread so that each enters every event exactly once (within the quota)."""
    return f"第{(seq // EVENTS) % UNITS + 1}机械厂"


def entry_rows(count: int) -> Iterator[list[object]]:
    for seq in range(count):
        name, gender, number = contestant(seq)
        level = LEVELS[1 + seq % 6]
        event = f"项目{seq % EVENTS + 1:02d}"
        yield [event, name, gender, number, f"139{seq:08d}", unit_name(seq), "", level, "", "", ""]


def timed(label: str, action: Callable[[], T], figures: dict[str, float]) -> T:
    start = time.perf_counter()
    result = action()
    figures[label] = time.perf_counter() - start
    print(f"{label:<22} {figures[label]:6.3f} s")
    return result


def admin_services(target: str) -> Services:
    services = open_services(target)
    actor = services.accounts.create_first_admin(
        username="admin", password="admin", display_name="管理员"
    )
    return build_services(services.db, actor)


def set_up(services: Services) -> int:
    """The meet, its events with schemes, half of the units and a fifth of the persons."""
    meet = services.competitions.create(
        CompetitionInput(
            name="第五届职工技术运动会",
            code="MEET5",
            kind=CompetitionKind.SPORTS_MEET,
            start_date=dt.date(2025, 9, 1),
            quota_per_unit=3,
        )
    )
    for number in range(1, EVENTS + 1):
        event = services.events.add(meet.id, EventInput(name=f"项目{number:02d}"))
        services.events.save_scheme(event.id, standard_spec())
    for seq in range(0, UNITS * EVENTS, 2 * EVENTS):
        services.units.add_unit(UnitInput(unit_name(seq)))
    drafts = [known_draft(seq) for seq in range(0, ROWS, KNOWN_SHARE)]
    services.importer.run(services.importer.preview(drafts))
    services.competitions.set_status(meet.id, CompetitionStatus.REGISTRATION)
    return meet.id


def known_draft(seq: int) -> PersonDraft:
    from skillsapp.domain.person_rules import PersonInput

    name, _, number = contestant(seq)
    return PersonDraft(seq + 2, PersonInput(name=name, id_number=number))


def run(folder: Path, url: str | None) -> tuple[float, float]:
    source = folder / "报名表.xlsx"
    write_entry_form(source, entry_rows(ROWS))
    services = admin_services(url or str(folder / "bench.sqlite3"))
    meet_id = set_up(services)
    figures: dict[str, float] = {}
    preview = timed(
        "read + preview", lambda: services.entry_import.preview(meet_id, source), figures
    )
    result = timed("run", lambda: services.entry_import.run(preview), figures)
    draw = timed("draw (all events)", lambda: services.draw.draw(meet_id, seed=20250901), figures)
    listed = timed(
        "list registrations", lambda: services.registrations.registrations(meet_id), figures
    )
    services.db.close()
    imported = figures["read + preview"] + figures["run"]
    print(
        f"{'import total':<22} {imported:6.3f} s   (target <= {IMPORT_TARGET:g} s: "
        f"{'ok' if imported <= IMPORT_TARGET else 'OVER TARGET'})"
    )
    print(
        f"{'draw':<22} {figures['draw (all events)']:6.3f} s   (target <= {DRAW_TARGET:g} s: "
        f"{'ok' if figures['draw (all events)'] <= DRAW_TARGET else 'OVER TARGET'})"
    )
    print(
        f"registered {result.registered}, persons created {result.persons_created}, "
        f"units created {result.units_created}, problems {len(preview.problems)}, "
        f"drawn {sum(e.entries for e in draw.events)}, listed {len(listed)}"
    )
    codes = Counter(p.code for p in preview.problems)
    assert result.registered == ROWS, f"every generated row must be valid: {codes}"
    return imported, figures["draw (all events)"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--profile", action="store_true", help="print the top cProfile entries")
    parser.add_argument("--repeat", type=int, default=1, help="runs (a shared machine is noisy)")
    parser.add_argument("--url", help="an empty PostgreSQL database instead of an SQLite file")
    args = parser.parse_args()
    if args.profile:
        with tempfile.TemporaryDirectory() as folder:
            profiler = cProfile.Profile()
            profiler.runcall(run, Path(folder), args.url)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
        return
    results = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as folder:
            results.append(run(Path(folder), args.url))
    if args.repeat > 1:
        print(
            f"best of {args.repeat}: import {min(r[0] for r in results):.3f} s, "
            f"draw {min(r[1] for r in results):.3f} s"
        )


if __name__ == "__main__":
    main()
