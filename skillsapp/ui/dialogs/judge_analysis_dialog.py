"""裁判评分分析: how far each judge's marks sit from the panel, and how often a trimmed
mean dropped them; exported as .xlsx on request."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from skillsapp.services.scoring.judge_analysis import JudgeSeverityRow
from skillsapp.ui import scoring_labels as sl
from skillsapp.ui.models.results_table_models import SeverityTableModel
from skillsapp.ui.widgets.tables import table_view


class JudgeAnalysisDialog(QDialog):
    """`export_requested` when the user asks for the .xlsx."""

    export_requested = Signal()

    def __init__(
        self, rows: Sequence[JudgeSeverityRow], *, event: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Judges' analysis — {event}").format(event=event))
        self.resize(760, 380)
        self.model = SeverityTableModel(self)
        self.model.set_rows(rows)
        explain = QLabel(
            self.tr(
                "Mean deviation: a judge's marks minus the panel's mean, in marks. "
                "Below zero a harsh judge, above zero a lenient one."
            )
        )
        explain.setWordWrap(True)
        explain.setStyleSheet(sl.HINT_STYLE)
        self.table = table_view(self.model, (140, 100, 110, 110, 110), stretch=5)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(
            self.tr("Export Excel…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.export_button.clicked.connect(self.export_requested)
        self.buttons.rejected.connect(self.reject)
