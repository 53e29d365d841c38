"""The registry table: pages of PersonRow fetched on demand, filtered and sorted in SQL."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from skillsapp.services.registry.registry import SORT_KEYS, PersonPage, PersonQuery, PersonRow
from skillsapp.ui import labels

PAGE_SIZE = 500
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex

# (sort key of registry.SORT_KEYS, header source text)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", QT_TRANSLATE_NOOP("PersonTableModel", "Name")),
    ("gender", QT_TRANSLATE_NOOP("PersonTableModel", "Gender")),
    ("id_number", QT_TRANSLATE_NOOP("PersonTableModel", "ID number")),
    ("birth_date", QT_TRANSLATE_NOOP("PersonTableModel", "Birth date")),
    ("mobile", QT_TRANSLATE_NOOP("PersonTableModel", "Mobile")),
    ("unit", QT_TRANSLATE_NOOP("PersonTableModel", "Unit")),
    ("trade", QT_TRANSLATE_NOOP("PersonTableModel", "Trade")),
    ("skill_level", QT_TRANSLATE_NOOP("PersonTableModel", "Skill level")),
    ("title", QT_TRANSLATE_NOOP("PersonTableModel", "Professional title")),
)
COLUMN_KEYS: tuple[str, ...] = tuple(key for key, _ in COLUMNS)
assert set(COLUMN_KEYS) <= set(SORT_KEYS)


def cell_text(row: PersonRow, key: str) -> str:
    if key == "gender":
        return labels.gender(row.gender)
    if key == "birth_date":
        return row.birth_date.isoformat() if row.birth_date else ""
    if key == "unit":
        return row.unit_name
    if key == "skill_level":
        return labels.skill_level(row.skill_level)
    return str(getattr(row, key))


class PersonTableModel(QAbstractTableModel):
    """Holds the rows fetched so far; `fetchMore` asks the service for the next page."""

    total_changed = Signal(int)

    def __init__(self, search: Callable[[PersonQuery], PersonPage], parent: Any = None) -> None:
        super().__init__(parent)
        self._search = search
        self._query = PersonQuery(limit=PAGE_SIZE)
        self._rows: list[PersonRow] = []
        self._total = 0

    @property
    def total(self) -> int:
        return self._total

    def query(self) -> PersonQuery:
        """The current filter and sort, for all matches (offset 0, no limit)."""
        return dataclasses.replace(self._query, offset=0, limit=None)

    def set_filter(
        self, *, text: str, unit_id: int | None, trade: str, skill_level: Any, **talent: Any
    ) -> None:
        """`talent`: the honour, studio and mentor fields of PersonQuery, when given."""
        self._query = dataclasses.replace(
            self._query, text=text, unit_id=unit_id, trade=trade, skill_level=skill_level, **talent
        )
        self.reload()

    def reload(self) -> None:
        """Fetch the first page again (after a filter, a sort or a data change)."""
        page = self._search(dataclasses.replace(self._query, offset=0, limit=PAGE_SIZE))
        self.beginResetModel()
        self._rows, self._total = list(page.rows), page.total or 0
        self.endResetModel()
        self.total_changed.emit(self._total)

    def row_at(self, row: int) -> PersonRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(row, COLUMN_KEYS[index.column()])
        if role == ROW_ROLE:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("PersonTableModel", COLUMNS[section][1])
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        query = dataclasses.replace(self._query, offset=len(self._rows), limit=PAGE_SIZE)
        rows = self._search(query, count=False).rows
        if not rows:  # somebody deleted rows meanwhile: stop asking
            self._total = len(self._rows)
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self._query = dataclasses.replace(
            self._query, sort=COLUMN_KEYS[column], descending=descending
        )
        self.reload()

    def sort_column(self) -> int:
        return COLUMN_KEYS.index(self._query.sort) if self._query.sort in COLUMN_KEYS else 0

    def sort_order(self) -> Qt.SortOrder:
        if self._query.descending:
            return Qt.SortOrder.DescendingOrder
        return Qt.SortOrder.AscendingOrder
