"""One contestant's marks → criterion marks, component scores and the total."""

from __future__ import annotations

import enum
from collections.abc import Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Generic, TypeVar

from skillsapp.domain.scoring._exact import exact, to_decimal
from skillsapp.domain.scoring.aggregate import (
    WORLDSKILLS_SCALE,
    JudgeAggregate,
    aggregate_judges,
)
from skillsapp.domain.scoring.scheme import (
    HUNDRED,
    Aggregation,
    Component,
    ComponentBase,
    Criterion,
    CriterionKind,
    Scheme,
)
from skillsapp.errors import UserError

K = TypeVar("K", bound=Hashable)
_ZERO = Fraction(0)


@dataclass(frozen=True)
class Entry(Generic[K]):
    """Marks as entered: one value per measurement criterion, one per judge otherwise.

    For a deduction criterion the values are deductions; several deductions on one
    measurement criterion are added up.
    """

    contestant_id: K
    marks: Mapping[str, Sequence[Decimal]]
    time_used: Decimal | None = None
    disqualified: bool = False


class EntryProblemCode(enum.StrEnum):
    UNKNOWN_CRITERION = "unknown_criterion"
    MARK_NEGATIVE = "mark_negative"
    MARK_ABOVE_MAX = "mark_above_max"
    MARK_OFF_STEP = "mark_off_step"
    TOO_MANY_VALUES = "too_many_values"
    TIME_NEGATIVE = "time_negative"


@dataclass(frozen=True)
class EntryProblem:
    code: EntryProblemCode
    criterion: str = ""
    index: int | None = None  # which value (judge) of the criterion


class EntryInvalid(UserError):
    """Marks that break the scheme; `problems` lists them all."""

    code = "entry_invalid"

    def __init__(self, problems: Sequence[EntryProblem]) -> None:
        super().__init__(self.code, count=len(problems))
        self.problems = tuple(problems)


@dataclass(frozen=True)
class CriterionMark:
    """A criterion's mark; `dropped`/`spread`/`needs_remark` come from the judges."""

    key: str
    exact: Fraction
    dropped: tuple[int, ...] = ()
    spread: Decimal = Decimal(0)
    needs_remark: bool = False

    @property
    def mark(self) -> Decimal:
        return to_decimal(self.exact)


@dataclass(frozen=True)
class EntryScore(Generic[K]):
    """A scored entry. Only `total` is rounded; `components_rounded` serve tie-breaks."""

    contestant_id: K
    criteria: Mapping[str, CriterionMark]
    components: Mapping[str, Decimal]
    components_rounded: Mapping[str, Decimal]
    total_exact: Decimal
    total: Decimal
    missing: tuple[str, ...] = ()
    needs_remark: tuple[str, ...] = ()
    time_used: Decimal | None = None
    disqualified: bool = False

    @property
    def complete(self) -> bool:
        """False while marks are missing or a criterion awaits re-marking (provisional)."""
        return not self.missing and not self.needs_remark


def check_entry(scheme: Scheme, entry: Entry[K]) -> list[EntryProblem]:
    """Every way the entered marks break the scheme (empty when they are fine)."""
    known = {c.key: c for _, c in scheme.criteria()}
    problems = [
        EntryProblem(EntryProblemCode.UNKNOWN_CRITERION, key)
        for key in entry.marks
        if key not in known
    ]
    for key, values in entry.marks.items():
        if key in known:
            problems.extend(_value_problems(known[key], values))
    if entry.time_used is not None and entry.time_used < 0:
        problems.append(EntryProblem(EntryProblemCode.TIME_NEGATIVE))
    return problems


def _value_problems(criterion: Criterion, values: Sequence[Decimal]) -> Iterator[EntryProblem]:
    single = criterion.kind is CriterionKind.MEASUREMENT and not criterion.deduction
    if single and len(values) > 1:
        yield EntryProblem(EntryProblemCode.TOO_MANY_VALUES, criterion.key)
    ceiling = _ceiling(criterion)
    for index, value in enumerate(values):
        code = _value_problem(value, ceiling, criterion.step)
        if code is not None:
            yield EntryProblem(code, criterion.key, index)


def _ceiling(criterion: Criterion) -> Decimal | None:
    """The largest value one may enter; deductions beyond the maximum just floor at 0."""
    if criterion.deduction:
        return None
    is_judgement = criterion.kind is CriterionKind.JUDGEMENT
    if is_judgement and criterion.aggregation is Aggregation.WORLDSKILLS:
        return WORLDSKILLS_SCALE
    return criterion.max_mark


def _value_problem(
    value: Decimal, ceiling: Decimal | None, step: Decimal | None
) -> EntryProblemCode | None:
    if value < 0:
        return EntryProblemCode.MARK_NEGATIVE
    if ceiling is not None and value > ceiling:
        return EntryProblemCode.MARK_ABOVE_MAX
    if step is not None and value % step != 0:
        return EntryProblemCode.MARK_OFF_STEP
    return None


def score_criterion(
    scheme: Scheme, criterion: Criterion, values: Sequence[Decimal]
) -> CriterionMark:
    """One criterion's mark from its entered values (which must not be empty)."""
    if criterion.kind is CriterionKind.MEASUREMENT:
        return CriterionMark(criterion.key, _measurement(criterion, values))
    marks = [_judge_mark(criterion, v) for v in values]
    result = _aggregate(scheme, criterion, marks)
    return CriterionMark(
        criterion.key, result.exact, result.dropped, result.spread, result.needs_remark
    )


def _measurement(criterion: Criterion, values: Sequence[Decimal]) -> Fraction:
    if criterion.deduction:
        return _deducted(criterion.max_mark, sum(map(exact, values), _ZERO))
    return exact(values[0])


def _judge_mark(criterion: Criterion, value: Decimal) -> Fraction:
    if criterion.deduction:
        return _deducted(criterion.max_mark, exact(value))
    return exact(value)


def _deducted(max_mark: Decimal, deductions: Fraction) -> Fraction:
    return max(_ZERO, exact(max_mark) - deductions)


def _aggregate(scheme: Scheme, criterion: Criterion, marks: Sequence[Fraction]) -> JudgeAggregate:
    return aggregate_judges(
        marks,
        criterion.aggregation,
        max_mark=criterion.max_mark,
        trim_threshold=scheme.trim_threshold,
        max_spread=scheme.worldskills_max_spread,
    )


def score_entry(scheme: Scheme, entry: Entry[K]) -> EntryScore[K]:
    """Score one entry; raises `EntryInvalid` when `check_entry` finds problems.

    Criteria without marks count 0 and are listed in `missing` (a provisional score).
    """
    problems = check_entry(scheme, entry)
    if problems:
        raise EntryInvalid(problems)
    marks = {
        c.key: score_criterion(scheme, c, entry.marks[c.key])
        for _, c in scheme.criteria()
        if entry.marks.get(c.key)
    }
    components = {c.key: _component_score(c, marks) for c in scheme.components}
    total = sum((exact(c.weight) / 100 * components[c.key] for c in scheme.components), _ZERO)
    return EntryScore(
        contestant_id=entry.contestant_id,
        criteria=marks,
        components={k: to_decimal(v) for k, v in components.items()},
        components_rounded={k: scheme.rounding.apply(v) for k, v in components.items()},
        total_exact=to_decimal(total),
        total=scheme.rounding.apply(total),
        missing=tuple(c.key for _, c in scheme.criteria() if c.key not in marks),
        needs_remark=tuple(k for k, m in marks.items() if m.needs_remark),
        time_used=entry.time_used,
        disqualified=entry.disqualified,
    )


def _component_score(component: Component, marks: Mapping[str, CriterionMark]) -> Fraction:
    """The component's 0–100 score, exact."""
    total = sum((marks[c.key].exact for c in component.criteria if c.key in marks), _ZERO)
    if component.base is ComponentBase.SCALED:
        return total / exact(component.max_sum) * exact(HUNDRED)
    return total
