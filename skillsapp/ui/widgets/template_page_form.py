"""The template editor's page settings: paper (A4, A3, B5 or a custom size in mm),
orientation, and the background (none, a drawn border in a style, or an image)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QWidget

from skillsapp.domain.cert_layout import (
    BORDER_STYLES,
    CUSTOM,
    CUSTOM_RANGE_MM,
    PAPERS_MM,
    Background,
    BackgroundKind,
    Layout,
    Orientation,
)
from skillsapp.ui.widgets.fields import narrow_combo
from skillsapp.ui.widgets.template_colour_button import TemplateColourButton
from skillsapp.ui.widgets.template_field_form import (
    fill_combo,
    read_value,
    write_value,
)


def _custom_box() -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(*CUSTOM_RANGE_MM)
    box.setDecimals(1)
    box.setSuffix(" mm")
    return box


class TemplatePageForm(QWidget):
    """`page_edited()` fires after each change; `apply(layout)` takes the values over."""

    page_edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.paper = narrow_combo()
        fill_combo(self.paper, [*((p, p) for p in PAPERS_MM), (self.tr("Custom size"), CUSTOM)])
        self.width_mm, self.height_mm = _custom_box(), _custom_box()
        self.orientation = narrow_combo()
        self.orientation.addItem(self.tr("Landscape"), Orientation.LANDSCAPE.value)
        self.orientation.addItem(self.tr("Portrait"), Orientation.PORTRAIT.value)
        self.background = narrow_combo()
        for text, kind in (
            (self.tr("None"), BackgroundKind.NONE),
            (self.tr("Drawn border"), BackgroundKind.BORDER),
            (self.tr("Image"), BackgroundKind.IMAGE),
        ):
            self.background.addItem(text, kind.value)
        self.border_style = narrow_combo()
        labels = {"classic": self.tr("Classic (corner ornaments)"), "simple": self.tr("Simple")}
        fill_combo(self.border_style, ((labels.get(s, s), s) for s in BORDER_STYLES))
        self.colour, self.accent = TemplateColourButton(), TemplateColourButton()
        self.image = narrow_combo()
        self._form = form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow(self.tr("Width"), self.width_mm)
        form.addRow(self.tr("Height"), self.height_mm)
        form.addRow(self.tr("Orientation"), self.orientation)
        form.addRow(self.tr("Background"), self.background)
        form.addRow(self.tr("Border style"), self.border_style)
        form.addRow(self.tr("Border colour"), self.colour)
        form.addRow(self.tr("Accent colour"), self.accent)
        form.addRow(self.tr("Background image"), self.image)
        self._editors: tuple[QWidget, ...] = (
            self.paper,
            self.width_mm,
            self.height_mm,
            self.orientation,
            self.background,
            self.border_style,
            self.colour,
            self.accent,
            self.image,
        )

    def _connect_signals(self) -> None:
        for combo in (self.paper, self.orientation, self.background, self.border_style, self.image):
            combo.currentIndexChanged.connect(self._on_edited)
        for box in (self.width_mm, self.height_mm):
            box.valueChanged.connect(self._on_edited)
        for button in (self.colour, self.accent):
            button.colour_chosen.connect(self._on_edited)

    def set_images(self, images: Iterable[str]) -> None:
        """The template's image assets, offered as background images."""
        current = read_value(self.image) or ""
        fill_combo(self.image, ((n, n) for n in sorted(images)))
        self.image.blockSignals(True)
        if current:
            write_value(self.image, current)
        self.image.blockSignals(False)

    def set_layout(self, layout: Layout) -> None:
        """Show the page of `layout` without announcing an edit."""
        width, height = PAPERS_MM.get(layout.paper, (layout.width_mm, layout.height_mm))
        bg = layout.background
        values = (
            layout.paper,
            width,
            height,
            layout.orientation.value,
            bg.kind.value,
            bg.style,
            bg.colour,
            bg.accent,
            bg.image,
        )
        for editor, value in zip(self._editors, values, strict=True):
            editor.blockSignals(True)
            if editor is not self.image or value:
                write_value(editor, value)
            editor.blockSignals(False)
        self._show_rows()

    def apply(self, layout: Layout) -> Layout:
        """`layout` with the paper and background shown here."""
        paper = read_value(self.paper)
        custom = paper == CUSTOM
        background = Background(
            BackgroundKind(read_value(self.background)),
            style=read_value(self.border_style),
            colour=self.colour.colour(),
            accent=self.accent.colour(),
            image=read_value(self.image) or "",
        )
        return replace(
            layout,
            paper=paper,
            orientation=Orientation(read_value(self.orientation)),
            width_mm=self.width_mm.value() if custom else 0.0,
            height_mm=self.height_mm.value() if custom else 0.0,
            background=background,
        )

    def _show_rows(self) -> None:
        custom = read_value(self.paper) == CUSTOM
        kind = read_value(self.background)
        for editor, shown in (
            (self.width_mm, custom),
            (self.height_mm, custom),
            (self.border_style, kind == BackgroundKind.BORDER),
            (self.colour, kind == BackgroundKind.BORDER),
            (self.accent, kind == BackgroundKind.BORDER),
            (self.image, kind == BackgroundKind.IMAGE),
        ):
            self._form.setRowVisible(editor, shown)

    def _on_edited(self) -> None:
        paper = read_value(self.paper)
        if paper in PAPERS_MM:  # a custom size starts from the paper chosen before
            for box, value in zip((self.width_mm, self.height_mm), PAPERS_MM[paper], strict=True):
                box.blockSignals(True)
                box.setValue(value)
                box.blockSignals(False)
        self._show_rows()
        self.page_edited.emit()
