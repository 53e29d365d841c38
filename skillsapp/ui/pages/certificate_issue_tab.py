"""发证: pick what to certify, preview the first pages, generate off the GUI thread,
then view and print the result in the app."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from skillsapp import messages
from skillsapp.app import Services
from skillsapp.domain.competitions import CompetitionStatus
from skillsapp.errors import UserError
from skillsapp.services.cert_candidates import CertificateCandidate
from skillsapp.services.certificates import IssueCancelled, IssueResult
from skillsapp.ui import msgbox, signals
from skillsapp.ui.dialogs.progress_dialog import TaskProgressDialog
from skillsapp.ui.tasks import Task, TaskControl, report_error, run_task
from skillsapp.ui.widgets.certificate_issue_form import CertificateIssueForm
from skillsapp.ui.widgets.pdf_viewer import PdfViewerWidget
from skillsapp.ui.widgets.refresh import RefreshOnChange

FINAL = (CompetitionStatus.FINAL, CompetitionStatus.ARCHIVED)
PREVIEW_PAGES = 3
HINT_STYLE = "color: #5f6b7a;"


class CertificateIssueTab(QWidget):
    """`candidates` are the certificates selected; `result` the last batch issued."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.candidates: list[CertificateCandidate] = []
        self.result: IssueResult | None = None
        self.task: Task | None = None
        self.progress_dialog: TaskProgressDialog | None = None
        self._preview_timer = QTimer(self, singleShot=True, interval=150)
        self._build_ui()
        self._connect_signals()
        RefreshOnChange(self, self.refresh, {signals.COMPETITIONS, signals.RESULTS}, initially=True)

    def _build_ui(self) -> None:
        self.form = CertificateIssueForm(self._services)
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setStyleSheet(HINT_STYLE)
        self.generate_button = QPushButton(self.tr("Generate certificates"))
        self.generate_button.setDefault(True)
        left = QVBoxLayout()
        left.addWidget(self.form, 1)
        left.addWidget(self.count_label)
        left.addWidget(self.generate_button, 0, Qt.AlignmentFlag.AlignLeft)
        left.addWidget(self.status_label)
        side = QWidget()
        side.setLayout(left)
        side.setFixedWidth(380)
        self.viewer_title = QLabel()
        self.viewer_title.setStyleSheet("font-weight: 600;")
        self.viewer = PdfViewerWidget()
        right = QVBoxLayout()
        right.addWidget(self.viewer_title)
        right.addWidget(self.viewer, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.addWidget(side)
        layout.addLayout(right, 1)

    def _connect_signals(self) -> None:
        self.form.selection_changed.connect(self._on_form_selection_changed)
        self._preview_timer.timeout.connect(self.update_preview)
        self.generate_button.clicked.connect(self.generate)
        self.viewer.printed.connect(self._on_viewer_printed)

    def refresh(self) -> None:
        self._services.cert_templates.ensure_builtin_templates()
        rows = self._services.competitions.competitions()
        self.form.set_templates(
            [r for r in self._services.cert_templates.templates() if r.published_number]
        )
        self.form.set_competitions([r for r in rows if r.status in FINAL])
        self._preview_timer.stop()
        self.update_preview()  # at once: the page should not open empty

    # -- selection and preview

    def _on_form_selection_changed(self) -> None:
        self.candidates = self._load_candidates()
        fresh = sum(1 for c in self.candidates if not c.issued_serial)
        self.count_label.setText(
            self.tr("{count} certificates to issue; {issued} issued before.").format(
                count=fresh, issued=len(self.candidates) - fresh
            )
        )
        self.generate_button.setEnabled(fresh > 0 and self.form.template_id() is not None)
        self._preview_timer.start()

    def _load_candidates(self) -> list[CertificateCandidate]:
        competition_id = self.form.competition_id()
        if competition_id is None:
            return []
        try:
            return self._services.certificates.candidates(
                competition_id,
                awards=self.form.awards(),
                titles=self.form.titles(),
                participation=self.form.participation.isChecked(),
            )
        except UserError as err:
            self.status_label.setText(messages.describe(err))
            return []

    def update_preview(self) -> None:
        """The first pages as they will print (sample serials), shown in the viewer."""
        fresh = [c for c in self.candidates if not c.issued_serial][:PREVIEW_PAGES]
        template_id = self.form.template_id()
        if not fresh or template_id is None:
            self.viewer.clear()
            self.viewer_title.setText(self.tr("Nothing to preview"))
            return
        booklet = self.form.booklet.isChecked()
        try:
            data = self._services.certificates.preview(
                fresh,
                template_id,
                pages=PREVIEW_PAGES,
                booklet=booklet,
                offsets=self.form.offsets() if booklet else (0.0, 0.0),
            )
        except UserError as err:
            self.status_label.setText(messages.describe(err))
            return
        self.viewer.load_bytes(data)
        self.viewer_title.setText(
            self.tr("Preview of the first {count} (sample serials)").format(count=len(fresh))
        )

    # -- generating

    def generate(self) -> None:
        """Issue the selected certificates off the GUI thread, with progress and cancel."""
        target = self.form.output_target()
        template_id = self.form.template_id()
        if target is None:
            msgbox.warning(self, self.tr("Certificates"), self.tr("Choose where to save them."))
            return
        if template_id is None or not self.candidates:
            return
        certificates, candidates = self._services.certificates, list(self.candidates)

        def work(control: TaskControl) -> IssueResult:
            return certificates.issue(
                candidates,
                template_id,
                target,
                progress=control.progress,
                cancelled=control.cancelled,
            )

        self.task = run_task(
            work, parent=self, on_result=self._on_issued, on_error=self._on_issue_failed
        )
        self.progress_dialog = TaskProgressDialog(
            self.task,
            title=self.tr("Certificates"),
            text=self.tr("Issuing {count} certificates…").format(count=len(candidates)),
            parent=self,
        )
        self.progress_dialog.open()

    def _on_issued(self, result: IssueResult) -> None:
        self.result = result
        signals.announce(signals.CERTIFICATES)
        text = self.tr("{count} certificates issued: {first} – {last}.").format(
            count=result.issued, first=result.serials[0], last=result.serials[-1]
        )
        if result.skipped:
            text += " " + self.tr("{count} issued before were skipped.").format(
                count=result.skipped
            )
        self.status_label.setText(text)
        if result.paths and self.viewer.load(result.paths[0]):
            self.viewer_title.setText(str(result.paths[0]))
        self._on_form_selection_changed()
        msgbox.info(self, self.tr("Certificates"), text)

    def _on_issue_failed(self, exc: BaseException) -> None:
        if isinstance(exc, IssueCancelled):
            text = messages.describe(exc)
            self.status_label.setText(text)
            msgbox.info(self, self.tr("Certificates"), text)
            return
        report_error(self, exc)

    def _on_viewer_printed(self, pages: list[int]) -> None:
        """Log what went to the printer (one certificate per page, in serial order)."""
        if self.result is None or self.viewer.path not in self.result.paths:
            return
        offset = self.result.paths.index(self.viewer.path) if len(self.result.paths) > 1 else 0
        ids = self.result.certificate_ids
        chosen = [ids[offset + p] for p in pages if offset + p < len(ids)]
        try:
            self._services.certificates.log_print(chosen)
        except UserError as err:
            msgbox.user_error(self, err)
            return
        signals.announce(signals.CERTIFICATES)
