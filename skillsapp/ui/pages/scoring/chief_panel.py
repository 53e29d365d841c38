"""评分审核: the chief judge's (and organizers') view of an event's marks — all judges
side by side with their spread, returning a judge's marks, the review, and the time
used or a disqualification beside the marks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from skillsapp.app import Services
from skillsapp.domain.marks import SubmissionStatus
from skillsapp.errors import UserError
from skillsapp.services.scoring.marks_review import PanelJudge, PanelRow
from skillsapp.ui import msgbox, signals
from skillsapp.ui import scoring_labels as sl
from skillsapp.ui.dialogs.contestant_score_dialog import ContestantScoreDialog
from skillsapp.ui.dialogs.reason_dialog import ReasonDialog
from skillsapp.ui.models.panel_model import PanelTableModel
from skillsapp.ui.models.scoring_table_models import PanelJudgeTableModel
from skillsapp.ui.widgets.dialogs import open_dialog
from skillsapp.ui.widgets.refresh import RefreshOnChange
from skillsapp.ui.widgets.tables import ROW_HEIGHT, table_view


class ChiefPanel(QWidget):
    """`load(event_id, chief=…)`: return and review are the chief judge's only."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.event_id: int | None = None
        self._chief = False
        self._open = False
        self.reason_dialog: ReasonDialog | None = None
        self.score_dialog: ContestantScoreDialog | None = None
        self._build_ui()
        self._connect_signals()
        RefreshOnChange(self, self.reload, {signals.MARKS})

    def _build_ui(self) -> None:
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.judge_model = PanelJudgeTableModel(self)
        self.judge_table = table_view(self.judge_model, (140, 90), stretch=2)
        self.return_button = QPushButton(self.tr("Return marks…"))
        self.review_button = QPushButton(self.tr("Review done"))
        self.score_button = QPushButton(self.tr("Time used / disqualification…"))
        self.model = PanelTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(64)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(28)
        buttons = QVBoxLayout()
        for button in (self.return_button, self.review_button, self.score_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.judge_table, 1)
        top.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def _connect_signals(self) -> None:
        self.judge_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.return_button.clicked.connect(self._on_return_button_clicked)
        self.review_button.clicked.connect(self._on_review_button_clicked)
        self.score_button.clicked.connect(self._on_score_button_clicked)
        self.table.doubleClicked.connect(self._on_score_button_clicked)

    def load(self, event_id: int | None, *, chief: bool, open_for_marks: bool) -> None:
        self.event_id, self._chief, self._open = event_id, chief, open_for_marks
        for button in (self.return_button, self.review_button):
            button.setVisible(chief)
        self.reload()

    def reload(self) -> None:
        view = None
        if self.event_id is not None:
            try:
                view = self._services.marks.panel(self.event_id)
            except UserError as err:
                self.summary.setText(msgbox.reasons_text(err))
        keep = self.table.currentIndex()
        self.model.set_view(view)
        self.judge_model.set_rows(view.judges if view else ())
        self._fit_judge_table()
        if keep.isValid() and keep.row() < self.model.rowCount():
            self.table.selectRow(keep.row())
        if view is not None:
            self._show_summary()
        self._update_buttons()

    def _fit_judge_table(self) -> None:
        """As tall as its judges (the marks below get the rest)."""
        table = self.judge_table
        rows = max(self.judge_model.rowCount(), 1)
        height = table.horizontalHeader().sizeHint().height() + rows * ROW_HEIGHT
        table.setFixedHeight(height + 2 * table.frameWidth())

    def _show_summary(self) -> None:
        view = self.model.view
        assert view is not None
        done = sum(j.status is SubmissionStatus.SUBMITTED for j in view.judges)
        text = self.tr("{done} of {judges} judges have submitted.").format(
            done=done, judges=len(view.judges)
        )
        over = self.model.over_limit()
        if over:
            text += " " + self.tr("{count} marks differ beyond the allowed spread.").format(
                count=over
            )
        reviewed = self.tr("Reviewed by the chief judge.") if view.reviewed else ""
        self.summary.setText(f"{text} {reviewed}".strip())
        self.summary.setStyleSheet(sl.ERROR_STYLE if over else "")

    def selected_judge(self) -> PanelJudge | None:
        rows = self.judge_table.selectionModel().selectedRows()
        return self.judge_model.row_at(rows[0].row()) if rows else None

    def selected_contestant(self) -> PanelRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        judge = self.selected_judge()
        submitted = judge is not None and judge.status is SubmissionStatus.SUBMITTED
        self.return_button.setEnabled(self._open and self._chief and submitted)
        self.review_button.setEnabled(self._open and self._chief and self.model.view is not None)
        self.score_button.setEnabled(self._open and self.selected_contestant() is not None)

    def _change(self, action: Callable[[], object], title: str) -> bool:
        try:
            action()
        except UserError as err:
            msgbox.refused(self, title, err)
            return False
        signals.announce(signals.MARKS)
        return True

    def _on_return_button_clicked(self) -> None:
        judge, event_id = self.selected_judge(), self.event_id
        if judge is None or event_id is None:
            return
        text = self.tr("Return the marks of {name} for correction. Why?").format(name=judge.name)
        title = self.tr("Return marks")
        dialog = ReasonDialog(title, text, ok_text=self.tr("Return"), parent=self)
        dialog.reason_given.connect(
            lambda reason: self._change(
                lambda: self._services.marks.return_marks(event_id, judge.user_id, reason), title
            )
        )
        self.reason_dialog = open_dialog(dialog)

    def _on_review_button_clicked(self) -> None:
        if self.event_id is None:
            return
        title = self.tr("Review done")
        question = self.tr(
            "Confirm that you have reviewed every judge's marks of this event? "
            "Blind codes can then be decrypted."
        )
        if msgbox.confirm(self, title, question, ok_text=title):
            event_id = self.event_id
            self._change(lambda: self._services.marks.review_done(event_id), title)

    def _on_score_button_clicked(self) -> None:
        row = self.selected_contestant()
        if row is None or not self._open:
            return
        dialog = ContestantScoreDialog(self._services, row.registration_id, row.code, parent=self)
        self.score_dialog = open_dialog(dialog)
