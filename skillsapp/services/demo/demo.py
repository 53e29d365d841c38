"""A realistic demo database: units, persons and accounts, deterministic for a seed.

From MIN_PERSONS (200) persons on, it also holds two competitions (see
`demo_competitions`): a finished enterprise contest with its marks and final results,
and a city meet in registration; and the talent registry (see `demo_talent`): honours
at every level, skill certificates, mentor pairs and 20 innovation studios.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import func, select

from skillsapp.domain.idcard import make_id
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.models import Person, UnitKind, User
from skillsapp.domain.person_rules import PersonInput
from skillsapp.domain.roles import Role
from skillsapp.errors import UserError
from skillsapp.interchange.rows import PersonDraft
from skillsapp.services.accounts import AccountService
from skillsapp.services.certificates.certificates import ISSUER_KEY, CertificateService
from skillsapp.services.context import Actor
from skillsapp.services.demo.demo_competitions import (
    MIN_PERSONS,
    registry_persons,
    write_demo_competitions,
)
from skillsapp.services.demo.demo_talent import write_demo_talent
from skillsapp.services.registry.person_import import PersonImporter
from skillsapp.services.registry.registry import PersonQuery, RegistryService
from skillsapp.services.units import UnitInput, UnitService
from skillsapp.storage.database import Database
from skillsapp.storage.migrate import open_database

log = logging.getLogger(__name__)
_T = TypeVar("_T")

DEMO_PASSWORDS = {"admin": "admin", "organizer": "organizer", "clerk": "clerk", "judge": "judge"}
RARE_NAMES = ("王䶮", "李堃", "张喆")  # characters outside the common fonts, for certificates


@dataclass(frozen=True)
class DemoUnit:
    name: str
    short_name: str
    kind: UnitKind
    parent: str = ""
    staff_weight: int = 0  # relative share of the demo persons who work here
    address: str = ""


_ROOT = "焦作市总工会"
_JM = "焦煤集团"
UNITS: tuple[DemoUnit, ...] = (
    DemoUnit(_ROOT, "市总工会", UnitKind.UNION, address="焦作市解放区民主南路"),
    DemoUnit("焦作市解放区总工会", "解放区总工会", UnitKind.UNION, _ROOT),
    DemoUnit("焦作市山阳区总工会", "山阳区总工会", UnitKind.UNION, _ROOT),
    DemoUnit("焦作市中站区总工会", "中站区总工会", UnitKind.UNION, _ROOT),
    DemoUnit(_JM, "焦煤", UnitKind.ENTERPRISE, _ROOT, 2, "焦作市解放区"),
    DemoUnit("焦煤集团赵固二矿", "赵固二矿", UnitKind.ENTERPRISE, _JM, 12, "新乡市辉县市"),
    DemoUnit("焦煤集团九里山矿", "九里山矿", UnitKind.ENTERPRISE, _JM, 9, "焦作市马村区"),
    DemoUnit("焦煤集团古汉山矿", "古汉山矿", UnitKind.ENTERPRISE, _JM, 8, "焦作市马村区"),
    DemoUnit("焦煤集团演马庄矿", "演马庄矿", UnitKind.ENTERPRISE, _JM, 6, "焦作市马村区"),
    DemoUnit("河南平原光电有限公司", "平原光电", UnitKind.ENTERPRISE, _ROOT, 10, "焦作市山阳区"),
    DemoUnit("中原内配集团股份有限公司", "中原内配", UnitKind.ENTERPRISE, _ROOT, 10, "孟州市"),
    DemoUnit("多氟多新材料股份有限公司", "多氟多", UnitKind.ENTERPRISE, _ROOT, 9, "焦作市中站区"),
    DemoUnit("风神轮胎股份有限公司", "风神轮胎", UnitKind.ENTERPRISE, _ROOT, 8, "焦作市中站区"),
    DemoUnit("龙佰集团股份有限公司", "龙佰集团", UnitKind.ENTERPRISE, _ROOT, 8, "焦作市中站区"),
    DemoUnit("焦作万方铝业股份有限公司", "万方铝业", UnitKind.ENTERPRISE, _ROOT, 6, "焦作市马村区"),
    DemoUnit("国网焦作供电公司", "焦作供电", UnitKind.ENTERPRISE, _ROOT, 6, "焦作市解放区"),
    DemoUnit("焦作市公共交通有限公司", "焦作公交", UnitKind.ENTERPRISE, _ROOT, 4, "焦作市山阳区"),
    DemoUnit("焦作市第一中等专业学校", "市一中专", UnitKind.SCHOOL, _ROOT, 3, "焦作市山阳区"),
    DemoUnit("焦作技师学院", "技师学院", UnitKind.SCHOOL, _ROOT, 3, "焦作市山阳区"),
    DemoUnit("焦作市工会职工服务中心", "职工服务中心", UnitKind.UNION, _ROOT, 1),
)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# 焦作: 解放区 中站区 马村区 山阳区 修武县 博爱县 武陟县 温县 沁阳市 孟州市
ADDRESS_CODES = _words("410802 410803 410804 410811 410821 410822 410823 410825 410882 410883")
SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅"
    "沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔"
    "白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
)
MALE_GIVEN = _words(
    "伟 强 磊 军 勇 杰 涛 斌 超 明 刚 平 辉 鹏 华 飞 鑫 波 宁 健 建国 建军 建华 志强 志刚 国强 "
    "海涛 振华 晓东 永刚 俊杰 浩然 子豪 宇航 文博 天宇 红军 卫东 新民 保国 春雷 学军 长江 向阳"
)
FEMALE_GIVEN = _words(
    "芳 娜 敏 静 丽 艳 娟 霞 燕 玲 萍 红 洁 琳 婷 雪 颖 倩 秀英 秀兰 桂英 玉兰 丽娟 春梅 海燕 "
    "晓燕 淑芬 雅琴 欣怡 梦琪 佳怡 雨涵 思雨 子涵 文静 慧敏 美玲 凤霞 金凤"
)
TRADES = (
    ("焊工", 14),
    ("钳工", 10),
    ("车工", 8),
    ("维修电工", 12),
    ("电工", 10),
    ("铣工", 5),
    ("叉车工", 4),
    ("化学检验员", 5),
    ("数控车工", 7),
    ("电梯安装维修工", 3),
    ("采煤机司机", 6),
    ("矿井维修电工", 5),
    ("汽车维修工", 4),
    ("电力电缆工", 3),
    ("工具钳工", 4),
)
LEVELS = (
    (None, 4),
    (SkillLevel.APPRENTICE, 2),
    (SkillLevel.GRADE5, 12),
    (SkillLevel.GRADE4, 30),
    (SkillLevel.GRADE3, 32),
    (SkillLevel.GRADE2, 13),
    (SkillLevel.GRADE1, 6),
    (SkillLevel.SPECIAL, 1),
)
TITLES = (("", 70), ("助理工程师", 13), ("工程师", 12), ("高级工程师", 5))
SCHOOL_TITLES = (("", 30), ("助理讲师", 15), ("讲师", 25), ("高级讲师", 10), ("实习指导教师", 20))
MOBILE_PREFIXES = _words(
    "130 131 132 133 135 136 137 138 139 150 151 152 155 157 158 159 166 176 177 "
    "180 181 182 183 185 186 187 188 189 191 198 199"
)
FIRST_BIRTH, LAST_BIRTH = dt.date(1965, 1, 1), dt.date(2003, 12, 31)
MALE_SHARE = 0.72  # skills-competition registries are mostly men


def write_demo(target: str, *, persons: int = 300, seed: int = 2025) -> tuple[str, ...]:
    """Fill an empty database at `target` with demo units, persons and accounts, and
    with `persons` ≥ MIN_PERSONS the demo competitions and talent records; the
    competitions' codes."""
    db = open_database(target)
    try:
        _refuse_non_empty(db)
        admin = AccountService(db).create_first_admin(
            username="admin", password=DEMO_PASSWORDS["admin"], display_name="系统管理员"
        )
        unit_ids = _write_units(UnitService(db, admin))
        drafts = _person_drafts(random.Random(seed), persons, unit_ids)
        importer = PersonImporter(db, admin)
        importer.run(importer.preview(drafts))
        _write_accounts(db, admin)
        # the issuing body of certificates for registry lists (competitions name theirs)
        CertificateService(db, admin).set_setting(ISSUER_KEY, "焦作市总工会")
        log.info("wrote a demo database with %d persons to %s", len(drafts), db.display)
        if persons < MIN_PERSONS:
            return ()
        pool = registry_persons(db)  # read once: a second at 100,000 persons
        codes = write_demo_competitions(db, admin, unit_ids, seed=seed, pool=pool)
        write_demo_talent(db, admin, unit_ids, seed=seed, pool=pool)
        return codes
    finally:
        db.close()


def _refuse_non_empty(db: Database) -> None:
    with db.reading() as session:
        count = session.scalar(select(func.count(Person.id))) or 0
        count += session.scalar(select(func.count(User.id))) or 0
    if count:
        raise UserError("demo_not_empty", url=db.display)


def _write_units(units: UnitService) -> dict[str, int]:
    """Create the unit tree; name → id."""
    ids: dict[str, int] = {}
    for unit in UNITS:
        row = units.add_unit(
            UnitInput(
                name=unit.name,
                short_name=unit.short_name,
                parent_id=ids.get(unit.parent),
                kind=unit.kind,
                address=unit.address,
            )
        )
        ids[unit.name] = row.id
    return ids


def _write_accounts(db: Database, admin: Actor) -> None:
    accounts = AccountService(db)
    for username, role, display in (
        ("organizer", Role.ORGANIZER, "竞赛组织员"),
        ("clerk", Role.CLERK, "录入员"),
    ):
        accounts.create_user(
            admin,
            username=username,
            password=DEMO_PASSWORDS[username],
            role=role,
            display_name=display,
        )
    judges = RegistryService(db, admin).search(PersonQuery(trade="焊工", limit=3)).rows
    for number in range(1, 4):
        person = judges[number - 1] if number <= len(judges) else None
        accounts.create_user(
            admin,
            username=f"judge{number}",
            password=DEMO_PASSWORDS["judge"],
            role=Role.JUDGE,
            display_name=person.name if person else f"裁判{number}",
            person_id=person.id if person else None,
        )


def _person_drafts(rng: random.Random, count: int, unit_ids: dict[str, int]) -> list[PersonDraft]:
    """`count` valid person rows with unique ID numbers; the rare names come first."""
    staffed = [(unit_ids[u.name], u.kind, u.staff_weight) for u in UNITS if u.staff_weight]
    seen: set[str] = set()
    drafts = []
    for row in range(1, count + 1):
        unit_id, kind, _ = rng.choices(staffed, weights=[w for *_, w in staffed])[0]
        female = row > len(RARE_NAMES) and rng.random() >= MALE_SHARE
        number = _unique_id(rng, female, seen)
        name = RARE_NAMES[row - 1] if row <= len(RARE_NAMES) else _name(rng, female)
        drafts.append(PersonDraft(row, _person(rng, name, number, unit_id, kind)))
    return drafts


def _person(
    rng: random.Random, name: str, number: str, unit_id: int, kind: UnitKind
) -> PersonInput:
    level = _weighted(rng, LEVELS)
    titles = SCHOOL_TITLES if kind is UnitKind.SCHOOL else TITLES
    return PersonInput(
        name=name,
        id_number=number,
        mobile=_mobile(rng),
        unit_id=unit_id,
        trade=_weighted(rng, TRADES),
        skill_level=level,
        title=_weighted(rng, titles) if level is None or level >= SkillLevel.GRADE4 else "",
    )


def _unique_id(rng: random.Random, female: bool, seen: set[str]) -> str:
    span = (LAST_BIRTH - FIRST_BIRTH).days
    while True:
        birth = FIRST_BIRTH + dt.timedelta(days=rng.randrange(span + 1))
        sequence = rng.randrange(0, 999, 2) + (0 if female else 1)
        number = make_id(rng.choice(ADDRESS_CODES), birth, sequence)
        if number not in seen:
            seen.add(number)
            return number


def _name(rng: random.Random, female: bool) -> str:
    return rng.choice(SURNAMES) + rng.choice(FEMALE_GIVEN if female else MALE_GIVEN)


def _mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def _weighted(rng: random.Random, options: tuple[tuple[_T, int], ...]) -> _T:
    return rng.choices([value for value, _ in options], weights=[w for _, w in options])[0]
