"""The unit tree, built from UnitRow.parent_id links, with each unit's person count."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from skillsapp.services.units import UnitRow
from skillsapp.ui import labels

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
HEADERS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("UnitTreeModel", "Unit"),
    QT_TRANSLATE_NOOP("UnitTreeModel", "Short name"),
    QT_TRANSLATE_NOOP("UnitTreeModel", "Kind"),
    QT_TRANSLATE_NOOP("UnitTreeModel", "Persons"),
    QT_TRANSLATE_NOOP("UnitTreeModel", "Contact person"),
    QT_TRANSLATE_NOOP("UnitTreeModel", "Contact phone"),
)
COUNT_COLUMN = 3


def _cell(unit: UnitRow, column: int) -> str:
    values = (
        unit.name,
        unit.short_name,
        labels.unit_kind(unit.kind),
        str(unit.person_count),
        unit.contact_person,
        unit.contact_phone,
    )
    return values[column]


class UnitTreeModel(QAbstractItemModel):
    """Each index carries its unit's id as internalId; id 0 is never a unit (ids start at 1)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._units: dict[int, UnitRow] = {}
        self._children: dict[int | None, list[int]] = {None: []}

    def set_units(self, units: Sequence[UnitRow]) -> None:
        self.beginResetModel()
        self._units = {u.id: u for u in units}
        self._children = {None: []}
        for unit in units:  # already ordered by name
            parent = unit.parent_id if unit.parent_id in self._units else None
            self._children.setdefault(parent, []).append(unit.id)
        self.endResetModel()

    def unit_at(self, index: Index) -> UnitRow | None:
        return self._units.get(index.internalId()) if index.isValid() else None

    def index_of(self, unit_id: int) -> QModelIndex:
        unit = self._units.get(unit_id)
        if unit is None:
            return QModelIndex()
        parent = unit.parent_id if unit.parent_id in self._units else None
        return self.createIndex(self._children[parent].index(unit_id), 0, unit_id)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        siblings = self._children.get(self._parent_key(parent), [])
        if not (0 <= row < len(siblings) and 0 <= column < len(HEADERS)):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        unit = self.unit_at(index)
        if unit is None or unit.parent_id not in self._units:
            return QModelIndex()
        return self.index_of(unit.parent_id)

    def _parent_key(self, parent: Index) -> int | None:
        return parent.internalId() if parent.isValid() else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(self._parent_key(parent), []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        unit = self.unit_at(index)
        if unit is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(unit, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COUNT_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return unit
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(HEADERS)
        ):
            return QCoreApplication.translate("UnitTreeModel", HEADERS[section])
        return None
