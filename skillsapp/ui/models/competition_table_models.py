"""Tables of competitions and of a competition's events (set-up and draw views)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from skillsapp.ui import competition_labels as cl
from skillsapp.ui.formatting import date_range_text
from skillsapp.ui.icons import icon
from skillsapp.ui.models.list_model import Column, Index, ListTableModel

if TYPE_CHECKING:  # the list page must not load the scheme and spreadsheet code
    from skillsapp.services.competitions.competitions import CompetitionRow
    from skillsapp.services.competitions.events import EventRow

_C = "CompetitionTableModel"
_E = "EventTableModel"


def _edition(row: CompetitionRow) -> str:
    if row.edition is None:
        return ""
    return QCoreApplication.translate("CompetitionTableModel", "No. {edition}").format(
        edition=row.edition
    )


COMPETITION_COLUMNS: tuple[Column[CompetitionRow], ...] = (
    Column(_C, QT_TRANSLATE_NOOP("CompetitionTableModel", "Competition"), lambda r: r.name),
    Column(
        _C,
        QT_TRANSLATE_NOOP("CompetitionTableModel", "Edition"),
        _edition,
        lambda r: r.edition or 0,
    ),
    Column(
        _C,
        QT_TRANSLATE_NOOP("CompetitionTableModel", "Kind"),
        lambda r: cl.name_of(cl.KIND_NAMES, r.kind),
    ),
    Column(
        _C,
        QT_TRANSLATE_NOOP("CompetitionTableModel", "Level"),
        lambda r: cl.name_of(cl.LEVEL_NAMES, r.level),
    ),
    Column(
        _C,
        QT_TRANSLATE_NOOP("CompetitionTableModel", "Status"),
        lambda r: cl.status(r.status),
        lambda r: cl.ORDER.index(r.status),
    ),
    Column(
        _C,
        QT_TRANSLATE_NOOP("CompetitionTableModel", "Dates"),
        lambda r: date_range_text(r.start_date, r.end_date),
        lambda r: r.start_date.isoformat() if r.start_date else "",
    ),
    Column(_C, QT_TRANSLATE_NOOP("CompetitionTableModel", "Venue"), lambda r: r.venue),
    Column(
        _C,
        QT_TRANSLATE_NOOP("CompetitionTableModel", "Events"),
        lambda r: str(r.event_count),
        lambda r: r.event_count,
    ),
    Column(
        _C,
        QT_TRANSLATE_NOOP("CompetitionTableModel", "Entries"),
        lambda r: f"{r.registration_count:,}",
        lambda r: r.registration_count,
    ),
)
NUMBER_COLUMNS = frozenset({7, 8})


class CompetitionTableModel(ListTableModel["CompetitionRow"]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(COMPETITION_COLUMNS, parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in NUMBER_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 4 and index.isValid():
            return cl.status_color(self.row_at(index.row()).status)
        return super().data(index, role)


def _scheme_state(row: EventRow) -> str:
    if row.scheme_valid:
        return QCoreApplication.translate("EventTableModel", "Complete")
    return QCoreApplication.translate("EventTableModel", "Incomplete")


def _drawn(row: EventRow) -> str:
    if not row.registrations:
        return "—"
    return (
        QCoreApplication.translate("EventTableModel", "Drawn")
        if row.drawn
        else QCoreApplication.translate("EventTableModel", "Not drawn")
    )


EVENT_COLUMNS: tuple[Column[EventRow], ...] = (
    Column(_E, QT_TRANSLATE_NOOP("EventTableModel", "Event"), lambda r: r.name),
    Column(
        _E,
        QT_TRANSLATE_NOOP("EventTableModel", "Entries"),
        lambda r: str(r.registrations),
        lambda r: r.registrations,
    ),
    Column(_E, QT_TRANSLATE_NOOP("EventTableModel", "Scheme"), _scheme_state),
)
DRAW_COLUMNS: tuple[Column[EventRow], ...] = (
    Column(_E, QT_TRANSLATE_NOOP("EventTableModel", "Event"), lambda r: r.name),
    Column(
        _E,
        QT_TRANSLATE_NOOP("EventTableModel", "Entries"),
        lambda r: str(r.registrations),
        lambda r: r.registrations,
    ),
    Column(_E, QT_TRANSLATE_NOOP("EventTableModel", "Draw"), _drawn),
    Column(
        _E,
        QT_TRANSLATE_NOOP("EventTableModel", "Seed"),
        lambda r: "" if r.draw_seed is None else str(r.draw_seed),
        lambda r: r.draw_seed or 0,
    ),
)

JUDGE_COLUMNS: tuple[Column[EventRow], ...] = (
    Column(_E, QT_TRANSLATE_NOOP("EventTableModel", "Event"), lambda r: r.name),
    Column(
        _E,
        QT_TRANSLATE_NOOP("EventTableModel", "Judges"),
        lambda r: str(r.judges),
        lambda r: r.judges,
    ),
)

EVENT_VIEWS = {"scheme": EVENT_COLUMNS, "draw": DRAW_COLUMNS, "judges": JUDGE_COLUMNS}


class EventTableModel(ListTableModel["EventRow"]):
    """Events for the set-up ("scheme"), the draw ("draw") or the judges ("judges")."""

    def __init__(self, view: str = "scheme", parent: Any = None) -> None:
        super().__init__(EVENT_VIEWS[view], parent)
        self._view = view

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and index.isValid():
            return self._icon(self.row_at(index.row()), index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == 0:
            return self._tooltip(self.row_at(index.row()))
        return super().data(index, role)

    def _icon(self, row: EventRow, column: int) -> Any:
        if self._view == "draw" and column == 2 and row.registrations:
            return icon("ok" if row.drawn else "warning")
        if self._view == "scheme" and column == 2:
            return icon("ok" if row.scheme_valid else "error")
        if self._view == "judges" and column == 1:
            return icon("ok" if row.has_chief else "warning")
        return None

    def _tooltip(self, row: EventRow) -> str:
        if self._view == "judges" and not row.has_chief:
            return QCoreApplication.translate("EventTableModel", "No chief judge yet")
        if row.field_too_small:
            return QCoreApplication.translate(
                "EventTableModel", "Fewer entries than the scheme's minimum field"
            )
        return row.name

    def index_of(self, event_id: int) -> int:
        return next((i for i, r in enumerate(self.rows()) if r.id == event_id), -1)
