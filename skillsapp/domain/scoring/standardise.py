"""WorldSkills-style standardised scores."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
_PRECISION = 34


def standardised(
    totals: Mapping[K, Decimal],
    *,
    centre: Decimal = Decimal(700),
    spread: Decimal = Decimal(100),
    decimals: int = 2,
) -> dict[K, Decimal]:
    """centre + spread × z, z from the population standard deviation; all equal → centre."""
    if not totals:
        return {}
    quantum = Decimal(1).scaleb(-decimals)
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        values = list(totals.values())
        mean = sum(values, Decimal(0)) / len(values)
        deviation = (sum(((v - mean) ** 2 for v in values), Decimal(0)) / len(values)).sqrt()
        return {
            key: _scaled(value, mean, deviation, centre, spread).quantize(
                quantum, rounding=ROUND_HALF_UP
            )
            for key, value in totals.items()
        }


def _scaled(
    value: Decimal, mean: Decimal, deviation: Decimal, centre: Decimal, spread: Decimal
) -> Decimal:
    if deviation == 0:
        return centre
    return centre + spread * (value - mean) / deviation
