"""How an event is marked: components, criteria, rounding and the tie-break chain."""

from __future__ import annotations

import decimal
import enum
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from skillsapp.domain.scoring._exact import exact, round_exact

HUNDRED = Decimal(100)
ROUNDING_MODES = frozenset(
    {
        decimal.ROUND_HALF_UP,
        decimal.ROUND_HALF_EVEN,
        decimal.ROUND_HALF_DOWN,
        decimal.ROUND_UP,
        decimal.ROUND_DOWN,
        decimal.ROUND_CEILING,
        decimal.ROUND_FLOOR,
        decimal.ROUND_05UP,
    }
)


class CriterionKind(enum.StrEnum):
    MEASUREMENT = "measurement"  # objective, marked once
    JUDGEMENT = "judgement"  # subjective, marked independently by several judges


class Aggregation(enum.StrEnum):
    """How several judges' marks on one judgement criterion become one mark."""

    MEAN = "mean"
    TRIMMED_MEAN = "trimmed_mean"
    WORLDSKILLS = "worldskills"


class ComponentBase(enum.StrEnum):
    """How a component's 0–100 score is formed from its criteria marks."""

    SUM = "sum"  # plain sum; the criteria maxima add up to 100
    SCALED = "scaled"  # sum ÷ sum of maxima × 100


@dataclass(frozen=True)
class Criterion:
    """One line of a score sheet (考核项目), worth up to `max_mark` (配分).

    With `deduction` the entered values are deductions (扣分) and the mark is
    max − deductions, never below 0. `aggregation` only matters for judgement criteria.
    """

    key: str
    name: str
    max_mark: Decimal
    kind: CriterionKind = CriterionKind.MEASUREMENT
    aggregation: Aggregation = Aggregation.MEAN
    step: Decimal | None = None
    deduction: bool = False


@dataclass(frozen=True)
class Component:
    """A weighted part of the total (理论, 实操, 答辩 …); `weight` is a percentage."""

    key: str
    name: str
    weight: Decimal
    criteria: tuple[Criterion, ...]
    base: ComponentBase = ComponentBase.SUM

    @property
    def max_sum(self) -> Decimal:
        return sum((c.max_mark for c in self.criteria), Decimal(0))


@dataclass(frozen=True)
class Rounding:
    """Rounding of published figures; only the final total (and tie-break views) round."""

    decimals: int = 2
    mode: str = decimal.ROUND_HALF_UP

    def apply(self, value: Fraction | Decimal) -> Decimal:
        """Round exactly: a Fraction is never passed through a float or a short Decimal."""
        as_fraction = value if isinstance(value, Fraction) else exact(value)
        return round_exact(as_fraction, self.decimals, self.mode)


DEFAULT_ROUNDING = Rounding()


class TieBreakKind(enum.StrEnum):
    COMPONENT = "component"
    TIME = "time"


@dataclass(frozen=True)
class TieBreak:
    """One step of the tie-break chain applied after the rounded total."""

    kind: TieBreakKind
    component: str | None = None
    descending: bool = True

    @classmethod
    def by_component(cls, key: str, *, descending: bool = True) -> TieBreak:
        return cls(TieBreakKind.COMPONENT, key, descending)

    @classmethod
    def by_time(cls, *, ascending: bool = True) -> TieBreak:
        """Less time used is better unless `ascending` is False."""
        return cls(TieBreakKind.TIME, None, not ascending)


class SchemeProblemCode(enum.StrEnum):
    NO_COMPONENTS = "no_components"
    WEIGHTS_NOT_100 = "weights_not_100"
    WEIGHT_NEGATIVE = "weight_negative"
    COMPONENT_EMPTY = "component_empty"
    COMPONENT_MAX_NOT_100 = "component_max_not_100"
    DUPLICATE_COMPONENT_KEY = "duplicate_component_key"
    DUPLICATE_CRITERION_KEY = "duplicate_criterion_key"
    CRITERION_MAX_NOT_POSITIVE = "criterion_max_not_positive"
    STEP_NOT_POSITIVE = "step_not_positive"
    WORLDSKILLS_DEDUCTION = "worldskills_deduction"
    TRIM_THRESHOLD_TOO_LOW = "trim_threshold_too_low"
    SPREAD_NEGATIVE = "spread_negative"
    ROUNDING_DECIMALS_NEGATIVE = "rounding_decimals_negative"
    ROUNDING_MODE_UNKNOWN = "rounding_mode_unknown"
    TIE_BREAK_UNKNOWN_COMPONENT = "tie_break_unknown_component"
    TIE_BREAK_DUPLICATE = "tie_break_duplicate"
    MIN_FIELD_NOT_POSITIVE = "min_field_not_positive"
    # checked by scheme_doc.SchemeSpec, which adds awards and time to the scheme
    AWARD_TIER_UNNAMED = "award_tier_unnamed"
    AWARD_TIER_NEGATIVE = "award_tier_negative"
    AWARD_SHARES_OVER_100 = "award_shares_over_100"
    TIE_BREAK_TIME_NOT_RECORDED = "tie_break_time_not_recorded"


@dataclass(frozen=True)
class SchemeProblem:
    """A coded problem; `subject` names the component, criterion or setting concerned."""

    code: SchemeProblemCode
    subject: str = ""


MIN_TRIM_THRESHOLD = 4


@dataclass(frozen=True)
class Scheme:
    """The whole marking scheme of one event."""

    components: tuple[Component, ...]
    rounding: Rounding = DEFAULT_ROUNDING
    tie_breaks: tuple[TieBreak, ...] = ()
    trim_threshold: int = 5
    worldskills_max_spread: Decimal = Decimal(1)
    min_field: int | None = None

    def criteria(self) -> Iterator[tuple[Component, Criterion]]:
        for component in self.components:
            for criterion in component.criteria:
                yield component, criterion

    def criterion(self, key: str) -> Criterion | None:
        return next((c for _, c in self.criteria() if c.key == key), None)

    def field_too_small(self, entrants: int) -> bool:
        """True when the field is below the configured minimum (warn, don't refuse)."""
        return self.min_field is not None and entrants < self.min_field

    def validate(self) -> list[SchemeProblem]:
        return [
            *_component_problems(self),
            *_criterion_problems(self),
            *_key_problems(self),
            *_tie_break_problems(self),
            *_setting_problems(self),
        ]


def _component_problems(scheme: Scheme) -> Iterator[SchemeProblem]:
    if not scheme.components:
        yield SchemeProblem(SchemeProblemCode.NO_COMPONENTS)
        return
    if sum((c.weight for c in scheme.components), Decimal(0)) != HUNDRED:
        yield SchemeProblem(SchemeProblemCode.WEIGHTS_NOT_100)
    for component in scheme.components:
        if component.weight < 0:
            yield SchemeProblem(SchemeProblemCode.WEIGHT_NEGATIVE, component.key)
        if not component.criteria:
            yield SchemeProblem(SchemeProblemCode.COMPONENT_EMPTY, component.key)
        elif component.base is ComponentBase.SUM and component.max_sum != HUNDRED:
            yield SchemeProblem(SchemeProblemCode.COMPONENT_MAX_NOT_100, component.key)


def _criterion_problems(scheme: Scheme) -> Iterator[SchemeProblem]:
    for _, criterion in scheme.criteria():
        if criterion.max_mark <= 0:
            yield SchemeProblem(SchemeProblemCode.CRITERION_MAX_NOT_POSITIVE, criterion.key)
        if criterion.step is not None and criterion.step <= 0:
            yield SchemeProblem(SchemeProblemCode.STEP_NOT_POSITIVE, criterion.key)
        if criterion.deduction and _is_worldskills(criterion):
            yield SchemeProblem(SchemeProblemCode.WORLDSKILLS_DEDUCTION, criterion.key)


def _is_worldskills(criterion: Criterion) -> bool:
    return (
        criterion.kind is CriterionKind.JUDGEMENT
        and criterion.aggregation is Aggregation.WORLDSKILLS
    )


def _key_problems(scheme: Scheme) -> Iterator[SchemeProblem]:
    # Criterion keys must be unique across the scheme: an entry's marks are keyed by them.
    component_keys = Counter(c.key for c in scheme.components)
    criterion_keys = Counter(c.key for _, c in scheme.criteria())
    for key, count in component_keys.items():
        if count > 1:
            yield SchemeProblem(SchemeProblemCode.DUPLICATE_COMPONENT_KEY, key)
    for key, count in criterion_keys.items():
        if count > 1:
            yield SchemeProblem(SchemeProblemCode.DUPLICATE_CRITERION_KEY, key)


def _tie_break_problems(scheme: Scheme) -> Iterator[SchemeProblem]:
    known = {c.key for c in scheme.components}
    seen: set[tuple[TieBreakKind, str | None]] = set()
    for tie_break in scheme.tie_breaks:
        subject = tie_break.component or tie_break.kind.value
        if tie_break.kind is TieBreakKind.COMPONENT and tie_break.component not in known:
            yield SchemeProblem(SchemeProblemCode.TIE_BREAK_UNKNOWN_COMPONENT, subject)
        if (tie_break.kind, tie_break.component) in seen:
            yield SchemeProblem(SchemeProblemCode.TIE_BREAK_DUPLICATE, subject)
        seen.add((tie_break.kind, tie_break.component))


def _setting_problems(scheme: Scheme) -> Iterator[SchemeProblem]:
    if scheme.trim_threshold < MIN_TRIM_THRESHOLD:
        yield SchemeProblem(SchemeProblemCode.TRIM_THRESHOLD_TOO_LOW, "trim_threshold")
    if scheme.worldskills_max_spread < 0:
        yield SchemeProblem(SchemeProblemCode.SPREAD_NEGATIVE, "worldskills_max_spread")
    if scheme.rounding.decimals < 0:
        yield SchemeProblem(SchemeProblemCode.ROUNDING_DECIMALS_NEGATIVE, "rounding")
    if scheme.rounding.mode not in ROUNDING_MODES:
        yield SchemeProblem(SchemeProblemCode.ROUNDING_MODE_UNKNOWN, "rounding")
    if scheme.min_field is not None and scheme.min_field < 1:
        yield SchemeProblem(SchemeProblemCode.MIN_FIELD_NOT_POSITIVE, "min_field")
