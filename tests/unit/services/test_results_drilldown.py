"""A contestant's drill-down: every criterion, every judge's mark, its history."""

from __future__ import annotations

from decimal import Decimal

import pytest

from skillsapp.app import Services
from skillsapp.domain.marks import ChangeKind
from skillsapp.errors import PermissionDenied
from tests.conftest import as_role
from tests.unit.services.test_results_helpers import put_marks, worked_example


def test_the_drilldown_lists_every_criterion_and_judge_with_the_dropped_marks(
    services: Services,
) -> None:
    example = worked_example(services)
    drill = services.results.drilldown(example.registrations["王建国"])
    assert (drill.name, drill.rank, drill.total, drill.award) == ("王建国", 2, "84.83", "二等奖")
    assert drill.components == (("理论", "86.00"), ("实操", "84.33"))
    assert drill.time_used == Decimal(52)
    by_key = {c.key: c for c in drill.criteria}
    assert list(by_key) == ["T1", "P1", "P2", "P3"]
    p2 = by_key["P2"]
    assert [j.value for j in p2.judges] == [Decimal(v) for v in ("25", "27", "26", "28", "20")]
    assert [j.dropped for j in p2.judges] == [None, None, None, "high", "low"]
    assert [j.judge for j in p2.judges] == ["judge1", "judge2", "judge3", "judge4", "judge5"]
    assert p2.mark == "26.00"
    assert [len(c.judges) for c in drill.criteria] == [1, 1, 5, 5]


def test_the_drilldown_shows_a_missing_mark_as_owed(services: Services) -> None:
    example = worked_example(services, marks=False)
    put_marks(services, example, skip=("张伟", "P3", 2))
    drill = services.results.drilldown(example.registrations["张伟"])
    [p3] = [c for c in drill.criteria if c.key == "P3"]
    owed = [j for j in p3.judges if j.value is None]
    assert [(j.judge_id, j.history) for j in owed] == [(example.judges[2], ())]


def test_the_drilldown_shows_each_change_with_old_new_who_when_and_why(
    services: Services,
) -> None:
    example = worked_example(services)
    reg = example.registrations["杨磊"]
    appeal = services.appeals.file(reg, "实操第二项评分过低", "杨磊")
    services.appeals.remark(appeal.id, example.judges[1], "P2", Decimal(17), "复看录像，工艺达标")
    drill = services.results.drilldown(reg)
    [p2] = [c for c in drill.criteria if c.key == "P2"]
    [change] = p2.judges[1].history
    assert (change.kind, change.old, change.new) == (ChangeKind.APPEAL, Decimal(16), Decimal(17))
    assert (change.who, change.reason) == ("管理员", "复看录像，工艺达标")
    assert change.at is not None


def test_a_judge_who_is_not_the_chief_cannot_open_the_drilldown(services: Services) -> None:
    example = worked_example(services)
    judge = services.as_actor(services.accounts.login("judge2", "pass1234"))
    with pytest.raises(PermissionDenied):
        judge.results.drilldown(example.registrations["王建国"])


def test_the_chief_judge_may_open_the_results_of_the_event(services: Services) -> None:
    example = worked_example(services)
    chief = services.as_actor(services.accounts.login("judge1", "pass1234"))
    assert chief.results.event_results(example.event_id).rows[0].name == "李秀英"


def test_a_clerk_may_view_results(services: Services) -> None:
    example = worked_example(services)
    clerk = as_role(services, "clerk", "clerk")
    assert len(clerk.results.event_results(example.event_id).rows) == 6
