"""The template editor's field form: the properties of one field that its kind uses —
position and size in mm, data item or text, image, font, size, colour, alignment,
wrapping, character spacing, and whether it is printed onto pre-printed booklets."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
)

from skillsapp.domain.cert_layout import BINDINGS, Align, Field, FieldKind, VAlign
from skillsapp.pdf.cert_text import BUILTIN_FAMILIES
from skillsapp.ui import certificate_labels
from skillsapp.ui.widgets.fields import narrow_combo
from skillsapp.ui.widgets.template_colour_button import TemplateColourButton

_STYLE = ("font", "size", "colour", "align", "valign", "multiline", "spacing")
# What each kind of field uses, besides x, y, w, h and booklet_print.
PROPERTIES: dict[FieldKind, tuple[str, ...]] = {
    FieldKind.DATA: ("binding", *_STYLE),
    FieldKind.TEXT: ("text", *_STYLE),
    FieldKind.SEAL: ("text", "image", "font", "colour"),
    FieldKind.IMAGE: ("image",),
    FieldKind.QR: (),
}
_ALWAYS = ("x", "y", "w", "h", "booklet_print")
_CONVERT: dict[str, Callable[[Any], Any]] = {"align": Align, "valign": VAlign}


def _mm_box(maximum: float = 1200.0) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0.0, maximum)
    box.setDecimals(1)
    box.setSuffix(" mm")
    return box


def _pair(first: QWidget, second: QWidget) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in (first, second):
        widget.setMinimumWidth(60)  # two to a row: narrower than their size hint
        layout.addWidget(widget)
    return row


def read_value(widget: QWidget) -> Any:
    """The value an editor shows, whatever kind of editor it is."""
    if isinstance(widget, QDoubleSpinBox):
        return widget.value()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, TemplateColourButton):
        return widget.colour()
    raise TypeError(type(widget).__name__)


def write_value(widget: QWidget, value: Any) -> None:
    """Show `value`; a combo lacking it gets it as an item (a damaged file stays visible)."""
    if isinstance(widget, QDoubleSpinBox):
        widget.setValue(float(value))
    elif isinstance(widget, QComboBox):
        index = widget.findData(str(value))
        if index < 0:
            widget.addItem(str(value), str(value))
            index = widget.count() - 1
        widget.setCurrentIndex(index)
    elif isinstance(widget, QLineEdit):
        widget.setText(str(value))
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, TemplateColourButton):
        widget.set_colour(str(value))


def fill_combo(combo: QComboBox, items: Iterable[tuple[str, str]]) -> None:
    """Replace the items (label, value) of `combo` without announcing it."""
    combo.blockSignals(True)
    combo.clear()
    for label, value in items:
        combo.addItem(label, value)
    combo.blockSignals(False)


class TemplateFieldForm(QWidget):
    """Shows one field; `field_edited(field)` fires with the field as edited."""

    field_edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field: Field | None = None
        self._images: list[str] = []
        self._fonts: list[str] = []
        self._build_ui()
        self._connect_signals()
        self.set_field(None)

    def _build_ui(self) -> None:
        self.kind_label = QLabel()
        self.binding = narrow_combo()
        fill_combo(
            self.binding, ((f"{certificate_labels.binding(b)}  {{{b}}}", b) for b in BINDINGS)
        )
        self.text = QLineEdit()
        self.text.setToolTip(
            self.tr(
                "Data items are written as {unit}, {name} …; a part in [[ ]] is left out "
                "when its data items are empty, e.g. [[在{competition}比赛中]]荣获{award}"
            )
        )
        self.insert_button = QToolButton()
        self.insert_button.setText("{…}")
        self.insert_button.setToolTip(self.tr("Insert a data item"))
        self.insert_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.insert_button.setMenu(self._placeholder_menu())
        self.image = narrow_combo()
        self.x_mm, self.y_mm, self.w_mm, self.h_mm = (_mm_box() for _ in range(4))
        self.family = narrow_combo()
        self.font_size = QDoubleSpinBox(minimum=1.0, maximum=300.0, suffix=" pt")
        self.colour = TemplateColourButton()
        self.align = narrow_combo()
        for text, value in (
            (self.tr("Left"), Align.LEFT),
            (self.tr("Centre"), Align.CENTER),
            (self.tr("Right"), Align.RIGHT),
            (self.tr("Justify"), Align.JUSTIFY),
        ):
            self.align.addItem(text, value.value)
        self.valign = narrow_combo()
        for text, vertical in (
            (self.tr("Top"), VAlign.TOP),
            (self.tr("Middle"), VAlign.MIDDLE),
            (self.tr("Bottom"), VAlign.BOTTOM),
        ):
            self.valign.addItem(text, vertical.value)
        self.multiline = QCheckBox(self.tr("Wrap onto several lines"))
        self.spacing = QDoubleSpinBox(maximum=50.0, singleStep=0.5, suffix=" pt")
        self.booklet_print = QCheckBox(self.tr("Print on pre-printed paper"))
        self.booklet_print.setToolTip(
            self.tr("Printed also when names are printed onto pre-printed certificate booklets.")
        )
        self._editors: dict[str, QWidget] = {
            name: getattr(self, name)
            for name in ("binding", "text", "image", "colour", "booklet_print")
        }
        self._editors |= {"x": self.x_mm, "y": self.y_mm, "w": self.w_mm, "h": self.h_mm}
        self._editors |= {"font": self.family, "size": self.font_size}
        for name in ("align", "valign", "multiline", "spacing"):
            self._editors[name] = getattr(self, name)
        self._lay_out()

    def _lay_out(self) -> None:
        self._form = form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Kind"), self.kind_label)
        form.addRow(self.tr("Data item"), self.binding)
        text_row = _pair(self.text, self.insert_button)
        form.addRow(self.tr("Text"), text_row)
        form.addRow(self.tr("Image"), self.image)
        form.addRow(self.tr("Position (x, y)"), _pair(self.x_mm, self.y_mm))
        form.addRow(self.tr("Size (w × h)"), _pair(self.w_mm, self.h_mm))
        form.addRow(self.tr("Font"), self.family)
        form.addRow(self.tr("Font size"), self.font_size)
        form.addRow(self.tr("Colour"), self.colour)
        form.addRow(self.tr("Alignment"), self.align)
        form.addRow(self.tr("Vertical"), self.valign)
        form.addRow(self.tr("Character spacing"), self.spacing)
        form.addRow("", self.multiline)
        form.addRow("", self.booklet_print)
        # the row of each property whose visibility follows the field's kind
        self._rows = {name: self._editors[name] for name in ("binding", "image", *_STYLE)}
        self._rows["text"] = text_row

    def _placeholder_menu(self) -> QMenu:
        menu = QMenu(self)
        for name in BINDINGS:
            action = menu.addAction(f"{certificate_labels.binding(name)}  {{{name}}}")
            action.triggered.connect(lambda _=False, n=name: self.insert_placeholder(n))
        return menu

    def _connect_signals(self) -> None:
        for box in (self.x_mm, self.y_mm, self.w_mm, self.h_mm, self.font_size, self.spacing):
            box.valueChanged.connect(self._on_edited)
        for combo in (self.binding, self.image, self.family, self.align, self.valign):
            combo.currentIndexChanged.connect(self._on_edited)
        self.text.textEdited.connect(self._on_edited)
        self.multiline.toggled.connect(self._on_edited)
        self.booklet_print.toggled.connect(self._on_edited)
        self.colour.colour_chosen.connect(self._on_edited)

    def set_assets(self, images: Iterable[str], fonts: Iterable[str]) -> None:
        """The template's image and font assets, offered as images and font families."""
        self._images, self._fonts = sorted(images), sorted(fonts)
        self.set_field(self.field)

    def _fill_choices(self, field: Field) -> None:
        none = self.tr("Drawn from its text") if field.kind is FieldKind.SEAL else self.tr("None")
        fill_combo(self.image, [(none, ""), *((n, n) for n in self._images)])
        builtin = {"kai": self.tr("Kai (LXGW WenKai)"), "sans": self.tr("Sans (WenQuanYi)")}
        families = [(builtin.get(f, f), f) for f in BUILTIN_FAMILIES]
        fill_combo(self.family, families + [(n, n) for n in self._fonts])

    def set_field(self, field: Field | None) -> None:
        """Show `field` (None: nothing to edit) without announcing an edit."""
        self.field = field
        self.setEnabled(field is not None)
        if field is None:
            return
        self.kind_label.setText(certificate_labels.field_kind(field.kind))
        shown = set(PROPERTIES[field.kind])
        for name, row in self._rows.items():
            self._form.setRowVisible(row, name in shown)
        self._fill_choices(field)
        for name, editor in self._editors.items():
            editor.blockSignals(True)
            write_value(editor, getattr(field, name))
            editor.blockSignals(False)

    def move_to(self, x: float, y: float) -> None:
        """Set the position (a drag on the preview); announces the edit once."""
        for box, value in ((self.x_mm, x), (self.y_mm, y)):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)
        self._on_edited()

    def insert_placeholder(self, name: str) -> None:
        """Write `{name}` into the text at the cursor."""
        self.text.insert("{" + name + "}")
        self._on_edited()

    def _on_edited(self) -> None:
        if self.field is None:
            return
        changes = {}
        for name in (*_ALWAYS, *PROPERTIES[self.field.kind]):
            value = read_value(self._editors[name])
            changes[name] = _CONVERT.get(name, lambda v: v)(value)
        if not changes.get("font", "kai"):
            changes["font"] = "kai"
        self.field = replace(self.field, **changes)
        self.field_edited.emit(self.field)
