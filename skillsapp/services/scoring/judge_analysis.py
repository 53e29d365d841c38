"""Judges' severity (裁判评分分析): how far each judge's marks sit from the panel.

For every judgement criterion of every contestant marked by two judges or more, a
judge's deviation is their mark minus the mean of all the panel's marks (in marks:
a deduction counts as the mark it leaves, a WorldSkills 0–3 value as its share of the
maximum). A negative mean deviation is a harsh judge, a positive one a lenient one.
Where a trimmed mean applied, the judge whose mark was dropped as the highest (or the
lowest) is counted — only one of several equal marks is dropped, as in the scoring.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from skillsapp.domain.scoring import (
    Aggregation,
    Criterion,
    CriterionKind,
    Rounding,
    trimmed_indices,
)
from skillsapp.domain.scoring.aggregate import WORLDSKILLS_SCALE
from skillsapp.domain.scoring.scaled import SCALE
from skillsapp.services.scoring.results import EventComputation

DEVIATION_ROUNDING = Rounding(2)


@dataclass(frozen=True)
class JudgeSeverityRow:
    judge_id: int
    name: str
    marks: int  # judgement marks compared with a panel
    mean_deviation: Decimal | None  # None: no mark to compare
    by_criterion: tuple[tuple[str, Decimal], ...]  # (criterion key, mean deviation)
    trimmed: int  # trimmed panels the judge sat on
    dropped_high: int
    dropped_low: int


@dataclass
class _Tally:
    deviation: dict[tuple[int, str], Fraction]
    count: Counter[tuple[int, str]]
    high: Counter[int]
    low: Counter[int]
    trimmed: Counter[int]


def judge_severity(
    computation: EventComputation, names: Mapping[int, str]
) -> list[JudgeSeverityRow]:
    """One row per judge of the panel (and any other judge who marked), by judge id."""
    tally = _Tally(defaultdict(Fraction), Counter(), Counter(), Counter(), Counter())
    for criterion, judges, values in _panels(computation):
        _add(tally, computation.scheme.trim_threshold, criterion, judges, values)
    judges = sorted({*computation.panel, *(j for j, _ in tally.count)})
    keys = [c.key for _, c in computation.scheme.criteria()]
    return [_row(tally, judge, names.get(judge, ""), keys) for judge in judges]


def _panels(
    computation: EventComputation,
) -> Iterator[tuple[Criterion, Sequence[int], Sequence[int]]]:
    criteria = [c for _, c in computation.scheme.criteria() if c.kind is CriterionKind.JUDGEMENT]
    for reg, marks in computation.marks.items():
        markers = computation.markers[reg]
        for criterion in criteria:
            values = marks.get(criterion.key, ())
            if len(values) >= 2:
                yield criterion, markers[criterion.key], values


def _add(
    tally: _Tally,
    threshold: int,
    criterion: Criterion,
    judges: Sequence[int],
    values: Sequence[int],
) -> None:
    marks = [_mark(criterion, v) for v in values]
    mean = sum(marks, Fraction(0)) / len(marks)
    for judge, mark in zip(judges, marks, strict=True):
        tally.deviation[judge, criterion.key] += mark - mean
        tally.count[judge, criterion.key] += 1
    if criterion.aggregation is Aggregation.TRIMMED_MEAN and len(marks) >= threshold:
        high, low = trimmed_indices(marks)
        tally.high[judges[high]] += 1
        tally.low[judges[low]] += 1
        tally.trimmed.update(judges)


def _mark(criterion: Criterion, value: int) -> Fraction:
    """A judge's value as the mark it gives, in marks."""
    mark = Fraction(value, SCALE)
    if criterion.deduction:
        return max(Fraction(0), Fraction(criterion.max_mark) - mark)
    if criterion.aggregation is Aggregation.WORLDSKILLS:
        return mark / Fraction(WORLDSKILLS_SCALE) * Fraction(criterion.max_mark)
    return mark


def _row(tally: _Tally, judge: int, name: str, keys: Sequence[str]) -> JudgeSeverityRow:
    counted = [k for k in keys if tally.count[judge, k]]
    marks = sum(tally.count[judge, k] for k in counted)
    total = sum((tally.deviation[judge, k] for k in counted), Fraction(0))
    by_criterion = tuple(
        (k, DEVIATION_ROUNDING.apply(tally.deviation[judge, k] / tally.count[judge, k]))
        for k in counted
    )
    return JudgeSeverityRow(
        judge_id=judge,
        name=name,
        marks=marks,
        mean_deviation=DEVIATION_ROUNDING.apply(total / marks) if marks else None,
        by_criterion=by_criterion,
        trimmed=tally.trimmed[judge],
        dropped_high=tally.high[judge],
        dropped_low=tally.low[judge],
    )
