"""Migration 0006: unique indexes behind "the same honour once" and "one nomination per
round and nominee"; a database that already holds duplicates is refused by name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy import Connection

from skillsapp import messages
from skillsapp.errors import DatabaseError
from skillsapp.storage.database import connect, to_url
from skillsapp.storage.migrate import (
    alembic_config,
    current_revision,
    head_revision,
    open_database,
)
from tests.factories import id_number

BEFORE = "0005"
INDEXES = {
    "honour": {
        "ux_honour_person",
        "ux_honour_person_undated",
        "ux_honour_unit",
        "ux_honour_unit_undated",
    },
    "nomination": {"ux_nomination_round_person", "ux_nomination_round_unit"},
}
_STAMP = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def _migrate(target: str, revision: str, *, down: bool = False) -> None:
    db = connect(target)
    try:
        with db.engine.begin() as conn:
            config = alembic_config()
            config.attributes["connection"] = conn
            (command.downgrade if down else command.upgrade)(config, revision)
    finally:
        db.close()


def _insert(conn: Connection, table: str, *, stamped: bool = True, **values: Any) -> int:
    """A row written as the schema-0005 program wrote it (no mapped classes: they are head)."""
    if stamped:
        values |= {"version": 1, "created_at": _STAMP, "updated_at": _STAMP}
    columns = [
        sa.column(k, sa.DateTime(timezone=True) if k.endswith("_at") else None) for k in values
    ]
    rows = sa.table(table, sa.column("id"), *columns)
    return int(conn.execute(rows.insert().values(**values).returning(rows.c.id)).scalar_one())


class _OldRegistry:
    """Persons, a unit, honours and nominations in a database at schema 0005."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.unit = _insert(
            conn, "unit", name="焦煤集团赵固二矿", short_name="", kind="enterprise",
            contact_person="", contact_phone="", address="",
        )  # fmt: skip
        self.skill = self._type("技术能手", for_units=False)
        self.pioneer = self._type("工人先锋号", for_units=True)
        self.round = self._round("2025年焦作市劳动模范评选")

    def person(self, seq: int, name: str) -> int:
        return _insert(
            self.conn, "person", name=name, gender="M", id_number=id_number(seq), mobile="",
            trade="", title="", name_initials="", name_pinyin="",
        )  # fmt: skip

    def _type(self, name: str, *, for_units: bool) -> int:
        values = {"name": name, "ladder": "", "for_units": for_units, "rank": 0}
        return _insert(self.conn, "honour_type", stamped=False, **values)

    def _round(self, name: str) -> int:
        return _insert(
            self.conn, "nomination_round", name=name, honour_type_id=self.skill, level="city",
            title="焦作市劳动模范", granting_body="", year=2025, document_number="",
            status="open",
        )  # fmt: skip

    def honour(self, year: int | None = 2024, **holder: int) -> None:
        type_id = self.pioneer if "unit_id" in holder else self.skill
        title = "焦作市工人先锋号" if "unit_id" in holder else "焦作市技术能手"
        _insert(
            self.conn, "honour", type_id=type_id, level="city", title=title, granting_body="",
            year=year, edition="", document_number="", **holder,
        )  # fmt: skip

    def nominate(self, **nominee: int) -> None:
        _insert(
            self.conn, "nomination", round_id=self.round, notes="", status="nominated",
            review_notes="", **nominee,
        )  # fmt: skip


def _old_database(target: str, *, duplicates: bool, revision: str = BEFORE) -> None:
    _migrate(target, revision)
    db = connect(target)
    try:
        with db.engine.begin() as conn:
            old = _OldRegistry(conn)
            wang, li = old.person(0, "王建国"), old.person(1, "李秀英")
            for holder in ({"person_id": wang}, {"person_id": li}, {"unit_id": old.unit}):
                old.honour(**holder)
                old.honour(None, **holder)  # undated
            old.honour(2023, person_id=wang)
            old.nominate(person_id=wang)
            old.nominate(person_id=li)
            if duplicates:
                old.honour(person_id=wang)
                old.honour(None, person_id=li)
                old.honour(None, unit_id=old.unit)
                old.nominate(person_id=wang)
    finally:
        db.close()


def _snapshot(target: str) -> tuple[str | None, dict[str, int], dict[str, set[str]]]:
    """Revision, rows per talent table, and the unique indexes of honour and nomination."""
    db = connect(target)
    try:
        with db.engine.connect() as conn:
            revision = current_revision(conn)
            counts = {
                t: conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one()
                for t in ("person", "unit", "honour", "nomination")
            }
            inspector = sa.inspect(conn)
            unique = {
                t: {str(i["name"]) for i in inspector.get_indexes(t) if i["unique"]}
                for t in INDEXES
            }
    finally:
        db.close()
    return revision, counts, unique


def test_old_registry_upgrades_with_its_rows_and_gains_the_indexes(empty_db_target: str) -> None:
    _old_database(empty_db_target, duplicates=False)
    revision, before, _ = _snapshot(empty_db_target)
    open_database(empty_db_target).close()
    assert revision == BEFORE
    revision, after, unique = _snapshot(empty_db_target)
    assert (revision, after) == (head_revision(), before)
    assert unique == INDEXES


@pytest.mark.parametrize("start", ["0004", BEFORE])  # 0004: 0005 is rolled back too
def test_old_database_holding_duplicates_is_refused_by_name_and_left_as_it_was(
    empty_db_target: str, start: str
) -> None:
    _old_database(empty_db_target, duplicates=True, revision=start)
    before = _snapshot(empty_db_target)
    with pytest.raises(DatabaseError) as caught:
        open_database(empty_db_target)
    assert caught.value.code == "db_talent_duplicates"
    assert caught.value.params["honours"] == (
        "王建国 · 焦作市技术能手 · 2024 ×2; 李秀英 · 焦作市技术能手 ×2; 焦煤集团赵固二矿 · 焦作市工人先锋号 ×2"
    )
    assert caught.value.params["nominations"] == "2025年焦作市劳动模范评选 · 王建国 ×2"
    assert _snapshot(empty_db_target) == before  # same revision, every row, no new index
    url = to_url(empty_db_target)
    if url.get_backend_name() == "sqlite":  # the copy taken before migrating is kept
        path = Path(url.database or "")
        assert path.with_name(f"{path.name}.bak-{start}").exists()


def test_refusal_reads_in_both_languages(sqlite_target: str) -> None:
    _old_database(sqlite_target, duplicates=True)
    with pytest.raises(DatabaseError) as caught:
        open_database(sqlite_target)
    messages.set_language("en")
    english = messages.describe(caught.value)
    messages.set_language("zh_CN")
    chinese = messages.describe(caught.value)
    assert "王建国 · 焦作市技术能手 · 2024 ×2" in english
    assert english.endswith("then open it again; no data were changed")
    assert "2025年焦作市劳动模范评选 · 王建国 ×2" in chinese
    assert chinese.endswith("数据库中的数据未做任何改动")


def test_a_long_list_of_duplicates_names_ten_and_counts_the_rest(sqlite_target: str) -> None:
    _migrate(sqlite_target, BEFORE)
    db = connect(sqlite_target)
    with db.engine.begin() as conn:
        old = _OldRegistry(conn)
        for seq in range(12):
            holder = old.person(seq, f"职工{seq:02d}")
            old.honour(person_id=holder)
            old.honour(person_id=holder)
    db.close()
    with pytest.raises(DatabaseError) as caught:
        open_database(sqlite_target)
    listed = caught.value.params["honours"]
    assert listed.startswith("职工00 · ") and "职工09 · " in listed and "职工10" not in listed
    assert listed.endswith("; … (+2)")
    assert caught.value.params["nominations"] == "—"


def test_downgrade_drops_the_indexes_and_upgrade_restores_them(empty_db_target: str) -> None:
    _old_database(empty_db_target, duplicates=False)
    open_database(empty_db_target).close()
    _migrate(empty_db_target, BEFORE, down=True)
    revision, _, unique = _snapshot(empty_db_target)
    assert (revision, unique) == (BEFORE, {"honour": set(), "nomination": set()})
    open_database(empty_db_target).close()
    assert _snapshot(empty_db_target)[2] == INDEXES
