"""年度考核方案: the year, a name, and weighted metrics whose weights add up to 100 (the
running total shows as they are typed)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from skillsapp.domain.studio_rules import COMPUTED_METRICS, Metric, check_metrics
from skillsapp.services.studios.studio_evaluation import EvaluationService, PlanInput, PlanRow
from skillsapp.ui import signals
from skillsapp.ui import studio_labels as sl
from skillsapp.ui.dialogs.record_dialog import RecordDialog
from skillsapp.ui.formatting import decimal_text
from skillsapp.ui.models.evaluation_models import MetricTableModel
from skillsapp.ui.widgets.fields import YearSpin
from skillsapp.ui.widgets.tables import edit_table_view

HUNDRED = Decimal(100)
GOOD, BAD = "color: #2e7d32; font-weight: 600;", "color: #c62828; font-weight: 600;"
DEFAULT_MAX = Decimal(100)


class PlanDialog(RecordDialog):
    """A new plan, or `plan` to edit."""

    announced = (signals.STUDIOS,)

    def __init__(
        self,
        service: EvaluationService,
        *,
        plan: PlanRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self._service = service
        self._plan = plan
        title = self.tr("Edit evaluation plan") if plan else self.tr("New evaluation plan")
        super().__init__(title, parent=parent)
        if plan is not None:
            self.year.setValue(plan.year)
            self.name.setText(plan.name)
            self.model.set_rows(plan.metrics)
        self._update_total()

    def _build_ui(self) -> None:
        self.year = YearSpin()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. 2026年度创新工作室考核"))
        self.model = MetricTableModel(self)
        self.table = edit_table_view(self.model, (220, 150, 70), stretch=0)
        self.table.setMinimumHeight(220)
        self.computed = QComboBox()
        for key in COMPUTED_METRICS:
            self.computed.addItem(sl.metric(key), key)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_scored_button = QPushButton(self.tr("Add scored metric"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.total = QLabel()
        self.add_row("year", self.tr("Year"), self.year)
        self.add_row("name", self.tr("Plan"), self.name)
        self.add_row("metrics", self.tr("Metrics"), self._metrics_box())
        self.setMinimumWidth(640)

    def _metrics_box(self) -> QWidget:
        buttons = QHBoxLayout()
        for widget in (self.computed, self.add_button, self.add_scored_button, self.remove_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.total)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        return box

    def _connect_signals(self) -> None:
        super()._connect_signals()
        self.model.rows_edited.connect(self._update_total)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.add_scored_button.clicked.connect(self._on_add_scored_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.name.textChanged.connect(lambda: self.touch("name"))

    def _update_total(self) -> None:
        total = self.model.total_weight()
        self.total.setText(self.tr("Weights: {total} of 100").format(total=decimal_text(total)))
        self.total.setStyleSheet(GOOD if total == HUNDRED else BAD)
        if "metrics" in self._touched:
            self.touch("metrics")

    def _keys(self) -> set[str]:
        return {m.key for m in self.model.rows()}

    def _on_add_button_clicked(self) -> None:
        key = self.computed.currentData()
        if key not in self._keys():
            self.model.append_row(Metric(key, Decimal(0)))
        self.touch("metrics")

    def _on_add_scored_button_clicked(self) -> None:
        number = 1
        while f"m{number}" in self._keys():
            number += 1
        label = self.tr("Reviewers' score {number}").format(number=number)
        self.model.append_row(
            Metric(f"m{number}", Decimal(0), label=label, manual=True, max_score=DEFAULT_MAX)
        )
        self.touch("metrics")

    def _on_remove_button_clicked(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.model.remove_row(index.row())

    def plan_input(self) -> PlanInput:
        return PlanInput(self.year.value(), self.name.text(), self.model.rows())

    def problems(self) -> dict[str, str]:
        data = self.plan_input()
        errors = check_metrics(data.metrics)
        problems = {"metrics": next(iter(errors.values()))} if errors else {}
        if not data.name.strip():
            problems["name"] = "evaluation_name_required"
        return problems

    def save(self) -> PlanRow:
        if self._plan is None:
            return self._service.add_plan(self.plan_input())
        return self._service.update_plan(
            self._plan.id, self.plan_input(), expected_version=self._plan.version
        )

    def _show_refused(self, field_errors: dict[str, str]) -> None:
        """Errors about one metric (keyed by it) show under the metrics table."""
        known = set(self.errors)
        moved = {(k if k in known else "metrics"): v for k, v in field_errors.items()}
        super()._show_refused(moved)
