"""A certificate template's assets in the editor: its images (PNG, JPEG) and TrueType
fonts, adding one from a file and removing one no version uses."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from skillsapp.app import Services
from skillsapp.errors import UserError
from skillsapp.ui import msgbox

IMAGE, FONT = "image", "font"


class TemplateAssetPanel(QWidget):
    """`assets_changed()` fires after an asset was added or removed; `template_id` is the
    template they belong to (the editor changes it after "save as")."""

    assets_changed = Signal()

    def __init__(self, services: Services, template_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.template_id = template_id
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.list = QListWidget()
        self.add_image_button = QPushButton(self.tr("Add image…"))
        self.add_font_button = QPushButton(self.tr("Add font…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        note = QLabel(
            self.tr(
                "PNG or JPEG images and TrueType fonts (.ttf, .ttc) are stored with the "
                "template and embedded in its PDFs."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6b7a;")
        buttons = QHBoxLayout()
        for button in (self.add_image_button, self.add_font_button, self.remove_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(note)

    def _connect_signals(self) -> None:
        self.add_image_button.clicked.connect(lambda: self._on_add_clicked(IMAGE))
        self.add_font_button.clicked.connect(lambda: self._on_add_clicked(FONT))
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)

    def set_assets(self, images: Iterable[str], fonts: Iterable[str]) -> None:
        self.list.clear()
        for names, label in ((images, self.tr("image")), (fonts, self.tr("font"))):
            for name in sorted(names):
                item = QListWidgetItem(f"{name}  ({label})")
                item.setData(Qt.ItemDataRole.UserRole, name)
                self.list.addItem(item)
        self._on_list_current_row_changed()

    def names(self) -> list[str]:
        return [
            str(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
        ]

    def choose_file(self, kind: str) -> Path | None:
        """Ask for an image or a font file (tests replace this)."""
        if kind == IMAGE:
            title, pattern = self.tr("Add image"), self.tr("Images (*.png *.jpg *.jpeg)")
        else:
            title, pattern = self.tr("Add font"), self.tr("TrueType fonts (*.ttf *.ttc)")
        path, _ = QFileDialog.getOpenFileName(
            self, title, "", f"{pattern};;{self.tr('All files (*)')}"
        )
        return Path(path) if path else None

    def _on_add_clicked(self, kind: str) -> None:
        path = self.choose_file(kind)
        if path is not None:
            self.add_file(path)

    def add_file(self, path: Path) -> str | None:
        """Add the asset in `path`, named by the file; None if refused or not replaced."""
        title = self.tr("Add asset")
        name = path.stem
        if name in self.names() and not msgbox.confirm(
            self, title, self.tr("Replace the asset {name} with this file?").format(name=name)
        ):
            return None
        try:
            self._services.cert_templates.add_asset_file(self.template_id, path)
        except UserError as err:
            msgbox.refused(self, title, err)
            return None
        self.assets_changed.emit()
        return name

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        name, title = str(item.data(Qt.ItemDataRole.UserRole)), self.tr("Remove asset")
        if not msgbox.confirm(self, title, self.tr("Remove the asset {name}?").format(name=name)):
            return
        try:
            self._services.cert_templates.remove_asset(self.template_id, name)
        except UserError as err:
            msgbox.refused(self, title, err)
            return
        self.assets_changed.emit()

    def _on_list_current_row_changed(self) -> None:
        self.remove_button.setEnabled(self.list.currentItem() is not None)
