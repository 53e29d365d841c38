"""An editable table over immutable rows: each edit makes a new row through its column."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
Choices = Callable[[], Sequence[tuple[str, Any]]]


@dataclass(frozen=True)
class EditColumn(Generic[Row]):
    """One column: header source text in `context`, the cell text, and how to edit it.

    `edit(row, value)` returns the changed row or raises ValueError to refuse the value.
    A `check` column shows a check box; a column with `choices` edits through a combo box
    (see ChoiceDelegate) and `value` gives the data the editor starts from.
    """

    context: str
    title: str
    text: Callable[[Row], str]
    edit: Callable[[Row, Any], Row] | None = None
    check: Callable[[Row], bool] | None = None
    choices: Choices | None = None
    value: Callable[[Row], Any] | None = None


class EditableTableModel(QAbstractTableModel, Generic[Row]):
    """Emits `rows_edited` after the user changed, added, removed or moved a row."""

    rows_edited = Signal()

    def __init__(self, columns: Sequence[EditColumn[Row]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: list[Row] = []
        self._editable = True

    def column(self, section: int) -> EditColumn[Row]:
        return self._columns[section]

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> tuple[Row, ...]:
        return tuple(self._rows)

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self._columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], self._columns[index.column()]
        if column.check is not None:
            if role == Qt.ItemDataRole.CheckStateRole:
                checked = column.check(row)
                return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(row)
        if role == Qt.ItemDataRole.EditRole:
            return column.value(row) if column.value else column.text(row)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self._columns[index.column()]
        if self._editable and column.edit is not None:
            extra = Qt.ItemFlag.ItemIsUserCheckable if column.check else Qt.ItemFlag.ItemIsEditable
            flags |= extra
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self._editable:
            return False
        column = self._columns[index.column()]
        wanted = Qt.ItemDataRole.CheckStateRole if column.check else Qt.ItemDataRole.EditRole
        if role != wanted or column.edit is None:
            return False
        if column.check is not None:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        try:
            changed = column.edit(self._rows[index.row()], value)
        except (ValueError, TypeError):
            return False
        self.replace_row(index.row(), changed)
        self.rows_edited.emit()
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            column = self._columns[section]
            return QCoreApplication.translate(column.context, column.title)
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    # -- changes by buttons (each one an edit by the user)

    def replace_row(self, row: int, value: Row) -> None:
        """Put `value` in place of a row without a reset (keeps the selection)."""
        self._rows[row] = value
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))

    def append_row(self, value: Row) -> int:
        at = len(self._rows)
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.append(value)
        self.endInsertRows()
        self.rows_edited.emit()
        return at

    def remove_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self.rows_edited.emit()

    def move_row(self, row: int, delta: int) -> int:
        """Move a row up (-1) or down (+1); returns where it is now."""
        target = row + delta
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)):
            return row
        destination = target + 1 if delta > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._rows.insert(target, self._rows.pop(row))
        self.endMoveRows()
        self.rows_edited.emit()
        return target
