"""Units: the tree of employers and unions, unique names, safe deletes, person counts."""

from __future__ import annotations

import pytest

from skillsapp.app import Services
from skillsapp.domain.models import UnitKind
from skillsapp.errors import Conflict, ValidationError
from skillsapp.services.audit import AuditFilter
from skillsapp.services.units import UnitInput, UnitRow
from tests.factories import person_input


def _by_name(services: Services) -> dict[str, UnitRow]:
    return {u.name: u for u in services.units.units()}


def test_units_form_a_tree_through_their_parent(services: Services) -> None:
    city = services.units.add_unit(UnitInput("市总工会", kind=UnitKind.UNION))
    plant = services.units.add_unit(UnitInput("郑州重工集团", parent_id=city.id))
    workshop = services.units.add_unit(UnitInput("郑州重工集团一车间", parent_id=plant.id))
    parents = {u.name: u.parent_id for u in services.units.units()}
    assert parents == {"市总工会": None, "郑州重工集团": city.id, "郑州重工集团一车间": plant.id}
    assert workshop.kind is UnitKind.ENTERPRISE
    assert _by_name(services)["市总工会"].kind is UnitKind.UNION


def test_unit_names_are_unique_after_tidying_spaces(services: Services) -> None:
    services.units.add_unit(UnitInput("洛阳 轴承厂"))
    with pytest.raises(ValidationError) as caught:
        services.units.add_unit(UnitInput("  洛阳   轴承厂 "))
    assert caught.value.field_errors == {"name": "unit_name_taken"}
    other = services.units.add_unit(UnitInput("洛阳矿山机器厂"))
    with pytest.raises(ValidationError):
        services.units.update_unit(other.id, UnitInput("洛阳 轴承厂"))
    assert sorted(_by_name(services)) == ["洛阳 轴承厂", "洛阳矿山机器厂"]


def test_blank_unit_name_is_refused(sqlite_services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        sqlite_services.units.add_unit(UnitInput(" \t "))
    assert caught.value.field_errors == {"name": "name_required"}
    assert sqlite_services.units.units() == []


def test_unit_cannot_be_placed_under_itself_or_its_descendants(
    services: Services, subtests: pytest.Subtests
) -> None:
    top = services.units.add_unit(UnitInput("市总工会"))
    child = services.units.add_unit(UnitInput("区总工会", parent_id=top.id))
    grandchild = services.units.add_unit(UnitInput("街道工会", parent_id=child.id))
    for label, target in (("self", top), ("child", child), ("grandchild", grandchild)):
        with subtests.test(new_parent=label):
            with pytest.raises(ValidationError) as caught:
                services.units.update_unit(top.id, UnitInput("市总工会", parent_id=target.id))
            assert caught.value.field_errors == {"parent_id": "unit_cycle"}
    assert _by_name(services)["市总工会"].parent_id is None


def test_unit_may_move_under_a_sibling(services: Services) -> None:
    top = services.units.add_unit(UnitInput("市总工会"))
    left = services.units.add_unit(UnitInput("区总工会", parent_id=top.id))
    right = services.units.add_unit(UnitInput("县总工会", parent_id=top.id))
    moved = services.units.update_unit(right.id, UnitInput("县总工会", parent_id=left.id))
    assert moved.parent_id == left.id


def test_unit_with_persons_cannot_be_deleted(services: Services) -> None:
    unit = services.units.add_unit(UnitInput("郑州重工集团"))
    services.registry.add(person_input(0, unit_id=unit.id))
    with pytest.raises(ValidationError) as caught:
        services.units.delete_unit(unit.id)
    assert caught.value.field_errors == {"unit": "unit_has_persons"}
    assert list(_by_name(services)) == ["郑州重工集团"]


def test_unit_with_sub_units_cannot_be_deleted(services: Services) -> None:
    top = services.units.add_unit(UnitInput("市总工会"))
    services.units.add_unit(UnitInput("区总工会", parent_id=top.id))
    with pytest.raises(ValidationError) as caught:
        services.units.delete_unit(top.id)
    assert caught.value.field_errors == {"unit": "unit_has_children"}
    assert len(services.units.units()) == 2


def test_empty_unit_is_deleted_and_the_audit_keeps_it(services: Services) -> None:
    unit = services.units.add_unit(UnitInput("临时单位", contact_person="王五"))
    services.units.delete_unit(unit.id)
    assert services.units.units() == []
    [deleted] = services.audit.entries(AuditFilter(entity="unit", action="delete"))
    assert deleted.entity_id == str(unit.id)
    assert deleted.old_values is not None
    assert (deleted.old_values["name"], deleted.old_values["contact_person"]) == (
        "临时单位",
        "王五",
    )


def test_units_list_how_many_persons_each_has(services: Services) -> None:
    busy = services.units.add_unit(UnitInput("郑州重工集团"))
    quiet = services.units.add_unit(UnitInput("洛阳轴承厂"))
    services.units.add_unit(UnitInput("空单位", parent_id=quiet.id))
    for seq in range(3):
        services.registry.add(person_input(seq, unit_id=busy.id))
    services.registry.add(person_input(3, unit_id=quiet.id))
    services.registry.add(person_input(4))
    counts = {u.name: u.person_count for u in services.units.units()}
    assert counts == {"郑州重工集团": 3, "洛阳轴承厂": 1, "空单位": 0}
    renamed = services.units.update_unit(busy.id, UnitInput("郑州重工"))
    assert renamed.person_count == 3


def test_stale_unit_edit_is_refused_as_conflict(services: Services) -> None:
    unit = services.units.add_unit(UnitInput("郑州重工集团"))
    services.units.update_unit(unit.id, UnitInput("郑州重工"), expected_version=unit.version)
    with pytest.raises(Conflict):
        services.units.update_unit(unit.id, UnitInput("郑重"), expected_version=unit.version)
    assert list(_by_name(services)) == ["郑州重工"]


def test_unknown_parent_unit_is_a_validation_error(services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        services.units.add_unit(UnitInput("街道工会", parent_id=4242))
    assert caught.value.field_errors == {"parent_id": "unit_unknown"}
