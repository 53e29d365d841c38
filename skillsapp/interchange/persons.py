"""The person file: headers in Chinese or English, one person per row, and its export."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from skillsapp.domain.enums import Gender
from skillsapp.domain.levels import SkillLevel, parse_level
from skillsapp.domain.person_rules import PersonInput
from skillsapp.errors import UserError
from skillsapp.interchange.normalize import is_float_mangled_id, normalize_text
from skillsapp.interchange.rows import PersonDraft, RowProblem
from skillsapp.interchange.tables import Table, read_table

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

# Field → accepted headers, compared after header_key(); the first one is the Chinese name.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "name", "fullname"),
    "gender": ("性别", "gender", "sex"),
    "id_number": (
        "身份证号",
        "身份证号码",
        "公民身份号码",
        "身份证",
        "身份证件号码",
        "idnumber",
        "idcard",
        "idcardnumber",
        "idno",
    ),
    "mobile": ("手机号", "手机", "手机号码", "联系电话", "移动电话", "mobile", "phone", "tel"),
    "unit": ("单位", "工作单位", "所在单位", "单位名称", "unit", "employer", "company"),
    "trade": ("工种", "职业", "职业工种", "trade", "occupation"),
    "skill_level": ("技能等级", "职业技能等级", "等级", "技术等级", "skilllevel", "level"),
    "title": ("职称", "专业技术职称", "title"),
}
REQUIRED_FIELDS = ("name", "id_number")
PERSON_EXPORT_HEADERS: tuple[str, ...] = (
    "姓名",
    "性别",
    "身份证号",
    "出生日期",
    "手机号",
    "单位",
    "工种",
    "技能等级",
    "职称",
)
PERSON_TEXT_COLUMNS: tuple[int, ...] = (2, 4)  # ID number and mobile: never numbers in Excel
PERSON_SHEET_TITLE = "人员名单"

_HEADER_NOISE = re.compile(r"\(.*?\)|[\s_\-.*:#]")  # "身份证号(必填)*", "ID_Number"
_HEADER_SEARCH_ROWS = 5  # a title row or two above the header is common in Chinese sheets
_GENDERS: dict[str, Gender] = {
    "男": Gender.MALE,
    "男性": Gender.MALE,
    "m": Gender.MALE,
    "male": Gender.MALE,
    "女": Gender.FEMALE,
    "女性": Gender.FEMALE,
    "f": Gender.FEMALE,
    "female": Gender.FEMALE,
}
_GENDER_TEXT = {Gender.MALE: "男", Gender.FEMALE: "女"}
_FREE_TEXT_FIELDS = frozenset({"name", "unit", "trade", "title"})
# Zero-width and invisible characters (as normalize.py drops them).
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"))
_CHECK_EVERY = 100
_REPORT_EVERY = 200


def header_key(text: object) -> str:
    return _HEADER_NOISE.sub("", normalize_text(text).casefold())


_FIELD_BY_KEY = {
    header_key(alias): field for field, aliases in HEADER_ALIASES.items() for alias in aliases
}


def match_headers(headers: Sequence[object]) -> dict[str, int]:
    """Field → column index for the recognised headers (the first match of a field wins)."""
    columns: dict[str, int] = {}
    for index, header in enumerate(headers):
        field = _FIELD_BY_KEY.get(header_key(header))
        if field is not None and field not in columns:
            columns[field] = index
    return columns


def _locate_header(table: Table) -> tuple[dict[str, int], list[tuple[int, list[object]]]]:
    """The column map and the data rows, allowing title rows above the real header."""
    candidates: list[tuple[Sequence[object], int]] = [(table.headers, 0)]
    candidates += [
        (values, i + 1) for i, (_, values) in enumerate(table.rows[:_HEADER_SEARCH_ROWS])
    ]
    for headers, first_data in candidates:
        columns = match_headers(headers)
        if all(field in columns for field in REQUIRED_FIELDS):
            return columns, table.rows[first_data:]
    columns = match_headers(table.headers)
    missing = next(field for field in REQUIRED_FIELDS if field not in columns)
    raise UserError("header_missing", value=HEADER_ALIASES[missing][0])


def read_persons(
    path: Path, *, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> list[PersonDraft]:
    """One draft per data row with any person data; raise UserError for an unusable file."""
    columns, rows = _locate_header(read_table(path))
    drafts: list[PersonDraft] = []
    total = len(rows)
    for index, (number, values) in enumerate(rows, start=1):
        if cancelled and index % _CHECK_EVERY == 0 and cancelled():
            raise UserError("import_cancelled")
        draft = person_draft(number, values, columns)
        if draft is not None:
            drafts.append(draft)
        if progress and (index % _REPORT_EVERY == 0 or index == total):
            progress(index, total)
    logger.info("read %d person rows from %s", len(drafts), path.name)
    return drafts


def person_draft(
    number: int, values: Sequence[object], columns: dict[str, int]
) -> PersonDraft | None:
    """The draft of one row, or None when no recognised column has anything in it."""
    raw = {
        field: values[index] if index < len(values) else None for field, index in columns.items()
    }
    text = {field: _cell_text(field, value) for field, value in raw.items()}
    if not any(text.values()):
        return None  # e.g. a pre-numbered template row with only its 序号 filled in
    problems: list[RowProblem] = []
    if is_float_mangled_id(raw.get("id_number")):
        problems.append(RowProblem(number, "id_number", "id_float_mangled", text["id_number"]))
    gender = _gender(number, text.get("gender", ""), problems)
    level = _level(number, text.get("skill_level", ""), problems)
    data = PersonInput(
        name=text.get("name", ""),
        id_number=text.get("id_number", ""),
        gender=gender,
        mobile=text.get("mobile", ""),
        trade=text.get("trade", ""),
        skill_level=level,
        title=text.get("title", ""),
    )
    return PersonDraft(number, data, text.get("unit", ""), tuple(problems))


def _cell_text(field: str, value: object) -> str:
    """Clean text; free text keeps full-width punctuation so "（集团）" still matches its unit."""
    if field in _FREE_TEXT_FIELDS and isinstance(value, str):
        return " ".join(value.translate(_INVISIBLE).split())
    return normalize_text(value)


def _gender(number: int, text: str, problems: list[RowProblem]) -> Gender | None:
    if not text:
        return None
    gender = _GENDERS.get(text.casefold())
    if gender is None:
        problems.append(RowProblem(number, "gender", "gender_unknown", text))
    return gender


def _level(number: int, text: str, problems: list[RowProblem]) -> SkillLevel | None:
    if not text:
        return None
    try:
        return parse_level(text)
    except ValueError:
        problems.append(RowProblem(number, "skill_level", "level_unknown", text))
        return None


class PersonLike(Protocol):
    """What an exported person row offers (services.registry.PersonRow fits)."""

    @property
    def name(self) -> str: ...
    @property
    def gender(self) -> Gender | None: ...
    @property
    def id_number(self) -> str: ...
    @property
    def birth_date(self) -> dt.date | None: ...
    @property
    def mobile(self) -> str: ...
    @property
    def unit_name(self) -> str: ...
    @property
    def trade(self) -> str: ...
    @property
    def skill_level(self) -> SkillLevel | None: ...
    @property
    def title(self) -> str: ...


def person_export_cells(row: PersonLike) -> list[object]:
    """The cells of one exported row, in PERSON_EXPORT_HEADERS order."""
    return [
        row.name,
        _GENDER_TEXT[row.gender] if row.gender is not None else "",
        row.id_number,
        row.birth_date,
        row.mobile,
        row.unit_name,
        row.trade,
        row.skill_level.label if row.skill_level is not None else "",
        row.title,
    ]
