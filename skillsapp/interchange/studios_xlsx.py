"""Studio and innovation-result files (.xlsx or .csv, Chinese headers) and the studio
export, which imports back. Rows become drafts carrying their problems by row number."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TypeVar

from skillsapp.domain.marks import HonourLevel
from skillsapp.domain.studios import InnovationKind, PatentKind, StudioKind, StudioStatus
from skillsapp.errors import UserError
from skillsapp.interchange.normalize import normalize_text
from skillsapp.interchange.rows import RowProblem
from skillsapp.interchange.tables import Table, read_table, write_xlsx

STUDIO_HEADERS: Mapping[str, str] = {
    "name": "工作室名称",
    "kind": "类型",
    "level": "级别",
    "host_unit": "依托单位",
    "leader_id_number": "领办人身份证号",
    "founded_on": "成立日期",
    "accredited_on": "命名日期",
    "accreditation_number": "命名文号",
    "status": "状态",
    "description": "简介",
}
INNOVATION_HEADERS: Mapping[str, str] = {
    "studio_name": "工作室名称",
    "title": "成果名称",
    "year": "年度",
    "kind": "类别",
    "applied": "是否转化应用",
    "patent_kind": "专利类型",
    "patent_number": "专利号",
    "patent_granted_on": "授权日期",
    "benefit": "经济效益(万元)",
    "awards": "获奖情况",
    "contributors": "完成人身份证号(；分隔)",
}
STUDIO_REQUIRED = ("name", "kind", "level")
INNOVATION_REQUIRED = ("studio_name", "title", "year", "kind")
STUDIO_EXPORT_EXTRA = ("成员数", "成果数", "转化应用数", "专利数", "经济效益合计(万元)", "复审到期")
STUDIO_SHEET_TITLE = "创新工作室"

KIND_TEXT = {
    StudioKind.MODEL_WORKER: "劳模创新工作室",
    StudioKind.CRAFTSMAN: "劳模和工匠人才创新工作室",
    StudioKind.SKILL_MASTER: "技能大师工作室",
}
LEVEL_TEXT = {
    HonourLevel.NATIONAL: "国家级",
    HonourLevel.PROVINCIAL: "省级",
    HonourLevel.CITY: "市级",
    HonourLevel.COUNTY: "县级",
    HonourLevel.INDUSTRY: "行业级",
    HonourLevel.ENTERPRISE: "企业级",
}
STATUS_TEXT = {
    StudioStatus.ACTIVE: "正常",
    StudioStatus.UNDER_REVIEW: "复审中",
    StudioStatus.REVOKED: "已撤销",
}
DEMONSTRATION_TEXT = "全国示范性"
_LEVEL_WORDS = {
    "国家": HonourLevel.NATIONAL,
    "全国": HonourLevel.NATIONAL,
    "省": HonourLevel.PROVINCIAL,
    "市": HonourLevel.CITY,
    "县": HonourLevel.COUNTY,
    "区": HonourLevel.COUNTY,
    "行业": HonourLevel.INDUSTRY,
    "企业": HonourLevel.ENTERPRISE,
}
_STATUS_WORDS = {
    "正常": StudioStatus.ACTIVE,
    "有效": StudioStatus.ACTIVE,
    "复审中": StudioStatus.UNDER_REVIEW,
    "审核中": StudioStatus.UNDER_REVIEW,
    "撤销": StudioStatus.REVOKED,
    "已撤销": StudioStatus.REVOKED,
}
_INNOVATION_WORDS = {
    "技术革新": InnovationKind.TECHNICAL_INNOVATION,
    "发明创造": InnovationKind.INVENTION,
    "发明": InnovationKind.INVENTION,
    "合理化建议": InnovationKind.RATIONALISATION,
    "qc成果": InnovationKind.QC,
    "qc": InnovationKind.QC,
    "工法": InnovationKind.CONSTRUCTION_METHOD,
    "其他": InnovationKind.OTHER,
}
_PATENT_WORDS = {
    "发明": PatentKind.INVENTION,
    "发明专利": PatentKind.INVENTION,
    "实用新型": PatentKind.UTILITY_MODEL,
    "实用新型专利": PatentKind.UTILITY_MODEL,
    "外观设计": PatentKind.DESIGN,
    "外观设计专利": PatentKind.DESIGN,
}
_YES = frozenset({"是", "y", "yes", "true", "1", "√", "已转化", "已应用"})
_NO = frozenset({"", "否", "n", "no", "false", "0", "×", "未转化", "未应用"})
_HEADER_NOISE = re.compile(r"\(.*?\)|[\s_\-.*:#]")
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_ID_SPLIT = re.compile(r"[;；,，、\s]+")
T = TypeVar("T")


@dataclass(frozen=True)
class StudioDraft:
    row: int
    name: str
    kind: StudioKind | None
    level: HonourLevel | None
    demonstration: bool
    host_unit: str
    leader_id_number: str
    founded_on: dt.date | None
    accredited_on: dt.date | None
    accreditation_number: str
    status: StudioStatus
    description: str
    problems: tuple[RowProblem, ...] = ()


@dataclass(frozen=True)
class InnovationDraft:
    row: int
    studio_name: str
    title: str
    year: int | None
    kind: InnovationKind | None
    applied: bool
    patent_kind: PatentKind | None
    patent_number: str
    patent_granted_on: dt.date | None
    benefit: Decimal
    awards: str
    contributor_id_numbers: tuple[str, ...]
    problems: tuple[RowProblem, ...] = ()


def _key(text: object) -> str:
    return _HEADER_NOISE.sub("", normalize_text(text).casefold())


def _columns(table: Table, headers: Mapping[str, str], required: Sequence[str]) -> dict[str, int]:
    wanted = {_key(text): field for field, text in headers.items()}
    columns: dict[str, int] = {}
    for index, header in enumerate(table.headers):
        field = wanted.get(_key(header))
        if field is not None and field not in columns:
            columns[field] = index
    missing = [field for field in required if field not in columns]
    if missing:
        raise UserError("header_missing", value=headers[missing[0]])
    return columns


class _Row:
    """One data row: cells by field, and the problems found while reading them."""

    def __init__(self, number: int, values: Sequence[object], columns: Mapping[str, int]):
        self.number = number
        self.raw = {field: values[index] for field, index in columns.items()}
        self.problems: list[RowProblem] = []

    def text(self, field: str) -> str:
        return normalize_text(self.raw.get(field))

    def lines(self, field: str) -> str:
        """Free text keeping its line breaks (a description), each line tidied."""
        value = self.raw.get(field)
        if not isinstance(value, str):
            return self.text(field)
        return "\n".join(normalize_text(line) for line in value.splitlines()).strip()

    def empty(self) -> bool:
        return not any(self.text(field) for field in self.raw)

    def problem(self, field: str, code: str) -> None:
        self.problems.append(RowProblem(self.number, field, code, self.text(field)))

    def choice(self, field: str, parse: Callable[[str], T | None], code: str) -> T | None:
        text = self.text(field)
        found = parse(text) if text else None
        if text and found is None:
            self.problem(field, code)
        return found

    def date(self, field: str) -> dt.date | None:
        value = self.raw.get(field)
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        return self.choice(field, _parse_date, "date_invalid")


def _parse_date(text: str) -> dt.date | None:
    match = _DATE.fullmatch(text) or (
        re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text) if text.isdigit() else None
    )
    try:
        return dt.date(*map(int, match.groups())) if match else None
    except ValueError:
        return None


def _parse_level(text: str) -> tuple[HonourLevel, bool] | None:
    """ "省级" → provincial; "全国示范性" → national and a demonstration studio."""
    for word, level in _LEVEL_WORDS.items():
        if text.startswith(word):
            return level, "示范" in text
    return None


def parse_studio_kind(text: str) -> StudioKind | None:
    if "技能大师" in text:
        return StudioKind.SKILL_MASTER
    if "工匠" in text:
        return StudioKind.CRAFTSMAN
    if "劳模" in text:
        return StudioKind.MODEL_WORKER
    return next((kind for kind in StudioKind if kind.value == text.casefold()), None)


def _read(path: Path, headers: Mapping[str, str], required: Sequence[str]) -> list[_Row]:
    table = read_table(path)
    columns = _columns(table, headers, required)
    rows = [_Row(number, values, columns) for number, values in table.rows]
    return [row for row in rows if not row.empty()]


def studio_draft(row: _Row) -> StudioDraft:
    """The draft of one row; cells are read in column order, so are its problems."""
    kind = row.choice("kind", parse_studio_kind, "studio_kind_unknown")
    level = row.choice("level", _parse_level, "studio_level_unknown")
    founded_on, accredited_on = row.date("founded_on"), row.date("accredited_on")
    status = row.choice("status", _STATUS_WORDS.get, "studio_status_unknown")
    return StudioDraft(
        row=row.number,
        name=row.text("name"),
        kind=kind,
        level=level[0] if level else None,
        demonstration=level[1] if level else False,
        host_unit=row.text("host_unit"),
        leader_id_number=row.text("leader_id_number").upper(),
        founded_on=founded_on,
        accredited_on=accredited_on,
        accreditation_number=row.text("accreditation_number"),
        status=status or StudioStatus.ACTIVE,
        description=row.lines("description"),
        problems=tuple(row.problems),
    )


def read_studios(path: Path) -> list[StudioDraft]:
    """One draft per non-empty row; UserError when the file or its header is unusable."""
    return [studio_draft(row) for row in _read(path, STUDIO_HEADERS, STUDIO_REQUIRED)]


def _parse_year(text: str) -> int | None:
    digits = text.removesuffix("年")
    return int(digits) if digits.isdigit() and len(digits) == 4 else None


def _parse_decimal(text: str) -> Decimal | None:
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _parse_flag(text: str) -> bool | None:
    lowered = text.casefold()
    return True if lowered in _YES else False if lowered in _NO else None


def _innovation_kind(text: str) -> InnovationKind | None:
    return _INNOVATION_WORDS.get(text.casefold().replace(" ", ""))


def innovation_draft(row: _Row) -> InnovationDraft:
    """The draft of one row; cells are read in column order, so are its problems."""
    year = row.choice("year", _parse_year, "year_invalid")
    kind = row.choice("kind", _innovation_kind, "innovation_kind_unknown")
    applied = row.choice("applied", _parse_flag, "flag_invalid")
    patent_kind = row.choice("patent_kind", _PATENT_WORDS.get, "patent_kind_unknown")
    granted_on = row.date("patent_granted_on")
    benefit = row.choice("benefit", _parse_decimal, "benefit_invalid")
    return InnovationDraft(
        row=row.number,
        studio_name=row.text("studio_name"),
        title=row.text("title"),
        year=year,
        kind=kind,
        applied=applied is True,
        patent_kind=patent_kind,
        patent_number=row.text("patent_number").upper(),
        patent_granted_on=granted_on,
        benefit=Decimal(0) if benefit is None else benefit,
        awards=row.text("awards"),
        contributor_id_numbers=tuple(
            n.upper() for n in _ID_SPLIT.split(row.text("contributors")) if n
        ),
        problems=tuple(row.problems),
    )


def read_innovations(path: Path) -> list[InnovationDraft]:
    rows = _read(path, INNOVATION_HEADERS, INNOVATION_REQUIRED)
    return [innovation_draft(row) for row in rows]


# -- export


@dataclass(frozen=True)
class StudioExportRow:
    name: str
    kind: StudioKind
    level: HonourLevel
    demonstration: bool
    host_unit: str
    leader_id_number: str
    founded_on: dt.date | None
    accredited_on: dt.date | None
    accreditation_number: str
    status: StudioStatus
    description: str
    members: int
    innovations: int
    applied: int
    patents: int
    benefit: Decimal
    reconfirm_due_on: dt.date | None


def _export_cells(row: StudioExportRow) -> list[object]:
    level = DEMONSTRATION_TEXT if row.demonstration else LEVEL_TEXT[row.level]
    return [
        row.name,
        KIND_TEXT[row.kind],
        level,
        row.host_unit,
        row.leader_id_number,
        row.founded_on,
        row.accredited_on,
        row.accreditation_number,
        STATUS_TEXT[row.status],
        row.description,
        row.members,
        row.innovations,
        row.applied,
        row.patents,
        row.benefit,
        row.reconfirm_due_on,
    ]


def write_studios(path: Path, rows: Iterable[StudioExportRow]) -> None:
    """The studio list as an .xlsx that `read_studios` reads back (extra columns ignored)."""
    write_xlsx(
        path,
        [*STUDIO_HEADERS.values(), *STUDIO_EXPORT_EXTRA],
        (_export_cells(row) for row in rows),
        sheet_title=STUDIO_SHEET_TITLE,
        text_columns=(4, 7),
    )
