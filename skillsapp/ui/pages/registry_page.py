"""人才库: persons and units as two tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from skillsapp.app import Services
from skillsapp.ui.pages.persons_tab import PersonsTab
from skillsapp.ui.pages.units_tab import UnitsTab


class RegistryPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build_ui(services)
        self._connect_signals()

    def _build_ui(self, services: Services) -> None:
        self.persons = PersonsTab(services)
        self.units = UnitsTab(services)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.persons, self.tr("Persons"))
        self.tabs.addTab(self.units, self.tr("Units"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 4)
        layout.addWidget(self.tabs)

    def _connect_signals(self) -> None:
        self.units.persons_requested.connect(self._on_units_persons_requested)

    def _on_units_persons_requested(self, unit_id: int) -> None:
        self.persons.show_unit(unit_id)
        self.tabs.setCurrentWidget(self.persons)

    def show_tab(self, name: str) -> None:
        self.tabs.setCurrentWidget(self.units if name == "units" else self.persons)
