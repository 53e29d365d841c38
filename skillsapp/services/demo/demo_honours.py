"""The demo's honours (荣誉): what each honour is called at each level and who grants it,
the honours of persons and of units, written through the honours service.

Titles follow the real ladders: 全国劳动模范 (国务院, every five years), 河南省五一劳动
奖章 (河南省总工会), 焦作市技术能手 (焦作市人社局), 焦作工匠 第N届, 中原大工匠, an
enterprise's own 技术能手 or 最美职工, and for units 五一劳动奖状, 工人先锋号, 先进集体.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from skillsapp.domain.enums import Gender
from skillsapp.domain.marks import HonourLevel
from skillsapp.services.context import Actor
from skillsapp.services.demo.demo_competitions import Candidate
from skillsapp.services.talent.honours import HonourInput, HonourService
from skillsapp.storage.database import Database

N, P, C, E = (
    HonourLevel.NATIONAL,
    HonourLevel.PROVINCIAL,
    HonourLevel.CITY,
    HonourLevel.ENTERPRISE,
)
ENTERPRISE_BODY = "{unit}"  # an enterprise honour is granted by the holder's own unit


@dataclass(frozen=True)
class Ladder:
    """How a honour type is called at one level: its title, granting body and years."""

    title: str  # "{short}" is the holder's unit's short name
    body: str
    years: tuple[int, ...]
    first_edition: int | None = None  # year of 第一届, for titles given in editions
    month_day: tuple[int, int] = (4, 28)


_EVERY_YEAR = tuple(range(2016, 2026))
LADDERS: dict[tuple[str, HonourLevel], Ladder] = {
    ("劳动模范", N): Ladder("全国劳动模范", "国务院", (2015, 2020, 2025), month_day=(4, 30)),
    ("劳动模范", P): Ladder("河南省劳动模范", "河南省人民政府", (2019, 2024), month_day=(4, 29)),
    ("劳动模范", C): Ladder("焦作市劳动模范", "焦作市人民政府", (2018, 2021, 2024)),
    ("五一劳动奖章", N): Ladder("全国五一劳动奖章", "中华全国总工会", _EVERY_YEAR),
    ("五一劳动奖章", P): Ladder("河南省五一劳动奖章", "河南省总工会", _EVERY_YEAR),
    ("五一劳动奖章", C): Ladder("焦作市五一劳动奖章", "焦作市总工会", _EVERY_YEAR),
    ("技术能手", N): Ladder("全国技术能手", "人力资源和社会保障部", (2018, 2020, 2022, 2024)),
    ("技术能手", P): Ladder("河南省技术能手", "河南省人力资源和社会保障厅", _EVERY_YEAR),
    ("技术能手", C): Ladder("焦作市技术能手", "焦作市人力资源和社会保障局", _EVERY_YEAR),
    ("技术能手", E): Ladder("{short}技术能手", ENTERPRISE_BODY, _EVERY_YEAR, month_day=(1, 15)),
    ("大国工匠", N): Ladder("大国工匠年度人物", "中华全国总工会", (2022, 2023, 2024)),
    ("工匠", P): Ladder("中原大工匠", "河南省总工会", (2020, 2022, 2024), first_edition=2018),
    ("工匠", C): Ladder("焦作工匠", "焦作市总工会", _EVERY_YEAR[3:], first_edition=2019),
    ("工匠", E): Ladder("{short}工匠", ENTERPRISE_BODY, _EVERY_YEAR[4:], month_day=(1, 15)),
    ("最美职工", C): Ladder("焦作市最美职工", "焦作市总工会", _EVERY_YEAR),
    ("最美职工", E): Ladder("{short}最美职工", ENTERPRISE_BODY, _EVERY_YEAR, month_day=(5, 1)),
    ("青年岗位能手", C): Ladder("焦作市青年岗位能手", "共青团焦作市委员会", _EVERY_YEAR),
    ("巾帼建功标兵", P): Ladder("河南省巾帼建功标兵", "河南省妇女联合会", _EVERY_YEAR),
}
# Level → (weight, the types given at that level with their weights) for persons at large.
PERSON_LEVELS: tuple[tuple[HonourLevel, int, tuple[tuple[str, int], ...]], ...] = (
    (N, 2, (("劳动模范", 1), ("五一劳动奖章", 3), ("技术能手", 2), ("大国工匠", 1))),
    (P, 12, (("劳动模范", 2), ("五一劳动奖章", 4), ("技术能手", 5), ("工匠", 2))),
    (C, 40, (("劳动模范", 2), ("五一劳动奖章", 5), ("技术能手", 6), ("工匠", 3), ("最美职工", 3))),
    (E, 46, (("技术能手", 5), ("工匠", 2), ("最美职工", 3))),
)
YOUTH_AGE = 35


@dataclass(frozen=True)
class UnitHonour:
    unit: str
    type_name: str
    level: HonourLevel
    title: str
    body: str
    year: int


ACFTU, HENAN_UNION, CITY_UNION = "中华全国总工会", "河南省总工会", "焦作市总工会"
UNIT_HONOURS = (
    UnitHonour("焦煤集团赵固二矿", "五一劳动奖状", N, "全国五一劳动奖状", ACFTU, 2021),
    UnitHonour(
        "多氟多新材料股份有限公司", "五一劳动奖状", P, "河南省五一劳动奖状", HENAN_UNION, 2022
    ),
    UnitHonour(
        "中原内配集团股份有限公司", "五一劳动奖状", P, "河南省五一劳动奖状", HENAN_UNION, 2019
    ),
    UnitHonour("风神轮胎股份有限公司", "五一劳动奖状", C, "焦作市五一劳动奖状", CITY_UNION, 2023),
    UnitHonour("龙佰集团股份有限公司", "五一劳动奖状", C, "焦作市五一劳动奖状", CITY_UNION, 2021),
    UnitHonour("国网焦作供电公司", "工人先锋号", N, "全国工人先锋号", ACFTU, 2020),
    UnitHonour("河南平原光电有限公司", "工人先锋号", P, "河南省工人先锋号", HENAN_UNION, 2024),
    UnitHonour("焦作技师学院", "先进集体", C, "焦作市先进集体", "焦作市人民政府", 2023),
    UnitHonour("焦煤集团九里山矿", "先进集体", E, "焦煤集团先进集体", "焦煤集团", 2024),
    UnitHonour("焦作市公共交通有限公司", "先进集体", C, "焦作市先进集体", "焦作市人民政府", 2021),
)


class DemoHonours:
    """Gives demo persons and units their honours through `HonourService`."""

    def __init__(self, db: Database, admin: Actor, rng: random.Random) -> None:
        self._service = HonourService(db, admin)
        self._service.ensure_catalogue()
        self._types = {t.name: t.id for t in self._service.types()}
        self._rng = rng
        self._short: dict[int, tuple[str, str]] = {}

    def set_units(self, units: Iterable[tuple[int, str, str]]) -> None:
        """(id, name, short name) of the units, for enterprise titles."""
        self._short = {key: (name, short) for key, name, short in units}

    def give(self, person: Candidate, type_name: str, level: HonourLevel) -> None:
        """One honour of `type_name` at `level`, in a year the ladder gives it."""
        ladder = LADDERS[(type_name, level)]
        year = self._rng.choice(ladder.years)
        unit, short = self._short.get(person.unit_id or 0, ("", ""))
        edition = f"第{year - ladder.first_edition + 1}届" if ladder.first_edition else ""
        data = HonourInput(
            type_id=self._types[type_name],
            level=level,
            person_id=person.id,
            title=ladder.title.format(short=short),
            granting_body=ladder.body.format(unit=unit),
            year=year,
            edition=edition,
            granted_on=dt.date(year, *ladder.month_day),
        )
        self._service.add(data)

    def give_at_random(self, persons: Sequence[Candidate]) -> None:
        """One or two honours each, mostly city and enterprise ones."""
        for person in persons:
            chosen: set[tuple[str, HonourLevel]] = set()
            for _ in range(1 if self._rng.random() < 0.7 else 2):
                chosen.add(self._pick(person))
            for type_name, level in sorted(chosen):
                self.give(person, type_name, level)

    def _pick(self, person: Candidate) -> tuple[str, HonourLevel]:
        rng = self._rng
        level, _, types = rng.choices(PERSON_LEVELS, weights=[w for _, w, _ in PERSON_LEVELS])[0]
        type_name = rng.choices([t for t, _ in types], weights=[w for _, w in types])[0]
        if level is C and _young(person) and rng.random() < 0.3:
            type_name = "青年岗位能手"
        if level is P and person.gender is Gender.FEMALE and rng.random() < 0.4:
            type_name = "巾帼建功标兵"
        return type_name, level

    def give_units(self, unit_ids: dict[str, int]) -> None:
        for honour in UNIT_HONOURS:
            data = HonourInput(
                type_id=self._types[honour.type_name],
                level=honour.level,
                unit_id=unit_ids[honour.unit],
                title=honour.title,
                granting_body=honour.body,
                year=honour.year,
                granted_on=dt.date(honour.year, 4, 28),
            )
            self._service.add(data)


def _young(person: Candidate) -> bool:
    birth = person.birth_date
    return birth is not None and 2025 - birth.year < YOUTH_AGE
