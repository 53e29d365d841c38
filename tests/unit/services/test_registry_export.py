"""Exporting the registry to .xlsx: every match, ID as text, masked for clerks, round trip."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from skillsapp.app import Services, build_services, open_services
from skillsapp.domain.levels import SkillLevel
from skillsapp.interchange.persons import PERSON_EXPORT_HEADERS, read_persons
from skillsapp.services.registry.registry import PersonQuery, PersonRow
from skillsapp.services.registry.registry_export import export_persons
from skillsapp.services.units import UnitInput
from tests.conftest import as_role
from tests.factories import id_number, person_input


@pytest.fixture
def registry(sqlite_services: Services) -> Services:
    """Five persons, four of them in two units, with assorted levels and titles."""
    heavy = sqlite_services.units.add_unit(UnitInput("郑州重工（集团）有限公司")).id
    bearings = sqlite_services.units.add_unit(UnitInput("洛阳轴承厂")).id
    people = [
        person_input(0, name="张三", unit_id=heavy, skill_level=SkillLevel.GRADE1, title="工程师"),
        person_input(1, name="李秀英", unit_id=heavy, skill_level=SkillLevel.APPRENTICE),
        person_input(2, name="王建国", unit_id=bearings, skill_level=SkillLevel.CHIEF),
        person_input(3, name="赵敏", unit_id=bearings, skill_level=None, mobile=""),
        person_input(4, name="孙伟", trade="汽车维修工（发动机）", title="高级工程师"),
    ]
    for data in people:
        sqlite_services.registry.add(data)
    return sqlite_services


@pytest.fixture
def empty_services(tmp_path: Path) -> Iterator[Services]:
    """A second, empty database with its own admin."""
    services = open_services(tmp_path / "other.sqlite3")
    actor = services.accounts.create_first_admin(
        username="admin", password="admin", display_name="管理员"
    )
    yield build_services(services.db, actor)
    services.db.close()


def _comparable(rows: list[PersonRow]) -> list[PersonRow]:
    """Everything but database ids and versions, in ID-number order."""
    plain = [dataclasses.replace(r, id=0, unit_id=None, version=0) for r in rows]
    return sorted(plain, key=lambda r: r.id_number)


def test_export_writes_every_match_beyond_one_page(registry: Services, tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    count = export_persons(registry.registry, PersonQuery(limit=2, offset=3), path)
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    assert count == 5
    assert [c.value for c in sheet[1]] == list(PERSON_EXPORT_HEADERS)
    assert sheet.max_row == 6


def test_export_follows_the_query_filter(registry: Services, tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    assert export_persons(registry.registry, PersonQuery(text="洛阳"), path) == 2
    assert sorted(d.data.name for d in read_persons(path) if d.data) == ["王建国", "赵敏"]


def test_exported_id_column_is_text(registry: Services, tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    export_persons(registry.registry, PersonQuery(sort="id_number"), path)
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    cell = sheet["C2"]
    assert (cell.value, cell.data_type, cell.number_format) == (id_number(0), "s", "@")
    assert [sheet["B2"].value, sheet["H2"].value] == ["男", "一级/高级技师"]


def test_clerk_export_masks_id_numbers(registry: Services, tmp_path: Path) -> None:
    clerk = as_role(registry, "clerk1", "clerk")
    path = tmp_path / "out.xlsx"
    export_persons(clerk.registry, PersonQuery(sort="id_number"), path)
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    assert sheet["C2"].value == "410802********0011"


def test_export_then_import_gives_the_same_persons(
    registry: Services, empty_services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "out.xlsx"
    export_persons(registry.registry, PersonQuery(), path)
    preview = empty_services.importer.preview(read_persons(path))
    assert preview.problems == []
    empty_services.importer.run(preview)
    original = registry.registry.search(PersonQuery(limit=None)).rows
    copy = empty_services.registry.search(PersonQuery(limit=None)).rows
    assert _comparable(copy) == _comparable(original)
