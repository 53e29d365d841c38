"""The registry's search box and filter combos; says when the filter changed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from skillsapp.domain.levels import SkillLevel
from skillsapp.services.units import UnitRow
from skillsapp.ui import labels

SEARCH_DELAY_MS = 60  # coalesces fast typing; a search itself takes 10–40 ms


def _refill(combo: QComboBox, first: str, items: Sequence[tuple[str, Any]]) -> None:
    """Replace the items, keeping the current choice where it still exists."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(first, None)
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.blockSignals(False)


class PersonFilterBar(QWidget):
    """Search as you type (name, ID number, unit, pinyin initials) plus three combos."""

    filter_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search name, ID number, unit or pinyin initials (zs → 张三)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(320)
        self.unit = QComboBox()
        self.unit.setMinimumContentsLength(14)
        self.trade = QComboBox()
        self.trade.setMinimumContentsLength(8)
        self.skill_level = QComboBox()
        levels = [(labels.skill_level(level), level) for level in SkillLevel]
        _refill(self.skill_level, self.tr("All skill levels"), levels)
        self.set_units([])
        self.set_trades([])
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        for combo in (self.unit, self.trade, self.skill_level):
            layout.addWidget(combo, 1)

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self._on_search_text_changed)
        self._timer.timeout.connect(self.filter_changed)
        for combo in (self.unit, self.trade, self.skill_level):
            combo.currentIndexChanged.connect(self._on_combo_current_index_changed)

    def _on_search_text_changed(self) -> None:
        self._timer.start()

    def _on_combo_current_index_changed(self) -> None:
        self._timer.stop()
        self.filter_changed.emit()

    def set_units(self, units: Sequence[UnitRow]) -> None:
        _refill(self.unit, self.tr("All units"), [(u.name, u.id) for u in units])

    def set_trades(self, trades: Sequence[str]) -> None:
        _refill(self.trade, self.tr("All trades"), [(t, t) for t in trades])

    def select_unit(self, unit_id: int | None) -> None:
        self.unit.setCurrentIndex(max(self.unit.findData(unit_id), 0))

    def values(self) -> dict[str, Any]:
        """Keyword arguments for PersonTableModel.set_filter."""
        return {
            "text": self.search.text().strip(),
            "unit_id": self.unit.currentData(),
            "trade": self.trade.currentData() or "",
            "skill_level": self.skill_level.currentData(),
        }
