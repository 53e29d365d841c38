"""The chief judge's review: marks side by side, returns for correction, sign-off."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from skillsapp.app import Services
from skillsapp.domain.competitions import Competition
from skillsapp.domain.marks import ChangeKind, MarkChange, SubmissionStatus
from skillsapp.errors import UserError
from skillsapp.services.audit import AuditFilter
from skillsapp.services.scoring.marks import CellState, missing_marks_count
from tests.unit.services.test_marks_helpers import FULL, D, Scoring, fill, scoring

WIDE = {**FULL, "P2": D(18), "P3": D(0)}  # 7 below the chief on P2 (limit 6), 2 on P3 (1)


def _judged(services: Services) -> Scoring:
    """Both judges have marked and signed off; the second differs widely."""
    meet = scoring(services)
    fill(meet, 0)
    fill(meet, 1, WIDE, measured=False)
    meet.chief.marks.submit(meet.event_id)
    meet.judges[1].marks.submit(meet.event_id)
    return meet


def _state(meet: Scoring, judge: int, key: str) -> CellState:
    row = meet.judges[judge].marks.grid(meet.event_id).rows[0]
    return next(c.state for c in row.cells if c.criterion_key == key)


def test_the_panel_shows_all_judges_side_by_side_and_flags_the_spread(services: Services) -> None:
    meet = _judged(services)
    panel = meet.chief.marks.panel(meet.event_id)
    assert [(j.user_id, j.chief) for j in panel.judges] == [
        (meet.judge_id(0), True),
        (meet.judge_id(1), False),
    ]
    t1, _, p2, p3 = panel.rows[0].cells
    assert (t1.values, t1.spread, t1.over_limit) == ((D(80), None), None, False)
    assert (p2.values, p2.spread, p2.limit, p2.over_limit) == ((D(25), D(18)), D(7), D(6), True)
    assert (p3.values, p3.spread, p3.limit, p3.over_limit) == ((D(2), D(0)), D(2), D(1), True)
    assert panel.rows[0].name == meet.names[0]


def test_only_the_chief_judge_or_an_organizer_sees_the_panel(services: Services) -> None:
    meet = _judged(services)
    with pytest.raises(UserError, match="chief_judge_required"):
        meet.judges[1].marks.panel(meet.event_id)
    assert len(services.marks.panel(meet.event_id).rows) == 3


def test_a_blind_panel_has_codes_only(services: Services) -> None:
    meet = scoring(services, blind=True)
    panel = meet.chief.marks.panel(meet.event_id)
    assert not any(name in repr(panel) for name in meet.names)


def test_cells_beyond_the_spread_are_flagged_after_submission_only(services: Services) -> None:
    meet = scoring(services)
    fill(meet, 0)
    fill(meet, 1, WIDE, measured=False)
    assert _state(meet, 1, "P2") is CellState.SAVED
    meet.judges[1].marks.submit(meet.event_id)
    assert _state(meet, 1, "P2") is CellState.OUT_OF_SPREAD
    assert _state(meet, 1, "P3") is CellState.OUT_OF_SPREAD


def test_a_return_needs_a_reason_and_opens_the_grid_again(services: Services) -> None:
    meet = _judged(services)
    judge = meet.judge_id(1)
    with pytest.raises(UserError, match="reason_missing"):
        meet.chief.marks.return_marks(meet.event_id, judge, "  ")
    with pytest.raises(UserError, match="chief_judge_required"):
        meet.judges[1].marks.return_marks(meet.event_id, judge, "分差过大")
    row = meet.chief.marks.return_marks(meet.event_id, judge, "P2、P3 分差过大，请复评")
    assert (row.status, row.return_reason) == (SubmissionStatus.RETURNED, "P2、P3 分差过大，请复评")
    grid = meet.judges[1].marks.grid(meet.event_id)
    assert not grid.read_only and grid.return_reason == row.return_reason
    assert [e.reason for e in services.audit.entries(AuditFilter(action="return"))] == [
        row.return_reason
    ]
    with pytest.raises(UserError, match="marks_not_submitted"):
        meet.chief.marks.return_marks(meet.event_id, judge, "再次")


def test_changes_after_a_return_are_corrections_with_history(services: Services) -> None:
    meet = _judged(services)
    meet.chief.marks.return_marks(meet.event_id, meet.judge_id(1), "分差过大")
    marks, entry = meet.judges[1].marks, meet.entries[0]
    assert _state(meet, 1, "P3") is CellState.OUT_OF_SPREAD
    assert marks.save_mark(meet.event_id, entry, "P2", D(22)).state is CellState.CORRECTED
    assert marks.save_mark(meet.event_id, entry, "P3", D(0)).state is CellState.OUT_OF_SPREAD
    assert marks.save_mark(meet.event_id, entry, "P3", D(1)).state is CellState.CORRECTED
    with pytest.raises(UserError, match="mark_cannot_clear"):
        marks.save_mark(meet.event_id, entry, "P2", None)
    marks.submit(meet.event_id)
    assert _state(meet, 1, "P2") is CellState.CORRECTED
    with services.db.reading() as session:
        kinds = session.execute(
            select(MarkChange.old_value, MarkChange.new_value).where(
                MarkChange.kind == ChangeKind.CORRECTION
            )
        ).all()
    assert [(o, n) for o, n in kinds] == [(D(18), D(22)), (D(0), D(1))]


def test_the_review_needs_every_judge_signed_off(services: Services) -> None:
    meet = scoring(services)
    fill(meet, 0)
    meet.chief.marks.submit(meet.event_id)
    with pytest.raises(UserError) as error:
        meet.chief.marks.review_done(meet.event_id)
    assert (error.value.code, error.value.params) == ("judges_not_submitted", {"count": 1})


def test_the_review_is_recorded_and_a_later_return_voids_it(services: Services) -> None:
    meet = _judged(services)
    rows = meet.chief.marks.review_done(meet.event_id)
    assert all(r.chief_reviewed_at is not None for r in rows)
    assert meet.chief.marks.panel(meet.event_id).reviewed
    meet.chief.marks.return_marks(meet.event_id, meet.judge_id(1), "复核发现错误")
    assert not meet.chief.marks.panel(meet.event_id).reviewed


def test_missing_marks_are_listed_by_cell_and_counted_per_competition(services: Services) -> None:
    meet = scoring(services)
    fill(meet, 0)
    missing = meet.chief.marks.missing_marks(meet.event_id)
    assert {(m.criterion_key, m.judge_id) for m in missing} == {
        ("P2", meet.judge_id(1)),
        ("P3", meet.judge_id(1)),
    }
    assert [m.code for m in missing[:2]] == ["01001", "01001"]
    with services.db.reading() as session:
        competition = session.get(Competition, meet.competition_id)
        assert competition is not None
        assert missing_marks_count(session, competition) == 6


def test_a_blocked_pair_is_not_missing(services: Services) -> None:
    meet = scoring(services)
    services.judges.block(meet.event_id, meet.judge_id(1), meet.entries[0])
    fill(meet, 0)
    fill(meet, 1, measured=False)
    assert meet.chief.marks.missing_marks(meet.event_id) == []
    assert meet.judges[1].marks.submit(meet.event_id).status is SubmissionStatus.SUBMITTED
