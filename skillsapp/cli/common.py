"""What every command shares: output, the subcommand helpers, running a handler with
its errors reported, and opening the database as the CLI owner or a logged-in user."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeAlias

from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from skillsapp import messages, paths
from skillsapp.app import Services, build_services
from skillsapp.cli.texts import field_label, say
from skillsapp.domain.roles import Permission
from skillsapp.errors import Blocked, DatabaseError, UserError, ValidationError
from skillsapp.interchange.rows import RowProblem
from skillsapp.services.accounts import AccountService
from skillsapp.services.context import Actor
from skillsapp.storage.database import Database, display_url, to_url
from skillsapp.storage.migrate import open_database

log = logging.getLogger(__name__)

PASSWORD_ENV = "SKILLSAPP_PASSWORD"
NEW_PASSWORD_ENV = "SKILLSAPP_NEW_PASSWORD"
LANG_ENV = "SKILLSAPP_LANG"

Handler = Callable[[argparse.Namespace], int]
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
Builder = Callable[[Commands, argparse.ArgumentParser], None]


def out(line: str) -> None:
    print(line, file=sys.stdout)


def err(line: str) -> None:
    print(line, file=sys.stderr)


# ----------------------------------------------------------------------------- subcommands


def command(
    commands: Commands,
    common: argparse.ArgumentParser,
    name: str,
    help_text: str,
    handler: Handler | None = None,
) -> argparse.ArgumentParser:
    """A subcommand taking the global options; `handler` runs it."""
    sub = commands.add_parser(name, help=help_text, description=help_text, parents=[common])
    if handler is not None:
        sub.set_defaults(handler=handler)
    return sub


def actions(parser: argparse.ArgumentParser) -> Commands:
    """The required second word of a command group (`db check`, `users add` …)."""
    return parser.add_subparsers(dest="action", metavar="ACTION", required=True)


# ----------------------------------------------------------------------------- running


def choose_language(option: str | None) -> str:
    """--lang, else SKILLSAPP_LANG, else Chinese."""
    chosen = option or os.environ.get(LANG_ENV) or "zh_CN"
    return chosen if chosen in messages.LANGUAGES else "zh_CN"


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
        return display_url(to_url(target(args)))
    except UserError:
        return ""


def report(error: UserError) -> None:
    """The error on stderr: one line per field problem or refusal reason."""
    log.info("user error %s", error.code)  # not the params: a URL may carry a password
    if isinstance(error, ValidationError) and error.field_errors:
        for field, code in error.field_errors.items():
            err(f"{field_label(field)}: {messages.text(code)}")
    elif isinstance(error, Blocked) and error.reasons:
        for reason in error.reasons:
            err(messages.describe(reason))
    else:
        err(messages.describe(error))
    if error.code == "db_not_sqlite":
        err(say("pg_hint"))


def problem_line(problem: RowProblem) -> str:
    """`第 12 行 身份证号: 身份证号校验位错误 (value)` in the current language."""
    text = messages.text(problem.code, value=problem.value, **problem.params)
    line = say("row", row=problem.row, field=field_label(problem.field), message=text)
    return f"{line} ({problem.value})" if problem.value else line


# ----------------------------------------------------------------------------- database


def target(args: argparse.Namespace) -> str:
    return str(args.db) if args.db else str(paths.default_database_path())


def secret(env: str, prompt: str, missing: str) -> str:
    """A password from `env`, else typed at a terminal; UserError(`missing`) otherwise."""
    value = os.environ.get(env)
    return value if value is not None else typed(prompt, missing)


def typed(prompt: str, missing: str) -> str:
    if not sys.stdin.isatty():
        raise UserError(missing)
    return getpass.getpass(prompt)


def credentials(user: str | None, url: URL) -> tuple[str, str] | None:
    """None for the owner of a local SQLite file; else the user name and password."""
    if user is None:
        if url.get_backend_name() == "sqlite":
            return None
        raise UserError("login_required")
    return user, secret(PASSWORD_ENV, say("password_prompt", user=user), "login_required")


def actor(db: Database, login: tuple[str, str] | None) -> Actor:
    if login is None:
        return Actor.cli_owner()
    return AccountService(db).login(*login)


def _require_file(where: str) -> None:
    url = to_url(where)
    if url.get_backend_name() == "sqlite" and not Path(url.database or "").is_file():
        raise UserError("file_not_found", path=url.database or where)


@contextmanager
def opened(
    args: argparse.Namespace,
    *,
    migrate: bool = True,
    must_exist: bool = False,
    permission: Permission | None = None,
) -> Iterator[Services]:
    """The database of --db with services for the CLI owner or the logged-in --user."""
    where = target(args)
    if must_exist:
        _require_file(where)
    login = credentials(args.user, to_url(where))
    db = open_database(where, migrate=migrate)
    try:
        acting = actor(db, login)
        if permission is not None:
            acting.require(permission)
        yield build_services(db, acting)
    finally:
        db.close()


def authorise(args: argparse.Namespace, permission: Permission) -> None:
    """Log in as --user and check `permission`, without doing anything else."""
    with opened(args, migrate=False, must_exist=True, permission=permission):
        pass


def unit_id(services: Services, name: str) -> int:
    """The unit called `name` (full or short name); ValidationError when there is none."""
    wanted = name.strip()
    for unit in services.units.units():
        if wanted in (unit.name, unit.short_name):
            return unit.id
    raise ValidationError({"unit": "unit_unknown"})


def competition_id(services: Services, ref: str) -> int:
    """The competition whose id or code is `ref`."""
    wanted = ref.strip().upper()
    for row in services.competitions.competitions():
        if wanted in (str(row.id), row.code):
            return row.id
    raise UserError("competition_not_found", ref=ref)
