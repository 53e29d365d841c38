"""模板: the certificate templates, a preview of each, copy, edit and publish; import and
export as exchange files (.zip with the template's images and fonts); archive."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from skillsapp.app import Services
from skillsapp.errors import UserError, ValidationError
from skillsapp.services.certificates.cert_templates import TemplateRow
from skillsapp.ui import msgbox, signals
from skillsapp.ui.models.template_table_model import TemplateTableModel
from skillsapp.ui.pages.file_flow import ask_save_path
from skillsapp.ui.widgets.pdf_viewer import PdfViewerWidget
from skillsapp.ui.widgets.refresh import RefreshOnChange
from skillsapp.ui.widgets.tables import table_view


class TemplateListTab(QWidget):
    """`editor` is the template editor opened last (None until one is)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.editor: QWidget | None = None
        self._build_ui()
        self._connect_signals()
        RefreshOnChange(self, self.refresh, {signals.CERTIFICATES}, initially=True)

    def _build_ui(self) -> None:
        self.model = TemplateTableModel(self)
        self.table = table_view(self.model, (230, 110, 60, 60), stretch=None)
        self.copy_button = QPushButton(self.tr("New from this template…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.publish_button = QPushButton(self.tr("Publish draft"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.archive_button = QPushButton(self.tr("Archive"))
        self.archive_button.setToolTip(
            self.tr("Hide the template from the lists; issued certificates keep it.")
        )
        self.show_archived = QCheckBox(self.tr("Show archived"))
        buttons = QHBoxLayout()
        for button in (self.copy_button, self.edit_button, self.publish_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        exchange = QHBoxLayout()
        for button in (self.import_button, self.export_button, self.archive_button):
            exchange.addWidget(button)
        exchange.addStretch(1)
        exchange.addWidget(self.show_archived)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(exchange)
        self.viewer = PdfViewerWidget()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.viewer)
        splitter.setSizes([520, 640])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.addWidget(splitter, 1)

    def _connect_signals(self) -> None:
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.publish_button.clicked.connect(self._on_publish_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.archive_button.clicked.connect(self._on_archive_button_clicked)
        self.show_archived.toggled.connect(self.refresh)

    def refresh(self) -> None:
        self._services.cert_templates.ensure_builtin_templates()
        current = self.selected()
        archived = self.show_archived.isChecked()
        self.model.set_rows(self._services.cert_templates.templates(include_archived=archived))
        ids = [r.id for r in self.model.rows()]
        row = ids.index(current.id) if current and current.id in ids else 0
        if ids:
            self.table.selectRow(row)
        self._on_selection_changed()

    def selected(self) -> TemplateRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _on_selection_changed(self) -> None:
        row = self.selected()
        self.copy_button.setEnabled(row is not None)
        self.edit_button.setEnabled(row is not None and not row.builtin)
        self.publish_button.setEnabled(row is not None and row.draft_number is not None)
        self.export_button.setEnabled(row is not None)
        self.archive_button.setEnabled(row is not None)
        restoring = row is not None and row.archived
        self.archive_button.setText(self.tr("Restore") if restoring else self.tr("Archive"))
        if row is None:
            self.viewer.clear()
            return
        try:
            draft = row.draft_number is not None
            self.viewer.load_bytes(self._services.cert_templates.preview(row.id, draft=draft))
        except UserError as err:
            self.viewer.clear()
            msgbox.user_error(self, err)

    def _on_copy_button_clicked(self) -> None:
        row = self.selected()
        if row is None:
            return
        name, ok = QInputDialog.getText(
            self,
            self.tr("New template"),
            self.tr("Name"),
            text=self.tr("{name} (copy)").format(name=row.name),
        )
        if ok and name.strip():
            self.copy(row.id, name.strip())

    def copy(self, template_id: int, name: str) -> TemplateRow | None:
        try:
            made = self._services.cert_templates.copy(template_id, name)
        except UserError as err:
            msgbox.user_error(self, err)
            return None
        signals.announce(signals.CERTIFICATES)
        return made

    def _on_edit_button_clicked(self) -> None:
        row = self.selected()
        if row is not None:
            self.open_editor(row.id)

    def open_editor(self, template_id: int) -> None:
        from skillsapp.ui.dialogs.template_editor_dialog import TemplateEditorDialog
        from skillsapp.ui.widgets.dialogs import open_dialog

        self.editor = open_dialog(TemplateEditorDialog(self._services, template_id, self))

    def _on_publish_button_clicked(self) -> None:
        row = self.selected()
        if row is None or not msgbox.confirm(
            self,
            self.tr("Publish draft"),
            self.tr("New certificates of {name} will be printed with this draft.").format(
                name=row.name
            ),
        ):
            return
        try:
            self._services.cert_templates.publish(row.id)
        except UserError as err:
            msgbox.user_error(self, err)
            return
        signals.announce(signals.CERTIFICATES)

    def select_template(self, template_id: int) -> None:
        """Select the template of `template_id` (refreshing first if it is not listed)."""
        if template_id not in [r.id for r in self.model.rows()]:
            self.refresh()
        ids = [r.id for r in self.model.rows()]
        if template_id in ids:
            self.table.selectRow(ids.index(template_id))

    # -- exchange files

    def ask_open_path(self) -> Path | None:
        """Ask for a template file to import (tests replace this)."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import template"),
            "",
            self.tr("Certificate templates (*.zip)") + ";;" + self.tr("All files (*)"),
        )
        return Path(path) if path else None

    def ask_export_path(self, suggested: str) -> Path | None:
        """Ask where to export a template (tests replace this)."""
        return ask_save_path(self, self.tr("Export template"), suggested, ".zip")

    def ask_name(self, suggested: str) -> str | None:
        """Ask another name for an imported template whose name is taken (tests replace this)."""
        name, ok = QInputDialog.getText(
            self,
            self.tr("Import template"),
            self.tr("A template of this name exists. Name of the imported template:"),
            text=suggested,
        )
        return name.strip() if ok and name.strip() else None

    def _on_import_button_clicked(self) -> None:
        path = self.ask_open_path()
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> TemplateRow | None:
        """Import a template file and select it; a taken name asks for another one."""
        name: str | None = None
        while True:
            try:
                made = self._services.cert_templates.import_zip(path, name=name)
                break
            except ValidationError as err:
                if err.field_errors.get("name") != "cert_template_name_taken":
                    msgbox.user_error(self, err)
                    return None
                name = self.ask_name(self.tr("{name} (imported)").format(name=name or path.stem))
                if name is None:
                    return None
            except UserError as err:
                msgbox.user_error(self, err)
                return None
        signals.announce(signals.CERTIFICATES)
        self.select_template(made.id)
        return made

    def _on_export_button_clicked(self) -> None:
        row = self.selected()
        if row is None:
            return
        path = self.ask_export_path(f"{row.name}.zip")
        if path is not None:
            self.export_file(row.id, path)

    def export_file(self, template_id: int, path: Path) -> bool:
        try:
            self._services.cert_templates.export_zip(template_id, path)
        except UserError as err:
            msgbox.user_error(self, err)
            return False
        msgbox.info(self, self.tr("Export template"), self.tr("Saved to {path}.").format(path=path))
        return True

    def _on_archive_button_clicked(self) -> None:
        row = self.selected()
        if row is not None and row.archived:
            self.archive(row.id, archived=False)
            return
        if row is None or not msgbox.confirm(
            self,
            self.tr("Archive"),
            self.tr(
                "Archive {name}? It is no longer offered for new certificates; "
                "certificates issued with it can still be reprinted."
            ).format(name=row.name),
        ):
            return
        self.archive(row.id)

    def archive(self, template_id: int, *, archived: bool = True) -> bool:
        """Archive the template (or, `archived=False`, bring it back into the lists)."""
        try:
            self._services.cert_templates.set_archived(template_id, archived)
        except UserError as err:
            msgbox.user_error(self, err)
            return False
        signals.announce(signals.CERTIFICATES)
        return True
