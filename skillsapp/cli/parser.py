"""The argument parser: global options before or after the subcommand, and the commands."""

from __future__ import annotations

import argparse

from skillsapp import messages
from skillsapp.cli import (
    admin_cmds,
    certificate_cmds,
    competition_cmds,
    db_cmds,
    preparation_cmds,
    registry_cmds,
    scoring_cmds,
    talent_cmds,
    template_cmds,
)
from skillsapp.cli.common import LANG_ENV, PASSWORD_ENV, Builder, Commands, actions, command


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


def _add_import(commands: Commands, common: argparse.ArgumentParser) -> None:
    group = actions(command(commands, common, "import", "import from .xlsx or .csv"))
    registry_cmds.add_import_persons(group, common)
    preparation_cmds.add_import_registrations(group, common)
    scoring_cmds.add_import_marks(group, common)
    talent_cmds.add_import_honours(group, common)
    talent_cmds.add_import_studios(group, common)
    talent_cmds.add_import_innovations(group, common)


def _add_export(commands: Commands, common: argparse.ArgumentParser) -> None:
    group = actions(command(commands, common, "export", "export to .xlsx"))
    registry_cmds.add_export_persons(group, common)
    talent_cmds.add_export_studios(group, common)


BUILDERS: tuple[Builder, ...] = (
    registry_cmds.add_demo,
    db_cmds.add_db,
    _add_import,
    _add_export,
    admin_cmds.add_snapshot,
    admin_cmds.add_users,
    admin_cmds.add_audit,
    competition_cmds.add_competition,
    preparation_cmds.add_draw,
    preparation_cmds.add_forms,
    scoring_cmds.add_results,
    scoring_cmds.add_publish,
    certificate_cmds.add_certificates,
    certificate_cmds.add_verify,
    template_cmds.add_templates,
    template_cmds.add_signing_key,
    talent_cmds.add_profile,
)


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
    for add in BUILDERS:
        add(commands, common)
    return parser


def parse(argv: list[str] | None) -> argparse.Namespace:
    """Parse and check the option combinations; SystemExit(2) on a usage error."""
    parser = build_parser()
    args = parser.parse_args(argv)
    demo = args.handler is registry_cmds.cmd_demo
    if args.demo and args.handler is not None:
        parser.error("--demo opens the window; it takes no command")
    if args.demo and args.db:
        parser.error("--demo makes its own database; leave out --db")
    if demo and not args.db:
        parser.error("demo needs --db PATH")
    if demo and args.persons < 0:
        parser.error("--persons cannot be negative")
    if problem := certificate_cmds.usage_problem(args):
        parser.error(problem)
    return args
