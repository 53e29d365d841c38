"""`skillsapp snapshot`, `users list|add` and `audit list|verify`."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
from pathlib import Path

from skillsapp.cli.common import (
    NEW_PASSWORD_ENV,
    PASSWORD_ENV,
    Commands,
    actions,
    choose_language,
    command,
    opened,
    out,
    target,
    typed,
)
from skillsapp.cli.texts import ROLE_LABELS, pad, pick, say
from skillsapp.domain.roles import Permission, Role
from skillsapp.errors import UserError, ValidationError
from skillsapp.services.audit import AuditFilter
from skillsapp.ui.view_names import VIEWS as SNAPSHOT_VIEWS  # no Qt: --help lists them


def add_snapshot(commands: Commands, common: argparse.ArgumentParser) -> None:
    views = ", ".join(SNAPSHOT_VIEWS)
    snap = command(
        commands, common, "snapshot", f"render a page offscreen to PNG; VIEW: {views}", cmd_snapshot
    )
    snap.add_argument("view", metavar="VIEW", choices=SNAPSHOT_VIEWS, help=views)
    snap.add_argument("--out", metavar="FILE.png", type=Path, required=True)


def add_users(commands: Commands, common: argparse.ArgumentParser) -> None:
    group = actions(command(commands, common, "users", "login accounts"))
    command(group, common, "list", "list the accounts", cmd_users_list)
    add = command(
        group, common, "add", f"add an account (password: {NEW_PASSWORD_ENV})", cmd_users_add
    )
    add.add_argument("username", metavar="USERNAME")
    add.add_argument("--role", choices=[r.value for r in Role], required=True)
    add.add_argument("--display-name", default="", metavar="TEXT")


def add_audit(commands: Commands, common: argparse.ArgumentParser) -> None:
    group = actions(command(commands, common, "audit", "the audit trail"))
    listing = command(group, common, "list", "latest entries first", cmd_audit_list)
    listing.add_argument("--entity", default="", metavar="NAME", help="e.g. person, user, unit")
    listing.add_argument("--limit", type=int, default=50, metavar="N")
    command(group, common, "verify", "check the hash chain (exit 1 when broken)", cmd_audit_verify)


def cmd_snapshot(args: argparse.Namespace) -> int:
    from skillsapp.ui.snapshot import render_snapshot

    render_snapshot(target(args), args.view, args.out, choose_language(args.lang))
    out(say("snapshot_written", path=args.out))
    return 0


def cmd_users_list(args: argparse.Namespace) -> int:
    with opened(args, must_exist=True) as services:
        rows = services.accounts.users(services.actor)
    for row in rows:
        state = "" if row.active else f"  [{say('inactive')}]"
        role = pick(ROLE_LABELS[row.role])
        out(f"{pad(row.username, 20)} {pad(role, 14)} {row.display_name}{state}")
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
    out(say("user_added", username=row.username, role=pick(ROLE_LABELS[row.role])))
    return 0


def _new_password(args: argparse.Namespace) -> str:
    """SKILLSAPP_NEW_PASSWORD; SKILLSAPP_PASSWORD when not logging in; else typed twice."""
    for env in (NEW_PASSWORD_ENV, PASSWORD_ENV if args.user is None else None):
        if env and os.environ.get(env) is not None:
            return os.environ[env]
    prompt = say("new_password_prompt", user=args.username)
    password = typed(prompt, "password_required")
    if getpass.getpass(say("repeat_prompt")) != password:
        raise ValidationError({"password": "password_mismatch"})
    return password


def cmd_audit_list(args: argparse.Namespace) -> int:
    with opened(args, must_exist=True) as services:
        rows = services.audit.entries(AuditFilter(entity=args.entity, limit=args.limit))
    for row in rows:
        entity = f"{row.entity}#{row.entity_id}" if row.entity_id else row.entity
        reason = f"  {row.reason}" if row.reason else ""
        out(f"{row.id:>7}  {_local(row.at)}  {row.actor:<16} {row.action:<8} {entity}{reason}")
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
    out(say("audit_intact"))
    return 0
