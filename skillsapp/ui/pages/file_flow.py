"""Writing a file off the GUI thread (a PDF, an export, a downloaded document), with a
progress dialog, then saying where it went."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from skillsapp.errors import UserError
from skillsapp.ui import msgbox
from skillsapp.ui.dialogs.progress_dialog import TaskProgressDialog
from skillsapp.ui.tasks import Task, TaskControl, report_error


def ask_save_path(parent: QWidget, title: str, suggested: str, suffix: str) -> Path | None:
    """Ask where to save; the answer always ends in `suffix` (".pdf", ".xlsx" …)."""
    pattern = f"{suffix[1:].upper()} (*{suffix})" if suffix else "(*)"
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, pattern)
    if not path:
        return None
    return Path(path if path.lower().endswith(suffix.lower()) else f"{path}{suffix}")


def write_bytes(path: Path, data: bytes) -> None:
    """Write `data`; a disk that refuses is the user's problem, reported as such."""
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise UserError("file_unwritable", path=str(path), detail=str(exc)) from exc


class FileFlow(QObject):
    """`save_bytes` builds bytes on a worker thread and writes them; `run` calls anything
    that writes `path` itself. `finished` fires however it ends; `path` is the last file."""

    finished = Signal()

    def __init__(self, parent: QWidget, title: str) -> None:
        super().__init__(parent)
        self._parent = parent
        self._title = title
        self.progress_dialog: TaskProgressDialog | None = None
        self.path: Path | None = None

    def save_bytes(self, build: Callable[[], bytes], path: Path) -> Task:
        def work(_control: TaskControl) -> None:
            write_bytes(path, build())

        return self.run(work, path)

    def run(
        self,
        work: Callable[[TaskControl], object],
        path: Path,
        done: Callable[[object], str] | None = None,
    ) -> Task:
        """Run `work`; then tell `done(result)` (default: "Saved to {path}.")."""
        task = Task(work, self)
        task.succeeded.connect(lambda result: self._on_task_succeeded(path, result, done))
        task.failed.connect(self._on_task_failed)
        text = QCoreApplication.translate("FileFlow", "Writing {file}…").format(file=path.name)
        if self.progress_dialog is not None:
            self.progress_dialog.deleteLater()
        self.progress_dialog = TaskProgressDialog(
            task, title=self._title, text=text, parent=self._parent, cancellable=False
        )
        self.progress_dialog.open()
        task.start()
        return task

    def _on_task_succeeded(
        self, path: Path, result: object, done: Callable[[object], str] | None
    ) -> None:
        self.path = path
        if done is not None:
            text = done(result)
        else:
            text = QCoreApplication.translate("FileFlow", "Saved to {path}.").format(path=path)
        msgbox.info(self._parent, self._title, text)
        self.finished.emit()

    def _on_task_failed(self, exc: BaseException) -> None:
        report_error(self._parent, exc)
        self.finished.emit()
