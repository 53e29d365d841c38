"""The keyboard-first mark entry table: type a number and press Enter to save it and go
down; Tab goes right; Delete clears; a refused value stays in the editor, selected."""

from __future__ import annotations

import re

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from skillsapp.ui.models.list_model import Index

NUMBER_KEYS = re.compile(r"[0-9.]")
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
CELL_WIDTH = 104
ROW_HEIGHT = 30
# (rows, columns) to move after a key commits the editor
MOVES = {
    Qt.Key.Key_Return: (1, 0),
    Qt.Key.Key_Enter: (1, 0),
    Qt.Key.Key_Down: (1, 0),
    Qt.Key.Key_Up: (-1, 0),
    Qt.Key.Key_Tab: (0, 1),
    Qt.Key.Key_Backtab: (0, -1),
}


class MarkEditor(QLineEdit):
    """Digits and one point; knows the cell it edits."""

    def __init__(self, index: Index, parent: QWidget) -> None:
        super().__init__(parent)
        self.index = QPersistentModelIndex(index)
        self.setObjectName("markEditor")
        pattern = QRegularExpression(r"\d{0,6}(\.\d{0,4})?")
        self.setValidator(QRegularExpressionValidator(pattern, self))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFrame(False)
        self.setStyleSheet("background: #fffbe6; font-weight: 600;")


class MarkDelegate(QStyledItemDelegate):
    """Edits a mark in a QLineEdit taking digits and one point; commits itself on
    Enter, Tab and the arrow keys, and asks the view to move (`move_requested`)."""

    move_requested = Signal(int, int)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        return MarkEditor(index, parent)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.selectAll()  # typing replaces the old value

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            move = MOVES.get(Qt.Key(event.key()))
            if move is not None and isinstance(editor, MarkEditor):
                self._commit_and_move(editor, move)
                return True
        return super().eventFilter(editor, event)

    def _commit_and_move(self, editor: MarkEditor, move: tuple[int, int]) -> None:
        index = editor.index
        if not index.isValid():
            return
        model = index.model()
        if not model.setData(index, editor.text(), Qt.ItemDataRole.EditRole):
            editor.selectAll()  # refused: stay here with the bad text selected
            return
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
        self.move_requested.emit(*move)


class MarkGridView(QTableView):
    """A table for a MarkGridTableModel, driven from the keyboard."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delegate = MarkDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        self.setStyleSheet(
            "QTableView { gridline-color: #d5dbe3; font-size: 11pt; }"
            " QTableView::item:focus { border: 2px solid #1f6fc5; }"
            " QHeaderView::section { padding: 4px 6px; }"
        )
        horizontal = self.horizontalHeader()
        horizontal.setMinimumSectionSize(CELL_WIDTH)
        horizontal.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        horizontal.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        horizontal.setHighlightSections(True)
        vertical = self.verticalHeader()
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setHighlightSections(True)
        self.delegate.move_requested.connect(self._on_delegate_move_requested)

    def start(self) -> None:
        """Put the cursor on the first cell still to fill in (else the first cell)."""
        model = self.model()
        if model is None or model.rowCount() == 0:
            return
        target = model.index(0, 0)
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                if index.flags() & Qt.ItemFlag.ItemIsEditable and not index.data():
                    self.setCurrentIndex(index)
                    return
        self.setCurrentIndex(target)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text()
        if self.state() != QAbstractItemView.State.EditingState:
            if key in ENTER_KEYS:
                self._on_delegate_move_requested(1, 0)
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self._clear_current()
                return
            if text and text.isprintable() and not NUMBER_KEYS.fullmatch(text):
                event.accept()  # letters do nothing here
                return
        super().keyPressEvent(event)

    def _clear_current(self) -> None:
        index = self.currentIndex()
        if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable and index.data():
            self.model().setData(index, "", Qt.ItemDataRole.EditRole)

    def _on_delegate_move_requested(self, rows: int, columns: int) -> None:
        model, current = self.model(), self.currentIndex()
        if model is None or not current.isValid():
            return
        row, column = current.row() + rows, current.column() + columns
        last_row, last_column = model.rowCount() - 1, model.columnCount() - 1
        if column > last_column and row < last_row:  # Tab past the end: next line
            row, column = row + 1, 0
        elif column < 0 and row > 0:
            row, column = row - 1, last_column
        row, column = min(max(row, 0), last_row), min(max(column, 0), last_column)
        self.setCurrentIndex(model.index(row, column))
        self.setFocus()
