"""DOMAIN.md §1 worked example (维修电工), reproduced exactly."""

from __future__ import annotations

from decimal import Decimal

import pytest

from skillsapp.domain.scoring import (
    Aggregation,
    AwardRule,
    Component,
    Criterion,
    CriterionKind,
    Entry,
    Scheme,
    TieBreak,
    Tier,
    assign_awards,
    rank,
    score_entry,
)

D = Decimal


def _judged(key: str) -> Criterion:
    return Criterion(key, key, D(30), CriterionKind.JUDGEMENT, Aggregation.TRIMMED_MEAN)


SCHEME = Scheme(
    components=(
        Component("theory", "理论", D(30), (Criterion("T", "理论", D(100)),)),
        Component(
            "practical",
            "实操",
            D(70),
            (Criterion("P1", "P1", D(40)), _judged("P2"), _judged("P3")),
        ),
    ),
    tie_breaks=(
        TieBreak.by_component("practical"),
        TieBreak.by_time(),
        TieBreak.by_component("theory"),
    ),
)

AWARDS = AwardRule(
    tiers=(Tier("一等奖", count=1), Tier("二等奖", count=2), Tier("三等奖", count=3)),
    min_total=D(60),
)


def _entry(name: str, theory: str, p1: str, p2: str, p3: str, time: str) -> Entry[str]:
    marks = {
        "T": [D(theory)],
        "P1": [D(p1)],
        "P2": [D(v) for v in p2.split()],
        "P3": [D(v) for v in p3.split()],
    }
    return Entry(name, marks, time_used=D(time))


ENTRIES = [
    _entry("王建国", "86", "35", "25 27 26 28 20", "22 24 23 23 30", "52"),
    _entry("李秀英", "79", "38", "28 28 28 28 28", "21 22 21 20 25", "55"),
    _entry("张伟", "80", "34", "20 21 20.5 19 22", "20.5 21 20.75 20 21.5", "50"),
    _entry("刘洋", "90", "30", "24 24 24 24 24", "24 24 24 24 24", "49"),
    _entry("陈静", "90", "30", "24 24 24 24 24", "24 24 24 24 24", "49"),
    _entry("杨磊", "62", "20", "15 16 15 14 18", "12 13 14 12 11", "58"),
]
SCORES = {e.contestant_id: score_entry(SCHEME, e) for e in ENTRIES}


def test_worked_example_scheme_is_valid() -> None:
    assert SCHEME.validate() == []


@pytest.mark.parametrize(
    ("name", "practical"),
    [
        ("王建国", "84.33"),
        ("李秀英", "87.33"),
        ("张伟", "75.25"),
        ("刘洋", "78.00"),
        ("陈静", "78.00"),
        ("杨磊", "47.67"),
    ],
)
def test_practical_scores_match_the_worked_example(name: str, practical: str) -> None:
    rounded = SCORES[name].components_rounded["practical"]
    assert str(rounded) == practical


@pytest.mark.parametrize(
    ("name", "total"),
    [
        ("王建国", "84.83"),
        ("李秀英", "84.83"),
        ("张伟", "76.68"),
        ("刘洋", "81.60"),
        ("陈静", "81.60"),
        ("杨磊", "51.97"),
    ],
)
def test_totals_match_the_worked_example_to_two_decimals(name: str, total: str) -> None:
    assert str(SCORES[name].total) == total


def test_zhang_wei_exact_total_is_76_675_and_rounds_half_up() -> None:
    score = SCORES["张伟"]
    assert score.total_exact == D("76.675")
    assert score.total == D("76.68")


def test_binary_float_arithmetic_would_publish_76_67_for_zhang_wei() -> None:
    as_float = 0.3 * 80 + 0.7 * 75.25
    assert f"{as_float:.2f}" == "76.67"
    assert round(as_float, 2) == 76.67


def test_trimmed_mean_drops_only_one_of_several_equal_extremes() -> None:
    p2 = SCORES["李秀英"].criteria["P2"]
    assert p2.mark == D(28)
    assert len(p2.dropped) == 2


def test_trimmed_mean_reports_dropped_judges_by_index() -> None:
    # 王建国 P2: 25 27 26 28 20 → the 28 (judge 3) and the 20 (judge 4) are dropped.
    assert SCORES["王建国"].criteria["P2"].dropped == (3, 4)


def test_ranks_follow_rounded_totals_then_practical_then_shared() -> None:
    ranked = rank(SCHEME, SCORES.values())
    assert [(r.contestant_id, r.rank) for r in ranked] == [
        ("李秀英", 1),
        ("王建国", 2),
        ("刘洋", 3),
        ("陈静", 3),
        ("张伟", 5),
        ("杨磊", 6),
    ]
    assert not any(r.provisional for r in ranked)


def test_awards_by_count_share_the_better_tier_and_respect_minimum_total() -> None:
    awards = assign_awards(AWARDS, rank(SCHEME, SCORES.values()))
    assert awards == {
        "李秀英": "一等奖",
        "王建国": "二等奖",
        "刘洋": "二等奖",
        "陈静": "二等奖",
        "张伟": "三等奖",
        "杨磊": None,
    }
