"""The demo's 20 innovation studios (创新工作室), written through the studio services:
劳模创新工作室, 工匠人才创新工作室 and 技能大师工作室 at national, provincial, city and
enterprise level, each named after and led by an honoured skilled worker of its host
unit, with members, innovations (some patented), trainings and talents trained; and
the 2025 annual evaluation plan with the reviewers' scores.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.marks import HonourLevel
from skillsapp.domain.studio_rules import Metric
from skillsapp.domain.studios import InnovationKind, PatentKind, StudioKind
from skillsapp.services.context import Actor
from skillsapp.services.demo.demo_competitions import Candidate
from skillsapp.services.studios.studio_evaluation import EvaluationService, PlanInput
from skillsapp.services.studios.studio_records import InnovationInput, TalentInput, TrainingInput
from skillsapp.services.studios.studios import StudioInput, StudioService
from skillsapp.storage.database import Database

N, P, C, E = (
    HonourLevel.NATIONAL,
    HonourLevel.PROVINCIAL,
    HonourLevel.CITY,
    HonourLevel.ENTERPRISE,
)
MW, CR, SM = StudioKind.MODEL_WORKER, StudioKind.CRAFTSMAN, StudioKind.SKILL_MASTER
Honour = tuple[str, HonourLevel]  # (honour type, level) a leader holds


@dataclass(frozen=True)
class StudioKindLevel:
    kind: StudioKind
    level: HonourLevel
    leader_honours: tuple[Honour, ...]
    name: str  # "{leader}" is the leader's name
    demonstration: bool = False


STUDIOS: tuple[StudioKindLevel, ...] = (
    StudioKindLevel(MW, N, (("劳动模范", N),), "{leader}劳模创新工作室", True),
    StudioKindLevel(MW, N, (("五一劳动奖章", N), ("劳动模范", P)), "{leader}劳模创新工作室"),
    StudioKindLevel(SM, N, (("技术能手", N),), "{leader}技能大师工作室"),
    StudioKindLevel(MW, P, (("劳动模范", P),), "{leader}劳模创新工作室"),
    StudioKindLevel(MW, P, (("五一劳动奖章", P),), "{leader}创新工作室"),
    StudioKindLevel(CR, P, (("工匠", P),), "{leader}工匠人才创新工作室"),
    StudioKindLevel(SM, P, (("技术能手", P),), "{leader}技能大师工作室"),
    StudioKindLevel(SM, P, (("技术能手", P), ("工匠", C)), "{leader}技能大师工作室"),
    StudioKindLevel(MW, C, (("劳动模范", C),), "{leader}劳模创新工作室"),
    StudioKindLevel(MW, C, (("劳动模范", C),), "{leader}创新工作室"),
    StudioKindLevel(MW, C, (("五一劳动奖章", C),), "{leader}劳模创新工作室"),
    StudioKindLevel(CR, C, (("工匠", C),), "{leader}工匠人才创新工作室"),
    StudioKindLevel(CR, C, (("工匠", C), ("技术能手", C)), "{leader}创新工作室"),
    StudioKindLevel(CR, C, (("工匠", C),), "{leader}工匠人才创新工作室"),
    StudioKindLevel(SM, C, (("技术能手", C),), "{leader}技能大师工作室"),
    StudioKindLevel(MW, E, (("技术能手", E),), "{leader}创新工作室"),
    StudioKindLevel(CR, E, (("工匠", E),), "{leader}工匠创新工作室"),
    StudioKindLevel(MW, E, (("最美职工", E), ("技术能手", E)), "{leader}创新工作室"),
    StudioKindLevel(SM, E, (("技术能手", E),), "{leader}技能大师工作室"),
    StudioKindLevel(CR, E, (("工匠", E),), "{leader}创新工作室"),
)
# Who names a studio of each system and level (命名文号).
ACCREDITED_BY = {
    (False, N): "总工发",
    (False, P): "豫工发",
    (False, C): "焦工发",
    (False, E): "{short}工会发",
    (True, N): "人社部函",
    (True, P): "豫人社",
    (True, C): "焦人社",
    (True, E): "{short}人发",
}
INNOVATION_TITLES = (
    "矿用隔爆型真空电磁起动器故障快速诊断装置",
    "液压支架立柱快速拆装工装",
    "带式输送机智能纠偏装置",
    "变频器散热风道改进",
    "数控车床刀具寿命预警系统",
    "焊接变形控制工艺优化",
    "高压电缆接头制作标准化工法",
    "电梯曳引机制动器检测仪",
    "钛白粉煅烧窑余热回收改造",
    "轮胎硫化模具快速清洗装置",
    "铝电解槽阳极更换辅助机构",
    "公交车辆空调节能改造",
    "配电室巡检机器人应用",
    "氟化盐生产线自动包装改进",
    "气缸套珩磨工艺改进",
    "光电产品装调工装夹具",
    "采煤机截割滚筒齿座修复工艺",
    "变电站防误闭锁装置改进",
    "化学检验自动滴定装置",
    "叉车作业安全预警系统",
    "主排水泵远程监控改造",
    "无损检测试块标准化管理",
)
AWARDS = (
    "",
    "",
    "",
    "焦作市职工技术创新成果一等奖",
    "焦作市职工技术创新成果二等奖",
    "河南省职工技术创新成果三等奖",
)
TRAININGS = (
    "{trade}技能提升培训班",
    "{trade}岗位练兵技术交流",
    "师带徒技艺传承讲座",
    "安全操作规程专题培训",
    "技术革新成果推广会",
)
EVALUATION_METRICS = (
    Metric("innovations", Decimal(25)),
    Metric("patents", Decimal(15)),
    Metric("benefit", Decimal(20)),
    Metric("trained", Decimal(10)),
    Metric("trainings", Decimal(10)),
    Metric("site", Decimal(20), "场地与制度建设", True, Decimal(10)),
)
LATEST = dt.date(2025, 12, 20)  # records up to the end of the demo's year
MIN_MEMBERS = 5  # besides the leader, where the host unit has the people


@dataclass(frozen=True)
class StudioPlan:
    """A studio to write: its kind and level, leader, host unit and members."""

    spec: StudioKindLevel
    leader: Candidate
    members: tuple[Candidate, ...]
    founded: dt.date


def plan_studios(rng: random.Random, pool: Sequence[Candidate]) -> list[StudioPlan]:
    """A leader (a senior worker) and members of the same unit for each studio."""
    seniors = [p for p in pool if p.skill_level and p.skill_level >= SkillLevel.GRADE3]
    rng.shuffle(seniors)
    by_unit: dict[int | None, list[Candidate]] = {}
    for person in pool:
        by_unit.setdefault(person.unit_id, []).append(person)
    names: set[str] = set()
    taken: set[int] = set()
    plans = []
    for spec in STUDIOS:
        leader = _leader(seniors, by_unit, taken, names)
        names.add(leader.name)
        taken.add(leader.id)
        colleagues = [p for p in by_unit[leader.unit_id] if p.id not in taken]
        size = rng.randrange(MIN_MEMBERS, 11)
        members = tuple(rng.sample(colleagues, min(len(colleagues), size)))
        taken.update(m.id for m in members)
        founded = dt.date(rng.randrange(2012, 2022), rng.randrange(1, 13), rng.randrange(1, 29))
        plans.append(StudioPlan(spec, leader, members, founded))
    return plans


def _leader(
    seniors: Sequence[Candidate],
    by_unit: dict[int | None, list[Candidate]],
    taken: set[int],
    names: set[str],
) -> Candidate:
    """The next senior worker free to lead, from a unit with colleagues enough to join."""
    free = [p for p in seniors if p.id not in taken and p.name not in names]
    roomy = (p for p in free if sum(c.id not in taken for c in by_unit[p.unit_id]) > MIN_MEMBERS)
    return next(roomy, free[0])


class DemoStudios:
    """Writes the planned studios and their records; one instance per demo database."""

    def __init__(
        self, db: Database, admin: Actor, rng: random.Random, shorts: dict[int, str]
    ) -> None:
        self._studios = StudioService(db, admin, today=LATEST)
        self._evaluation = EvaluationService(db, admin, today=LATEST)
        self._rng = rng
        self._shorts = shorts
        self._titles: list[str] = []

    def write(self, plans: Sequence[StudioPlan]) -> None:
        ids = [self._studio(plan) for plan in plans]
        plan = self._evaluation.add_plan(
            PlanInput(2025, "2025年度创新工作室考核", EVALUATION_METRICS)
        )
        for studio_id in ids:
            score = Decimal(self._rng.randrange(12, 21)) / 2
            self._evaluation.set_manual_scores(plan.id, studio_id, {"site": score})

    def _studio(self, plan: StudioPlan) -> int:
        row = self._studios.add_studio(self._input(plan))
        joined = plan.founded + dt.timedelta(days=30)
        self._studios.add_member(row.id, plan.leader.id, role="领办人", joined_on=plan.founded)
        for number, member in enumerate(plan.members):
            role = "骨干成员" if number < 2 else "成员"
            self._studios.add_member(row.id, member.id, role=role, joined_on=joined)
        self._records(row.id, plan)
        return row.id

    def _input(self, plan: StudioPlan) -> StudioInput:
        spec, rng = plan.spec, self._rng
        accredited = plan.founded + dt.timedelta(days=rng.randrange(200, 700))
        short = self._shorts.get(plan.leader.unit_id or 0, "")
        issuer = ACCREDITED_BY[(spec.kind is SM, spec.level)].format(short=short)
        return StudioInput(
            name=spec.name.format(leader=plan.leader.name),
            kind=spec.kind,
            level=spec.level,
            demonstration=spec.demonstration,
            host_unit_id=plan.leader.unit_id,
            leader_id=plan.leader.id,
            founded_on=plan.founded,
            accredited_on=accredited,
            accreditation_number=f"{issuer}〔{accredited.year}〕{rng.randrange(3, 60)}号",
            description=f"以{plan.leader.trade}技术攻关、师带徒和职工培训为主，"
            f"由{plan.leader.name}领办，面向生产一线解决技术难题。",
        )

    def _records(self, studio_id: int, plan: StudioPlan) -> None:
        rng = self._rng
        people = [plan.leader, *plan.members]
        for year in sorted(rng.sample(range(2021, 2026), rng.randrange(2, 5))):
            self._studios.add_innovation(studio_id, self._innovation(year, people))
        for _ in range(rng.randrange(2, 5)):
            self._studios.add_training(studio_id, self._training(plan.leader.trade))
        for member in rng.sample(plan.members, min(len(plan.members), rng.randrange(1, 4))):
            promoted = rng.random() < 0.5
            level = _level_after(member.skill_level, promoted)
            talent = TalentInput(member.id, rng.choice((2024, 2025)), level, promoted)
            self._studios.add_talent(studio_id, talent)

    def _innovation(self, year: int, people: Sequence[Candidate]) -> InnovationInput:
        rng = self._rng
        if not self._titles:
            self._titles = list(INNOVATION_TITLES)
            rng.shuffle(self._titles)
        patent = _patent(rng, year) if rng.random() < 0.45 else None
        others = rng.sample(people[1:], min(len(people) - 1, 2))
        contributors = (people[0].id, *(p.id for p in others))
        return InnovationInput(
            title=self._titles.pop(),
            year=year,
            kind=rng.choice(tuple(InnovationKind)[:5]),
            applied=rng.random() < 0.7,
            patent_kind=patent[0] if patent else None,
            patent_number=patent[1] if patent else "",
            patent_granted_on=patent[2] if patent else None,
            benefit=Decimal(rng.randrange(50, 30000)) / 100,
            awards=rng.choice(AWARDS),
            contributor_ids=contributors,
        )

    def _training(self, trade: str) -> TrainingInput:
        rng = self._rng
        held = dt.date(rng.choice((2024, 2025)), rng.randrange(1, 13), rng.randrange(1, 29))
        title = rng.choice(TRAININGS).format(trade=trade or "岗位")
        return TrainingInput(min(held, LATEST), title, rng.randrange(15, 81))


def _level_after(level: SkillLevel | None, promoted: bool) -> SkillLevel | None:
    if level is None:
        return None
    return level.promoted() if promoted else level


def _patent(rng: random.Random, year: int) -> tuple[PatentKind, str, dt.date]:
    """A utility model mostly, sometimes an invention: ZL + application number + check."""
    kind = PatentKind.INVENTION if rng.random() < 0.25 else PatentKind.UTILITY_MODEL
    digit = "1" if kind is PatentKind.INVENTION else "2"
    applied = f"{year - 1}{digit}{rng.randrange(10**7):07d}"
    granted = min(dt.date(year, rng.randrange(1, 13), rng.randrange(1, 29)), LATEST)
    return kind, f"ZL{applied}.{_check_digit(applied)}", granted


def _check_digit(number: str) -> str:
    """The check character of a Chinese patent application number."""
    weights = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
    total = sum(int(d) * w for d, w in zip(number, weights, strict=True)) % 11
    return "X" if total == 10 else str(total)
