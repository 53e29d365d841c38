"""Honours of persons and units, and honour types as data."""

from __future__ import annotations

import datetime as dt

import pytest

from skillsapp.app import Services
from skillsapp.domain.honour_catalogue import DEFAULT_TYPES
from skillsapp.domain.marks import HonourLevel
from skillsapp.errors import Conflict, NotFound, PermissionDenied, ValidationError
from skillsapp.services.talent.honours import HonourInput
from skillsapp.services.units import UnitInput
from tests.conftest import as_role
from tests.unit.services.test_talent_helpers import entries, person, type_id


def _skill(services: Services, person_id: int, **overrides: object) -> HonourInput:
    values: dict[str, object] = {
        "type_id": type_id(services, "技术能手"),
        "level": HonourLevel.CITY,
        "person_id": person_id,
        "title": "焦作市技术能手",
        "granting_body": "焦作市人力资源和社会保障局",
        "year": 2024,
        "document_number": "焦人社〔2024〕12号",
    }
    values.update(overrides)
    return HonourInput(**values)  # type: ignore[arg-type]


def test_catalogue_is_seeded_once_with_every_default_type(services: Services) -> None:
    assert services.honours.ensure_catalogue() == len(DEFAULT_TYPES)
    assert services.honours.ensure_catalogue() == 0
    names = [t.name for t in services.honours.types()]
    assert sorted(names) == sorted(t.name for t in DEFAULT_TYPES)
    assert len(entries(services, "honour_type")) == len(DEFAULT_TYPES)


def test_catalogue_puts_unit_awards_apart_and_ranks_types_on_their_ladder(
    services: Services,
) -> None:
    unit_types = {t.name for t in services.honours.types(for_units=True)}
    assert unit_types == {"五一劳动奖状", "工人先锋号", "先进集体"}
    ladder = [t.name for t in services.honours.types() if t.ladder == "技术能手"]
    assert ladder == ["中华技能大奖", "技术能手"]


def test_admin_adds_a_local_honour_type_that_is_audited(services: Services) -> None:
    row = services.honours.add_type("修武县技术标兵", ladder="技术能手", rank=40)
    assert row.name in [t.name for t in services.honours.types()]
    [entry] = [e for e in entries(services, "honour_type") if e.entity_id == str(row.id)]
    assert entry.new_values == {
        "name": "修武县技术标兵",
        "ladder": "技术能手",
        "rank": 40,
        "for_units": False,
    }


def test_a_type_name_can_be_used_once(services: Services) -> None:
    services.honours.ensure_catalogue()
    with pytest.raises(ValidationError) as caught:
        services.honours.add_type(" 劳动模范 ")
    assert caught.value.field_errors == {"name": "honour_type_name_taken"}


@pytest.mark.parametrize("role", ["organizer", "clerk"])
def test_only_admins_add_honour_types(services: Services, role: str) -> None:
    other = as_role(services, f"{role}1", role)
    with pytest.raises(PermissionDenied):
        other.honours.add_type("县级标兵")


def test_person_holds_many_honours_most_important_first(services: Services) -> None:
    p = person(services, 0)
    services.honours.add(_skill(services, p.id))
    model = type_id(services, "劳动模范")
    services.honours.add(
        HonourInput(
            model, HonourLevel.PROVINCIAL, person_id=p.id, title="河南省劳动模范", year=2020
        )
    )
    services.honours.add(_skill(services, p.id, level=HonourLevel.ENTERPRISE, title="厂技术能手"))
    titles = [h.title for h in services.honours.honours(person_id=p.id)]
    assert titles == ["河南省劳动模范", "焦作市技术能手", "厂技术能手"]


def test_adding_an_honour_is_audited_with_every_field(services: Services) -> None:
    p = person(services, 0)
    row = services.honours.add(_skill(services, p.id, granted_on=dt.date(2024, 5, 1)))
    [entry] = entries(services, "honour")
    assert (entry.action, entry.entity_id) == ("create", str(row.id))
    assert entry.new_values is not None
    assert entry.new_values["title"] == "焦作市技术能手"
    assert entry.new_values["granted_on"] == "2024-05-01"
    assert entry.new_values["level"] == "city"


def test_blank_title_takes_the_type_name_and_year_the_date(services: Services) -> None:
    p = person(services, 0)
    row = services.honours.add(
        _skill(services, p.id, title="  ", year=None, granted_on=dt.date(2023, 4, 28))
    )
    assert (row.title, row.year) == ("技术能手", 2023)


def test_unit_receives_a_unit_award(services: Services) -> None:
    unit = services.units.add_unit(UnitInput("焦煤集团赵固二矿"))
    award = type_id(services, "五一劳动奖状")
    row = services.honours.add(HonourInput(award, HonourLevel.PROVINCIAL, unit_id=unit.id))
    assert [h.id for h in services.honours.honours(unit_id=unit.id)] == [row.id]


def test_unit_award_cannot_go_to_a_person_nor_a_personal_one_to_a_unit(
    services: Services,
) -> None:
    p = person(services, 0)
    unit = services.units.add_unit(UnitInput("焦煤集团"))
    award = type_id(services, "五一劳动奖状")
    with pytest.raises(ValidationError) as caught:
        services.honours.add(HonourInput(award, HonourLevel.CITY, person_id=p.id))
    assert caught.value.field_errors["type_id"] == "honour_type_for_units"
    with pytest.raises(ValidationError) as caught:
        services.honours.add(_skill(services, None, unit_id=unit.id))
    assert caught.value.field_errors["type_id"] == "honour_type_for_persons"


def test_honour_needs_exactly_one_holder(services: Services) -> None:
    p = person(services, 0)
    unit = services.units.add_unit(UnitInput("焦煤集团"))
    for person_id, unit_id in ((None, None), (p.id, unit.id)):
        with pytest.raises(ValidationError) as caught:
            services.honours.add(_skill(services, person_id, unit_id=unit_id))
        assert caught.value.field_errors["holder"] == "honour_holder_required"


def test_unknown_type_person_and_impossible_year_are_refused(services: Services) -> None:
    p = person(services, 0)
    with pytest.raises(ValidationError) as caught:
        services.honours.add(_skill(services, 999, type_id=999, year=1800))
    errors = caught.value.field_errors
    assert errors["type_id"] == "honour_type_unknown"
    assert errors["year"] == "honour_year_invalid"
    with pytest.raises(ValidationError) as caught:
        services.honours.add(_skill(services, p.id + 1))
    assert caught.value.field_errors == {"person_id": "person_unknown"}


def test_the_same_honour_twice_is_refused(services: Services) -> None:
    p = person(services, 0)
    services.honours.add(_skill(services, p.id))
    with pytest.raises(ValidationError) as caught:
        services.honours.add(_skill(services, p.id, document_number="另一个文号"))
    assert caught.value.field_errors == {"title": "honour_duplicate"}
    services.honours.add(_skill(services, p.id, year=2025))  # another year is another honour


def test_update_records_only_changed_fields(services: Services) -> None:
    p = person(services, 0)
    row = services.honours.add(_skill(services, p.id))
    updated = services.honours.update(
        row.id, _skill(services, p.id, edition="第三届"), expected_version=row.version
    )
    assert updated.edition == "第三届"
    entry = entries(services, "honour")[-1]
    assert (entry.action, entry.old_values, entry.new_values) == (
        "update",
        {"edition": ""},
        {"edition": "第三届"},
    )


def test_stale_update_and_delete_raise_conflict(services: Services) -> None:
    p = person(services, 0)
    row = services.honours.add(_skill(services, p.id))
    services.honours.update(row.id, _skill(services, p.id, edition="第一届"))
    with pytest.raises(Conflict):
        services.honours.update(row.id, _skill(services, p.id), expected_version=row.version)
    with pytest.raises(Conflict):
        services.honours.delete(row.id, expected_version=row.version)


def test_delete_keeps_the_values_in_the_audit(services: Services) -> None:
    p = person(services, 0)
    row = services.honours.add(_skill(services, p.id))
    services.honours.delete(row.id, reason="录入错误")
    assert services.honours.honours(person_id=p.id) == []
    entry = entries(services, "honour")[-1]
    assert entry.action == "delete" and entry.reason == "录入错误"
    assert entry.old_values is not None and entry.old_values["title"] == "焦作市技术能手"
    with pytest.raises(NotFound):
        services.honours.delete(row.id)


def test_clerk_records_honours_and_judge_cannot_see_them(services: Services) -> None:
    p = person(services, 0)
    clerk = as_role(services, "clerk1", "clerk")
    clerk.honours.add(_skill(services, p.id))
    judge = as_role(services, "judge1", "judge")
    with pytest.raises(PermissionDenied):
        judge.honours.honours(person_id=p.id)
    with pytest.raises(PermissionDenied):
        judge.honours.add(_skill(services, p.id, year=2025))
