"""The rounds of a keyed paper sheet: round 1 and the blind round 2 by two clerks, and
round 3 holding the cells a third person resolved; where they differ, and the values
that count."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from skillsapp.domain.competitions import SchemeCriterion
from skillsapp.domain.marks import PaperSheet, SheetKeying, SheetValue
from skillsapp.errors import UserError
from skillsapp.services.scoring.mark_writes import Cell
from skillsapp.services.scoring.marking import plain

KEYINGS = (1, 2)
RESOLUTION = 3  # the round that holds resolved cells
Rounds = dict[int, dict[Cell, Decimal | None]]


@dataclass(frozen=True)
class Mismatch:
    registration_id: int
    criterion_key: str
    first: Decimal | None
    second: Decimal | None
    resolved: bool
    resolution: Decimal | None

    @property
    def cell(self) -> Cell:
        return (self.registration_id, self.criterion_key)


def keyers(sheet: PaperSheet) -> set[int]:
    return {k.clerk_id for k in sheet.keyings if k.round in KEYINGS}


def load_rounds(session: Session, sheet: PaperSheet) -> Rounds:
    query = (
        select(SheetKeying.round, SheetValue.registration_id, SchemeCriterion.key, SheetValue.value)
        .join(SheetValue, SheetValue.keying_id == SheetKeying.id)
        .join(SchemeCriterion, SchemeCriterion.id == SheetValue.criterion_id)
        .where(SheetKeying.sheet_id == sheet.id)
    )
    rounds: Rounds = {n: {} for n in (*KEYINGS, RESOLUTION)}
    for number, registration_id, key, value in session.execute(query):
        rounds[number][(registration_id, key)] = None if value is None else plain(value)
    return rounds


def keyed_twice(session: Session, sheet: PaperSheet) -> Rounds:
    if {k.round for k in sheet.keyings} < set(KEYINGS):
        raise UserError("sheet_not_keyed_twice")
    return load_rounds(session, sheet)


def mismatches(rounds: Rounds) -> list[Mismatch]:
    first, second, resolved = (rounds[n] for n in (*KEYINGS, RESOLUTION))
    return [
        Mismatch(
            cell[0],
            cell[1],
            first.get(cell),
            second.get(cell),
            cell in resolved,
            resolved.get(cell),
        )
        for cell in sorted({*first, *second})
        if first.get(cell) != second.get(cell)
    ]


def final(rounds: Rounds) -> dict[Cell, Decimal | None]:
    first, resolved = rounds[KEYINGS[0]], rounds[RESOLUTION]
    cells = {*first, *rounds[KEYINGS[1]], *resolved}
    return {cell: resolved[cell] if cell in resolved else first.get(cell) for cell in cells}


def put_resolution(
    session: Session,
    sheet: PaperSheet,
    resolver: int,
    cell: Cell,
    value: Decimal | None,
    criterion_id: int,
) -> None:
    """Store (or replace) the cell's resolution in round 3 beside the two keyings."""
    keying = next((k for k in sheet.keyings if k.round == RESOLUTION), None)
    if keying is None:
        keying = SheetKeying(round=RESOLUTION, clerk_id=resolver)
        sheet.keyings.append(keying)
        session.flush()
    same = (SheetValue.registration_id == cell[0], SheetValue.criterion_id == criterion_id)
    session.execute(delete(SheetValue).where(SheetValue.keying_id == keying.id, *same))
    session.add(
        SheetValue(
            keying_id=keying.id, registration_id=cell[0], criterion_id=criterion_id, value=value
        )
    )
    session.flush()
