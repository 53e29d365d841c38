"""复核更正: a mark of an entry in the re-check sample corrected in writing by the chief
judge (or an organizer), with the reason, kept in the mark's history; the entry then
counts as having an error and the results follow the corrected mark."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from skillsapp.app import Services
from skillsapp.domain.competitions import Competition, CompetitionStatus
from skillsapp.domain.marks import ChangeKind, Mark, MarkChange
from skillsapp.errors import NotFound, UserError
from skillsapp.services.audit import AuditFilter
from skillsapp.services.scoring.recheck import RecheckItemRow
from tests.unit.services.test_marks_helpers import D, Scoring, scoring, submit_all

REASON = "依据签字评分表第3页"


def _sampled(services: Services) -> tuple[Scoring, list[RecheckItemRow]]:
    """Four entries marked by two judges (FULL marks), the sample drawn: all four."""
    meet = scoring(services, entrants=4, judges=2)
    submit_all(meet)
    return meet, list(meet.chief.recheck.draw_sample(meet.event_id, seed=3).items)


def _total(services: Services, event_id: int, registration_id: int) -> str:
    rows = services.results.event_results(event_id).rows
    return next(r.total for r in rows if r.registration_id == registration_id)


def _set_status(services: Services, competition_id: int, status: CompetitionStatus) -> None:
    with services.db.transaction() as session:
        found = session.get(Competition, competition_id)
        assert found is not None
        found.status = status


def test_the_chief_judge_corrects_a_mark_in_writing(services: Services) -> None:
    meet, items = _sampled(services)
    item = items[0]
    before = _total(services, meet.event_id, item.registration_id)
    row = meet.chief.recheck.correct(item.item_id, meet.judge_id(1), "P2", D(27), f" {REASON} ")
    assert (row.criterion, row.judge_id, row.old, row.new) == ("P2", meet.judge_id(1), 25, 27)
    assert (row.reason, row.who) == (REASON, "c1judge1")
    assert (row.item.checked, row.item.error_found, row.item.note) == (True, True, REASON)
    assert _total(services, meet.event_id, item.registration_id) != before
    with services.db.reading() as session:
        [change] = session.scalars(select(MarkChange).where(MarkChange.kind == ChangeKind.RECHECK))
        mark = session.get(Mark, change.mark_id)
        assert mark is not None and mark.corrected and mark.value == D(27)
    assert (change.old_value, change.new_value, change.reason) == (D(25), D(27), REASON)
    assert change.changed_by == meet.chief.actor.user_id
    [entry] = services.audit.entries(AuditFilter(entity="mark", action="recheck_correct"))
    assert entry.reason == REASON and entry.old_values == {"value": "25"}
    status = meet.chief.recheck.status(meet.event_id)
    assert (status.checked, status.errors) == (1, 1)


def test_the_mark_history_shows_the_recheck_correction_with_its_reason(
    services: Services,
) -> None:
    meet, items = _sampled(services)
    services.recheck.correct(items[1].item_id, meet.judge_id(0), "P3", D(3), REASON)
    found = services.results.drilldown(items[1].registration_id)
    [p3] = [c for c in found.criteria if c.key == "P3"]
    [judge] = [j for j in p3.judges if j.judge_id == meet.judge_id(0)]
    assert [(c.kind, c.old, c.new, c.reason) for c in judge.history][-1] == (
        ChangeKind.RECHECK, D(2), D(3), REASON,
    )  # fmt: skip


def test_an_entry_already_checked_with_an_error_keeps_its_note(services: Services) -> None:
    meet, items = _sampled(services)
    meet.chief.recheck.record_check(items[2].item_id, error_found=True, note="P1 误记")
    row = services.recheck.correct(items[2].item_id, meet.judge_id(0), "P1", D("5.5"), REASON)
    assert (row.item.error_found, row.item.note) == (True, "P1 误记")
    assert meet.chief.recheck.status(meet.event_id).errors == 1


def test_the_correction_lists_the_entrys_marks(services: Services) -> None:
    meet, items = _sampled(services)
    marks = meet.chief.recheck.marks(items[0].item_id)
    assert [(m.criterion, m.judge, m.value) for m in marks] == [
        ("T1", "c1judge1", D(80)),
        ("P1", "c1judge1", D(5)),
        ("P2", "c1judge1", D(25)),
        ("P2", "c1judge2", D(25)),
        ("P3", "c1judge1", D(2)),
        ("P3", "c1judge2", D(2)),
    ]


def test_only_an_entry_of_the_drawn_sample_is_corrected(services: Services) -> None:
    meet, items = _sampled(services)
    unknown = max(i.item_id for i in items) + 100
    with pytest.raises(NotFound) as error:
        meet.chief.recheck.correct(unknown, meet.judge_id(0), "P2", D(20), REASON)
    assert error.value.params == {"entity": "recheck_item", "id": unknown}


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (CompetitionStatus.REGISTRATION, "competition_wrong_status"),
        (CompetitionStatus.FINAL, "competition_locked"),
    ],
)
def test_a_correction_waits_for_scoring_or_review(
    services: Services, status: CompetitionStatus, code: str
) -> None:
    meet, items = _sampled(services)
    _set_status(services, meet.competition_id, status)
    with pytest.raises(UserError, match=code):
        meet.chief.recheck.correct(items[0].item_id, meet.judge_id(0), "P2", D(20), REASON)
    with services.db.reading() as session:
        assert session.scalars(select(MarkChange).where(MarkChange.kind == "recheck")).all() == []


def test_a_judge_who_is_not_the_chief_cannot_correct(services: Services) -> None:
    meet, items = _sampled(services)
    with pytest.raises(UserError, match="chief_judge_required"):
        meet.judges[1].recheck.correct(items[0].item_id, meet.judge_id(1), "P2", D(20), REASON)


def test_a_correction_needs_a_reason(services: Services) -> None:
    meet, items = _sampled(services)
    with pytest.raises(UserError, match="reason_missing"):
        meet.chief.recheck.correct(items[0].item_id, meet.judge_id(0), "P2", D(20), " \n ")
    assert meet.chief.recheck.status(meet.event_id).checked == 0


@pytest.mark.parametrize(
    ("key", "value", "code"),
    [
        ("P2", D(31), "mark_out_of_range"),
        ("P3", D(4), "mark_out_of_range"),
        ("P2", D("20.3"), "mark_off_step"),
        ("X9", D(1), "criterion_unknown"),
        ("P2", D(25), "recheck_value_unchanged"),
    ],
)
def test_a_correction_is_refused_a_value_it_cannot_take(
    services: Services, key: str, value: Decimal, code: str
) -> None:
    meet, items = _sampled(services)
    with pytest.raises(UserError, match=code):
        meet.chief.recheck.correct(items[0].item_id, meet.judge_id(0), key, value, REASON)


def test_a_correction_changes_an_existing_mark_of_a_panel_judge(services: Services) -> None:
    meet, items = _sampled(services)
    with pytest.raises(UserError, match="recheck_mark_missing"):  # T1 is measured by judge 1
        meet.chief.recheck.correct(items[0].item_id, meet.judge_id(1), "T1", D(70), REASON)
    outsider = services.actor.user_id
    assert outsider is not None
    with pytest.raises(UserError, match="judge_not_assigned"):
        meet.chief.recheck.correct(items[0].item_id, outsider, "P2", D(20), REASON)
