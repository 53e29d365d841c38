"""The template editor's live preview: page 1 drawn by the certificate renderer, as an
image scaled to the widget; dragging on it moves the selected field (in mm)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QSizePolicy, QWidget

from skillsapp.domain.cert_layout import Field, Layout
from skillsapp.pdf.cert_text import FontBook
from skillsapp.pdf.certificates import render_pdf
from skillsapp.services.certificates.cert_templates import sample_record

MARGIN = 8


def render_first_page(
    layout: Layout, images: dict[str, bytes], fonts: FontBook, size: QSize
) -> QImage:
    """Page 1 of `layout` filled with the sample record, rendered to fit `size`."""
    data = render_pdf(layout, [sample_record()], images=images, fonts=fonts)
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QBuffer.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    page = document.pagePointSize(0).scaled(size.toSizeF(), Qt.AspectRatioMode.KeepAspectRatio)
    image = document.render(0, page.toSize())
    document.close()
    return image


class TemplatePreviewWidget(QWidget):
    """`drag_started()`, then `field_dragged(dx_mm, dy_mm)` (the way since the press)."""

    drag_started = Signal()
    field_dragged = Signal(float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.page_mm = (297.0, 210.0)
        self.highlight: Field | None = None
        self._last: QPointF | None = None
        self.setMinimumSize(360, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def render_size(self) -> QSize:
        return self.size().shrunkBy(self.contentsMargins()) - QSize(2 * MARGIN, 2 * MARGIN)

    def set_page(self, image: QImage, page_mm: tuple[float, float], highlight: Field | None):
        self.image, self.page_mm, self.highlight = image, page_mm, highlight
        self.update()

    def set_highlight(self, highlight: Field | None) -> None:
        """Outline another field (or the same one moved) without a new render."""
        self.highlight = highlight
        self.update()

    def _origin(self) -> QPointF:
        return QPointF(
            (self.width() - self.image.width()) / 2, (self.height() - self.image.height()) / 2
        )

    def mm_per_pixel(self) -> float:
        return self.page_mm[0] / self.image.width() if self.image.width() else 0.0

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.gray)
        if self.image.isNull():
            return
        origin = self._origin()
        painter.fillRect(QRectF(origin, self.image.size().toSizeF()), Qt.GlobalColor.white)
        painter.drawPixmap(origin, QPixmap.fromImage(self.image))
        if self.highlight is not None and self.mm_per_pixel():
            scale = 1 / self.mm_per_pixel()
            f = self.highlight
            painter.setPen(QPen(Qt.GlobalColor.blue, 1, Qt.PenStyle.DashLine))
            painter.drawRect(
                QRectF(origin.x() + f.x * scale, origin.y() + f.y * scale, f.w * scale, f.h * scale)
            )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._last = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            self.drag_started.emit()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._last is None or not self.mm_per_pixel():
            return
        delta = event.position() - self._last
        scale = self.mm_per_pixel()
        self.field_dragged.emit(delta.x() * scale, delta.y() * scale)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._last = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)
