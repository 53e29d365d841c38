"""Spreadsheet cell normalisation."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skillsapp.interchange.normalize import is_float_mangled_id, normalize_text

FULL_WIDTH_DIGITS = "０１２３４５６７８９"


@given(st.text())
def test_normalize_text_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(st.text())
def test_normalize_text_has_no_outer_whitespace(text: str) -> None:
    result = normalize_text(text)
    assert result == result.strip()
    assert "  " not in result


@given(st.lists(st.integers(0, 9), min_size=1))
def test_full_width_digits_become_ascii(digits: list[int]) -> None:
    text = "".join(FULL_WIDTH_DIGITS[d] for d in digits)
    assert normalize_text(text) == "".join(map(str, digits))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        ("  a \u3000\t b\u200b ", "a b"),
        (42, "42"),
        (13800138000.0, "13800138000"),
        (1.5, "1.5"),
        (datetime.date(2024, 5, 1), "2024-05-01"),
        (datetime.datetime(2024, 5, 1, 12, 30), "2024-05-01"),
    ],
)
def test_normalize_text_converts_cell_values(value: object, expected: str) -> None:
    assert normalize_text(value) == expected


def test_large_float_keeps_scientific_form() -> None:
    assert "e+17" in normalize_text(4.10802199001011e17)


@pytest.mark.parametrize(
    "value",
    [
        4.10802199001011e17,
        410802199001011000.0,
        "4.10802E+17",
        "4.10802199001011e+17",
        "410802199001011000.0",
        "４.１０８０２Ｅ＋１７",
        410802199001011000,
        1234567890123456,
    ],
)
def test_destroyed_id_cells_are_reported(value: object) -> None:
    assert is_float_mangled_id(value)


@pytest.mark.parametrize(
    "value",
    [
        "11010519491231002X",
        "440524188001010014",
        440524188001010014,
        110105491231002,
        "110105491231002",
        None,
        "",
        "12345.0",
        13800138000.0,
    ],
)
def test_intact_or_short_cells_are_not_reported(value: object) -> None:
    assert not is_float_mangled_id(value)


def test_valid_text_id_round_trips_normalize_unchanged() -> None:
    assert normalize_text(" 11010519491231002X ") == "11010519491231002X"
