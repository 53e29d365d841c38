"""Shared ("competition") ranking: 1, 2, 2, 4."""

from __future__ import annotations

from collections.abc import Sequence


def competition_ranks(keys_best_first: Sequence[object]) -> list[int]:
    """Ranks for keys already sorted best first: equal keys share the better rank.

    Each rank is 1 + the number of keys strictly better.
    """
    ranks: list[int] = []
    for position, key in enumerate(keys_best_first):
        same = position > 0 and key == keys_best_first[position - 1]
        ranks.append(ranks[-1] if same else position + 1)
    return ranks
