"""A fast exact path for `score_entry`: marks as integers scaled by 10⁴.

Marks are stored with four decimals (Numeric(14, 4)), so every mark is an integer
number of ten-thousandths. Means, trimmed means, weights and rounding are then
ratios of Python integers: as exact as the `Fraction` path of `entry.py`, about
ten times faster, and equal to it field by field (a property test holds them equal)
except that `EntryScore.criteria` stays empty — the per-criterion detail of one
contestant comes from `score_entry`. Anything that cannot be scaled exactly (a
maximum, weight or step with more than four decimals) or breaks the scheme goes
through `score_entry` itself, which also raises the same `EntryInvalid`.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Generic, TypeVar

from skillsapp.domain.scoring._exact import DISPLAY_PRECISION
from skillsapp.domain.scoring.aggregate import WORLDSKILLS_SCALE
from skillsapp.domain.scoring.entry import Entry, EntryScore, score_entry
from skillsapp.domain.scoring.scheme import (
    Aggregation,
    Component,
    ComponentBase,
    Criterion,
    CriterionKind,
    Rounding,
    Scheme,
)

K = TypeVar("K", bound=Hashable)
SCALE = 10_000
DECIMALS = 4
Ratio = tuple[int, int]  # numerator, positive denominator
_WS_DENOMINATOR = int(WORLDSKILLS_SCALE) * SCALE * SCALE  # per judge: value × max / (3 × 10⁸)


def scaled(value: Decimal) -> int | None:
    """`value` × 10⁴ as an integer, or None when it has more than four decimals."""
    product = value.scaleb(DECIMALS)
    return int(product) if product == product.to_integral_value() else None


def unscaled(value: int) -> Decimal:
    return Decimal(value).scaleb(-DECIMALS)


def round_ratio(num: int, den: int, rounding: Rounding) -> Decimal:
    """num/den rounded like `Rounding.apply` (the same stand-in for the remainder)."""
    scaled_num = num * 10**rounding.decimals
    whole, rest = divmod(scaled_num, den)
    if rest == 0:
        position = Decimal(0)
    elif 2 * rest < den:
        position = Decimal("0.25")
    elif 2 * rest == den:
        position = Decimal("0.5")
    else:
        position = Decimal("0.75")
    proxy = Decimal(whole) + position
    return proxy.quantize(Decimal(1), rounding=rounding.mode).scaleb(-rounding.decimals)


def _add(a: Ratio, b: Ratio) -> Ratio:
    if a[1] == b[1]:
        return a[0] + b[0], a[1]
    den = math.lcm(a[1], b[1])
    return a[0] * (den // a[1]) + b[0] * (den // b[1]), den


@dataclass(frozen=True)
class _Rule:
    """A criterion with its limits scaled: what scoring one criterion needs."""

    key: str
    judgement: bool
    aggregation: Aggregation
    deduction: bool
    max_int: int
    ceiling: int | None
    step: int | None
    trim_at: int | None  # judges from which a trimmed mean drops two


@dataclass(frozen=True)
class _Part:
    key: str
    weight_int: int
    rules: tuple[_Rule, ...]
    max_sum_int: int | None  # set for a SCALED component


def _rule(criterion: Criterion, trim_threshold: int) -> _Rule | None:
    max_int = scaled(criterion.max_mark)
    step = None if criterion.step is None else scaled(criterion.step)
    judgement = criterion.kind is CriterionKind.JUDGEMENT
    worldskills = judgement and criterion.aggregation is Aggregation.WORLDSKILLS
    bad_step = criterion.step is not None and (step is None or step <= 0)
    if max_int is None or bad_step or (worldskills and criterion.deduction):
        return None  # left to score_entry (invalid schemes included)
    ceiling = None if criterion.deduction else (3 * SCALE if worldskills else max_int)
    trimmed = judgement and criterion.aggregation is Aggregation.TRIMMED_MEAN
    return _Rule(
        key=criterion.key,
        judgement=judgement,
        aggregation=criterion.aggregation,
        deduction=criterion.deduction,
        max_int=max_int,
        ceiling=ceiling,
        step=step,
        trim_at=trim_threshold if trimmed else None,
    )


def _part(component: Component, trim_threshold: int) -> _Part | None:
    weight = scaled(component.weight)
    rules = tuple(_rule(c, trim_threshold) for c in component.criteria)
    if weight is None or any(r is None for r in rules):
        return None
    max_sum = scaled(component.max_sum) if component.base is ComponentBase.SCALED else None
    if component.base is ComponentBase.SCALED and not max_sum:
        return None
    return _Part(component.key, weight, tuple(r for r in rules if r is not None), max_sum)


class ScaledScorer(Generic[K]):
    """Scores entries of one scheme from marks scaled by 10⁴ (see the module docstring)."""

    def __init__(self, scheme: Scheme) -> None:
        self.scheme = scheme
        parts = [_part(c, scheme.trim_threshold) for c in scheme.components]
        spread = scaled(scheme.worldskills_max_spread)
        usable = [p for p in parts if p is not None]
        # None: something cannot be scaled exactly; every entry goes through score_entry.
        self._parts = tuple(usable) if len(usable) == len(parts) and spread is not None else None
        self._spread = spread or 0

    def score(
        self,
        contestant_id: K,
        marks: Mapping[str, Sequence[int]],
        *,
        time_used: Decimal | None = None,
        disqualified: bool = False,
    ) -> EntryScore[K]:
        """Like `score_entry(scheme, Entry(...))` with every value given × 10⁴."""
        try:
            components, missing, remark = self._components(marks)
        except _Invalid:
            return self._slow(contestant_id, marks, time_used, disqualified)
        total = self._total(components)
        rounding = self.scheme.rounding
        with localcontext() as ctx:
            ctx.prec = DISPLAY_PRECISION
            exact = {k: Decimal(n) / Decimal(d) for k, (n, d) in components.items()}
            total_exact = Decimal(total[0]) / Decimal(total[1])
        return EntryScore(
            contestant_id=contestant_id,
            criteria={},
            components=exact,
            components_rounded={k: round_ratio(*v, rounding) for k, v in components.items()},
            total_exact=total_exact,
            total=round_ratio(*total, rounding),
            missing=tuple(missing),
            needs_remark=tuple(remark),
            time_used=time_used,
            disqualified=disqualified,
        )

    def _components(
        self, marks: Mapping[str, Sequence[int]]
    ) -> tuple[dict[str, Ratio], list[str], list[str]]:
        """Each component's score, the criteria missing and those to re-mark; raises
        _Invalid for anything `check_entry` would refuse (or that cannot be scaled)."""
        if self._parts is None:
            raise _Invalid
        components: dict[str, Ratio] = {}
        missing: list[str] = []
        remark: list[str] = []
        seen = 0
        for part in self._parts:
            sums: dict[int, int] = {}  # denominator → numerator: one lcm per component
            for rule in part.rules:
                values = marks.get(rule.key)
                seen += values is not None
                if not values:
                    missing.append(rule.key)
                    continue
                num, den, spread = _criterion(rule, values)
                if spread is not None and spread > self._spread:
                    remark.append(rule.key)
                sums[den] = sums.get(den, 0) + num
            components[part.key] = _based(part, _combine(sums))
        if seen != len(marks):
            raise _Invalid  # a criterion the scheme does not know
        return components, missing, remark

    def _total(self, components: Mapping[str, Ratio]) -> Ratio:
        total: Ratio = (0, 1)
        for part in self._parts or ():
            num, den = components[part.key]
            total = _add(total, (part.weight_int * num, 100 * SCALE * den))
        return total

    def _slow(
        self,
        contestant_id: K,
        marks: Mapping[str, Sequence[int]],
        time_used: Decimal | None,
        disqualified: bool,
    ) -> EntryScore[K]:
        values = {k: [unscaled(v) for v in vs] for k, vs in marks.items()}
        return score_entry(self.scheme, Entry(contestant_id, values, time_used, disqualified))


class _Invalid(Exception):
    """Marks the integer path does not take; `score_entry` scores or refuses them."""


def _based(part: _Part, total: Ratio) -> Ratio:
    """The component's 0–100 score from the sum of its criteria marks."""
    if part.max_sum_int is not None:
        return total[0] * 100 * SCALE, total[1] * part.max_sum_int
    return total


def _criterion(rule: _Rule, values: Sequence[int]) -> tuple[int, int, int | None]:
    """The criterion's mark as numerator and denominator (in marks, not scaled), and the
    spread of a WorldSkills panel; raises _Invalid where `check_entry` would object."""
    lo, hi, count = min(values), max(values), len(values)
    if lo < 0 or (rule.ceiling is not None and hi > rule.ceiling):
        raise _Invalid
    if rule.step is not None and any(v % rule.step for v in values):
        raise _Invalid
    if not rule.judgement:
        if rule.deduction:
            return max(0, rule.max_int - sum(values)), SCALE, None
        if count > 1:
            raise _Invalid
        return values[0], SCALE, None
    if rule.aggregation is Aggregation.WORLDSKILLS:
        return sum(values) * rule.max_int, count * _WS_DENOMINATOR, hi - lo
    if rule.deduction:
        marks = [max(0, rule.max_int - v) for v in values]
        total, lo, hi = sum(marks), min(marks), max(marks)
    else:
        total = sum(values)
    if rule.trim_at is not None and count >= rule.trim_at:
        return total - hi - lo, (count - 2) * SCALE, None
    return total, count * SCALE, None


def _combine(sums: Mapping[int, int]) -> Ratio:
    """Σ numerator/denominator over the given denominators, as one ratio."""
    if len(sums) == 1:
        [(den, num)] = sums.items()
        return num, den
    den = math.lcm(*sums) if sums else 1
    return sum(num * (den // d) for d, num in sums.items()), den
