"""Studios and innovation results from spreadsheets (preview with every problem, then one
transaction), and the studio list to .xlsx."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from skillsapp.app import Services
from skillsapp.interchange.studios_xlsx import INNOVATION_HEADERS, STUDIO_HEADERS
from skillsapp.services.studios.studio_import import ImportResult, Preview
from skillsapp.ui import labels, msgbox, signals
from skillsapp.ui.pages.import_flow import ImportFlow
from skillsapp.ui.tasks import TaskControl


class StudioImportFlow(ImportFlow):
    """工作室名称, 类型, 级别, 依托单位, 领办人身份证号 … one studio a row."""

    def __init__(self, services: Services, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services

    def title(self) -> str:
        return self.tr("Import studios")

    def field_label(self, field: str) -> str:
        return STUDIO_HEADERS.get(field) or labels.field(field)

    def read(self, path: Path, control: TaskControl) -> Preview:
        from skillsapp.interchange.studios_xlsx import read_studios

        return self._services.studio_import.preview_studios(read_studios(path))

    def running_text(self, preview: Preview) -> str:
        return self.tr("Importing {count} studios…").format(count=len(preview.valid))

    def run(self, preview: Preview, control: TaskControl) -> ImportResult:
        return self._services.studio_import.run_studios(preview)

    def succeeded(self, result: ImportResult) -> None:
        signals.announce(signals.STUDIOS, signals.UNITS)
        text = self.tr("Imported {count} studios; {skipped} rows skipped.")
        msgbox.info(
            self._parent,
            self.title(),
            text.format(count=result.imported, skipped=result.skipped),
        )


class InnovationImportFlow(ImportFlow):
    """工作室名称, 成果名称, 年度, 类别, 专利 … one result a row, studios found by name."""

    def __init__(self, services: Services, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services

    def title(self) -> str:
        return self.tr("Import innovation results")

    def field_label(self, field: str) -> str:
        return INNOVATION_HEADERS.get(field) or labels.field(field)

    def read(self, path: Path, control: TaskControl) -> Preview:
        from skillsapp.interchange.studios_xlsx import read_innovations

        return self._services.studio_import.preview_innovations(read_innovations(path))

    def running_text(self, preview: Preview) -> str:
        return self.tr("Importing {count} results…").format(count=len(preview.valid))

    def run(self, preview: Preview, control: TaskControl) -> ImportResult:
        return self._services.studio_import.run_innovations(preview)

    def succeeded(self, result: ImportResult) -> None:
        signals.announce(signals.STUDIOS)
        text = self.tr("Imported {count} results; {skipped} rows skipped.")
        msgbox.info(
            self._parent,
            self.title(),
            text.format(count=result.imported, skipped=result.skipped),
        )
