"""`skillsapp db upgrade|check|backup|restore`: database maintenance."""

from __future__ import annotations

import argparse
from pathlib import Path

from skillsapp.cli.common import (
    Commands,
    actions,
    actor,
    authorise,
    command,
    credentials,
    err,
    opened,
    out,
    report,
    target,
)
from skillsapp.cli.texts import say
from skillsapp.domain.roles import Permission
from skillsapp.errors import DatabaseError
from skillsapp.storage import maintenance
from skillsapp.storage.database import Database, to_url
from skillsapp.storage.migrate import current_revision, open_database, upgrade

MAX_PROBLEMS_SHOWN = 10  # PRAGMA integrity_check lists up to 100


def add_db(commands: Commands, common: argparse.ArgumentParser) -> None:
    group = actions(command(commands, common, "db", "database maintenance"))
    command(group, common, "upgrade", "migrate the schema to this version", cmd_db_upgrade)
    command(group, common, "check", "integrity check and schema revision", cmd_db_check)
    backup = command(group, common, "backup", "copy the SQLite file to OUT", cmd_db_backup)
    backup.add_argument("out", metavar="OUT", type=Path)
    restore = command(group, common, "restore", "replace the SQLite file by IN", cmd_db_restore)
    restore.add_argument("source", metavar="IN", type=Path)


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    """Migrate to head; an existing schema needs MANAGE_DATABASE rights first."""
    where = target(args)
    login = credentials(args.user, to_url(where))
    db = open_database(where, migrate=False)
    try:
        before = _revision(db)
        if before is not None:
            actor(db, login).require(Permission.MANAGE_DATABASE)
        upgrade(db)
        after = _revision(db)
    finally:
        db.close()
    if before == after:
        out(say("up_to_date", revision=after))
    else:
        out(say("upgraded", old=before or say("revision_none"), new=after))
    return 0


def _revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return current_revision(conn)


def cmd_db_check(args: argparse.Namespace) -> int:
    with opened(
        args, migrate=False, must_exist=True, permission=Permission.MANAGE_DATABASE
    ) as services:
        result = maintenance.check(services.db)
    out(say("integrity_ok" if result.intact else "integrity_bad"))
    for problem in result.problems[:MAX_PROBLEMS_SHOWN]:
        out(f"  {problem}")
    if len(result.problems) > MAX_PROBLEMS_SHOWN:
        out(say("more_problems", count=len(result.problems)))
    out(say("revision", revision=result.revision or say("revision_none"), head=result.head))
    if not result.intact:
        report(DatabaseError("db_integrity", detail="; ".join(result.problems[:3])))
    elif not result.up_to_date:
        err(say("needs_upgrade"))
    return 0 if result.ok else 1


def cmd_db_backup(args: argparse.Namespace) -> int:
    maintenance.sqlite_file(to_url(target(args)))  # PostgreSQL: refused before any login
    with opened(
        args, migrate=False, must_exist=True, permission=Permission.MANAGE_DATABASE
    ) as services:
        written = maintenance.backup(services.db, args.out)
    out(say("backup_written", path=written))
    return 0


def cmd_db_restore(args: argparse.Namespace) -> int:
    """Replace the SQLite file; with --user, that account must be allowed to."""
    db_file = maintenance.sqlite_file(to_url(target(args)))
    if args.user is not None:  # the file's owner needs no login; an account must be allowed
        authorise(args, Permission.MANAGE_DATABASE)
    aside = maintenance.restore(db_file, args.source)
    if aside is None:
        out(say("restored_fresh", source=args.source))
    else:
        out(say("restored", source=args.source, aside=aside))
    return 0
