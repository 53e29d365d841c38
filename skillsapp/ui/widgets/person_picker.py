"""Finding a registry person by name, ID number, unit or pinyin initials."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from skillsapp.services.registry.registry import PersonQuery, PersonRow, RegistryService

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
RESULTS = 30
SEARCH_DELAY_MS = 120


class PersonPicker(QWidget):
    """Emits `person_chosen(PersonRow)` when a search result is selected."""

    person_chosen = Signal(object)

    def __init__(self, registry: RegistryService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._registry = registry
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name, ID number, unit or pinyin initials"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setMinimumHeight(160)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.results)

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self._timer.start)
        self._timer.timeout.connect(self.find)
        self.results.currentItemChanged.connect(self._on_results_current_item_changed)

    def find(self) -> None:
        """Search now for what is typed (the timer does this while typing)."""
        self._timer.stop()
        self.results.clear()
        text = self.search.text().strip()
        if not text:
            return
        for person in self._registry.search(PersonQuery(text=text, limit=RESULTS)).rows:
            parts = [person.name, person.id_number, person.unit_name, person.trade]
            item = QListWidgetItem("    ".join(p for p in parts if p))
            item.setData(ROW_ROLE, person)
            self.results.addItem(item)

    def chosen(self) -> PersonRow | None:
        item = self.results.currentItem()
        return item.data(ROW_ROLE) if item is not None else None

    def _on_results_current_item_changed(self) -> None:
        person = self.chosen()
        if person is not None:
            self.person_chosen.emit(person)
