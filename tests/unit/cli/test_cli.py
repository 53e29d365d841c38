"""The command line, run in-process through skillsapp.__main__.main."""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from skillsapp import cli, paths
from skillsapp.__main__ import main
from skillsapp.app import Services, open_services
from skillsapp.domain.roles import Role
from skillsapp.logging_setup import LOG_FILE_NAME, reset_logging, setup_logging
from skillsapp.services.audit import AuditFilter
from skillsapp.services.context import Actor
from skillsapp.storage.migrate import head_revision
from tests.factories import person_input

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in (cli.PASSWORD_ENV, cli.NEW_PASSWORD_ENV, cli.LANG_ENV):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # never a terminal
    yield
    reset_logging()  # its stderr handler points at this test's captured stream


def run(*argv: str) -> int:
    return main(list(argv))


def test_module_entry_prints_help_and_exits_0() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "skillsapp", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    assert "usage: skillsapp" in result.stdout
    assert "import" in result.stdout and "snapshot" in result.stdout


def test_snapshot_help_lists_every_view(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("snapshot", "--help") == 0
    out = capsys.readouterr().out
    assert all(view in out for view in cli.SNAPSHOT_VIEWS)


def test_cli_parser_lists_snapshot_views_without_loading_qt() -> None:
    code = (
        "import sys, contextlib, io\n"
        "from skillsapp.__main__ import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['snapshot', '--help'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "argv",
    [
        ["--db", "{db}", "--lang", "en", "db", "check"],
        ["db", "check", "--db", "{db}", "--lang", "en"],
        ["--lang", "en", "db", "--db", "{db}", "check"],
    ],
    ids=["before", "after", "between"],
)
def test_global_options_work_before_and_after_the_subcommand(
    argv: list[str], sqlite_services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    db = sqlite_services.db.url.database or ""
    assert run(*(a.replace("{db}", db) for a in argv)) == 0
    assert "Integrity check: ok" in capsys.readouterr().out


def test_option_before_the_subcommand_is_not_reset_by_the_subparser() -> None:
    args = cli.parse(["--db", "x.sqlite3", "--user", "admin", "audit", "list"])
    assert (args.db, args.user, args.lang) == ("x.sqlite3", "admin", None)
    args = cli.parse(["audit", "list", "--db", "y.sqlite3"])
    assert (args.db, args.user) == ("y.sqlite3", None)


@pytest.mark.parametrize(
    "argv",
    [
        ["frobnicate"],
        ["db"],
        ["db", "backup"],
        ["snapshot", "no-such-view", "--out", "x.png"],
        ["demo"],
        ["--demo", "audit", "list"],
        ["users", "add", "judge9", "--role", "emperor"],
    ],
)
def test_usage_error_exits_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert run(*argv) == 2
    assert "usage:" in capsys.readouterr().err


def test_user_error_prints_chinese_message_on_stderr_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database" * 100)
    assert run("db", "check", "--db", str(garbage)) == 1
    captured = capsys.readouterr()
    assert "无法打开数据库" in captured.err
    assert "Traceback" not in captured.err


@pytest.mark.parametrize("how", ["option", "environment"])
def test_user_error_is_in_english_when_asked(
    how: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database" * 100)
    argv = ["db", "check", "--db", str(garbage)]
    if how == "option":
        argv += ["--lang", "en"]
    else:
        monkeypatch.setenv(cli.LANG_ENV, "en")
    assert run(*argv) == 1
    err = capsys.readouterr().err
    assert "Cannot open the database" in err
    assert "无法" not in err


def test_missing_database_file_is_reported_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.sqlite3"
    assert run("audit", "list", "--db", str(missing)) == 1
    assert "找不到文件" in capsys.readouterr().err
    assert not missing.exists()


def test_postgres_target_asks_for_a_login_before_connecting(
    capsys: pytest.CaptureFixture[str],
) -> None:
    unreachable = "postgresql+psycopg://nobody@127.0.0.1:1/none"
    assert run("users", "list", "--db", unreachable) == 1
    assert "须用 --user 指定账号" in capsys.readouterr().err


def test_postgres_target_without_password_and_no_tty_exits_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = os.environ.get("SKILLSAPP_TEST_PG_URL")
    if not url:
        pytest.skip("needs SKILLSAPP_TEST_PG_URL")
    assert run("users", "list", "--db", url, "--user", "admin") == 1
    assert "须用 --user 指定账号并提供密码" in capsys.readouterr().err


def test_user_option_acts_with_that_accounts_rights(
    services: Services, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = services.db.url.render_as_string(hide_password=False)
    services.accounts.create_user(
        services.actor, username="clerk1", password="clerk1", role=Role.CLERK
    )
    monkeypatch.setenv(cli.PASSWORD_ENV, "clerk1")
    assert run("users", "list", "--db", target, "--user", "clerk1") == 1
    assert "无权" in capsys.readouterr().err
    monkeypatch.setenv(cli.PASSWORD_ENV, "admin")
    assert run("users", "list", "--db", target, "--user", "admin") == 0
    assert "clerk1" in capsys.readouterr().out


def test_wrong_password_exits_1(
    sqlite_services: Services, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cli.PASSWORD_ENV, "wrong")
    db = sqlite_services.db.url.database or ""
    assert run("audit", "list", "--db", db, "--user", "admin") == 1
    assert "用户名或密码错误" in capsys.readouterr().err


def test_users_add_creates_a_judge_audited_as_the_cli_owner(
    sqlite_services: Services, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(cli.NEW_PASSWORD_ENV, "judge-pass")
    db = sqlite_services.db.url.database or ""
    argv = ["users", "add", "judge9", "--role", "judge", "--display-name", "李裁判", "--db", db]
    assert run(*argv) == 0
    assert "judge9" in capsys.readouterr().out
    actor = sqlite_services.accounts.login("judge9", "judge-pass")
    assert actor.role is Role.JUDGE and actor.display_name == "李裁判"
    created = sqlite_services.audit.entries(AuditFilter(entity="user", action="create"))[0]
    assert created.actor == Actor.cli_owner().name


def test_users_add_without_a_password_or_terminal_exits_1(
    sqlite_services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    db = sqlite_services.db.url.database or ""
    assert run("users", "add", "judge9", "--role", "judge", "--db", db) == 1
    assert capsys.readouterr().err.strip()
    assert "judge9" not in [
        u.username for u in sqlite_services.accounts.users(sqlite_services.actor)
    ]


def test_first_account_added_from_the_cli_must_be_an_admin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cli.NEW_PASSWORD_ENV, "secret")
    db = str(tmp_path / "new.sqlite3")
    assert run("users", "add", "judge1", "--role", "judge", "--db", db) == 1
    assert run("users", "add", "boss", "--role", "admin", "--db", db) == 0
    services = open_services(db)
    try:
        assert services.accounts.login("boss", "secret").role is Role.ADMIN
    finally:
        services.db.close()


def test_db_check_prints_the_schema_revision(
    sqlite_services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("db", "check", "--db", sqlite_services.db.url.database or "") == 0
    out = capsys.readouterr().out
    assert "完整性检查：正常" in out
    assert f"结构版本：{head_revision()}" in out


def test_db_check_of_an_empty_file_says_it_needs_an_upgrade(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    assert run("db", "check", "--db", str(empty)) == 1
    assert "db upgrade" in capsys.readouterr().err
    assert run("db", "upgrade", "--db", str(empty)) == 0
    assert run("db", "check", "--db", str(empty)) == 0


def test_audit_verify_passes_on_an_intact_trail_and_fails_on_a_rewritten_one(
    sqlite_services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    sqlite_services.registry.add(person_input(1))
    db = sqlite_services.db.url.database or ""
    assert run("audit", "verify", "--db", db) == 0
    with sqlite_services.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE audit_entry SET actor = 'mallory' WHERE id = 1")
    capsys.readouterr()
    assert run("audit", "verify", "--db", db) == 1
    assert capsys.readouterr().err.strip()


def test_audit_list_shows_the_latest_entries_of_an_entity(
    sqlite_services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    person = sqlite_services.registry.add(person_input(1))
    db = sqlite_services.db.url.database or ""
    assert run("audit", "list", "--entity", "person", "--db", db) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    assert f"person#{person.id}" in lines[0] and "admin" in lines[0]


class _FakeGui:
    def __init__(self) -> None:
        self.calls: list[tuple[str | None, str | None, bool]] = []
        self.persons_at_start = 0

    def run_gui(self, db_target: str | None, lang: str | None, demo: bool) -> int:
        self.calls.append((db_target, lang, demo))
        if demo and db_target:
            services = open_services(db_target)
            self.persons_at_start = services.registry.search().total
            services.db.close()
        return 0


@pytest.fixture
def fake_gui(monkeypatch: pytest.MonkeyPatch) -> _FakeGui:
    gui = _FakeGui()
    module = types.ModuleType("skillsapp.ui.main")
    module.run_gui = gui.run_gui  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "skillsapp.ui.main", module)
    return gui


def test_no_subcommand_opens_the_window_and_lets_it_choose_the_database(
    fake_gui: _FakeGui,
) -> None:
    assert run() == 0
    assert run("--db", "x.sqlite3", "--lang", "en") == 0
    assert fake_gui.calls == [(None, None, False), ("x.sqlite3", "en", False)]


def test_demo_option_opens_the_window_on_a_fresh_demo_database_then_removes_it(
    fake_gui: _FakeGui,
) -> None:
    assert run("--demo") == 0
    [(target, _, demo)] = fake_gui.calls
    assert demo is True and target is not None
    assert fake_gui.persons_at_start > 0
    assert not Path(target).parent.exists()


def test_logging_writes_a_rotating_file_and_keeps_info_off_stderr(
    sqlite_services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("db", "check", "--db", sqlite_services.db.url.database or "") == 0
    log_file = paths.log_dir() / LOG_FILE_NAME
    assert "skillsapp db started" in log_file.read_text(encoding="utf-8")
    assert capsys.readouterr().err == ""


def test_setting_up_logging_twice_installs_one_file_handler() -> None:
    first = setup_logging()
    second = setup_logging(verbose=True)
    handlers = [
        h
        for h in logging.getLogger().handlers
        if isinstance(h, logging.handlers.RotatingFileHandler)
    ]
    assert first == second
    assert [h.baseFilename for h in handlers] == [str(first)]
    assert (handlers[0].maxBytes, handlers[0].backupCount) == (1_000_000, 5)
