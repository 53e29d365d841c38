"""Exact arithmetic helpers: marks enter as Decimal, sums and means stay exact.

A mean over three judges is not a terminating decimal, so intermediate values are kept
as `Fraction` and only turned into `Decimal` for display or when a rule rounds them.
Rounding a fraction here is exact: 76.675 rounds half up to 76.68, never to 76.67.
"""

from __future__ import annotations

import math
from decimal import Decimal, localcontext
from fractions import Fraction

DISPLAY_PRECISION = 28
_HALF = Fraction(1, 2)


def exact(value: Decimal | int) -> Fraction:
    """The exact rational value of a decimal mark."""
    return Fraction(value)


def to_decimal(value: Fraction) -> Decimal:
    """The value as a Decimal: exact when it terminates, else 28 significant digits."""
    with localcontext() as ctx:
        ctx.prec = DISPLAY_PRECISION
        return Decimal(value.numerator) / Decimal(value.denominator)


def round_exact(value: Fraction, decimals: int, mode: str) -> Decimal:
    """Round an exact value to `decimals` places with a `decimal` rounding mode."""
    scaled = value * Fraction(10) ** decimals
    whole = math.floor(scaled)
    proxy = Decimal(whole) + _position(scaled - whole)
    return proxy.quantize(Decimal(1), rounding=mode).scaleb(-decimals)


def _position(rest: Fraction) -> Decimal:
    """A stand-in for `rest` (0 ≤ rest < 1) that every rounding mode treats alike."""
    if rest == 0:
        return Decimal(0)
    if rest < _HALF:
        return Decimal("0.25")
    if rest == _HALF:
        return Decimal("0.5")
    return Decimal("0.75")
