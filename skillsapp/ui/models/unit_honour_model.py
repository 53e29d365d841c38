"""The honours of one unit (五一劳动奖状, 工人先锋号, 先进集体 …), type first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from skillsapp.domain.honour_catalogue import LEVEL_ORDER
from skillsapp.services.talent.honours import HonourRow
from skillsapp.ui import talent_labels as tl
from skillsapp.ui.models.list_model import Column, ListTableModel

_C = "ProfileModels"  # the same headers as a person's honours

UNIT_HONOUR_COLUMNS: tuple[Column[HonourRow], ...] = (
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "Type"), lambda h: h.type_name),
    Column(
        _C,
        QT_TRANSLATE_NOOP("ProfileModels", "Level"),
        lambda h: tl.honour_level(h.level),
        lambda h: LEVEL_ORDER[h.level],
    ),
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "Honour"), lambda h: h.title),
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "Granted by"), lambda h: h.granting_body),
    Column(
        _C,
        QT_TRANSLATE_NOOP("ProfileModels", "Year"),
        lambda h: " ".join(str(x) for x in (h.year, h.edition) if x),
        lambda h: h.year or 0,
    ),
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "Document number"), lambda h: h.document_number),
)


class UnitHonourTableModel(ListTableModel[HonourRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(UNIT_HONOUR_COLUMNS, parent)
