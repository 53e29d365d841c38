"""Tables of an event's results: the ranking, the marks still missing, teams, a meet's
unit standings, appeals and the judges' severity report."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont

from skillsapp.domain.marks import AppealStatus
from skillsapp.services.scoring.appeals import AppealRow
from skillsapp.services.scoring.judge_analysis import JudgeSeverityRow
from skillsapp.services.scoring.results_read import (
    EventResultsView,
    MissingMarkRow,
    ResultRow,
    TeamRow,
    UnitStandingRow,
)
from skillsapp.ui import scoring_labels as sl
from skillsapp.ui.formatting import decimal_text, local_time
from skillsapp.ui.icons import icon
from skillsapp.ui.models.list_model import Column, Index, ListTableModel

_R = "ResultTableModel"
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _rank(row: ResultRow) -> str:
    if row.disqualified:
        return QCoreApplication.translate("ResultTableModel", "Disqualified")
    return "" if row.rank is None else str(row.rank)


def _note(row: ResultRow) -> str:
    if row.disqualified:
        return QCoreApplication.translate("ResultTableModel", "Disqualified")
    if row.incomplete:
        return QCoreApplication.translate("ResultTableModel", "Marks missing")
    return QCoreApplication.translate("ResultTableModel", "Provisional") if row.provisional else ""


def _component(index: int, name: str) -> Column[ResultRow]:
    return Column(_R, name, lambda r: r.components[index], lambda r: float(r.components[index]))


def result_columns(view: EventResultsView | None, standardised: bool) -> list[Column[ResultRow]]:
    names = view.component_names if view else ()
    columns = [
        Column(
            _R,
            QT_TRANSLATE_NOOP("ResultTableModel", "Rank"),
            _rank,
            lambda r: (r.rank is None, r.rank or 0),
        ),
        Column(_R, QT_TRANSLATE_NOOP("ResultTableModel", "Number"), lambda r: r.bib),
        Column(_R, QT_TRANSLATE_NOOP("ResultTableModel", "Name"), lambda r: r.name),
        Column(_R, QT_TRANSLATE_NOOP("ResultTableModel", "Unit"), lambda r: r.unit),
        *(_component(i, name) for i, name in enumerate(names)),
        Column(
            _R,
            QT_TRANSLATE_NOOP("ResultTableModel", "Total"),
            lambda r: r.total,
            lambda r: float(r.total),
        ),
        Column(_R, QT_TRANSLATE_NOOP("ResultTableModel", "Award"), lambda r: r.award or ""),
        Column(_R, QT_TRANSLATE_NOOP("ResultTableModel", "Titles"), lambda r: "、".join(r.titles)),
        Column(_R, QT_TRANSLATE_NOOP("ResultTableModel", "Note"), _note),
    ]
    if standardised:
        columns.append(
            Column(
                _R,
                QT_TRANSLATE_NOOP("ResultTableModel", "Standardised"),
                lambda r: r.standardised or "",
                lambda r: float(r.standardised or 0),
            )
        )
    return columns


class ResultTableModel(ListTableModel[ResultRow]):
    """Columns follow the event's components; `standardised` adds that column."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(result_columns(None, False), parent)
        self.view: EventResultsView | None = None
        self._numbers: frozenset[int] = frozenset()

    def set_view(self, view: EventResultsView | None, *, standardised: bool = False) -> None:
        self.beginResetModel()
        self.view = view
        self._columns = tuple(result_columns(view, standardised))
        components = len(view.component_names) if view else 0
        self._numbers = frozenset({0, *range(4, 5 + components)})
        if standardised:
            self._numbers |= {len(self._columns) - 1}
        self._rows = list(view.rows) if view else []
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._numbers:
            return RIGHT
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0 and row.incomplete:
            return icon("warning")
        if role == Qt.ItemDataRole.ForegroundRole and row.disqualified:
            return sl.color("#8a93a0")
        if role == Qt.ItemDataRole.FontRole and index.column() == 4 + self._components():
            return _bold()
        return super().data(index, role)

    def _components(self) -> int:
        return len(self.view.component_names) if self.view else 0


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


MISSING_COLUMNS: tuple[Column[MissingMarkRow], ...] = (
    Column(_R, QT_TRANSLATE_NOOP("ResultTableModel", "Number"), lambda r: r.bib),
    Column(_R, QT_TRANSLATE_NOOP("ResultTableModel", "Name"), lambda r: r.name),
    Column(
        _R,
        QT_TRANSLATE_NOOP("ResultTableModel", "Item"),
        lambda r: f"{r.criterion} {r.criterion_name}",
    ),
    Column(
        _R,
        QT_TRANSLATE_NOOP("ResultTableModel", "Judge"),
        lambda r: (
            r.judge or QCoreApplication.translate("ResultTableModel", "Any judge (measured item)")
        ),
    ),
)
TEAM_COLUMNS: tuple[Column[TeamRow], ...] = (
    Column(
        _R, QT_TRANSLATE_NOOP("ResultTableModel", "Rank"), lambda r: str(r.rank), lambda r: r.rank
    ),
    Column(_R, QT_TRANSLATE_NOOP("ResultTableModel", "Unit"), lambda r: r.unit),
    Column(_R, QT_TRANSLATE_NOOP("ResultTableModel", "Team score"), lambda r: r.score),
    Column(
        _R, QT_TRANSLATE_NOOP("ResultTableModel", "Members counted"), lambda r: "、".join(r.members)
    ),
    Column(
        _R,
        QT_TRANSLATE_NOOP("ResultTableModel", "Note"),
        lambda r: (
            QCoreApplication.translate("ResultTableModel", "Provisional") if r.provisional else ""
        ),
    ),
)
STANDING_COLUMNS: tuple[Column[UnitStandingRow], ...] = (
    Column(
        _R, QT_TRANSLATE_NOOP("ResultTableModel", "Rank"), lambda r: str(r.rank), lambda r: r.rank
    ),
    Column(_R, QT_TRANSLATE_NOOP("ResultTableModel", "Unit"), lambda r: r.unit),
    Column(_R, QT_TRANSLATE_NOOP("ResultTableModel", "Total"), lambda r: r.total),
    Column(
        _R,
        QT_TRANSLATE_NOOP("ResultTableModel", "Events"),
        lambda r: str(r.events),
        lambda r: r.events,
    ),
)


def _deviation(row: JudgeSeverityRow) -> str:
    if row.mean_deviation is None:
        return ""
    text = decimal_text(row.mean_deviation)
    return text if row.mean_deviation < 0 else f"+{text}"


SEVERITY_COLUMNS: tuple[Column[JudgeSeverityRow], ...] = (
    Column(_R, QT_TRANSLATE_NOOP("ResultTableModel", "Judge"), lambda r: r.name),
    Column(_R, QT_TRANSLATE_NOOP("ResultTableModel", "Marks compared"), lambda r: str(r.marks)),
    Column(_R, QT_TRANSLATE_NOOP("ResultTableModel", "Mean deviation"), _deviation),
    Column(_R, QT_TRANSLATE_NOOP("ResultTableModel", "Trimmed panels"), lambda r: str(r.trimmed)),
    Column(
        _R,
        QT_TRANSLATE_NOOP("ResultTableModel", "Dropped as highest"),
        lambda r: str(r.dropped_high),
    ),
    Column(
        _R, QT_TRANSLATE_NOOP("ResultTableModel", "Dropped as lowest"), lambda r: str(r.dropped_low)
    ),
)


def _appeal_state(row: AppealRow) -> str:
    return sl.name_of(sl.APPEAL_NAMES, row.status)


APPEAL_COLUMNS: tuple[Column[AppealRow], ...] = (
    Column(_R, QT_TRANSLATE_NOOP("ResultTableModel", "Filed"), lambda r: local_time(r.filed_at)),
    Column(_R, QT_TRANSLATE_NOOP("ResultTableModel", "Event"), lambda r: r.event),
    Column(_R, QT_TRANSLATE_NOOP("ResultTableModel", "Number"), lambda r: r.bib),
    Column(_R, QT_TRANSLATE_NOOP("ResultTableModel", "Name"), lambda r: r.name),
    Column(_R, QT_TRANSLATE_NOOP("ResultTableModel", "Appellant"), lambda r: r.appellant),
    Column(_R, QT_TRANSLATE_NOOP("ResultTableModel", "Appeal"), lambda r: r.text),
    Column(_R, QT_TRANSLATE_NOOP("ResultTableModel", "Status"), _appeal_state),
    Column(_R, QT_TRANSLATE_NOOP("ResultTableModel", "Ruling"), lambda r: r.decision),
)


class MissingMarkTableModel(ListTableModel[MissingMarkRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(MISSING_COLUMNS, parent)


class TeamTableModel(ListTableModel[TeamRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(TEAM_COLUMNS, parent)


class UnitStandingTableModel(ListTableModel[UnitStandingRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(STANDING_COLUMNS, parent)


class SeverityTableModel(ListTableModel[JudgeSeverityRow]):
    """A negative mean deviation is a harsh judge, a positive one a lenient one."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(SEVERITY_COLUMNS, parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and index.isValid() and index.column() > 0:
            return RIGHT
        return super().data(index, role)


class AppealTableModel(ListTableModel[AppealRow]):
    """A late appeal (filed after the deadline) carries a warning icon."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(APPEAL_COLUMNS, parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0 and row.late:
            return icon("warning")
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 6:
            return None if row.status is AppealStatus.OPEN else icon("ok")
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0 and row.late:
            return QCoreApplication.translate(
                "ResultTableModel", "Filed after the deadline {time}"
            ).format(time=local_time(row.deadline))
        return super().data(index, role)

    def index_of(self, appeal_id: int) -> int:
        return next((i for i, r in enumerate(self.rows()) if r.id == appeal_id), -1)
