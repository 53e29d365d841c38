"""Award tiers (一等奖 …) from ranks, by fixed counts or by shares of the field."""

from __future__ import annotations

import decimal
import enum
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import accumulate
from typing import TypeVar

from skillsapp.domain.scoring.ranking import RankedRow

K = TypeVar("K", bound=Hashable)
MERIT_AWARD = "优胜奖"


class AwardMode(enum.StrEnum):
    BY_COUNT = "by_count"
    BY_SHARE = "by_share"


@dataclass(frozen=True)
class Tier:
    """One award class; `count` is used BY_COUNT, `share` (0.10 = 10 %) BY_SHARE."""

    name: str
    count: int = 0
    share: Decimal = Decimal(0)


class MeritMode(enum.StrEnum):
    COUNT = "count"  # N more places after the last tier
    TOP_HALF = "top_half"  # everyone else in the top half of the ranked field


@dataclass(frozen=True)
class Merit:
    """The optional 优胜奖 after the tiers."""

    mode: MeritMode = MeritMode.COUNT
    count: int = 0
    name: str = MERIT_AWARD


@dataclass(frozen=True)
class AwardRule:
    """How an event's awards are given. `share_rounding` is a `decimal` rounding mode."""

    tiers: tuple[Tier, ...]
    mode: AwardMode = AwardMode.BY_COUNT
    min_total: Decimal | None = None
    share_rounding: str = decimal.ROUND_HALF_UP
    merit: Merit | None = None


def tier_counts(rule: AwardRule, ranked_count: int) -> tuple[int, ...]:
    """Places per tier; BY_SHARE rounds share × the number ranked."""
    if rule.mode is AwardMode.BY_COUNT:
        return tuple(t.count for t in rule.tiers)
    return tuple(_share_of(t.share, ranked_count, rule.share_rounding) for t in rule.tiers)


def _share_of(share: Decimal, count: int, rounding: str) -> int:
    return int((share * count).to_integral_value(rounding=rounding))


def _merit_places(rule: AwardRule, ranked_count: int, tier_places: int) -> int:
    if rule.merit is None:
        return 0
    if rule.merit.mode is MeritMode.COUNT:
        return rule.merit.count
    half = _share_of(Decimal("0.5"), ranked_count, rule.share_rounding)
    return max(0, half - tier_places)


def award_boundaries(rule: AwardRule, ranked_count: int) -> list[tuple[int, str]]:
    """(last rank covered, award name) in order: tier k ends at c1 + … + ck."""
    counts = tier_counts(rule, ranked_count)
    names = [t.name for t in rule.tiers]
    merit = _merit_places(rule, ranked_count, sum(counts))
    if rule.merit is not None and merit > 0:
        counts, names = (*counts, merit), [*names, rule.merit.name]
    return list(zip(accumulate(counts), names, strict=True))


def assign_awards(rule: AwardRule, ranked: Sequence[RankedRow[K]]) -> dict[K, str | None]:
    """Award per contestant (None for none), following rank.

    Tier k covers ranks c1+…+c(k−1)+1 … c1+…+ck, so a shared rank shares the better
    tier. Below `min_total` (the rounded total) nobody gets any award.
    """
    ranked_count = sum(1 for r in ranked if r.rank is not None)
    boundaries = award_boundaries(rule, ranked_count)
    return {r.contestant_id: _award_for(rule, r, boundaries) for r in ranked}


def _award_for(
    rule: AwardRule, row: RankedRow[K], boundaries: Sequence[tuple[int, str]]
) -> str | None:
    if row.rank is None:
        return None
    if rule.min_total is not None and row.total < rule.min_total:
        return None
    return next((name for last, name in boundaries if row.rank <= last), None)
