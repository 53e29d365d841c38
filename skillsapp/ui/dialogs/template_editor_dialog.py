"""The certificate template editor: fields and page settings, the template's images and
fonts, a live preview drawn by the certificate renderer (re-rendered ~100 ms after each
change), save draft, save as a new template, publish."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from skillsapp import messages
from skillsapp.app import Services
from skillsapp.domain.cert_layout import Field, FieldKind, Layout
from skillsapp.errors import UserError
from skillsapp.services.certificates.cert_assets import LoadedVersion, layout_problems
from skillsapp.ui import msgbox, signals
from skillsapp.ui.widgets.template_asset_panel import TemplateAssetPanel
from skillsapp.ui.widgets.template_field_form import TemplateFieldForm
from skillsapp.ui.widgets.template_field_list import TemplateFieldListWidget, new_field
from skillsapp.ui.widgets.template_page_form import TemplatePageForm
from skillsapp.ui.widgets.template_preview import TemplatePreviewWidget, render_first_page

DEBOUNCE_MS = 100
SIDE_WIDTH = 380
_HINT_STYLE = "color: #5f6b7a;"
_PROBLEM_STYLE = "color: #a01c1c;"


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    # the tab's own background shows through (setWidget turned the widget's fill on)
    area.viewport().setAutoFillBackground(False)
    widget.setAutoFillBackground(False)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


class TemplateEditorDialog(QDialog):
    """`layout_doc` is the layout being edited; `dirty` says it has unsaved changes;
    `renders` counts preview renders (tests)."""

    def __init__(self, services: Services, template_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._template_id = template_id
        loaded = services.cert_templates.load(template_id, draft=True)
        self.layout_doc: Layout = loaded.layout
        self._name = loaded.template
        self._drag_from = (0.0, 0.0)
        self.renders = 0
        self.dirty = False
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._build_ui()
        self._connect_signals()
        self._take_assets(loaded)
        self.page.set_layout(self.layout_doc)
        self.field_list.set_fields(self.layout_doc.fields, None)
        self._show_title()
        self.resize(1240, 760)

    @property
    def template_id(self) -> int:
        """The template being edited (a new one after "save as")."""
        return self._template_id

    def _build_ui(self) -> None:
        self.field_list = TemplateFieldListWidget()
        self.form = TemplateFieldForm()
        self.page = TemplatePageForm()
        self.assets = TemplateAssetPanel(self._services, self._template_id)
        self.preview = TemplatePreviewWidget()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.save_as_button = QPushButton(self.tr("Save as new template…"))
        self.save_button = QPushButton(self.tr("Save draft"))
        self.publish_button = QPushButton(self.tr("Publish"))
        self.close_button = QPushButton(self.tr("Close"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._fields_tab(), self.tr("Fields"))
        self.tabs.addTab(self._page_tab(), self.tr("Page"))
        self.tabs.setFixedWidth(SIDE_WIDTH)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        for button in (self.save_as_button, self.save_button, self.publish_button):
            buttons.addWidget(button)
        buttons.addWidget(self.close_button)
        main = QHBoxLayout()
        main.addWidget(self.tabs)
        main.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(main, 1)
        layout.addLayout(buttons)

    def _fields_tab(self) -> QWidget:
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.field_list)
        splitter.addWidget(_scrolled(self.form))
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([230, 470])
        tab = QWidget()
        QVBoxLayout(tab).addWidget(splitter)
        return tab

    def _page_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.page)
        heading = QLabel(self.tr("Images and fonts of this template"))
        heading.setStyleSheet("font-weight: bold; margin-top: 12px;")
        layout.addWidget(heading)
        layout.addWidget(self.assets, 1)
        return tab

    def _connect_signals(self) -> None:
        self._timer.timeout.connect(self.render_preview)
        self.field_list.current_changed.connect(self._on_field_list_current_changed)
        self.field_list.add_requested.connect(self.add_field)
        self.field_list.remove_requested.connect(self.remove_field)
        self.form.field_edited.connect(self._on_form_field_edited)
        self.page.page_edited.connect(self._on_page_edited)
        self.assets.assets_changed.connect(self.reload_assets)
        self.preview.drag_started.connect(self._on_preview_drag_started)
        self.preview.field_dragged.connect(self._on_preview_field_dragged)
        self.save_as_button.clicked.connect(self._on_save_as_button_clicked)
        self.save_button.clicked.connect(self.save_draft)
        self.publish_button.clicked.connect(self.publish)
        self.close_button.clicked.connect(self.reject)

    def _show_title(self) -> None:
        self.setWindowTitle(self.tr("Template: {name}").format(name=self._name) + "[*]")
        self.setWindowModified(self.dirty)

    def _changed(self) -> None:
        """The layout was edited: not stored yet, and the preview follows."""
        self.dirty = True
        self.setWindowModified(True)
        self.schedule()

    # -- fields

    def current_field(self) -> Field | None:
        wanted = self.field_list.current_id()
        return next((f for f in self.layout_doc.fields if f.id == wanted), None)

    def add_field(self, kind: FieldKind) -> Field | None:
        """Add a field of `kind` in the middle of the page and select it."""
        if kind is FieldKind.IMAGE and not self._images:
            text = self.tr("Add an image to the template first (Page › Add image…).")
            msgbox.info(self, self.tr("Add field"), text)
            return None
        field = new_field(kind, self.layout_doc, images=sorted(self._images), text=self.tr("Text"))
        self.layout_doc = replace(self.layout_doc, fields=(*self.layout_doc.fields, field))
        self.field_list.set_fields(self.layout_doc.fields, field.id)
        self._changed()
        return field

    def remove_field(self) -> None:
        """Remove the selected field; its neighbour is selected."""
        field = self.current_field()
        if field is None:
            return
        index = self.layout_doc.fields.index(field)
        rest = tuple(f for f in self.layout_doc.fields if f.id != field.id)
        self.layout_doc = replace(self.layout_doc, fields=rest)
        self.field_list.set_fields(rest, rest[min(index, len(rest) - 1)].id if rest else None)
        self._changed()

    def _on_field_list_current_changed(self) -> None:
        self.form.set_field(self.current_field())
        self.preview.set_highlight(self.current_field())

    def _on_form_field_edited(self, field: Field) -> None:
        self.layout_doc = self.layout_doc.with_field(field)
        self.field_list.update_field(field)
        self.preview.set_highlight(field)
        self._changed()

    def _on_page_edited(self) -> None:
        self.layout_doc = self.page.apply(self.layout_doc)
        self._changed()

    def _on_preview_drag_started(self) -> None:
        field = self.current_field()
        if field is not None:
            self._drag_from = (field.x, field.y)

    def _on_preview_field_dragged(self, dx: float, dy: float) -> None:
        if self.current_field() is not None:
            self.form.move_to(max(self._drag_from[0] + dx, 0.0), max(self._drag_from[1] + dy, 0.0))

    # -- assets

    def _take_assets(self, loaded: LoadedVersion) -> None:
        self._images, self._fonts = loaded.images, loaded.font_book()
        self._font_names = sorted(loaded.fonts)
        self.form.set_assets(self._images, self._font_names)
        self.page.set_images(self._images)
        self.assets.set_assets(self._images, self._font_names)

    def reload_assets(self) -> None:
        """Take the template's assets anew (one was added or removed)."""
        try:
            loaded = self._services.cert_templates.load(self._template_id, draft=True)
        except UserError as err:
            msgbox.user_error(self, err)
            return
        self._take_assets(loaded)
        page = self.page.apply(self.layout_doc)  # a background image may now be chosen
        if page != self.layout_doc:
            self.layout_doc = page
            self._changed()
        self.schedule()

    # -- preview

    def schedule(self) -> None:
        """Re-render shortly: several quick changes make one render."""
        self._timer.start()

    def render_preview(self) -> None:
        self._show_problems()
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

    def _show_problems(self) -> None:
        """The rules the layout breaks (saving would refuse it), or how to move a field."""
        problems = layout_problems(self.layout_doc, self._images, self._font_names)
        lines = [
            f"{p.where}: {messages.text(p.code)}" if p.where else messages.text(p.code)
            for p in problems
        ]
        if lines:
            self.hint.setText("⚠ " + "；".join(lines[:3]) + ("…" if len(lines) > 3 else ""))
            self.hint.setToolTip("\n".join(lines))
        else:
            self.hint.setText(self.tr("Drag on the preview to move the selected field."))
            self.hint.setToolTip("")
        self.hint.setStyleSheet(_PROBLEM_STYLE if lines else _HINT_STYLE)

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
        self._show_title()
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

    def ask_name(self, suggested: str) -> str | None:
        """Ask the new template's name (tests replace this)."""
        name, ok = QInputDialog.getText(
            self, self.tr("Save as new template"), self.tr("Name"), text=suggested
        )
        return name.strip() if ok and name.strip() else None

    def _on_save_as_button_clicked(self) -> None:
        name = self.ask_name(self.tr("{name} (copy)").format(name=self._name))
        if name is not None:
            self.save_as(name)

    def save_as(self, name: str) -> bool:
        """Store the layout as a new template (with this one's assets) and go on there."""
        try:
            made = self._services.cert_templates.save_as(self._template_id, name, self.layout_doc)
        except UserError as err:
            msgbox.refused(self, self.tr("Save as new template"), err)
            return False
        self._template_id = self.assets.template_id = made.id
        self._name, self.dirty = made.name, False
        self._show_title()
        signals.announce(signals.CERTIFICATES)
        return True

    def reject(self) -> None:
        """Close; unsaved changes are saved, discarded or kept open as the user says."""
        if self.dirty:
            answer = msgbox.choose(
                self,
                self.tr("Unsaved changes"),
                self.tr("Save the changes to {name} as its draft?").format(name=self._name),
                [self.tr("Save draft"), self.tr("Discard"), self.tr("Cancel")],
            )
            if answer == 2 or (answer == 0 and not self.save_draft()):
                return
        super().reject()
