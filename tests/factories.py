"""Builders of valid test data."""

from __future__ import annotations

import datetime as dt

from skillsapp.domain.enums import Gender
from skillsapp.domain.idcard import make_id
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.person_rules import PersonInput

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ("建国", "秀英", "伟", "洋", "静", "磊", "丽", "军", "敏", "强", "芳", "杰")


def id_number(seq: int, *, female: bool = False, birth: dt.date = dt.date(1985, 6, 1)) -> str:
    """A valid ID number, unique per `seq` (0..4999)."""
    day = birth + dt.timedelta(days=seq // 500)
    code = (seq % 500) * 2 + (0 if female else 1)
    return make_id("410802", day, code)


def person_input(seq: int = 0, **overrides: object) -> PersonInput:
    female = seq % 2 == 1
    values: dict[str, object] = {
        "name": SURNAMES[seq % len(SURNAMES)] + GIVEN[seq % len(GIVEN)],
        "id_number": id_number(seq, female=female),
        "gender": Gender.FEMALE if female else Gender.MALE,
        "mobile": f"138{seq:08d}",
        "trade": ("焊工", "钳工", "电工")[seq % 3],
        "skill_level": SkillLevel.GRADE3,
        "title": "",
    }
    values.update(overrides)
    return PersonInput(**values)  # type: ignore[arg-type]
