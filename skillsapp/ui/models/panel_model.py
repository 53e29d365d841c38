"""The chief judge's panel: every judge's mark side by side per contestant and criterion,
with the spread between judges; a spread beyond its limit is highlighted."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from skillsapp.services.scoring.marks_review import PanelCell, PanelRow, PanelView
from skillsapp.ui import scoring_labels as sl
from skillsapp.ui.formatting import decimal_text
from skillsapp.ui.models.list_model import Index

CENTER = int(Qt.AlignmentFlag.AlignCenter)
SHORT_NAME = 4  # characters of a criterion's name over each judge's column


@dataclass(frozen=True)
class PanelColumn:
    """`judge` is the judge's place in PanelView.judges (None: the spread, or the one
    mark of a measurement item)."""

    criterion: int
    judge: int | None
    spread: bool = False


def panel_columns(view: PanelView) -> list[PanelColumn]:
    columns: list[PanelColumn] = []
    for number, criterion in enumerate(view.columns):
        if not criterion.judgement:
            columns.append(PanelColumn(number, None))
            continue
        columns += [PanelColumn(number, judge) for judge in range(len(view.judges))]
        columns.append(PanelColumn(number, None, spread=True))
    return columns


class PanelTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.view: PanelView | None = None
        self._columns: list[PanelColumn] = []

    def set_view(self, view: PanelView | None) -> None:
        self.beginResetModel()
        self.view = view
        self._columns = panel_columns(view) if view else []
        self.endResetModel()

    def row_at(self, row: int) -> PanelRow:
        assert self.view is not None
        return self.view.rows[row]

    def over_limit(self) -> int:
        """Cells whose judges differ by more than the limit."""
        if self.view is None:
            return 0
        return sum(c.over_limit for r in self.view.rows for c in r.cells)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() or self.view is None else len(self.view.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.view is None or index.row() >= len(self.view.rows):
            return None
        column = self._columns[index.column()]
        cell = self.view.rows[index.row()].cells[column.criterion]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(cell, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return CENTER
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(cell, column)
        if role == Qt.ItemDataRole.ToolTipRole and cell.over_limit:
            return QCoreApplication.translate(
                "PanelTableModel", "The judges differ by {spread}; allowed: {limit}"
            ).format(spread=decimal_text(cell.spread), limit=decimal_text(cell.limit))
        return None

    @staticmethod
    def _value(cell: PanelCell, column: PanelColumn) -> Any:
        if column.judge is not None:
            return cell.values[column.judge]
        return next((v for v in cell.values if v is not None), None)

    def _text(self, cell: PanelCell, column: PanelColumn) -> str:
        if column.spread:
            return decimal_text(cell.spread)
        value = self._value(cell, column)
        return "—" if value is None else decimal_text(value)

    def _background(self, cell: PanelCell, column: PanelColumn) -> Any:
        if column.spread:
            return sl.color(sl.OVER_COLOR) if cell.over_limit else sl.color(sl.LOCKED_COLOR)
        if self._value(cell, column) is None:
            return sl.color(sl.MISSING_COLOR)
        if cell.over_limit:
            return sl.color(sl.CELL_COLORS[sl.CellState.OUT_OF_SPREAD])
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self.view is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._columns):
                return self.view.columns[self._columns[section].criterion].name
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self.view.rows):
                return None
            row = self.view.rows[section]
            return f"{row.code}  {row.name}" if row.name else row.code
        if not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        criterion = self.view.columns[column.criterion]
        if column.spread:
            below = QCoreApplication.translate("PanelTableModel", "Spread")
        elif column.judge is None:
            below = QCoreApplication.translate("PanelTableModel", "Measured")
        else:
            below = self.view.judges[column.judge].name
        name = criterion.name
        if column.judge is not None or column.spread:  # several columns: a short name
            name = name if len(name) <= SHORT_NAME else name[:SHORT_NAME] + "…"
        return f"{criterion.key} {name}\n{below}"
