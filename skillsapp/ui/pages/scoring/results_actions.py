"""What the results page does beyond showing: 公示, the PDF and Excel exports (off the
GUI thread), the judges' analysis and granting titles."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from skillsapp.app import Services
from skillsapp.errors import UserError
from skillsapp.ui import msgbox, signals
from skillsapp.ui.dialogs.judge_analysis_dialog import JudgeAnalysisDialog
from skillsapp.ui.dialogs.progress_dialog import TaskProgressDialog
from skillsapp.ui.formatting import date_text
from skillsapp.ui.tasks import Task, TaskControl, report_error
from skillsapp.ui.widgets.dialogs import open_dialog

if TYPE_CHECKING:
    from skillsapp.ui.pages.scoring.results_tab import ResultsTab


class ResultsActions(QObject):
    """Holds the last file written (`written`) and the dialogs it opened."""

    def __init__(self, services: Services, tab: ResultsTab) -> None:
        super().__init__(tab)
        self._services = services
        self._tab = tab
        self.written: Path | None = None
        self.task: Task | None = None
        self.progress_dialog: TaskProgressDialog | None = None
        self.analysis_dialog: JudgeAnalysisDialog | None = None

    def _title(self) -> str:
        return self.tr("Results")

    # -- publishing and titles

    def publish(self) -> bool:
        tab = self._tab
        title = self.tr("Publish for review")
        question = self.tr(
            "Publish the results of {name} for public review? Titles and certificates follow "
            "only after the review period with no upheld appeal."
        ).format(name=tab.detail.row.name if tab.detail else "")
        if not msgbox.confirm(tab, title, question, ok_text=self.tr("Publish")):
            return False
        try:
            row = self._services.results.publish(tab.competition_id)
        except UserError as err:
            msgbox.refused(tab, self.tr("Cannot publish"), err)
            return False
        signals.announce(signals.COMPETITIONS, signals.RESULTS)
        text = self.tr("{count} results published; the review ends on {day}.").format(
            count=row.results, day=date_text(row.review_ends)
        )
        msgbox.info(tab, title, text)
        return True

    def grant_titles(self) -> int | None:
        tab = self._tab
        title = self.tr("Grant titles")
        question = self.tr(
            "Record the titles the final results earn as honours in the registry? "
            "Each is granted once."
        )
        if not msgbox.confirm(tab, title, question, ok_text=self.tr("Grant")):
            return None
        try:
            count = self._services.results.grant_titles(tab.competition_id)
        except UserError as err:
            msgbox.refused(tab, self.tr("Cannot grant titles"), err)
            return None
        signals.announce(signals.RESULTS, signals.PERSONS)
        msgbox.info(tab, title, self.tr("{count} titles granted.").format(count=count))
        return count

    # -- the judges' analysis

    def judge_analysis(self) -> JudgeAnalysisDialog | None:
        event_id = self._tab.event_id()
        if event_id is None:
            return None
        try:
            rows = self._services.results.judge_analysis(event_id)
        except UserError as err:
            msgbox.user_error(self._tab, err)
            return None
        dialog = JudgeAnalysisDialog(rows, event=self._tab.event.currentText(), parent=self._tab)
        dialog.export_requested.connect(lambda: self.export_analysis(event_id))
        self.analysis_dialog = open_dialog(dialog)
        return dialog

    def export_analysis(self, event_id: int) -> None:
        path = self._ask_path(self.tr("Judges' analysis"), "xlsx")
        if path is not None:
            self.write_analysis(event_id, path)

    def write_analysis(self, event_id: int, path: Path) -> Task:
        results = self._services.results
        return self._start(lambda _c: results.judge_analysis_xlsx(event_id, path))

    # -- exports

    def export_pdf(self) -> None:
        path = self._ask_path(self.tr("Results"), "pdf")
        if path is not None:
            self.write_pdf(path)

    def export_xlsx(self) -> None:
        path = self._ask_path(self.tr("Results"), "xlsx")
        if path is not None:
            self.write_xlsx(path)

    def write_pdf(self, path: Path) -> Task:
        results, competition_id = self._services.results, self._tab.competition_id

        def write(_control: TaskControl) -> Path:
            data = results.results_pdf(competition_id)
            try:
                path.write_bytes(data)
            except OSError as exc:
                raise UserError("file_unwritable", path=str(path), detail=str(exc)) from exc
            return path

        return self._start(write)

    def write_xlsx(self, path: Path) -> Task:
        results, competition_id = self._services.results, self._tab.competition_id
        return self._start(lambda _c: results.results_xlsx(competition_id, path))

    def _ask_path(self, stem: str, suffix: str) -> Path | None:
        name = self._tab.detail.row.name if self._tab.detail else stem
        chosen, _ = QFileDialog.getSaveFileName(
            self._tab, self.tr("Save as"), f"{name}{stem}.{suffix}", f"*.{suffix}"
        )
        return Path(chosen) if chosen else None

    def _start(self, fn: Callable[[TaskControl], Path]) -> Task:
        task = Task(fn, self)
        task.succeeded.connect(self._on_written)
        task.failed.connect(lambda exc: report_error(self._tab, exc))
        if self.progress_dialog is not None:
            self.progress_dialog.deleteLater()
        self.progress_dialog = TaskProgressDialog(
            task,
            title=self._title(),
            text=self.tr("Writing the file…"),
            parent=self._tab,
            cancellable=False,
        )
        self.progress_dialog.open()
        self.task = task
        task.start()
        return task

    def _on_written(self, path: Path) -> None:
        self.written = path
        msgbox.info(self._tab, self._title(), self.tr("Written to {path}.").format(path=path))
