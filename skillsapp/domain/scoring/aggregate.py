"""Several judges' marks on one judgement criterion → one mark."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from skillsapp.domain.scoring._exact import exact, to_decimal
from skillsapp.domain.scoring.scheme import Aggregation

WORLDSKILLS_SCALE = Decimal(3)  # each judge gives 0–3 against written descriptors


@dataclass(frozen=True)
class JudgeAggregate:
    """One criterion's mark from its judges.

    `dropped` holds the indices of judges whose marks a trimmed mean left out (for the
    judges' severity analysis); `needs_remark` flags a WorldSkills spread that is too wide.
    """

    exact: Fraction
    dropped: tuple[int, ...] = ()
    spread: Decimal = Decimal(0)
    needs_remark: bool = False

    @property
    def mark(self) -> Decimal:
        return to_decimal(self.exact)


def mean(values: Sequence[Fraction]) -> Fraction:
    if not values:
        raise ValueError("mean of no values")
    return sum(values, Fraction(0)) / len(values)


def trimmed_indices(values: Sequence[Decimal | Fraction]) -> tuple[int, int]:
    """Indices of the one highest and the one lowest mark (only one each, even if shared)."""
    as_fractions = [Fraction(v) for v in values]
    high = max(range(len(values)), key=as_fractions.__getitem__)
    low = min((i for i in range(len(values)) if i != high), key=as_fractions.__getitem__)
    return high, low


def trimmed_mean(values: Sequence[Fraction], *, threshold: int) -> JudgeAggregate:
    """Drop one highest and one lowest when at least `threshold` judges marked."""
    spread = _spread(values)
    if len(values) < threshold:
        return JudgeAggregate(mean(values), spread=spread)
    dropped = trimmed_indices(values)
    kept = [v for i, v in enumerate(values) if i not in dropped]
    return JudgeAggregate(mean(kept), dropped=tuple(sorted(dropped)), spread=spread)


def worldskills(
    values: Sequence[Fraction], *, max_mark: Decimal, max_spread: Decimal
) -> JudgeAggregate:
    """Mean of 0–3 judgements ÷ 3 × the criterion's maximum; too wide a spread → re-mark."""
    spread = _spread(values)
    mark = mean(values) / exact(WORLDSKILLS_SCALE) * exact(max_mark)
    return JudgeAggregate(mark, spread=spread, needs_remark=spread > max_spread)


def aggregate_judges(
    values: Sequence[Decimal | Fraction],
    aggregation: Aggregation,
    *,
    max_mark: Decimal,
    trim_threshold: int = 5,
    max_spread: Decimal = Decimal(1),
) -> JudgeAggregate:
    """Aggregate judges' marks (for WorldSkills the raw 0–3 values) for one criterion."""
    fractions = [v if isinstance(v, Fraction) else exact(v) for v in values]
    if aggregation is Aggregation.TRIMMED_MEAN:
        return trimmed_mean(fractions, threshold=trim_threshold)
    if aggregation is Aggregation.WORLDSKILLS:
        return worldskills(fractions, max_mark=max_mark, max_spread=max_spread)
    return JudgeAggregate(mean(fractions), spread=_spread(fractions))


def _spread(values: Sequence[Fraction]) -> Decimal:
    return to_decimal(max(values) - min(values)) if values else Decimal(0)
