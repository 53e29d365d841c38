"""The certificate register table: one row per issued certificate."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from skillsapp.domain.certificates import CertificateStatus
from skillsapp.services.certificates.cert_verify import RegisterEntry
from skillsapp.ui import certificate_labels
from skillsapp.ui.formatting import local_time
from skillsapp.ui.models.list_model import Column, ListTableModel

_CTX = "CertificateRegisterModel"
REVOKED_COLOUR = QColor("#a01c1c")


def _award(row: RegisterEntry) -> str:
    return " / ".join(text for text in (row["award"], row["title"]) if text)


def _version(row: RegisterEntry) -> str:
    return f"{row.template} v{row.template_version}"


COLUMNS: tuple[Column[RegisterEntry], ...] = (
    Column(_CTX, QT_TRANSLATE_NOOP("CertificateRegisterModel", "Serial"), lambda r: r.serial),
    Column(_CTX, QT_TRANSLATE_NOOP("CertificateRegisterModel", "Name"), lambda r: r["name"]),
    Column(
        _CTX,
        QT_TRANSLATE_NOOP("CertificateRegisterModel", "Competition"),
        lambda r: r["competition"],
    ),
    Column(_CTX, QT_TRANSLATE_NOOP("CertificateRegisterModel", "Event"), lambda r: r["event"]),
    Column(_CTX, QT_TRANSLATE_NOOP("CertificateRegisterModel", "Award / title"), _award),
    Column(_CTX, QT_TRANSLATE_NOOP("CertificateRegisterModel", "Template"), _version),
    Column(
        _CTX,
        QT_TRANSLATE_NOOP("CertificateRegisterModel", "Issued at"),
        lambda r: local_time(r.issued_at),
        lambda r: r.issued_at.isoformat(),
    ),
    Column(_CTX, QT_TRANSLATE_NOOP("CertificateRegisterModel", "By"), lambda r: r.issued_by),
    Column(
        _CTX,
        QT_TRANSLATE_NOOP("CertificateRegisterModel", "Status"),
        lambda r: certificate_labels.status(r.status),
    ),
)
STATUS_COLUMN = len(COLUMNS) - 1


class CertificateRegisterModel(ListTableModel[RegisterEntry]):
    """Revoked certificates show their status in red, the reason as its tooltip."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if index.isValid() and index.column() == STATUS_COLUMN:
            row = self.row_at(index.row()) if index.row() < self.rowCount() else None
            revoked = row is not None and row.status is CertificateStatus.REVOKED
            if revoked and role == Qt.ItemDataRole.ForegroundRole:
                return REVOKED_COLOUR
            if revoked and role == Qt.ItemDataRole.ToolTipRole:
                return row.revoked_reason
        return super().data(index, role)
