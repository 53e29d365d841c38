"""Validation of a person's record, shared by the edit dialog, the import and the CLI."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from skillsapp.domain.enums import Gender
from skillsapp.domain.idcard import IdInfo, IdNumberInvalid, parse_id
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.phone import is_valid_mobile, normalize_mobile

MAX_NAME_LENGTH = 30
MAX_TRADE_LENGTH = 60  # the column sizes of Person.trade and Person.title
MAX_TITLE_LENGTH = 40


@dataclass(frozen=True)
class PersonInput:
    """What a form or an import row says about a person (not yet validated)."""

    name: str
    id_number: str
    gender: Gender | None = None
    mobile: str = ""
    unit_id: int | None = None
    trade: str = ""
    skill_level: SkillLevel | None = None
    title: str = ""


@dataclass(frozen=True)
class CheckedPerson:
    """A valid person: the input normalised plus what the ID number encodes."""

    data: PersonInput
    gender: Gender
    birth_date: dt.date


def check_person(
    data: PersonInput, *, allow_legacy: bool = False, today: dt.date | None = None
) -> tuple[CheckedPerson | None, dict[str, str]]:
    """Normalise and validate; returns the checked person or field → error code."""
    errors: dict[str, str] = {}
    name = " ".join(data.name.split())
    if not name:
        errors["name"] = "name_required"
    elif len(name) > MAX_NAME_LENGTH:
        errors["name"] = "name_too_long"
    info = _id_info(data.id_number, errors, allow_legacy=allow_legacy, today=today)
    if info and data.gender is not None and data.gender != info.gender:
        errors["gender"] = "gender_mismatch"
    if len(data.trade.strip()) > MAX_TRADE_LENGTH:
        errors["trade"] = "trade_too_long"
    if len(data.title.strip()) > MAX_TITLE_LENGTH:
        errors["title"] = "title_too_long"
    mobile = normalize_mobile(data.mobile) if data.mobile.strip() else ""
    if mobile and not is_valid_mobile(mobile):
        errors["mobile"] = "mobile_invalid"
    if errors or info is None:
        return None, errors
    clean = replace(
        data,
        name=name,
        id_number=info.number,
        gender=info.gender,
        mobile=mobile,
        trade=data.trade.strip(),
        title=data.title.strip(),
    )
    return CheckedPerson(clean, info.gender, info.birth_date), {}


def _id_info(
    raw: str, errors: dict[str, str], *, allow_legacy: bool, today: dt.date | None
) -> IdInfo | None:
    try:
        return parse_id(raw, allow_legacy=allow_legacy, today=today)
    except IdNumberInvalid as exc:
        errors["id_number"] = f"id_{exc.code.value}"
        return None
