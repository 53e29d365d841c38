"""The template editor's field form: position and size in mm, font, size, alignment, text."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QLineEdit, QWidget

from skillsapp.domain.cert_layout import Align, Field, FieldKind

FONTS = ("kai", "sans")


def _mm_box(maximum: float = 1200.0) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0.0, maximum)
    box.setDecimals(1)
    box.setSuffix(" mm")
    return box


class TemplateFieldForm(QWidget):
    """Shows one field; `field_edited(field)` fires with the field as edited."""

    field_edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field: Field | None = None
        self._build_ui()
        self._connect_signals()
        self.set_field(None)

    def _build_ui(self) -> None:
        self.x, self.y, self.w, self.h = (_mm_box() for _ in range(4))
        self.font = QComboBox()
        self.font.setEditable(True)
        self.font.addItems(FONTS)
        self.size = QDoubleSpinBox()
        self.size.setRange(4.0, 200.0)
        self.size.setSuffix(" pt")
        self.align = QComboBox()
        for text, value in (
            (self.tr("Left"), Align.LEFT),
            (self.tr("Centre"), Align.CENTER),
            (self.tr("Right"), Align.RIGHT),
            (self.tr("Justify"), Align.JUSTIFY),
        ):
            self.align.addItem(text, value)
        self.text = QLineEdit()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("x"), self.x)
        form.addRow(self.tr("y"), self.y)
        form.addRow(self.tr("Width"), self.w)
        form.addRow(self.tr("Height"), self.h)
        form.addRow(self.tr("Font"), self.font)
        form.addRow(self.tr("Size"), self.size)
        form.addRow(self.tr("Alignment"), self.align)
        form.addRow(self.tr("Text"), self.text)

    def _connect_signals(self) -> None:
        for box in (self.x, self.y, self.w, self.h, self.size):
            box.valueChanged.connect(self._on_edited)
        self.font.currentTextChanged.connect(self._on_edited)
        self.align.currentIndexChanged.connect(self._on_edited)
        self.text.textEdited.connect(self._on_edited)

    def set_field(self, field: Field | None) -> None:
        """Show `field` (None: nothing to edit) without announcing an edit."""
        self.field = field
        self.setEnabled(field is not None)
        if field is None:
            return
        widgets = (self.x, self.y, self.w, self.h, self.size, self.font, self.align, self.text)
        for widget in widgets:
            widget.blockSignals(True)
        for box, value in (
            (self.x, field.x),
            (self.y, field.y),
            (self.w, field.w),
            (self.h, field.h),
        ):
            box.setValue(value)
        self.size.setValue(field.size)
        self.font.setCurrentText(field.font)
        self.align.setCurrentIndex(max(self.align.findData(field.align), 0))
        self.text.setText(field.template if field.kind is not FieldKind.QR else "")
        self.text.setEnabled(field.kind in (FieldKind.TEXT, FieldKind.SEAL))
        for widget in widgets:
            widget.blockSignals(False)

    def move_to(self, x: float, y: float) -> None:
        """Set the position (a drag on the preview); announces the edit once."""
        for box, value in ((self.x, x), (self.y, y)):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)
        self._on_edited()

    def _on_edited(self) -> None:
        if self.field is None:
            return
        changes: dict[str, object] = {
            "x": self.x.value(),
            "y": self.y.value(),
            "w": self.w.value(),
            "h": self.h.value(),
            "size": self.size.value(),
            "font": self.font.currentText().strip() or "kai",
            "align": self.align.currentData(),
        }
        if self.text.isEnabled():
            changes["text"] = self.text.text()
        self.field = replace(self.field, **changes)
        self.field_edited.emit(self.field)
