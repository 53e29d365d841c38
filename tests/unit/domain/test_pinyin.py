"""Pinyin initials and spelling of names."""

from __future__ import annotations

import pytest

from skillsapp.domain.pinyin import full_pinyin, initials, name_keys


@pytest.mark.parametrize(
    ("name", "expected"),
    [("张三", "zs"), ("李秀英", "lxy"), ("曾明", "zm"), ("单雄信", "sxx"), ("解缙", "xj")],
)
def test_initials_of_chinese_names(name: str, expected: str) -> None:
    assert initials(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("区志强", "ozq"), ("仇英", "qy"), ("查良镛", "zly"), ("覃明", "qm"), ("尉迟恭", "ycg")],
)
def test_initials_use_surname_readings(name: str, expected: str) -> None:
    assert initials(name) == expected


def test_initials_keep_ascii_alnum_and_drop_punctuation() -> None:
    assert initials("Tom·张三2") == "tomzs2"


def test_initials_of_empty_name_is_empty() -> None:
    assert initials("  ") == ""


def test_full_pinyin_is_lower_case_without_spaces() -> None:
    assert full_pinyin("张三") == "zhangsan"
    assert full_pinyin("曾明") == "zengming"
    assert full_pinyin("李 秀英") == "lixiuying"


def test_name_keys_agree_with_initials_and_full_pinyin() -> None:
    for name in ("张三", "曾明", "单雄信", "李Lily2", "尉迟恭"):
        assert name_keys(name) == (initials(name), full_pinyin(name))
