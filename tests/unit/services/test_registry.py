"""The people registry: validation, audit, masking, search, paging, conflicts."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from skillsapp.app import Services
from skillsapp.domain.enums import Gender
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.roles import Role
from skillsapp.errors import Conflict, NotFound, PermissionDenied, ValidationError
from skillsapp.services.audit import AuditFilter
from skillsapp.services.context import Actor
from skillsapp.services.registry.registry import PersonQuery
from skillsapp.services.units import UnitInput
from tests.conftest import as_role
from tests.factories import id_number, person_input

FEMALE_ID = "11010519491231002X"  # DOMAIN.md test vector: born 1949-12-31, female


def _names(services: Services, **query: object) -> list[str]:
    page = services.registry.search(PersonQuery(**query))  # type: ignore[arg-type]
    return [row.name for row in page.rows]


def _person_entries(services: Services) -> list:
    return services.audit.entries(AuditFilter(entity="person"))


@pytest.fixture
def crowd(services: Services) -> Services:
    """Seven persons in two units (one with a short name) and one without a unit."""
    heavy = services.units.add_unit(UnitInput("郑州重工集团", short_name="郑重")).id
    bearings = services.units.add_unit(UnitInput("洛阳轴承厂")).id
    people = [
        person_input(0, name="张三", unit_id=heavy, skill_level=SkillLevel.GRADE1),
        person_input(2, name="张伟", unit_id=heavy, skill_level=SkillLevel.GRADE4),
        person_input(4, name="赵思", unit_id=heavy),
        person_input(6, name="王建国", unit_id=bearings, skill_level=SkillLevel.CHIEF),
        person_input(8, name="李强", unit_id=bearings, skill_level=None),
        person_input(10, name="周芳", unit_id=bearings),
        person_input(12, name="孙静"),
    ]
    for data in people:
        services.registry.add(data)
    return services


def test_added_person_gets_birth_date_and_gender_from_the_id(services: Services) -> None:
    row = services.registry.add(
        person_input(0, name="王秀英", id_number=" 11010519491231002x ", gender=None)
    )
    assert row.gender is Gender.FEMALE
    assert row.birth_date == dt.date(1949, 12, 31)
    assert row.id_number == FEMALE_ID


def test_adding_a_person_is_audited_with_all_values(services: Services) -> None:
    row = services.registry.add(person_input(1))
    [entry] = _person_entries(services)
    assert (entry.actor, entry.action, entry.entity_id) == ("admin", "create", str(row.id))
    assert entry.old_values is None
    assert entry.new_values == {
        "name": row.name,
        "gender": "F",
        "id_number": id_number(1, female=True),
        "birth_date": "1985-06-01",
        "mobile": "13800000001",
        "unit_id": None,
        "trade": "钳工",
        "skill_level": int(SkillLevel.GRADE3),
        "title": "",
    }


def test_update_is_audited_with_old_and_new_values_of_changed_fields(services: Services) -> None:
    row = services.registry.add(person_input(0))
    data, version = services.registry.person_for_edit(row.id)
    updated = services.registry.update(
        row.id,
        dataclasses.replace(data, mobile="13912345678", trade="电工"),
        expected_version=version,
    )
    assert (updated.mobile, updated.trade, updated.version) == ("13912345678", "电工", version + 1)
    update = _person_entries(services)[0]
    assert (update.action, update.actor, update.entity_id) == ("update", "admin", str(row.id))
    assert update.old_values == {"mobile": "13800000000", "trade": "焊工"}
    assert update.new_values == {"mobile": "13912345678", "trade": "电工"}


def test_delete_removes_the_person_and_the_audit_keeps_every_old_value(
    services: Services,
) -> None:
    row = services.registry.add(person_input(0))
    created = _person_entries(services)[0].new_values
    services.registry.delete(row.id, reason="重复登记")
    assert services.registry.search().total == 0
    deleted = _person_entries(services)[0]
    assert (deleted.action, deleted.entity_id, deleted.reason) == (
        "delete",
        str(row.id),
        "重复登记",
    )
    assert deleted.old_values == created
    assert deleted.new_values is None
    with pytest.raises(NotFound):
        services.registry.delete(row.id)


INVALID = {
    "checksum": ({"id_number": "360426199101010072"}, {"id_number": "id_checksum"}),
    "gender": ({"gender": Gender.FEMALE}, {"gender": "gender_mismatch"}),
    "mobile": ({"mobile": "1234567"}, {"mobile": "mobile_invalid"}),
    "name": ({"name": "  "}, {"name": "name_required"}),
    "unit": ({"unit_id": 4242}, {"unit_id": "unit_unknown"}),
}


def test_invalid_person_is_refused_with_field_errors_and_nothing_written(
    services: Services, subtests: pytest.Subtests
) -> None:
    for case, (change, errors) in INVALID.items():
        with subtests.test(case=case):
            with pytest.raises(ValidationError) as caught:
                services.registry.add(person_input(0, **change))
            assert caught.value.field_errors == errors
    assert services.registry.search().total == 0
    assert _person_entries(services) == []


def test_same_id_number_in_another_spelling_is_a_duplicate(services: Services) -> None:
    services.registry.add(person_input(0, id_number=FEMALE_ID, gender=None))
    with pytest.raises(ValidationError) as caught:
        services.registry.add(person_input(2, id_number=FEMALE_ID.lower(), gender=None))
    assert caught.value.field_errors == {"id_number": "id_duplicate"}
    assert services.registry.search().total == 1


def test_editing_a_person_to_another_persons_id_is_refused(services: Services) -> None:
    first = services.registry.add(person_input(0))
    second = services.registry.add(person_input(2))
    with pytest.raises(ValidationError) as caught:
        services.registry.update(second.id, person_input(2, id_number=first.id_number))
    assert caught.value.field_errors == {"id_number": "id_duplicate"}


def test_saving_a_person_with_their_own_id_is_not_a_duplicate(services: Services) -> None:
    row = services.registry.add(person_input(0))
    assert services.registry.update(row.id, person_input(0, title="工程师")).title == "工程师"


@pytest.mark.parametrize("role", ["organizer", "clerk"])
def test_id_numbers_are_masked_for_staff_and_full_for_admins(
    sqlite_services: Services, role: str
) -> None:
    added = sqlite_services.registry.add(person_input(0))
    full = id_number(0)
    staff = as_role(sqlite_services, f"{role}1", role)
    assert [r.id_number for r in sqlite_services.registry.search().rows] == [full]
    assert added.id_number == full
    [row] = staff.registry.search().rows
    assert row.id_number == f"{full[:6]}{'*' * 8}{full[-4:]}"


def test_judge_may_not_see_or_change_the_registry(sqlite_services: Services) -> None:
    row = sqlite_services.registry.add(person_input(0))
    judge = sqlite_services.as_actor(Actor(name="judge", role=Role.JUDGE))
    for call in (
        judge.registry.search,
        judge.registry.trades,
        lambda: judge.registry.person_for_edit(row.id),
        lambda: judge.registry.add(person_input(2)),
        lambda: judge.registry.delete(row.id),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert sqlite_services.registry.search().total == 1


SEARCHES = {
    "张": ["张三", "张伟"],
    "zs": ["张三", "赵思"],
    "ZS": ["张三", "赵思"],
    "zhang": ["张三", "张伟"],
    "zhangs": ["张三"],
    "重工": ["张三", "张伟", "赵思"],
    "郑重": ["张三", "张伟", "赵思"],
    id_number(6)[-8:]: ["王建国"],
    "  ": ["张三", "张伟", "赵思", "王建国", "李强", "周芳", "孙静"],
    "nobody": [],
}


def test_search_by_name_pinyin_id_or_unit(crowd: Services, subtests: pytest.Subtests) -> None:
    for text, expected in SEARCHES.items():
        with subtests.test(text=text):
            page = crowd.registry.search(PersonQuery(text=text, sort="mobile"))
            assert [r.name for r in page.rows] == expected
            assert page.total == len(expected)


def test_search_by_id_substring_ignores_the_case_of_x(services: Services) -> None:
    services.registry.add(person_input(0, name="王秀英", id_number=FEMALE_ID, gender=None))
    services.registry.add(person_input(2))
    assert _names(services, text="1231002x") == ["王秀英"]


def test_search_follows_a_renamed_person(services: Services) -> None:
    row = services.registry.add(person_input(0, name="张三"))
    services.registry.update(row.id, person_input(0, name="李四"))
    assert _names(services, text="zs") == []
    assert _names(services, text="ls") == ["李四"]


def test_filters_by_unit_trade_and_skill_level(crowd: Services) -> None:
    bearings = next(u.id for u in crowd.units.units() if u.name == "洛阳轴承厂")
    assert _names(crowd, unit_id=bearings, sort="mobile") == ["王建国", "李强", "周芳"]
    # trades cycle 焊工, 钳工, 电工 with the factory's sequence number
    assert _names(crowd, trade="焊工", sort="mobile") == ["张三", "王建国", "孙静"]
    assert _names(crowd, skill_level=SkillLevel.GRADE3, sort="mobile") == ["赵思", "周芳", "孙静"]
    assert _names(crowd, unit_id=bearings, trade="焊工") == ["王建国"]
    assert crowd.registry.trades() == sorted({"焊工", "钳工", "电工"})


def test_sorting_by_skill_level_follows_the_level_ladder(crowd: Services) -> None:
    heavy = next(u.id for u in crowd.units.units() if u.name == "郑州重工集团")
    assert _names(crowd, unit_id=heavy, sort="skill_level") == ["张伟", "赵思", "张三"]
    assert _names(crowd, unit_id=heavy, sort="skill_level", descending=True) == [
        "张三",
        "赵思",
        "张伟",
    ]


def test_sorting_by_unit_groups_persons_by_unit_name(crowd: Services) -> None:
    for descending in (False, True):
        rows = crowd.registry.search(PersonQuery(sort="unit", descending=descending)).rows
        units = [r.unit_name for r in rows if r.unit_name]
        assert units == sorted(units, reverse=descending)
        assert len(units) == 6


def test_paging_returns_one_page_and_the_total(crowd: Services) -> None:
    everyone = _names(crowd, sort="mobile")
    page = crowd.registry.search(PersonQuery(sort="mobile", offset=2, limit=3))
    assert [r.name for r in page.rows] == everyone[2:5]
    assert page.total == 7
    last = crowd.registry.search(PersonQuery(sort="mobile", descending=True, offset=5, limit=3))
    assert [r.name for r in last.rows] == everyone[::-1][5:]
    assert last.total == 7


def test_stale_edit_is_refused_as_conflict_and_nothing_changes(services: Services) -> None:
    row = services.registry.add(person_input(0))
    clerk = services.as_actor(Actor(name="clerk", role=Role.CLERK))
    data, version = clerk.registry.person_for_edit(row.id)
    services.registry.update(
        row.id, dataclasses.replace(data, title="技师"), expected_version=version
    )
    with pytest.raises(Conflict):
        clerk.registry.update(
            row.id, dataclasses.replace(data, mobile="13700000000"), expected_version=version
        )
    [current] = services.registry.search().rows
    assert (current.title, current.mobile, current.version) == ("技师", "13800000000", version + 1)
    assert [e.actor for e in _person_entries(services) if e.action == "update"] == ["admin"]


def test_failed_update_leaves_person_and_audit_log_unchanged(services: Services) -> None:
    row = services.registry.add(person_input(0))
    before = services.audit.entries()
    with pytest.raises(ValidationError):
        services.registry.update(row.id, person_input(0, name="张三", mobile="123"))
    assert services.audit.entries() == before
    [current] = services.registry.search().rows
    assert current == row


def test_over_long_trade_is_a_validation_error_on_every_backend(services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        services.registry.add(person_input(0, trade="数控机床装调维修工" * 8))
    assert set(caught.value.field_errors) == {"trade"}
