"""CLI commands of competitions: list, export/import, status, entry forms, draw, forms."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from skillsapp import cli, messages
from skillsapp.__main__ import main
from skillsapp.app import Services
from skillsapp.domain.competitions import CompetitionKind, CompetitionStatus
from skillsapp.domain.levels import SkillLevel
from skillsapp.logging_setup import reset_logging
from tests.factories import id_number
from tests.unit.services.test_competition_helpers import (
    competition,
    event,
    meet_in_registration,
    unit,
)

ENTRY_HEADER = ["项目", "姓名", "身份证号", "单位", "技能等级"]
BAD_CHECKSUM = "360426199101010072"


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in (cli.PASSWORD_ENV, cli.NEW_PASSWORD_ENV, cli.LANG_ENV):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    yield
    reset_logging()


def run(services: Services, *argv: str) -> int:
    return main([*argv, "--db", services.db.url.database or ""])


def bibs(services: Services, competition_id: int) -> dict[int, str | None]:
    return {r.person_id: r.bib for r in services.registrations.registrations(competition_id)}


# ----------------------------------------------------------------------------- list


def test_cli_labels_cover_every_status_in_workflow_order_and_every_kind() -> None:
    assert list(messages.STATUS_LABELS) == [s.value for s in CompetitionStatus]
    assert set(cli.texts.KIND_LABELS) == {k.value for k in CompetitionKind}


def test_competition_list_json_gives_counts_and_iso_dates_or_null(
    sqlite_services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    meet = meet_in_registration(sqlite_services, entrants=3)
    competition(sqlite_services, "C2", name="岗位练兵", start_date=None)
    assert run(sqlite_services, "competition", "list", "--format", "json") == 0
    listed = {row["code"]: row for row in json.loads(capsys.readouterr().out)}
    assert listed["C1"] == {
        "id": meet.competition_id,
        "code": "C1",
        "name": "第三届职工技能竞赛",
        "kind": "skills_contest",
        "status": "registration",
        "start_date": "2025-05-20",
        "end_date": None,
        "events": 1,
        "registrations": 3,
    }
    assert (listed["C2"]["start_date"], listed["C2"]["events"]) == (None, 0)


def test_competition_list_table_has_chinese_headers_and_aligned_columns(
    sqlite_services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    meet_in_registration(sqlite_services, entrants=2)
    competition(sqlite_services, "LONGER2025", name="2025年焦作市第十届职工技术运动会")
    assert run(sqlite_services, "competition", "list") == 0
    header, *rows = capsys.readouterr().out.splitlines()
    assert header.split() == [
        "编号",
        "代码",
        "名称",
        "类型",
        "状态",
        "开始",
        "结束",
        "项目",
        "报名",
    ]
    assert "报名" in rows[-1].split() and "筹备" in rows[0].split()
    assert len({cli.texts.width(line) for line in [header, *rows]}) == 1  # right-aligned counts


def test_competition_list_table_is_in_english_with_lang_en(
    sqlite_services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    meet_in_registration(sqlite_services)
    assert run(sqlite_services, "competition", "list", "--lang", "en") == 0
    header, row = capsys.readouterr().out.splitlines()
    assert header.split()[:3] == ["ID", "Code", "Name"]
    assert "registration" in row.split()


# ----------------------------------------------------------------------------- export/import


def test_export_then_import_with_a_new_code_copies_events_and_schemes_without_people(
    sqlite_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meet = meet_in_registration(sqlite_services, entrants=2)
    event(sqlite_services, meet.competition_id, "钳工", min_level=SkillLevel.GRADE3)
    file = tmp_path / "c1.json"
    assert run(sqlite_services, "competition", "export", str(meet.competition_id), str(file)) == 0
    assert "已导出赛事“第三届职工技能竞赛”（2 个项目）" in capsys.readouterr().out
    assert run(sqlite_services, "competition", "import", str(file), "--code", "c1copy") == 0
    assert "代码 C1COPY，2 个项目" in capsys.readouterr().out
    [copy] = sqlite_services.competitions.competitions(text="C1COPY")
    assert (copy.status, copy.registration_count) == (CompetitionStatus.DRAFT, 0)
    pairs = zip(
        sqlite_services.events.events(meet.competition_id),
        sqlite_services.events.events(copy.id),
        strict=True,
    )
    for old, new in pairs:
        assert new.name == old.name
        assert sqlite_services.events.scheme(new.id) == sqlite_services.events.scheme(old.id)


def test_import_under_a_taken_code_exits_1_and_creates_nothing(
    sqlite_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    c = competition(sqlite_services)
    file = tmp_path / "c1.json"
    assert run(sqlite_services, "competition", "export", "C1", str(file)) == 0
    assert run(sqlite_services, "competition", "import", str(file)) == 1
    assert messages.text("competition_code_taken") in capsys.readouterr().err
    assert [r.id for r in sqlite_services.competitions.competitions()] == [c.id]


def test_import_of_a_file_that_is_not_json_exits_1(
    sqlite_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "c.json"
    file.write_text("{not json", encoding="utf-8")
    assert run(sqlite_services, "competition", "import", str(file)) == 1
    assert "无法读取文件" in capsys.readouterr().err


def test_unknown_competition_exits_1_naming_it(
    sqlite_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    competition(sqlite_services)
    assert run(sqlite_services, "competition", "export", "NOPE", str(tmp_path / "x.json")) == 1
    assert capsys.readouterr().err.strip() == messages.text("competition_not_found", ref="NOPE")
    assert not (tmp_path / "x.json").exists()


# ----------------------------------------------------------------------------- status


def test_status_change_refused_prints_every_reason_on_its_own_line_and_exits_1(
    sqlite_services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    meet = meet_in_registration(sqlite_services)
    assert run(sqlite_services, "competition", "status", "C1", "scoring") == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "无法把赛事改为“比赛”：",
        messages.text("event_not_drawn", event="焊工"),
        messages.text("event_no_judges", event="焊工"),
    ]
    row = sqlite_services.competitions.competition(meet.competition_id).row
    assert row.status is CompetitionStatus.REGISTRATION


def test_status_change_moves_on_and_moving_back_needs_a_reason(
    sqlite_services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    c = competition(sqlite_services)
    event(sqlite_services, c.id)
    assert run(sqlite_services, "competition", "status", str(c.id), "registration") == 0
    assert "状态已改为：报名" in capsys.readouterr().out
    assert run(sqlite_services, "competition", "status", str(c.id), "draft") == 1
    assert messages.text("reason_required") in capsys.readouterr().err
    argv = ["competition", "status", str(c.id), "draft", "--reason", "补充项目"]
    assert run(sqlite_services, *argv) == 0
    assert sqlite_services.competitions.competition(c.id).row.status is CompetitionStatus.DRAFT


def test_status_with_an_unknown_target_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["competition", "status", "1", "finished"]) == 2
    assert "usage:" in capsys.readouterr().err


# ----------------------------------------------------------------------------- entry forms


def write_form(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [ENTRY_HEADER, *rows]:
        sheet.append(row)
    book.save(path)
    return path


def test_import_registrations_reports_bad_rows_by_number_and_registers_the_valid_ones(
    sqlite_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    c = competition(sqlite_services)
    event(sqlite_services, c.id, "焊工", min_level=SkillLevel.GRADE3)
    form = write_form(
        tmp_path / "报名表.xlsx",
        [
            ["焊工", "张建国", id_number(1), "洛阳轴承厂", "三级/高级工"],
            ["焊工", "李秀英", BAD_CHECKSUM, "洛阳轴承厂", "三级/高级工"],
            ["钳子工", "王伟", id_number(3), "洛阳轴承厂", "三级/高级工"],
            ["焊工", "赵强", id_number(5), "洛阳轴承厂", "四级/中级工"],
            ["焊工", "刘洋", id_number(7), "", "技师"],
        ],
    )
    argv = ["import", "registrations", "--competition", "C1", str(form), "--unit", "新乡电机厂"]
    unit(sqlite_services, "新乡电机厂")
    assert run(sqlite_services, *argv) == 0
    captured = capsys.readouterr()
    err = captured.err.splitlines()
    assert err[0] == f"第 3 行 身份证号: 身份证号校验位错误 ({BAD_CHECKSUM})"
    assert err[1] == "第 4 行 项目: 没有名为“钳子工”的比赛项目 (钳子工)"
    assert err[2].startswith("第 5 行 技能等级: ") and len(err) == 3
    assert "已报名 2 人次，跳过 3 行，新建人员 2 人、单位 1 个" in captured.out
    entries = sqlite_services.registrations.registrations(c.id)
    assert {(r.person_name, r.unit_name) for r in entries} == {
        ("张建国", "洛阳轴承厂"),
        ("刘洋", "新乡电机厂"),
    }


def test_import_registrations_of_only_bad_rows_exits_1_and_registers_nobody(
    sqlite_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    c = competition(sqlite_services)
    event(sqlite_services, c.id)
    form = write_form(tmp_path / "bad.xlsx", [["焊工", "李秀英", BAD_CHECKSUM, "某厂", ""]])
    argv = ["import", "registrations", "--competition", str(c.id), str(form), "--lang", "en"]
    assert run(sqlite_services, *argv) == 1
    err = capsys.readouterr().err
    assert "row 2 ID number: The ID number's check character is wrong" in err
    assert "There are no valid rows to import" in err
    assert sqlite_services.registrations.registrations(c.id) == []


# ----------------------------------------------------------------------------- draw, forms


def test_draw_with_a_seed_prints_it_and_gives_the_same_bibs_twice(
    sqlite_services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    meet = meet_in_registration(sqlite_services, entrants=6)
    assert run(sqlite_services, "draw", "--competition", "C1", "--seed", "4242") == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ["抽签种子：4242（可用 --seed 4242 复现）", "  焊工：6 人"]
    first = bibs(sqlite_services, meet.competition_id)
    assert run(sqlite_services, "draw", "--competition", "C1", "--seed", "7") == 0
    assert bibs(sqlite_services, meet.competition_id) != first
    assert run(sqlite_services, "draw", "--competition", "C1", "--seed", "4242") == 0
    assert bibs(sqlite_services, meet.competition_id) == first
    assert None not in first.values()


def test_draw_without_a_seed_prints_one_that_repeats_it(
    sqlite_services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    meet = meet_in_registration(sqlite_services, entrants=6)
    assert run(sqlite_services, "draw", "--competition", "C1") == 0
    seed = sqlite_services.competitions.competition(meet.competition_id).row.draw_seed
    assert f"抽签种子：{seed}（可用 --seed {seed} 复现）" in capsys.readouterr().out
    first = bibs(sqlite_services, meet.competition_id)
    assert run(sqlite_services, "draw", "--competition", "C1", "--seed", "1") == 0
    assert run(sqlite_services, "draw", "--competition", "C1", "--seed", str(seed)) == 0
    assert bibs(sqlite_services, meet.competition_id) == first


def test_draw_with_a_bad_seed_exits_1(
    sqlite_services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    meet = meet_in_registration(sqlite_services)
    assert run(sqlite_services, "draw", "--competition", "C1", "--seed", "-1") == 1
    assert capsys.readouterr().err.strip()
    assert set(bibs(sqlite_services, meet.competition_id).values()) == {None}


def test_forms_writes_every_printable_and_lists_the_files(
    sqlite_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meet_in_registration(sqlite_services)
    out_dir = tmp_path / "forms"
    assert run(sqlite_services, "forms", "--competition", "C1", "--out", str(out_dir)) == 0
    *listed, summary = capsys.readouterr().out.splitlines()
    written = sorted(out_dir.iterdir())
    assert sorted(Path(line) for line in listed) == written
    assert {p.suffix for p in written} == {".pdf", ".xlsx"}
    assert all(p.stat().st_size > 0 for p in written)
    assert summary == f"已写入 {len(written)} 个文件到 {out_dir}"
