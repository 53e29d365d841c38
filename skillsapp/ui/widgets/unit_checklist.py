"""Units to tick, with a filter line: co-organizers, the units allowed in an event."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from skillsapp.services.units import UnitRow

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SHOWN_NAMES = 3


class UnitChecklist(QWidget):
    """Emits `changed` when a tick changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter units"))
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.summary = QLabel()
        self.summary.setStyleSheet("color: #5f6b7a;")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.summary)

    def _connect_signals(self) -> None:
        self.filter.textChanged.connect(self._on_filter_text_changed)
        self.list.itemChanged.connect(self._on_list_item_changed)

    def set_units(self, units: Sequence[UnitRow]) -> None:
        checked = set(self.checked_ids())
        self.list.blockSignals(True)
        self.list.clear()
        for unit in units:
            item = QListWidgetItem(unit.name)
            item.setData(ID_ROLE, unit.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            state = Qt.CheckState.Checked if unit.id in checked else Qt.CheckState.Unchecked
            item.setCheckState(state)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._update_summary()

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(row) for row in range(self.list.count())]

    def checked_ids(self) -> tuple[int, ...]:
        return tuple(
            item.data(ID_ROLE)
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        )

    def set_checked(self, unit_ids: Iterable[int]) -> None:
        wanted = set(unit_ids)
        self.list.blockSignals(True)
        for item in self._items():
            on = item.data(ID_ROLE) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._update_summary()

    def _on_filter_text_changed(self, text: str) -> None:
        needle = text.strip()
        for item in self._items():
            item.setHidden(bool(needle) and needle not in item.text())

    def _on_list_item_changed(self) -> None:
        self._update_summary()
        self.changed.emit()

    def _update_summary(self) -> None:
        """The chosen units by name (they may be scrolled out of sight)."""
        names = [i.text() for i in self._items() if i.checkState() == Qt.CheckState.Checked]
        if not names:
            self.summary.setText(self.tr("None chosen"))
        elif len(names) <= SHOWN_NAMES:
            self.summary.setText(self.tr("Chosen: {names}").format(names="、".join(names)))
        else:
            text = self.tr("Chosen: {names} and {more} more")
            shown = "、".join(names[:SHOWN_NAMES])
            self.summary.setText(text.format(names=shown, more=len(names) - SHOWN_NAMES))
        self.summary.setToolTip("\n".join(names))
