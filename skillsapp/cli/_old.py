"""The command line: argparse subcommands, thin over the services.

On a local SQLite file the CLI acts as the file's owner (audited as ``cli:<login>``);
on PostgreSQL, or with ``--user``, it logs in and has that account's rights. Exit
status: 0 success, 1 user error (message on stderr), 2 usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import logging
import os
import sys
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeAlias

from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from skillsapp import messages, paths
from skillsapp.app import Services, build_services
from skillsapp.domain.roles import Permission, Role
from skillsapp.errors import DatabaseError, UserError, ValidationError
from skillsapp.interchange.rows import RowProblem
from skillsapp.services.accounts import AccountService
from skillsapp.services.audit import AuditFilter
from skillsapp.services.context import Actor
from skillsapp.services.registry import PersonQuery
from skillsapp.storage import maintenance
from skillsapp.storage.database import Database, display_url, to_url
from skillsapp.storage.migrate import current_revision, open_database, upgrade

log = logging.getLogger(__name__)

PASSWORD_ENV = "SKILLSAPP_PASSWORD"
NEW_PASSWORD_ENV = "SKILLSAPP_NEW_PASSWORD"
LANG_ENV = "SKILLSAPP_LANG"
DEFAULT_DEMO_PERSONS = 300
MAX_PROBLEMS_SHOWN = 10  # PRAGMA integrity_check lists up to 100
# The same names as skillsapp.ui.snapshot.VIEWS, repeated so --help needs no Qt.
SNAPSHOT_VIEWS = (
    "login",
    "dashboard",
    "registry",
    "person-dialog",
    "units",
    "import-preview",
    "audit",
    "users",
    "settings",
    "competitions",
)

Handler = Callable[[argparse.Namespace], int]
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

# key → (Simplified Chinese, English): what the CLI itself says.
TEXTS: dict[str, tuple[str, str]] = {
    "row": ("第 {row} 行 {field}: {message}", "row {row} {field}: {message}"),
    "imported": (
        "已导入 {imported} 人，跳过 {skipped} 行，新建单位 {units} 个",
        "Imported {imported} persons, skipped {skipped} rows, created {units} units",
    ),
    "exported": ("已导出 {count} 人到 {path}", "Exported {count} persons to {path}"),
    "demo_written": (
        "演示数据库已写入 {path}（{persons} 人）。账号：admin/admin（管理员）、"
        "organizer/organizer、clerk/clerk、judge1–judge3/judge",
        "Wrote a demo database to {path} ({persons} persons). Accounts: admin/admin "
        "(administrator), organizer/organizer, clerk/clerk, judge1–judge3/judge",
    ),
    "integrity_ok": ("完整性检查：正常", "Integrity check: ok"),
    "integrity_bad": ("完整性检查：发现问题", "Integrity check: problems found"),
    "more_problems": ("  ……共 {count} 项", "  … {count} in all"),
    "revision": (
        "结构版本：{revision}（本程序：{head}）",
        "Schema revision: {revision} (this program: {head})",
    ),
    "revision_none": ("无（空数据库）", "none (empty database)"),
    "needs_upgrade": (
        "数据库结构不是最新，请运行 skillsapp db upgrade",
        "The schema is not current; run skillsapp db upgrade",
    ),
    "upgraded": ("数据库结构已从 {old} 升级到 {new}", "Upgraded the schema from {old} to {new}"),
    "up_to_date": ("数据库结构已是最新（{revision}）", "The schema is up to date ({revision})"),
    "backup_written": ("备份已写入 {path}", "Backup written to {path}"),
    "restored": (
        "已从 {source} 恢复；原数据库保存为 {aside}",
        "Restored from {source}; the previous database is kept as {aside}",
    ),
    "restored_fresh": ("已从 {source} 恢复", "Restored from {source}"),
    "pg_hint": (
        "PostgreSQL 数据库请用 pg_dump / pg_restore 备份和恢复",
        "Back up and restore a PostgreSQL database with pg_dump / pg_restore",
    ),
    "snapshot_written": ("截图已保存到 {path}", "Snapshot saved to {path}"),
    "user_added": ("已创建账号 {username}（{role}）", "Created the account {username} ({role})"),
    "inactive": ("停用", "disabled"),
    "audit_intact": ("审计记录的哈希链完整", "The audit trail's hash chain is intact"),
    "password_prompt": ("{user} 的密码：", "Password for {user}: "),
    "new_password_prompt": ("新账号 {user} 的密码：", "Password for the new account {user}: "),
    "repeat_prompt": ("再输入一次：", "Repeat it: "),
}
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "name": ("姓名", "name"),
    "gender": ("性别", "gender"),
    "id_number": ("身份证号", "ID number"),
    "birth_date": ("出生日期", "birth date"),
    "mobile": ("手机号", "mobile"),
    "unit": ("单位", "unit"),
    "unit_id": ("单位", "unit"),
    "trade": ("工种", "trade"),
    "skill_level": ("技能等级", "skill level"),
    "title": ("职称", "title"),
    "username": ("用户名", "user name"),
    "password": ("密码", "password"),
}
ROLE_LABELS: dict[Role, tuple[str, str]] = {
    Role.ADMIN: ("管理员", "administrator"),
    Role.ORGANIZER: ("组织者", "organizer"),
    Role.JUDGE: ("裁判", "judge"),
    Role.CLERK: ("录入员", "clerk"),
}


def _pick(pair: tuple[str, str]) -> str:
    return pair[0] if messages.language() == "zh_CN" else pair[1]


def say(key: str, **params: object) -> str:
    """A CLI text in the current language."""
    return _pick(TEXTS[key]).format(**params)


def _out(line: str) -> None:
    print(line, file=sys.stdout)


def _err(line: str) -> None:
    print(line, file=sys.stderr)


# ----------------------------------------------------------------------------- parser


def _global_options(*, suppress: bool) -> argparse.ArgumentParser:
    """--db, --lang, --user, --verbose; subcommands take them too (SUPPRESS keeps earlier ones)."""
    options = argparse.ArgumentParser(add_help=False)
    unset = argparse.SUPPRESS if suppress else None
    options.add_argument(
        "--db", metavar="PATH|URL", default=unset, help="SQLite file or PostgreSQL URL"
    )
    options.add_argument(
        "--lang", choices=messages.LANGUAGES, default=unset, help=f"language (env {LANG_ENV})"
    )
    options.add_argument(
        "--user", metavar="NAME", default=unset, help=f"log in as NAME (password: {PASSWORD_ENV})"
    )
    options.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="debug logging on stderr",
    )
    return options


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="skillsapp",
        description="SkillsApp 职工技能竞赛与人才库. Without a command, opens the window.",
        parents=[_global_options(suppress=False)],
    )
    parser.add_argument(
        "--demo", action="store_true", help="open the window on a fresh demo database"
    )
    parser.set_defaults(handler=None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    common = _global_options(suppress=True)
    for add in _COMMAND_BUILDERS:
        add(commands, common)
    return parser


def _command(
    commands: Commands,
    common: argparse.ArgumentParser,
    name: str,
    help_text: str,
    handler: Handler | None = None,
) -> argparse.ArgumentParser:
    sub = commands.add_parser(name, help=help_text, description=help_text, parents=[common])
    if handler is not None:
        sub.set_defaults(handler=handler)
    return sub


def _actions(parser: argparse.ArgumentParser) -> Commands:
    return parser.add_subparsers(dest="action", metavar="ACTION", required=True)


def _add_demo(commands: Commands, common: argparse.ArgumentParser) -> None:
    demo = _command(commands, common, "demo", "write a demo database (needs --db)", cmd_demo)
    demo.add_argument("--persons", type=int, default=DEFAULT_DEMO_PERSONS, metavar="N")
    demo.add_argument("--seed", type=int, default=2025, help=argparse.SUPPRESS)


def _add_db(commands: Commands, common: argparse.ArgumentParser) -> None:
    actions = _actions(_command(commands, common, "db", "database maintenance"))
    _command(actions, common, "upgrade", "migrate the schema to this version", cmd_db_upgrade)
    _command(actions, common, "check", "integrity check and schema revision", cmd_db_check)
    backup = _command(actions, common, "backup", "copy the SQLite file to OUT", cmd_db_backup)
    backup.add_argument("out", metavar="OUT", type=Path)
    restore = _command(actions, common, "restore", "replace the SQLite file by IN", cmd_db_restore)
    restore.add_argument("source", metavar="IN", type=Path)


def _add_import(commands: Commands, common: argparse.ArgumentParser) -> None:
    actions = _actions(_command(commands, common, "import", "import from .xlsx or .csv"))
    persons = _command(actions, common, "persons", "import persons", cmd_import_persons)
    persons.add_argument("file", metavar="FILE", type=Path)


def _add_export(commands: Commands, common: argparse.ArgumentParser) -> None:
    actions = _actions(_command(commands, common, "export", "export to .xlsx"))
    persons = _command(actions, common, "persons", "export persons", cmd_export_persons)
    persons.add_argument("file", metavar="FILE", type=Path)
    persons.add_argument("--search", metavar="TEXT", default="", help="name, ID, unit or pinyin")
    persons.add_argument("--unit", metavar="NAME", default="", help="only this unit")


def _add_snapshot(commands: Commands, common: argparse.ArgumentParser) -> None:
    views = ", ".join(SNAPSHOT_VIEWS)
    snap = _command(
        commands, common, "snapshot", f"render a page offscreen to PNG; VIEW: {views}", cmd_snapshot
    )
    snap.add_argument("view", metavar="VIEW", choices=SNAPSHOT_VIEWS, help=views)
    snap.add_argument("--out", metavar="FILE.png", type=Path, required=True)


def _add_users(commands: Commands, common: argparse.ArgumentParser) -> None:
    actions = _actions(_command(commands, common, "users", "login accounts"))
    _command(actions, common, "list", "list the accounts", cmd_users_list)
    add = _command(
        actions, common, "add", f"add an account (password: {NEW_PASSWORD_ENV})", cmd_users_add
    )
    add.add_argument("username", metavar="USERNAME")
    add.add_argument("--role", choices=[r.value for r in Role], required=True)
    add.add_argument("--display-name", default="", metavar="TEXT")


def _add_audit(commands: Commands, common: argparse.ArgumentParser) -> None:
    actions = _actions(_command(commands, common, "audit", "the audit trail"))
    listing = _command(actions, common, "list", "latest entries first", cmd_audit_list)
    listing.add_argument("--entity", default="", metavar="NAME", help="e.g. person, user, unit")
    listing.add_argument("--limit", type=int, default=50, metavar="N")
    _command(
        actions, common, "verify", "check the hash chain (exit 1 when broken)", cmd_audit_verify
    )


_COMMAND_BUILDERS: tuple[Callable[[Commands, argparse.ArgumentParser], None], ...] = (
    _add_demo,
    _add_db,
    _add_import,
    _add_export,
    _add_snapshot,
    _add_users,
    _add_audit,
)


def parse(argv: list[str] | None) -> argparse.Namespace:
    """Parse and check the option combinations; SystemExit(2) on a usage error."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.demo and args.handler is not None:
        parser.error("--demo opens the window; it takes no command")
    if args.demo and args.db:
        parser.error("--demo makes its own database; leave out --db")
    if args.handler is cmd_demo and not args.db:
        parser.error("demo needs --db PATH")
    if args.handler is cmd_demo and args.persons < 0:
        parser.error("--persons cannot be negative")
    return args


def choose_language(option: str | None) -> str:
    """--lang, else SKILLSAPP_LANG, else Chinese."""
    chosen = option or os.environ.get(LANG_ENV) or "zh_CN"
    return chosen if chosen in messages.LANGUAGES else "zh_CN"


# ----------------------------------------------------------------------------- running


def run(args: argparse.Namespace) -> int:
    """Run the chosen command; a UserError becomes a message on stderr and exit 1."""
    messages.set_language(choose_language(args.lang))
    handler: Handler = args.handler
    try:
        return handler(args)
    except UserError as error:
        report(error)
    except DBAPIError as exc:  # locked, gone away, …: expected, not a bug
        report(DatabaseError("db_unusable", url=_display(args), detail=str(exc.orig)))
    except KeyboardInterrupt:
        return 130
    return 1


def _display(args: argparse.Namespace) -> str:
    """The database for messages, without a password."""
    try:
        return display_url(to_url(_target(args)))
    except UserError:
        return ""


def report(error: UserError) -> None:
    log.info("user error %s", error.code)  # not the params: a URL may carry a password
    if isinstance(error, ValidationError) and error.field_errors:
        for field, code in error.field_errors.items():
            _err(f"{_field_label(field)}: {messages.text(code)}")
    else:
        _err(messages.describe(error))
    if error.code == "db_not_sqlite":
        _err(say("pg_hint"))


def _field_label(field: str) -> str:
    pair = FIELD_LABELS.get(field)
    return _pick(pair) if pair else field


def problem_line(problem: RowProblem) -> str:
    """`第 12 行 身份证号: 身份证号校验位错误 (value)` in the current language."""
    text = messages.text(problem.code, value=problem.value, **problem.params)
    line = say("row", row=problem.row, field=_field_label(problem.field), message=text)
    return f"{line} ({problem.value})" if problem.value else line


def _target(args: argparse.Namespace) -> str:
    return str(args.db) if args.db else str(paths.default_database_path())


def _secret(env: str, prompt: str, missing: str) -> str:
    """A password from `env`, else typed at a terminal; UserError(`missing`) otherwise."""
    value = os.environ.get(env)
    return value if value is not None else _typed(prompt, missing)


def _typed(prompt: str, missing: str) -> str:
    if not sys.stdin.isatty():
        raise UserError(missing)
    return getpass.getpass(prompt)


def _credentials(user: str | None, url: URL) -> tuple[str, str] | None:
    """None for the owner of a local SQLite file; else the user name and password."""
    if user is None:
        if url.get_backend_name() == "sqlite":
            return None
        raise UserError("login_required")
    return user, _secret(PASSWORD_ENV, say("password_prompt", user=user), "login_required")


def _actor(db: Database, credentials: tuple[str, str] | None) -> Actor:
    if credentials is None:
        return Actor.cli_owner()
    return AccountService(db).login(*credentials)


def _require_file(target: str) -> None:
    url = to_url(target)
    if url.get_backend_name() == "sqlite" and not Path(url.database or "").is_file():
        raise UserError("file_not_found", path=url.database or target)


@contextmanager
def opened(
    args: argparse.Namespace,
    *,
    migrate: bool = True,
    must_exist: bool = False,
    permission: Permission | None = None,
) -> Iterator[Services]:
    """The database of --db with services for the CLI owner or the logged-in --user."""
    target = _target(args)
    if must_exist:
        _require_file(target)
    credentials = _credentials(args.user, to_url(target))
    db = open_database(target, migrate=migrate)
    try:
        actor = _actor(db, credentials)
        if permission is not None:
            actor.require(permission)
        yield build_services(db, actor)
    finally:
        db.close()


# ----------------------------------------------------------------------------- commands


def cmd_demo(args: argparse.Namespace) -> int:
    from skillsapp.services.demo import write_demo

    write_demo(args.db, persons=args.persons, seed=args.seed)
    _out(say("demo_written", path=args.db, persons=args.persons))
    return 0


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    """Migrate to head; an existing schema needs MANAGE_DATABASE rights first."""
    target = _target(args)
    credentials = _credentials(args.user, to_url(target))
    db = open_database(target, migrate=False)
    try:
        before = _revision(db)
        if before is not None:
            _actor(db, credentials).require(Permission.MANAGE_DATABASE)
        upgrade(db)
        after = _revision(db)
    finally:
        db.close()
    if before == after:
        _out(say("up_to_date", revision=after))
    else:
        _out(say("upgraded", old=before or say("revision_none"), new=after))
    return 0


def _revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return current_revision(conn)


def cmd_db_check(args: argparse.Namespace) -> int:
    with opened(
        args, migrate=False, must_exist=True, permission=Permission.MANAGE_DATABASE
    ) as services:
        result = maintenance.check(services.db)
    _out(say("integrity_ok" if result.intact else "integrity_bad"))
    for problem in result.problems[:MAX_PROBLEMS_SHOWN]:
        _out(f"  {problem}")
    if len(result.problems) > MAX_PROBLEMS_SHOWN:
        _out(say("more_problems", count=len(result.problems)))
    _out(say("revision", revision=result.revision or say("revision_none"), head=result.head))
    if not result.intact:
        report(DatabaseError("db_integrity", detail="; ".join(result.problems[:3])))
    elif not result.up_to_date:
        _err(say("needs_upgrade"))
    return 0 if result.ok else 1


def cmd_db_backup(args: argparse.Namespace) -> int:
    maintenance.sqlite_file(to_url(_target(args)))  # PostgreSQL: refused before any login
    with opened(
        args, migrate=False, must_exist=True, permission=Permission.MANAGE_DATABASE
    ) as services:
        written = maintenance.backup(services.db, args.out)
    _out(say("backup_written", path=written))
    return 0


def cmd_db_restore(args: argparse.Namespace) -> int:
    """Replace the SQLite file; with --user, that account must be allowed to."""
    target = _target(args)
    db_file = maintenance.sqlite_file(to_url(target))
    if args.user is not None:  # the file's owner needs no login; an account must be allowed
        _authorise(args, Permission.MANAGE_DATABASE)
    aside = maintenance.restore(db_file, args.source)
    if aside is None:
        _out(say("restored_fresh", source=args.source))
    else:
        _out(say("restored", source=args.source, aside=aside))
    return 0


def _authorise(args: argparse.Namespace, permission: Permission) -> None:
    with opened(args, migrate=False, must_exist=True, permission=permission):
        pass


def cmd_import_persons(args: argparse.Namespace) -> int:
    from skillsapp.interchange.persons import read_persons

    drafts = read_persons(args.file)
    with opened(args) as services:
        preview = services.importer.preview(drafts)
        for problem in preview.problems:
            _err(problem_line(problem))
        if not preview.valid:
            raise UserError("import_nothing")
        result = services.importer.run(preview)
    _out(
        say(
            "imported",
            imported=result.imported,
            skipped=result.skipped,
            units=result.units_created,
        )
    )
    return 0


def cmd_export_persons(args: argparse.Namespace) -> int:
    from skillsapp.services.registry_export import export_persons

    with opened(args, must_exist=True) as services:
        unit_id = _unit_id(services, args.unit) if args.unit else None
        query = PersonQuery(text=args.search, unit_id=unit_id, limit=None)
        count = export_persons(services.registry, query, args.file)
    _out(say("exported", count=count, path=args.file))
    return 0


def _unit_id(services: Services, name: str) -> int:
    wanted = name.strip()
    for unit in services.units.units():
        if wanted in (unit.name, unit.short_name):
            return unit.id
    raise ValidationError({"unit": "unit_unknown"})


def cmd_snapshot(args: argparse.Namespace) -> int:
    from skillsapp.ui.snapshot import render_snapshot

    render_snapshot(_target(args), args.view, args.out, choose_language(args.lang))
    _out(say("snapshot_written", path=args.out))
    return 0


def cmd_users_list(args: argparse.Namespace) -> int:
    with opened(args, must_exist=True) as services:
        rows = services.accounts.users(services.actor)
    for row in rows:
        state = "" if row.active else f"  [{say('inactive')}]"
        role = _pick(ROLE_LABELS[row.role])
        _out(f"{_pad(row.username, 20)} {_pad(role, 14)} {row.display_name}{state}")
    return 0


def cmd_users_add(args: argparse.Namespace) -> int:
    role = Role(args.role)
    with opened(args) as services:
        services.actor.require(Permission.MANAGE_USERS)
        if role is not Role.ADMIN and services.accounts.needs_first_admin():
            raise UserError("first_account_admin")
        row = services.accounts.create_user(
            services.actor,
            username=args.username,
            password=_new_password(args),
            role=role,
            display_name=args.display_name,
        )
    _out(say("user_added", username=row.username, role=_pick(ROLE_LABELS[row.role])))
    return 0


def _pad(text: str, width: int) -> str:
    """Left-align in a terminal, where a Chinese character takes two columns."""
    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(width - used, 0)


def _new_password(args: argparse.Namespace) -> str:
    """SKILLSAPP_NEW_PASSWORD; SKILLSAPP_PASSWORD when not logging in; else typed twice."""
    for env in (NEW_PASSWORD_ENV, PASSWORD_ENV if args.user is None else None):
        if env and os.environ.get(env) is not None:
            return os.environ[env]
    prompt = say("new_password_prompt", user=args.username)
    password = _typed(prompt, "password_required")
    if getpass.getpass(say("repeat_prompt")) != password:
        raise ValidationError({"password": "password_mismatch"})
    return password


def cmd_audit_list(args: argparse.Namespace) -> int:
    with opened(args, must_exist=True) as services:
        rows = services.audit.entries(AuditFilter(entity=args.entity, limit=args.limit))
    for row in rows:
        target = f"{row.entity}#{row.entity_id}" if row.entity_id else row.entity
        reason = f"  {row.reason}" if row.reason else ""
        _out(f"{row.id:>7}  {_local(row.at)}  {row.actor:<16} {row.action:<8} {target}{reason}")
    return 0


def _local(moment: dt.datetime) -> str:
    """Stored in UTC (SQLite drops the zone); shown in local time."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return f"{aware.astimezone():%Y-%m-%d %H:%M:%S}"


def cmd_audit_verify(args: argparse.Namespace) -> int:
    with opened(args, must_exist=True) as services:
        broken = services.audit.first_broken_link()
    if broken is not None:
        raise UserError("audit_broken", id=broken)
    _out(say("audit_intact"))
    return 0
