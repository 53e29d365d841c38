"""An event's whole marking scheme as one editable document, and its JSON form.

`SchemeSpec` is what the scheme editor edits, what the JSON and .xlsx templates
carry, and what the database stores (as components and criteria rows plus a few
settings). `to_scheme()` gives the `scoring.Scheme` the maths works on.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from skillsapp.domain.scoring import (
    Aggregation,
    AwardMode,
    AwardRule,
    Component,
    ComponentBase,
    Criterion,
    CriterionKind,
    Merit,
    MeritMode,
    Rounding,
    Scheme,
    SchemeProblem,
    SchemeProblemCode,
    TieBreak,
    TieBreakKind,
    Tier,
    TitleRule,
)

FORMAT = "skillsapp.scheme/1"
DEFAULT_TIERS = (
    Tier("一等奖", 1, Decimal("0.10")),
    Tier("二等奖", 2, Decimal("0.20")),
    Tier("三等奖", 3, Decimal("0.30")),
)


class SchemeFormatError(ValueError):
    """A scheme document that cannot be read; `code` says why, `where` says where."""

    def __init__(self, code: str, where: str = "") -> None:
        super().__init__(f"{code} {where}".strip())
        self.code = code
        self.where = where


@dataclass(frozen=True)
class CriterionSpec:
    key: str
    name: str
    max_mark: Decimal
    kind: CriterionKind = CriterionKind.MEASUREMENT
    aggregation: Aggregation = Aggregation.MEAN
    step: Decimal | None = None
    deduction: bool = False
    requirement: str = ""  # 考核要求
    standard: str = ""  # 评分标准


@dataclass(frozen=True)
class ComponentSpec:
    key: str
    name: str
    weight: Decimal
    criteria: tuple[CriterionSpec, ...] = ()
    base: ComponentBase = ComponentBase.SUM


@dataclass(frozen=True)
class SchemeSpec:
    components: tuple[ComponentSpec, ...] = ()
    rounding_decimals: int = 2
    rounding_mode: str = decimal.ROUND_HALF_UP
    tie_breaks: tuple[TieBreak, ...] = ()
    trim_threshold: int = 5
    worldskills_max_spread: Decimal = Decimal(1)
    min_field: int | None = None
    time_used: bool = False
    award_rule: AwardRule = field(default_factory=lambda: AwardRule(DEFAULT_TIERS))
    title_rules: tuple[TitleRule, ...] = ()

    def to_scheme(self) -> Scheme:
        components = tuple(
            Component(c.key, c.name, c.weight, tuple(_criterion(x) for x in c.criteria), c.base)
            for c in self.components
        )
        return Scheme(
            components,
            Rounding(self.rounding_decimals, self.rounding_mode),
            self.tie_breaks,
            self.trim_threshold,
            self.worldskills_max_spread,
            self.min_field,
        )

    def problems(self) -> list[SchemeProblem]:
        """Everything that makes the scheme unusable; empty when it may be saved."""
        return [
            *self.to_scheme().validate(),
            *_award_problems(self.award_rule),
            *_time_problems(self),
        ]

    @property
    def weight_total(self) -> Decimal:
        return sum((c.weight for c in self.components), Decimal(0))


def _criterion(spec: CriterionSpec) -> Criterion:
    return Criterion(
        spec.key, spec.name, spec.max_mark, spec.kind, spec.aggregation, spec.step, spec.deduction
    )


def _award_problems(rule: AwardRule) -> Iterator[SchemeProblem]:
    for tier in rule.tiers:
        if not tier.name.strip():
            yield SchemeProblem(SchemeProblemCode.AWARD_TIER_UNNAMED)
        if tier.count < 0 or tier.share < 0:
            yield SchemeProblem(SchemeProblemCode.AWARD_TIER_NEGATIVE, tier.name)
    if rule.mode is AwardMode.BY_SHARE and sum((t.share for t in rule.tiers), Decimal(0)) > 1:
        yield SchemeProblem(SchemeProblemCode.AWARD_SHARES_OVER_100)


def _time_problems(spec: SchemeSpec) -> Iterator[SchemeProblem]:
    uses_time = any(t.kind is TieBreakKind.TIME for t in spec.tie_breaks)
    if uses_time and not spec.time_used:
        yield SchemeProblem(SchemeProblemCode.TIE_BREAK_TIME_NOT_RECORDED)


def standard_spec(theory: int = 30, practical: int = 70) -> SchemeSpec:
    """The usual 理论 30 % / 实操 70 % scheme, one criterion each, to start editing from."""
    components = [
        ComponentSpec(
            "theory", "理论", Decimal(theory), (CriterionSpec("T1", "理论知识", Decimal(100)),)
        ),
        ComponentSpec(
            "practical",
            "实操",
            Decimal(practical),
            (CriterionSpec("P1", "实际操作", Decimal(100)),),
        ),
    ]
    kept = tuple(c for c in components if c.weight > 0)
    ties = tuple(TieBreak.by_component(c.key) for c in reversed(kept))
    return SchemeSpec(components=kept, tie_breaks=ties)


# ---- JSON ----------------------------------------------------------------------


def _d(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def spec_to_json(spec: SchemeSpec) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "components": [_component_json(c) for c in spec.components],
        "rounding": {"decimals": spec.rounding_decimals, "mode": spec.rounding_mode},
        "tie_breaks": [_tie_json(t) for t in spec.tie_breaks],
        "trim_threshold": spec.trim_threshold,
        "worldskills_max_spread": _d(spec.worldskills_max_spread),
        "min_field": spec.min_field,
        "time_used": spec.time_used,
        "awards": award_rule_to_json(spec.award_rule),
        "titles": [_title_json(t) for t in spec.title_rules],
    }


def _component_json(c: ComponentSpec) -> dict[str, Any]:
    return {
        "key": c.key,
        "name": c.name,
        "weight": _d(c.weight),
        "base": c.base.value,
        "criteria": [_criterion_json(x) for x in c.criteria],
    }


def _criterion_json(c: CriterionSpec) -> dict[str, Any]:
    return {
        "key": c.key,
        "name": c.name,
        "max": _d(c.max_mark),
        "kind": c.kind.value,
        "aggregation": c.aggregation.value,
        "step": _d(c.step),
        "deduction": c.deduction,
        "requirement": c.requirement,
        "standard": c.standard,
    }


def _tie_json(t: TieBreak) -> dict[str, Any]:
    return {"kind": t.kind.value, "component": t.component, "descending": t.descending}


def award_rule_to_json(rule: AwardRule) -> dict[str, Any]:
    merit = (
        None
        if rule.merit is None
        else {"mode": rule.merit.mode.value, "count": rule.merit.count, "name": rule.merit.name}
    )
    return {
        "mode": rule.mode.value,
        "min_total": _d(rule.min_total),
        "share_rounding": rule.share_rounding,
        "merit": merit,
        "tiers": [{"name": t.name, "count": t.count, "share": _d(t.share)} for t in rule.tiers],
    }


def _title_json(t: TitleRule) -> dict[str, Any]:
    return {
        "title": t.title,
        "max_rank": t.max_rank,
        "min_rank": t.min_rank,
        "tier": t.tier,
        "min_total": _d(t.min_total),
        "employees_only": t.employees_only,
        "promotion": t.promotion,
        "granting_body": t.granting_body,
    }


def _dec(value: Any, where: str, *, optional: bool = False) -> Decimal | None:
    if value is None and optional:
        return None
    try:
        result = Decimal(str(value))
    except (InvalidOperation, ValueError) as exc:
        raise SchemeFormatError("scheme_bad_number", where) from exc
    if not result.is_finite():
        raise SchemeFormatError("scheme_bad_number", where)
    return result


def _req(value: Any, where: str) -> Decimal:
    result = _dec(value, where)
    assert result is not None
    return result


def _get(data: Mapping[str, Any], key: str, where: str) -> Any:
    if not isinstance(data, Mapping) or key not in data:
        raise SchemeFormatError("scheme_missing_field", f"{where}.{key}")
    return data[key]


def _enum(cls: Any, value: Any, where: str) -> Any:
    try:
        return cls(value)
    except ValueError as exc:
        raise SchemeFormatError("scheme_bad_value", where) from exc


def spec_from_json(data: Any) -> SchemeSpec:
    """Read a scheme document; raises SchemeFormatError naming the bad place."""
    if not isinstance(data, Mapping) or data.get("format") != FORMAT:
        raise SchemeFormatError("scheme_not_a_scheme")
    rounding = data.get("rounding") or {}
    try:
        return SchemeSpec(
            components=tuple(
                _component_from(c, f"components[{i}]")
                for i, c in enumerate(_get(data, "components", ""))
            ),
            rounding_decimals=int(rounding.get("decimals", 2)),
            rounding_mode=str(rounding.get("mode", decimal.ROUND_HALF_UP)),
            tie_breaks=tuple(
                _tie_from(t, f"tie_breaks[{i}]") for i, t in enumerate(data.get("tie_breaks", []))
            ),
            trim_threshold=int(data.get("trim_threshold", 5)),
            worldskills_max_spread=_req(data.get("worldskills_max_spread", "1"), "spread"),
            min_field=None if data.get("min_field") is None else int(data["min_field"]),
            time_used=bool(data.get("time_used", False)),
            award_rule=award_rule_from_json(data.get("awards") or {"tiers": []}),
            title_rules=tuple(
                _title_from(t, f"titles[{i}]") for i, t in enumerate(data.get("titles", []))
            ),
        )
    except (TypeError, AttributeError) as exc:
        raise SchemeFormatError("scheme_bad_value") from exc


def _component_from(data: Any, where: str) -> ComponentSpec:
    criteria = tuple(
        _criterion_from(c, f"{where}.criteria[{i}]")
        for i, c in enumerate(_get(data, "criteria", where))
    )
    return ComponentSpec(
        str(_get(data, "key", where)),
        str(_get(data, "name", where)),
        _req(_get(data, "weight", where), f"{where}.weight"),
        criteria,
        _enum(ComponentBase, data.get("base", "sum"), f"{where}.base"),
    )


def _criterion_from(data: Any, where: str) -> CriterionSpec:
    return CriterionSpec(
        key=str(_get(data, "key", where)),
        name=str(_get(data, "name", where)),
        max_mark=_req(_get(data, "max", where), f"{where}.max"),
        kind=_enum(CriterionKind, data.get("kind", "measurement"), f"{where}.kind"),
        aggregation=_enum(Aggregation, data.get("aggregation", "mean"), f"{where}.aggregation"),
        step=_dec(data.get("step"), f"{where}.step", optional=True),
        deduction=bool(data.get("deduction", False)),
        requirement=str(data.get("requirement", "")),
        standard=str(data.get("standard", "")),
    )


def _tie_from(data: Any, where: str) -> TieBreak:
    kind = _enum(TieBreakKind, _get(data, "kind", where), f"{where}.kind")
    return TieBreak(kind, data.get("component"), bool(data.get("descending", True)))


def award_rule_from_json(data: Any) -> AwardRule:
    tiers = tuple(
        Tier(
            str(_get(t, "name", "awards")),
            int(t.get("count", 0)),
            _req(t.get("share", "0"), "awards.share"),
        )
        for t in data.get("tiers", [])
    )
    merit_data = data.get("merit")
    merit = (
        None
        if not merit_data
        else Merit(
            _enum(MeritMode, merit_data.get("mode", "count"), "awards.merit"),
            int(merit_data.get("count", 0)),
            str(merit_data.get("name", "优胜奖")),
        )
    )
    return AwardRule(
        tiers,
        _enum(AwardMode, data.get("mode", "by_count"), "awards.mode"),
        _dec(data.get("min_total"), "awards.min_total", optional=True),
        str(data.get("share_rounding", decimal.ROUND_HALF_UP)),
        merit,
    )


def _title_from(data: Any, where: str) -> TitleRule:
    try:
        return TitleRule(
            title=str(_get(data, "title", where)),
            max_rank=None if data.get("max_rank") is None else int(data["max_rank"]),
            tier=data.get("tier"),
            min_total=_dec(data.get("min_total"), where, optional=True),
            employees_only=bool(data.get("employees_only", False)),
            promotion=bool(data.get("promotion", False)),
            granting_body=str(data.get("granting_body", "")),
            min_rank=int(data.get("min_rank", 1)),
        )
    except ValueError as exc:
        if isinstance(exc, SchemeFormatError):
            raise
        raise SchemeFormatError("scheme_title_needs_rank_or_tier", where) from exc
