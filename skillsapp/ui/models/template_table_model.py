"""The certificate templates table: built-in and own templates with their versions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from skillsapp.services.certificates.cert_templates import TemplateRow
from skillsapp.ui import certificate_labels
from skillsapp.ui.models.list_model import Column, ListTableModel

_CTX = "TemplateTableModel"


def _version(number: int | None) -> str:
    return f"v{number}" if number else ""


def _origin(row: TemplateRow) -> str:
    texts = [
        QT_TRANSLATE_NOOP("TemplateTableModel", "Built-in") if row.builtin else "",
        QT_TRANSLATE_NOOP("TemplateTableModel", "Archived") if row.archived else "",
    ]
    return " · ".join(QCoreApplication.translate(_CTX, t) for t in texts if t)


COLUMNS: tuple[Column[TemplateRow], ...] = (
    Column(_CTX, QT_TRANSLATE_NOOP("TemplateTableModel", "Template"), lambda r: r.name),
    Column(
        _CTX,
        QT_TRANSLATE_NOOP("TemplateTableModel", "Kind"),
        lambda r: certificate_labels.template_kind(r.kind),
    ),
    Column(
        _CTX,
        QT_TRANSLATE_NOOP("TemplateTableModel", "Published"),
        lambda r: _version(r.published_number),
    ),
    Column(
        _CTX, QT_TRANSLATE_NOOP("TemplateTableModel", "Draft"), lambda r: _version(r.draft_number)
    ),
    Column(_CTX, QT_TRANSLATE_NOOP("TemplateTableModel", "Origin"), _origin),
)


class TemplateTableModel(ListTableModel[TemplateRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)
