"""An in-app PDF viewer: page navigation, zoom, 打印… at 100 %, open in the system viewer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QPointF, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from skillsapp.ui import msgbox
from skillsapp.ui.widgets.pdf_viewer_print import chosen_pages, print_pages


class PdfViewerWidget(QWidget):
    """Shows one PDF file; `printed(pages)` fires with the 0-based pages sent to a printer."""

    printed = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None  # the bytes shown by load_bytes
        self._printable = False  # a file, or bytes meant for paper (a calibration page)
        self._build_ui()
        self._connect_signals()
        self._update_controls()

    def _build_ui(self) -> None:
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.previous_button = QToolButton()
        self.previous_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.previous_button.setToolTip(self.tr("Previous page"))
        self.next_button = QToolButton()
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setToolTip(self.tr("Next page"))
        self.page_box = QSpinBox()
        self.page_box.setMinimum(1)
        self.page_count_label = QLabel()
        self.print_button = QPushButton(self.tr("Print…"))
        self.system_button = QPushButton(self.tr("System viewer"))
        self.system_button.setToolTip(self.tr("Open the file in the system's PDF viewer"))
        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.page_box)
        bar.addWidget(self.page_count_label)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.system_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def _connect_signals(self) -> None:
        self.previous_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.page_box.valueChanged.connect(lambda value: self.go_to(value - 1))
        self.view.pageNavigator().currentPageChanged.connect(self._on_navigator_page_changed)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.system_button.clicked.connect(self._on_system_button_clicked)

    def load(self, path: Path) -> bool:
        """Show the PDF at `path`; False (and nothing shown) when it cannot be read."""
        self.clear()
        self.path = path
        ok = self.document.load(str(path)) == QPdfDocument.Error.None_
        if not ok:
            self.path = None
        self._printable = ok
        self._update_controls()
        return ok

    def load_bytes(self, data: bytes, *, printable: bool = False) -> bool:
        """Show a PDF held in memory: a preview (not for printing) unless `printable`;
        never in the system viewer (there is no file)."""
        self.clear()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QBuffer.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        ok = self.document.status() == QPdfDocument.Status.Ready
        self._printable = ok and printable
        self._update_controls()
        return ok

    def clear(self) -> None:
        self.document.close()
        self.path = None
        self._printable = False
        if self._buffer is not None:
            self._buffer.deleteLater()
            self._buffer = None
        self._update_controls()

    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        if 0 <= page < self.page_count():
            self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())

    def _on_navigator_page_changed(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self._update_controls()

    def _update_controls(self) -> None:
        count = self.page_count()
        self.page_box.setMaximum(max(count, 1))
        self.page_count_label.setText(self.tr("of {count}").format(count=count))
        page = self.current_page()
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < count - 1)
        self.page_box.setEnabled(count > 0)
        self.print_button.setEnabled(count > 0 and self._printable)
        self.system_button.setEnabled(count > 0 and self.path is not None)

    def print_to(self, printer: QPrinter, pages: list[int]) -> int:
        """Print `pages` at 100 % and announce them; the count printed."""
        done = print_pages(self.document, printer, pages)
        if done:
            self.printed.emit(list(pages[:done]))
        return done

    def _on_print_button_clicked(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        dialog.setMinMax(1, self.page_count())
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        pages = chosen_pages(printer, self.page_count(), self.current_page())
        if not self.print_to(printer, pages):
            msgbox.error(self, self.tr("Print"), self.tr("The printer could not be started."))

    def _on_system_button_clicked(self) -> None:
        if self.path is not None and not self.open_externally(self.path):
            msgbox.info(
                self,
                self.tr("PDF"),
                self.tr("No PDF viewer opened; the file is {path}.").format(path=self.path),
            )

    def open_externally(self, path: Path) -> bool:
        """Hand `path` to the desktop (tests replace this so nothing is launched)."""
        return open_local(path)


def open_local(path: Path) -> bool:
    """Open a file or folder with the desktop's own program; False when none started."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
