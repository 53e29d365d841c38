"""An event's judges, the judge accounts to choose from, and judge/contestant conflicts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from skillsapp.services.competitions.judges import ConflictRow, JudgeAccountRow, JudgeRow
from skillsapp.ui.icons import icon
from skillsapp.ui.models.list_model import Column, Index, ListTableModel

_J = "JudgeTableModel"


def _reason(row: ConflictRow) -> str:
    if row.same_unit:
        return QCoreApplication.translate("JudgeTableModel", "Same unit")
    return QCoreApplication.translate("JudgeTableModel", "Set by hand")


JUDGE_COLUMNS: tuple[Column[JudgeRow], ...] = (
    Column(_J, QT_TRANSLATE_NOOP("JudgeTableModel", "Judge"), lambda r: r.name),
    Column(_J, QT_TRANSLATE_NOOP("JudgeTableModel", "Account"), lambda r: r.username),
    Column(_J, QT_TRANSLATE_NOOP("JudgeTableModel", "Unit"), lambda r: r.unit_name),
    Column(
        _J,
        QT_TRANSLATE_NOOP("JudgeTableModel", "Role"),
        lambda r: (
            QCoreApplication.translate("JudgeTableModel", "Chief judge")
            if r.chief
            else QCoreApplication.translate("JudgeTableModel", "Judge")
        ),
        lambda r: not r.chief,
    ),
)
ACCOUNT_COLUMNS: tuple[Column[JudgeAccountRow], ...] = (
    Column(_J, QT_TRANSLATE_NOOP("JudgeTableModel", "Judge"), lambda r: r.name),
    Column(_J, QT_TRANSLATE_NOOP("JudgeTableModel", "Account"), lambda r: r.username),
    Column(_J, QT_TRANSLATE_NOOP("JudgeTableModel", "Unit"), lambda r: r.unit_name),
)
CONFLICT_COLUMNS: tuple[Column[ConflictRow], ...] = (
    Column(_J, QT_TRANSLATE_NOOP("JudgeTableModel", "Judge"), lambda r: r.judge_name),
    Column(_J, QT_TRANSLATE_NOOP("JudgeTableModel", "Contestant"), lambda r: r.contestant_name),
    Column(_J, QT_TRANSLATE_NOOP("JudgeTableModel", "Number"), lambda r: r.bib or ""),
    Column(_J, QT_TRANSLATE_NOOP("JudgeTableModel", "Unit"), lambda r: r.unit_name),
    Column(_J, QT_TRANSLATE_NOOP("JudgeTableModel", "Why"), _reason),
    Column(
        _J,
        QT_TRANSLATE_NOOP("JudgeTableModel", "Kept apart"),
        lambda r: (
            QCoreApplication.translate("JudgeTableModel", "Yes")
            if r.blocked
            else QCoreApplication.translate("JudgeTableModel", "No")
        ),
    ),
)


class JudgeTableModel(ListTableModel[JudgeRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(JUDGE_COLUMNS, parent)


class JudgeAccountTableModel(ListTableModel[JudgeAccountRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(ACCOUNT_COLUMNS, parent)


class ConflictTableModel(ListTableModel[ConflictRow]):
    """Unblocked same-unit pairs carry a warning icon: they still need a decision."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(CONFLICT_COLUMNS, parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and index.isValid() and index.column() == 5:
            return icon("ok" if self.row_at(index.row()).blocked else "warning")
        return super().data(index, role)
