"""Shared fixtures: real databases (an SQLite file, and PostgreSQL when configured)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from skillsapp import messages
from skillsapp.app import Services, build_services, open_services
from skillsapp.domain import all_models  # noqa: F401  (every table in Base.metadata)
from skillsapp.domain.base import Base
from skillsapp.services.context import Actor
from skillsapp.storage.migrate import open_database

PG_ENV = "SKILLSAPP_TEST_PG_URL"


@pytest.fixture(autouse=True, scope="session")
def _cheap_password_hashes() -> Iterator[None]:
    """scrypt at 2**14 costs ~60 ms a hash by design; tests create thousands of accounts.
    The cost is stored in each hash, so verification is unchanged."""
    from skillsapp.domain import passwords

    saved = passwords._N
    passwords._N = 2**8
    yield
    passwords._N = saved


@pytest.fixture(autouse=True)
def _chinese_messages() -> Iterator[None]:
    messages.set_language("zh_CN")
    yield
    messages.set_language("zh_CN")


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep the user's real data folder and QSettings out of every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))


@pytest.fixture(scope="session")
def _pg_shared() -> Iterator[str | None]:
    """One database migrated to head per run; each test empties it (TRUNCATE is ~100× faster
    than creating a database per test)."""
    admin_url = os.environ.get(PG_ENV)
    if not admin_url:
        yield None
        return
    name = f"skillsapp_shared_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    open_database(url).close()
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _emptied(url: str) -> str:
    engine = create_engine(url)
    with engine.begin() as conn:
        tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
        conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return url


def _postgres_database() -> Iterator[str]:
    """A brand-new, empty PostgreSQL database (for migration tests)."""
    admin_url = os.environ.get(PG_ENV)
    if not admin_url:
        pytest.skip(
            f"PostgreSQL tests need {PG_ENV} (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)"
        )
    name = f"skillsapp_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database: an SQLite file, then the PostgreSQL server (migrated, no rows)."""
    if request.param == "sqlite":
        yield str(tmp_path / "skillsapp.sqlite3")
    else:
        shared = request.getfixturevalue("_pg_shared")
        if shared is None:
            pytest.skip(f"PostgreSQL tests need {PG_ENV}")
        yield _emptied(shared)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_db_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with no schema at all (migration tests), on each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "skillsapp.sqlite3")
    else:
        yield from _postgres_database()


@pytest.fixture
def sqlite_target(tmp_path: Path) -> str:
    return str(tmp_path / "skillsapp.sqlite3")


def _admin_services(target: str) -> Iterator[Services]:
    services = open_services(target)
    actor = services.accounts.create_first_admin(
        username="admin", password="admin", display_name="管理员"
    )
    bound = build_services(services.db, actor)
    try:
        yield bound
    finally:
        services.db.close()


@pytest.fixture
def services(db_target: str) -> Iterator[Services]:
    """Services acting as a logged-in admin, on each storage backend."""
    yield from _admin_services(db_target)


@pytest.fixture
def sqlite_services(sqlite_target: str) -> Iterator[Services]:
    """Services acting as a logged-in admin on an SQLite file only (GUI and CLI tests)."""
    yield from _admin_services(sqlite_target)


def as_role(services: Services, username: str, role: str) -> Services:
    """Services for a new account of `role` (created by the admin)."""
    from skillsapp.domain.roles import Role

    services.accounts.create_user(
        services.actor, username=username, password="pass1234", role=Role(role)
    )
    return services.as_actor(services.accounts.login(username, "pass1234"))


__all__ = ["Actor", "as_role"]
