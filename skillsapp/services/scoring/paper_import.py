"""Importing filled .xlsx score sheets (written by `FormsService.score_sheet_xlsx`): a
preview listing every problem by row and column, then one transaction that writes all
valid marks (source IMPORT) or nothing. Called through `PaperService`.

A whole-file problem (not our sheet, another competition or judge, the judge has
signed off, the competition is not in 比赛) is raised at once; a cell's problem is
listed and the cell left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from skillsapp.domain.competitions import Event
from skillsapp.domain.marks import MarkSource
from skillsapp.errors import UserError
from skillsapp.interchange.score_sheets import CellProblem, FilledRow, SheetMeta, read_score_sheet
from skillsapp.services.competitions.competitions import require_status
from skillsapp.services.context import Actor
from skillsapp.services.scoring.mark_writes import (
    Cell,
    CellRules,
    Write,
    current_value,
    write_marks,
)
from skillsapp.services.scoring.marking import (
    MARKS_OPEN,
    change_kind,
    competition_of,
    require_judge,
    submission,
)
from skillsapp.storage.database import Database

CODE_COLUMN = "B"  # 参赛号 or 密号


@dataclass(frozen=True)
class ImportProblem:
    """A cell (or a row, in column B) left out; `code` is a message code."""

    row: int
    column: str
    code: str
    criterion: str = ""
    value: str = ""
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportMark:
    """A valid mark; `current` is what the database held at the preview."""

    row: int
    column: str
    registration_id: int
    code: str
    criterion_key: str
    value: Decimal
    current: Decimal | None


@dataclass(frozen=True)
class MarkImportPreview:
    path: Path
    sheet_id: str
    competition_id: int
    event_id: int
    judge_id: int
    marks: tuple[ImportMark, ...]
    problems: tuple[ImportProblem, ...]

    @property
    def changed(self) -> int:
        """Marks the import would create or change."""
        return sum(m.value != m.current for m in self.marks)


@dataclass(frozen=True)
class MarkImportResult:
    written: int
    unchanged: int
    problems: int


def preview(
    session: Session, path: Path, competition_id: int | None, judge_id: int | None
) -> MarkImportPreview:
    filled = read_score_sheet(path)
    meta = filled.meta
    event = session.get(Event, meta.event_id)
    if event is None or competition_id not in (None, meta.competition_id):
        raise UserError("score_sheet_other_competition", path=str(path))
    if event.competition_id != meta.competition_id:
        raise UserError("score_sheet_other_competition", path=str(path))
    judge = _judge(meta.judge_user_id, judge_id, path)
    rules = _rules(session, event, judge)
    found = submission(session, event.id, judge)
    kind = change_kind(found.status if found else None)  # refused once signed off
    checker = _Checker(meta, rules)
    for row in filled.rows:
        checker.check(row)
    writes, refused = rules.plan(session, checker.values, source=MarkSource.IMPORT, kind=kind)
    checker.refuse(refused)
    problems = [*map(_read_problem, filled.problems), *checker.problems]
    return MarkImportPreview(
        path,
        meta.sheet_id,
        meta.competition_id,
        event.id,
        judge,
        tuple(checker.mark(write) for write in writes),
        tuple(sorted(problems, key=lambda p: (p.row, len(p.column), p.column))),
    )


def _judge(on_sheet: int | None, chosen: int | None, path: Path) -> int:
    if on_sheet is not None and chosen not in (None, on_sheet):
        raise UserError("score_sheet_other_judge", path=str(path))
    judge = on_sheet if on_sheet is not None else chosen
    if judge is None:
        raise UserError("score_sheet_no_judge", path=str(path))
    return judge


def _rules(session: Session, event: Event, judge_id: int) -> CellRules:
    """The judge's cell rules, once the competition and the judge may take marks."""
    require_status(competition_of(session, event), MARKS_OPEN)
    require_judge(session, event.id, judge_id)
    return CellRules.load(session, event, judge_id)


def column_letter(column: int) -> str:
    """A spreadsheet column's letters: 1 → A, 27 → AA."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _read_problem(problem: CellProblem) -> ImportProblem:
    return ImportProblem(
        problem.row,
        problem.column,
        problem.code,
        problem.criterion,
        problem.value,
        {"value": problem.value},
    )


class _Checker:
    """Every filled row checked against the rules; valid values kept by cell."""

    def __init__(self, meta: SheetMeta, rules: CellRules) -> None:
        self._columns = {c.key: column_letter(c.column) for c in meta.criteria}
        self._rules = rules
        self._where: dict[Cell, tuple[int, str, str]] = {}  # row, column, code
        self.values: dict[Cell, Decimal] = {}
        self.problems: list[ImportProblem] = []

    def check(self, filled: FilledRow) -> None:
        if not filled.marks:
            return
        row_problem = self._rules.entry_problem(filled.registration_id)
        if row_problem is not None:
            self.problems.append(_problem(filled.row, CODE_COLUMN, row_problem, "", filled.code))
            return
        for key, value in filled.marks.items():
            cell, column = (filled.registration_id, key), self._columns.get(key, "")
            problem = self._rules.problem(cell, value)
            if problem is not None:
                self.problems.append(_problem(filled.row, column, problem, key, str(value)))
            else:
                self.values[cell] = value
                self._where[cell] = (filled.row, column, filled.code)

    def refuse(self, refused: list[tuple[Cell, UserError]]) -> None:
        for cell, problem in refused:
            row, column, _ = self._where[cell]
            self.problems.append(_problem(row, column, problem, cell[1], str(self.values[cell])))
            del self.values[cell]

    def mark(self, write: Write) -> ImportMark:
        existing, item = write
        cell = (item.registration_id, item.criterion.key)
        row, column, code = self._where[cell]
        return ImportMark(row, column, cell[0], code, cell[1], item.value, current_value(existing))


def _problem(row: int, column: str, error: UserError, key: str, value: str) -> ImportProblem:
    return ImportProblem(row, column, error.code, key, value, dict(error.params))


def run(db: Database, actor: Actor, preview: MarkImportPreview) -> MarkImportResult:
    if not preview.marks:
        raise UserError("import_nothing")
    try:
        with db.transaction() as session:
            written = _write(session, actor, preview)
    except StaleDataError as exc:  # a mark changed by somebody else meanwhile
        raise UserError("marks_import_stale") from exc
    unchanged = len(preview.marks) - written
    return MarkImportResult(written, unchanged, len(preview.problems))


def _write(session: Session, actor: Actor, preview: MarkImportPreview) -> int:
    event = session.get(Event, preview.event_id)
    if event is None:
        raise UserError("marks_import_stale")
    rules = _rules(session, event, preview.judge_id)
    found = submission(session, event.id, preview.judge_id)
    kind = change_kind(found.status if found else None)
    values = {(m.registration_id, m.criterion_key): m.value for m in preview.marks}
    writes, refused = rules.plan(session, values, source=MarkSource.IMPORT, kind=kind)
    now = {(i.registration_id, i.criterion.key): current_value(e) for e, i in writes}
    shown = {(m.registration_id, m.criterion_key): m.current for m in preview.marks}
    if rules.problems(dict(values)) or refused or now != shown:
        raise UserError("marks_import_stale")
    reason = f"import:{preview.sheet_id}"
    return len(write_marks(session, actor, writes, reason=reason))
