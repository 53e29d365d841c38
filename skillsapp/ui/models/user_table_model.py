"""The accounts table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from skillsapp.services.accounts import UserRow
from skillsapp.ui import labels
from skillsapp.ui.models.list_model import Column, ListTableModel

_CTX = "UserTableModel"


_STATUS = {
    True: QT_TRANSLATE_NOOP("UserTableModel", "Active"),
    False: QT_TRANSLATE_NOOP("UserTableModel", "Disabled"),
}


def _status(row: UserRow) -> str:
    return QCoreApplication.translate(_CTX, _STATUS[row.active])


COLUMNS: tuple[Column[UserRow], ...] = (
    Column(_CTX, QT_TRANSLATE_NOOP("UserTableModel", "User name"), lambda r: r.username),
    Column(_CTX, QT_TRANSLATE_NOOP("UserTableModel", "Display name"), lambda r: r.display_name),
    Column(_CTX, QT_TRANSLATE_NOOP("UserTableModel", "Role"), lambda r: labels.role(r.role)),
    Column(_CTX, QT_TRANSLATE_NOOP("UserTableModel", "Status"), _status),
)


class UserTableModel(ListTableModel[UserRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)
