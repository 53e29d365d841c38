"""Paper score sheets keyed twice: blind second round, mismatches cell by cell,
resolution by a third person, confirmation by nobody who keyed, chief judge's sign."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from skillsapp.app import Services
from skillsapp.domain.marks import ChangeKind, Mark, MarkChange, MarkSource, SheetStatus
from skillsapp.domain.marks import SubmissionStatus as Sub
from skillsapp.domain.roles import Role
from skillsapp.errors import Blocked, PermissionDenied, UserError
from skillsapp.services.scoring.paper import Cell
from tests.unit.services.test_marks_helpers import D, Scoring, account, scoring


def _sheet(meet: Scoring) -> dict[Cell, Decimal | None]:
    """What the second judge wrote on paper: P2 and P3 for everyone, no measurements."""
    values: dict[Cell, Decimal | None] = {}
    for index, entry in enumerate(meet.entries):
        values[(entry, "P2")] = D(20 + index)
        values[(entry, "P3")] = D(2)
    return values


def _clerks(services: Services) -> tuple[Services, Services, Services]:
    first, second, third = (account(services, f"clerk{n}", Role.CLERK) for n in (1, 2, 3))
    return first, second, third


def _keyed(services: Services) -> tuple[Scoring, tuple[Services, Services, Services], int]:
    """Round 1 as written; round 2 differs in two cells."""
    meet = scoring(services)
    clerks = _clerks(services)
    judge = meet.judge_id(1)
    row = clerks[0].paper.receive(meet.event_id, judge)
    assert row.sheet_id is not None
    clerks[0].paper.key(meet.event_id, judge, _sheet(meet))
    second = _sheet(meet) | {(meet.entries[0], "P2"): D(2), (meet.entries[2], "P3"): None}
    clerks[1].paper.key(meet.event_id, judge, second)
    return meet, clerks, row.sheet_id


def test_the_sheet_list_shows_each_judges_sheet_and_its_clerks(services: Services) -> None:
    meet, _, _ = _keyed(services)
    rows = services.paper.sheets(meet.event_id)
    assert [(r.judge_id, r.status) for r in rows] == [
        (meet.judge_id(0), None),
        (meet.judge_id(1), SheetStatus.ENTERED),
    ]
    assert (rows[1].first_clerk, rows[1].second_clerk, rows[1].mismatches) == (
        "clerk1",
        "clerk2",
        2,
    )


def test_a_sheet_is_received_before_it_is_keyed(services: Services) -> None:
    meet = scoring(services)
    clerk, _, _ = _clerks(services)
    with pytest.raises(UserError, match="sheet_not_received"):
        clerk.paper.key(meet.event_id, meet.judge_id(1), _sheet(meet))


def test_the_second_round_is_keyed_blind_by_another_clerk(services: Services) -> None:
    meet = scoring(services)
    first, second, _ = _clerks(services)
    judge = meet.judge_id(1)
    sheet_id = first.paper.receive(meet.event_id, judge).sheet_id
    assert sheet_id is not None
    first.paper.key(meet.event_id, judge, _sheet(meet))
    with pytest.raises(UserError, match="sheet_same_clerk"):
        first.paper.key(meet.event_id, judge, _sheet(meet))
    with pytest.raises(UserError, match="sheet_not_keyed_twice"):
        second.paper.mismatches(sheet_id)  # round 1 stays out of sight
    second.paper.key(meet.event_id, judge, _sheet(meet))
    assert second.paper.mismatches(sheet_id) == []
    with pytest.raises(UserError, match="sheet_already_keyed"):
        services.paper.key(meet.event_id, judge, _sheet(meet))


def test_a_bad_cell_is_refused_at_keying_and_nothing_is_kept(services: Services) -> None:
    meet = scoring(services)
    clerk, _, _ = _clerks(services)
    judge = meet.judge_id(1)
    clerk.paper.receive(meet.event_id, judge)
    bad = _sheet(meet) | {(meet.entries[0], "P3"): D(5), (meet.entries[1], "P2"): D("20.2")}
    with pytest.raises(Blocked) as error:
        clerk.paper.key(meet.event_id, judge, bad)
    assert sorted(r.code for r in error.value.reasons) == ["mark_off_step", "mark_out_of_range"]
    assert services.paper.sheets(meet.event_id)[1].status is SheetStatus.RECEIVED


def test_mismatches_are_listed_cell_by_cell(services: Services) -> None:
    meet, clerks, sheet_id = _keyed(services)
    found = clerks[2].paper.mismatches(sheet_id)
    assert [(m.registration_id, m.criterion_key, m.first, m.second) for m in found] == sorted(
        [(meet.entries[0], "P2", D(20), D(2)), (meet.entries[2], "P3", D(2), None)]
    )
    with pytest.raises(UserError) as error:
        clerks[2].paper.confirm(sheet_id)
    assert (error.value.code, error.value.params) == ("sheet_mismatches", {"count": 2})


def test_mismatches_are_resolved_by_a_third_person(services: Services) -> None:
    meet, clerks, sheet_id = _keyed(services)
    cell = (meet.entries[0], "P2")
    with pytest.raises(UserError, match="sheet_own_entry"):
        clerks[0].paper.resolve(sheet_id, cell, D(20))
    with pytest.raises(UserError, match="sheet_cell_not_mismatched"):
        clerks[2].paper.resolve(sheet_id, (meet.entries[1], "P2"), D(21))
    with pytest.raises(UserError, match="mark_out_of_range"):
        clerks[2].paper.resolve(sheet_id, cell, D(31))
    resolved = clerks[2].paper.resolve(sheet_id, cell, D(20))
    assert (resolved.resolved, resolved.resolution) == (True, D(20))
    assert services.paper.sheets(meet.event_id)[1].mismatches == 1


def test_nobody_confirms_their_own_entry(services: Services) -> None:
    meet, clerks, sheet_id = _keyed(services)
    clerks[2].paper.resolve(sheet_id, (meet.entries[0], "P2"), D(20))
    clerks[2].paper.resolve(sheet_id, (meet.entries[2], "P3"), D(2))
    for keyer in clerks[:2]:
        with pytest.raises(UserError, match="sheet_own_entry"):
            keyer.paper.confirm(sheet_id)
    assert clerks[2].paper.confirm(sheet_id).status is SheetStatus.CONFIRMED


def test_confirmation_turns_the_sheet_into_the_judges_marks(services: Services) -> None:
    meet, clerks, sheet_id = _keyed(services)
    clerks[2].paper.resolve(sheet_id, (meet.entries[0], "P2"), D(20))
    clerks[2].paper.resolve(sheet_id, (meet.entries[2], "P3"), D(2))
    clerks[2].paper.confirm(sheet_id)
    with services.db.reading() as session:
        marks = session.execute(
            select(Mark.registration_id, Mark.judge_id, Mark.value, Mark.source)
        ).all()
        kinds = set(session.scalars(select(MarkChange.kind)))
    assert sorted((r, v) for r, _, v, _ in marks) == sorted(
        (cell[0], value) for cell, value in _sheet(meet).items()
    )
    assert {(j, s) for _, j, _, s in marks} == {(meet.judge_id(1), MarkSource.PAPER)}
    assert kinds == {ChangeKind.ENTRY}
    assert meet.judges[1].marks.judge_events()[0].submission is Sub.SUBMITTED
    assert meet.judges[1].marks.grid(meet.event_id).read_only


def test_the_chief_judge_signs_a_confirmed_sheet(services: Services) -> None:
    meet, clerks, sheet_id = _keyed(services)
    with pytest.raises(UserError, match="sheet_wrong_status"):
        meet.chief.paper.sign(sheet_id)
    clerks[2].paper.resolve(sheet_id, (meet.entries[0], "P2"), D(20))
    clerks[2].paper.resolve(sheet_id, (meet.entries[2], "P3"), D(2))
    clerks[2].paper.confirm(sheet_id)
    with pytest.raises(UserError, match="chief_judge_required"):
        clerks[2].paper.sign(sheet_id)
    assert meet.chief.paper.sign(sheet_id).status is SheetStatus.SIGNED


def test_judges_do_not_key_sheets(services: Services) -> None:
    meet = scoring(services)
    with pytest.raises(PermissionDenied):
        meet.judges[1].paper.receive(meet.event_id, meet.judge_id(1))
