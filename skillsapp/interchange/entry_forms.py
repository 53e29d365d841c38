"""The unit entry form (报名表): one contestant and event per row, headers in Chinese or English.

The person columns are recognised exactly as in the person file (interchange.persons);
the form adds 项目 (the event's name), 队名 and 备注.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from skillsapp.errors import UserError
from skillsapp.interchange.normalize import normalize_text
from skillsapp.interchange.persons import header_key, match_headers, person_draft
from skillsapp.interchange.rows import PersonDraft, RowProblem
from skillsapp.interchange.tables import Table, read_table, write_xlsx

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

ENTRY_HEADERS: tuple[str, ...] = (
    "项目",
    "姓名",
    "性别",
    "身份证号",
    "手机号",
    "单位",
    "工种",
    "技能等级",
    "职称",
    "队名",
    "备注",
)
ENTRY_TEXT_COLUMNS: tuple[int, ...] = (3, 4)  # ID number and mobile: never numbers in Excel
ENTRY_SHEET_TITLE = "报名表"
ENTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "event": ("项目", "比赛项目", "参赛项目", "竞赛项目", "报名项目", "event"),
    "team_name": ("队名", "队伍", "队伍名称", "参赛队", "team", "teamname"),
    "note": ("备注", "说明", "note", "remark", "remarks"),
}
REQUIRED_FIELDS = ("event", "name", "id_number")
_REQUIRED_HEADER = {"event": "项目", "name": "姓名", "id_number": "身份证号"}
_FIELD_BY_KEY = {header_key(a): f for f, aliases in ENTRY_ALIASES.items() for a in aliases}
_HEADER_SEARCH_ROWS = 5  # title rows ("XX单位职工技能竞赛报名表") above the header
_CHECK_EVERY = 100
_REPORT_EVERY = 500


@dataclass(frozen=True)
class EntryDraft:
    """A parsed entry row: the event named, the person (with its row problems) and extras."""

    row: int
    event_name: str
    person: PersonDraft
    team_name: str = ""
    note: str = ""


def match_entry_headers(headers: Sequence[object]) -> dict[str, int]:
    """Field → column for the person columns and 项目/队名/备注."""
    columns = match_headers(headers)
    for index, header in enumerate(headers):
        found = _FIELD_BY_KEY.get(header_key(header))
        if found is not None and found not in columns:
            columns[found] = index
    return columns


def _locate_header(table: Table) -> tuple[dict[str, int], list[tuple[int, list[object]]]]:
    candidates: list[tuple[Sequence[object], int]] = [(table.headers, 0)]
    candidates += [
        (values, i + 1) for i, (_, values) in enumerate(table.rows[:_HEADER_SEARCH_ROWS])
    ]
    for headers, first_data in candidates:
        columns = match_entry_headers(headers)
        if all(f in columns for f in REQUIRED_FIELDS):
            return columns, table.rows[first_data:]
    columns = match_entry_headers(table.headers)
    missing = next(f for f in REQUIRED_FIELDS if f not in columns)
    raise UserError("header_missing", value=_REQUIRED_HEADER[missing])


def read_entry_forms(
    path: Path, *, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> list[EntryDraft]:
    """One draft per row with any data; raise UserError for an unusable file."""
    columns, rows = _locate_header(read_table(path))
    person_columns = {f: i for f, i in columns.items() if f not in ENTRY_ALIASES}
    drafts: list[EntryDraft] = []
    for index, (number, values) in enumerate(rows, start=1):
        if cancelled and index % _CHECK_EVERY == 0 and cancelled():
            raise UserError("import_cancelled")
        draft = entry_draft(number, values, columns, person_columns)
        if draft is not None:
            drafts.append(draft)
        if progress and (index % _REPORT_EVERY == 0 or index == len(rows)):
            progress(index, len(rows))
    logger.info("read %d entry rows from %s", len(drafts), path.name)
    return drafts


def entry_draft(
    number: int,
    values: Sequence[object],
    columns: dict[str, int],
    person_columns: dict[str, int],
) -> EntryDraft | None:
    """The draft of one row, or None when the row holds nothing (a pre-numbered blank)."""
    extra = {f: _text(values, columns.get(f)) for f in ENTRY_ALIASES}
    person = person_draft(number, values, person_columns)
    if person is None and not extra["event"]:
        return None
    if person is None:  # only the event is filled in
        person = PersonDraft(number, None, "", (RowProblem(number, "name", "name_required"),))
    return EntryDraft(number, extra["event"], person, extra["team_name"], extra["note"])


def _text(values: Sequence[object], index: int | None) -> str:
    if index is None or index >= len(values):
        return ""
    return normalize_text(values[index])


def write_entry_form(path: Path, rows: Iterable[Sequence[object]] = ()) -> None:
    """An entry form (blank, for units to fill in, or with rows in ENTRY_HEADERS order)."""
    write_xlsx(
        path,
        ENTRY_HEADERS,
        rows,
        sheet_title=ENTRY_SHEET_TITLE,
        text_columns=ENTRY_TEXT_COLUMNS,
    )
