"""A judge's mark entry grid as a read model: contestants in start order × criteria,
each cell with its value, state and version.

Cell states: EMPTY, SAVED, CORRECTED (changed after the chief judge returned the
marks) and OUT_OF_SPREAD, shown once the judge has signed off (or been returned): the
judge's value differs from another judge's by more than the scheme's WorldSkills
spread, or for other judgement items by more than the service's `spread_share` of the
item's 配分 (default 20 %). OUT_OF_SPREAD wins over CORRECTED: it asks for action.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from skillsapp.domain.competitions import Event
from skillsapp.domain.marks import SubmissionStatus
from skillsapp.services.scoring.marking import (
    CriterionInfo,
    EntryInfo,
    MarkInfo,
    beyond,
    blocked_pairs,
    event_criteria,
    event_entries,
    event_marks,
    spread_limit,
    submission,
)

FLAGGED = frozenset({SubmissionStatus.SUBMITTED, SubmissionStatus.RETURNED})


class CellState(enum.StrEnum):
    EMPTY = "empty"
    SAVED = "saved"
    CORRECTED = "corrected"
    OUT_OF_SPREAD = "out_of_spread"


@dataclass(frozen=True)
class GridCell:
    """`version` is the mark's, for optimistic saving; `held_by_other`: a measurement
    item another judge entered (read-only here)."""

    registration_id: int
    criterion_key: str
    value: Decimal | None
    state: CellState
    version: int | None
    editable: bool
    held_by_other: bool = False


@dataclass(frozen=True)
class GridRow:
    """A contestant: the blind code in a blind event (and no name), else the bib."""

    registration_id: int
    code: str
    name: str
    blocked: bool
    cells: tuple[GridCell, ...]


@dataclass(frozen=True)
class MarkGrid:
    """`read_only` once the judge has signed off (until the chief judge returns it)."""

    event_id: int
    event_name: str
    blind: bool
    status: SubmissionStatus
    read_only: bool
    return_reason: str
    columns: tuple[CriterionInfo, ...]
    rows: tuple[GridRow, ...]


def build_grid(session: Session, event: Event, judge_id: int, share: Decimal) -> MarkGrid:
    """The grid of an assigned judge (the caller checked the assignment)."""
    found = submission(session, event.id, judge_id)
    status = found.status if found else SubmissionStatus.OPEN
    columns = tuple(event_criteria(session, event.id))
    entries = event_entries(session, event, names=not event.blind)
    blocked = {r for j, r in blocked_pairs(session, event.id) if j == judge_id}
    builder = _GridBuilder(judge_id, status, event, share, event_marks(session, event.id))
    rows = tuple(builder.row(e, columns, e.id in blocked) for e in entries)
    reason = found.return_reason if found else ""
    read_only = status is SubmissionStatus.SUBMITTED
    return MarkGrid(event.id, event.name, event.blind, status, read_only, reason, columns, rows)


class _GridBuilder:
    """Cells of one judge's grid from all the event's marks."""

    def __init__(
        self,
        judge_id: int,
        status: SubmissionStatus,
        event: Event,
        share: Decimal,
        marks: Sequence[MarkInfo],
    ) -> None:
        self._judge_id = judge_id
        self._status = status
        self._event = event
        self._share = share
        self._cells: dict[tuple[int, int], list[MarkInfo]] = defaultdict(list)
        for mark in marks:
            self._cells[(mark.registration_id, mark.criterion_id)].append(mark)

    def row(self, entry: EntryInfo, columns: tuple[CriterionInfo, ...], blocked: bool) -> GridRow:
        cells = tuple(self._cell(entry.id, c, blocked) for c in columns)
        return GridRow(entry.id, entry.code, entry.name, blocked, cells)

    def _cell(self, registration_id: int, criterion: CriterionInfo, blocked: bool) -> GridCell:
        if blocked:
            return GridCell(registration_id, criterion.key, None, CellState.EMPTY, None, False)
        marks = self._cells.get((registration_id, criterion.id), [])
        if criterion.judgement:
            mine = next((m for m in marks if m.judge_id == self._judge_id), None)
        else:
            mine = marks[0] if marks else None
        held = mine is not None and mine.judge_id != self._judge_id
        editable = self._status is not SubmissionStatus.SUBMITTED and not held
        if mine is None:
            return GridCell(registration_id, criterion.key, None, CellState.EMPTY, None, editable)
        others = [m.value for m in marks if m is not mine]
        state = self._state(mine, criterion, others)
        return GridCell(
            registration_id, criterion.key, mine.value, state, mine.version, editable, held
        )

    def _state(self, mark: MarkInfo, criterion: CriterionInfo, others: list[Decimal]) -> CellState:
        if self._status in FLAGGED:
            limit = spread_limit(
                criterion,
                worldskills_spread=self._event.worldskills_max_spread,
                share=self._share,
            )
            if beyond(mark.value, others, limit):
                return CellState.OUT_OF_SPREAD
        return CellState.CORRECTED if mark.corrected else CellState.SAVED
