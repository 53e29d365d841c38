"""Re-checking (复核) against the signed score sheets."""

from __future__ import annotations

import random
from collections.abc import Hashable, Sequence
from decimal import ROUND_CEILING, Decimal
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def recheck_sample(
    ranked_ids: Sequence[K],
    *,
    top: int = 10,
    share: Decimal = Decimal("0.15"),
    seed: int,
) -> list[K]:
    """All of the top `top` plus ⌈share × the rest⌉ drawn at random, in rank order.

    The same seed draws the same sample, so the draw can be recorded and repeated.
    """
    head, rest = list(ranked_ids[:top]), list(ranked_ids[top:])
    size = int((share * len(rest)).to_integral_value(rounding=ROUND_CEILING))
    drawn = sorted(random.Random(seed).sample(range(len(rest)), min(size, len(rest))))
    return head + [rest[i] for i in drawn]


def recheck_needs_full(checked: int, errors: int, threshold: Decimal = Decimal("0.05")) -> bool:
    """True when the error rate among the re-checked entries is above `threshold`."""
    if errors < 0 or errors > checked:
        raise ValueError("errors must lie between 0 and the number checked")
    return errors > threshold * checked
