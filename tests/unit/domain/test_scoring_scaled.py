"""The integer path (`scoring.scaled`) gives exactly what `score_entry` gives."""

from __future__ import annotations

import decimal
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillsapp.domain.scoring import (
    Aggregation,
    Component,
    ComponentBase,
    Criterion,
    CriterionKind,
    Entry,
    EntryInvalid,
    EntryScore,
    Rounding,
    Scheme,
    score_entry,
)
from skillsapp.domain.scoring.scaled import ScaledScorer, round_ratio, scaled

D = Decimal
MODES = sorted(
    [decimal.ROUND_HALF_UP, decimal.ROUND_HALF_EVEN, decimal.ROUND_DOWN, decimal.ROUND_CEILING]
)


def _criteria() -> tuple[Criterion, ...]:
    judgement = CriterionKind.JUDGEMENT
    return (
        Criterion("M", "测量", D(20)),
        Criterion("MD", "测量扣分", D("12.5"), deduction=True),
        Criterion("J", "评判", D(30), judgement, Aggregation.TRIMMED_MEAN),
        Criterion("JM", "评判均值", D("17.5"), judgement, Aggregation.MEAN, deduction=True),
        Criterion("W", "世赛", D(20), judgement, Aggregation.WORLDSKILLS),
    )


def _scheme(decimals: int, mode: str, base: ComponentBase, weight: Decimal) -> Scheme:
    criteria = _criteria()
    return Scheme(
        components=(
            Component("theory", "理论", weight, (Criterion("T", "理论", D(100)),)),
            Component("practical", "实操", D(100) - weight, criteria, base),
        ),
        rounding=Rounding(decimals, mode),
        trim_threshold=4,
        worldskills_max_spread=D("1.25"),
    )


mark = st.decimals(min_value=0, max_value=40, places=4, allow_nan=False, allow_infinity=False)
small = st.decimals(min_value=0, max_value=3, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def marks(draw: st.DrawFn) -> dict[str, list[Decimal]]:
    values = {
        "T": [draw(st.decimals(min_value=0, max_value=100, places=3))],
        "M": [draw(st.decimals(min_value=0, max_value=20, places=4))],
        "MD": draw(st.lists(st.decimals(min_value=0, max_value=9, places=1), max_size=3)),
        "J": draw(st.lists(st.decimals(min_value=0, max_value=30, places=2), max_size=7)),
        "JM": draw(st.lists(mark, max_size=4)),
        "W": draw(st.lists(small, max_size=4)),
    }
    # Some criteria not marked at all: the score lists them as missing.
    return {k: v for k, v in values.items() if draw(st.booleans()) or k == "T"}


def _same(fast: EntryScore[int], slow: EntryScore[int]) -> None:
    assert replace(fast, criteria=slow.criteria) == slow


@settings(max_examples=300, deadline=None)
@given(
    values=marks(),
    decimals=st.integers(min_value=0, max_value=3),
    mode=st.sampled_from(MODES),
    base=st.sampled_from(list(ComponentBase)),
    weight=st.sampled_from([D(0), D(30), D("35.5"), D(100)]),
)
def test_scaled_scores_equal_the_fraction_path(
    values: dict[str, list[Decimal]],
    decimals: int,
    mode: str,
    base: ComponentBase,
    weight: Decimal,
) -> None:
    scheme = _scheme(decimals, mode, base, weight)
    entry = Entry(1, values, time_used=D(50))
    as_ints = {k: [int(v.scaleb(4)) for v in vs] for k, vs in values.items()}
    fast = ScaledScorer[int](scheme).score(1, as_ints, time_used=D(50))
    _same(fast, score_entry(scheme, entry))


@settings(max_examples=300, deadline=None)
@given(
    num=st.integers(min_value=-(10**9), max_value=10**9),
    den=st.integers(min_value=1, max_value=10**6),
    decimals=st.integers(min_value=0, max_value=4),
    mode=st.sampled_from(MODES),
)
def test_round_ratio_rounds_like_the_domain(num: int, den: int, decimals: int, mode: str) -> None:
    from fractions import Fraction

    rounding = Rounding(decimals, mode)
    assert round_ratio(num, den, rounding) == rounding.apply(Fraction(num, den))


def test_the_worked_example_total_rounds_half_up_exactly() -> None:
    # 30 % of 80 + 70 % of 75.25 = 76.675, which binary floats turn into 76.67.
    rounding = Rounding(2, decimal.ROUND_HALF_UP)
    assert str(round_ratio(76675, 1000, rounding)) == "76.68"


def test_a_mark_above_the_maximum_raises_like_score_entry() -> None:
    scheme = _scheme(2, decimal.ROUND_HALF_UP, ComponentBase.SUM, D(30))
    with pytest.raises(EntryInvalid):
        ScaledScorer[int](scheme).score(1, {"T": [101 * 10_000]})


def test_a_scheme_with_five_decimals_falls_back_to_the_fraction_path() -> None:
    scheme = Scheme(
        components=(Component("p", "实操", D(100), (Criterion("A", "A", D("100.00001")),)),)
    )
    score = ScaledScorer[int](scheme).score(1, {"A": [50 * 10_000]})
    assert score == score_entry(scheme, Entry(1, {"A": [D(50)]}))
    assert scaled(D("0.00001")) is None
