"""Keying in one judge's signed paper score sheet: the same keyboard grid as the judges'
own, always blank — the second keying never shows the first — handed in as one."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from skillsapp.app import Services
from skillsapp.domain.competitions import RegistrationStatus
from skillsapp.errors import UserError
from skillsapp.services.scoring.marking import CriterionInfo
from skillsapp.services.scoring.marks_grid import CellState, GridCell
from skillsapp.ui import msgbox, signals
from skillsapp.ui import scoring_labels as sl
from skillsapp.ui.models.mark_grid_model import (
    Cell,
    GridLine,
    MarkGridTableModel,
    keep_locally,
)
from skillsapp.ui.widgets.mark_grid_view import MarkGridView
from skillsapp.ui.widgets.mark_status import StatusLine, legend


@dataclass(frozen=True)
class SheetLayout:
    """The cells of one judge's paper sheet: entries in start order × criteria."""

    columns: tuple[CriterionInfo, ...]
    lines: tuple[GridLine, ...]
    cells: dict[Cell, GridCell]

    @property
    def codes(self) -> dict[int, str]:
        return {line.registration_id: line.code for line in self.lines}

    @property
    def items(self) -> dict[str, str]:
        return {c.key: f"{c.key} {c.name}" for c in self.columns}


def sheet_layout(services: Services, event_id: int, judge_id: int) -> SheetLayout:
    """Built from the event's scheme, entries and blocks (a judge kept apart from a
    contestant has no cells for them)."""
    detail = services.events.event(event_id)
    spec = services.events.scheme(event_id)
    columns = tuple(
        CriterionInfo(
            id=0,
            key=c.key,
            name=c.name,
            component=component.key,
            max_mark=c.max_mark,
            step=c.step,
            deduction=c.deduction,
            judgement=c.kind.value == "judgement",
            worldskills=c.kind.value == "judgement" and c.aggregation.value == "worldskills",
        )
        for component in spec.components
        for c in component.criteria
    )
    entries = services.registrations.registrations(detail.row.competition_id, event_id=event_id)
    blind = detail.data.blind
    lines = tuple(
        GridLine(e.id, (e.blind_code if blind else e.bib) or "")
        for e in entries
        if e.status is RegistrationStatus.ACTIVE
    )
    blocked = {
        c.registration_id
        for c in services.judges.conflicts(event_id)
        if c.user_id == judge_id and c.blocked
    }
    cells = {
        (line.registration_id, c.key): GridCell(
            line.registration_id,
            c.key,
            None,
            CellState.EMPTY,
            None,
            line.registration_id not in blocked,
        )
        for line in lines
        for c in columns
    }
    return SheetLayout(columns, lines, cells)


class PaperKeyingDialog(QDialog):
    """`round_number` 1 or 2; the keying is handed in with 保存录入."""

    def __init__(
        self,
        services: Services,
        *,
        event_id: int,
        judge_id: int,
        judge_name: str,
        round_number: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._event_id, self._judge_id = event_id, judge_id
        self.layout_ = sheet_layout(services, event_id, judge_id)
        self.setWindowTitle(self.tr("Key in the paper sheet of {judge}").format(judge=judge_name))
        self.resize(900, 640)
        self._build_ui(round_number)
        self._connect_signals()
        self.model.set_grid(
            self.layout_.columns, self.layout_.lines, self.layout_.cells, saver=keep_locally
        )
        self.view.start()
        self._on_model_mark_saved()

    def _build_ui(self, round_number: int) -> None:
        first = round_number == 1
        self.heading = QLabel(self.tr("First keying") if first else self.tr("Second keying"))
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 600; color: #23344d;")
        hint = QLabel(
            self.tr(
                "Key every mark exactly as written on the signed sheet; leave blank cells empty."
            )
            if first
            else self.tr(
                "Key the sheet again from the paper. The first keying is not shown; "
                "differences are listed cell by cell afterwards."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(sl.HINT_STYLE)
        self.model = MarkGridTableModel(self)
        self.view = MarkGridView()
        self.view.setModel(self.model)
        self.status = StatusLine()
        self.count = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(
            self.tr("Save keying"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setAutoDefault(False)  # Enter belongs to the grid
        bottom = QHBoxLayout()
        bottom.addWidget(legend(spread=False), 1)
        bottom.addWidget(self.count)
        layout = QVBoxLayout(self)
        for widget in (self.heading, hint, self.view):
            layout.addWidget(widget, 1 if widget is self.view else 0)
        layout.addWidget(self.status)
        layout.addLayout(bottom)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.model.mark_saved.connect(self._on_model_mark_saved)
        self.model.mark_refused.connect(self.status.show_error)
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def _on_model_mark_saved(self, _cell: object = None) -> None:
        self.status.show_hint("")
        self.count.setText(self.tr("{count} cells keyed").format(count=len(self.model.values())))

    def save(self) -> bool:
        try:
            self._services.paper.key(self._event_id, self._judge_id, self.model.values())
        except UserError as err:
            self.status.show_error(msgbox.reasons_text(err))
            return False
        signals.announce(signals.MARKS)
        self.accept()
        return True
