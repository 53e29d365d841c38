"""打印: every form of the competition into a folder, or one PDF opened for printing."""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from skillsapp import messages
from skillsapp.app import Services
from skillsapp.errors import UserError
from skillsapp.ui import msgbox
from skillsapp.ui.dialogs.progress_dialog import TaskProgressDialog
from skillsapp.ui.pages.competition_tab import CompetitionTab
from skillsapp.ui.tasks import Task, TaskControl, report_error

HINT_STYLE = "color: #5f6b7a;"


class PrintTab(CompetitionTab):
    """`written` holds the files of the last run, `opened` the last PDF opened."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.progress_dialog: TaskProgressDialog | None = None
        self.written: list[Path] = []
        self.opened: Path | None = None
        self.task: Task | None = None
        self._build_ui()
        self._connect_signals()
        self._watch()

    def _build_ui(self) -> None:
        self.all_button = QPushButton(self.tr("Write all forms to a folder…"))
        all_hint = QLabel(
            self.tr(
                "Rosters by event and by unit, sign-in sheets, and for every event and judge "
                "a score sheet as PDF and as .xlsx to fill in and import."
            )
        )
        self.roster_button = QPushButton(self.tr("Roster by event"))
        self.unit_roster_button = QPushButton(self.tr("Roster by unit"))
        self.sign_in_button = QPushButton(self.tr("Sign-in sheets"))
        one_hint = QLabel(self.tr("Opens the PDF in the system's viewer, ready to print."))
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        for label in (all_hint, one_hint):
            label.setWordWrap(True)
            label.setStyleSheet(HINT_STYLE)
        everything = QGroupBox(self.tr("All forms"))
        all_layout = QVBoxLayout(everything)
        all_layout.addWidget(all_hint)
        all_layout.addWidget(self.all_button, 0, Qt.AlignmentFlag.AlignLeft)
        one = QGroupBox(self.tr("One document"))
        grid = QGridLayout(one)
        grid.addWidget(one_hint, 0, 0, 1, 3)
        for column, button in enumerate(
            (self.roster_button, self.unit_roster_button, self.sign_in_button)
        ):
            grid.addWidget(button, 1, column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.addWidget(everything)
        layout.addWidget(one)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        for box in (everything, one):
            box.setMaximumWidth(720)

    def _connect_signals(self) -> None:
        self.all_button.clicked.connect(self._on_all_button_clicked)
        forms = self._services.forms
        self.roster_button.clicked.connect(lambda: self.open_pdf("roster", forms.roster_pdf))
        self.unit_roster_button.clicked.connect(
            lambda: self.open_pdf("roster-by-unit", partial(forms.roster_pdf, by="unit"))
        )
        self.sign_in_button.clicked.connect(lambda: self.open_pdf("sign-in", forms.sign_in_pdf))

    def refresh(self) -> None:
        """Nothing to load: the forms are built when asked for."""

    # -- all forms

    def _on_all_button_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Write the forms into"))
        if folder:
            self.write_all(Path(folder))

    def write_all(self, folder: Path) -> None:
        forms, competition_id = self._services.forms, self.competition_id

        def write(control: TaskControl) -> list[Path]:
            return forms.write_all(
                competition_id, folder, progress=control.progress, cancelled=control.cancelled
            )

        task = self._start(write, self.tr("Writing the forms into {folder}…").format(folder=folder))
        task.succeeded.connect(lambda paths: self._on_written(paths, folder))

    def _on_written(self, paths: list[Path], folder: Path) -> None:
        self.written = paths
        text = self.tr("{count} files written to {folder}.").format(count=len(paths), folder=folder)
        self.result_label.setText(text)
        msgbox.info(self, self.tr("Forms"), text)

    # -- one PDF

    def open_pdf(self, stem: str, build: Callable[[int], bytes]) -> None:
        """Build a competition's PDF off the GUI thread, save it to a new temporary file
        (an older one may still be open in a viewer) and open it."""
        competition_id = self.competition_id
        folder = Path(tempfile.gettempdir()) / "skillsapp-print"
        path = folder / f"{stem}-{competition_id}-{uuid.uuid4().hex[:8]}.pdf"

        def make(_control: TaskControl) -> Path:
            data = build(competition_id)
            try:
                folder.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            except OSError as exc:
                raise UserError("file_unwritable", path=str(path), detail=str(exc)) from exc
            return path

        task = self._start(make, self.tr("Building the PDF…"), cancellable=False)
        task.succeeded.connect(self._on_pdf_built)

    def _on_pdf_built(self, path: Path) -> None:
        self.opened = path
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            msgbox.info(
                self,
                self.tr("Forms"),
                self.tr("No PDF viewer opened; the file is {path}.").format(path=path),
            )

    # -- shared

    def _start(
        self, fn: Callable[[TaskControl], object], text: str, *, cancellable: bool = True
    ) -> Task:
        task = Task(fn, self)
        task.failed.connect(self._on_task_failed)
        if self.progress_dialog is not None:
            self.progress_dialog.deleteLater()
        self.progress_dialog = TaskProgressDialog(
            task, title=self.tr("Forms"), text=text, parent=self, cancellable=cancellable
        )
        self.progress_dialog.open()
        self.task = task
        task.start()
        return task

    def _on_task_failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError) and exc.code == "forms_cancelled":
            self.result_label.setText(messages.describe(exc))
            msgbox.info(self, self.tr("Forms"), messages.describe(exc))
            return
        report_error(self, exc)
