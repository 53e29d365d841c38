"""The template editor's field list: the fields by id and content, adding a field of a
chosen kind and removing the selected one (the button or the Delete key)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from skillsapp.domain.cert_layout import BINDINGS, Field, FieldKind, Layout
from skillsapp.ui import certificate_labels

# A new field's box (w, h) in mm: a line of text, a square for images, codes and seals.
NEW_SIZES_MM = {
    FieldKind.DATA: (80.0, 12.0),
    FieldKind.TEXT: (120.0, 12.0),
    FieldKind.IMAGE: (30.0, 30.0),
    FieldKind.QR: (25.0, 25.0),
    FieldKind.SEAL: (40.0, 40.0),
}
SEAL_RED = "#B0161B"


def _free_id(base: str, taken: set[str]) -> str:
    found, number = base, 2
    while found in taken:
        found, number = f"{base}{number}", number + 1
    return found


def new_field(kind: FieldKind, layout: Layout, *, images: Sequence[str], text: str) -> Field:
    """A field of `kind` centred on the page: a data field shows the first data item no
    field shows yet, a text field `text`, an image field the first image."""
    width, height = NEW_SIZES_MM[kind]
    page_w, page_h = layout.page_mm
    shown = {f.binding for f in layout.fields if f.kind is FieldKind.DATA}
    binding = next((b for b in BINDINGS if b not in shown), BINDINGS[0])
    field = Field(
        _free_id(kind.value, {f.id for f in layout.fields}),
        kind,
        round((page_w - width) / 2, 1),
        round((page_h - height) / 2, 1),
        width,
        height,
    )
    if kind is FieldKind.DATA:
        return replace(field, binding=binding)
    if kind is FieldKind.TEXT:
        return replace(field, text=text)
    if kind is FieldKind.IMAGE:
        return replace(field, image=images[0] if images else "")
    if kind is FieldKind.SEAL:
        return replace(field, text="{issuer}", colour=SEAL_RED)
    return field


def describe_field(field: Field) -> str:
    """How the list shows a field: its id and what it writes or draws."""
    if field.kind in (FieldKind.DATA, FieldKind.TEXT, FieldKind.SEAL):
        content = " ".join(field.template.split())
    else:
        content = certificate_labels.field_kind(field.kind)
        content += f" {field.image}" if field.image else ""
    return f"{field.id} · {content}"


class TemplateFieldListWidget(QWidget):
    """`current_changed()` when another field is selected; `add_requested(kind)` and
    `remove_requested()` when the user asks for them."""

    current_changed = Signal()
    add_requested = Signal(object)
    remove_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.list = QListWidget()
        self.list.setToolTip(self.tr("Delete removes the selected field."))
        self.kind = QComboBox()
        for kind in FieldKind:
            self.kind.addItem(certificate_labels.field_kind(kind), kind.value)
        self.add_button = QPushButton(self.tr("Add"))
        self.remove_button = QPushButton(self.tr("Remove"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.kind, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self.remove_requested)
        self.list.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.list
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.current_id() is not None
        ):
            self.remove_requested.emit()
            return True
        return super().eventFilter(watched, event)

    def set_fields(self, fields: Sequence[Field], current: str | None) -> None:
        """List `fields` and select the one of id `current` (else the first)."""
        self.list.blockSignals(True)
        self.list.clear()
        for field in fields:
            item = QListWidgetItem(describe_field(field))
            item.setData(Qt.ItemDataRole.UserRole, field.id)
            self.list.addItem(item)
        ids = [f.id for f in fields]
        first = 0 if ids else -1
        self.list.setCurrentRow(ids.index(current) if current in ids else first)
        self.list.blockSignals(False)
        self._on_list_current_row_changed()

    def update_field(self, field: Field) -> None:
        """Show the edited `field` in its row."""
        item = self.list.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole) == field.id:
            item.setText(describe_field(field))

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _on_list_current_row_changed(self) -> None:
        self.remove_button.setEnabled(self.current_id() is not None)
        self.current_changed.emit()

    def _on_add_button_clicked(self) -> None:
        self.add_requested.emit(FieldKind(self.kind.currentData()))
