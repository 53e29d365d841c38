"""Table views set up the way every competition page shows them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from skillsapp.ui.models.list_model import SORT_ROLE
from skillsapp.ui.widgets.choice_delegate import ChoiceDelegate

ROW_HEIGHT = 28


def table_view(
    model: QAbstractItemModel,
    widths: Sequence[int] = (),
    *,
    stretch: int | None = None,
    fit: Sequence[int] = (),
    parent: QWidget | None = None,
) -> QTableView:
    """A read-only, row-selecting table; the `stretch` column takes the spare width and
    the `fit` columns are as wide as their contents."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    for column in fit:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return table


def sorted_table_view(
    model: QAbstractItemModel, widths: Sequence[int] = (), *, stretch: int | None = None
) -> QTableView:
    """A table_view sorting a ListTableModel by its SORT_ROLE through a proxy."""
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = table_view(proxy, widths, stretch=stretch)
    table.setSortingEnabled(True)
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the model's own order first
    return table


def edit_table_view(
    model: QAbstractItemModel, widths: Sequence[int] = (), *, stretch: int | None = None
) -> QTableView:
    """A table whose cells are edited in place (combo boxes for columns with choices)."""
    table = table_view(model, widths, stretch=stretch)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    table.setItemDelegate(ChoiceDelegate(table))
    return table
