"""About SkillsApp: version and what it is for."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from skillsapp import __version__
from skillsapp.ui.icons import app_icon


class AboutTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build_ui()

    def _build_ui(self) -> None:
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(72, 72))
        title = QLabel(self.tr("SkillsApp {version}").format(version=__version__))
        title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        text = QLabel(
            self.tr(
                "Workers' skills competitions and talent registry for trade unions: "
                "competitions and scoring, the talent registry, innovation studios "
                "and certificates."
            )
        )
        text.setWordWrap(True)
        details = QLabel(
            self.tr("Python {python}, Qt for Python {qt}. Licence: MIT.").format(
                python=platform.python_version(), qt=pyside_version
            )
        )
        details.setStyleSheet("color: #5f6b7a;")
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.setSpacing(12)
        for widget in (logo, title, text, details):
            layout.addWidget(widget)
