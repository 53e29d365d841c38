"""Editing a cell of an EditableTableModel through a combo box of its column's choices."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from skillsapp.ui.models.edit_model import EditableTableModel

Index = QModelIndex | QPersistentModelIndex


def _choices(index: Index) -> list[tuple[str, object]] | None:
    model = index.model()
    if not isinstance(model, EditableTableModel):
        return None
    column = model.column(index.column())
    return list(column.choices()) if column.choices else None


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for columns with choices, the usual line edit for the others."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        choices = _choices(index)
        if choices is None:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for text, value in choices:
            combo.addItem(text, value)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            value = index.data(Qt.ItemDataRole.EditRole)
            editor.setCurrentIndex(max(editor.findData(value), 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
