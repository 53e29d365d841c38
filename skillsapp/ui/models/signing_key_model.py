"""The signing keys table: every public key in the database, and which one this laptop holds."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from skillsapp.services.certificates.cert_keys import KeyRow
from skillsapp.ui.formatting import local_time
from skillsapp.ui.models.list_model import Column, ListTableModel

_CTX = "SigningKeyTableModel"
_YES = QT_TRANSLATE_NOOP("SigningKeyTableModel", "Yes")


def _yes(flag: bool) -> str:
    return QCoreApplication.translate(_CTX, _YES) if flag else ""


COLUMNS: tuple[Column[KeyRow], ...] = (
    Column(_CTX, QT_TRANSLATE_NOOP("SigningKeyTableModel", "Fingerprint"), lambda r: r.fingerprint),
    Column(
        _CTX,
        QT_TRANSLATE_NOOP("SigningKeyTableModel", "Created"),
        lambda r: local_time(r.created_at),
        lambda r: r.created_at.isoformat(),
    ),
    Column(_CTX, QT_TRANSLATE_NOOP("SigningKeyTableModel", "Active"), lambda r: _yes(r.active)),
    Column(_CTX, QT_TRANSLATE_NOOP("SigningKeyTableModel", "This laptop"), lambda r: _yes(r.local)),
)


class SigningKeyTableModel(ListTableModel[KeyRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)
