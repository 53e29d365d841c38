"""年度考核: evaluation plans, the ranking of the studios by a plan, the reviewers' scores
and the evaluation sheets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from skillsapp.app import Services
from skillsapp.domain.roles import Permission
from skillsapp.errors import UserError
from skillsapp.services.studios.studio_evaluation import PlanRow, Ranking
from skillsapp.ui import msgbox, signals
from skillsapp.ui import talent_labels as tl
from skillsapp.ui.dialogs.plan_dialog import PlanDialog
from skillsapp.ui.dialogs.scores_dialog import ScoresDialog
from skillsapp.ui.models.evaluation_models import PlanTableModel, RankingTableModel
from skillsapp.ui.pages.file_flow import FileFlow, ask_save_path
from skillsapp.ui.widgets.dialogs import open_dialog
from skillsapp.ui.widgets.fields import combo
from skillsapp.ui.widgets.record_section import RecordSection
from skillsapp.ui.widgets.refresh import RefreshOnChange

HINT_STYLE = "color: #5f6b7a;"


class EvaluationTab(QWidget):
    """`ranking` is what the ranking table shows."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._manager = services.actor.can(Permission.MANAGE_STUDIOS)
        self.ranking: Ranking | None = None
        self.dialog: QWidget | None = None
        self.pdf_flow = FileFlow(self, self.tr("Evaluation sheets"))
        self._build_ui()
        self._connect_signals()
        RefreshOnChange(self, self.refresh, {signals.STUDIOS}, initially=True)

    def _build_ui(self) -> None:
        self.plans = RecordSection(self.tr("Evaluation plans"), PlanTableModel(self), (50, 170))
        self.results = RecordSection(self.tr("Ranking"), RankingTableModel(self), (50, 220))
        self.level = combo(tl.choices(tl.HONOUR_LEVEL_NAMES), first=self.tr("All levels"))
        self.results.buttons.insertWidget(3, self.level)
        self._add_buttons()
        hint = QLabel(
            self.tr(
                "Counted metrics come from the year's records; the best studio gets the full "
                "weight, the others their share. Scored metrics are entered by the reviewers."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.plans)
        splitter.addWidget(self.results)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([340, 860])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(hint)
        layout.addWidget(splitter, 1)

    def _add_buttons(self) -> None:
        shown = self._manager
        self.new_plan_button = self.plans.add_button(
            self.tr("New plan…"), self.new_plan, shown=shown
        )
        self.plans.add_button(self.tr("Edit…"), self.edit_plan, needs_row=True, shown=shown)
        self.plans.add_button(self.tr("Delete"), self.delete_plan, needs_row=True, shown=shown)
        self.scores_button = self.results.add_button(
            self.tr("Scores…"), self.edit_scores, needs_row=True, shown=shown
        )
        self.results.add_button(
            self.tr("Sheet of this studio…"), self._on_one_sheet, needs_row=True
        )
        self.all_sheets_button = self.results.add_button(
            self.tr("All sheets PDF…"), self._on_all_sheets
        )

    def _connect_signals(self) -> None:
        self.plans.table.selectionModel().selectionChanged.connect(self.show_ranking)
        self.level.currentIndexChanged.connect(self.show_ranking)

    # -- loading

    def refresh(self) -> None:
        chosen = self.plans.selected()
        rows = self._services.studio_evaluation.plans()
        self.plans.set_rows(rows)
        keep = next((i for i, r in enumerate(rows) if chosen and r.id == chosen.id), 0)
        if rows:
            proxy = self.plans.table.model()
            self.plans.table.selectRow(proxy.mapFromSource(self.plans.model.index(keep, 0)).row())
        self.show_ranking()

    def show_ranking(self) -> None:
        plan: PlanRow | None = self.plans.selected()
        service = self._services.studio_evaluation
        self.ranking = service.ranking(plan.id, level=self.level.currentData()) if plan else None
        self.results.model.set_ranking(self.ranking)  # type: ignore[attr-defined]
        self.results.table.resizeColumnsToContents()  # the columns follow the plan's metrics
        self.all_sheets_button.setEnabled(bool(self.ranking and self.ranking.rows))

    # -- plans

    def _open(self, dialog: QWidget) -> None:
        self.dialog = open_dialog(dialog)  # type: ignore[arg-type]

    def new_plan(self) -> None:
        self._open(PlanDialog(self._services.studio_evaluation, parent=self))

    def edit_plan(self) -> None:
        plan = self.plans.selected()
        if plan is not None:
            self._open(PlanDialog(self._services.studio_evaluation, plan=plan, parent=self))

    def delete_plan(self) -> None:
        plan = self.plans.selected()
        if plan is None:
            return
        question = self.tr("Delete the plan “{name}” with its scores?").format(name=plan.name)
        if not msgbox.confirm(self, self.tr("Delete"), question, ok_text=self.tr("Delete")):
            return
        try:
            self._services.studio_evaluation.delete_plan(plan.id)
        except UserError as err:
            msgbox.user_error(self, err)
            return
        signals.announce(signals.STUDIOS)

    def edit_scores(self) -> None:
        plan, row = self.plans.selected(), self.results.selected()
        if plan is None or row is None:
            return
        if not any(m.manual for m in plan.metrics):
            msgbox.info(self, self.tr("Scores"), self.tr("This plan has no scored metrics."))
            return
        service = self._services.studio_evaluation
        current = service.manual_scores(plan.id).get(row.studio_id)
        self._open(
            ScoresDialog(
                service,
                plan=plan,
                studio_id=row.studio_id,
                studio_name=row.name,
                current=current,
                parent=self,
            )
        )

    # -- sheets

    def _on_one_sheet(self) -> None:
        row = self.results.selected()
        if row is not None:
            self._ask_sheet(row.studio_id, row.name)

    def _on_all_sheets(self) -> None:
        self._ask_sheet(None, self.tr("all studios"))

    def _ask_sheet(self, studio_id: int | None, name: str) -> None:
        plan = self.plans.selected()
        if plan is None:
            return
        suggested = self.tr("{plan} {name}.pdf").format(plan=plan.name, name=name)
        path = ask_save_path(self, self.tr("Save the evaluation sheet"), suggested, ".pdf")
        if path is not None:
            self.export_sheet(path, studio_id)

    def export_sheet(self, path: Path, studio_id: int | None = None) -> None:
        """年度考核表 of one studio (or of all, in rank order) written off the GUI thread."""
        plan = self.plans.selected()
        if plan is None:
            return
        service, level = self._services.studio_evaluation, self.level.currentData()
        self.pdf_flow.save_bytes(
            lambda: service.evaluation_sheet_pdf(plan.id, studio_id, level=level), path
        )
