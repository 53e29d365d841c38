"""Numbers and dates as the competition pages show and read them."""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal, InvalidOperation


def decimal_text(value: Decimal | None) -> str:
    """30 not 30.00 or 3E+1; "" for None."""
    if value is None:
        return ""
    text = f"{value.normalize():f}"
    return text


def parse_decimal(text: object) -> Decimal:
    """A typed number ("30", "30%", "３０", " 7.5 "); raises ValueError when it is none."""
    cleaned = unicodedata.normalize("NFKC", str(text)).strip().rstrip("%").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {text!r}") from exc
    if not value.is_finite():
        raise ValueError(f"not a number: {text!r}")
    return value


def parse_optional_decimal(text: object) -> Decimal | None:
    """Like parse_decimal, but an empty cell means None."""
    return None if not str(text).strip() else parse_decimal(text)


def parse_optional_int(text: object) -> int | None:
    """A whole number or None for an empty cell; raises ValueError otherwise."""
    cleaned = unicodedata.normalize("NFKC", str(text)).strip()
    return None if not cleaned else int(cleaned)


def date_text(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def date_range_text(start: dt.date | None, end: dt.date | None) -> str:
    """2025-05-20 – 05-22, 2025-05-20, or "" when no dates are set."""
    if start is None or end is None or start == end:
        return date_text(start or end)
    tail = end.strftime("%m-%d") if end.year == start.year else end.isoformat()
    return f"{start.isoformat()} – {tail}"


def local_time(moment: dt.datetime | None) -> str:
    """Stored times are UTC (SQLite returns them without a zone); show local time."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
