"""CLI commands of the talent registry (import honours, studios, innovations; export
studios; profile) and the demo's talent records."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from skillsapp import cli, messages
from skillsapp.__main__ import main
from skillsapp.app import Services, open_services
from skillsapp.domain.marks import Honour, HonourLevel
from skillsapp.domain.talent import Mentorship, MentorshipStatus, SkillCertificate
from skillsapp.logging_setup import reset_logging
from skillsapp.services.demo.demo import write_demo
from skillsapp.services.demo.demo_competitions import MIN_PERSONS
from skillsapp.services.registry.registry import PersonRow
from tests.factories import id_number, person_input
from tests.unit.pdf.pdf_checks import text

HONOUR_HEADER = ["姓名", "身份证号", "荣誉类型", "级别", "荣誉称号", "授予单位", "年度"]
STUDIO_HEADER = ["工作室名称", "类型", "级别", "依托单位", "领办人身份证号", "成立日期"]
INNOVATION_HEADER = [
    "工作室名称",
    "成果名称",
    "年度",
    "类别",
    "专利类型",
    "专利号",
    "经济效益(万元)",
]


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in (cli.PASSWORD_ENV, cli.NEW_PASSWORD_ENV, cli.LANG_ENV):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    yield
    reset_logging()


def run(services: Services, *argv: str) -> int:
    return main([*argv, "--db", services.db.url.database or ""])


def write_xlsx(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [header, *rows]:
        sheet.append(row)
    book.save(path)
    return path


def people(services: Services, count: int = 2) -> list[PersonRow]:
    return [services.registry.add(person_input(seq)) for seq in range(count)]


# ----------------------------------------------------------------------------- honours


def test_import_honours_writes_the_valid_rows_and_lists_bad_ones_by_row(
    sqlite_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = people(sqlite_services)
    unknown = id_number(99)
    path = write_xlsx(
        tmp_path / "荣誉.xlsx",
        HONOUR_HEADER,
        [
            [first.name, first.id_number, "劳动模范", "省级", "河南省劳动模范", "河南省人民政府", 2024],
            [second.name, second.id_number, "工匠", "市级", "焦作工匠", "焦作市总工会", 2023],
            ["无名", unknown, "工匠", "市级", "焦作工匠", "焦作市总工会", 2023],
            [second.name, second.id_number, "金牌", "天级", "", "", 2023],
        ],
    )  # fmt: skip
    assert run(sqlite_services, "import", "honours", str(path)) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"第 4 行 身份证号: {messages.text('person_unknown')} ({unknown})",
        f"第 5 行 级别: {messages.text('honour_level_unknown')} (天级)",
        f"第 5 行 荣誉类型: {messages.text('honour_type_unknown')} (金牌)",
    ]
    assert captured.out.strip() == "已导入荣誉 2 条，跳过 2 行"
    titles = [h.title for h in sqlite_services.honours.honours(person_id=first.id)]
    assert titles == ["河南省劳动模范"]


def test_import_honours_with_no_valid_row_fails_and_writes_nothing(
    sqlite_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_xlsx(
        tmp_path / "荣誉.xlsx",
        HONOUR_HEADER,
        [["无名", id_number(99), "工匠", "市级", "", "", 2023]],
    )
    assert run(sqlite_services, "import", "honours", str(path)) == 1
    assert capsys.readouterr().err.splitlines()[-1] == messages.text("import_nothing")
    with sqlite_services.db.reading() as session:
        assert session.scalar(select(func.count(Honour.id))) == 0


# ----------------------------------------------------------------------------- studios


def test_import_studios_then_innovations_and_export_them(
    sqlite_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    leader, _ = people(sqlite_services)
    studios = write_xlsx(
        tmp_path / "工作室.xlsx",
        STUDIO_HEADER,
        [["梁兵创新工作室", "劳模创新工作室", "市级", "焦煤集团", leader.id_number, "2019-03-01"]],
    )
    assert run(sqlite_services, "import", "studios", str(studios)) == 0
    innovations = write_xlsx(
        tmp_path / "成果.xlsx",
        INNOVATION_HEADER,
        [
            ["梁兵创新工作室", "液压支架快速拆装工装", 2024, "技术革新", "实用新型", "ZL202320123456.7", 35.5],
            ["梁兵创新工作室", "带式输送机纠偏装置", 2024, "技术革新", "", "", "12.5"],
        ],
    )  # fmt: skip
    assert run(sqlite_services, "import", "innovations", str(innovations)) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "已导入工作室 1 个，跳过 0 行",
        "新建依托单位：焦煤集团",
        "已导入创新成果 2 项，跳过 0 行",
    ]
    [row] = sqlite_services.studios.studios()
    assert (row.leader_id, row.innovations, row.patents) == (leader.id, 2, 1)
    exported = tmp_path / "导出.xlsx"
    assert run(sqlite_services, "export", "studios", str(exported)) == 0
    sheet = openpyxl.load_workbook(exported).worksheets[0]
    assert "梁兵创新工作室" in [c.value for c in sheet["A"]]


def test_import_innovations_names_the_bad_column_by_its_header(
    sqlite_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_xlsx(
        tmp_path / "成果.xlsx",
        INNOVATION_HEADER,
        [["没有的工作室", "某成果", 2024, "技术革新", "", "", ""]],
    )
    assert run(sqlite_services, "import", "innovations", str(path)) == 1
    err = capsys.readouterr().err.splitlines()
    assert (
        err[0]
        == f"第 2 行 工作室名称: {messages.text('studio_unknown', value='没有的工作室')} (没有的工作室)"
    )
    assert err[-1] == messages.text("import_nothing")


# ----------------------------------------------------------------------------- profile


def test_profile_by_registry_id_or_id_number_writes_the_dossier(
    sqlite_services: Services, tmp_path: Path
) -> None:
    person, _ = people(sqlite_services)
    by_id, by_number = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert run(sqlite_services, "profile", str(person.id), "--out", str(by_id)) == 0
    assert run(sqlite_services, "profile", person.id_number.lower(), "--out", str(by_number)) == 0
    assert person.name in text(by_id.read_bytes())
    assert text(by_id.read_bytes()) == text(by_number.read_bytes())


def test_profile_of_an_unknown_person_fails(
    sqlite_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "a.pdf"
    assert run(sqlite_services, "profile", id_number(42), "--out", str(target)) == 1
    assert capsys.readouterr().err.strip() == messages.text("not_found")
    assert not target.exists()


# ----------------------------------------------------------------------------- the demo


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """The smallest demo with competitions and talent records."""
    target = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    write_demo(str(target), persons=MIN_PERSONS)
    services = open_services(target)
    admin = services.as_actor(services.accounts.login("admin", "admin"))
    try:
        yield admin
    finally:
        services.db.close()


def test_demo_holds_honours_of_persons_at_every_level_and_of_units(demo: Services) -> None:
    with demo.db.reading() as session:
        persons = set(session.scalars(select(Honour.level).where(Honour.person_id.is_not(None))))
        units = session.scalar(select(func.count(Honour.id)).where(Honour.unit_id.is_not(None)))
        titles = {(t, e) for t, e in session.execute(select(Honour.title, Honour.edition))}
    assert {HonourLevel.NATIONAL, HonourLevel.PROVINCIAL, HonourLevel.CITY} <= persons
    assert HonourLevel.ENTERPRISE in persons
    assert units and units >= 5
    assert any(title == "焦作工匠" and edition.startswith("第") for title, edition in titles)
    assert {"全国劳动模范", "河南省五一劳动奖章", "全国五一劳动奖状"} & {t for t, _ in titles}


def test_demo_has_twenty_studios_each_with_members_innovations_and_an_honoured_leader(
    demo: Services,
) -> None:
    rows = demo.studios.studios()
    assert len(rows) == 20
    assert {r.level for r in rows} >= {
        HonourLevel.NATIONAL, HonourLevel.PROVINCIAL, HonourLevel.CITY, HonourLevel.ENTERPRISE,
    }  # fmt: skip
    assert all(r.members >= 3 and r.innovations >= 2 for r in rows)
    assert sum(r.patents for r in rows) > 0 and all(r.benefit > 0 for r in rows)
    for row in rows:
        assert row.leader_id is not None and row.leader_name in row.name
        assert demo.honours.honours(person_id=row.leader_id), row.name
    detail = demo.studios.studio(rows[0].id)
    assert detail.trainings and detail.talents
    [plan] = demo.studio_evaluation.plans(2025)
    assert len(demo.studio_evaluation.ranking(plan.id).rows) == 20


def test_demo_has_mentor_pairs_some_graduated_and_skill_certificates(demo: Services) -> None:
    with demo.db.reading() as session:
        pairs = list(session.scalars(select(Mentorship)))
        certificates = session.scalar(select(func.count(SkillCertificate.id))) or 0
    assert len(pairs) >= 10 and certificates >= 20
    assert {p.status for p in pairs} >= {MentorshipStatus.ACTIVE, MentorshipStatus.COMPLETED}
    assert all(p.mentor_id != p.apprentice_id for p in pairs)
    assert len({p.apprentice_id for p in pairs}) == len(pairs)
