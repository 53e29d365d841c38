"""CLI commands of scoring: import marks, results, publish."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from skillsapp import cli, messages
from skillsapp.__main__ import main
from skillsapp.app import Services
from skillsapp.domain.competitions import CompetitionStatus
from skillsapp.domain.marks import Mark, MarkSource
from skillsapp.logging_setup import reset_logging
from tests.unit.pdf.pdf_checks import text
from tests.unit.services.test_marks_helpers import Scoring, scoring
from tests.unit.services.test_results_helpers import put_marks, worked_example

# A named sheet's columns: A 序号, B 参赛号, C 姓名, D T1, E P1, F P2, G P3; data from row 9.
FILLED = {"D9": 80, "F9": 25, "G9": 2, "F10": 31, "G11": "abc"}


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in (cli.PASSWORD_ENV, cli.NEW_PASSWORD_ENV, cli.LANG_ENV):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    yield
    reset_logging()


def run(services: Services, *argv: str) -> int:
    return main([*argv, "--db", services.db.url.database or ""])


def score_sheet(meet: Scoring, path: Path, cells: dict[str, object]) -> Path:
    meet.admin.forms.score_sheet_xlsx(meet.event_id, meet.judge_id(1), path)
    book = openpyxl.load_workbook(path)
    for ref, value in cells.items():
        book.worksheets[0][ref] = value
    book.save(path)
    return path


def imported_marks(services: Services) -> list[tuple[int, MarkSource]]:
    with services.db.reading() as session:
        return [
            (judge, source) for judge, source in session.execute(select(Mark.judge_id, Mark.source))
        ]


# ----------------------------------------------------------------------------- import marks


def test_import_marks_writes_the_valid_cells_and_lists_bad_ones_by_row_and_column(
    sqlite_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meet = scoring(sqlite_services)
    sheet = score_sheet(meet, tmp_path / "评分表.xlsx", FILLED)
    assert run(sqlite_services, "import", "marks", "--competition", "C1", str(sheet)) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"第 10 行 F 列（P2）: {messages.text('score_sheet_out_of_range', value='31')} (31)",
        f"第 11 行 G 列（P3）: {messages.text('score_sheet_not_a_number', value='abc')} (abc)",
    ]
    assert "已导入 3 个分数" in captured.out
    assert imported_marks(sqlite_services) == [(meet.judge_id(1), MarkSource.IMPORT)] * 3


def test_import_marks_of_a_sheet_with_only_bad_cells_imports_nothing_and_fails(
    sqlite_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meet = scoring(sqlite_services)
    sheet = score_sheet(meet, tmp_path / "评分表.xlsx", {"F10": 31})
    assert run(sqlite_services, "import", "marks", "--competition", "C1", str(sheet)) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("第 10 行 F 列（P2）:")
    assert err[-1] == messages.text("import_nothing")
    assert imported_marks(sqlite_services) == []


def test_import_marks_of_a_sheet_printed_for_no_judge_takes_the_judge_option(
    sqlite_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meet = scoring(sqlite_services)
    sheet = tmp_path / "空白评分表.xlsx"
    meet.admin.forms.score_sheet_xlsx(meet.event_id, None, sheet)
    book = openpyxl.load_workbook(sheet)
    book.worksheets[0]["F9"] = 25
    book.save(sheet)
    base = ("import", "marks", "--competition", "C1", str(sheet))
    assert run(sqlite_services, *base) == 1
    assert capsys.readouterr().err.strip() == messages.text("score_sheet_no_judge", path=str(sheet))
    assert run(sqlite_services, *base, "--judge", "c1judge2") == 0
    assert imported_marks(sqlite_services) == [(meet.judge_id(1), MarkSource.IMPORT)]


def test_import_marks_refuses_a_sheet_of_another_competition(
    sqlite_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meet = scoring(sqlite_services)
    scoring(sqlite_services, code="C2")
    sheet = score_sheet(meet, tmp_path / "评分表.xlsx", FILLED)
    assert run(sqlite_services, "import", "marks", "--competition", "C2", str(sheet)) == 1
    assert capsys.readouterr().err.strip() == messages.text(
        "score_sheet_other_competition", path=str(sheet)
    )


# ----------------------------------------------------------------------------- results


def test_results_json_has_the_documented_shape_with_scores_as_two_decimal_strings(
    sqlite_services: Services, tmp_path: Path
) -> None:
    example = worked_example(sqlite_services)
    target = tmp_path / "成绩.json"
    assert run(sqlite_services, "results", "--competition", "C1", "--out", str(target)) == 0
    raw = target.read_text(encoding="utf-8")
    assert "陈静" in raw  # ensure_ascii=False
    document = json.loads(raw)
    assert document["competition"] == {
        "id": example.competition_id,
        "name": "焦作市职工技能竞赛",
        "status": "scoring",
    }
    [event] = document["events"]
    assert (event["id"], event["name"]) == (example.event_id, "维修电工")
    chen = next(r for r in event["results"] if r["name"] == "陈静")
    assert set(chen) == {
        "rank", "bib", "person_id", "name", "unit", "components",
        "total", "award", "titles", "provisional",
    }  # fmt: skip
    assert (chen["rank"], chen["total"], chen["award"], chen["provisional"]) == (
        3, "81.60", "二等奖", False,
    )  # fmt: skip
    assert list(chen["components"]) == ["理论", "实操"]
    assert all(isinstance(v, str) and v.count(".") == 1 for v in chen["components"].values())
    last = event["results"][-1]
    assert (last["name"], last["award"], last["titles"]) == ("杨磊", None, [])


def test_results_of_one_event_as_xlsx_and_pdf(sqlite_services: Services, tmp_path: Path) -> None:
    example = worked_example(sqlite_services)
    book, sheet = tmp_path / "成绩.xlsx", tmp_path / "成绩.pdf"
    base = ("results", "--competition", "C1", "--event", "维修电工")
    assert run(sqlite_services, *base, "--format", "xlsx", "--out", str(book)) == 0
    assert run(sqlite_services, *base, "--format", "pdf", "--out", str(sheet)) == 0
    assert openpyxl.load_workbook(book).sheetnames[0] == "维修电工"
    found = text(sheet.read_bytes())
    assert "陈静" in found and "81.60" in found
    assert example.event_id > 0


def test_results_of_an_unknown_competition_fail_with_the_reference(
    sqlite_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    worked_example(sqlite_services)
    target = tmp_path / "成绩.json"
    assert run(sqlite_services, "results", "--competition", "NOPE", "--out", str(target)) == 1
    assert capsys.readouterr().err.strip() == messages.text("competition_not_found", ref="NOPE")
    assert not target.exists()


def test_results_speak_english_with_lang_en(
    sqlite_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    worked_example(sqlite_services)
    target = tmp_path / "r.json"
    argv = ("results", "--competition", "C1", "--out", str(target), "--lang", "en")
    assert run(sqlite_services, *argv) == 0
    assert capsys.readouterr().out.strip() == f"Results written to {target}"


# ----------------------------------------------------------------------------- publish


def test_publish_puts_complete_results_up_for_review_and_final_waits_for_the_period(
    sqlite_services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    worked_example(sqlite_services)
    assert run(sqlite_services, "publish", "--competition", "C1") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "赛事状态：公示，已保存 6 条成绩"
    until = out[1].removeprefix("公示期至 ")
    assert sqlite_services.competitions.competitions()[0].status is CompetitionStatus.REVIEW
    assert run(sqlite_services, "publish", "--competition", "C1", "--final") == 1
    assert capsys.readouterr().err.strip() == messages.text("review_period_running", until=until)
    assert sqlite_services.competitions.competitions()[0].status is CompetitionStatus.REVIEW


def test_publish_with_marks_missing_lists_the_reason_and_changes_nothing(
    sqlite_services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    example = worked_example(sqlite_services, marks=False)
    put_marks(sqlite_services, example, skip=("张伟", "P2", 3))
    assert run(sqlite_services, "publish", "--competition", "C1") == 1
    assert capsys.readouterr().err.splitlines() == [messages.text("marks_missing", count=1)]
    assert sqlite_services.competitions.competitions()[0].status is CompetitionStatus.SCORING
