"""Importing honours from a spreadsheet: preview with every problem, then one transaction."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from skillsapp.app import Services
from skillsapp.interchange.honours_xlsx import HEADER_ALIASES
from skillsapp.services.talent.honour_import import HonourImportPreview, HonourImportResult
from skillsapp.ui import labels, msgbox, signals
from skillsapp.ui.pages.import_flow import ImportFlow
from skillsapp.ui.tasks import TaskControl


class HonourImportFlow(ImportFlow):
    """An .xlsx or .csv of honours, the holders found by ID number."""

    def __init__(self, services: Services, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services

    def title(self) -> str:
        return self.tr("Import honours")

    def field_label(self, field: str) -> str:
        """The column header the file uses (姓名, 荣誉类型 …)."""
        aliases = HEADER_ALIASES.get(field)
        return aliases[0] if aliases else labels.field(field)

    def read(self, path: Path, control: TaskControl) -> HonourImportPreview:
        return self._services.honour_import.preview_file(path)

    def running_text(self, preview: HonourImportPreview) -> str:
        return self.tr("Importing {count} honours…").format(count=len(preview.valid))

    def run(self, preview: HonourImportPreview, control: TaskControl) -> HonourImportResult:
        return self._services.honour_import.run(preview)

    def succeeded(self, result: HonourImportResult) -> None:
        signals.announce(signals.TALENT)
        text = self.tr("Imported {count} honours; {skipped} rows skipped.")
        msgbox.info(
            self._parent,
            self.tr("Import honours"),
            text.format(count=result.imported, skipped=result.skipped),
        )
