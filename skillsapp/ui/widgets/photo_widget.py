"""A person's photo: an ID-photo-sized preview with buttons to choose or remove it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader, QPainter, QPixmap
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from skillsapp.services.registry.registry import PHOTO_MAX_BYTES
from skillsapp.ui.widgets.form import FieldError

PREVIEW_SIZE = QSize(100, 140)  # 5:7, the proportions of a printed ID photo
_INNER = PREVIEW_SIZE - QSize(2, 2)  # inside the 1 px border
MAX_SIDE = 600  # px on the long side; more is never needed for a badge or a form
JPEG_QUALITY = 85
PATTERNS = "*.jpg *.jpeg *.png"
_KEPT_FORMATS = (b"jpeg", b"png")


def _as_is(path: Path, reader: QImageReader, image: QImage, kind: bytes) -> bool:
    """Whether the file can be stored unchanged: small, upright, JPEG or PNG."""
    return (
        kind in _KEPT_FORMATS
        and max(image.width(), image.height()) <= MAX_SIDE
        and path.stat().st_size <= PHOTO_MAX_BYTES
        and reader.transformation() == QImageIOHandler.Transformation.TransformationNone
    )


def _jpeg(image: QImage) -> bytes:
    """`image` no larger than MAX_SIDE, as JPEG; transparency becomes white."""
    if max(image.width(), image.height()) > MAX_SIDE:
        image = image.scaled(
            MAX_SIDE,
            MAX_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(Qt.GlobalColor.white)
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    flat.save(buffer, "JPEG", JPEG_QUALITY)
    return bytes(buffer.data().data())


def photo_bytes(path: Path) -> bytes | None:
    """The photo in `path`, ready to store, or None when it is not a readable image."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # phone photos are often stored sideways
    kind = bytes(reader.format().data())  # known only before reading
    image = reader.read()
    if image.isNull():
        return None
    try:
        return path.read_bytes() if _as_is(path, reader, image, kind) else _jpeg(image)
    except OSError:
        return None


class PhotoWidget(QWidget):
    """Shows the photo held in memory; the dialog stores it when the user presses OK."""

    photo_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data: bytes | None = None
        self._build_ui()
        self._connect_signals()
        self._show()

    def _build_ui(self) -> None:
        self.preview = QLabel()
        self.preview.setObjectName("photoPreview")
        self.preview.setFixedSize(PREVIEW_SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet(
            "#photoPreview { border: 1px solid #b0b0b0; background: #f4f4f4; color: #808080; }"
        )
        self.choose_button = QPushButton(self.tr("Choose photo…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.error = FieldError()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.preview)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.remove_button)
        layout.addWidget(self.error)
        layout.addStretch()
        self.setFixedWidth(PREVIEW_SIZE.width())

    def _connect_signals(self) -> None:
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)

    def photo(self) -> bytes | None:
        return self._data

    def set_photo(self, data: bytes | None) -> None:
        """Show a stored photo (not a change by the user)."""
        self._data = data
        self._show()

    def load_file(self, path: Path) -> bool:
        """Take the photo from `path`; an unreadable file leaves the photo and says why."""
        data = photo_bytes(path)
        if data is None:
            self.show_error(self.tr("This file is not a readable image."))
            return False
        self._change(data)
        return True

    def show_error(self, text: str) -> None:
        """A message under the buttons ("" hides it)."""
        self.error.show_message(text)
        # Wrapped text in this narrow column must make the dialog taller, not overlap.
        self.error.setMinimumHeight(self.error.heightForWidth(self.width()) if text else 0)

    def _change(self, data: bytes | None) -> None:
        self._data = data
        self.show_error("")
        self._show()
        self.photo_changed.emit()

    def _show(self) -> None:
        image = QImage.fromData(self._data) if self._data else QImage()
        self.remove_button.setEnabled(self._data is not None)
        if image.isNull():
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No photo") if self._data is None else "?")
            return
        self.preview.setPixmap(
            QPixmap.fromImage(image).scaled(
                _INNER,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def _on_choose_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a photo"),
            "",
            self.tr("Images ({patterns})").format(patterns=PATTERNS),
        )
        if path:
            self.load_file(Path(path))

    def _on_remove_button_clicked(self) -> None:
        self._change(None)
