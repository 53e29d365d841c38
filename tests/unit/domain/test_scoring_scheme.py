"""Scheme validation returns coded problems."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from skillsapp.domain.scoring import (
    Aggregation,
    Component,
    ComponentBase,
    Criterion,
    CriterionKind,
    Rounding,
    Scheme,
    SchemeProblem,
    SchemeProblemCode,
    TieBreak,
)

D = Decimal
Code = SchemeProblemCode
THEORY = Component("theory", "理论", D(30), (Criterion("T", "理论", D(100)),))
PRACTICAL = Component(
    "practical", "实操", D(70), (Criterion("P1", "P1", D(40)), Criterion("P2", "P2", D(60)))
)
GOOD = Scheme((THEORY, PRACTICAL), tie_breaks=(TieBreak.by_component("practical"),))


def test_a_sound_scheme_has_no_problems() -> None:
    assert GOOD.validate() == []


@pytest.mark.parametrize(
    ("scheme", "problem"),
    [
        (replace(GOOD, components=(), tie_breaks=()), SchemeProblem(Code.NO_COMPONENTS)),
        (
            replace(GOOD, components=(THEORY, replace(PRACTICAL, weight=D(60)))),
            SchemeProblem(Code.WEIGHTS_NOT_100),
        ),
        (
            replace(GOOD, components=(replace(THEORY, criteria=()), PRACTICAL)),
            SchemeProblem(Code.COMPONENT_EMPTY, "theory"),
        ),
        (
            replace(GOOD, components=(replace(THEORY, key="practical"), PRACTICAL)),
            SchemeProblem(Code.DUPLICATE_COMPONENT_KEY, "practical"),
        ),
        (
            replace(
                GOOD,
                components=(
                    replace(THEORY, criteria=(Criterion("P1", "x", D(100)),)),
                    PRACTICAL,
                ),
            ),
            SchemeProblem(Code.DUPLICATE_CRITERION_KEY, "P1"),
        ),
        (
            replace(GOOD, trim_threshold=3),
            SchemeProblem(Code.TRIM_THRESHOLD_TOO_LOW, "trim_threshold"),
        ),
        (
            replace(GOOD, tie_breaks=(TieBreak.by_component("oral"),)),
            SchemeProblem(Code.TIE_BREAK_UNKNOWN_COMPONENT, "oral"),
        ),
        (
            replace(GOOD, tie_breaks=(TieBreak.by_time(), TieBreak.by_time())),
            SchemeProblem(Code.TIE_BREAK_DUPLICATE, "time"),
        ),
        (
            replace(GOOD, rounding=Rounding(mode="HALF")),
            SchemeProblem(Code.ROUNDING_MODE_UNKNOWN, "rounding"),
        ),
        (
            replace(GOOD, rounding=Rounding(-1)),
            SchemeProblem(Code.ROUNDING_DECIMALS_NEGATIVE, "rounding"),
        ),
        (replace(GOOD, min_field=0), SchemeProblem(Code.MIN_FIELD_NOT_POSITIVE, "min_field")),
        (
            replace(GOOD, worldskills_max_spread=D(-1)),
            SchemeProblem(Code.SPREAD_NEGATIVE, "worldskills_max_spread"),
        ),
    ],
)
def test_validation_reports_the_coded_problem(scheme: Scheme, problem: SchemeProblem) -> None:
    assert scheme.validate() == [problem]


def test_non_positive_criterion_maximum_is_reported() -> None:
    bad = replace(THEORY, criteria=(Criterion("T", "T", D(100)), Criterion("Z", "Z", D(0))))
    problems = replace(GOOD, components=(bad, PRACTICAL)).validate()
    assert SchemeProblem(Code.CRITERION_MAX_NOT_POSITIVE, "Z") in problems


def test_summed_component_whose_maxima_miss_100_is_reported_but_scaled_is_not() -> None:
    partial = replace(THEORY, criteria=(Criterion("T", "T", D(50)),))
    assert replace(GOOD, components=(partial, PRACTICAL)).validate() == [
        SchemeProblem(Code.COMPONENT_MAX_NOT_100, "theory")
    ]
    scaled = replace(partial, base=ComponentBase.SCALED)
    assert replace(GOOD, components=(scaled, PRACTICAL)).validate() == []


def test_negative_weight_and_bad_step_are_reported() -> None:
    odd = replace(THEORY, weight=D(-10), criteria=(Criterion("T", "T", D(100), step=D(0)),))
    problems = replace(GOOD, components=(odd, replace(PRACTICAL, weight=D(110)))).validate()
    assert problems == [
        SchemeProblem(Code.WEIGHT_NEGATIVE, "theory"),
        SchemeProblem(Code.STEP_NOT_POSITIVE, "T"),
    ]


def test_worldskills_criterion_cannot_be_a_deduction() -> None:
    ws = Criterion(
        "T", "T", D(100), CriterionKind.JUDGEMENT, Aggregation.WORLDSKILLS, deduction=True
    )
    problems = replace(GOOD, components=(replace(THEORY, criteria=(ws,)), PRACTICAL)).validate()
    assert problems == [SchemeProblem(Code.WORLDSKILLS_DEDUCTION, "T")]


def test_problem_codes_are_plain_strings() -> None:
    assert Code.WEIGHTS_NOT_100 == "weights_not_100"


def test_field_below_the_minimum_is_flagged() -> None:
    scheme = replace(GOOD, min_field=30)
    assert scheme.field_too_small(29)
    assert not scheme.field_too_small(30)
    assert not GOOD.field_too_small(1)
