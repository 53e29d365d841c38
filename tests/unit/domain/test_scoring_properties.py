"""Properties of scoring, ranking and awards that must hold for any marks."""

from __future__ import annotations

from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from itertools import pairwise

from hypothesis import assume, given
from hypothesis import strategies as st

from skillsapp.domain.scoring import (
    Aggregation,
    AwardRule,
    Component,
    ComponentBase,
    Criterion,
    CriterionKind,
    Entry,
    EntryScore,
    RankedRow,
    Rounding,
    Scheme,
    TieBreak,
    Tier,
    aggregate_judges,
    assign_awards,
    rank,
    score_entry,
)

D = Decimal
SCHEME = Scheme(
    components=(
        Component("theory", "理论", D(30), (Criterion("T", "理论", D(100)),)),
        Component(
            "practical",
            "实操",
            D(70),
            (
                Criterion("P1", "P1", D(40)),
                Criterion("P2", "P2", D(60), CriterionKind.JUDGEMENT, Aggregation.TRIMMED_MEAN),
            ),
        ),
    ),
    tie_breaks=(TieBreak.by_component("practical"), TieBreak.by_time()),
)

# Few distinct values, so that equal totals and equal tie-break keys are common.
theory = st.sampled_from([D(60), D(70), D("70.5"), D(80)])
p1 = st.sampled_from([D(20), D(30), D(40)])
judge = st.sampled_from([D(30), D(40), D("40.5"), D(45), D(60)])
time = st.one_of(st.none(), st.sampled_from([D(40), D(45), D(50)]))


@st.composite
def entries(draw: st.DrawFn) -> list[Entry[int]]:
    count = draw(st.integers(min_value=1, max_value=12))
    return [
        Entry(
            i,
            {
                "T": [draw(theory)],
                "P1": [draw(p1)],
                "P2": draw(st.lists(judge, min_size=1, max_size=6)),
            },
            time_used=draw(time),
        )
        for i in range(count)
    ]


def _expected_key(score: EntryScore[int]) -> tuple[Decimal, ...]:
    """The key written out by hand: total ↓, practical (rounded) ↓, time ↑ (None worst)."""
    practical = score.components_rounded["practical"]
    time_key = -score.time_used if score.time_used is not None else D("-Infinity")
    return score.total, practical, time_key


def _ranked(batch: list[Entry[int]]) -> list[RankedRow[int]]:
    return rank(SCHEME, [score_entry(SCHEME, e) for e in batch])


@given(entries())
def test_ranking_is_a_permutation_of_the_entries(batch: list[Entry[int]]) -> None:
    ranked = _ranked(batch)
    assert sorted(r.contestant_id for r in ranked) == [e.contestant_id for e in batch]


@given(entries())
def test_earlier_rows_never_have_a_smaller_key(batch: list[Entry[int]]) -> None:
    keys = [_expected_key(r.score) for r in _ranked(batch)]
    assert all(a >= b for a, b in pairwise(keys))
    totals = [k[0] for k in keys]
    assert totals == sorted(totals, reverse=True)


@given(entries())
def test_rank_is_one_plus_the_number_strictly_better(batch: list[Entry[int]]) -> None:
    ranked = _ranked(batch)
    keys = [_expected_key(r.score) for r in ranked]
    for row, key in zip(ranked, keys, strict=True):
        assert row.rank == 1 + sum(1 for other in keys if other > key)


@given(entries(), st.data())
def test_adding_a_mark_to_one_contestant_leaves_other_totals_alone(
    batch: list[Entry[int]], data: st.DataObject
) -> None:
    target = data.draw(st.sampled_from(batch))
    extra = data.draw(judge)
    changed = [
        Entry(e.contestant_id, {**e.marks, "P2": [*e.marks["P2"], extra]}, e.time_used)
        if e is target
        else e
        for e in batch
    ]
    before = {e.contestant_id: score_entry(SCHEME, e).total for e in batch}
    after = {e.contestant_id: score_entry(SCHEME, e).total for e in changed}
    del before[target.contestant_id], after[target.contestant_id]
    assert before == after


@given(
    st.lists(st.integers(min_value=0, max_value=3), min_size=1, max_size=4),
    st.lists(st.integers(min_value=0, max_value=1000), min_size=1, max_size=30, unique=True),
)
def test_each_tier_gets_exactly_its_count_without_ties(
    counts: list[int], totals: list[int]
) -> None:
    assume(sum(counts) <= len(totals))
    criterion = Criterion("x", "x", D(1000))
    scheme = Scheme(components=(Component("c", "c", D(100), (criterion,), ComponentBase.SCALED),))
    scores = [score_entry(scheme, Entry(i, {"x": [D(t)]})) for i, t in enumerate(totals)]
    rule = AwardRule(tiers=tuple(Tier(f"tier{k}", count=c) for k, c in enumerate(counts)))
    awarded = Counter(assign_awards(rule, rank(scheme, scores)).values())
    for k, count in enumerate(counts):
        assert awarded[f"tier{k}"] == count
    assert awarded[None] == len(totals) - sum(counts)


@given(entries())
def test_a_better_rank_never_gets_a_worse_award(batch: list[Entry[int]]) -> None:
    rule = AwardRule(tiers=(Tier("a", count=1), Tier("b", count=2), Tier("c", count=3)))
    ranked = _ranked(batch)
    awards = assign_awards(rule, ranked)
    order = {"a": 0, "b": 1, "c": 2, None: 3}
    levels = [order[awards[r.contestant_id]] for r in ranked]
    assert levels == sorted(levels)


marks = st.decimals(min_value=0, max_value=100, places=2)


@given(marks, st.integers(min_value=1, max_value=9))
def test_trimmed_mean_of_equal_marks_is_that_mark(mark: Decimal, judges: int) -> None:
    result = aggregate_judges([mark] * judges, Aggregation.TRIMMED_MEAN, max_mark=D(100))
    assert result.mark == mark


@given(st.lists(marks, min_size=1, max_size=9), st.integers(min_value=4, max_value=7))
def test_trimmed_mean_lies_between_lowest_and_highest(
    values: list[Decimal], threshold: int
) -> None:
    result = aggregate_judges(
        values, Aggregation.TRIMMED_MEAN, max_mark=D(100), trim_threshold=threshold
    )
    assert min(values) <= result.mark <= max(values)
    assert len(result.dropped) == (2 if len(values) >= threshold else 0)


@given(st.decimals(min_value=-1000, max_value=1000, places=6), st.integers(0, 4))
def test_exact_rounding_agrees_with_decimal_quantize(value: Decimal, decimals: int) -> None:
    expected = value.quantize(D(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    assert Rounding(decimals).apply(value) == expected
    assert str(Rounding(decimals).apply(value)) == str(expected)
