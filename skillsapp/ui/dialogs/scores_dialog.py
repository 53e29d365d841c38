"""The reviewers' scores of one studio for the scored metrics of an evaluation plan."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QDoubleSpinBox, QPlainTextEdit, QWidget

from skillsapp.services.studios.studio_evaluation import EvaluationService, ManualScores, PlanRow
from skillsapp.ui import signals
from skillsapp.ui import studio_labels as sl
from skillsapp.ui.dialogs.record_dialog import RecordDialog
from skillsapp.ui.formatting import decimal_text

DECIMALS = 2


class ScoresDialog(RecordDialog):
    """A spin box per scored metric (0 … its full score) and a note."""

    announced = (signals.STUDIOS,)

    def __init__(
        self,
        service: EvaluationService,
        *,
        plan: PlanRow,
        studio_id: int,
        studio_name: str,
        current: ManualScores | None,
        parent: QWidget | None = None,
    ) -> None:
        self._service = service
        self._plan = plan
        self._studio_id = studio_id
        self._current = current
        self.spins: dict[str, QDoubleSpinBox] = {}
        title = self.tr("Scores of {studio}").format(studio=studio_name)
        super().__init__(title, parent=parent)

    def _build_ui(self) -> None:
        scores = self._current.scores if self._current else {}
        for metric in self._plan.metrics:
            if not metric.manual:
                continue
            spin = QDoubleSpinBox()
            spin.setDecimals(DECIMALS)
            spin.setRange(0, float(metric.max_score or 0))
            spin.setValue(float(scores.get(metric.key, 0)))
            spin.setMaximumWidth(140)
            spin.setSuffix(
                self.tr(" of {max}").format(max=decimal_text(metric.max_score or Decimal(0)))
            )
            self.spins[metric.key] = spin
            self.add_row(metric.key, sl.metric(metric.key, metric.label), spin)
        self.note = QPlainTextEdit(self._current.note if self._current else "")
        self.note.setMaximumHeight(80)
        self.add_row("note", self.tr("Reviewers' note"), self.note)

    def scores(self) -> dict[str, Decimal]:
        return {
            key: Decimal(str(round(spin.value(), DECIMALS))) for key, spin in self.spins.items()
        }

    def save(self) -> ManualScores:
        return self._service.set_manual_scores(
            self._plan.id, self._studio_id, self.scores(), note=self.note.toPlainText()
        )
