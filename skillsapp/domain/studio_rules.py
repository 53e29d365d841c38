"""Pure rules of innovation studios: the member make-up, the conditions check and the
annual evaluation. No database: services hand in plain facts.

Honours are data, so a honour *type* is placed in a family by its ladder and name
(`honour_family`): "技能大奖" → grand award (中华技能大奖); "技术能手" → skill expert;
"奖状" → none (a unit's honour); "五一" with "奖章" → May Day medal; "劳动模范" / "劳模" /
"先进工作者" → model worker; "工匠" → craftsman. Honour levels rank national > provincial
> city > county > industry > enterprise. A May Day medal counts one level lower than a
model-worker title of its level (a national medal is treated like a provincial 劳模).

Evaluation formula (`rank_studios`): for a computed metric of weight w, a studio with
value v scores w × v / best, where best is the highest v among the studios ranked (the
best studio gets the full weight, i.e. 100 % of it; all score 0 when best is 0). A
manual metric scores w × given / max_score. The total (0–100) is their sum, rounded to
two decimals; equal totals share a rank (1, 1, 3) and are listed by name.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.marks import HonourLevel

LEVEL_ORDER: tuple[HonourLevel, ...] = tuple(HonourLevel)  # declared national first
NOTICE_DAYS = 90  # a studio is "due" this many days before its re-confirmation date


class HonourFamily(enum.StrEnum):
    GRAND_AWARD = "grand_award"  # 中华技能大奖
    SKILL_EXPERT = "skill_expert"  # 技术能手
    MODEL_WORKER = "model_worker"  # 劳动模范 / 先进工作者
    MAY_DAY = "may_day"  # 五一劳动奖章
    CRAFTSMAN = "craftsman"  # 工匠


def honour_family(name: str, ladder: str = "") -> HonourFamily | None:
    """The family of a honour type, from its name and ladder (see the module docstring)."""
    text = f"{ladder} {name}"
    if "技能大奖" in text:
        return HonourFamily.GRAND_AWARD
    if "技术能手" in text:
        return HonourFamily.SKILL_EXPERT
    if "奖状" in text:
        return None
    if "五一" in text and "奖章" in text:
        return HonourFamily.MAY_DAY
    if any(word in text for word in ("劳动模范", "劳模", "先进工作者")):
        return HonourFamily.MODEL_WORKER
    return HonourFamily.CRAFTSMAN if "工匠" in text else None


def level_rank(level: HonourLevel) -> int:
    """Higher is better: national 6 … enterprise 1."""
    return len(LEVEL_ORDER) - LEVEL_ORDER.index(level)


def lower_level(level: HonourLevel) -> HonourLevel:
    return LEVEL_ORDER[min(LEVEL_ORDER.index(level) + 1, len(LEVEL_ORDER) - 1)]


@dataclass(frozen=True)
class HonourFact:
    family: HonourFamily
    level: HonourLevel


@dataclass(frozen=True)
class MemberFacts:
    """A current member as the make-up counts them: title, skill level, honours."""

    person_id: int
    title: str = ""
    skill_level: SkillLevel | None = None
    honours: tuple[HonourFact, ...] = ()


@dataclass(frozen=True)
class MemberMakeup:
    """成员构成: counts by professional title and skill level (senior first), and per
    honour family the number of persons at each level (each person once, at their best)."""

    total: int
    by_title: tuple[tuple[str, int], ...]
    by_skill_level: tuple[tuple[SkillLevel, int], ...]
    honours: Mapping[HonourFamily, tuple[tuple[HonourLevel, int], ...]]

    def honour_count(self, family: HonourFamily, level: HonourLevel) -> int:
        return dict(self.honours.get(family, ())).get(level, 0)


def title_seniority(title: str) -> int:
    """正高级 4, 高级 / 副主任 / 主任 3, 中级 2, 助理 1, 员 / 士 0."""
    if title.startswith("正高级"):
        return 4
    if title.startswith(("高级", "副主任", "主任")):
        return 3
    if title.startswith("助理"):
        return 1
    return 0 if title.endswith(("员", "士")) else 2


def skill_level_short(level: SkillLevel) -> str:
    """The name unions report: "技师", not "二级/技师"."""
    return level.label.split("/")[-1]


def member_makeup(members: Iterable[MemberFacts]) -> MemberMakeup:
    people = list(members)
    titles = Counter(m.title for m in people if m.title)
    levels = Counter(m.skill_level for m in people if m.skill_level is not None)
    best: dict[HonourFamily, Counter[HonourLevel]] = {}
    for member in people:
        for family, level in _best_levels(member.honours).items():
            best.setdefault(family, Counter())[level] += 1
    return MemberMakeup(
        total=len(people),
        by_title=tuple(sorted(titles.items(), key=lambda i: (-title_seniority(i[0]), i[0]))),
        by_skill_level=tuple(sorted(levels.items(), key=lambda item: -item[0])),
        honours={
            f: tuple(sorted(c.items(), key=lambda i: -level_rank(i[0]))) for f, c in best.items()
        },
    )


def _best_levels(honours: Iterable[HonourFact]) -> dict[HonourFamily, HonourLevel]:
    best: dict[HonourFamily, HonourLevel] = {}
    for honour in honours:
        current = best.get(honour.family)
        if current is None or level_rank(honour.level) > level_rank(current):
            best[honour.family] = honour.level
    return best


# -- conditions


@dataclass(frozen=True)
class StudioConditions:
    """What a studio of one kind and level must show; a zero requirement is not checked."""

    leader_families: tuple[HonourFamily, ...] = ()
    leader_level: HonourLevel | None = None
    leader_alt_skill_level: SkillLevel | None = None  # …or this level plus an invention
    min_years: int = 0
    min_members: int = 0
    min_results: int = 0  # results with benefit in the last `reconfirm_years` years
    min_trainings: int = 0  # trainings in the last 365 days
    min_trained: int = 0  # talents brought to `trained_level`+ in `trained_years`
    trained_level: SkillLevel | None = None
    trained_years: int = 3
    min_promoted: int = 0
    reconfirm_years: int = 2


@dataclass(frozen=True)
class TalentFact:
    year: int
    level_reached: SkillLevel | None
    promoted: bool


@dataclass(frozen=True)
class StudioFacts:
    """What the records say about one studio, for the conditions check."""

    founded_on: dt.date | None
    members: int
    leader_honours: tuple[HonourFact, ...] = ()
    leader_skill_level: SkillLevel | None = None
    leader_inventions: int = 0
    results_by_year: Mapping[int, int] = field(default_factory=dict)  # with benefit
    training_dates: tuple[dt.date, ...] = ()
    talents: tuple[TalentFact, ...] = ()


@dataclass(frozen=True)
class ConditionCheck:
    """One condition: its key, the value required, the value found, and whether met."""

    key: str
    required: int | str
    actual: int | str
    met: bool


def leader_level(facts: StudioFacts, families: Iterable[HonourFamily]) -> HonourLevel | None:
    """The leader's best honour level among `families` (May Day medals one level lower)."""
    accepted = set(families)
    levels = [
        lower_level(h.level) if h.family is HonourFamily.MAY_DAY else h.level
        for h in facts.leader_honours
        if h.family in accepted
    ]
    return max(levels, key=level_rank, default=None)


def whole_years(start: dt.date, today: dt.date) -> int:
    return today.year - start.year - ((today.month, today.day) < (start.month, start.day))


def check_conditions(
    facts: StudioFacts, rules: StudioConditions, today: dt.date
) -> tuple[ConditionCheck, ...]:
    """Every condition with a requirement, in a fixed order, leader first."""
    checks = [_leader_check(facts, rules)] if rules.leader_level is not None else []
    checks += [
        ConditionCheck(key, required, actual, actual >= required)
        for key, (required, actual) in _counts(facts, rules, today).items()
        if required > 0
    ]
    return tuple(checks)


def _counts(
    facts: StudioFacts, rules: StudioConditions, today: dt.date
) -> dict[str, tuple[int, int]]:
    """Condition key → (required, actual) for the counted conditions."""
    recent = today.year - rules.reconfirm_years + 1
    talent_from = today.year - rules.trained_years + 1
    year_ago = today - dt.timedelta(days=365)
    results = sum(n for y, n in facts.results_by_year.items() if recent <= y <= today.year)
    return {
        "years_running": (
            rules.min_years,
            whole_years(facts.founded_on, today) if facts.founded_on else 0,
        ),
        "members": (rules.min_members, facts.members),
        "results": (rules.min_results, results),
        "trainings": (
            rules.min_trainings,
            sum(year_ago < d <= today for d in facts.training_dates),
        ),
        "trained": (rules.min_trained, _trained(facts, rules.trained_level, talent_from)),
        "promoted": (
            rules.min_promoted,
            sum(t.promoted and t.year >= talent_from for t in facts.talents),
        ),
    }


def _trained(facts: StudioFacts, level: SkillLevel | None, since: int) -> int:
    floor = SkillLevel.APPRENTICE if level is None else level
    return sum(
        t.year >= since and t.level_reached is not None and t.level_reached >= floor
        for t in facts.talents
    )


def _leader_check(facts: StudioFacts, rules: StudioConditions) -> ConditionCheck:
    assert rules.leader_level is not None
    found = leader_level(facts, rules.leader_families)
    met = found is not None and level_rank(found) >= level_rank(rules.leader_level)
    actual: str = found.value if found is not None else ""
    alt = rules.leader_alt_skill_level
    skill = facts.leader_skill_level
    inventor = facts.leader_inventions > 0
    if not met and inventor and alt is not None and skill is not None and skill >= alt:
        met, actual = True, f"skill:{int(skill)}"
    return ConditionCheck("leader_honour", rules.leader_level.value, actual, met)


def reconfirmation_due(
    accredited_on: dt.date | None, last_confirmed_on: dt.date | None, years: int
) -> dt.date | None:
    """When the studio must next be re-confirmed: N years after the latest of the two."""
    base = max((d for d in (accredited_on, last_confirmed_on) if d), default=None)
    if base is None or years <= 0:
        return None
    try:
        return base.replace(year=base.year + years)
    except ValueError:  # 29 February
        return base.replace(year=base.year + years, day=28)


def is_due(due_on: dt.date | None, today: dt.date, notice_days: int = NOTICE_DAYS) -> bool:
    return due_on is not None and due_on <= today + dt.timedelta(days=notice_days)


# -- evaluation

COMPUTED_METRICS: tuple[str, ...] = (
    "innovations",  # results of the year
    "applied",  # of them put into use
    "patents",  # of them patented
    "benefit",  # their economic benefit, 万元
    "awards",  # of them with an award
    "trained",  # talents trained in the year
    "promoted",  # of them promoted
    "trainings",  # trainings held in the year
)
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class Metric:
    """One line of an evaluation plan: computed from the records, or scored by hand."""

    key: str
    weight: Decimal
    label: str = ""
    manual: bool = False
    max_score: Decimal | None = None  # manual metrics only


def check_metrics(metrics: Sequence[Metric]) -> dict[str, str]:
    """Field → error code: known computed keys, unique keys, weights > 0 adding to 100."""
    errors: dict[str, str] = {}
    keys = [m.key for m in metrics]
    if not metrics:
        errors["metrics"] = "evaluation_no_metrics"
    elif len(set(keys)) != len(keys):
        errors["metrics"] = "evaluation_metric_duplicate"
    for metric in metrics:
        if metric.manual and (metric.max_score is None or metric.max_score <= 0):
            errors[metric.key] = "evaluation_max_score_invalid"
        elif metric.manual and not (metric.key and metric.label.strip()):
            errors[metric.key] = "evaluation_metric_label_required"
        elif not metric.manual and metric.key not in COMPUTED_METRICS:
            errors[metric.key] = "evaluation_metric_unknown"
        elif metric.weight <= 0:
            errors[metric.key] = "evaluation_weight_invalid"
    if metrics and "metrics" not in errors and sum(m.weight for m in metrics) != 100:
        errors["weights"] = "evaluation_weights_sum"
    return errors


@dataclass(frozen=True)
class EvaluationInput:
    """One studio's values: computed from the year's records, and the manual scores."""

    studio_id: int
    name: str
    values: Mapping[str, Decimal]
    manual: Mapping[str, Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class MetricScore:
    key: str
    value: Decimal  # the count, sum or manual score
    points: Decimal  # its share of the total


@dataclass(frozen=True)
class RankedStudio:
    rank: int
    studio_id: int
    name: str
    total: Decimal
    scores: tuple[MetricScore, ...]


def rank_studios(
    metrics: Sequence[Metric], inputs: Sequence[EvaluationInput]
) -> list[RankedStudio]:
    """Totals by the formula in the module docstring, best first, ties sharing a rank."""
    best = {
        m.key: max((i.values.get(m.key, Decimal(0)) for i in inputs), default=Decimal(0))
        for m in metrics
        if not m.manual
    }
    scored = [(item, _scores(metrics, item, best)) for item in inputs]
    scored.sort(key=lambda pair: (-_total(pair[1]), pair[0].name, pair[0].studio_id))
    ranked: list[RankedStudio] = []
    for index, (item, scores) in enumerate(scored):
        total = _total(scores)
        rank = ranked[-1].rank if ranked and ranked[-1].total == total else index + 1
        ranked.append(RankedStudio(rank, item.studio_id, item.name, total, scores))
    return ranked


def _scores(
    metrics: Sequence[Metric], item: EvaluationInput, best: Mapping[str, Decimal]
) -> tuple[MetricScore, ...]:
    scores = []
    for metric in metrics:
        if metric.manual:
            value = item.manual.get(metric.key, Decimal(0))
            top = metric.max_score or Decimal(1)
        else:
            value, top = item.values.get(metric.key, Decimal(0)), best[metric.key]
        points = metric.weight * value / top if top > 0 else Decimal(0)
        scores.append(MetricScore(metric.key, value, points.quantize(_CENT, ROUND_HALF_UP)))
    return tuple(scores)


def _total(scores: Iterable[MetricScore]) -> Decimal:
    return sum((s.points for s in scores), Decimal(0)).quantize(_CENT, ROUND_HALF_UP)
