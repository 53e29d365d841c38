"""Mainland mobile numbers."""

from __future__ import annotations

import pytest

from skillsapp.domain.phone import is_valid_mobile, normalize_mobile


@pytest.mark.parametrize(
    "raw",
    [
        "13800138000",
        "138 0013 8000",
        "138-0013-8000",
        "+86 138 0013 8000",
        "+8613800138000",
        "8613800138000",
        "0086-13800138000",
        "１３８００１３８０００",
    ],
)
def test_normalize_mobile_yields_eleven_digits(raw: str) -> None:
    assert normalize_mobile(raw) == "13800138000"


@pytest.mark.parametrize("raw", ["13800138000", "+86 199 1234 5678", "１７７１２３４５６７８"])
def test_valid_mobiles_are_accepted(raw: str) -> None:
    assert is_valid_mobile(raw)


@pytest.mark.parametrize(
    "raw", ["", "12800138000", "1380013800", "138001380001", "010-12345678", "1380013800a"]
)
def test_invalid_mobiles_are_refused(raw: str) -> None:
    assert not is_valid_mobile(raw)


def test_number_starting_with_86_is_not_stripped_when_short() -> None:
    assert normalize_mobile("86123") == "86123"
