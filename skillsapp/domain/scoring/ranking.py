"""Ranking by the published (rounded) total, then the scheme's tie-break chain."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, TypeVar

from skillsapp.domain.scoring._ranks import competition_ranks
from skillsapp.domain.scoring.entry import EntryScore
from skillsapp.domain.scoring.scheme import Scheme, TieBreak, TieBreakKind

K = TypeVar("K", bound=Hashable)
_WORST = Decimal("-Infinity")


@dataclass(frozen=True)
class RankedRow(Generic[K]):
    """A row of the results list.

    `rank` is None for a disqualified entry. `incomplete` marks this entry's score as
    provisional; `provisional` is True on every row when any ranked entry is incomplete.
    """

    contestant_id: K
    rank: int | None
    total: Decimal
    score: EntryScore[K]
    incomplete: bool = False
    provisional: bool = False

    @property
    def disqualified(self) -> bool:
        return self.score.disqualified


def rank_key(scheme: Scheme, score: EntryScore[K]) -> tuple[Decimal, ...]:
    """The comparison key, larger is better: rounded total, then each tie-break.

    Components compare on their values rounded to the scheme's decimals (what a
    results sheet shows), so in the worked example 87.33 beats 84.33. A missing time
    is the worst time.
    """
    return (score.total, *(_tie_value(t, score) for t in scheme.tie_breaks))


def _tie_value(tie_break: TieBreak, score: EntryScore[K]) -> Decimal:
    if tie_break.kind is TieBreakKind.TIME:
        value = score.time_used
    else:
        value = score.components_rounded[tie_break.component or ""]
    if value is None:
        return _WORST
    return value if tie_break.descending else -value


def rank(scheme: Scheme, scores: Iterable[EntryScore[K]]) -> list[RankedRow[K]]:
    """Rank entries; disqualified ones follow, unranked, in their given order.

    Entries equal on every key share a rank and keep their given order.
    """
    scores = list(scores)
    contenders = sorted(
        (s for s in scores if not s.disqualified),
        key=lambda s: rank_key(scheme, s),
        reverse=True,
    )
    ranks = competition_ranks([rank_key(scheme, s) for s in contenders])
    provisional = any(not s.complete for s in contenders)
    ranked = [_row(s, r, provisional) for s, r in zip(contenders, ranks, strict=True)]
    out = [_row(s, None, provisional) for s in scores if s.disqualified]
    return ranked + out


def _row(score: EntryScore[K], place: int | None, provisional: bool) -> RankedRow[K]:
    return RankedRow(
        contestant_id=score.contestant_id,
        rank=place,
        total=score.total,
        score=score,
        incomplete=not score.complete,
        provisional=provisional,
    )


def advancing(ranked: Sequence[RankedRow[K]], places: int) -> list[K]:
    """Who goes through when the top `places` advance: everyone tied at the cut-off."""
    return [r.contestant_id for r in ranked if r.rank is not None and r.rank <= places]
