"""Importing unit entry forms (报名表, .xlsx) into a competition, off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from skillsapp.app import Services
from skillsapp.services.competitions.registration_import import (
    RegistrationImportPreview,
    RegistrationImportResult,
)
from skillsapp.ui import msgbox, signals
from skillsapp.ui.pages.import_flow import ImportFlow
from skillsapp.ui.tasks import TaskControl

ENTRY_FORM_FILTER = "*.xlsx"


class RegistrationImportFlow(ImportFlow):
    """Set `competition_id`, then `start(path)`."""

    def __init__(self, services: Services, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self.competition_id = 0

    def title(self) -> str:
        return self.tr("Import entry forms")

    def read(self, path: Path, control: TaskControl) -> RegistrationImportPreview:
        return self._services.entry_import.preview(
            self.competition_id, path, progress=control.progress, cancelled=control.cancelled
        )

    def preview_notes(self, preview: RegistrationImportPreview) -> list[str]:
        if not preview.new_persons:
            return []
        text = self.tr("{count} persons are new and will be added to the registry.")
        return [text.format(count=preview.new_persons)]

    def running_text(self, preview: RegistrationImportPreview) -> str:
        return self.tr("Entering {count} contestants…").format(count=len(preview.valid))

    def run(
        self, preview: RegistrationImportPreview, control: TaskControl
    ) -> RegistrationImportResult:
        importer = self._services.entry_import
        return importer.run(preview, progress=control.progress, cancelled=control.cancelled)

    def succeeded(self, result: RegistrationImportResult) -> None:
        signals.announce(signals.REGISTRATIONS, signals.PERSONS, signals.UNITS)
        text = self.tr(
            "Entered {count} contestants; {skipped} rows skipped; "
            "{persons} new persons; {units} new units."
        )
        msgbox.info(
            self._parent,
            self.title(),
            text.format(
                count=result.registered,
                skipped=result.skipped,
                persons=result.persons_created,
                units=result.units_created,
            ),
        )
