"""The mark entry grid: contestants (rows) × the criteria a judge marks (columns).

Every accepted value goes straight to a `saver` (the judge's `save_mark`, or a paper
keying kept in memory until it is handed in); a value outside the criterion's range or
off its step is refused at once, before anything is saved, with the reason in
`mark_refused`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from skillsapp import messages
from skillsapp.errors import UserError
from skillsapp.services.scoring.marking import CriterionInfo, value_problem
from skillsapp.services.scoring.marks_grid import CellState, GridCell, MarkGrid
from skillsapp.ui import scoring_labels as sl
from skillsapp.ui.formatting import decimal_text, parse_optional_decimal
from skillsapp.ui.icons import icon
from skillsapp.ui.models.list_model import Index

Cell = tuple[int, str]  # (registration id, criterion key)
# (registration id, criterion key, value or None to clear, version shown) → the saved cell
Saver = Callable[[int, str, Decimal | None, int | None], GridCell]
CENTER = int(Qt.AlignmentFlag.AlignCenter)


@dataclass(frozen=True)
class GridLine:
    """A contestant row: the blind code in a blind event (and no name), else the bib."""

    registration_id: int
    code: str
    name: str = ""


def lines_of(grid: MarkGrid) -> list[GridLine]:
    return [GridLine(r.registration_id, r.code, r.name) for r in grid.rows]


def cells_of(grid: MarkGrid) -> dict[Cell, GridCell]:
    return {(c.registration_id, c.criterion_key): c for r in grid.rows for c in r.cells}


def _refuse_nothing(
    registration_id: int, key: str, value: Decimal | None, _v: int | None
) -> GridCell:
    raise UserError("mark_submitted")


class MarkGridTableModel(QAbstractTableModel):
    """`mark_saved(GridCell)` after each save; `mark_refused(text)` with the reason."""

    mark_saved = Signal(object)
    mark_refused = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._columns: tuple[CriterionInfo, ...] = ()
        self._lines: tuple[GridLine, ...] = ()
        self._cells: dict[Cell, GridCell] = {}
        self._saver: Saver = _refuse_nothing
        self.read_only = True
        self.last_error: UserError | None = None

    def set_grid(
        self,
        columns: Sequence[CriterionInfo],
        lines: Sequence[GridLine],
        cells: Mapping[Cell, GridCell],
        *,
        saver: Saver,
        read_only: bool = False,
    ) -> None:
        self.beginResetModel()
        self._columns, self._lines = tuple(columns), tuple(lines)
        self._cells, self._saver, self.read_only = dict(cells), saver, read_only
        self.endResetModel()

    def set_mark_grid(self, grid: MarkGrid, saver: Saver) -> None:
        self.set_grid(
            grid.columns, lines_of(grid), cells_of(grid), saver=saver, read_only=grid.read_only
        )

    # -- reading

    def columns(self) -> tuple[CriterionInfo, ...]:
        return self._columns

    def line(self, row: int) -> GridLine:
        return self._lines[row]

    def row_of(self, registration_id: int) -> int:
        return next(
            (
                row
                for row, line in enumerate(self._lines)
                if line.registration_id == registration_id
            ),
            -1,
        )

    def column_of(self, key: str) -> int:
        return next((col for col, c in enumerate(self._columns) if c.key == key), -1)

    def cell_at(self, row: int, column: int) -> GridCell:
        line, criterion = self._lines[row], self._columns[column]
        found = self._cells.get((line.registration_id, criterion.key))
        if found is None:
            return GridCell(line.registration_id, criterion.key, None, CellState.EMPTY, None, False)
        return found

    def empty_cells(self) -> int:
        """Cells the user may still fill in."""
        return sum(c.editable and c.value is None for c in self._cells.values())

    def values(self) -> dict[Cell, Decimal]:
        """Every filled cell (a paper keying hands these in)."""
        return {cell: c.value for cell, c in self._cells.items() if c.value is not None}

    def where(self, row: int, column: int) -> str:
        """'A03 · 故障排除': a cell as the status line names it."""
        return f"{self._lines[row].code} · {self._columns[column].name}"

    # -- Qt

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.read_only and self.cell_at(index.row(), index.column()).editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        cell = self.cell_at(index.row(), index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(cell, role)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return CENTER
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(cell)
        if role == Qt.ItemDataRole.DecorationRole:
            name = sl.CELL_ICONS.get(cell.state)
            return icon(name) if name and cell.value is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(cell, index.column())
        return None

    def _text(self, cell: GridCell, role: int) -> str:
        if cell.value is None and not cell.editable and role == Qt.ItemDataRole.DisplayRole:
            return "—"
        return decimal_text(cell.value)

    def _background(self, cell: GridCell) -> Any:
        if not cell.editable and not self.read_only:
            return sl.color(sl.LOCKED_COLOR)
        found = sl.CELL_COLORS.get(cell.state)
        return sl.color(found) if found and cell.value is not None else None

    def _tooltip(self, cell: GridCell, column: int) -> str:
        criterion = self._columns[column]
        state = sl.name_of(sl.CELL_NAMES, cell.state)
        if cell.held_by_other:
            state = self.tr("Entered by another judge")
        elif not cell.editable and cell.value is None and not self.read_only:
            state = self.tr("Kept apart: not marked by this judge")
        return f"{criterion.name}: {state}"

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
                return sl.criterion_header(self._columns[section])
            if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._lines):
                line = self._lines[section]
                return f"{line.code}  {line.name}" if line.name else line.code
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.ToolTipRole and horizontal and 0 <= section < len(self._columns):
            return self._columns[section].name
        return None

    # -- saving

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        row, column = index.row(), index.column()
        cell = self.cell_at(row, column)
        try:
            number = self._parse(value, self._columns[column])
            if number == cell.value:
                return True
            saved = self._saver(cell.registration_id, cell.criterion_key, number, cell.version)
        except UserError as err:
            self.last_error = err
            self.mark_refused.emit(f"{self.where(row, column)}：{messages.describe(err)}")
            return False
        self.last_error = None
        self._cells[(cell.registration_id, cell.criterion_key)] = saved
        self.dataChanged.emit(index, index)
        self.mark_saved.emit(saved)
        return True

    @staticmethod
    def _parse(value: Any, criterion: CriterionInfo) -> Decimal | None:
        """The typed text as a mark (None: cleared); refused here when out of range."""
        try:
            number = parse_optional_decimal("" if value is None else value)
        except ValueError as exc:
            raise UserError("mark_invalid") from exc
        if number is not None:
            problem = value_problem(criterion, number)
            if problem is not None:
                raise problem
        return number


def keep_locally(registration_id: int, key: str, value: Decimal | None, _v: int | None) -> GridCell:
    """A saver that keeps the value in the grid only (a paper keying before it is handed in)."""
    state = CellState.EMPTY if value is None else CellState.SAVED
    return GridCell(registration_id, key, value, state, None, True)
