"""A contestant's drill-down: every judge's mark of every criterion, and the history of
the mark chosen (old → new, who, when, why, kind)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from skillsapp.services.scoring.results_drilldown import (
    ContestantDrilldown,
    CriterionDrillRow,
    JudgeMarkRow,
    MarkChangeRow,
)
from skillsapp.ui import scoring_labels as sl
from skillsapp.ui.formatting import decimal_text, local_time
from skillsapp.ui.icons import icon
from skillsapp.ui.models.list_model import Column, Index, ListTableModel

_D = "DrilldownTableModel"


@dataclass(frozen=True)
class DrillLine:
    """One judge's mark of one criterion (`judge` None: a criterion nobody marked)."""

    criterion: CriterionDrillRow
    judge: JudgeMarkRow | None
    first: bool  # the criterion's first line: it shows the criterion's name and mark


def drill_lines(drilldown: ContestantDrilldown) -> list[DrillLine]:
    lines: list[DrillLine] = []
    for criterion in drilldown.criteria:
        judges = criterion.judges or (None,)
        lines += [DrillLine(criterion, j, n == 0) for n, j in enumerate(judges)]
    return lines


def _item(line: DrillLine) -> str:
    if not line.first:
        return ""
    c = line.criterion
    kind = QCoreApplication.translate("DrilldownTableModel", "deduction") if c.deduction else ""
    return f"{c.key} {c.name}（{decimal_text(c.max_mark)}{kind}）"


def _value(line: DrillLine) -> str:
    if line.judge is None or line.judge.value is None:
        return QCoreApplication.translate("DrilldownTableModel", "missing")
    return decimal_text(line.judge.value)


def _dropped(line: DrillLine) -> str:
    return sl.name_of(sl.DROPPED_NAMES, line.judge.dropped) if line.judge else ""


LINE_COLUMNS: tuple[Column[DrillLine], ...] = (
    Column(_D, QT_TRANSLATE_NOOP("DrilldownTableModel", "Item"), _item),
    Column(
        _D,
        QT_TRANSLATE_NOOP("DrilldownTableModel", "Item mark"),
        lambda r: (r.criterion.mark or "") if r.first else "",
    ),
    Column(
        _D,
        QT_TRANSLATE_NOOP("DrilldownTableModel", "Judge"),
        lambda r: r.judge.judge if r.judge else "",
    ),
    Column(_D, QT_TRANSLATE_NOOP("DrilldownTableModel", "Mark"), _value),
    Column(
        _D,
        QT_TRANSLATE_NOOP("DrilldownTableModel", "Source"),
        lambda r: sl.name_of(sl.SOURCE_NAMES, r.judge.source) if r.judge and r.judge.source else "",
    ),
    Column(_D, QT_TRANSLATE_NOOP("DrilldownTableModel", "Left out"), _dropped),
    Column(
        _D,
        QT_TRANSLATE_NOOP("DrilldownTableModel", "Changes"),
        lambda r: str(len(r.judge.history)) if r.judge and r.judge.history else "",
    ),
)


def _change(row: MarkChangeRow) -> str:
    old = "—" if row.old is None else decimal_text(row.old)
    new = "—" if row.new is None else decimal_text(row.new)
    return f"{old} → {new}"


CHANGE_COLUMNS: tuple[Column[MarkChangeRow], ...] = (
    Column(_D, QT_TRANSLATE_NOOP("DrilldownTableModel", "When"), lambda r: local_time(r.at)),
    Column(
        _D,
        QT_TRANSLATE_NOOP("DrilldownTableModel", "Kind"),
        lambda r: sl.name_of(sl.CHANGE_NAMES, r.kind),
    ),
    Column(_D, QT_TRANSLATE_NOOP("DrilldownTableModel", "Old → new"), _change),
    Column(_D, QT_TRANSLATE_NOOP("DrilldownTableModel", "Who"), lambda r: r.who),
    Column(_D, QT_TRANSLATE_NOOP("DrilldownTableModel", "Why"), lambda r: r.reason),
)


class DrillLineTableModel(ListTableModel[DrillLine]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(LINE_COLUMNS, parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.row_at(index.row())
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 3:
            if line.judge is None or line.judge.value is None:
                return icon("warning")
            if any(c.kind.value != "entry" for c in line.judge.history):
                return icon("corrected")
        if role == Qt.ItemDataRole.BackgroundRole and line.judge and line.judge.dropped:
            return sl.color(sl.LOCKED_COLOR)
        return super().data(index, role)


class MarkChangeTableModel(ListTableModel[MarkChangeRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(CHANGE_COLUMNS, parent)
