"""The certificate template editor: fields, their mm values, a live preview drawn by the
certificate renderer (re-rendered ~100 ms after each change), save draft and publish."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from skillsapp.app import Services
from skillsapp.domain.cert_layout import Field, Layout
from skillsapp.errors import UserError
from skillsapp.ui import msgbox, signals
from skillsapp.ui.widgets.template_field_form import TemplateFieldForm
from skillsapp.ui.widgets.template_preview import TemplatePreviewWidget, render_first_page

DEBOUNCE_MS = 100


class TemplateEditorDialog(QDialog):
    """`layout` is the layout being edited; `renders` counts preview renders (tests)."""

    def __init__(self, services: Services, template_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._template_id = template_id
        loaded = services.cert_templates.load(template_id, draft=True)
        self.layout_doc: Layout = loaded.layout
        self._images, self._fonts = loaded.images, loaded.font_book()
        self._drag_from = (0.0, 0.0)
        self.renders = 0
        self.dirty = False
        self.setWindowTitle(self.tr("Template: {name}").format(name=loaded.template))
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._build_ui()
        self._connect_signals()
        self._fill_fields()
        self.resize(1180, 720)

    def _build_ui(self) -> None:
        self.fields = QListWidget()
        self.form = TemplateFieldForm()
        self.preview = TemplatePreviewWidget()
        self.hint = QLabel(self.tr("Drag on the preview to move the selected field."))
        self.hint.setStyleSheet("color: #5f6b7a;")
        self.save_button = QPushButton(self.tr("Save draft"))
        self.publish_button = QPushButton(self.tr("Publish"))
        self.close_button = QPushButton(self.tr("Close"))
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("Fields")))
        side.addWidget(self.fields, 1)
        side.addWidget(self.form)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(300)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        for button in (self.save_button, self.publish_button, self.close_button):
            buttons.addWidget(button)
        main = QHBoxLayout()
        main.addWidget(side_widget)
        main.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(main, 1)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self._timer.timeout.connect(self.render_preview)
        self.fields.currentRowChanged.connect(self._on_fields_row_changed)
        self.form.field_edited.connect(self._on_form_field_edited)
        self.preview.drag_started.connect(self._on_preview_drag_started)
        self.preview.field_dragged.connect(self._on_preview_field_dragged)
        self.save_button.clicked.connect(self.save_draft)
        self.publish_button.clicked.connect(self.publish)
        self.close_button.clicked.connect(self.reject)

    def _fill_fields(self) -> None:
        for item in self.layout_doc.fields:
            text = " ".join((item.template or item.kind.value).split())
            entry = QListWidgetItem(f"{item.id} · {text}")
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.fields.addItem(entry)
        self.fields.setCurrentRow(0)
        self.schedule()

    def current_field(self) -> Field | None:
        item = self.fields.currentItem()
        if item is None:
            return None
        wanted = item.data(Qt.ItemDataRole.UserRole)
        return next((f for f in self.layout_doc.fields if f.id == wanted), None)

    def _on_fields_row_changed(self) -> None:
        self.form.set_field(self.current_field())
        self.schedule()

    def _on_form_field_edited(self, field: Field) -> None:
        self.layout_doc = self.layout_doc.with_field(field)
        self.dirty = True
        self.schedule()

    def _on_preview_drag_started(self) -> None:
        field = self.current_field()
        if field is not None:
            self._drag_from = (field.x, field.y)

    def _on_preview_field_dragged(self, dx: float, dy: float) -> None:
        if self.current_field() is not None:
            self.form.move_to(max(self._drag_from[0] + dx, 0.0), max(self._drag_from[1] + dy, 0.0))

    # -- preview

    def schedule(self) -> None:
        """Re-render shortly: several quick changes make one render."""
        self._timer.start()

    def render_preview(self) -> None:
        size = self.preview.render_size()
        if size.width() <= 0 or size.height() <= 0:
            return
        try:
            image = render_first_page(self.layout_doc, self._images, self._fonts, size)
        except (UserError, ValueError) as err:
            self.hint.setText(str(err))
            return
        self.renders += 1
        self.preview.set_page(image, self.layout_doc.page_mm, self.current_field())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.schedule()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.render_preview()  # at once: the first look should not be empty

    # -- storing

    def save_draft(self) -> bool:
        try:
            self._services.cert_templates.save_draft(self._template_id, self.layout_doc)
        except UserError as err:
            msgbox.refused(self, self.tr("Save draft"), err)
            return False
        self.dirty = False
        signals.announce(signals.CERTIFICATES)
        return True

    def publish(self) -> None:
        if not self.save_draft():
            return
        try:
            self._services.cert_templates.publish(self._template_id)
        except UserError as err:
            msgbox.refused(self, self.tr("Publish"), err)
            return
        signals.announce(signals.CERTIFICATES)
        msgbox.info(
            self, self.tr("Publish"), self.tr("New certificates are printed with this version.")
        )
