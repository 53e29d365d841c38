"""Unit team scores per event and standings over a meet."""

from __future__ import annotations

from decimal import Decimal

import pytest

from skillsapp.domain.scoring import (
    Component,
    Criterion,
    Entry,
    RankedRow,
    Scheme,
    TeamMode,
    TeamRule,
    TeamScore,
    rank,
    score_entry,
    team_scores,
    unit_standings,
)

D = Decimal
SCHEME = Scheme(components=(Component("c", "c", D(100), (Criterion("x", "x", D(100)),)),))
# contestant → (unit, total); unit A has four members, so only its best three count.
FIELD = {
    "a1": ("A", 90),
    "a2": ("A", 60),
    "a3": ("A", 80),
    "a4": ("A", 50),
    "b1": ("B", 85),
    "b2": ("B", 84),
    "c1": ("C", 95),
    "x": ("X", 99),
}


def _ranked(disqualified: frozenset[str] = frozenset()) -> list[RankedRow[str]]:
    scores = [
        score_entry(SCHEME, Entry(cid, {"x": [D(t)]}, disqualified=cid in disqualified))
        for cid, (_, t) in FIELD.items()
    ]
    return rank(SCHEME, scores)


UNIT_OF = {cid: unit for cid, (unit, _) in FIELD.items()}


def _summary(teams: list[TeamScore[str, str]]) -> list[tuple[str, Decimal, int]]:
    return [(t.unit, t.score, t.rank) for t in teams]


def test_best_three_sum_counts_only_each_units_three_best() -> None:
    teams = team_scores(_ranked(frozenset({"x"})), UNIT_OF, TeamRule(TeamMode.BEST_K_SUM))
    assert _summary(teams) == [("A", D("230.00"), 1), ("B", D("169.00"), 2), ("C", D("95.00"), 3)]
    assert teams[0].members == ("a1", "a3", "a2")


def test_best_k_mean_averages_the_members_counted() -> None:
    teams = team_scores(_ranked(), UNIT_OF, TeamRule(TeamMode.BEST_K_MEAN, k=2))
    assert _summary(teams) == [
        ("X", D("99.00"), 1),
        ("C", D("95.00"), 2),
        ("A", D("85.00"), 3),
        ("B", D("84.50"), 4),
    ]


def test_points_by_place_give_seven_five_four_three_two_one() -> None:
    # Ranks: x 1, c1 2, a1 3, b1 4, b2 5, a3 6, a2 7, a4 8.
    teams = team_scores(_ranked(), UNIT_OF, TeamRule(TeamMode.POINTS_BY_PLACE))
    assert _summary(teams) == [("X", D(7), 1), ("C", D(5), 2), ("A", D(5), 2), ("B", D(5), 2)]


def test_points_by_place_give_a_shared_rank_the_better_places_points() -> None:
    scores = [score_entry(SCHEME, Entry(c, {"x": [D(t)]})) for c, t in (("p", 90), ("q", 90))]
    teams = team_scores(
        rank(SCHEME, scores), {"p": "P", "q": "Q"}, TeamRule(TeamMode.POINTS_BY_PLACE)
    )
    assert _summary(teams) == [("P", D(7), 1), ("Q", D(7), 1)]


def test_points_by_award_need_the_awards() -> None:
    with pytest.raises(ValueError, match="awards"):
        team_scores(_ranked(), UNIT_OF, TeamRule(TeamMode.POINTS_BY_AWARD))


def test_points_by_award_add_each_members_award_points() -> None:
    awards = {"x": "一等奖", "c1": "二等奖", "a1": "二等奖", "b1": "三等奖", "a3": "三等奖"}
    rule = TeamRule(
        TeamMode.POINTS_BY_AWARD, award_points={"一等奖": D(8), "二等奖": D(4), "三等奖": D(2)}
    )
    teams = team_scores(_ranked(), UNIT_OF, rule, awards=awards)
    assert _summary(teams) == [("X", D(8), 1), ("A", D(6), 2), ("C", D(4), 3), ("B", D(2), 4)]


def test_contestants_without_a_unit_are_left_out() -> None:
    unit_of = {cid: unit for cid, unit in UNIT_OF.items() if cid != "x"}
    teams = team_scores(_ranked(), unit_of, TeamRule())
    assert "X" not in [t.unit for t in teams]


def test_unit_standings_add_team_scores_over_events_with_shared_ranks() -> None:
    event1 = [TeamScore("A", D(10), (), 1), TeamScore("B", D(7), (), 2)]
    event2 = [TeamScore("B", D(5), (), 1), TeamScore("C", D(2), (), 2)]
    event3 = [TeamScore("C", D(10), (), 1)]
    standings = unit_standings([event1, event2, event3])
    assert [(s.unit, s.total, s.rank, s.events) for s in standings] == [
        ("B", D(12), 1, 2),
        ("C", D(12), 1, 2),
        ("A", D(10), 3, 1),
    ]
