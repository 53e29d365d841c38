"""Schema migrations: applied when a database is opened, with a backup first."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import DBAPIError, NoSuchModuleError

from skillsapp.errors import DatabaseError
from skillsapp.storage.database import Database, connect, display_url, to_url

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


# Alembic (with Mako and every dialect) costs ~70 ms and ~12 MB to import, so it is
# imported only when a migration actually runs. Revisions are numbered "0001", "0002"…
# and each file is named after its revision; a test checks this agrees with Alembic.


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def known_revisions() -> set[str]:
    return {p.name.split("_", 1)[0] for p in (MIGRATIONS_DIR / "versions").glob("[0-9]*_*.py")}


def head_revision() -> str:
    return max(known_revisions())


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _sqlite_revision_read_only(path: Path) -> str | None:
    """The revision of an existing SQLite file, read without changing a byte of it."""
    if not path.exists():
        return None
    # Without a pending WAL, immutable=1 reads with no locks and no -shm/-wal files.
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "immutable=1"
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?{mode}", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in tables:
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError("db_unusable", url=str(path), detail=str(exc)) from exc
    return None if row is None else str(row[0])


def _refuse_newer_sqlite(target: str | Path) -> None:
    """Check an SQLite file before the engine opens it (which would switch it to WAL)."""
    url = to_url(target)
    if url.get_backend_name() != "sqlite" or not url.database:
        return
    revision = _sqlite_revision_read_only(Path(url.database))
    if revision is not None and revision not in known_revisions():
        raise DatabaseError("db_too_new", url=url.database, revision=revision)


def open_database(target: str | Path, *, migrate: bool = True) -> Database:
    """Open `target` (path or URL) and bring its schema to the app's head revision."""
    _refuse_newer_sqlite(target)
    try:
        db = connect(target)
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        raise DatabaseError("db_driver_missing", url=display_url(to_url(target))) from exc
    try:
        if migrate:
            upgrade(db)
        else:
            _check_not_newer(db)
    except DBAPIError as exc:
        db.close()
        raise DatabaseError("db_unusable", url=db.display, detail=str(exc.orig)) from exc
    except DatabaseError:
        db.close()
        raise
    return db


def _check_not_newer(db: Database) -> str | None:
    with db.engine.connect() as conn:
        revision = current_revision(conn)
    if revision is not None and revision not in known_revisions():
        raise DatabaseError("db_too_new", url=db.display, revision=revision)
    return revision


def upgrade(db: Database) -> None:
    """Migrate to head; an existing SQLite file is copied aside before any change."""
    revision = _check_not_newer(db)
    head = head_revision()
    if revision == head:
        return
    if db.is_sqlite and revision is not None:
        backup_path = sqlite_backup_before_migration(db, revision)
        log.info("backed up %s to %s before migrating", db.display, backup_path)
    from alembic import command

    with db.engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    log.info("migrated %s from %s to %s", db.display, revision, head)


def sqlite_backup_before_migration(db: Database, revision: str) -> Path:
    source = Path(db.url.database or "")
    target = source.with_name(f"{source.name}.bak-{revision}")
    sqlite_copy(source, target)
    return target


def sqlite_copy(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite database (the online backup API, WAL-safe)."""
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
