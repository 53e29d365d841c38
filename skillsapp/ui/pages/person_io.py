"""Importing persons from a spreadsheet and exporting the registry, off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from skillsapp import messages
from skillsapp.app import Services
from skillsapp.errors import UserError
from skillsapp.services.person_import import ImportPreview, ImportResult
from skillsapp.services.registry import PersonQuery
from skillsapp.ui import msgbox, signals
from skillsapp.ui.dialogs.import_preview_dialog import ImportPreviewDialog
from skillsapp.ui.dialogs.progress_dialog import TaskProgressDialog
from skillsapp.ui.tasks import Task, TaskControl, report_error

IMPORT_FILTER = "*.xlsx *.csv"


class PersonImportFlow(QObject):
    """File → parse and preview (background) → preview dialog → import (background)."""

    finished = Signal()

    def __init__(self, services: Services, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._parent = parent
        self._path = Path()
        self.preview_dialog: ImportPreviewDialog | None = None
        self.progress_dialog: TaskProgressDialog | None = None
        self.result: ImportResult | None = None

    def start(self, path: Path) -> None:
        self._path = path
        text = self.tr("Reading {file}…").format(file=path.name)
        task = self._run(self._read, text)
        task.succeeded.connect(self._on_read_succeeded)

    def _run(self, fn: object, text: str) -> Task:
        task = Task(fn, self)
        task.failed.connect(self._on_task_failed)
        if self.progress_dialog is not None:
            self.progress_dialog.deleteLater()
        self.progress_dialog = TaskProgressDialog(
            task, title=self.tr("Import persons"), text=text, parent=self._parent
        )
        self.progress_dialog.open()
        task.start()
        return task

    def _read(self, control: TaskControl) -> ImportPreview:
        from skillsapp.interchange.persons import read_persons

        drafts = read_persons(self._path, progress=control.progress, cancelled=control.cancelled)
        return self._services.importer.preview(drafts)

    def _on_read_succeeded(self, preview: ImportPreview) -> None:
        dialog = ImportPreviewDialog(preview, file_name=self._path.name, parent=self._parent)
        dialog.import_requested.connect(self._on_preview_import_requested)
        dialog.rejected.connect(self.finished)
        if self.preview_dialog is not None:
            self.preview_dialog.deleteLater()
        self.preview_dialog = dialog
        dialog.open()

    def _on_preview_import_requested(self) -> None:
        preview = self.preview_dialog.preview
        importer = self._services.importer
        text = self.tr("Importing {count} persons…").format(count=len(preview.valid))
        task = self._run(
            lambda c: importer.run(preview, progress=c.progress, cancelled=c.cancelled), text
        )
        task.succeeded.connect(self._on_import_succeeded)

    def _on_import_succeeded(self, result: ImportResult) -> None:
        self.result = result
        signals.announce(signals.PERSONS, signals.UNITS)
        text = self.tr("Imported {count} persons; {skipped} rows skipped; {units} new units.")
        msgbox.info(
            self._parent,
            self.tr("Import persons"),
            text.format(count=result.imported, skipped=result.skipped, units=result.units_created),
        )
        self.finished.emit()

    def _on_task_failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError) and exc.code == "import_cancelled":
            msgbox.info(self._parent, self.tr("Import persons"), messages.describe(exc))
        else:
            report_error(self._parent, exc)
        self.finished.emit()


class PersonExportFlow(QObject):
    """Writes the persons matching `query` to an .xlsx file in the background."""

    finished = Signal()

    def __init__(self, services: Services, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._parent = parent
        self.progress_dialog: TaskProgressDialog | None = None
        self.count: int | None = None

    def start(self, query: PersonQuery, path: Path) -> None:
        registry = self._services.registry

        def export(_control: TaskControl) -> int:
            from skillsapp.services.registry_export import export_persons

            return export_persons(registry, query, path)

        task = Task(export, self)
        task.succeeded.connect(lambda count: self._on_export_succeeded(count, path))
        task.failed.connect(self._on_task_failed)
        self.progress_dialog = TaskProgressDialog(
            task,
            title=self.tr("Export persons"),
            text=self.tr("Writing {file}…").format(file=path.name),
            parent=self._parent,
            cancellable=False,
        )
        self.progress_dialog.open()
        task.start()

    def _on_export_succeeded(self, count: int, path: Path) -> None:
        self.count = count
        msgbox.info(
            self._parent,
            self.tr("Export persons"),
            self.tr("Exported {count} persons to {path}.").format(count=count, path=path),
        )
        self.finished.emit()

    def _on_task_failed(self, exc: BaseException) -> None:
        report_error(self._parent, exc)
        self.finished.emit()
