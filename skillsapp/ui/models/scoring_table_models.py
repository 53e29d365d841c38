"""Lists of mark entry: a judge's events, an event's judges and sign-offs, paper sheets
and their mismatches, the re-check sample."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from skillsapp.domain.marks import SheetStatus, SubmissionStatus
from skillsapp.services.scoring.marks import JudgeEventRow
from skillsapp.services.scoring.marks_review import PanelJudge
from skillsapp.services.scoring.paper import Mismatch, SheetRow
from skillsapp.services.scoring.recheck import RecheckItemRow
from skillsapp.ui import competition_labels as cl
from skillsapp.ui import scoring_labels as sl
from skillsapp.ui.formatting import decimal_text, local_time
from skillsapp.ui.icons import icon
from skillsapp.ui.models.list_model import Column, Index, ListTableModel

_S = "ScoringTableModel"


def _role(chief: bool) -> str:
    return (
        QCoreApplication.translate("ScoringTableModel", "Chief judge")
        if chief
        else QCoreApplication.translate("ScoringTableModel", "Judge")
    )


def _yes(value: bool) -> str:
    return (
        QCoreApplication.translate("ScoringTableModel", "Yes")
        if value
        else QCoreApplication.translate("ScoringTableModel", "No")
    )


def _event(row: JudgeEventRow) -> str:
    if not row.chief:
        return row.event_name
    chief = QCoreApplication.translate("ScoringTableModel", "chief judge")
    return f"{row.event_name}（{chief}）"


JUDGE_EVENT_COLUMNS: tuple[Column[JudgeEventRow], ...] = (
    Column(_S, QT_TRANSLATE_NOOP("ScoringTableModel", "Event"), _event),
    Column(
        _S,
        QT_TRANSLATE_NOOP("ScoringTableModel", "My marks"),
        lambda r: sl.name_of(sl.SUBMISSION_NAMES, r.submission),
    ),
    Column(_S, QT_TRANSLATE_NOOP("ScoringTableModel", "Competition"), lambda r: r.competition_name),
)
PANEL_JUDGE_COLUMNS: tuple[Column[PanelJudge], ...] = (
    Column(_S, QT_TRANSLATE_NOOP("ScoringTableModel", "Judge"), lambda r: r.name),
    Column(_S, QT_TRANSLATE_NOOP("ScoringTableModel", "Role"), lambda r: _role(r.chief)),
    Column(
        _S,
        QT_TRANSLATE_NOOP("ScoringTableModel", "Marks"),
        lambda r: sl.name_of(sl.SUBMISSION_NAMES, r.status),
    ),
)
SHEET_COLUMNS: tuple[Column[SheetRow], ...] = (
    Column(_S, QT_TRANSLATE_NOOP("ScoringTableModel", "Judge"), lambda r: r.judge_name),
    Column(
        _S,
        QT_TRANSLATE_NOOP("ScoringTableModel", "Paper sheet"),
        lambda r: (
            sl.name_of(sl.SHEET_NAMES, r.status)
            if r.status
            else QCoreApplication.translate("ScoringTableModel", "Not received")
        ),
    ),
    Column(_S, QT_TRANSLATE_NOOP("ScoringTableModel", "First keying"), lambda r: r.first_clerk),
    Column(_S, QT_TRANSLATE_NOOP("ScoringTableModel", "Second keying"), lambda r: r.second_clerk),
    Column(
        _S,
        QT_TRANSLATE_NOOP("ScoringTableModel", "Mismatches"),
        lambda r: "" if r.mismatches is None else str(r.mismatches),
    ),
    Column(_S, QT_TRANSLATE_NOOP("ScoringTableModel", "Confirmed by"), lambda r: r.confirmed_by),
)
RECHECK_COLUMNS: tuple[Column[RecheckItemRow], ...] = (
    Column(_S, QT_TRANSLATE_NOOP("ScoringTableModel", "Number"), lambda r: r.code),
    Column(_S, QT_TRANSLATE_NOOP("ScoringTableModel", "Checked"), lambda r: _yes(r.checked)),
    Column(
        _S,
        QT_TRANSLATE_NOOP("ScoringTableModel", "Error found"),
        lambda r: _yes(r.error_found) if r.checked else "",
    ),
    Column(_S, QT_TRANSLATE_NOOP("ScoringTableModel", "Note"), lambda r: r.note),
    Column(_S, QT_TRANSLATE_NOOP("ScoringTableModel", "When"), lambda r: local_time(r.checked_at)),
)


class JudgeEventTableModel(ListTableModel[JudgeEventRow]):
    """A judge's events; the competition's status shows in the tooltip."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(JUDGE_EVENT_COLUMNS, parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.competition_name}（{cl.status(row.competition_status)}）"
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 1:
            return _submission_icon(row.submission)
        return super().data(index, role)

    def index_of(self, event_id: int) -> int:
        return next((i for i, r in enumerate(self.rows()) if r.event_id == event_id), -1)


def _submission_icon(status: SubmissionStatus) -> Any:
    if status is SubmissionStatus.SUBMITTED:
        return icon("ok")
    if status is SubmissionStatus.RETURNED:
        return icon("warning")
    return None


class PanelJudgeTableModel(ListTableModel[PanelJudge]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(PANEL_JUDGE_COLUMNS, parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and index.isValid() and index.column() == 2:
            return _submission_icon(self.row_at(index.row()).status)
        return super().data(index, role)


class SheetTableModel(ListTableModel[SheetRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(SHEET_COLUMNS, parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and index.isValid():
            row = self.row_at(index.row())
            if index.column() == 1 and row.status in (SheetStatus.CONFIRMED, SheetStatus.SIGNED):
                return icon("ok")
            if index.column() == 4 and row.mismatches:
                return icon("warning")
        return super().data(index, role)

    def index_of(self, judge_id: int) -> int:
        return next((i for i, r in enumerate(self.rows()) if r.judge_id == judge_id), -1)


def mismatch_columns(
    codes: Mapping[int, str], items: Mapping[str, str]
) -> tuple[Column[Mismatch], ...]:
    """Where two keyings differ; `codes` names the contestants (bib or blind code),
    `items` the criteria by key."""
    return (
        Column(
            _S,
            QT_TRANSLATE_NOOP("ScoringTableModel", "Number"),
            lambda r: codes.get(r.registration_id, str(r.registration_id)),
        ),
        Column(
            _S,
            QT_TRANSLATE_NOOP("ScoringTableModel", "Item"),
            lambda r: items.get(r.criterion_key, r.criterion_key),
        ),
        Column(
            _S, QT_TRANSLATE_NOOP("ScoringTableModel", "First keying"), lambda r: _value(r.first)
        ),
        Column(
            _S, QT_TRANSLATE_NOOP("ScoringTableModel", "Second keying"), lambda r: _value(r.second)
        ),
        Column(
            _S,
            QT_TRANSLATE_NOOP("ScoringTableModel", "From the paper"),
            lambda r: _value(r.resolution) if r.resolved else "",
        ),
    )


def _value(value: object) -> str:
    return (
        QCoreApplication.translate("ScoringTableModel", "(blank)")
        if value is None
        else decimal_text(value)
    )  # type: ignore[arg-type]


class MismatchTableModel(ListTableModel[Mismatch]):
    def __init__(
        self, codes: Mapping[int, str], items: Mapping[str, str], parent: Any = None
    ) -> None:
        super().__init__(mismatch_columns(codes, items), parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and index.isValid() and index.column() == 4:
            return icon("ok" if self.row_at(index.row()).resolved else "warning")
        return super().data(index, role)


class RecheckItemTableModel(ListTableModel[RecheckItemRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(RECHECK_COLUMNS, parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and index.isValid() and index.column() == 2:
            row = self.row_at(index.row())
            if row.checked:
                return icon("error" if row.error_found else "ok")
        return super().data(index, role)
