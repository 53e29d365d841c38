"""A page whose work arrives in a later version: says so, and what it will hold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    def __init__(self, icon: QIcon, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build_ui(icon, title, text)

    def _build_ui(self, icon: QIcon, title: str, text: str) -> None:
        picture = QLabel()
        picture.setPixmap(icon.pixmap(64, 64))
        heading = QLabel(title)
        heading.setStyleSheet("font-size: 18pt; font-weight: 600; color: #23344d;")
        body = QLabel(text)
        body.setWordWrap(True)
        body.setFixedWidth(560)
        body.setMinimumHeight(body.heightForWidth(560))  # aligned items ignore height-for-width
        body.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        body.setStyleSheet("color: #3d4b5c;")
        self.notice = QLabel(self.tr("Coming in a later version of SkillsApp."))
        self.notice.setStyleSheet(
            "color: #8a5a00; background: #fff4d6; border: 1px solid #f0d48a;"
            " border-radius: 4px; padding: 6px 12px;"
        )
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (picture, heading, body, self.notice):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
