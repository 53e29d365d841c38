"""The marking schemes of the demo competitions: a realistic 维修电工 contest scheme, and
the city meet's standard scheme with the re-weighted variants its other events use."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from skillsapp.domain.scheme_doc import DEFAULT_TIERS, ComponentSpec, CriterionSpec, SchemeSpec
from skillsapp.domain.scoring import (
    Aggregation,
    AwardMode,
    AwardRule,
    CriterionKind,
    TieBreak,
    Tier,
    TitleRule,
)

Parts = tuple[tuple[str, int], ...]  # (component key, weight)
STANDARD: Parts = (("theory", 30), ("practical", 70))
PRACTICAL_80: Parts = (("theory", 20), ("practical", 80))
PRACTICAL_ONLY: Parts = (("practical", 100),)
WITH_DEFENCE: Parts = (("theory", 25), ("practical", 55), ("defence", 20))
WITH_COMPUTER: Parts = (("theory", 35), ("computer", 5), ("practical", 60))


JUDGED = CriterionKind.JUDGEMENT


def _item(
    key: str,
    name: str,
    mark: int,
    kind: CriterionKind = CriterionKind.MEASUREMENT,
    *,
    aggregation: Aggregation = Aggregation.MEAN,
    deduction: bool = False,
    requirement: str = "",
    standard: str = "",
) -> CriterionSpec:
    """A score-sheet line worth `mark` (配分)."""
    return CriterionSpec(
        key,
        name,
        Decimal(mark),
        kind,
        aggregation,
        deduction=deduction,
        requirement=requirement,
        standard=standard,
    )


ELECTRICIAN_PRACTICAL = (
    _item(
        "P1",
        "电气控制线路安装",
        40,
        requirement="按图安装电动机正反转及星三角起动线路并通电试车",
        standard="元件布置、接线工艺、通电一次成功；每处错误扣 2–5 分",
    ),
    _item(
        "P2",
        "故障排除",
        30,
        JUDGED,
        aggregation=Aggregation.TRIMMED_MEAN,
        requirement="排除机床电气线路上设置的 3 处故障",
        standard="每处 10 分：判断正确 4 分，排除正确 6 分",
    ),
    _item(
        "P3",
        "安全文明生产",
        30,
        JUDGED,
        deduction=True,
        standard="违反安全操作规程每次扣 5 分；工位不整洁扣 2 分",
    ),
)


def electrician_spec() -> SchemeSpec:
    """维修电工: 理论 30 %, 实操 70 % in three items; ties by 实操 ↓, then time used ↑;
    awards by count 1/2/3 from 60 points; the winner becomes 焦煤集团技术能手."""
    theory = (_item("T1", "理论知识", 100, requirement="闭卷笔试 90 分钟"),)
    return SchemeSpec(
        components=(
            ComponentSpec("theory", "理论", Decimal(30), theory),
            ComponentSpec("practical", "实操", Decimal(70), ELECTRICIAN_PRACTICAL),
        ),
        tie_breaks=(TieBreak.by_component("practical"), TieBreak.by_time()),
        time_used=True,
        award_rule=AwardRule(
            (Tier("一等奖", 1), Tier("二等奖", 2), Tier("三等奖", 3)), min_total=Decimal(60)
        ),
        title_rules=(TitleRule("焦煤集团技术能手", max_rank=1, granting_body="焦煤集团"),),
    )


EXTRA_COMPONENTS = {
    "defence": ComponentSpec(
        "defence",
        "答辩",
        Decimal(0),
        (_item("D1", "技术答辩", 100, JUDGED),),
    ),
    "computer": ComponentSpec(
        "computer", "上机", Decimal(0), (_item("C1", "计算机操作考试", 100),)
    ),
}


def meet_spec() -> SchemeSpec:
    """The meet's standard scheme (30/70), which the other events copy or re-weight."""
    theory = ComponentSpec("theory", "理论", Decimal(30), (_item("T1", "理论知识", 100),))
    practical = ComponentSpec(
        "practical",
        "实操",
        Decimal(70),
        (
            _item("P1", "实操作品", 80, standard="按项目评分细则逐项评分"),
            _item("P2", "安全文明生产", 20, JUDGED, deduction=True, standard="违规一次扣 5 分"),
        ),
    )
    return SchemeSpec(
        components=(theory, practical),
        tie_breaks=(TieBreak.by_component("practical"), TieBreak.by_component("theory")),
        award_rule=AwardRule(DEFAULT_TIERS, AwardMode.BY_SHARE, min_total=Decimal(60)),
        title_rules=(
            TitleRule("焦作市技术能手", max_rank=1, granting_body="焦作市人力资源和社会保障局"),
            TitleRule("焦作市五一劳动奖章（推荐）", max_rank=1, granting_body="焦作市总工会"),
        ),
    )


def reweighted(base: SchemeSpec, parts: Parts) -> SchemeSpec:
    """`base` with the components and weights of `parts`; ties by weight, heaviest first."""
    known = {c.key: c for c in base.components} | EXTRA_COMPONENTS
    components = tuple(replace(known[key], weight=Decimal(weight)) for key, weight in parts)
    heaviest = sorted(components, key=lambda c: -c.weight)
    ties = tuple(TieBreak.by_component(c.key) for c in heaviest)
    return replace(base, components=components, tie_breaks=ties)
