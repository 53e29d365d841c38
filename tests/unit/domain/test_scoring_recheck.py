"""Re-check sampling (复核) and standardised scores."""

from __future__ import annotations

from decimal import Decimal

import pytest

from skillsapp.domain.scoring import recheck_needs_full, recheck_sample, standardised

D = Decimal
FIELD = list(range(1, 101))  # contestant ids in rank order


def test_recheck_sample_always_includes_the_whole_top_ten() -> None:
    for seed in range(20):
        assert recheck_sample(FIELD, seed=seed)[:10] == FIELD[:10]


def test_recheck_sample_adds_fifteen_percent_of_the_rest_rounded_up() -> None:
    sample = recheck_sample(FIELD, seed=1)
    assert len(sample) == 10 + 14  # ⌈0.15 × 90⌉ = 14 (13.5 rounded up)
    assert len(set(sample)) == len(sample)
    assert set(sample) <= set(FIELD)


def test_recheck_sample_is_reproducible_by_seed_and_kept_in_rank_order() -> None:
    first = recheck_sample(FIELD, seed=42)
    assert recheck_sample(FIELD, seed=42) == first
    assert first == sorted(first)
    assert recheck_sample(FIELD, seed=43) != first


def test_recheck_sample_of_a_small_field_is_everyone() -> None:
    assert recheck_sample([3, 1, 2], seed=0) == [3, 1, 2]


def test_recheck_needs_full_only_above_five_percent() -> None:
    assert not recheck_needs_full(100, 5)
    assert recheck_needs_full(100, 6)
    assert recheck_needs_full(20, 2, threshold=D("0.05"))


def test_recheck_needs_full_rejects_more_errors_than_checked() -> None:
    with pytest.raises(ValueError, match="errors"):
        recheck_needs_full(3, 4)


def test_standardised_scores_centre_on_700_with_100_per_deviation() -> None:
    result = standardised({"a": D(60), "b": D(80), "c": D(70)})
    # Population deviation is √(200/3) ≈ 8.165, so ±10 is ±1.2247 deviations.
    assert result == {"a": D("577.53"), "b": D("822.47"), "c": D("700.00")}


def test_standardised_scores_of_an_equal_field_are_all_700() -> None:
    assert standardised({"a": D(75), "b": D(75)}) == {"a": D(700), "b": D(700)}


def test_standardised_scores_of_nobody_are_empty() -> None:
    assert standardised({}) == {}
