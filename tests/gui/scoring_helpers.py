"""Shared set-up of the scoring GUI tests: a contest in 比赛 built like the demo's
(维修电工, 20 contestants, judges judge1–judge3 with judge1 the chief judge, password
"judge"), signing in, filling marks, typing into the grid."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView

from skillsapp.app import Services
from skillsapp.domain.competitions import CompetitionStatus
from skillsapp.domain.roles import Role
from skillsapp.services.demo.demo_schemes import electrician_spec
from skillsapp.ui.dialogs.login_dialog import LoginDialog
from skillsapp.ui.main_window import MainWindow
from skillsapp.ui.widgets.mark_grid_view import MarkEditor, MarkGridView
from tests.unit.services.test_competition_helpers import competition, enter, event, unit

CONTEST = "JMDG2025"


def sign_in(qtbot, services: Services, username: str, password: str) -> Services:
    """Sign in through the login dialog, typing like a person."""
    dialog = LoginDialog(services.accounts, database=services.db.display)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is not None, dialog.error.text()
    return services.as_actor(dialog.actor)


def main_window(qtbot, services: Services) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


JUDGES = (("judge1", "蔡天宇"), ("judge2", "崔涛"), ("judge3", "崔秀英"))


@dataclass(frozen=True)
class Contest:
    competition_id: int
    event_id: int
    entries: tuple[int, ...]  # registration ids in start order


def contest(services: Services, *, entrants: int = 20, blind: bool = False) -> Contest:
    """维修电工 with the demo's scheme (T1, P1 measured; P2 judged; P3 judged deductions),
    drawn, its three judges assigned, in 比赛."""
    c = competition(services, CONTEST, name="2025年焦煤集团电工技能比武", quota_per_unit=500)
    e = event(services, c.id, "维修电工", blind=blind)
    services.events.save_scheme(e.id, electrician_spec())
    u = unit(services, "焦煤集团")
    for seq in range(entrants):
        enter(services, e.id, seq, u.id)
    services.competitions.set_status(c.id, CompetitionStatus.REGISTRATION)
    services.draw.draw(c.id, seed=7)
    for number, (username, name) in enumerate(JUDGES):
        user = services.accounts.create_user(
            services.actor, username=username, password="judge", role=Role.JUDGE, display_name=name
        )
        services.judges.assign(e.id, user.id, chief=number == 0)
    services.competitions.set_status(c.id, CompetitionStatus.SCORING)
    entries = services.registrations.registrations(c.id, event_id=e.id)
    order = sorted(entries, key=lambda r: r.start_order or 0)
    return Contest(c.id, e.id, tuple(r.id for r in order))


def login(services: Services, username: str, password: str = "judge") -> Services:
    return services.as_actor(services.accounts.login(username, password))


def fill(services: Services, event_id: int, value: Decimal = Decimal(20)) -> int:
    """Every cell still empty in the judge's grid; how many were filled."""
    grid = services.marks.grid(event_id)
    filled = 0
    for row in grid.rows:
        for cell in row.cells:
            if cell.editable and cell.value is None:
                services.marks.save_mark(event_id, row.registration_id, cell.criterion_key, value)
                filled += 1
    return filled


def editor_of(view: MarkGridView) -> MarkEditor | None:
    """The grid's open editor, if any."""
    found = [e for e in view.viewport().findChildren(MarkEditor) if e.isVisible()]
    return found[-1] if found else None


def type_mark(qtbot, view: MarkGridView, text: str) -> None:
    """Digits, then Enter: as a judge types a mark (the first key opens the editor)."""
    qtbot.keyClicks(view, text[0])
    editor = editor_of(view)
    assert editor is not None, "typing a digit opens the editor"
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def double_click(qtbot, view: QAbstractItemView, index: QModelIndex) -> None:
    """A click, then a double-click, on a cell (Qt wants the press before the double)."""
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
