"""年度考核 tables: plans, the metrics of a plan being edited, and the ranking."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from skillsapp.domain.studio_rules import Metric, RankedStudio
from skillsapp.services.studios.studio_evaluation import PlanRow, Ranking
from skillsapp.ui import studio_labels as sl
from skillsapp.ui.formatting import decimal_text, parse_decimal, parse_optional_decimal
from skillsapp.ui.models.edit_model import EditableTableModel, EditColumn
from skillsapp.ui.models.list_model import Column, ListTableModel

_C = "EvaluationModels"


def _label(metric: Metric, value: Any) -> Metric:
    if not metric.manual:
        raise ValueError("a computed metric is named by its key")
    text = " ".join(str(value).split())
    if not text:
        raise ValueError("empty")
    return replace(metric, label=text)


def _max_score(metric: Metric, value: Any) -> Metric:
    if not metric.manual:
        raise ValueError("only scored metrics have a maximum")
    return replace(metric, max_score=parse_optional_decimal(value))


METRIC_COLUMNS: tuple[EditColumn[Metric], ...] = (
    EditColumn(
        _C,
        QT_TRANSLATE_NOOP("EvaluationModels", "Metric"),
        lambda m: sl.metric(m.key, m.label),
        _label,
    ),
    EditColumn(
        _C,
        QT_TRANSLATE_NOOP("EvaluationModels", "Kind"),
        lambda m: (
            QCoreApplication.translate("EvaluationModels", "scored by the reviewers")
            if m.manual
            else QCoreApplication.translate("EvaluationModels", "from the records")
        ),
    ),
    EditColumn(
        _C,
        QT_TRANSLATE_NOOP("EvaluationModels", "Weight"),
        lambda m: decimal_text(m.weight),
        lambda m, v: replace(m, weight=parse_decimal(v)),
    ),
    EditColumn(
        _C,
        QT_TRANSLATE_NOOP("EvaluationModels", "Full score"),
        lambda m: decimal_text(m.max_score) if m.manual else "",
        _max_score,
    ),
)
PLAN_COLUMNS: tuple[Column[PlanRow], ...] = (
    Column(
        _C, QT_TRANSLATE_NOOP("EvaluationModels", "Year"), lambda p: str(p.year), lambda p: p.year
    ),
    Column(_C, QT_TRANSLATE_NOOP("EvaluationModels", "Plan"), lambda p: p.name),
    Column(
        _C,
        QT_TRANSLATE_NOOP("EvaluationModels", "Metrics"),
        lambda p: "、".join(sl.metric(m.key, m.label) for m in p.metrics),
    ),
)


class MetricTableModel(EditableTableModel[Metric]):
    """The plan's metrics, edited in place; `total_weight` for the live total."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(METRIC_COLUMNS, parent)

    def total_weight(self) -> Decimal:
        return sum((m.weight for m in self.rows()), Decimal(0))


class PlanTableModel(ListTableModel[PlanRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(PLAN_COLUMNS, parent)


@dataclass(frozen=True)
class _Cell:
    """Reads one metric's points from a ranked studio."""

    index: int

    def __call__(self, row: RankedStudio) -> str:
        score = row.scores[self.index]
        return decimal_text(score.points)


class RankingTableModel(ListTableModel[RankedStudio]):
    """Rank, studio, total, the points of each metric of the plan, the reviewers' note."""

    def __init__(self, parent: Any = None) -> None:
        self._notes: Mapping[int, str] = {}
        super().__init__(self._make_columns(None), parent)

    def _make_columns(self, plan: PlanRow | None) -> tuple[Column[RankedStudio], ...]:
        metrics = plan.metrics if plan else ()
        head: tuple[Column[RankedStudio], ...] = (
            Column(
                _C,
                QT_TRANSLATE_NOOP("EvaluationModels", "Rank"),
                lambda r: str(r.rank),
                lambda r: r.rank,
            ),
            Column(_C, QT_TRANSLATE_NOOP("EvaluationModels", "Studio"), lambda r: r.name),
            Column(
                _C,
                QT_TRANSLATE_NOOP("EvaluationModels", "Total"),
                lambda r: decimal_text(r.total),
                lambda r: float(r.total),
            ),
        )
        middle = tuple(
            Column("studio_labels", sl.METRIC_NAMES.get(m.key, m.label), _Cell(i), _Points(i))
            for i, m in enumerate(metrics)
        )
        tail: tuple[Column[RankedStudio], ...] = (
            Column(
                _C,
                QT_TRANSLATE_NOOP("EvaluationModels", "Note"),
                lambda r: self._notes.get(r.studio_id, ""),
            ),
        )
        return head + middle + tail

    def set_ranking(self, ranking: Ranking | None) -> None:
        """Columns follow the plan's metrics, so the whole model resets."""
        self.beginResetModel()
        self._columns = self._make_columns(ranking.plan if ranking else None)
        self._rows = list(ranking.rows) if ranking else []
        self._notes = dict(ranking.notes) if ranking else {}
        self.endResetModel()


@dataclass(frozen=True)
class _Points:
    index: int

    def __call__(self, row: RankedStudio) -> float:
        return float(row.scores[self.index].points)
