"""Resident ID rules (GB 11643-1999)."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skillsapp.domain.enums import Gender
from skillsapp.domain.idcard import (
    IdError,
    IdNumberInvalid,
    check_char,
    is_valid_id,
    make_id,
    mask_id,
    normalize_id,
    parse_id,
)

VALID = ["11010519491231002X", "440524188001010014", "120103198806018241", "34052419800101001X"]
TODAY = datetime.date(2024, 6, 1)


def _code(raw: str, **kw: object) -> IdError:
    with pytest.raises(IdNumberInvalid) as info:
        parse_id(raw, **kw)  # type: ignore[arg-type]
    return info.value.code


@pytest.mark.parametrize("number", VALID)
def test_standard_vectors_are_valid(number: str) -> None:
    assert parse_id(number).number == number


def test_wrong_check_character_fails_checksum() -> None:
    assert _code("360426199101010072") is IdError.CHECKSUM


def test_check_char_matches_standard_example() -> None:
    assert check_char("11010519491231002") == "X"


def test_birth_date_and_gender_are_derived() -> None:
    info = parse_id("11010519491231002X")
    assert info.birth_date == datetime.date(1949, 12, 31)
    assert info.gender is Gender.FEMALE
    assert not info.legacy


def test_odd_sequence_is_male() -> None:
    assert parse_id("440524188001010014").gender is Gender.MALE


def test_lower_case_x_is_accepted_and_upper_cased() -> None:
    assert parse_id("11010519491231002x").number == "11010519491231002X"


def test_full_width_input_is_normalised() -> None:
    assert parse_id("\u3000１１０１０５１９４９１２３１００２Ｘ ").number == "11010519491231002X"


def test_normalize_id_maps_full_width_lower_x() -> None:
    assert normalize_id(" １２ｘ\u3000") == "12X"


def test_future_birth_date_is_refused() -> None:
    number = make_id("110105", datetime.date(2030, 1, 1), 1)
    assert _code(number, today=TODAY) is IdError.FUTURE_BIRTH


def test_birth_today_is_accepted() -> None:
    assert is_valid_id(make_id("110105", TODAY, 1), today=TODAY)


def test_february_30_is_refused() -> None:
    first17 = "11010519900230001"
    assert _code(first17 + check_char(first17)) is IdError.BIRTH_DATE


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", IdError.EMPTY),
        ("  ", IdError.EMPTY),
        ("1101051949123100", IdError.LENGTH),
        ("1101051949123100A2", IdError.CHARS),
        ("11010519491231002Y", IdError.CHARS),
        ("4.10802199001011234e+17", IdError.FLOAT_MANGLED),
        ("410802199001011000.0", IdError.FLOAT_MANGLED),
        ("4.10802E+17", IdError.FLOAT_MANGLED),
    ],
)
def test_bad_numbers_report_their_code(raw: str, code: IdError) -> None:
    assert _code(raw) is code


def test_legacy_number_refused_unless_allowed() -> None:
    assert _code("110105491231002") is IdError.LEGACY_NOT_ALLOWED


def test_legacy_number_parsed_when_allowed() -> None:
    info = parse_id("110105491231003", allow_legacy=True)
    assert info.legacy
    assert info.birth_date == datetime.date(1949, 12, 31)
    assert info.gender is Gender.MALE


def test_legacy_number_with_bad_date_is_refused() -> None:
    assert _code("110105491331003", allow_legacy=True) is IdError.BIRTH_DATE


def test_error_carries_number_and_masks_message() -> None:
    with pytest.raises(IdNumberInvalid) as info:
        parse_id("360426199101010072")
    assert info.value.number == "360426199101010072"
    assert "360426********0072" in str(info.value)
    assert "19910101" not in str(info.value)


def test_is_valid_id_reports_without_raising() -> None:
    assert is_valid_id(VALID[0])
    assert not is_valid_id("360426199101010072")


def test_mask_id_keeps_first_six_and_last_four() -> None:
    assert mask_id("410802199001011234") == "410802********1234"


@pytest.mark.parametrize(("raw", "masked"), [("", ""), ("123", "***"), ("12345678", "12****78")])
def test_mask_id_masks_short_strings_without_raising(raw: str, masked: str) -> None:
    assert mask_id(raw) == masked


def test_make_id_rejects_bad_address() -> None:
    with pytest.raises(ValueError):
        make_id("11010", datetime.date(1990, 1, 1), 1)


@given(
    birth=st.dates(datetime.date(1900, 1, 1), datetime.date.today()),
    seq=st.integers(0, 999),
)
def test_make_id_round_trips_birth_date_and_gender(birth: datetime.date, seq: int) -> None:
    info = parse_id(make_id("110105", birth, seq))
    assert info.birth_date == birth
    assert info.gender is (Gender.MALE if seq % 2 else Gender.FEMALE)


@given(
    birth=st.dates(datetime.date(1900, 1, 1), datetime.date(2020, 12, 31)),
    seq=st.integers(0, 999),
    position=st.integers(0, 16),
    shift=st.integers(1, 9),
)
def test_single_digit_change_fails_checksum(
    birth: datetime.date, seq: int, position: int, shift: int
) -> None:
    number = make_id("110105", birth, seq)
    digit = str((int(number[position]) + shift) % 10)
    changed = number[:position] + digit + number[position + 1 :]
    assert check_char(changed[:17]) != number[17]
    assert not is_valid_id(changed)
