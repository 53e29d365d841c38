"""Turn raw spreadsheet cells into clean text, and spot ID numbers Excel has destroyed."""

from __future__ import annotations

import datetime
import math
import unicodedata

from skillsapp.domain.idcard import check_char, looks_float_mangled

# Zero-width and invisible formatting characters that sneak in from copy and paste.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"))
_PLAIN_INT_LIMIT = 1e15  # floats beyond this print in a form that keeps the damage visible
_MANGLED_MIN_DIGITS = 15
_ID_DIGITS = 18


def normalize_text(value: object) -> str:
    """Clean text for a cell: NFKC, no invisible characters, single spaces, stripped."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float_text(value)
    return _clean(str(value))


def _clean(text: str) -> str:
    """NFKC-normalise, drop invisible characters, collapse and strip whitespace."""
    # Invisible characters go first so NFKC composes what they used to separate.
    normal = unicodedata.normalize("NFKC", text.translate(_INVISIBLE))
    return " ".join(normal.split())


def _float_text(value: float) -> str:
    """Integral floats as plain integers ("13800138000"); the rest as Python prints them."""
    if math.isfinite(value) and value.is_integer() and abs(value) < _PLAIN_INT_LIMIT:
        return str(int(value))
    return str(value)


def is_float_mangled_id(value: object) -> bool:
    """True when an ID cell arrived as a number or float-shaped text that lost digits.

    Rules: a float of 15+ integer digits is always reported (Excel keeps 15 significant
    digits, and a number cell is the wrong type for an ID anyway). An int of 15 digits is
    a possible legacy ID and passes; an int of 18 digits passes only when its check digit
    is right (an intact ID from a number-typed source); any other int of 16+ digits is
    reported. Text is reported when it is float-shaped ("4.10802E+17", "…000.0") with 15+
    integer digits. Reporting never repairs: the user must re-enter the number as text.
    """
    if isinstance(value, bool):
        return False
    if isinstance(value, float):
        return math.isfinite(value) and abs(value) >= 10.0 ** (_MANGLED_MIN_DIGITS - 1)
    if isinstance(value, int):
        return _int_is_mangled(value)
    if isinstance(value, str):
        return looks_float_mangled(_clean(value))
    return False


def _int_is_mangled(value: int) -> bool:
    """Ints: 15 digits may be legacy, 18 digits must pass the checksum, 16+ otherwise fail."""
    digits = str(abs(value))
    if len(digits) <= _MANGLED_MIN_DIGITS:
        return False
    if len(digits) == _ID_DIGITS:
        return check_char(digits[:17]) != digits[17]
    return True
