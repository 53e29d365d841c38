"""A window showing one PDF (a reprint) with page navigation and 打印…."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from skillsapp.ui.widgets.pdf_viewer import PdfViewerWidget


class PdfViewerDialog(QDialog):
    """The viewer's `printed(pages)` is passed on for the print log."""

    def __init__(self, path: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.viewer = PdfViewerWidget()
        self.viewer.load(path)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.viewer, 1)
        layout.addWidget(buttons)
        self.resize(900, 700)
