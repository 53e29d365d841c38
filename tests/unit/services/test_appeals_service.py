"""Appeals (申诉): filed, re-marked with a reason, ruled on; 已定 waits for every ruling."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from skillsapp.app import Services
from skillsapp.domain.marks import AppealStatus, ChangeKind, JudgeSubmission, MarkChange
from skillsapp.errors import Blocked, UserError
from skillsapp.services.audit import AuditFilter
from tests.unit.services.test_results_helpers import AFTER_REVIEW, review_sheets, worked_example


def _rows(services: Services, event_id: int) -> dict[str, tuple[int | None, str, str | None]]:
    view = services.results.event_results(event_id)
    return {r.name: (r.rank, r.total, r.award) for r in view.rows}


def test_an_upheld_appeal_remark_changes_the_result_and_keeps_the_history(
    services: Services,
) -> None:
    example = worked_example(services)
    services.results.publish(example.competition_id)
    reg = example.registrations["张伟"]
    appeal = services.appeals.file(reg, "实操测量项漏计", "焦作电厂领队")
    remark = services.appeals.remark(
        appeal.id, example.judges[0], "P1", Decimal(39), "复核测量记录"
    )
    decided = services.appeals.decide(appeal.id, True, "申诉成立，测量项改为39分")
    assert (remark.old, remark.new, remark.reason) == (Decimal(34), Decimal(39), "复核测量记录")
    assert decided.status is AppealStatus.UPHELD and decided.decided_at is not None
    # practical 80.25 → total 0.3 × 80 + 0.7 × 80.25 = 80.175 → 80.18
    assert _rows(services, example.event_id)["张伟"] == (5, "80.18", "三等奖")
    with services.db.reading() as session:
        [change] = session.scalars(select(MarkChange)).all()
    assert (change.kind, change.old_value, change.new_value) == (
        ChangeKind.APPEAL, Decimal(34), Decimal(39),
    )  # fmt: skip
    assert change.changed_by == services.actor.user_id and change.reason == "复核测量记录"
    assert services.audit.entries(AuditFilter(entity="mark", action="remark"))


def test_final_is_refused_while_an_appeal_is_open(services: Services) -> None:
    example = worked_example(services)
    services.results.publish(example.competition_id)
    appeal = services.appeals.file(example.registrations["杨磊"], "名次有误", "杨磊")
    with pytest.raises(Blocked) as error:
        services.results.finalize(example.competition_id, today=AFTER_REVIEW)
    assert [(r.code, r.params) for r in error.value.reasons] == [("appeals_open", {"count": 1})]
    services.appeals.decide(appeal.id, False, "经复核，评分无误")
    assert services.results.finalize(example.competition_id, today=AFTER_REVIEW).status.value == (
        "final"
    )


def test_a_remark_needs_a_reason(services: Services) -> None:
    example = worked_example(services)
    appeal = services.appeals.file(example.registrations["杨磊"], "评分过低", "杨磊")
    with pytest.raises(UserError, match="reason_missing"):
        services.appeals.remark(appeal.id, example.judges[1], "P2", Decimal(17), "  ")


def test_a_remark_outside_the_criterion_range_is_refused(services: Services) -> None:
    example = worked_example(services)
    appeal = services.appeals.file(example.registrations["杨磊"], "评分过低", "杨磊")
    with pytest.raises(UserError, match="mark_out_of_range"):
        services.appeals.remark(appeal.id, example.judges[1], "P2", Decimal(31), "复评")


def test_an_appeal_needs_its_text(services: Services) -> None:
    example = worked_example(services)
    with pytest.raises(UserError, match="appeal_text_required"):
        services.appeals.file(example.registrations["杨磊"], " ", "杨磊")


def test_a_ruled_appeal_cannot_be_ruled_again_or_remarked(services: Services) -> None:
    example = worked_example(services)
    appeal = services.appeals.file(example.registrations["杨磊"], "评分过低", "杨磊")
    services.appeals.decide(appeal.id, False, "评分无误")
    with pytest.raises(UserError, match="appeal_closed"):
        services.appeals.decide(appeal.id, True, "改判")
    with pytest.raises(UserError, match="appeal_closed"):
        services.appeals.remark(appeal.id, example.judges[1], "P2", Decimal(17), "复评")


def test_an_appeal_after_the_deadline_is_recorded_and_flagged_late(services: Services) -> None:
    example = worked_example(services)
    review_sheets(services, example)
    with services.db.transaction() as session:
        for sheet in session.scalars(select(JudgeSubmission)):
            sheet.submitted_at = dt.datetime.now(dt.UTC) - dt.timedelta(hours=3)
    appeal = services.appeals.file(example.registrations["杨磊"], "评分过低", "杨磊")
    assert appeal.late and appeal.deadline is not None
    assert [a.id for a in services.appeals.appeals(example.competition_id)] == [appeal.id]


def test_an_appeal_within_the_deadline_is_not_late(services: Services) -> None:
    example = worked_example(services)
    review_sheets(services, example)
    appeal = services.appeals.file(example.registrations["杨磊"], "评分过低", "杨磊")
    assert not appeal.late
    assert appeal.deadline is not None and appeal.deadline > appeal.filed_at


def test_a_judge_who_is_not_the_chief_cannot_remark(services: Services) -> None:
    example = worked_example(services)
    appeal = services.appeals.file(example.registrations["杨磊"], "评分过低", "杨磊")
    judge = services.as_actor(services.accounts.login("judge2", "pass1234"))
    with pytest.raises(UserError, match="chief_judge_required"):
        judge.appeals.remark(appeal.id, example.judges[1], "P2", Decimal(17), "复评")


def test_the_chief_judge_may_remark(services: Services) -> None:
    example = worked_example(services)
    appeal = services.appeals.file(example.registrations["杨磊"], "评分过低", "杨磊")
    chief = services.as_actor(services.accounts.login("judge1", "pass1234"))
    row = chief.appeals.remark(appeal.id, example.judges[1], "P2", Decimal(17), "复评")
    assert (row.old, row.new, row.who) == (Decimal(16), Decimal(17), "judge1")
