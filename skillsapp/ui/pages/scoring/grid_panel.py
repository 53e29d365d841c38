"""评分: one judge's mark entry grid of one event, saved mark by mark, then signed off."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from skillsapp.app import Services
from skillsapp.domain.marks import SubmissionStatus
from skillsapp.errors import UserError
from skillsapp.services.scoring.marks_grid import GridCell, MarkGrid
from skillsapp.ui import msgbox, signals
from skillsapp.ui import scoring_labels as sl
from skillsapp.ui.formatting import decimal_text
from skillsapp.ui.models.mark_grid_model import MarkGridTableModel
from skillsapp.ui.widgets.mark_grid_view import MarkGridView
from skillsapp.ui.widgets.mark_status import StatusLine, legend
from skillsapp.ui.widgets.refresh import RefreshOnChange


class MarkGridPanel(QWidget):
    """`load(event_id, open_for_marks)` shows the acting judge's grid of the event."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.event_id: int | None = None
        self.grid: MarkGrid | None = None
        self._open = False
        self._announcing = False
        self._build_ui()
        self._connect_signals()
        RefreshOnChange(self, self._on_marks_changed, {signals.MARKS})

    def _build_ui(self) -> None:
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 13pt; font-weight: 600; color: #23344d;")
        self.state_label = QLabel()
        self.returned = QLabel()
        self.returned.setWordWrap(True)
        self.returned.setStyleSheet(sl.BANNER_STYLE)
        self.model = MarkGridTableModel(self)
        self.view = MarkGridView()
        self.view.setModel(self.model)
        self.status = StatusLine()
        self.hint = hint = QLabel()
        hint.setWordWrap(True)
        hint.setStyleSheet(sl.HINT_STYLE)
        self.refresh_button = QPushButton(self.tr("Reload"))
        self.submit_button = QPushButton(self.tr("Submit (sign off)…"))
        self.submit_button.setStyleSheet("font-weight: 600; padding: 5px 14px;")
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.state_label)
        bottom = QHBoxLayout()
        bottom.addWidget(legend(), 1)
        bottom.addWidget(self.refresh_button)
        bottom.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.returned)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addLayout(bottom)

    def _connect_signals(self) -> None:
        self.model.mark_saved.connect(self._on_model_mark_saved)
        self.model.mark_refused.connect(self._on_model_mark_refused)
        self.refresh_button.clicked.connect(self.reload)
        self.submit_button.clicked.connect(self._on_submit_button_clicked)

    # -- loading

    def load(self, event_id: int | None, *, open_for_marks: bool = True) -> None:
        self.event_id, self._open = event_id, open_for_marks
        self.status.show_hint("")
        self.reload()

    def reload(self) -> None:
        if self.event_id is None:
            self.grid = None
            self.model.set_grid((), (), {}, saver=self._save, read_only=True)
            self._show_state()
            return
        keep = self.view.currentIndex()
        try:
            self.grid = self._services.marks.grid(self.event_id)
        except UserError as err:
            self.grid = None
            self.status.show_error(msgbox.reasons_text(err))
            return
        self.model.set_mark_grid(self.grid, self._save)
        if not self._open:
            self.model.read_only = True
        self._show_state()
        if keep.isValid() and keep.row() < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(keep.row(), keep.column()))
        else:
            self.view.start()

    def _show_state(self) -> None:
        grid = self.grid
        self.title.setText(grid.event_name if grid else "")
        status = grid.status if grid else SubmissionStatus.OPEN
        text = self.tr("Marks: {status}").format(status=sl.name_of(sl.SUBMISSION_NAMES, status))
        self.state_label.setText(text if grid else "")
        returned = grid is not None and status is SubmissionStatus.RETURNED
        self.returned.setVisible(returned)
        if returned and grid is not None:
            self.returned.setText(
                self.tr(
                    "The chief judge returned your marks: {reason}. Correct them and submit again."
                ).format(reason=grid.return_reason)
            )
        self.submit_button.setEnabled(grid is not None and self._open and not self.model.read_only)
        self.hint.setText(self._hint(grid))

    def _hint(self, grid: MarkGrid | None) -> str:
        if grid is None:
            return ""
        if not self._open:
            return self.tr("Marking is closed for this competition: the marks can only be read.")
        if grid.read_only:
            return self.tr("Your marks are submitted: they can be read, not changed.")
        return self.tr(
            "Type a mark and press Enter: it is saved at once and the cursor moves down. "
            "Tab moves right, Delete clears a mark."
        )

    # -- saving

    def _save(
        self, registration_id: int, key: str, value: Decimal | None, version: int | None
    ) -> GridCell:
        assert self.event_id is not None
        return self._services.marks.save_mark(
            self.event_id, registration_id, key, value, expected_version=version
        )

    def _on_model_mark_saved(self, cell: GridCell) -> None:
        row = self.model.row_of(cell.registration_id)
        column = self.model.column_of(cell.criterion_key)
        where = self.model.where(row, column)
        if cell.value is None:
            self.status.show_ok(self.tr("Cleared: {cell}").format(cell=where))
        else:
            value = decimal_text(cell.value)
            self.status.show_ok(self.tr("Saved: {cell} = {value}").format(cell=where, value=value))
        self._announce()

    def _on_model_mark_refused(self, text: str) -> None:
        self.status.show_error(text)
        error = self.model.last_error
        if error is not None and error.code in ("conflict", "mark_held_by_other"):
            self.reload()  # somebody else changed it: show what is there now
            self.status.show_error(text)

    def _announce(self) -> None:
        self._announcing = True
        try:
            signals.announce(signals.MARKS)
        finally:
            self._announcing = False

    def _on_marks_changed(self) -> None:
        if not self._announcing:
            self.reload()

    # -- sign-off

    def _on_submit_button_clicked(self) -> None:
        if self.event_id is None or self.grid is None:
            return
        question = self.tr(
            "Submit your marks of {event} and sign them off? "
            "After this they can change only if the chief judge returns them."
        ).format(event=self.grid.event_name)
        title = self.tr("Submit marks")
        if not msgbox.confirm(self, title, question, ok_text=self.tr("Submit")):
            return
        try:
            self._services.marks.submit(self.event_id)
        except UserError as err:
            msgbox.refused(self, self.tr("Cannot submit"), err)
            return
        self.status.show_ok(self.tr("Marks submitted and signed off."))
        self._announce()
        self.reload()
