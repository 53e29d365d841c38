"""One contestant's marks in full: every judge's mark of every criterion and, for the
mark chosen, its history (old → new, who, when, why, kind)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from skillsapp.services.scoring.results_drilldown import ContestantDrilldown
from skillsapp.ui import scoring_labels as sl
from skillsapp.ui.formatting import decimal_text
from skillsapp.ui.models.drilldown_models import (
    DrillLineTableModel,
    MarkChangeTableModel,
    drill_lines,
)
from skillsapp.ui.widgets.tables import table_view


class DrilldownDialog(QDialog):
    def __init__(self, drilldown: ContestantDrilldown, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drilldown = drilldown
        who = " ".join(part for part in (drilldown.bib, drilldown.name) if part)
        self.setWindowTitle(self.tr("Marks of {who}").format(who=who))
        self.resize(980, 640)
        self._build_ui()
        self.lines.selectionModel().selectionChanged.connect(self._on_lines_selection_changed)
        self.buttons.rejected.connect(self.reject)
        self.model.set_rows(drill_lines(drilldown))

    def _build_ui(self) -> None:
        self.summary = QLabel(self._summary())
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size: 11pt; font-weight: 600; color: #23344d;")
        hint = QLabel(self.tr("Choose a mark to see every change made to it."))
        hint.setStyleSheet(sl.HINT_STYLE)
        self.model = DrillLineTableModel(self)
        self.lines = table_view(self.model, (220, 70, 100, 80, 90, 110), stretch=6)
        self.history_model = MarkChangeTableModel(self)
        self.history = table_view(self.history_model, (130, 110, 110, 100), stretch=4)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.lines)
        splitter.addWidget(self.history)
        splitter.setSizes([420, 160])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(hint)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

    def _summary(self) -> str:
        d = self.drilldown
        parts = [f"{d.event_name}  {d.bib} {d.name}".strip()]
        if d.unit:
            parts.append(d.unit)
        rank = self.tr("disqualified") if d.disqualified else str(d.rank or "—")
        parts.append(self.tr("rank {rank}, total {total}").format(rank=rank, total=d.total))
        parts += [f"{name} {score}" for name, score in d.components]
        if d.award:
            parts.append(d.award)
        if d.time_used is not None:
            time = decimal_text(d.time_used)
            parts.append(self.tr("time used {minutes} min").format(minutes=time))
        return "；".join(parts)

    def _on_lines_selection_changed(self) -> None:
        rows = self.lines.selectionModel().selectedRows()
        line = self.model.row_at(rows[0].row()) if rows else None
        self.history_model.set_rows(line.judge.history if line and line.judge else ())

    def select_line(self, key: str, judge_id: int) -> int:
        """Select the mark of `judge_id` on criterion `key`; its row (or -1)."""
        for row, line in enumerate(self.model.rows()):
            if line.criterion.key == key and line.judge and line.judge.judge_id == judge_id:
                self.lines.selectRow(row)
                return row
        return -1
