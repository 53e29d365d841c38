"""Paper score sheets (纸质评分表), as venues work: judges mark and sign paper, clerks
key each sheet in twice, blind, and the marks count only once the keyings agree.

* received → a clerk keys round 1 → ENTERED → another clerk keys round 2 without
  seeing round 1 (nothing here returns a round's values before both are in);
* `mismatches` lists, cell by cell, where the rounds differ; a third person (or an
  organizer) resolves each one, stored as round 3 beside the two keyings;
* `confirm` by somebody who keyed neither round turns the sheet into the judge's marks
  (source PAPER) and records the judge's sign-off: the paper carries the signature;
* the chief judge then signs the sheet off as checked against the paper.

Filled .xlsx score sheets are imported by `paper_import`, through `PaperService`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from skillsapp.domain.base import utcnow
from skillsapp.domain.competitions import Event
from skillsapp.domain.marks import MarkSource, PaperSheet, SheetKeying, SheetStatus, SheetValue
from skillsapp.domain.models import User
from skillsapp.domain.roles import Permission
from skillsapp.errors import Blocked, NotFound, UserError
from skillsapp.services import audit
from skillsapp.services.competitions.competitions import require_status
from skillsapp.services.context import Actor
from skillsapp.services.scoring import marks_review, paper_import
from skillsapp.services.scoring.mark_writes import Cell, CellRules, write_marks
from skillsapp.services.scoring.marking import (
    MARKS_OPEN,
    JudgeInfo,
    change_kind,
    competition_of,
    event_judges,
    get_event,
    require_chief,
    require_judge,
    submission,
    user_id_of,
)
from skillsapp.services.scoring.paper_import import MarkImportPreview, MarkImportResult
from skillsapp.services.scoring.paper_rounds import (
    KEYINGS,
    Mismatch,
    final,
    keyed_twice,
    keyers,
    load_rounds,
    mismatches,
    put_resolution,
)
from skillsapp.storage.database import Database

__all__ = ["Cell", "MarkImportPreview", "MarkImportResult", "Mismatch", "PaperService", "SheetRow"]


@dataclass(frozen=True)
class SheetRow:
    """A judge's sheet of an event; `sheet_id` None: not received yet. `mismatches`
    counts cells still unresolved once both rounds are keyed (None before)."""

    event_id: int
    judge_id: int
    judge_name: str
    sheet_id: int | None
    status: SheetStatus | None
    first_clerk: str
    second_clerk: str
    mismatches: int | None
    confirmed_by: str


class PaperService:
    """For clerks and organizers (KEY_SHEETS); signing is the chief judge's."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    def sheets(self, event_id: int) -> list[SheetRow]:
        """One row per judge of the event, chief judge first."""
        with self._db.reading() as session:
            get_event(session, event_id)
            if not self._actor.can(Permission.KEY_SHEETS):
                require_chief(session, event_id, self._actor)
            sheets = {s.judge_id: s for s in session.scalars(_sheets_of(event_id))}
            return [
                _row(session, event_id, j, sheets.get(j.user_id))
                for j in event_judges(session, event_id)
            ]

    def receive(self, event_id: int, judge_id: int) -> SheetRow:
        """The judge's signed paper sheet is at the desk (again: no change)."""
        self._actor.require(Permission.KEY_SHEETS)
        with self._db.transaction() as session:
            event = self._open_event(session, event_id)
            require_judge(session, event_id, judge_id)
            sheet = session.scalar(_sheets_of(event_id).where(PaperSheet.judge_id == judge_id))
            if sheet is None:
                sheet = PaperSheet(event_id=event.id, judge_id=judge_id)
                session.add(sheet)
                session.flush()
                self._audit(session, "receive", sheet)
            return _row_for(session, sheet)

    def key(self, event_id: int, judge_id: int, values: Mapping[Cell, Decimal | None]) -> SheetRow:
        """Key the sheet in: round 1, or round 2 by another clerk. Blank cells may be
        left out or given as None. Every bad cell is refused at once (Blocked)."""
        self._actor.require(Permission.KEY_SHEETS)
        clerk = user_id_of(self._actor)
        with self._db.transaction() as session:
            event = self._open_event(session, event_id)
            sheet = session.scalar(_sheets_of(event_id).where(PaperSheet.judge_id == judge_id))
            if sheet is None:
                raise UserError("sheet_not_received")
            _refuse_status(sheet, {SheetStatus.RECEIVED, SheetStatus.ENTERED})
            keyed = {k.round: k.clerk_id for k in sheet.keyings if k.round in KEYINGS}
            if len(keyed) == len(KEYINGS):
                raise UserError("sheet_already_keyed")
            if clerk in keyed.values():
                raise UserError("sheet_same_clerk")
            rules = CellRules.load(session, event, judge_id)
            _refuse_cells(rules.problems(values))
            number = len(keyed) + 1
            sheet.keyings.append(_keying(number, clerk, values, rules))
            sheet.status = SheetStatus.ENTERED
            session.flush()
            self._audit(session, "key", sheet, round=number, cells=len(values))
            return _row_for(session, sheet)

    def mismatches(self, sheet_id: int) -> list[Mismatch]:
        """Where the two rounds differ, cell by cell (only once both are keyed)."""
        self._actor.require(Permission.KEY_SHEETS)
        with self._db.reading() as session:
            sheet = _sheet(session, sheet_id)
            return mismatches(keyed_twice(session, sheet))

    def resolve(self, sheet_id: int, cell: Cell, value: Decimal | None) -> Mismatch:
        """Settle one differing cell from the paper: by someone who keyed neither round,
        or by an organizer."""
        self._actor.require(Permission.KEY_SHEETS)
        me = user_id_of(self._actor)
        with self._db.transaction() as session:
            sheet = _sheet(session, sheet_id)
            event = self._open_event(session, sheet.event_id)
            _refuse_status(sheet, {SheetStatus.ENTERED})
            rounds = keyed_twice(session, sheet)
            if me in keyers(sheet) and not self._actor.can(Permission.MANAGE_COMPETITIONS):
                raise UserError("sheet_own_entry")
            found = next((m for m in mismatches(rounds) if m.cell == cell), None)
            if found is None:
                raise UserError("sheet_cell_not_mismatched")
            rules = CellRules.load(session, event, sheet.judge_id)
            problem = rules.problem(cell, value)
            if problem is not None:
                raise problem
            put_resolution(session, sheet, me, cell, value, rules.criteria[cell[1]].id)
            old = {"first": audit.plain(found.first), "second": audit.plain(found.second)}
            new = {"cell": list(cell), "value": audit.plain(value)}
            self._audit(session, "resolve", sheet, old=old, **new)
            return Mismatch(cell[0], cell[1], found.first, found.second, True, value)

    def confirm(self, sheet_id: int) -> SheetRow:
        """The keyings agree (or are resolved): the values become the judge's marks."""
        self._actor.require(Permission.KEY_SHEETS)
        me = user_id_of(self._actor)
        with self._db.transaction() as session:
            sheet = _sheet(session, sheet_id)
            event = self._open_event(session, sheet.event_id)
            _refuse_status(sheet, {SheetStatus.ENTERED})
            rounds = keyed_twice(session, sheet)
            if me in keyers(sheet):
                raise UserError("sheet_own_entry")
            open_cells = [m for m in mismatches(rounds) if not m.resolved]
            if open_cells:
                raise UserError("sheet_mismatches", count=len(open_cells))
            self._write(session, event, sheet, final(rounds))
            sheet.status, sheet.confirmed_by, sheet.confirmed_at = (
                SheetStatus.CONFIRMED,
                me,
                utcnow(),
            )
            session.flush()
            self._audit(session, "confirm", sheet)
            return _row_for(session, sheet)

    def _write(
        self, session: Session, event: Event, sheet: PaperSheet, values: dict[Cell, Decimal | None]
    ) -> None:
        found = submission(session, event.id, sheet.judge_id)
        kind = change_kind(found.status if found else None)
        rules = CellRules.load(session, event, sheet.judge_id)
        _refuse_cells(rules.problems(values))
        marks = {cell: value for cell, value in values.items() if value is not None}
        writes, refused = rules.plan(session, marks, source=MarkSource.PAPER, kind=kind)
        _refuse_cells(refused)
        write_marks(session, self._actor, writes)
        marks_review.sign_off(session, self._actor, event.id, sheet.judge_id, found)

    def sign(self, sheet_id: int) -> SheetRow:
        """The chief judge has checked the confirmed marks against the signed paper."""
        with self._db.transaction() as session:
            sheet = _sheet(session, sheet_id)
            require_chief(session, sheet.event_id, self._actor)
            self._open_event(session, sheet.event_id)
            _refuse_status(sheet, {SheetStatus.CONFIRMED})
            sheet.status = SheetStatus.SIGNED
            session.flush()
            self._audit(session, "sign", sheet)
            return _row_for(session, sheet)

    def preview_import(
        self, path: Path, *, competition_id: int | None = None, judge_id: int | None = None
    ) -> MarkImportPreview:
        """Read a filled .xlsx score sheet and list every cell's problem by row and column;
        `judge_id` names the judge of a sheet written for no particular judge."""
        self._actor.require(Permission.KEY_SHEETS)
        with self._db.reading() as session:
            return paper_import.preview(session, path, competition_id, judge_id)

    def run_import(self, preview: MarkImportPreview) -> MarkImportResult:
        """Write every valid mark of the preview in one transaction (source IMPORT), or
        nothing when anything changed since the preview."""
        self._actor.require(Permission.KEY_SHEETS)
        return paper_import.run(self._db, self._actor, preview)

    def _open_event(self, session: Session, event_id: int) -> Event:
        event = get_event(session, event_id)
        require_status(competition_of(session, event), MARKS_OPEN)
        return event

    def _audit(
        self,
        session: Session,
        action: str,
        sheet: PaperSheet,
        old: dict[str, object] | None = None,
        **new: object,
    ) -> None:
        values = {"event_id": sheet.event_id, "judge_id": sheet.judge_id, **new}
        audit.record(
            session,
            self._actor,
            action=action,
            entity="paper_sheet",
            entity_id=sheet.id,
            old=old,
            new=values,
        )


def _sheets_of(event_id: int) -> Select[PaperSheet]:
    return select(PaperSheet).where(PaperSheet.event_id == event_id)


def _sheet(session: Session, sheet_id: int) -> PaperSheet:
    sheet = session.get(PaperSheet, sheet_id)
    if sheet is None:
        raise NotFound(entity="paper_sheet", id=sheet_id)
    return sheet


def _refuse_status(sheet: PaperSheet, allowed: set[SheetStatus]) -> None:
    if sheet.status not in allowed:
        raise UserError("sheet_wrong_status", status=sheet.status.value)


def _refuse_cells(problems: list[tuple[Cell, UserError]]) -> None:
    """Every bad cell at once, each reason naming its cell."""
    if problems:
        reasons = [
            UserError(p.code, registration_id=cell[0], criterion_key=cell[1], **p.params)
            for cell, p in problems
        ]
        raise Blocked(reasons)


def _keying(
    number: int, clerk: int, values: Mapping[Cell, Decimal | None], rules: CellRules
) -> SheetKeying:
    return SheetKeying(
        round=number,
        clerk_id=clerk,
        values=[
            SheetValue(registration_id=r, criterion_id=rules.criteria[key].id, value=value)
            for (r, key), value in values.items()
        ],
    )


def _names(session: Session, ids: set[int]) -> dict[int, str]:
    query = select(User.id, User.display_name, User.username).where(User.id.in_(ids))
    return {i: display or username for i, display, username in session.execute(query)}


def _row_for(session: Session, sheet: PaperSheet) -> SheetRow:
    judges = (j for j in event_judges(session, sheet.event_id) if j.user_id == sheet.judge_id)
    judge = next(judges, JudgeInfo(sheet.judge_id, 0, "", chief=False))  # since removed
    return _row(session, sheet.event_id, judge, sheet)


def _row(session: Session, event_id: int, judge: JudgeInfo, sheet: PaperSheet | None) -> SheetRow:
    if sheet is None:
        return SheetRow(event_id, judge.user_id, judge.name, None, None, "", "", None, "")
    clerks = {k.round: k.clerk_id for k in sheet.keyings}
    names = _names(
        session, {*clerks.values(), *([sheet.confirmed_by] if sheet.confirmed_by else [])}
    )
    twice = all(n in clerks for n in KEYINGS)
    open_cells = (
        sum(not m.resolved for m in mismatches(load_rounds(session, sheet))) if twice else None
    )
    return SheetRow(
        event_id,
        judge.user_id,
        judge.name,
        sheet.id,
        sheet.status,
        names.get(clerks.get(1, -1), ""),
        names.get(clerks.get(2, -1), ""),
        open_cells,
        names.get(sheet.confirmed_by or -1, ""),
    )
