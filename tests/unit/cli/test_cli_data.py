"""CLI commands that move data: demo, import, export, backup and restore."""

from __future__ import annotations

import io
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from skillsapp import cli, messages
from skillsapp.__main__ import main
from skillsapp.app import Services, open_services
from skillsapp.domain.idcard import parse_id
from skillsapp.domain.roles import Role
from skillsapp.logging_setup import reset_logging
from skillsapp.services.audit import AuditFilter
from skillsapp.services.context import Actor
from skillsapp.services.registry.registry import PersonQuery
from tests.factories import id_number, person_input

HEADER = ["姓名", "身份证号", "手机号", "单位", "工种", "技能等级"]
BAD_CHECKSUM = "360426199101010072"


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in (cli.PASSWORD_ENV, cli.NEW_PASSWORD_ENV, cli.LANG_ENV):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    yield
    reset_logging()


def run(*argv: str) -> int:
    return main(list(argv))


def db_path(services: Services) -> str:
    return services.db.url.database or ""


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [HEADER, *rows]:
        sheet.append(row)
    book.save(path)
    return path


def open_at(target: str) -> Iterator[Services]:
    services = open_services(target)
    try:
        yield services
    finally:
        services.db.close()


@pytest.fixture
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    target = str(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    assert run("demo", "--db", target, "--persons", "60") == 0
    yield from open_at(target)


# ----------------------------------------------------------------------------- demo


def test_demo_writes_persons_units_and_working_accounts(demo_db: Services) -> None:
    admin = demo_db.as_actor(demo_db.accounts.login("admin", "admin"))
    assert admin.registry.search().total == 60
    assert len(admin.units.units()) >= 15
    users = {u.username: u for u in admin.accounts.users(admin.actor)}
    assert users["organizer"].role is Role.ORGANIZER and users["clerk"].role is Role.CLERK
    judges = [users[f"judge{n}"] for n in (1, 2, 3)]
    assert all(j.role is Role.JUDGE and j.person_id is not None for j in judges)
    assert demo_db.accounts.login("judge2", "judge").role is Role.JUDGE


def test_demo_persons_have_valid_ids_matching_gender_and_birth_years(demo_db: Services) -> None:
    rows = demo_db.registry.search(PersonQuery(limit=None)).rows
    for row in rows:
        info = parse_id(row.id_number)
        assert info.gender is row.gender
        assert info.number.startswith("4108")
        assert 1965 <= info.birth_date.year <= 2003
    assert len({r.id_number for r in rows}) == len(rows)
    assert {"王䶮", "李堃", "张喆"} <= {r.name for r in rows}


def test_demo_is_the_same_for_the_same_seed(tmp_path: Path) -> None:
    names = []
    for folder in ("a", "b"):
        target = tmp_path / folder / "demo.sqlite3"
        target.parent.mkdir()
        assert run("demo", "--db", str(target), "--persons", "20") == 0
        for services in open_at(str(target)):
            names.append([r.name for r in services.registry.search(PersonQuery(limit=None)).rows])
    assert names[0] == names[1]


def test_demo_refuses_a_database_with_persons(
    sqlite_target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for services in open_at(sqlite_target):  # persons but no accounts yet
        services.registry.add(person_input(1))
    assert run("demo", "--db", sqlite_target) == 1
    err = capsys.readouterr().err.strip()
    assert err == messages.text("demo_not_empty", url=str(Path(sqlite_target).resolve()))
    for services in open_at(sqlite_target):
        assert services.registry.search().total == 1
        assert services.accounts.needs_first_admin()


def test_demo_refuses_a_database_with_accounts(
    sqlite_services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_path(sqlite_services)
    assert run("demo", "--db", db) == 1
    assert capsys.readouterr().err.strip() == messages.text("demo_not_empty", url=db)
    assert sqlite_services.registry.search().total == 0


# ----------------------------------------------------------------------------- import


def test_import_reports_bad_rows_by_number_and_imports_the_valid_ones(
    sqlite_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = write_xlsx(
        tmp_path / "persons.xlsx",
        [
            ["张三", id_number(1), "13800138000", "焦煤集团赵固二矿", "焊工", "三级/高级工"],
            ["李四", BAD_CHECKSUM, "13800138001", "", "钳工", ""],
            ["王五", id_number(2), "12345", "", "", ""],
            ["赵六", id_number(3), "", "", "电工", "技师"],
        ],
    )
    assert run("import", "persons", str(file), "--db", db_path(sqlite_services)) == 0
    captured = capsys.readouterr()
    assert f"第 3 行 身份证号: 身份证号校验位错误 ({BAD_CHECKSUM})" in captured.err
    assert "第 4 行 手机号: " in captured.err
    assert "已导入 2 人" in captured.out
    rows = sqlite_services.registry.search().rows
    assert sorted(r.name for r in rows) == ["张三", "赵六"]
    entries = sqlite_services.audit.entries(AuditFilter(entity="person"))
    assert {e.actor for e in entries} == {Actor.cli_owner().name}


def test_import_problems_are_in_english_with_lang_en(
    sqlite_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = write_xlsx(tmp_path / "p.xlsx", [["李四", BAD_CHECKSUM, "", "", "", ""]])
    assert (
        run("--lang", "en", "import", "persons", str(file), "--db", db_path(sqlite_services)) == 1
    )
    err = capsys.readouterr().err
    assert "row 2 ID number: The ID number's check character is wrong" in err
    assert "There are no valid rows to import" in err


def test_import_of_only_bad_rows_exits_1_and_writes_nothing(
    sqlite_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = write_xlsx(
        tmp_path / "bad.xlsx",
        [["李四", BAD_CHECKSUM, "", "新单位", "", ""], ["", id_number(5), "", "", "", ""]],
    )
    before = len(sqlite_services.audit.entries())
    assert run("import", "persons", str(file), "--db", db_path(sqlite_services)) == 1
    err = capsys.readouterr().err
    assert "第 2 行" in err and "第 3 行 姓名: 必须填写姓名" in err
    assert "没有可导入的有效行" in err
    assert sqlite_services.registry.search().total == 0
    assert sqlite_services.units.units() == []
    assert len(sqlite_services.audit.entries()) == before


def test_import_of_a_missing_file_exits_1(
    sqlite_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.xlsx"
    assert run("import", "persons", str(missing), "--db", db_path(sqlite_services)) == 1
    assert "找不到文件" in capsys.readouterr().err


# ----------------------------------------------------------------------------- export


def _exported(path: Path) -> list[tuple[object, ...]]:
    book = openpyxl.load_workbook(path, read_only=True)
    sheet = book.worksheets[0]
    rows = [tuple(r) for r in sheet.iter_rows(values_only=True)]
    book.close()
    return rows


def test_export_writes_every_person(
    sqlite_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for seq in range(3):
        sqlite_services.registry.add(person_input(seq))
    out = tmp_path / "out.xlsx"
    assert run("export", "persons", str(out), "--db", db_path(sqlite_services)) == 0
    assert "已导出 3 人" in capsys.readouterr().out
    rows = _exported(out)
    assert len(rows) == 4
    assert {r[2] for r in rows[1:]} == {id_number(s, female=s % 2 == 1) for s in range(3)}


def test_export_filters_by_search_text_and_unit(demo_db: Services, tmp_path: Path) -> None:
    db = demo_db.db.url.database or ""
    out = tmp_path / "unit.xlsx"
    assert run("export", "persons", str(out), "--unit", "赵固二矿", "--db", db) == 0
    names = {r[5] for r in _exported(out)[1:]}
    assert names == {"焦煤集团赵固二矿"}
    assert run("export", "persons", str(out), "--search", "王䶮", "--db", db) == 0
    assert [r[0] for r in _exported(out)[1:]] == ["王䶮"]


def test_export_of_an_unknown_unit_exits_1(
    sqlite_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.xlsx"
    argv = [
        "export",
        "persons",
        str(out),
        "--unit",
        "不存在的单位",
        "--db",
        db_path(sqlite_services),
    ]
    assert run(*argv) == 1
    assert "单位不存在" in capsys.readouterr().err
    assert not out.exists()


# ----------------------------------------------------------------------------- backup/restore


def test_backup_then_restore_brings_back_the_saved_state(
    sqlite_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_path(sqlite_services)
    sqlite_services.registry.add(person_input(1, name="备份前"))
    backup = tmp_path / "backup.sqlite3"
    assert run("db", "backup", str(backup), "--db", db) == 0
    sqlite_services.registry.add(person_input(2, name="备份后"))
    sqlite_services.db.close()
    assert run("db", "restore", str(backup), "--db", db) == 0
    for services in open_at(db):
        assert [r.name for r in services.registry.search().rows] == ["备份前"]
    [aside] = Path(db).parent.glob("*.bak-restore-*")
    for services in open_at(str(aside)):
        assert services.registry.search().total == 2
    assert "备份前" not in capsys.readouterr().err


def test_restore_refuses_a_file_that_is_not_a_database(
    sqlite_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sqlite_services.registry.add(person_input(1))
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"nonsense" * 1000)
    assert run("db", "restore", str(garbage), "--db", db_path(sqlite_services)) == 1
    assert "无法打开数据库" in capsys.readouterr().err
    assert sqlite_services.registry.search().total == 1
    assert not list(Path(db_path(sqlite_services)).parent.glob("*.bak-restore-*"))


def test_restore_refuses_a_database_of_a_newer_program(
    sqlite_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_path(sqlite_services)
    newer = tmp_path / "newer.sqlite3"
    assert run("db", "backup", str(newer), "--db", db) == 0
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.close()
    assert run("db", "restore", str(newer), "--db", db) == 1
    assert "更新版本" in capsys.readouterr().err


def corrupt_index(path: Path) -> None:
    """Point an index at another column: the file opens, but the index is wrong."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute(
            "UPDATE sqlite_master SET sql = 'CREATE INDEX ix_person_name ON person (mobile)'"
            " WHERE name = 'ix_person_name'"
        )
    conn.close()


def test_db_check_reports_a_damaged_file(
    demo_db: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_path(demo_db)
    demo_db.db.close()
    corrupt_index(Path(db))
    assert run("db", "check", "--db", db) == 1
    captured = capsys.readouterr()
    assert "完整性检查：发现问题" in captured.out
    assert "missing from index ix_person_name" in captured.out
    assert "数据库完整性检查失败" in captured.err


def test_restore_refuses_a_damaged_backup(
    sqlite_services: Services, demo_db: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged = Path(db_path(demo_db))
    demo_db.db.close()
    corrupt_index(damaged)
    sqlite_services.registry.add(person_input(1))
    assert run("db", "restore", str(damaged), "--db", db_path(sqlite_services)) == 1
    assert "数据库完整性检查失败" in capsys.readouterr().err
    assert sqlite_services.registry.search().total == 1


def test_backup_and_restore_refuse_postgresql_and_point_to_pg_dump(
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = "postgresql+psycopg://nobody@127.0.0.1:1/none"
    assert run("db", "backup", "out.sqlite3", "--db", url) == 1
    assert "pg_dump" in capsys.readouterr().err
    assert run("db", "restore", "in.sqlite3", "--db", url, "--lang", "en") == 1
    assert "pg_dump" in capsys.readouterr().err
