"""Importing persons from a spreadsheet and exporting the registry, off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from skillsapp.app import Services
from skillsapp.services.registry.person_import import ImportPreview, ImportResult
from skillsapp.services.registry.registry import PersonQuery
from skillsapp.ui import msgbox, signals
from skillsapp.ui.dialogs.progress_dialog import TaskProgressDialog
from skillsapp.ui.pages.import_flow import ImportFlow
from skillsapp.ui.tasks import Task, TaskControl, report_error

IMPORT_FILTER = "*.xlsx *.csv"


class PersonImportFlow(ImportFlow):
    """Persons from an .xlsx or .csv file: preview, then import the valid rows."""

    def __init__(self, services: Services, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services

    def title(self) -> str:
        return self.tr("Import persons")

    def read(self, path: Path, control: TaskControl) -> ImportPreview:
        from skillsapp.interchange.persons import read_persons

        drafts = read_persons(path, progress=control.progress, cancelled=control.cancelled)
        return self._services.importer.preview(drafts)

    def running_text(self, preview: ImportPreview) -> str:
        return self.tr("Importing {count} persons…").format(count=len(preview.valid))

    def run(self, preview: ImportPreview, control: TaskControl) -> ImportResult:
        importer = self._services.importer
        return importer.run(preview, progress=control.progress, cancelled=control.cancelled)

    def succeeded(self, result: ImportResult) -> None:
        signals.announce(signals.PERSONS, signals.UNITS)
        text = self.tr("Imported {count} persons; {skipped} rows skipped; {units} new units.")
        msgbox.info(
            self._parent,
            self.tr("Import persons"),
            text.format(count=result.imported, skipped=result.skipped, units=result.units_created),
        )


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
            from skillsapp.services.registry.registry_export import export_persons

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
