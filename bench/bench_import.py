"""Time importing 10,000 persons from an .xlsx: read, preview, run (target <= 3 s).

Run from the checkout: `python -m bench.bench_import [--repeat N] [--profile]`.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import pstats
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from skillsapp.app import Services, build_services, open_services
from skillsapp.domain.idcard import make_id
from skillsapp.domain.levels import SkillLevel
from skillsapp.interchange.persons import (
    PERSON_EXPORT_HEADERS,
    PERSON_TEXT_COLUMNS,
    read_persons,
)
from skillsapp.interchange.tables import write_xlsx

T = TypeVar("T")
PERSONS = 10_000
UNITS = 50
TARGET_SECONDS = 3.0
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐"
    "许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
)
GIVEN = "建国秀英伟洋静磊丽军敏强芳杰娜涛明超霞平刚桂兰志华玉梅勇艳斌辉红"
TRADES = ("焊工", "钳工", "电工", "车工", "数控车工", "汽车维修工", "育婴员", "茶艺师")
LEVELS = [level.label for level in SkillLevel]


def person_rows(count: int) -> Iterator[list[object]]:
    """Valid, distinct persons; birth dates spread so the sequence numbers never clash."""
    for seq in range(count):
        birth = dt.date(1970, 1, 1) + dt.timedelta(days=seq // 400)
        code = seq % 400 * 2 + 1 + seq % 2  # odd = male, even = female
        name = SURNAMES[seq % len(SURNAMES)] + GIVEN[seq % 31] + GIVEN[(seq * 7) % 31]
        yield [
            name,
            "男" if code % 2 else "女",
            make_id("410802", birth, code),
            birth,
            f"139{seq:08d}",
            f"第{seq % UNITS + 1}机械厂",
            TRADES[seq % len(TRADES)],
            LEVELS[seq % len(LEVELS)],
            "工程师" if seq % 5 == 0 else "",
        ]


def timed(label: str, action: Callable[[], T], figures: dict[str, float]) -> T:
    start = time.perf_counter()
    result = action()
    figures[label] = time.perf_counter() - start
    print(f"{label:<14} {figures[label]:6.3f} s")
    return result


def admin_services(folder: Path) -> Services:
    services = open_services(folder / "bench.sqlite3")
    actor = services.accounts.create_first_admin(
        username="admin", password="admin", display_name="管理员"
    )
    return build_services(services.db, actor)


def run(folder: Path) -> float:
    source = folder / "persons.xlsx"
    write_xlsx(
        source,
        PERSON_EXPORT_HEADERS,
        person_rows(PERSONS),
        sheet_title="人员名单",
        text_columns=PERSON_TEXT_COLUMNS,
    )
    services = admin_services(folder)
    figures: dict[str, float] = {}
    drafts = timed("read_persons", lambda: read_persons(source), figures)
    preview = timed("preview", lambda: services.importer.preview(drafts), figures)
    result = timed("run", lambda: services.importer.run(preview), figures)
    services.db.close()
    total = sum(figures.values())
    verdict = "ok" if total <= TARGET_SECONDS else "OVER TARGET"
    print(f"{'total':<14} {total:6.3f} s   (target <= {TARGET_SECONDS:g} s: {verdict})")
    print(f"imported {result.imported}, skipped {result.skipped}, problems {len(preview.problems)}")
    assert result.imported == PERSONS, "every generated person must be valid"
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--profile", action="store_true", help="print the top cProfile entries")
    parser.add_argument("--repeat", type=int, default=1, help="runs (a shared machine is noisy)")
    args = parser.parse_args()
    if args.profile:
        with tempfile.TemporaryDirectory() as folder:
            profiler = cProfile.Profile()
            profiler.runcall(run, Path(folder))
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
        return
    totals = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as folder:
            totals.append(run(Path(folder)))
    if args.repeat > 1:
        print(f"best total of {args.repeat}: {min(totals):.3f} s")


if __name__ == "__main__":
    main()
