"""The tables of 评选推荐: rounds, the nominations of a round, a nomination's documents."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from skillsapp.services.talent.nominations import DocumentRow, NominationRow, RoundRow
from skillsapp.ui import talent_labels as tl
from skillsapp.ui.formatting import local_time
from skillsapp.ui.models.list_model import Column, ListTableModel

_C = "NominationModels"
KIB = 1024


def size_text(size: int) -> str:
    if size < KIB * KIB:
        return f"{max(size // KIB, 1)} KB" if size else "0 KB"
    return f"{size / (KIB * KIB):.1f} MB"


ROUND_COLUMNS: tuple[Column[RoundRow], ...] = (
    Column(_C, QT_TRANSLATE_NOOP("NominationModels", "Round"), lambda r: r.name),
    Column(_C, QT_TRANSLATE_NOOP("NominationModels", "Honour"), lambda r: r.title),
    Column(_C, QT_TRANSLATE_NOOP("NominationModels", "Level"), lambda r: tl.honour_level(r.level)),
    Column(
        _C,
        QT_TRANSLATE_NOOP("NominationModels", "Year"),
        lambda r: str(r.year or ""),
        lambda r: r.year or 0,
    ),
    Column(
        _C,
        QT_TRANSLATE_NOOP("NominationModels", "Status"),
        lambda r: tl.name_of(tl.ROUND_STATUS_NAMES, r.status),
    ),
    Column(
        _C,
        QT_TRANSLATE_NOOP("NominationModels", "Nominated"),
        lambda r: str(r.nominations),
        lambda r: r.nominations,
    ),
)
DOCUMENT_COLUMNS: tuple[Column[DocumentRow], ...] = (
    Column(_C, QT_TRANSLATE_NOOP("NominationModels", "File"), lambda d: d.filename),
    Column(
        _C,
        QT_TRANSLATE_NOOP("NominationModels", "Size"),
        lambda d: size_text(d.size),
        lambda d: d.size,
    ),
    Column(
        _C,
        QT_TRANSLATE_NOOP("NominationModels", "Uploaded"),
        lambda d: local_time(d.uploaded_at),
    ),
)


class RoundTableModel(ListTableModel[RoundRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(ROUND_COLUMNS, parent)


class DocumentTableModel(ListTableModel[DocumentRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(DOCUMENT_COLUMNS, parent)


class NominationTableModel(ListTableModel[NominationRow]):
    """`set_units` names the nominating units (rows hold their ids)."""

    def __init__(self, parent: Any = None) -> None:
        self._units: Mapping[int, str] = {}
        columns: tuple[Column[NominationRow], ...] = (
            Column(_C, QT_TRANSLATE_NOOP("NominationModels", "Nominee"), lambda n: n.nominee),
            Column(_C, QT_TRANSLATE_NOOP("NominationModels", "Nominated by"), self._unit),
            Column(
                _C,
                QT_TRANSLATE_NOOP("NominationModels", "Status"),
                lambda n: tl.name_of(tl.NOMINATION_STATUS_NAMES, n.status),
            ),
            Column(
                _C,
                QT_TRANSLATE_NOOP("NominationModels", "Documents"),
                lambda n: str(len(n.documents)),
                lambda n: len(n.documents),
            ),
            Column(_C, QT_TRANSLATE_NOOP("NominationModels", "Reasons"), lambda n: n.notes),
            Column(
                _C, QT_TRANSLATE_NOOP("NominationModels", "Review notes"), lambda n: n.review_notes
            ),
            Column(
                _C,
                QT_TRANSLATE_NOOP("NominationModels", "Decided"),
                lambda n: local_time(n.decided_at),
            ),
        )
        super().__init__(columns, parent)

    def set_units(self, units: Mapping[int, str]) -> None:
        self._units = dict(units)

    def _unit(self, row: NominationRow) -> str:
        return self._units.get(row.nominated_by_unit_id or 0, "")
