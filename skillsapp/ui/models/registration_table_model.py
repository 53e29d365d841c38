"""Entries of a competition, fetched a page at a time from RegistrationService.page."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from skillsapp import messages
from skillsapp.domain.competitions import RegistrationStatus
from skillsapp.services.competitions.registrations import (
    RegistrationPage,
    RegistrationQuery,
    RegistrationRow,
)
from skillsapp.ui import competition_labels as cl
from skillsapp.ui.icons import icon
from skillsapp.ui.models.list_model import ROW_ROLE, Index

PAGE_SIZE = 200
Fetch = Callable[..., RegistrationPage]  # RegistrationService.page(query, count=…)

HEADERS: dict[str, str] = {
    "bib": QT_TRANSLATE_NOOP("RegistrationTableModel", "Number"),
    "start_order": QT_TRANSLATE_NOOP("RegistrationTableModel", "Order"),
    "blind_code": QT_TRANSLATE_NOOP("RegistrationTableModel", "Blind code"),
    "name": QT_TRANSLATE_NOOP("RegistrationTableModel", "Name"),
    "id_number": QT_TRANSLATE_NOOP("RegistrationTableModel", "ID number"),
    "unit": QT_TRANSLATE_NOOP("RegistrationTableModel", "Unit"),
    "event": QT_TRANSLATE_NOOP("RegistrationTableModel", "Event"),
    "team": QT_TRANSLATE_NOOP("RegistrationTableModel", "Team"),
    "status": QT_TRANSLATE_NOOP("RegistrationTableModel", "Status"),
    "warnings": QT_TRANSLATE_NOOP("RegistrationTableModel", "Check"),
}
ENTRY_KEYS = ("bib", "start_order", "name", "id_number", "unit", "event", "team", "status",
              "warnings")  # fmt: skip
DRAW_KEYS = ("start_order", "bib", "blind_code", "name", "unit")
WITHDRAWN_COLOR = QColor("#8a94a3")


def warnings_text(row: RegistrationRow) -> str:
    """Why the entry may no longer meet the event's rules, one line each."""
    return "\n".join(messages.text(code) for code in row.warnings)


def cell_text(row: RegistrationRow, key: str) -> str:
    values: dict[str, Any] = {
        "bib": row.bib or "",
        "start_order": "" if row.start_order is None else str(row.start_order),
        "blind_code": row.blind_code or "",
        "name": row.person_name,
        "id_number": row.id_number,
        "unit": row.unit_name,
        "event": row.event_name,
        "team": row.team_name,
        "status": cl.name_of(cl.REGISTRATION_STATUS_NAMES, row.status),
        "warnings": "",
    }
    return values[key]


class RegistrationTableModel(QAbstractTableModel):
    """The rows fetched so far of one query; `fetchMore` asks for the next page."""

    total_changed = Signal(int)

    def __init__(self, fetch: Fetch, keys: Sequence[str] = ENTRY_KEYS, parent: Any = None):
        super().__init__(parent)
        self._fetch = fetch
        self._keys = tuple(keys)
        self._query: RegistrationQuery | None = None
        self._rows: list[RegistrationRow] = []
        self._total = 0

    @property
    def total(self) -> int:
        return self._total

    def keys(self) -> tuple[str, ...]:
        return self._keys

    def set_query(self, query: RegistrationQuery | None) -> None:
        """Show the entries `query` selects (None: none) from the first page on."""
        self._query = query
        self.reload()

    def reload(self) -> None:
        rows: list[RegistrationRow] = []
        total = 0
        if self._query is not None:
            page = self._fetch(dataclasses.replace(self._query, offset=0, limit=PAGE_SIZE))
            rows, total = list(page.rows), page.total or 0
        self.beginResetModel()
        self._rows, self._total = rows, total
        self.endResetModel()
        self.total_changed.emit(total)

    def row_at(self, row: int) -> RegistrationRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._keys)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, key = self._rows[index.row()], self._keys[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(row, key)
        if role == ROW_ROLE:
            return row
        if key == "warnings" and row.warnings:
            if role == Qt.ItemDataRole.DecorationRole:
                return icon("warning")
            if role == Qt.ItemDataRole.ToolTipRole:
                return warnings_text(row)
        if role == Qt.ItemDataRole.ForegroundRole and row.status is RegistrationStatus.WITHDRAWN:
            return WITHDRAWN_COLOR
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._keys):
            return QCoreApplication.translate(
                "RegistrationTableModel", HEADERS[self._keys[section]]
            )
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self._query is None:
            return
        query = dataclasses.replace(self._query, offset=len(self._rows), limit=PAGE_SIZE)
        rows = self._fetch(query, count=False).rows
        if not rows:  # somebody removed entries meanwhile: stop asking
            self._total = len(self._rows)
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()
