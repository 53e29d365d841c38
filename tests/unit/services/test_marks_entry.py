"""Judge mode: the judge's events, the entry grid, saving one mark, sign-off."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from skillsapp.app import Services, open_services
from skillsapp.domain.marks import ChangeKind, Mark, MarkChange, MarkSource, SubmissionStatus
from skillsapp.errors import Conflict, PermissionDenied, UserError
from skillsapp.services.audit import AuditFilter
from skillsapp.services.scoring.marks import CellState
from tests.unit.services.test_marks_helpers import D, Scoring, fill, scoring

GRID_ONLY = "P2"


def _marks(services: Services) -> int:
    with services.db.reading() as session:
        return session.scalar(select(func.count(Mark.id))) or 0


def _cell(meet: Scoring, judge: int, entry: int, key: str) -> tuple[Decimal | None, CellState]:
    grid = meet.judges[judge].marks.grid(meet.event_id)
    row = next(r for r in grid.rows if r.registration_id == meet.entries[entry])
    cell = next(c for c in row.cells if c.criterion_key == key)
    return cell.value, cell.state


def test_a_judge_sees_only_the_events_assigned_to_them(services: Services) -> None:
    first = scoring(services)
    other = scoring(services, code="C2", name="钳工")
    rows = first.judges[1].marks.judge_events()
    assert [(r.event_id, r.chief, r.submission) for r in rows] == [
        (first.event_id, False, SubmissionStatus.OPEN)
    ]
    with pytest.raises(UserError, match="judge_not_assigned"):
        first.judges[1].marks.grid(other.event_id)


@pytest.mark.parametrize(
    ("key", "value", "top"),
    [
        ("P2", D("30.5"), "30"),  # above 配分
        ("P2", D(-1), "30"),
        ("P3", D(4), "3"),  # WorldSkills: 0–3, not 0–30
        ("P1", D("40.5"), "40"),  # a deduction never exceeds the item's 配分
    ],
)
def test_a_mark_out_of_range_is_refused_with_the_limits_and_nothing_written(
    services: Services, key: str, value: Decimal, top: str
) -> None:
    meet = scoring(services)
    with pytest.raises(UserError) as error:
        meet.chief.marks.save_mark(meet.event_id, meet.entries[0], key, value)
    assert error.value.code == "mark_out_of_range"
    assert (error.value.params["min"], error.value.params["max"]) == ("0", top)
    assert _marks(services) == 0


@pytest.mark.parametrize(
    ("key", "value", "step"), [("P2", D("25.3"), "0.5"), ("P3", D("1.5"), "1")]
)
def test_a_mark_off_the_step_is_refused_with_the_step(
    services: Services, key: str, value: Decimal, step: str
) -> None:
    meet = scoring(services)
    with pytest.raises(UserError) as error:
        meet.chief.marks.save_mark(meet.event_id, meet.entries[0], key, value)
    assert (error.value.code, error.value.params["step"]) == ("mark_off_step", step)
    assert _marks(services) == 0


def test_more_than_four_decimals_are_refused(services: Services) -> None:
    meet = scoring(services)
    with pytest.raises(UserError, match="mark_too_precise"):
        meet.chief.marks.save_mark(meet.event_id, meet.entries[0], "T1", D("80.00001"))


def test_an_accepted_mark_is_committed_at_once(services: Services) -> None:
    meet = scoring(services)
    cell = meet.chief.marks.save_mark(meet.event_id, meet.entries[0], "P2", D("25.5"))
    assert (cell.value, cell.state, cell.version) == (D("25.5"), CellState.SAVED, 1)
    url = services.db.url.render_as_string(hide_password=False)
    other = open_services(url).as_actor(meet.chief.actor)  # another program on the same file
    try:
        grid = other.marks.grid(meet.event_id)
    finally:
        other.db.close()
    assert grid.rows[0].cells[2].value == D("25.5")


def test_each_change_keeps_its_history_and_is_audited(services: Services) -> None:
    meet = scoring(services)
    marks = meet.chief.marks
    marks.save_mark(meet.event_id, meet.entries[0], "P2", D(20))
    marks.save_mark(meet.event_id, meet.entries[0], "P2", D(22))
    with services.db.reading() as session:
        history = session.execute(
            select(MarkChange.old_value, MarkChange.new_value, MarkChange.kind).order_by(
                MarkChange.id
            )
        ).all()
        source = session.scalar(select(Mark.source))
    assert [(o, n, k) for o, n, k in history] == [
        (None, D(20), ChangeKind.ENTRY),
        (D(20), D(22), ChangeKind.ENTRY),
    ]
    assert source is MarkSource.GRID
    entries = services.audit.entries(AuditFilter(entity="mark"))
    assert [e.action for e in entries] == ["update", "create"]


def test_an_unknown_criterion_is_refused(services: Services) -> None:
    meet = scoring(services)
    with pytest.raises(UserError, match="criterion_unknown"):
        meet.chief.marks.save_mark(meet.event_id, meet.entries[0], "X9", D(1))


def test_a_judge_of_another_event_is_refused(services: Services) -> None:
    meet = scoring(services)
    other = scoring(services, code="C2", name="钳工")
    with pytest.raises(UserError, match="judge_not_assigned"):
        other.chief.marks.save_mark(meet.event_id, meet.entries[0], "P2", D(20))
    with pytest.raises(UserError, match="registration_not_in_event"):
        meet.chief.marks.save_mark(meet.event_id, other.entries[0], "P2", D(20))
    assert _marks(services) == 0


def test_an_account_without_a_user_cannot_mark(services: Services) -> None:
    meet = scoring(services)
    from skillsapp.services.context import Actor

    with pytest.raises(PermissionDenied):
        services.as_actor(Actor.cli_owner()).marks.save_mark(
            meet.event_id, meet.entries[0], "P2", D(20)
        )


def test_a_blocked_judge_neither_sees_nor_marks_the_contestant(services: Services) -> None:
    meet = scoring(services)
    services.judges.block(meet.event_id, meet.judge_id(1), meet.entries[1])
    with pytest.raises(UserError, match="judge_blocked"):
        meet.judges[1].marks.save_mark(meet.event_id, meet.entries[1], "P2", D(20))
    row = meet.judges[1].marks.grid(meet.event_id).rows[1]
    assert row.blocked and not any(c.editable for c in row.cells)


def test_the_grid_lists_contestants_in_start_order_by_bib_with_names(services: Services) -> None:
    meet = scoring(services)
    grid = meet.judges[1].marks.grid(meet.event_id)
    assert [r.registration_id for r in grid.rows] == list(meet.entries)
    assert [r.code for r in grid.rows] == ["01001", "01002", "01003"]
    assert [r.name for r in grid.rows] == list(meet.names)
    assert [(c.key, c.entry_max, c.deduction) for c in grid.columns] == [
        ("T1", D(100), False),
        ("P1", D(40), True),
        ("P2", D(30), False),
        ("P3", D(3), False),
    ]


def test_a_blind_grid_shows_codes_and_never_names_or_units(services: Services) -> None:
    meet = scoring(services, blind=True)
    grid = meet.judges[1].marks.grid(meet.event_id)
    assert all(len(r.code) == 6 and r.code.isdigit() for r in grid.rows)
    text = repr(grid) + repr(meet.judges[1].marks.judge_events())
    assert not any(name in text for name in meet.names)
    assert "C1单位" not in text
    assert "01001" not in text  # not the bib either


def test_a_measurement_item_is_marked_once_and_others_see_it_read_only(
    services: Services,
) -> None:
    meet = scoring(services)
    meet.judges[1].marks.save_mark(meet.event_id, meet.entries[0], "T1", D(70))
    with pytest.raises(UserError, match="mark_held_by_other"):
        meet.chief.marks.save_mark(meet.event_id, meet.entries[0], "T1", D(71))
    cell = meet.chief.marks.grid(meet.event_id).rows[0].cells[0]
    assert (cell.value, cell.editable, cell.held_by_other) == (D(70), False, True)


def test_a_mark_can_be_cleared_before_sign_off(services: Services) -> None:
    meet = scoring(services)
    meet.chief.marks.save_mark(meet.event_id, meet.entries[0], "P2", D(20))
    cell = meet.chief.marks.save_mark(meet.event_id, meet.entries[0], "P2", None)
    assert (cell.value, cell.state) == (None, CellState.EMPTY)
    assert _marks(services) == 0
    assert services.audit.entries(AuditFilter(entity="mark"))[0].action == "delete"


def test_a_stale_version_is_a_conflict(services: Services) -> None:
    meet = scoring(services)
    first = meet.chief.marks.save_mark(meet.event_id, meet.entries[0], "P2", D(20))
    meet.chief.marks.save_mark(meet.event_id, meet.entries[0], "P2", D(21), expected_version=1)
    with pytest.raises(Conflict):
        meet.chief.marks.save_mark(
            meet.event_id, meet.entries[0], "P2", D(22), expected_version=first.version
        )


def test_submission_is_refused_while_cells_are_empty(services: Services) -> None:
    meet = scoring(services)
    meet.judges[1].marks.save_mark(meet.event_id, meet.entries[0], "P2", D(20))
    with pytest.raises(UserError) as error:
        meet.judges[1].marks.submit(meet.event_id)
    assert (error.value.code, error.value.params) == ("marks_missing", {"count": 5})
    fill(meet, 1, measured=False)
    with pytest.raises(UserError) as error:
        meet.chief.marks.submit(meet.event_id)
    assert error.value.params == {"count": 12}  # 3 × T1, P1 (the chief answers for them), P2, P3


def test_a_submitted_grid_is_read_only(services: Services) -> None:
    meet = scoring(services)
    fill(meet, 1, measured=False)
    row = meet.judges[1].marks.submit(meet.event_id)
    assert row.status is SubmissionStatus.SUBMITTED
    grid = meet.judges[1].marks.grid(meet.event_id)
    assert grid.read_only and not any(c.editable for r in grid.rows for c in r.cells)
    with pytest.raises(UserError, match="mark_submitted"):
        meet.judges[1].marks.save_mark(meet.event_id, meet.entries[0], "P2", D(1))
    with pytest.raises(UserError, match="marks_already_submitted"):
        meet.judges[1].marks.submit(meet.event_id)
    assert meet.judges[1].marks.judge_events()[0].submission is SubmissionStatus.SUBMITTED


def test_time_used_and_disqualification_are_for_the_chief_judge(services: Services) -> None:
    meet = scoring(services)
    entry = meet.entries[0]
    assert meet.chief.marks.set_time_used(entry, D(52)).time_used == D(52)
    with pytest.raises(UserError, match="chief_judge_required"):
        meet.judges[1].marks.disqualify(entry, "超时10分钟以上")
    with pytest.raises(UserError, match="reason_missing"):
        meet.chief.marks.disqualify(entry, " ")
    row = meet.chief.marks.disqualify(entry, "超时10分钟以上")
    assert (row.disqualified, row.reason, row.time_used) == (True, "超时10分钟以上", D(52))
    assert not services.marks.reinstate(entry).disqualified  # an organizer may too
    with pytest.raises(UserError, match="value_negative"):
        meet.chief.marks.set_time_used(entry, D(-1))
