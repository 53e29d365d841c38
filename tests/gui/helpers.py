"""Small helpers shared by the GUI tests."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget

from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.person_rules import PersonInput
from skillsapp.services.registry.registry import PersonRow


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type like a person: keys for ASCII, an input-method commit for Chinese (as an IME does).

    QTest cannot synthesise key events for characters outside ASCII.
    """
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def ok_button(buttons: QDialogButtonBox) -> QWidget:
    return buttons.button(QDialogButtonBox.StandardButton.Ok)


def open_dialog_of(parent: QObject, kind: type[QDialog]) -> QDialog | None:
    """The visible dialog of `kind` opened by `parent`, if any."""
    found = [d for d in parent.findChildren(kind) if d.isVisible()]
    return found[-1] if found else None


def table_names(model) -> list[str]:
    return [model.row_at(r).name for r in range(model.rowCount())]


def person(name: str, number: str, level: SkillLevel | None = None, **extra) -> PersonInput:
    return PersonInput(name=name, id_number=number, skill_level=level, **extra)


def row_names(rows: list[PersonRow]) -> list[str]:
    return [r.name for r in rows]


LEFT = Qt.MouseButton.LeftButton
