"""Importing persons: preview with row problems, then one all-or-nothing transaction."""

from __future__ import annotations

import pytest

from skillsapp.app import Services
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.roles import Role
from skillsapp.errors import PermissionDenied, UserError
from skillsapp.interchange.rows import PersonDraft, RowProblem
from skillsapp.services.audit import AuditFilter
from skillsapp.services.context import Actor
from skillsapp.services.registry.person_import import ImportCancelled
from skillsapp.services.registry.registry import PersonQuery
from skillsapp.services.units import UnitInput
from tests.factories import id_number, person_input


def _draft(row: int, seq: int, unit: str = "", **overrides: object) -> PersonDraft:
    return PersonDraft(row=row, data=person_input(seq, **overrides), unit_name=unit)


def _problems(preview: object) -> list[tuple[int, str, str]]:
    return [(p.row, p.field, p.code) for p in preview.problems]  # type: ignore[attr-defined]


def _state(services: Services) -> tuple[int, int, int]:
    """Persons, units and audit entries: what an import may change."""
    return (
        services.registry.search().total,
        len(services.units.units()),
        len(services.audit.entries()),
    )


def test_valid_rows_are_imported_with_new_units_created_once(services: Services) -> None:
    services.units.add_unit(UnitInput("郑州重工集团", short_name="郑重"))
    drafts = [
        _draft(2, 0, "洛阳轴承厂"),
        _draft(3, 1, "洛阳轴承厂"),
        _draft(4, 2, "郑重"),
        _draft(5, 3, " 新乡电机厂 "),
        _draft(6, 4),
    ]
    preview = services.importer.preview(drafts)
    assert preview.new_units == ["新乡电机厂", "洛阳轴承厂"]
    assert (preview.total_rows, [v.row for v in preview.valid], preview.problems) == (
        5,
        [2, 3, 4, 5, 6],
        [],
    )
    result = services.importer.run(preview)
    assert (result.imported, result.skipped, result.units_created) == (5, 0, 2)
    units = {u.name: u.person_count for u in services.units.units()}
    assert units == {"郑州重工集团": 1, "洛阳轴承厂": 2, "新乡电机厂": 1}
    rows = services.registry.search(PersonQuery(sort="mobile")).rows
    assert [r.unit_name for r in rows] == [
        "洛阳轴承厂",
        "洛阳轴承厂",
        "郑州重工集团",
        "新乡电机厂",
        "",
    ]


def test_imported_persons_are_found_like_added_ones(services: Services) -> None:
    preview = services.importer.preview([_draft(2, 0, name="张三", skill_level=SkillLevel.GRADE2)])
    services.importer.run(preview)
    [row] = services.registry.search(PersonQuery(text="zs")).rows
    assert (row.name, row.skill_level, row.birth_date.isoformat()) == (
        "张三",
        SkillLevel.GRADE2,
        "1985-06-01",
    )


def test_each_created_person_and_unit_is_audited(services: Services) -> None:
    preview = services.importer.preview([_draft(2, 0, "洛阳轴承厂"), _draft(3, 1, "洛阳轴承厂")])
    services.importer.run(preview)
    persons = services.audit.entries(AuditFilter(entity="person", action="create"))
    assert sorted(e.new_values["id_number"] for e in persons) == sorted(  # type: ignore[index]
        [id_number(0), id_number(1, female=True)]
    )
    assert {(e.actor, e.reason) for e in persons} == {("admin", "import")}
    ids = {r.id for r in services.registry.search().rows}
    assert {int(e.entity_id) for e in persons} == ids
    [unit] = services.audit.entries(AuditFilter(entity="unit"))
    assert unit.new_values["name"] == "洛阳轴承厂"  # type: ignore[index]
    assert services.audit.first_broken_link() is None


def test_invalid_rows_are_reported_by_row_and_skipped(services: Services) -> None:
    drafts = [
        _draft(2, 0),
        _draft(3, 1, id_number="360426199101010072"),
        _draft(4, 2, mobile="12345"),
        PersonDraft(5, None, problems=(RowProblem(5, "", "row_empty"),)),
        _draft(6, 3),
    ]
    preview = services.importer.preview(drafts)
    assert _problems(preview) == [
        (3, "id_number", "id_checksum"),
        (4, "mobile", "mobile_invalid"),
        (5, "", "row_empty"),
    ]
    assert preview.bad_rows == [3, 4, 5]
    result = services.importer.run(preview)
    assert (result.imported, result.skipped) == (2, 3)
    assert services.registry.search().total == 2


def test_duplicates_in_the_file_are_reported_with_both_row_numbers(services: Services) -> None:
    drafts = [_draft(2, 0), _draft(3, 2), _draft(4, 0, name="重复人"), _draft(5, 0)]
    preview = services.importer.preview(drafts)
    assert _problems(preview) == [
        (4, "id_number", "id_duplicate_in_file"),
        (5, "id_number", "id_duplicate_in_file"),
    ]
    assert all(p.params == {"other": 2} for p in preview.problems)
    assert [v.row for v in preview.valid] == [2, 3]


def test_persons_already_in_the_database_are_reported_with_their_row(services: Services) -> None:
    services.registry.add(person_input(2))
    preview = services.importer.preview([_draft(2, 0), _draft(3, 2, name="另一人"), _draft(4, 4)])
    assert _problems(preview) == [(3, "id_number", "id_duplicate_in_database")]
    assert preview.problems[0].value == id_number(2)
    services.importer.run(preview)
    names = sorted(r.name for r in services.registry.search().rows)
    assert "另一人" not in names
    assert len(names) == 3


def test_cancelled_import_writes_nothing(services: Services) -> None:
    before = _state(services)
    preview = services.importer.preview([_draft(row, row, "洛阳轴承厂") for row in range(2, 7)])
    asked: list[bool] = []

    def cancelled() -> bool:
        asked.append(True)
        return True

    with pytest.raises(ImportCancelled):
        services.importer.run(preview, cancelled=cancelled)
    assert asked
    assert _state(services) == before


def test_cancel_during_a_large_import_stops_it_and_writes_nothing(services: Services) -> None:
    before = _state(services)
    preview = services.importer.preview([_draft(row, row, f"单位{row % 7}") for row in range(350)])
    seen: list[tuple[int, int]] = []
    with pytest.raises(ImportCancelled):
        services.importer.run(
            preview,
            progress=lambda done, total: seen.append((done, total)),
            cancelled=lambda: bool(seen),
        )
    assert seen == [(200, 350)]  # stopped at the next check (row 300), not at the end
    assert _state(services) == before


def test_progress_reaches_the_total(sqlite_services: Services) -> None:
    preview = sqlite_services.importer.preview([_draft(row, row) for row in range(3)])
    seen: list[tuple[int, int]] = []
    sqlite_services.importer.run(preview, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (3, 3)


def test_only_staff_may_import(sqlite_services: Services) -> None:
    judge = sqlite_services.as_actor(Actor(name="judge", role=Role.JUDGE))
    with pytest.raises(PermissionDenied):
        judge.importer.preview([_draft(2, 0)])
    preview = sqlite_services.importer.preview([_draft(2, 0)])
    with pytest.raises(PermissionDenied):
        judge.importer.run(preview)
    assert sqlite_services.registry.search().total == 0


def test_person_added_after_the_preview_is_refused_as_a_user_error(services: Services) -> None:
    preview = services.importer.preview([_draft(2, 0), _draft(3, 2)])
    services.registry.add(person_input(2))
    before = _state(services)
    with pytest.raises(UserError):
        services.importer.run(preview)
    assert _state(services) == before
