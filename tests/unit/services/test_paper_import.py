"""Importing filled .xlsx score sheets: a preview of every bad cell by row and column,
then all valid marks in one transaction, or nothing."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from skillsapp.app import Services
from skillsapp.domain.marks import Mark, MarkSource
from skillsapp.domain.roles import Role
from skillsapp.errors import UserError
from skillsapp.services.scoring.paper import MarkImportPreview
from tests.unit.services.test_marks_helpers import D, Scoring, account, fill, scoring

# Columns of a named (not blind) sheet: A 序号, B 参赛号, C 姓名, D T1, E P1, F P2, G P3.
FILLED = {
    "D9": 80,
    "F9": 25,
    "G9": 2,
    "F10": 31,  # above 配分 (the sheet's own check)
    "G10": 4,  # a WorldSkills judgement is 0–3
    "F11": 25.3,  # off the 0.5 step
    "G11": "abc",
}


def _sheet(meet: Scoring, path: Path, cells: dict[str, object] = FILLED) -> Path:
    meet.admin.forms.score_sheet_xlsx(meet.event_id, meet.judge_id(1), path)
    workbook = openpyxl.load_workbook(path)
    for ref, value in cells.items():
        workbook.worksheets[0][ref] = value
    workbook.save(path)
    return path


def _marks(services: Services) -> int:
    with services.db.reading() as session:
        return session.scalar(select(func.count(Mark.id))) or 0


def _preview(services: Services, tmp_path: Path) -> tuple[Scoring, Services, MarkImportPreview]:
    meet = scoring(services)
    clerk = account(services, "clerk1", Role.CLERK)
    path = _sheet(meet, tmp_path / "评分表.xlsx")
    return meet, clerk, clerk.paper.preview_import(path, competition_id=meet.competition_id)


def test_the_preview_lists_every_bad_cell_by_row_and_column(
    services: Services, tmp_path: Path
) -> None:
    meet, _, preview = _preview(services, tmp_path)
    assert [(p.row, p.column, p.code) for p in preview.problems] == [
        (10, "F", "score_sheet_out_of_range"),
        (10, "G", "mark_out_of_range"),
        (11, "F", "mark_off_step"),
        (11, "G", "score_sheet_not_a_number"),
    ]
    assert preview.problems[1].params["max"] == "3"
    assert [(m.row, m.column, m.criterion_key, m.value) for m in preview.marks] == [
        (9, "D", "T1", D(80)),
        (9, "F", "P2", D(25)),
        (9, "G", "P3", D(2)),
    ]
    assert (preview.judge_id, preview.changed) == (meet.judge_id(1), 3)
    assert _marks(services) == 0


def test_the_valid_marks_are_written_in_one_go(services: Services, tmp_path: Path) -> None:
    meet, clerk, preview = _preview(services, tmp_path)
    result = clerk.paper.run_import(preview)
    assert (result.written, result.unchanged, result.problems) == (3, 0, 4)
    with services.db.reading() as session:
        rows = session.execute(select(Mark.judge_id, Mark.source, Mark.registration_id)).all()
    assert set(rows) == {(meet.judge_id(1), MarkSource.IMPORT, meet.entries[0])}
    again = clerk.paper.preview_import(preview.path)
    assert again.changed == 0


def test_a_change_since_the_preview_writes_nothing(services: Services, tmp_path: Path) -> None:
    meet, clerk, preview = _preview(services, tmp_path)
    meet.judges[1].marks.save_mark(meet.event_id, meet.entries[0], "P2", D(20))
    with pytest.raises(UserError, match="marks_import_stale"):
        clerk.paper.run_import(preview)
    assert _marks(services) == 1


def test_a_sheet_of_another_competition_is_refused(services: Services, tmp_path: Path) -> None:
    meet = scoring(services)
    other = scoring(services, code="C2", name="钳工")
    path = _sheet(meet, tmp_path / "评分表.xlsx")
    with pytest.raises(UserError, match="score_sheet_other_competition"):
        services.paper.preview_import(path, competition_id=other.competition_id)


def test_a_sheet_of_a_judge_who_signed_off_is_refused(services: Services, tmp_path: Path) -> None:
    meet = scoring(services)
    fill(meet, 1, measured=False)
    meet.judges[1].marks.submit(meet.event_id)
    path = _sheet(meet, tmp_path / "评分表.xlsx")
    with pytest.raises(UserError, match="mark_submitted"):
        services.paper.preview_import(path)


def test_a_row_the_judge_is_now_kept_from_is_reported_once(
    services: Services, tmp_path: Path
) -> None:
    meet = scoring(services)
    path = _sheet(meet, tmp_path / "评分表.xlsx", {"F10": 20, "G10": 1})
    services.judges.block(meet.event_id, meet.judge_id(1), meet.entries[1])
    preview = services.paper.preview_import(path)
    assert [(p.row, p.column, p.code) for p in preview.problems] == [(10, "B", "judge_blocked")]
    with pytest.raises(UserError, match="import_nothing"):
        services.paper.run_import(preview)
