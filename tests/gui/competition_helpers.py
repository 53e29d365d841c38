"""Shared set-up of the competition GUI tests: a page on screen, cells edited by hand."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QWidget,
)

from skillsapp.ui.pages.competition_view import CompetitionView
from tests.gui.helpers import type_text


def shown(qtbot, widget: QWidget, size: tuple[int, int] = (1200, 760)) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def competition_view(qtbot, services, competition_id: int, tab: str = "") -> CompetitionView:
    """A competition page on screen; keep the result referenced (qtbot holds it weakly, and
    a page collected by the garbage collector on a worker thread crashes Qt)."""
    view = CompetitionView(services)
    shown(qtbot, view)
    view.open(competition_id)
    if tab:
        view.show_tab(tab)
    return view


def tick(qtbot, box: QAbstractButton) -> None:
    """Click a check box or radio button on its indicator (its centre may be blank space)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def click_cell(qtbot, view: QAbstractItemView, index: QModelIndex) -> None:
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def edit_cell(qtbot, view: QAbstractItemView, index: QModelIndex, text: str) -> None:
    """Click a cell, press F2, type `text` over its contents and press Enter, as a person
    does (a combo box cell: choose the item showing `text`)."""
    click_cell(qtbot, view, index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = _editor(view)
    assert editor is not None, "no editor opened"
    if isinstance(editor, QComboBox):
        editor.setCurrentIndex(editor.findText(text))
        editor.activated.emit(editor.currentIndex())
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    else:
        editor.selectAll()
        type_text(qtbot, editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def _editor(view: QAbstractItemView) -> QWidget | None:
    editors = [
        w
        for w in view.viewport().findChildren(QWidget)
        if isinstance(w, (QLineEdit, QComboBox)) and w.isVisible()
    ]
    return editors[-1] if editors else None
