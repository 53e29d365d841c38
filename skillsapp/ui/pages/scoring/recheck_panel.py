"""复核: draw an event's re-check sample, record each check against the signed sheets,
correct a mark found wrong (in writing, with the reason), and show the error rate and
whether a full re-check is needed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from skillsapp.app import Services
from skillsapp.errors import UserError
from skillsapp.services.scoring.recheck import RecheckItemRow, RecheckStatus
from skillsapp.ui import msgbox, signals
from skillsapp.ui import scoring_labels as sl
from skillsapp.ui.dialogs.recheck_correction_dialog import RecheckCorrectionDialog
from skillsapp.ui.dialogs.recheck_dialog import RecheckDialog
from skillsapp.ui.formatting import local_time
from skillsapp.ui.models.scoring_table_models import RecheckItemTableModel
from skillsapp.ui.widgets.dialogs import open_dialog
from skillsapp.ui.widgets.refresh import RefreshOnChange
from skillsapp.ui.widgets.tables import table_view


class RecheckPanel(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.event_id: int | None = None
        self._open = False
        self.drawn = False
        self.check_dialog: RecheckDialog | None = None
        self.correct_dialog: RecheckCorrectionDialog | None = None
        self._build_ui()
        self._connect_signals()
        RefreshOnChange(self, self.reload, {signals.MARKS})

    def _build_ui(self) -> None:
        self.explain = QLabel(
            self.tr(
                "All of the top 10 and at least 15 % of the others are drawn and checked "
                "against the signed paper sheets. An error rate above 5 % calls for a full "
                "re-check."
            )
        )
        self.explain.setWordWrap(True)
        self.explain.setStyleSheet(sl.HINT_STYLE)
        self.draw_button = QPushButton(self.tr("Draw the sample"))
        self.check_button = QPushButton(self.tr("Record check…"))
        self.correct_button = QPushButton(self.tr("Correct a mark…"))
        self.correct_button.setToolTip(
            self.tr("Correct a mark that differs from the signed sheet, in writing with the reason")
        )
        self.sample_label = QLabel()
        self.status_label = QLabel()
        self.status_label.setStyleSheet("font-weight: 600;")
        self.full_label = QLabel(self.tr("The error rate is above 5 %: re-check every entry."))
        self.full_label.setStyleSheet(sl.ALERT_STYLE)
        self.model = RecheckItemTableModel(self)
        self.table = table_view(self.model, (90, 70, 90, 300, 140), stretch=3)
        bar = QHBoxLayout()
        bar.addWidget(self.draw_button)
        bar.addWidget(self.check_button)
        bar.addWidget(self.correct_button)
        bar.addWidget(self.sample_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.explain)
        layout.addLayout(bar)
        layout.addWidget(self.status_label)
        layout.addWidget(self.full_label)
        layout.addWidget(self.table, 1)

    def _connect_signals(self) -> None:
        self.draw_button.clicked.connect(self._on_draw_button_clicked)
        self.check_button.clicked.connect(self._on_check_button_clicked)
        self.correct_button.clicked.connect(self._on_correct_button_clicked)
        self.table.doubleClicked.connect(self._on_check_button_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

    def load(self, event_id: int | None, *, open_for_checks: bool) -> None:
        self.event_id, self._open = event_id, open_for_checks
        self.reload()

    def reload(self) -> None:
        sample = status = None
        keep = self.selected()
        if self.event_id is not None:
            try:
                sample = self._services.recheck.sample(self.event_id)
                status = self._services.recheck.status(self.event_id) if sample else None
            except UserError as err:
                self.sample_label.setText(msgbox.reasons_text(err))
        self.model.set_rows(sample.items if sample else ())
        self._reselect(keep)
        self.drawn = sample is not None
        if sample is None:
            self.sample_label.setText(self.tr("No sample drawn yet."))
        else:
            self.sample_label.setText(
                self.tr("Sample drawn {time} with seed {seed}.").format(
                    time=local_time(sample.drawn_at), seed=sample.seed
                )
            )
        self._show_status(status)
        self._update_buttons()

    def _show_status(self, status: RecheckStatus | None) -> None:
        self.status_label.setVisible(status is not None)
        self.full_label.setVisible(status is not None and status.full_recheck_required)
        if status is None:
            return
        self.status_label.setText(
            self.tr(
                "{size} in the sample, {checked} checked, {errors} with errors; error rate {rate}."
            ).format(
                size=status.sample_size,
                checked=status.checked,
                errors=status.errors,
                rate=sl.percent(status.error_rate),
            )
        )

    def selected(self) -> RecheckItemRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _reselect(self, keep: RecheckItemRow | None) -> None:
        """After a reload the entry chosen before stays chosen."""
        rows = self.model.rows()
        found = [n for n, row in enumerate(rows) if keep and row.item_id == keep.item_id]
        if found:
            self.table.selectRow(found[0])

    def _update_buttons(self) -> None:
        self.draw_button.setEnabled(self._open and self.event_id is not None and not self.drawn)
        chosen = self._open and self.selected() is not None
        self.check_button.setEnabled(chosen)
        self.correct_button.setEnabled(chosen)

    def _on_draw_button_clicked(self) -> None:
        if self.event_id is None:
            return
        try:
            self._services.recheck.draw_sample(self.event_id)
        except UserError as err:
            msgbox.refused(self, self.tr("Draw the sample"), err)
            return
        signals.announce(signals.MARKS)

    def _on_check_button_clicked(self) -> None:
        item = self.selected()
        if item is None or not self._open:
            return
        dialog = RecheckDialog(self._services, item, parent=self)
        self.check_dialog = open_dialog(dialog)

    def _on_correct_button_clicked(self) -> None:
        item = self.selected()
        if item is None or not self._open:
            return
        dialog = RecheckCorrectionDialog(self._services, item, parent=self)
        self.correct_dialog = open_dialog(dialog)
