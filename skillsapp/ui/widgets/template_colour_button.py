"""A colour of a certificate template shown as a swatch and its #RRGGBB; a click opens
the colour dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QColorDialog, QPushButton, QWidget

# Offered first in the colour dialog: seal red, border gold, black, a dark blue.
PRESETS = ("#B0161B", "#C9A14A", "#000000", "#1F3A68")
_SWATCH = 18


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(_SWATCH, _SWATCH)
    pixmap.fill(QColor(colour))
    painter = QPainter(pixmap)
    painter.setPen(QColor("#5f6b7a"))
    painter.drawRect(0, 0, _SWATCH - 1, _SWATCH - 1)
    painter.end()
    return QIcon(pixmap)


class TemplateColourButton(QPushButton):
    """`colour_chosen(hex)` fires when the user picks a colour (`choose` does the same)."""

    colour_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colour = "#000000"
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clicked.connect(self._on_clicked)
        self.set_colour(self._colour)

    def colour(self) -> str:
        return self._colour

    def set_colour(self, colour: str) -> None:
        """Show `colour` (#RRGGBB) without announcing it."""
        self._colour = QColor(colour).name().upper() if QColor(colour).isValid() else colour
        self.setIcon(_swatch(self._colour))
        self.setText(self._colour)

    def choose(self, colour: str) -> None:
        """Take `colour` as the user's choice and announce it."""
        self.set_colour(colour)
        self.colour_chosen.emit(self._colour)

    def _on_clicked(self) -> None:
        for index, preset in enumerate(PRESETS):
            QColorDialog.setCustomColor(index, QColor(preset))
        chosen = QColorDialog.getColor(QColor(self._colour), self, self.tr("Colour"))
        if chosen.isValid():
            self.choose(chosen.name().upper())
