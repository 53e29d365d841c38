"""Database upkeep: integrity check, and backup and restore of SQLite files."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from skillsapp.errors import DatabaseError, UserError
from skillsapp.storage.database import Database
from skillsapp.storage.migrate import current_revision, head_revision, known_revisions, sqlite_copy

log = logging.getLogger(__name__)

_SIDE_FILES = ("-wal", "-shm", "-journal")  # SQLite keeps these next to the main file


@dataclass(frozen=True)
class CheckReport:
    """What `check` found: integrity problems (none when fine) and the schema revision."""

    problems: tuple[str, ...]
    revision: str | None
    head: str

    @property
    def intact(self) -> bool:
        return not self.problems

    @property
    def up_to_date(self) -> bool:
        return self.revision == self.head

    @property
    def ok(self) -> bool:
        return self.intact and self.up_to_date


def sqlite_file(url: URL) -> Path:
    """The file behind an SQLite URL; DatabaseError("db_not_sqlite") for a server."""
    if url.get_backend_name() != "sqlite" or not url.database:
        raise DatabaseError("db_not_sqlite")
    return Path(url.database)


def check(db: Database) -> CheckReport:
    """Run the integrity check (PRAGMA integrity_check on SQLite, a ping on a server)."""
    try:
        with db.engine.connect() as conn:
            revision = current_revision(conn)
            if db.is_sqlite:
                rows = [str(row[0]) for row in conn.exec_driver_sql("PRAGMA integrity_check")]
                problems = tuple(row for row in rows if row != "ok")
            else:
                conn.execute(text("SELECT 1"))
                problems = ()
    except DBAPIError as exc:
        raise DatabaseError("db_unusable", url=db.display, detail=str(exc.orig)) from exc
    return CheckReport(problems, revision, head_revision())


def backup(db: Database, out: Path) -> Path:
    """A consistent copy of the SQLite database at `out` (replaced if it exists)."""
    source = sqlite_file(db.url)
    out = out.expanduser().resolve()
    if out == source:
        raise UserError("file_unwritable", path=str(out), detail="the database itself")
    _copy_via_part(source, out)
    log.info("backed up %s to %s", source, out)
    return out


def restore(db_file: Path, source: Path, *, now: dt.datetime | None = None) -> Path | None:
    """Replace `db_file` with the SQLite backup `source`; return where the old file went.

    `source` must be a SkillsApp database this program knows (not newer) and intact.
    Nothing is changed when it is not. The program must not have `db_file` open.
    """
    source = source.expanduser().resolve()
    if not source.is_file():
        raise UserError("file_not_found", path=str(source))
    staged = db_file.with_name(f"{db_file.name}.restore-part")
    _copy_via_part(source, staged)
    try:
        _check_restorable(staged, source)
        aside = _set_aside(db_file, now or dt.datetime.now())
        os.replace(staged, db_file)
    finally:
        staged.unlink(missing_ok=True)
    log.info("restored %s from %s (old file: %s)", db_file, source, aside)
    return aside


def _copy_via_part(source: Path, target: Path) -> None:
    """Copy with the SQLite backup API into `<target>.part`, then move it into place."""
    part = target.with_name(f"{target.name}.part")
    try:
        part.unlink(missing_ok=True)
        sqlite_copy(source, part)
        os.replace(part, target)
    except (sqlite3.OperationalError, OSError) as exc:  # cannot open or write the target
        raise UserError("file_unwritable", path=str(target), detail=str(exc)) from exc
    except sqlite3.Error as exc:  # "file is not a database" and the like
        raise DatabaseError("db_unusable", url=str(source), detail=str(exc)) from exc
    finally:
        part.unlink(missing_ok=True)


def _check_restorable(staged: Path, source: Path) -> None:
    connection = sqlite3.connect(staged)
    try:
        rows = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
        revision = _sqlite_revision(connection)
    except sqlite3.Error as exc:
        raise DatabaseError("db_unusable", url=str(source), detail=str(exc)) from exc
    finally:
        connection.close()
    if rows != ["ok"]:
        raise DatabaseError("db_integrity", detail="; ".join(rows[:3]))
    if revision is None:
        raise DatabaseError("db_not_skillsapp", url=str(source))
    if revision not in known_revisions():
        raise DatabaseError("db_too_new", url=str(source), revision=revision)


def _sqlite_revision(connection: sqlite3.Connection) -> str | None:
    has_table = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if not has_table:
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


def _set_aside(db_file: Path, now: dt.datetime) -> Path | None:
    """Move the current file (and its WAL side files) to `<name>.bak-restore-<time>`."""
    if not db_file.exists():
        return None
    aside = _free_name(db_file.with_name(f"{db_file.name}.bak-restore-{now:%Y%m%d-%H%M%S}"))
    try:
        for suffix in ("", *_SIDE_FILES):
            current = db_file.with_name(db_file.name + suffix)
            if current.exists():
                os.replace(current, aside.with_name(aside.name + suffix))
    except OSError as exc:
        raise UserError("file_unwritable", path=str(db_file), detail=str(exc)) from exc
    return aside


def _free_name(path: Path) -> Path:
    """`path`, or `path-2`, `path-3` … when a restore in the same second took it."""
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name}-{number}")
    return candidate
