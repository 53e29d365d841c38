"""纸质评分表: each judge's signed paper sheet of an event — received, keyed twice by two
clerks, mismatches settled, confirmed by a third person, signed by the chief judge —
and filled .xlsx score sheets imported."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from skillsapp.app import Services
from skillsapp.domain.marks import SheetStatus
from skillsapp.errors import UserError
from skillsapp.services.scoring.paper import SheetRow
from skillsapp.ui import msgbox, signals
from skillsapp.ui import scoring_labels as sl
from skillsapp.ui.dialogs.mismatch_dialog import MismatchDialog
from skillsapp.ui.dialogs.paper_keying_dialog import PaperKeyingDialog, sheet_layout
from skillsapp.ui.models.scoring_table_models import SheetTableModel
from skillsapp.ui.pages.scoring.mark_import import SCORE_SHEET_FILTER, MarkImportFlow
from skillsapp.ui.widgets.dialogs import open_dialog
from skillsapp.ui.widgets.refresh import RefreshOnChange
from skillsapp.ui.widgets.tables import table_view


class PaperPanel(QWidget):
    """`signing`: the chief judge's view (sign only); otherwise the clerks' desk."""

    def __init__(
        self, services: Services, *, signing: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._signing = signing
        self.event_id: int | None = None
        self._open = False
        self.keying_dialog: PaperKeyingDialog | None = None
        self.mismatch_dialog: MismatchDialog | None = None
        self.import_flow = MarkImportFlow(services, self)
        self._build_ui()
        self._connect_signals()
        RefreshOnChange(self, self.reload, {signals.MARKS, signals.EVENTS})

    def _build_ui(self) -> None:
        hint = QLabel(
            self.tr(
                "Each sheet is keyed twice by two different clerks; the marks count once "
                "a third person has settled any mismatch and confirmed the sheet."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(sl.HINT_STYLE)
        self.model = SheetTableModel(self)
        self.table = table_view(self.model, (140, 90, 110, 110, 80), stretch=5)
        self.receive_button = QPushButton(self.tr("Paper sheet received"))
        self.key_button = QPushButton(self.tr("Key in…"))
        self.mismatch_button = QPushButton(self.tr("Mismatches…"))
        self.confirm_button = QPushButton(self.tr("Confirm"))
        self.sign_button = QPushButton(self.tr("Sign"))
        self.import_button = QPushButton(self.tr("Import score sheets…"))
        clerk = (
            self.receive_button,
            self.key_button,
            self.mismatch_button,
            self.confirm_button,
            self.import_button,
        )
        bar = QHBoxLayout()
        for button in clerk:
            button.setVisible(not self._signing)
            bar.addWidget(button)
        self.sign_button.setVisible(self._signing)
        bar.addWidget(self.sign_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(hint)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def _connect_signals(self) -> None:
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self._on_key_button_clicked)
        self.receive_button.clicked.connect(self._on_receive_button_clicked)
        self.key_button.clicked.connect(self._on_key_button_clicked)
        self.mismatch_button.clicked.connect(self._on_mismatch_button_clicked)
        self.confirm_button.clicked.connect(self._on_confirm_button_clicked)
        self.sign_button.clicked.connect(self._on_sign_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)

    def load(self, event_id: int | None, *, competition_id: int, open_for_marks: bool) -> None:
        self.event_id, self._open = event_id, open_for_marks
        self.import_flow.competition_id = competition_id
        self.reload()

    def reload(self) -> None:
        keep = self.selected()
        rows: list[SheetRow] = []
        if self.event_id is not None:
            try:
                rows = self._services.paper.sheets(self.event_id)
            except UserError:
                rows = []
        self.model.set_rows(rows)
        row = self.model.index_of(keep.judge_id) if keep else -1
        if rows:
            self.table.selectRow(max(row, 0))
        self._update_buttons()

    def selected(self) -> SheetRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        sheet, open_ = self.selected(), self._open
        status = sheet.status if sheet else None
        keyed = sheet is not None and sheet.mismatches is not None
        self.receive_button.setEnabled(open_ and sheet is not None and sheet.sheet_id is None)
        self.key_button.setEnabled(
            open_ and status in (SheetStatus.RECEIVED, SheetStatus.ENTERED) and not keyed
        )
        self.mismatch_button.setEnabled(open_ and status is SheetStatus.ENTERED and keyed)
        self.confirm_button.setEnabled(open_ and status is SheetStatus.ENTERED and keyed)
        self.sign_button.setEnabled(open_ and status is SheetStatus.CONFIRMED)
        self.import_button.setEnabled(open_ and self.event_id is not None)

    def _change(self, action: Callable[[], object], title: str) -> bool:
        try:
            action()
        except UserError as err:
            msgbox.refused(self, title, err)
            return False
        signals.announce(signals.MARKS)
        return True

    def _on_receive_button_clicked(self) -> None:
        sheet, event_id = self.selected(), self.event_id
        if sheet is not None and event_id is not None:
            self._change(
                lambda: self._services.paper.receive(event_id, sheet.judge_id),
                self.tr("Paper sheet received"),
            )

    def _on_key_button_clicked(self) -> None:
        sheet = self.selected()
        if sheet is None or self.event_id is None or not self.key_button.isEnabled():
            return
        dialog = PaperKeyingDialog(
            self._services,
            event_id=self.event_id,
            judge_id=sheet.judge_id,
            judge_name=sheet.judge_name,
            round_number=2 if sheet.first_clerk else 1,
            parent=self,
        )
        self.keying_dialog = open_dialog(dialog)

    def _on_mismatch_button_clicked(self) -> None:
        sheet = self.selected()
        if sheet is None or sheet.sheet_id is None or self.event_id is None:
            return
        layout = sheet_layout(self._services, self.event_id, sheet.judge_id)
        dialog = MismatchDialog(
            self._services,
            sheet_id=sheet.sheet_id,
            judge_name=sheet.judge_name,
            codes=layout.codes,
            items=layout.items,
            parent=self,
        )
        self.mismatch_dialog = open_dialog(dialog)

    def _on_confirm_button_clicked(self) -> None:
        sheet = self.selected()
        if sheet is None or sheet.sheet_id is None:
            return
        sheet_id = sheet.sheet_id
        self._change(lambda: self._services.paper.confirm(sheet_id), self.tr("Cannot confirm"))

    def _on_sign_button_clicked(self) -> None:
        sheet = self.selected()
        if sheet is None or sheet.sheet_id is None:
            return
        question = self.tr("Sign the sheet of {judge} as checked against the paper?").format(
            judge=sheet.judge_name
        )
        if msgbox.confirm(self, self.tr("Sign"), question, ok_text=self.tr("Sign")):
            sheet_id = sheet.sheet_id
            self._change(lambda: self._services.paper.sign(sheet_id), self.tr("Cannot sign"))

    def _on_import_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import score sheets"),
            "",
            self.tr("Score sheets ({patterns})").format(patterns=SCORE_SHEET_FILTER),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        sheet = self.selected()
        self.import_flow.judge_id = sheet.judge_id if sheet else None
        self.import_flow.start(path)
