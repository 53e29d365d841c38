"""Unit (参赛单位) team scores per event and standings over a meet."""

from __future__ import annotations

import enum
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Generic, TypeVar

from skillsapp.domain.scoring._ranks import competition_ranks
from skillsapp.domain.scoring.ranking import RankedRow
from skillsapp.domain.scoring.scheme import DEFAULT_ROUNDING, Rounding

K = TypeVar("K", bound=Hashable)
U = TypeVar("U", bound=Hashable)
DEFAULT_PLACE_POINTS = tuple(Decimal(p) for p in (7, 5, 4, 3, 2, 1))


class TeamMode(enum.StrEnum):
    BEST_K_SUM = "best_k_sum"
    BEST_K_MEAN = "best_k_mean"
    POINTS_BY_PLACE = "points_by_place"
    POINTS_BY_AWARD = "points_by_award"


@dataclass(frozen=True)
class TeamRule:
    """How a unit's team score is formed from its best `k` members (None: all).

    Places points go by rank, so contestants sharing a rank both get the better
    place's points; the mean is over the members counted.
    """

    mode: TeamMode = TeamMode.BEST_K_SUM
    k: int | None = 3
    place_points: tuple[Decimal, ...] = DEFAULT_PLACE_POINTS
    award_points: Mapping[str, Decimal] = field(default_factory=dict)
    rounding: Rounding = DEFAULT_ROUNDING


@dataclass(frozen=True)
class TeamScore(Generic[U, K]):
    unit: U
    score: Decimal
    members: tuple[K, ...]  # the members counted, best first
    rank: int
    provisional: bool = False


def team_scores(
    ranked: Sequence[RankedRow[K]],
    unit_of: Mapping[K, U],
    rule: TeamRule,
    *,
    awards: Mapping[K, str | None] | None = None,
) -> list[TeamScore[U, K]]:
    """Team scores of one event, best first with shared ranks.

    Disqualified contestants and those without a unit do not count.
    """
    if rule.mode is TeamMode.POINTS_BY_AWARD and awards is None:
        raise ValueError("points by award need the awards")
    counted = [r for r in ranked if r.rank is not None and r.contestant_id in unit_of]
    points = {r.contestant_id: _points(rule, r, awards or {}) for r in counted}
    by_unit: dict[U, list[K]] = {}
    for row in counted:
        by_unit.setdefault(unit_of[row.contestant_id], []).append(row.contestant_id)
    teams = [_team(unit, members, points, rule) for unit, members in by_unit.items()]
    return _ranked_teams(teams, provisional=any(r.provisional for r in ranked))


def _points(rule: TeamRule, row: RankedRow[K], awards: Mapping[K, str | None]) -> Decimal:
    if rule.mode is TeamMode.POINTS_BY_PLACE:
        place = row.rank or 0
        return rule.place_points[place - 1] if place <= len(rule.place_points) else Decimal(0)
    if rule.mode is TeamMode.POINTS_BY_AWARD:
        award = awards.get(row.contestant_id)
        return rule.award_points.get(award, Decimal(0)) if award else Decimal(0)
    return row.total


def _team(
    unit: U, members: list[K], points: Mapping[K, Decimal], rule: TeamRule
) -> tuple[U, Decimal, tuple[K, ...]]:
    # `members` arrive in rank order; a stable sort keeps it among equal points.
    best = sorted(members, key=lambda m: points[m], reverse=True)[: rule.k]
    total = sum((points[m] for m in best), Decimal(0))
    if rule.mode is TeamMode.BEST_K_MEAN:
        total = rule.rounding.apply(Fraction(total) / len(best))
    return unit, total, tuple(best)


def _ranked_teams(
    teams: Iterable[tuple[U, Decimal, tuple[K, ...]]], *, provisional: bool
) -> list[TeamScore[U, K]]:
    ordered = sorted(teams, key=lambda t: t[1], reverse=True)
    ranks = competition_ranks([score for _, score, _ in ordered])
    return [
        TeamScore(unit, score, members, place, provisional)
        for (unit, score, members), place in zip(ordered, ranks, strict=True)
    ]


@dataclass(frozen=True)
class UnitStanding(Generic[U]):
    unit: U
    total: Decimal
    rank: int
    events: int  # events in which the unit had a team score


def unit_standings(events: Iterable[Sequence[TeamScore[U, K]]]) -> list[UnitStanding[U]]:
    """Add each unit's team scores over the events of a meet; best first, shared ranks."""
    totals: dict[U, Decimal] = {}
    counts: dict[U, int] = {}
    for event in events:
        for team in event:
            totals[team.unit] = totals.get(team.unit, Decimal(0)) + team.score
            counts[team.unit] = counts.get(team.unit, 0) + 1
    ordered = sorted(totals, key=totals.__getitem__, reverse=True)
    ranks = competition_ranks([totals[u] for u in ordered])
    return [UnitStanding(u, totals[u], r, counts[u]) for u, r in zip(ordered, ranks, strict=True)]
