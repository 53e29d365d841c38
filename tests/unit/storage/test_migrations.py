"""Opening a database: migration to head, the models matching the migrations, backups."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from skillsapp.app import open_services
from skillsapp.domain import all_models  # noqa: F401  (registers every table)
from skillsapp.domain.base import Base
from skillsapp.errors import DatabaseError
from skillsapp.storage.database import SQLITE_BUSY_TIMEOUT_MS, connect
from skillsapp.storage.migrate import (
    alembic_config,
    current_revision,
    head_revision,
    known_revisions,
    open_database,
    sqlite_backup_before_migration,
)
from tests.factories import person_input

SCHEMAS_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "schemas"
FROZEN_SCHEMAS = sorted(SCHEMAS_DIR.glob("*.sqlite3"))


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


def _stamp(path: Path, revision: str, *, journal_mode: str | None = None) -> None:
    """Rewrite the file's alembic revision behind the program's back."""
    conn = sqlite3.connect(path)
    try:
        if journal_mode:
            conn.execute(f"PRAGMA journal_mode = {journal_mode}")
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        conn.commit()
    finally:
        conn.close()


def _previous_revision() -> str | None:
    script = ScriptDirectory.from_config(alembic_config())
    down = script.get_revision(head_revision()).down_revision
    assert not isinstance(down, tuple), "a merge head needs a frozen database per branch"
    return down


def _sqlite_at_revision(path: Path, revision: str) -> None:
    """A database left by an older program: schema `revision`, one unit in it."""
    db = connect(path)
    try:
        with db.engine.begin() as conn:
            config = alembic_config()
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
            conn.execute(
                text(
                    "INSERT INTO unit (name, short_name, kind, contact_person, contact_phone,"
                    " address, version, created_at, updated_at) VALUES ('市总工会', '', 'union',"
                    " '', '', '', 1, '2024-01-01 00:00:00', '2024-01-01 00:00:00')"
                )
            )
    finally:
        db.close()


def _revision_of(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        conn.close()


def _row_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def test_empty_database_is_migrated_to_head_with_every_table(empty_db_target: str) -> None:
    db = open_database(empty_db_target)
    try:
        tables = set(inspect(db.engine).get_table_names())
        with db.engine.connect() as conn:
            revision = current_revision(conn)
    finally:
        db.close()
    assert set(Base.metadata.tables) <= tables
    assert revision == head_revision()


def test_models_and_migrations_describe_the_same_schema(empty_db_target: str) -> None:
    db = open_database(empty_db_target)
    try:
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
    finally:
        db.close()
    assert differences == []


def test_reopening_a_migrated_database_keeps_its_data(empty_db_target: str) -> None:
    services = open_services(empty_db_target)
    services.registry.add(person_input(1))
    services.db.close()
    db = open_database(empty_db_target)
    try:
        with db.engine.connect() as conn:
            count = conn.execute(text("SELECT count(*) FROM person")).scalar_one()
    finally:
        db.close()
    assert count == 1


def test_sqlite_is_opened_with_foreign_keys_wal_and_busy_timeout(sqlite_target: str) -> None:
    db = open_database(sqlite_target)
    try:
        with db.engine.connect() as conn:
            pragmas = {
                name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("foreign_keys", "journal_mode", "busy_timeout")
            }
    finally:
        db.close()
    assert pragmas["foreign_keys"] == 1
    assert pragmas["journal_mode"] == "wal"
    assert pragmas["busy_timeout"] == SQLITE_BUSY_TIMEOUT_MS >= 1000


def test_database_from_a_newer_program_is_refused(empty_db_target: str) -> None:
    open_database(empty_db_target).close()
    db = open_database(empty_db_target, migrate=False)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    db.close()
    with pytest.raises(DatabaseError) as caught:
        open_database(empty_db_target)
    assert caught.value.code == "db_too_new"
    assert caught.value.params["revision"] == "9999_from_the_future"


def test_too_new_sqlite_file_is_left_byte_identical_without_backup(sqlite_target: str) -> None:
    path = Path(sqlite_target)
    open_database(path).close()
    _stamp(path, "9999_from_the_future")
    before, files = _sha256(path), _siblings(path)
    with pytest.raises(DatabaseError) as caught:
        open_database(path)
    assert caught.value.code == "db_too_new"
    assert _sha256(path) == before
    assert _siblings(path) == files
    assert not any(".bak-" in name for name in _siblings(path))


def test_too_new_sqlite_file_in_rollback_journal_mode_is_left_byte_identical(
    sqlite_target: str,
) -> None:
    path = Path(sqlite_target)
    open_database(path).close()
    _stamp(path, "9999_from_the_future", journal_mode="DELETE")
    before = _sha256(path)
    with pytest.raises(DatabaseError, match="db_too_new"):
        open_database(path)
    assert _sha256(path) == before


def test_file_that_is_not_a_database_is_unusable_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "photo.sqlite3"
    path.write_bytes(os.urandom(8192))
    before = _sha256(path)
    with pytest.raises(DatabaseError) as caught:
        open_database(path)
    assert caught.value.code == "db_unusable"
    assert _sha256(path) == before
    assert _siblings(path) == {"photo.sqlite3"}


def test_file_in_a_missing_folder_is_unusable(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError) as caught:
        open_database(tmp_path / "no" / "such" / "folder" / "db.sqlite3")
    assert caught.value.code == "db_unusable"


def test_unreachable_postgresql_server_is_a_database_error() -> None:
    with pytest.raises(DatabaseError) as caught:
        open_database("postgresql+psycopg://postgres@127.0.0.1:1/skillsapp")
    assert caught.value.code == "db_unusable"


def test_malformed_url_is_a_database_error() -> None:
    with pytest.raises(DatabaseError) as caught:
        open_database("postgresql+psycopg://user@host:notaport/db")
    assert caught.value.code == "db_bad_url"


def test_backup_before_migration_is_a_valid_copy_with_the_same_rows(
    sqlite_target: str,
) -> None:
    services = open_services(sqlite_target)
    for seq in range(3):
        services.registry.add(person_input(seq))
    try:
        backup = sqlite_backup_before_migration(services.db, "0000")
    finally:
        services.db.close()
    assert backup.name == "skillsapp.sqlite3.bak-0000"
    conn = sqlite3.connect(backup)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        names = [n for (n,) in conn.execute("SELECT name FROM person ORDER BY id")]
    finally:
        conn.close()
    assert names == [person_input(seq).name for seq in range(3)]
    assert _row_counts(backup) == _row_counts(Path(sqlite_target))


def test_opening_an_older_sqlite_file_backs_it_up_then_migrates(sqlite_target: str) -> None:
    previous = _previous_revision()
    if previous is None:
        pytest.skip("only one schema revision: there is no older file to open")
    path = Path(sqlite_target)
    _sqlite_at_revision(path, previous)
    services = open_services(path)
    try:
        units = [u.name for u in services.units.units()]
        with services.db.engine.connect() as conn:
            revision = current_revision(conn)
    finally:
        services.db.close()
    assert revision == head_revision()
    assert units == ["市总工会"]
    backup = path.with_name(f"{path.name}.bak-{previous}")
    assert _revision_of(backup) == previous
    assert _row_counts(backup)["unit"] == 1


@pytest.mark.parametrize(
    "frozen",
    FROZEN_SCHEMAS
    or [pytest.param(None, marks=pytest.mark.skip(reason=f"no frozen databases in {SCHEMAS_DIR}"))],
    ids=lambda p: p.name if isinstance(p, Path) else "none",
)
def test_frozen_database_of_an_earlier_schema_upgrades_to_head(
    frozen: Path, tmp_path: Path
) -> None:
    path = tmp_path / frozen.name
    shutil.copyfile(frozen, path)
    old_revision = _revision_of(path)
    old_counts = _row_counts(path)
    db = open_database(path)
    try:
        with db.engine.connect() as conn:
            assert current_revision(conn) == head_revision()
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        db.close()
    new_counts = _row_counts(path)
    kept = {t: n for t, n in old_counts.items() if t in new_counts and t != "alembic_version"}
    assert kept == {t: new_counts[t] for t in kept}
    backup = path.with_name(f"{path.name}.bak-{old_revision}")
    assert backup.exists() == (old_revision != head_revision())


def test_cheap_revision_lookup_agrees_with_alembic() -> None:
    """migrate.py reads revisions from file names to avoid importing Alembic at start-up."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    assert known_revisions() == {rev.revision for rev in script.walk_revisions()}
    assert head_revision() == script.get_current_head()
