"""Importing filled .xlsx score sheets: read and check off the GUI thread, the preview
with every problem by row and column, then all valid marks in one go."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from skillsapp.app import Services
from skillsapp.errors import UserError
from skillsapp.interchange.rows import RowProblem
from skillsapp.services.scoring.paper import MarkImportPreview, MarkImportResult
from skillsapp.services.scoring.paper_import import ImportMark, ImportProblem
from skillsapp.ui import msgbox, signals
from skillsapp.ui.pages.import_flow import ImportFlow
from skillsapp.ui.tasks import TaskControl

SCORE_SHEET_FILTER = "*.xlsx"


@dataclass(frozen=True)
class MarkImportSummary:
    """A mark import preview as the import preview dialog reads it (rows of the sheet)."""

    source: MarkImportPreview
    total_rows: int
    valid: tuple[int, ...]  # sheet rows with at least one valid mark
    bad_rows: tuple[int, ...]
    problems: tuple[RowProblem, ...]
    new_units: tuple[str, ...] = ()


def _row_problem(problem: ImportProblem) -> RowProblem:
    where = QCoreApplication.translate("MarkImportFlow", "Column {column}").format(
        column=problem.column
    )
    if problem.criterion:
        where = f"{where}（{problem.criterion}）"
    params = {k: v for k, v in problem.params.items() if k != "value"}
    return RowProblem(problem.row, where, problem.code, problem.value, params)


def summary(preview: MarkImportPreview) -> MarkImportSummary:
    valid = tuple(sorted({m.row for m in preview.marks}))
    bad = tuple(sorted({p.row for p in preview.problems}))
    return MarkImportSummary(
        preview,
        len({*valid, *bad}),
        valid,
        bad,
        tuple(_row_problem(p) for p in preview.problems),
    )


class MarkImportFlow(ImportFlow):
    """Set `competition_id` (and `judge_id` for a sheet that names no judge), then start."""

    def __init__(self, services: Services, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self.competition_id = 0
        self.judge_id: int | None = None

    def title(self) -> str:
        return self.tr("Import score sheets")

    def read(self, path: Path, control: TaskControl) -> MarkImportSummary:
        paper = self._services.paper
        try:
            preview = paper.preview_import(path, competition_id=self.competition_id)
        except UserError as err:
            if err.code != "score_sheet_no_judge" or self.judge_id is None:
                raise
            preview = paper.preview_import(
                path, competition_id=self.competition_id, judge_id=self.judge_id
            )
        if control.cancelled():
            raise UserError("import_cancelled")
        return summary(preview)

    def preview_notes(self, preview: MarkImportSummary) -> list[str]:
        marks: tuple[ImportMark, ...] = preview.source.marks
        text = self.tr("{count} marks in the sheet; {changed} of them new or changed.")
        return [text.format(count=len(marks), changed=preview.source.changed)]

    def running_text(self, preview: MarkImportSummary) -> str:
        return self.tr("Importing {count} marks…").format(count=len(preview.source.marks))

    def run(self, preview: MarkImportSummary, control: TaskControl) -> MarkImportResult:
        if control.cancelled():
            raise UserError("import_cancelled")
        return self._services.paper.run_import(preview.source)

    def succeeded(self, result: MarkImportResult) -> None:
        signals.announce(signals.MARKS)
        text = self.tr("{written} marks written, {unchanged} unchanged, {problems} left out.")
        msgbox.info(
            self._parent,
            self.title(),
            text.format(
                written=result.written, unchanged=result.unchanged, problems=result.problems
            ),
        )
