"""The studios: search and filters (level, unit, status, kind, due for re-examination),
the table, new / open / delete, imports and the export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from skillsapp.app import Services
from skillsapp.domain.roles import Permission
from skillsapp.services.studios.studio_queries import StudioFilter, StudioRow
from skillsapp.ui import signals
from skillsapp.ui import studio_labels as sl
from skillsapp.ui import talent_labels as tl
from skillsapp.ui.dialogs.studio_dialog import StudioDialog
from skillsapp.ui.models.studio_models import StudioTableModel
from skillsapp.ui.pages.file_flow import FileFlow, ask_save_path
from skillsapp.ui.widgets.dialogs import open_dialog
from skillsapp.ui.widgets.fields import combo
from skillsapp.ui.widgets.person_filter_bar import _refill
from skillsapp.ui.widgets.record_section import RecordSection
from skillsapp.ui.widgets.refresh import RefreshOnChange

if TYPE_CHECKING:
    from skillsapp.ui.pages.import_flow import ImportFlow

COLUMN_WIDTHS = (200, 160, 84, 150, 60, 50, 40, 40, 40, 110, 96)
SEARCH_DELAY_MS = 150
SPREADSHEETS = "*.xlsx *.csv"


class StudioListWidget(QWidget):
    """Emits `open_requested(studio_id)`."""

    open_requested = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._manager = services.actor.can(Permission.MANAGE_STUDIOS)
        self._recorder = services.actor.can(Permission.EDIT_STUDIO_RECORDS)
        self._imports: dict[str, ImportFlow] = {}
        self.export_flow = FileFlow(self, self.tr("Export studios"))
        self.dialog: StudioDialog | None = None
        self._build_ui()
        self._connect_signals()
        kinds = {signals.STUDIOS, signals.UNITS, signals.PERSONS, signals.TALENT}
        RefreshOnChange(self, self.refresh, kinds, initially=True)

    def _build_ui(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search studio, leader or host unit"))
        self.search.setClearButtonEnabled(True)
        self.level = combo(tl.choices(tl.HONOUR_LEVEL_NAMES), first=self.tr("All levels"))
        self.unit = QComboBox()
        self.unit.setMinimumContentsLength(12)
        self.status = combo(sl.choices(sl.STATUS_NAMES), first=self.tr("All statuses"))
        self.kind = combo(sl.choices(sl.KIND_NAMES), first=self.tr("All kinds"))
        self.due = QCheckBox(self.tr("Due for re-examination"))
        self.table_section = RecordSection(
            self.tr("Innovation studios"), StudioTableModel(self), COLUMN_WIDTHS, stretch=0
        )
        self.table = self.table_section.table
        self.model = self.table_section.model
        self._add_buttons()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for widget in (self.level, self.unit, self.status, self.kind):
            filters.addWidget(widget, 1)
        filters.addWidget(self.due)
        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table_section, 1)
        layout.addWidget(self.count_label)

    def _add_buttons(self) -> None:
        section = self.table_section
        self.new_button = section.add_button(
            self.tr("New studio…"), self._on_new_button_clicked, shown=self._manager
        )
        section.add_button(self.tr("Open"), self._open_selected, needs_row=True)
        section.on_activated(lambda row: self.open_requested.emit(row.id))
        self.import_button = section.add_button(
            self.tr("Import studios…"), self._on_import_studios_clicked, shown=self._manager
        )
        section.add_button(
            self.tr("Import results…"), self._on_import_results_clicked, shown=self._recorder
        )
        section.add_button(self.tr("Export…"), self._on_export_clicked)

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self._timer.start)
        self._timer.timeout.connect(self.refresh)
        for box in (self.level, self.unit, self.status, self.kind):
            box.currentIndexChanged.connect(self.refresh)
        self.due.toggled.connect(self.refresh)

    def _import_flow(self, kind: str) -> ImportFlow:
        """The studio or the innovation import, built on first use (spreadsheet code is
        not needed to open the page)."""
        if kind not in self._imports:
            from skillsapp.ui.pages import studio_io

            flow = (
                studio_io.StudioImportFlow if kind == "studios" else studio_io.InnovationImportFlow
            )
            self._imports[kind] = flow(self._services, self)
        return self._imports[kind]

    @property
    def studio_import(self) -> ImportFlow:
        return self._import_flow("studios")

    @property
    def innovation_import(self) -> ImportFlow:
        return self._import_flow("innovations")

    # -- data

    def current_filter(self) -> StudioFilter:
        return StudioFilter(
            level=self.level.currentData(),
            unit_id=self.unit.currentData(),
            status=self.status.currentData(),
            kind=self.kind.currentData(),
            text=self.search.text().strip(),
            due_for_reconfirmation=self.due.isChecked(),
        )

    def refresh(self) -> None:
        units = [(u.name, u.id) for u in self._services.units.units()]
        _refill(self.unit, self.tr("All host units"), units)
        rows = self._services.studios.studios(self.current_filter())
        self.table_section.set_rows(rows)
        due = sum(r.due for r in rows)
        text = self.tr("{count} studios; {due} due for re-examination")
        self.count_label.setText(text.format(count=len(rows), due=due))

    def rows(self) -> list[StudioRow]:
        return self.model.rows()

    def _open_selected(self) -> None:
        row = self.table_section.selected()
        if row is not None:
            self.open_requested.emit(row.id)

    # -- actions

    def _on_new_button_clicked(self) -> None:
        dialog = StudioDialog(
            self._services.studios,
            self._services.registry,
            units=self._services.units.units(),
            parent=self,
        )
        self.dialog = open_dialog(dialog)

    def _ask_file(self, title: str) -> Path | None:
        filter_text = self.tr("Spreadsheets ({patterns})").format(patterns=SPREADSHEETS)
        path, _ = QFileDialog.getOpenFileName(self, title, "", filter_text)
        return Path(path) if path else None

    def _on_import_studios_clicked(self) -> None:
        path = self._ask_file(self.studio_import.title())
        if path is not None:
            self.studio_import.start(path)

    def _on_import_results_clicked(self) -> None:
        path = self._ask_file(self.innovation_import.title())
        if path is not None:
            self.innovation_import.start(path)

    def _on_export_clicked(self) -> None:
        path = ask_save_path(self, self.tr("Export studios"), self.tr("studios.xlsx"), ".xlsx")
        if path is not None:
            self.export_file(path)

    def export_file(self, path: Path) -> None:
        """The studios matching the filters to an .xlsx that imports back."""
        importer, flt = self._services.studio_import, self.current_filter()
        text = self.tr("Exported {count} studios to {path}.")
        self.export_flow.run(
            lambda _control: importer.export_studios(path, flt),
            path,
            lambda count: text.format(count=count, path=path),
        )
