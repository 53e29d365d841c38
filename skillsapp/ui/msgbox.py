"""The only place that creates message boxes; tests route them to a `Recorder`."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from skillsapp import messages
from skillsapp.errors import Blocked, UserError


@dataclass(frozen=True)
class Shown:
    """One message as a test sees it."""

    kind: str  # "info", "warning", "error", "confirm" or "choose"
    title: str
    text: str


@dataclass
class Recorder:
    """Takes the place of modal boxes: records them and answers from `answers`."""

    shown: list[Shown] = field(default_factory=list)
    answers: deque[int] = field(default_factory=deque)  # next answers; else confirm yes, button 0

    def answer(self, kind: str, title: str, text: str, default: int = 0) -> int:
        self.shown.append(Shown(kind, title, text))
        return self.answers.popleft() if self.answers else default

    def texts(self, kind: str | None = None) -> list[str]:
        return [s.text for s in self.shown if kind is None or s.kind == kind]


_recorder: Recorder | None = None


def route_to(recorder: Recorder | None) -> None:
    """Send every message to `recorder` (tests) or, with None, to real boxes."""
    global _recorder
    _recorder = recorder


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return box


def _tell(kind: str, icon: QMessageBox.Icon, parent: QWidget | None, title: str, text: str) -> None:
    if _recorder is not None:
        _recorder.answer(kind, title, text)
        return
    box = _box(parent, icon, title, text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def info(parent: QWidget | None, title: str, text: str) -> None:
    _tell("info", QMessageBox.Icon.Information, parent, title, text)


def warning(parent: QWidget | None, title: str, text: str) -> None:
    _tell("warning", QMessageBox.Icon.Warning, parent, title, text)


def error(parent: QWidget | None, title: str, text: str) -> None:
    _tell("error", QMessageBox.Icon.Critical, parent, title, text)


def user_error(parent: QWidget | None, err: UserError) -> None:
    """Show an expected error in the user's language."""
    error(parent, QCoreApplication.translate("msgbox", "SkillsApp"), messages.describe(err))


def reasons_text(err: UserError) -> str:
    """Every reason of a refused step on its own line; a plain error as its one line."""
    if isinstance(err, Blocked) and err.reasons:
        return "\n".join(f"• {messages.describe(reason)}" for reason in err.reasons)
    return messages.describe(err)


def refused(parent: QWidget | None, title: str, err: UserError) -> None:
    """A step the services refused, with all of its reasons."""
    error(parent, title, reasons_text(err))


def confirm(parent: QWidget | None, title: str, text: str, *, ok_text: str = "") -> bool:
    """Ask yes/no; True when the user agrees (a recorder says yes unless told 0)."""
    if _recorder is not None:
        return bool(_recorder.answer("confirm", title, text, default=1))
    box = _box(parent, QMessageBox.Icon.Question, title, text)
    yes = box.addButton(
        ok_text or QCoreApplication.translate("msgbox", "OK"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes


def choose(parent: QWidget | None, title: str, text: str, buttons: list[str]) -> int:
    """Offer `buttons` (the last one is the escape); returns the index clicked."""
    if _recorder is not None:
        return _recorder.answer("choose", title, text)
    box = _box(parent, QMessageBox.Icon.Warning, title, text)
    added = [box.addButton(label, QMessageBox.ButtonRole.ActionRole) for label in buttons]
    box.setEscapeButton(added[-1])
    box.exec()
    clicked = box.clickedButton()
    return added.index(clicked) if clicked in added else len(buttons) - 1
