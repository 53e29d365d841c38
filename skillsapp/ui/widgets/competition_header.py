"""The top of a competition page: back, name, status badge, facts, workflow buttons."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from skillsapp.domain.competitions import CompetitionStatus
from skillsapp.services.competitions.competitions import CompetitionDetail
from skillsapp.services.competitions.workflow import FORWARD, ORDER
from skillsapp.ui import competition_labels as cl
from skillsapp.ui.formatting import date_range_text
from skillsapp.ui.icons import icon


def badge_style(status: CompetitionStatus) -> str:
    color, background = cl.STATUS_COLORS[status]
    return (
        f"color: {color}; background: {background}; border: 1px solid {color};"
        " border-radius: 10px; padding: 2px 10px; font-weight: 600;"
    )


class CompetitionHeader(QWidget):
    """Emits `back_requested`, `step_requested(target)` and `reopen_requested(target)`."""

    back_requested = Signal()
    step_requested = Signal(str)
    reopen_requested = Signal(str)

    def __init__(self, *, can_step: bool, can_reopen: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self._can_step, self._can_reopen = can_step, can_reopen
        self._status = CompetitionStatus.DRAFT
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.back_button = QPushButton(icon("back"), self.tr("Competitions"))
        self.back_button.setFlat(True)
        self.name = QLabel()
        self.name.setStyleSheet("font-size: 16pt; font-weight: 600; color: #23344d;")
        self.badge = QLabel()
        self.facts = QLabel()
        self.facts.setStyleSheet("color: #5f6b7a;")
        self.step_button = QPushButton()
        self.step_button.setStyleSheet("font-weight: 600; padding: 4px 14px;")
        self.reopen_button = QPushButton(self.tr("Move back…"))
        title = QHBoxLayout()
        title.addWidget(self.name)
        title.addWidget(self.badge)
        title.addStretch(1)
        title.addWidget(self.reopen_button)
        title.addWidget(self.step_button)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(title)
        layout.addWidget(self.facts)

    def _connect_signals(self) -> None:
        self.back_button.clicked.connect(self.back_requested)
        self.step_button.clicked.connect(self._on_step_button_clicked)
        self.reopen_button.clicked.connect(self._on_reopen_button_clicked)

    def set_detail(self, detail: CompetitionDetail) -> None:
        row = detail.row
        self._status = row.status
        self.name.setText(row.name)
        self.badge.setText(cl.status(row.status))
        self.badge.setStyleSheet(badge_style(row.status))
        facts = [self.tr("Code {code}").format(code=row.code)]
        dates = date_range_text(row.start_date, row.end_date)
        facts += [text for text in (dates, row.venue, row.organizer) if text]
        facts.append(
            self.tr("{events} events, {entries} entries").format(
                events=row.event_count, entries=f"{row.registration_count:,}"
            )
        )
        self.facts.setText("  ·  ".join(facts))
        target = FORWARD.get(row.status)
        self.step_button.setVisible(self._can_step and target is not None)
        if target is not None:
            self.step_button.setText(cl.step(target))
        self.reopen_button.setVisible(self._can_reopen and self.previous() is not None)

    def next_status(self) -> CompetitionStatus | None:
        return FORWARD.get(self._status)

    def previous(self) -> CompetitionStatus | None:
        at = ORDER.index(self._status)
        return ORDER[at - 1] if at > 0 else None

    def _on_step_button_clicked(self) -> None:
        target = self.next_status()
        if target is not None:
            self.step_requested.emit(target.value)

    def _on_reopen_button_clicked(self) -> None:
        target = self.previous()
        if target is not None:
            self.reopen_requested.emit(target.value)
