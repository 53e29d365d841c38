"""证书登记簿: every issued certificate, searchable; reprint (same serial) and revoke."""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from skillsapp.app import Services
from skillsapp.domain.certificates import CertificateStatus
from skillsapp.domain.roles import Permission
from skillsapp.errors import UserError
from skillsapp.services.certificates.cert_verify import RegisterEntry
from skillsapp.services.certificates.certificates import IssueResult, Output, RegisterFilter
from skillsapp.ui import msgbox, signals
from skillsapp.ui.dialogs.pdf_viewer_dialog import PdfViewerDialog
from skillsapp.ui.dialogs.reason_dialog import ReasonDialog
from skillsapp.ui.models.certificate_register_model import CertificateRegisterModel
from skillsapp.ui.models.list_model import SORT_ROLE
from skillsapp.ui.tasks import Task, TaskControl, run_task
from skillsapp.ui.widgets.dialogs import open_dialog
from skillsapp.ui.widgets.refresh import RefreshOnChange
from skillsapp.ui.widgets.tables import table_view

WIDTHS = (170, 80, 220, 90, 110, 180, 130, 90)


class CertificateRegisterTab(QWidget):
    """`reprinted` holds the last reprint; `viewer_dialog` shows it."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.reprinted: IssueResult | None = None
        self.viewer_dialog: PdfViewerDialog | None = None
        self.task: Task | None = None
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._build_ui()
        self._connect_signals()
        RefreshOnChange(self, self.refresh, {signals.CERTIFICATES}, initially=True)

    def _build_ui(self) -> None:
        self.model = CertificateRegisterModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = table_view(self.proxy, WIDTHS)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by serial, name, unit, award…"))
        self.search.setClearButtonEnabled(True)
        self.reprint_button = QPushButton(self.tr("Reprint selected…"))
        self.revoke_button = QPushButton(self.tr("Revoke…"))
        self.count_label = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.reprint_button)
        bar.addWidget(self.revoke_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        actor = self._services.actor
        self.reprint_button.setVisible(actor.can(Permission.ISSUE_CERTIFICATES))
        self.revoke_button.setVisible(actor.can(Permission.REVOKE_CERTIFICATES))

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self._search_timer.start)
        self._search_timer.timeout.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.reprint_button.clicked.connect(self._on_reprint_button_clicked)
        self.revoke_button.clicked.connect(self._on_revoke_button_clicked)

    def refresh(self) -> None:
        rows = self._services.certificates.register(RegisterFilter(text=self.search.text()))
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("{count} certificates").format(count=len(rows)))
        self._on_selection_changed()

    def selected(self) -> list[RegisterEntry]:
        rows = self.table.selectionModel().selectedRows()
        return [self.model.row_at(self.proxy.mapToSource(r).row()) for r in rows]

    def _on_selection_changed(self) -> None:
        chosen = self.selected()
        valid = [e for e in chosen if e.status is CertificateStatus.VALID]
        self.reprint_button.setEnabled(bool(valid))
        self.revoke_button.setEnabled(len(chosen) == 1 and bool(valid))

    # -- reprint

    def _on_reprint_button_clicked(self) -> None:
        valid = [e for e in self.selected() if e.status is CertificateStatus.VALID]
        if valid:
            self.reprint([e.id for e in valid])

    def reprint(self, certificate_ids: list[int]) -> None:
        """Print the certificates again (same serials) to a new file, then show it."""
        folder = Path(tempfile.gettempdir()) / "skillsapp-print"
        path = folder / f"reprint-{uuid.uuid4().hex[:8]}.pdf"
        certificates = self._services.certificates

        def work(control: TaskControl) -> IssueResult:
            folder.mkdir(parents=True, exist_ok=True)
            return certificates.reprint(
                certificate_ids,
                Output(path),
                progress=control.progress,
                cancelled=control.cancelled,
            )

        self.task = run_task(work, parent=self, on_result=self._on_reprinted)

    def _on_reprinted(self, result: IssueResult) -> None:
        self.reprinted = result
        signals.announce(signals.CERTIFICATES)
        if not result.paths:
            return
        title = self.tr("Reprint: {count} certificates").format(count=result.issued)
        self.viewer_dialog = PdfViewerDialog(result.paths[0], title, self)
        self.viewer_dialog.viewer.printed.connect(self._on_viewer_printed)
        open_dialog(self.viewer_dialog)

    def _on_viewer_printed(self, pages: list[int]) -> None:
        if self.reprinted is None:
            return
        ids = self.reprinted.certificate_ids
        try:
            self._services.certificates.log_print([ids[p] for p in pages if p < len(ids)])
        except UserError as err:
            msgbox.user_error(self, err)
            return
        signals.announce(signals.CERTIFICATES)

    # -- revoke

    def _on_revoke_button_clicked(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        entry = chosen[0]
        dialog = ReasonDialog(
            self.tr("Revoke certificate"),
            self.tr(
                "Revoke certificate {serial} of {name}? Verification will show it as revoked."
            ).format(serial=entry.serial, name=entry["name"]),
            ok_text=self.tr("Revoke"),
            parent=self,
        )
        dialog.reason_given.connect(lambda reason: self.revoke(entry.id, reason))
        open_dialog(dialog)

    def revoke(self, certificate_id: int, reason: str) -> None:
        try:
            self._services.certificates.revoke(certificate_id, reason)
        except UserError as err:
            msgbox.user_error(self, err)
            return
        signals.announce(signals.CERTIFICATES)
