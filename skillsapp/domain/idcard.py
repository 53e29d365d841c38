"""Chinese resident ID numbers (GB 11643-1999): normalise, validate, mask, build."""

from __future__ import annotations

import datetime
import enum
import re
from dataclasses import dataclass

from skillsapp.domain.enums import Gender

WEIGHTS: tuple[int, ...] = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
EARLIEST_BIRTH_YEAR = 1800

# Full-width ASCII block (U+FF01..U+FF5E) maps onto U+0021..U+007E by a fixed offset.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FLOAT_TEXT = re.compile(r"[+-]?(\d+)(?:\.\d*)?E[+-]?\d+|(\d+)\.0+")
_MANGLED_MIN_DIGITS = 15


class IdError(enum.StrEnum):
    """Why an ID number was refused; the UI translates the code."""

    EMPTY = "empty"
    LENGTH = "length"
    CHARS = "chars"
    BIRTH_DATE = "birth_date"
    FUTURE_BIRTH = "future_birth"
    CHECKSUM = "checksum"
    LEGACY_NOT_ALLOWED = "legacy_not_allowed"
    FLOAT_MANGLED = "float_mangled"


class IdNumberInvalid(ValueError):
    """An ID number failed validation; `code` says why."""

    def __init__(self, code: IdError, number: str) -> None:
        super().__init__(f"{code}: {mask_id(number)}")  # never log a full ID number
        self.code = code
        self.number = number


@dataclass(frozen=True)
class IdInfo:
    """A validated ID number and what it encodes."""

    number: str
    birth_date: datetime.date
    gender: Gender
    legacy: bool


def normalize_id(raw: str) -> str:
    """Remove all whitespace, map full-width characters to ASCII, upper-case."""
    text = raw.translate(_FULL_WIDTH)
    return "".join(text.split()).upper()


def check_char(first17: str) -> str:
    """Return the GB 11643 check character for the first 17 digits."""
    if len(first17) != 17 or not (first17.isascii() and first17.isdigit()):
        raise ValueError("check_char needs exactly 17 ASCII digits")
    total = sum(int(digit) * weight for digit, weight in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]


def looks_float_mangled(text: str) -> bool:
    """True for float-shaped text ("4.10802E+17", "…000.0") of 15 or more integer digits."""
    normal = normalize_id(text)
    match = _FLOAT_TEXT.fullmatch(normal)
    if match is None:
        return False
    if match.group(2) is not None:
        return len(match.group(2)) >= _MANGLED_MIN_DIGITS
    return abs(float(normal)) >= 10.0 ** (_MANGLED_MIN_DIGITS - 1)


def parse_id(raw: str, *, allow_legacy: bool = False, today: datetime.date | None = None) -> IdInfo:
    """Validate an ID number and return its birth date and gender; raise IdNumberInvalid."""
    number = normalize_id(raw)
    _check_shape(number, allow_legacy=allow_legacy)
    legacy = len(number) == 15
    birth = _birth_date(number, legacy=legacy)
    if birth > (today or datetime.date.today()):
        raise IdNumberInvalid(IdError.FUTURE_BIRTH, number)
    if not legacy and check_char(number[:17]) != number[17]:
        raise IdNumberInvalid(IdError.CHECKSUM, number)
    sequence = int(number[12:15] if legacy else number[14:17])
    gender = Gender.MALE if sequence % 2 else Gender.FEMALE
    return IdInfo(number=number, birth_date=birth, gender=gender, legacy=legacy)


def _check_shape(number: str, *, allow_legacy: bool) -> None:
    """Refuse empty, float-mangled, wrong-length or wrong-character numbers."""
    if not number:
        raise IdNumberInvalid(IdError.EMPTY, number)
    if looks_float_mangled(number):
        raise IdNumberInvalid(IdError.FLOAT_MANGLED, number)
    if len(number) not in (15, 18):
        raise IdNumberInvalid(IdError.LENGTH, number)
    if not _has_valid_chars(number):
        raise IdNumberInvalid(IdError.CHARS, number)
    if len(number) == 15 and not allow_legacy:
        raise IdNumberInvalid(IdError.LEGACY_NOT_ALLOWED, number)


def _has_valid_chars(number: str) -> bool:
    """True when all characters are ASCII digits, bar a final X on 18-character numbers."""
    body = number[:17] if len(number) == 18 else number
    tail_ok = len(number) != 18 or number[17] in "0123456789X"
    return body.isascii() and body.isdigit() and tail_ok


def _birth_date(number: str, *, legacy: bool) -> datetime.date:
    """Decode the birth date (legacy YYMMDD means 19YY)."""
    text = "19" + number[6:12] if legacy else number[6:14]
    try:
        birth = datetime.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise IdNumberInvalid(IdError.BIRTH_DATE, number) from None
    if birth.year < EARLIEST_BIRTH_YEAR:
        raise IdNumberInvalid(IdError.BIRTH_DATE, number)
    return birth


def is_valid_id(
    raw: str, *, allow_legacy: bool = False, today: datetime.date | None = None
) -> bool:
    """True when parse_id would accept the number."""
    try:
        parse_id(raw, allow_legacy=allow_legacy, today=today)
    except IdNumberInvalid:
        return False
    return True


def mask_id(number: str) -> str:
    """Keep the first 6 and last 4 characters, star the rest; never raises."""
    text = normalize_id(number)
    if len(text) > 10:
        return text[:6] + "*" * (len(text) - 10) + text[-4:]
    keep = len(text) // 4  # short input: show at most a quarter at each end
    if keep == 0:
        return "*" * len(text)
    return text[:keep] + "*" * (len(text) - 2 * keep) + text[-keep:]


def make_id(address: str, birth: datetime.date, seq: int) -> str:
    """Build a valid 18-character number (demo data and tests)."""
    if len(address) != 6 or not (address.isascii() and address.isdigit()):
        raise ValueError("address must be 6 ASCII digits")
    if not 0 <= seq <= 999:
        raise ValueError("seq must be in 0..999")
    first17 = f"{address}{birth.year:04d}{birth.month:02d}{birth.day:02d}{seq:03d}"
    return first17 + check_char(first17)
