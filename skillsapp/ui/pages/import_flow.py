"""File → read and check (background) → preview dialog → import (background) → report.

Subclasses say how to read, how to import and what to tell; the steps, the progress
dialogs, cancelling and errors are the same for every kind of import.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from skillsapp import messages
from skillsapp.errors import UserError
from skillsapp.ui import labels, msgbox
from skillsapp.ui.dialogs.import_preview_dialog import ImportPreviewDialog
from skillsapp.ui.dialogs.progress_dialog import TaskProgressDialog
from skillsapp.ui.tasks import Task, TaskControl, report_error


class ImportFlow(QObject):
    """Emits `finished` when the flow ends, however it ends."""

    finished = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._path = Path()
        self.preview_dialog: ImportPreviewDialog | None = None
        self.progress_dialog: TaskProgressDialog | None = None
        self.result: Any = None

    # -- what subclasses say

    def title(self) -> str:
        raise NotImplementedError

    def read(self, path: Path, control: TaskControl) -> Any:
        """Parse and check the file (on a worker thread); returns the preview."""
        raise NotImplementedError

    def run(self, preview: Any, control: TaskControl) -> Any:
        """Write the preview's valid rows (on a worker thread); returns the result."""
        raise NotImplementedError

    def running_text(self, preview: Any) -> str:
        raise NotImplementedError

    def preview_notes(self, preview: Any) -> list[str]:
        return []

    def field_label(self, field: str) -> str:
        """The name of a field of the file, in the problem list."""
        return labels.field(field)

    def succeeded(self, result: Any) -> None:
        """Announce the change and tell the user (on the GUI thread)."""
        raise NotImplementedError

    # -- the steps

    def start(self, path: Path) -> None:
        self._path = path
        text = QCoreApplication.translate("ImportFlow", "Reading {file}…").format(file=path.name)
        task = self._run(lambda control: self.read(path, control), text)
        task.succeeded.connect(self._on_read_succeeded)

    def _run(self, fn: Callable[[TaskControl], Any], text: str) -> Task:
        task = Task(fn, self)
        task.failed.connect(self._on_task_failed)
        if self.progress_dialog is not None:
            self.progress_dialog.deleteLater()
        self.progress_dialog = TaskProgressDialog(
            task, title=self.title(), text=text, parent=self._parent
        )
        self.progress_dialog.open()
        task.start()
        return task

    def _on_read_succeeded(self, preview: Any) -> None:
        dialog = ImportPreviewDialog(
            preview,
            file_name=self._path.name,
            notes=self.preview_notes(preview),
            field_label=self.field_label,
            parent=self._parent,
        )
        dialog.import_requested.connect(self._on_preview_import_requested)
        dialog.rejected.connect(self.finished)
        if self.preview_dialog is not None:
            self.preview_dialog.deleteLater()
        self.preview_dialog = dialog
        dialog.open()

    def _on_preview_import_requested(self) -> None:
        assert self.preview_dialog is not None
        preview = self.preview_dialog.preview
        task = self._run(lambda control: self.run(preview, control), self.running_text(preview))
        task.succeeded.connect(self._on_import_succeeded)

    def _on_import_succeeded(self, result: Any) -> None:
        self.result = result
        self.succeeded(result)
        self.finished.emit()

    def _on_task_failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError) and exc.code == "import_cancelled":
            msgbox.info(self._parent, self.title(), messages.describe(exc))
        else:
            report_error(self._parent, exc)
        self.finished.emit()
