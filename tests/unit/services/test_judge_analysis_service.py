"""Judges' severity: how far each judge sits from the panel, and how often dropped."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from skillsapp.app import Services
from skillsapp.domain.marks import Mark
from skillsapp.errors import PermissionDenied
from tests.unit.services.test_results_helpers import Example, worked_example

D = Decimal
OFFSETS = (D(0), D("0.5"), D(1), D("0.5"))  # judges 1–4 around each contestant's level
HARSH = D(-3)  # judge 5: always 3 points below the others' level


def _marks_with_a_harsh_judge(services: Services, example: Example) -> None:
    with services.db.transaction() as session:
        for n, reg in enumerate(example.registrations.values()):
            level = D(20) + n
            for key in ("P2", "P3"):
                for judge, offset in zip(example.judges, (*OFFSETS, HARSH), strict=True):
                    session.add(_mark(example, reg, key, judge, level + offset))
            for key in ("T1", "P1"):
                session.add(_mark(example, reg, key, example.judges[0], D(30)))


def _mark(example: Example, reg: int, key: str, judge: int, value: Decimal) -> Mark:
    return Mark(
        registration_id=reg, criterion_id=example.criteria[key], judge_id=judge, value=value
    )


def test_a_harsh_judge_is_dropped_lowest_most_often_with_a_negative_deviation(
    services: Services,
) -> None:
    example = worked_example(services, marks=False)
    _marks_with_a_harsh_judge(services, example)
    rows = services.results.judge_analysis(example.event_id)
    assert [r.name for r in rows] == ["judge1", "judge2", "judge3", "judge4", "judge5"]
    harsh = rows[4]
    assert max(rows, key=lambda r: r.dropped_low) is harsh
    assert (harsh.dropped_low, harsh.dropped_high, harsh.trimmed, harsh.marks) == (12, 0, 12, 12)
    # panel mean = level − 0.2, so the harsh judge sits 2.8 below it
    assert harsh.mean_deviation == D("-2.80")
    assert dict(harsh.by_criterion) == {"P2": D("-2.80"), "P3": D("-2.80")}
    assert rows[2].dropped_high == 12 and rows[2].mean_deviation == D("1.20")
    assert all(r.mean_deviation is not None and r.mean_deviation > 0 for r in rows[:4])


def test_in_the_worked_example_the_dropped_marks_are_counted_per_judge(
    services: Services,
) -> None:
    example = worked_example(services)
    rows = services.results.judge_analysis(example.event_id)
    # 12 trimmed panels (6 contestants × P2, P3), each drops one high and one low
    assert sum(r.dropped_high for r in rows) == 12 and sum(r.dropped_low for r in rows) == 12
    assert {r.trimmed for r in rows} == {12}


def test_the_severity_report_is_exported_as_xlsx(services: Services, tmp_path: Path) -> None:
    example = worked_example(services, marks=False)
    _marks_with_a_harsh_judge(services, example)
    path = services.results.judge_analysis_xlsx(example.event_id, tmp_path / "裁判分析.xlsx")
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == (
        "裁判",
        "评分数",
        "平均偏差",
        "去掉最高分次数",
        "去掉最低分次数",
        "去分评分组数",
    )
    assert rows[0][6:] == ("工艺", "安全文明")
    assert rows[5][:5] == ("judge5", 12, -2.8, 0, 12)


def test_a_judge_other_than_the_chief_cannot_see_the_severity_report(
    services: Services,
) -> None:
    example = worked_example(services)
    judge = services.as_actor(services.accounts.login("judge3", "pass1234"))
    with pytest.raises(PermissionDenied):
        judge.results.judge_analysis(example.event_id)
    chief = services.as_actor(services.accounts.login("judge1", "pass1234"))
    assert len(chief.results.judge_analysis(example.event_id)) == 5
