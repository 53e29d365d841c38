"""Titles recommended from results (技术能手, 五一劳动奖章, promotion to 技师 …)."""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from skillsapp.domain.scoring.ranking import RankedRow

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class TitleRule:
    """One line of an event's title table.

    A contestant qualifies when every condition given holds: rank within
    `min_rank`…`max_rank`, award equal to `tier`, rounded total ≥ `min_total`, and
    being an employee when `employees_only`. At least a rank or a tier is required.
    """

    title: str
    max_rank: int | None = None
    tier: str | None = None
    min_total: Decimal | None = None
    employees_only: bool = False
    promotion: bool = False  # also recommend a skill-level promotion
    granting_body: str = ""
    min_rank: int = 1

    def __post_init__(self) -> None:
        if self.max_rank is None and self.tier is None:
            raise ValueError("a title rule needs max_rank or tier")

    def qualifies(self, row: RankedRow[K], award: str | None, *, is_employee: bool) -> bool:
        if row.rank is None:
            return False
        return (
            (self.max_rank is None or self.min_rank <= row.rank <= self.max_rank)
            and (self.tier is None or award == self.tier)
            and (self.min_total is None or row.total >= self.min_total)
            and (is_employee or not self.employees_only)
        )


def recommend_titles(
    rules: Sequence[TitleRule],
    ranked: Sequence[RankedRow[K]],
    awards: Mapping[K, str | None],
    *,
    employees: Collection[K] = frozenset(),
) -> dict[K, tuple[TitleRule, ...]]:
    """Every rule each contestant satisfies, in rule order (several titles possible)."""
    return {
        row.contestant_id: tuple(
            rule
            for rule in rules
            if rule.qualifies(
                row,
                awards.get(row.contestant_id),
                is_employee=row.contestant_id in employees,
            )
        )
        for row in ranked
    }
