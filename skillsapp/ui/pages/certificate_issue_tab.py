"""发证: pick whom and what to certify (a competition's results, an honour's holders or a
registry list), preview the first pages, generate off the GUI thread, then view and
print the result in the app (each file of a split run, too)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from skillsapp import messages
from skillsapp.app import Services
from skillsapp.errors import UserError
from skillsapp.services.certificates.cert_candidates import CertificateCandidate
from skillsapp.services.certificates.certificates import IssueCancelled, IssueResult
from skillsapp.services.registry.registry import PersonQuery
from skillsapp.ui import msgbox, signals
from skillsapp.ui.dialogs.progress_dialog import TaskProgressDialog
from skillsapp.ui.tasks import Task, TaskControl, report_error, run_task
from skillsapp.ui.widgets.certificate_issue_form import CertificateIssueForm
from skillsapp.ui.widgets.pdf_viewer import PdfViewerWidget, open_local
from skillsapp.ui.widgets.refresh import RefreshOnChange

REFRESH_ON = {signals.COMPETITIONS, signals.RESULTS, signals.TALENT, signals.PERSONS}
PREVIEW_PAGES = 3
HINT_STYLE = "color: #5f6b7a;"
PATH_ROLE = Qt.ItemDataRole.UserRole


def files_by_certificate(result: IssueResult) -> dict[Path, tuple[int, ...]]:
    """The certificates in each written file, page by page: all in one PDF, else (one
    PDF per person) one each, files and certificates both in serial order."""
    if len(result.paths) == 1:
        return {result.paths[0]: result.certificate_ids}
    return dict(zip(result.paths, ((i,) for i in result.certificate_ids), strict=True))


class CertificateIssueTab(QWidget):
    """`candidates` are the certificates selected; `result` the last batch issued, its
    files listed in `files` when there are several (one PDF per person)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.candidates: list[CertificateCandidate] = []
        self.result: IssueResult | None = None
        self.task: Task | None = None
        self.progress_dialog: TaskProgressDialog | None = None
        self._file_ids: dict[Path, tuple[int, ...]] = {}
        self._load_error = ""  # the status line shows why the choice gave nothing
        self._preview_timer = QTimer(self, singleShot=True, interval=150)
        self._build_ui()
        self._connect_signals()
        RefreshOnChange(self, self.refresh, REFRESH_ON, initially=True)

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
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.addWidget(side)
        layout.addLayout(self._viewer_side(), 1)

    def _viewer_side(self) -> QVBoxLayout:
        self.viewer_title = QLabel()
        self.viewer_title.setStyleSheet("font-weight: 600;")
        self.folder_button = QPushButton(self.tr("Open folder"))
        self.folder_button.setToolTip(self.tr("Show the generated files in the file manager"))
        self.folder_button.setEnabled(False)
        self.files = QListWidget()
        self.files.setFixedWidth(240)
        self.files.setToolTip(self.tr("The files written, one per person: pick one to view"))
        self.files.hide()
        self.viewer = PdfViewerWidget()
        title = QHBoxLayout()
        title.addWidget(self.viewer_title, 1)
        title.addWidget(self.folder_button)
        body = QHBoxLayout()
        body.addWidget(self.files)
        body.addWidget(self.viewer, 1)
        right = QVBoxLayout()
        right.addLayout(title)
        right.addLayout(body, 1)
        return right

    def _connect_signals(self) -> None:
        self.form.selection_changed.connect(self._on_form_selection_changed)
        self.form.calibration_requested.connect(self.show_calibration_page)
        self._preview_timer.timeout.connect(self.update_preview)
        self.generate_button.clicked.connect(self.generate)
        self.viewer.printed.connect(self._on_viewer_printed)
        self.files.currentItemChanged.connect(self._on_files_item_chosen)
        self.files.itemClicked.connect(self._on_files_item_chosen)
        self.folder_button.clicked.connect(self._on_folder_button_clicked)

    def refresh(self) -> None:
        self.form.reload()
        self._count_candidates()
        self._preview_timer.stop()
        self.update_preview()  # at once: the page should not open empty

    def issue_for_query(self, query: PersonQuery, description: str) -> None:
        """Certify the persons of a registry filter (from the registry page)."""
        self.form.source.set_person_query(query, description)

    # -- selection and preview

    def _on_form_selection_changed(self) -> None:
        self._count_candidates()
        self._preview_timer.start()

    def _count_candidates(self) -> None:
        self.candidates = self._load_candidates()
        fresh = sum(1 for c in self.candidates if not c.issued_serial)
        self.count_label.setText(
            self.tr("{count} certificates to issue; {issued} issued before.").format(
                count=fresh, issued=len(self.candidates) - fresh
            )
        )
        self.generate_button.setEnabled(fresh > 0 and self.form.template_id() is not None)

    def _load_candidates(self) -> list[CertificateCandidate]:
        try:
            found = self.form.source.candidates()
        except UserError as err:
            self._load_error = messages.describe(err)
            self.status_label.setText(self._load_error)
            return []
        if self._load_error and self.status_label.text() == self._load_error:
            self.status_label.clear()  # the choice works again
        self._load_error = ""
        return found

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

    def show_calibration_page(self) -> None:
        """The 套打 calibration page, with the printer's current offsets, ready to print."""
        template_id = self.form.template_id()
        if template_id is None:
            return
        offsets = self.form.offsets()
        try:
            data = self._services.certificates.calibration_page(template_id, offsets)
        except UserError as err:
            msgbox.user_error(self, err)
            return
        self._preview_timer.stop()
        self.viewer.load_bytes(data, printable=True)
        self.viewer_title.setText(
            self.tr(
                "Calibration page (offsets {dx:+.1f} / {dy:+.1f} mm): print it, measure, "
                "correct the offsets"
            ).format(dx=offsets[0], dy=offsets[1])
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
        self._show_files(result)
        self._count_candidates()  # no new preview: the files stay in view
        msgbox.info(self, self.tr("Certificates"), text)

    def _show_files(self, result: IssueResult) -> None:
        """List the files of a split run (the first shown); show a single PDF at once."""
        self._file_ids = files_by_certificate(result)
        self.folder_button.setEnabled(bool(result.paths))
        self.files.clear()
        self.files.setVisible(len(result.paths) > 1)
        if len(result.paths) == 1:
            self.show_file(result.paths[0])
            return
        for path in result.paths:
            item = QListWidgetItem(path.name)
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(str(path))
            self.files.addItem(item)
        self.files.setCurrentRow(0)

    def _on_files_item_chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.show_file(Path(item.data(PATH_ROLE)))

    def show_file(self, path: Path) -> None:
        """Show a generated file in the viewer (printing it is logged)."""
        if self.viewer.path == path:
            return
        self._preview_timer.stop()
        if self.viewer.load(path):
            self.viewer_title.setText(str(path))
        else:
            self.viewer_title.setText(self.tr("Cannot open {path}").format(path=path))

    def _on_folder_button_clicked(self) -> None:
        if self.result is None or not self.result.paths:
            return
        folder = self.result.paths[0].parent
        if not self.open_externally(folder):
            msgbox.info(
                self,
                self.tr("Certificates"),
                self.tr("No file manager opened; the files are in {path}.").format(path=folder),
            )

    def open_externally(self, path: Path) -> bool:
        """Hand `path` to the desktop (tests replace this so nothing is launched)."""
        return open_local(path)

    def _on_issue_failed(self, exc: BaseException) -> None:
        if isinstance(exc, IssueCancelled):
            text = messages.describe(exc)
            self.status_label.setText(text)
            msgbox.info(self, self.tr("Certificates"), text)
            return
        report_error(self, exc)

    def _on_viewer_printed(self, pages: list[int]) -> None:
        """Log what went to the printer: the certificates on those pages of the file shown
        (a preview or a calibration page logs nothing)."""
        ids = self._file_ids.get(self.viewer.path) if self.viewer.path else None
        if not ids:
            return
        chosen = [ids[p] for p in pages if 0 <= p < len(ids)]
        try:
            self._services.certificates.log_print(chosen)
        except UserError as err:
            msgbox.user_error(self, err)
            return
        signals.announce(signals.CERTIFICATES)
