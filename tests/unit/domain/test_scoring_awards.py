"""Awards by share and count, minimum total, 优胜奖, and title recommendations."""

from __future__ import annotations

import decimal
from decimal import Decimal

import pytest

from skillsapp.domain.scoring import (
    AwardMode,
    AwardRule,
    Component,
    Criterion,
    Entry,
    Merit,
    MeritMode,
    RankedRow,
    Scheme,
    Tier,
    TitleRule,
    assign_awards,
    rank,
    recommend_titles,
    score_entry,
    tier_counts,
)

D = Decimal
SCHEME = Scheme(components=(Component("c", "c", D(100), (Criterion("x", "x", D(100)),)),))
NATIONAL = (
    Tier("一等奖", share=D("0.10")),
    Tier("二等奖", share=D("0.20")),
    Tier("三等奖", share=D("0.30")),
)


def _ranked(*totals: int) -> list[RankedRow[int]]:
    """Contestant i has total totals[i]."""
    scores = [score_entry(SCHEME, Entry(i, {"x": [D(t)]})) for i, t in enumerate(totals)]
    return rank(SCHEME, scores)


def _names(awards: dict[int, str | None]) -> list[str | None]:
    return [awards[i] for i in sorted(awards)]


def test_share_mode_counts_round_half_up_by_default() -> None:
    rule = AwardRule(NATIONAL, AwardMode.BY_SHARE)
    assert tier_counts(rule, 25) == (3, 5, 8)  # 2.5 → 3, 5, 7.5 → 8


@pytest.mark.parametrize(
    ("rounding", "expected"),
    [(decimal.ROUND_FLOOR, (2, 4, 7)), (decimal.ROUND_CEILING, (3, 5, 8))],
)
def test_share_mode_count_rounding_is_configurable(
    rounding: str, expected: tuple[int, ...]
) -> None:
    rule = AwardRule(NATIONAL, AwardMode.BY_SHARE, share_rounding=rounding)
    assert tier_counts(rule, 24) == expected  # 2.4, 4.8, 7.2


def test_share_mode_awards_follow_the_computed_counts() -> None:
    rule = AwardRule(NATIONAL, AwardMode.BY_SHARE)
    awards = assign_awards(rule, _ranked(*range(100, 90, -1)))  # ten contestants
    assert (
        _names(awards) == ["一等奖", "二等奖", "二等奖", "三等奖", "三等奖", "三等奖"] + [None] * 4
    )


def test_disqualified_contestants_do_not_count_towards_the_share_base() -> None:
    scores = [
        score_entry(SCHEME, Entry(i, {"x": [D(90 - i)]}, disqualified=i >= 10)) for i in range(20)
    ]
    rule = AwardRule((Tier("一等奖", share=D("0.10")),), AwardMode.BY_SHARE)
    awards = assign_awards(rule, rank(SCHEME, scores))
    assert [cid for cid, name in awards.items() if name] == [0]


def test_minimum_total_excludes_everyone_below_it_from_any_award() -> None:
    rule = AwardRule((Tier("一等奖", count=1), Tier("二等奖", count=3)), min_total=D(60))
    assert _names(assign_awards(rule, _ranked(80, 61, 60, 59))) == [
        "一等奖",
        "二等奖",
        "二等奖",
        None,
    ]


def test_tie_across_a_boundary_shares_the_better_tier_and_shrinks_the_next() -> None:
    rule = AwardRule((Tier("一等奖", count=1), Tier("二等奖", count=2), Tier("三等奖", count=1)))
    awards = _names(assign_awards(rule, _ranked(90, 80, 70, 70, 60)))
    assert awards == ["一等奖", "二等奖", "二等奖", "二等奖", None]


def test_merit_award_covers_n_more_places() -> None:
    rule = AwardRule((Tier("一等奖", count=1),), merit=Merit(MeritMode.COUNT, 2))
    assert _names(assign_awards(rule, _ranked(90, 80, 70, 60))) == [
        "一等奖",
        "优胜奖",
        "优胜奖",
        None,
    ]


def test_merit_award_for_the_top_half_fills_up_to_half_the_field() -> None:
    rule = AwardRule((Tier("一等奖", count=1),), merit=Merit(MeritMode.TOP_HALF))
    awards = _names(assign_awards(rule, _ranked(90, 85, 80, 75, 70, 65, 60, 55)))
    assert awards == ["一等奖", "优胜奖", "优胜奖", "优胜奖", None, None, None, None]


def test_merit_award_respects_the_minimum_total() -> None:
    rule = AwardRule((Tier("一等奖", count=1),), min_total=D(70), merit=Merit(count=5))
    assert _names(assign_awards(rule, _ranked(90, 80, 60))) == ["一等奖", "优胜奖", None]


def test_titles_combine_rank_tier_and_employee_conditions() -> None:
    ranked = _ranked(95, 90, 85, 80)
    awards = {0: "一等奖", 1: "二等奖", 2: "二等奖", 3: None}
    medal = TitleRule("五一劳动奖章", max_rank=1)
    expert = TitleRule("技术能手", max_rank=3, employees_only=True, promotion=True)
    second = TitleRule("优秀选手", tier="二等奖")
    titles = recommend_titles([medal, expert, second], ranked, awards, employees={0, 2, 3})
    assert titles == {0: (medal, expert), 1: (second,), 2: (expert, second), 3: ()}


def test_titles_respect_the_minimum_total_and_skip_the_disqualified() -> None:
    scores = [
        score_entry(SCHEME, Entry(0, {"x": [D(99)]}, disqualified=True)),
        score_entry(SCHEME, Entry(1, {"x": [D(50)]})),
    ]
    rule = TitleRule("技术能手", max_rank=2, min_total=D(60))
    assert recommend_titles([rule], rank(SCHEME, scores), {}) == {1: (), 0: ()}


def test_title_rule_needs_a_rank_or_a_tier() -> None:
    with pytest.raises(ValueError, match="max_rank or tier"):
        TitleRule("技术能手")
