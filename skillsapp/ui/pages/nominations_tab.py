"""评选推荐: rounds, the nominations of a round with their documents, review and decision;
importing honours from a spreadsheet."""

from __future__ import annotations

import datetime as dt
import mimetypes
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from skillsapp.app import Services
from skillsapp.domain.roles import Permission
from skillsapp.errors import UserError
from skillsapp.services.talent.nominations import NominationRow
from skillsapp.ui import msgbox, signals
from skillsapp.ui import talent_labels as tl
from skillsapp.ui.dialogs.nomination_dialogs import NominateDialog, RoundDialog
from skillsapp.ui.dialogs.reason_dialog import ReasonDialog
from skillsapp.ui.dialogs.small_dialogs import DateDialog
from skillsapp.ui.models.nomination_models import (
    DocumentTableModel,
    NominationTableModel,
    RoundTableModel,
)
from skillsapp.ui.pages.file_flow import FileFlow, ask_save_path
from skillsapp.ui.tasks import run_task
from skillsapp.ui.widgets.dialogs import open_dialog
from skillsapp.ui.widgets.record_section import RecordSection
from skillsapp.ui.widgets.refresh import RefreshOnChange

if TYPE_CHECKING:
    from skillsapp.ui.pages.honour_io import HonourImportFlow

HINT_STYLE = "color: #5f6b7a;"


def _splitter(orientation: Qt.Orientation, *widgets: QWidget) -> QSplitter:
    splitter = QSplitter(orientation)
    for widget in widgets:
        splitter.addWidget(widget)
    splitter.setChildrenCollapsible(False)
    return splitter


class NominationsTab(QWidget):
    """`granted` is the text of the honour the last approval granted."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._reviewer = services.actor.can(Permission.REVIEW_NOMINATIONS)
        self._editor = services.actor.can(Permission.EDIT_REGISTRY)
        self._import_flow: HonourImportFlow | None = None
        self.download_flow = FileFlow(self, self.tr("Download document"))
        self.dialog: QWidget | None = None
        self.granted = ""
        self._build_ui()
        self._connect_signals()
        kinds = {signals.NOMINATIONS, signals.TALENT, signals.PERSONS, signals.UNITS}
        RefreshOnChange(self, self.refresh, kinds, initially=True)

    def _build_ui(self) -> None:
        self.rounds = RecordSection(
            self.tr("Selection rounds"), RoundTableModel(self), (300, 200, 70, 60, 70)
        )
        self.nominations = RecordSection(
            self.tr("Nominations"), NominationTableModel(self), (70, 140, 56, 40, 150, 110)
        )
        self.documents = RecordSection(
            self.tr("Documents of the nomination"), DocumentTableModel(self), (170, 56)
        )
        self._add_buttons()
        hint = QLabel(
            self.tr("Units nominate while a round is open; approving grants the round's honour.")
        )
        hint.setStyleSheet(HINT_STYLE)
        self.import_button = QPushButton(self.tr("Import honours…"))
        self.import_button.setVisible(self._editor)
        top = QHBoxLayout()
        top.addWidget(hint, 1)
        top.addWidget(self.import_button)
        below = _splitter(Qt.Orientation.Horizontal, self.nominations, self.documents)
        below.setSizes([760, 400])
        body = _splitter(Qt.Orientation.Vertical, self.rounds, below)
        body.setSizes([190, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(body, 1)

    def _add_buttons(self) -> None:
        reviewer, editor = self._reviewer, self._editor
        self.new_round_button = self.rounds.add_button(
            self.tr("New round…"), self.new_round, shown=reviewer
        )
        self.rounds.add_button(self.tr("Close"), self.close_round, needs_row=True, shown=reviewer)
        self.nominate_button = self.nominations.add_button(
            self.tr("Nominate…"), self.nominate, shown=editor
        )
        self.review_button, self.approve_button, self.reject_button = (
            self.nominations.add_button(text, slot, needs_row=True, shown=reviewer)
            for text, slot in (
                (self.tr("Review…"), self.review),
                (self.tr("Approve…"), self.approve),
                (self.tr("Reject…"), self.reject),
            )
        )
        self.attach_button = self.documents.add_button(
            self.tr("Attach…"), self._on_attach_clicked, shown=editor
        )
        self.documents.add_button(self.tr("Download…"), self._on_download_clicked, needs_row=True)
        self.documents.add_button(
            self.tr("Remove"), self.remove_document, needs_row=True, shown=editor
        )

    def _connect_signals(self) -> None:
        self.rounds.table.selectionModel().selectionChanged.connect(self._show_nominations)
        self.nominations.table.selectionModel().selectionChanged.connect(self._show_documents)
        self.import_button.clicked.connect(self._on_import_button_clicked)

    @property
    def import_flow(self) -> HonourImportFlow:
        """Built on first use: reading spreadsheets is not needed to open the registry."""
        if self._import_flow is None:
            from skillsapp.ui.pages.honour_io import HonourImportFlow

            self._import_flow = HonourImportFlow(self._services, self)
        return self._import_flow

    # -- loading

    def refresh(self) -> None:
        round_id = self._selected_id(self.rounds)
        self.rounds.set_rows(self._services.nominations.rounds())
        self._select(self.rounds, round_id)
        self._show_nominations()

    def _selected_id(self, section: RecordSection) -> int | None:
        row = section.selected()
        return row.id if row is not None else None

    def _select(self, section: RecordSection, key: int | None) -> None:
        rows = section.model.rows()
        found = next((i for i, r in enumerate(rows) if r.id == key), 0 if rows else -1)
        if found >= 0:
            proxy_row = section.table.model().mapFromSource(section.model.index(found, 0)).row()
            section.table.selectRow(proxy_row)

    def _show_nominations(self) -> None:
        chosen = self.rounds.selected()
        nomination_id = self._selected_id(self.nominations)
        units = {u.id: u.name for u in self._services.units.units()}
        self.nominations.model.set_units(units)  # type: ignore[attr-defined]
        rows = self._services.nominations.nominations(chosen.id) if chosen else []
        self.nominations.set_rows(rows)
        self._select(self.nominations, nomination_id)
        self.nominate_button.setEnabled(chosen is not None)
        self._show_documents()

    def _show_documents(self) -> None:
        nomination = self.nominations.selected()
        self.documents.set_rows(nomination.documents if nomination else ())
        self.attach_button.setEnabled(nomination is not None)

    # -- rounds

    def _open(self, dialog: QWidget) -> None:
        self.dialog = open_dialog(dialog)  # type: ignore[arg-type]

    def new_round(self) -> None:
        types = self._services.honours.types()
        self._open(RoundDialog(self._services.nominations, types=types, parent=self))

    def close_round(self) -> None:
        row = self.rounds.selected()
        if row is None:
            return
        question = self.tr("Close {round}? No more nominations or documents can be added.")
        if not msgbox.confirm(self, self.tr("Close round"), question.format(round=row.name)):
            return
        nominations = self._services.nominations
        self._write(lambda: nominations.close_round(row.id, expected_version=row.version))

    def _write(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except UserError as err:
            msgbox.user_error(self, err)
            return False
        signals.announce(signals.NOMINATIONS)
        return True

    # -- nominations

    def nominate(self) -> None:
        row = self.rounds.selected()
        if row is None:
            return
        types = {t.id: t for t in self._services.honours.types()}
        for_units = bool(types.get(row.honour_type_id) and types[row.honour_type_id].for_units)
        self._open(
            NominateDialog(
                self._services.nominations,
                self._services.registry,
                round_row=row,
                for_units=for_units,
                units=self._services.units.units(),
                parent=self,
            )
        )

    def review(self) -> None:
        row = self.nominations.selected()
        if row is None:
            return
        text = self.tr("The reviewers' notes on {name}:").format(name=row.nominee)
        dialog = ReasonDialog(self.tr("Review"), text, ok_text=self.tr("Save"), parent=self)
        dialog.reason.setPlainText(row.review_notes)
        service = self._services.nominations
        dialog.reason_given.connect(
            lambda notes: self._write(
                lambda: service.review(row.id, notes, expected_version=row.version)
            )
        )
        self._open(dialog)

    def reject(self) -> None:
        row = self.nominations.selected()
        if row is None:
            return
        text = self.tr("Reject the nomination of {name}. Why?").format(name=row.nominee)
        dialog = ReasonDialog(self.tr("Reject"), text, ok_text=self.tr("Reject"), parent=self)
        service = self._services.nominations
        dialog.reason_given.connect(
            lambda notes: self._write(
                lambda: service.reject(row.id, notes=notes, expected_version=row.version)
            )
        )
        self._open(dialog)

    def approve(self) -> None:
        row = self.nominations.selected()
        chosen = self.rounds.selected()
        if row is None or chosen is None:
            return
        text = self.tr("Grant “{title}” to {name}?").format(title=chosen.title, name=row.nominee)
        dialog = DateDialog(self.tr("Approve"), text, self.tr("Granted on"), parent=self)
        dialog.date_given.connect(lambda day: self.approve_on(row, day))
        self._open(dialog)

    def approve_on(self, row: NominationRow, day: dt.date) -> None:
        """Approve `row`, granting the round's honour on `day`, and say what was granted."""
        service = self._services.nominations
        try:
            approved = service.approve(row.id, granted_on=day, expected_version=row.version)
        except UserError as err:
            msgbox.user_error(self, err)
            return
        signals.announce(signals.NOMINATIONS, signals.TALENT)
        self.granted = self._granted_text(approved)
        msgbox.info(self, self.tr("Approved"), self.granted)

    def _granted_text(self, row: NominationRow) -> str:
        holder = {"unit_id": row.unit_id} if row.person_id is None else {"person_id": row.person_id}
        honours = self._services.honours.honours(**holder)
        honour = next((h for h in honours if h.id == row.honour_id), None)
        if honour is None:
            return self.tr("{name} was approved.").format(name=row.nominee)
        facts = "，".join(
            x
            for x in (tl.honour_level(honour.level), honour.granting_body, str(honour.year or ""))
            if x
        )
        return self.tr("Granted to {name}: {title} ({facts})").format(
            name=row.nominee, title=honour.title, facts=facts
        )

    # -- documents

    def _on_attach_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Attach a document"))
        if path:
            self.attach_file(Path(path))

    def attach_file(self, path: Path) -> None:
        """Store the file with the selected nomination (read and saved off the GUI thread)."""
        row = self.nominations.selected()
        if row is None:
            return
        service = self._services.nominations
        media = mimetypes.guess_type(path.name)[0] or "application/octet-stream"

        def attach(_control: object) -> object:
            try:
                content = path.read_bytes()
            except OSError as exc:
                raise UserError("file_unreadable", path=str(path), detail=str(exc)) from exc
            return service.attach(row.id, path.name, content, media_type=media)

        run_task(attach, parent=self, on_result=lambda _doc: signals.announce(signals.NOMINATIONS))

    def _on_download_clicked(self) -> None:
        doc = self.documents.selected()
        if doc is None:
            return
        path = ask_save_path(
            self, self.tr("Save the document"), doc.filename, Path(doc.filename).suffix
        )
        if path is not None:
            self.download(path)

    def download(self, path: Path) -> None:
        doc = self.documents.selected()
        if doc is not None:
            service = self._services.nominations
            self.download_flow.save_bytes(lambda: service.download(doc.id).content, path)

    def remove_document(self) -> None:
        doc = self.documents.selected()
        if doc is None:
            return
        question = self.tr("Remove {file} from the nomination?").format(file=doc.filename)
        if msgbox.confirm(self, self.tr("Remove"), question, ok_text=self.tr("Remove")):
            self._write(lambda: self._services.nominations.remove_document(doc.id))

    def _on_import_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import honours"), "", self.tr("Spreadsheets (*.xlsx *.csv)")
        )
        if path:
            self.import_flow.start(Path(path))
