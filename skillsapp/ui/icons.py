"""Icons from resources/icons (SVG)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from skillsapp import paths


def icon(name: str) -> QIcon:
    return QIcon(str(paths.resource("icons", f"{name}.svg")))


def app_icon() -> QIcon:
    return icon("skillsapp")
