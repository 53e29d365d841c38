"""The honours file: one honour per row, the holder found by resident ID number.

Columns (Chinese or English headers, a title row or two above them allowed): 姓名,
身份证号, 荣誉类型, 级别 (国家级/省级/市级/县级/行业/企业), 荣誉称号, 授予单位, 年度,
届次, 文号, 授予日期. Reading checks only what the file itself shows (a readable level,
year and date, an ID Excel did not mangle); who the person is and whether the type
exists is the import service's business.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from skillsapp.domain.honour_catalogue import parse_honour_level
from skillsapp.domain.marks import HonourLevel
from skillsapp.errors import UserError
from skillsapp.interchange.normalize import is_float_mangled_id, normalize_text
from skillsapp.interchange.persons import HEADER_ALIASES as PERSON_HEADERS
from skillsapp.interchange.persons import header_key
from skillsapp.interchange.rows import RowProblem
from skillsapp.interchange.tables import Table, read_table, write_xlsx

logger = logging.getLogger(__name__)

HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "name": PERSON_HEADERS["name"],
    "id_number": PERSON_HEADERS["id_number"],
    "type": ("荣誉类型", "荣誉类别", "荣誉种类", "类型", "honourtype", "type"),
    "level": ("级别", "荣誉级别", "层级", "level"),
    "title": ("荣誉称号", "称号", "荣誉名称", "title", "honour"),
    "granting_body": ("授予单位", "授予机关", "颁发单位", "表彰单位", "grantingbody", "body"),
    "year": ("年度", "年份", "授予年度", "year"),
    "edition": ("届次", "届别", "edition"),
    "document_number": ("文号", "发文号", "表彰文号", "documentnumber", "docno"),
    "granted_on": ("授予日期", "表彰日期", "日期", "grantedon", "date"),
}
REQUIRED_FIELDS = ("id_number", "type", "level")
HONOUR_HEADERS: tuple[str, ...] = tuple(aliases[0] for aliases in HEADER_ALIASES.values())
SHEET_TITLE = "荣誉"
_HEADER_SEARCH_ROWS = 5
_DATE = re.compile(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_YEAR = re.compile(r"(\d{4})\s*年?度?")


@dataclass(frozen=True)
class HonourDraft:
    """A parsed honour row; `problems` are what the file itself gets wrong."""

    row: int
    name: str
    id_number: str
    type_name: str
    level: HonourLevel | None
    title: str = ""
    granting_body: str = ""
    year: int | None = None
    edition: str = ""
    document_number: str = ""
    granted_on: dt.date | None = None
    problems: tuple[RowProblem, ...] = ()


_FIELD_BY_KEY = {
    header_key(alias): field for field, aliases in HEADER_ALIASES.items() for alias in aliases
}


def _match(headers: Sequence[object]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, header in enumerate(headers):
        field = _FIELD_BY_KEY.get(header_key(header))
        if field is not None and field not in columns:
            columns[field] = index
    return columns


def _locate_header(table: Table) -> tuple[dict[str, int], list[tuple[int, list[object]]]]:
    """The column map and the data rows below the first row naming every required column."""
    candidates: list[tuple[Sequence[object], int]] = [(table.headers, 0)]
    rows = table.rows[:_HEADER_SEARCH_ROWS]
    candidates += [(values, i + 1) for i, (_, values) in enumerate(rows)]
    for headers, first_data in candidates:
        columns = _match(headers)
        if all(field in columns for field in REQUIRED_FIELDS):
            return columns, table.rows[first_data:]
    columns = max((_match(headers) for headers, _ in candidates), key=len)  # the likely header
    missing = next(field for field in REQUIRED_FIELDS if field not in columns)
    raise UserError("header_missing", value=HEADER_ALIASES[missing][0])


def read_honours(path: Path) -> list[HonourDraft]:
    """One draft per row with anything in it; UserError for an unusable file."""
    columns, rows = _locate_header(read_table(path))
    drafts = [d for number, values in rows if (d := honour_draft(number, values, columns))]
    logger.info("read %d honour rows from %s", len(drafts), path.name)
    return drafts


def honour_draft(
    number: int, values: Sequence[object], columns: dict[str, int]
) -> HonourDraft | None:
    """The draft of one row, or None when no recognised column has anything in it."""
    raw = {f: values[i] if i < len(values) else None for f, i in columns.items()}
    text = {field: normalize_text(value) for field, value in raw.items()}
    if not any(text.values()):
        return None
    problems: list[RowProblem] = []
    if is_float_mangled_id(raw.get("id_number")):
        problems.append(RowProblem(number, "id_number", "id_float_mangled", text["id_number"]))
    return HonourDraft(
        row=number,
        name=text.get("name", ""),
        id_number=text.get("id_number", "").upper(),
        type_name=text.get("type", ""),
        level=_level(number, text.get("level", ""), problems),
        title=text.get("title", ""),
        granting_body=text.get("granting_body", ""),
        year=_year(number, text.get("year", ""), problems),
        edition=text.get("edition", ""),
        document_number=text.get("document_number", ""),
        granted_on=_date(number, text.get("granted_on", ""), problems),
        problems=tuple(problems),
    )


def _level(number: int, text: str, problems: list[RowProblem]) -> HonourLevel | None:
    try:
        return parse_honour_level(text)
    except ValueError:
        problems.append(RowProblem(number, "level", "honour_level_unknown", text))
        return None


def _year(number: int, text: str, problems: list[RowProblem]) -> int | None:
    if not text:
        return None
    match = _YEAR.fullmatch(text)
    if match is None:
        problems.append(RowProblem(number, "year", "honour_year_invalid", text))
        return None
    return int(match.group(1))


def _date(number: int, text: str, problems: list[RowProblem]) -> dt.date | None:
    if not text:
        return None
    match = _DATE.fullmatch(text) or _COMPACT_DATE.fullmatch(text)
    try:
        if match is None:
            raise ValueError(text)
        return dt.date(*map(int, match.groups()))
    except ValueError:
        problems.append(RowProblem(number, "granted_on", "date_invalid", text))
        return None


def write_honours_template(path: Path) -> None:
    """An empty honours sheet with its headers, the ID column typed as text."""
    write_xlsx(path, HONOUR_HEADERS, [], sheet_title=SHEET_TITLE, text_columns=(1,))
