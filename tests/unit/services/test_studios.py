"""Studios: add, edit, delete with audit and permissions; members; the filtered list."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from skillsapp.app import Services
from skillsapp.domain.marks import HonourLevel
from skillsapp.domain.studios import Innovation, PatentKind, StudioKind, StudioMember, StudioStatus
from skillsapp.errors import Conflict, NotFound, PermissionDenied, ValidationError
from skillsapp.services.audit import AuditFilter
from skillsapp.services.studios.studios import StudioFilter
from skillsapp.services.units import UnitInput
from tests.conftest import as_role
from tests.unit.services.test_studio_helpers import (
    TODAY,
    innovation_input,
    person,
    studio,
    studio_input,
    studio_service,
)


def test_added_studio_is_listed_with_unit_and_leader(services: Services) -> None:
    unit = services.units.add_unit(UnitInput("焦煤集团"))
    leader = person(services, 0)
    row = studio(services, " 梁兵创新工作室 ", host_unit_id=unit.id, leader_id=leader.id)
    assert (row.name, row.host_unit_name, row.leader_name) == (
        "梁兵创新工作室",
        "焦煤集团",
        leader.name,
    )
    assert [r.id for r in studio_service(services).studios()] == [row.id]


def test_studio_is_audited_on_create_update_and_delete(services: Services) -> None:
    row = studio(services)
    svc = studio_service(services)
    svc.update_studio(row.id, studio_input(status=StudioStatus.UNDER_REVIEW))
    svc.delete_studio(row.id, reason="重复录入")
    entries = services.audit.entries(AuditFilter(entity="studio"))
    assert [e.action for e in entries] == ["delete", "update", "create"]
    assert entries[1].old_values == {"status": "active"}
    assert entries[1].new_values == {"status": "under_review"}
    assert entries[0].reason == "重复录入"
    assert svc.studios() == []


def test_studio_rules_are_reported_per_field(services: Services) -> None:
    studio(services)
    bad = studio_input(
        "梁兵创新工作室",
        founded_on=dt.date(2020, 1, 1),
        accredited_on=dt.date(2019, 1, 1),
        last_confirmed_on=TODAY + dt.timedelta(days=1),
        demonstration=True,
        leader_id=999,
        host_unit_id=999,
    )
    with pytest.raises(ValidationError) as caught:
        studio_service(services).add_studio(bad)
    assert caught.value.field_errors == {
        "name": "studio_name_taken",
        "accredited_on": "studio_accredited_before_founded",
        "last_confirmed_on": "date_in_future",
        "demonstration": "studio_demonstration_national",
        "leader_id": "person_unknown",
        "host_unit_id": "unit_unknown",
    }


def test_stale_edit_is_refused_as_a_conflict(services: Services) -> None:
    row = studio(services)
    svc = studio_service(services)
    svc.update_studio(row.id, studio_input(description="新简介"), expected_version=row.version)
    with pytest.raises(Conflict):
        svc.update_studio(row.id, studio_input(description="旧"), expected_version=row.version)


def test_clerks_edit_records_but_not_studios_and_judges_see_nothing(services: Services) -> None:
    row = studio(services)
    clerk = studio_service(as_role(services, "clerk1", "clerk"))
    judge = studio_service(as_role(services, "judge1", "judge"))
    clerk.add_innovation(row.id, innovation_input())
    with pytest.raises(PermissionDenied):
        clerk.add_studio(studio_input("另一个工作室"))
    with pytest.raises(PermissionDenied):
        clerk.update_studio(row.id, studio_input())
    with pytest.raises(PermissionDenied):
        judge.studios()
    organizer = studio_service(as_role(services, "org1", "organizer"))
    assert organizer.add_studio(studio_input("另一个工作室")).name == "另一个工作室"


def test_unknown_studio_is_not_found(services: Services) -> None:
    with pytest.raises(NotFound):
        studio_service(services).studio(12345)


def test_member_joins_once_and_leaves_into_the_history(services: Services) -> None:
    row = studio(services)
    worker = person(services, 1)
    svc = studio_service(services)
    member = svc.add_member(row.id, worker.id, role="骨干", joined_on=dt.date(2020, 1, 1))
    with pytest.raises(ValidationError) as caught:
        svc.add_member(row.id, worker.id)
    assert caught.value.field_errors == {"person_id": "studio_member_exists"}
    with pytest.raises(ValidationError) as caught:
        svc.end_membership(member.id, dt.date(2019, 1, 1))
    assert caught.value.field_errors == {"left_on": "member_left_before_joined"}
    left = svc.end_membership(member.id, dt.date(2024, 12, 31))
    assert (left.current, left.role) == (False, "骨干")
    assert svc.studio(row.id).row.members == 0
    again = svc.add_member(row.id, worker.id)  # may rejoin after leaving
    assert [m.current for m in svc.studio(row.id).members] == [True, False]
    svc.remove_member(again.id)
    entries = services.audit.entries(AuditFilter(entity="studio_member"))
    assert [e.action for e in entries] == ["delete", "create", "update", "create"]


def test_list_counts_members_results_patents_and_benefit(services: Services) -> None:
    row = studio(services)
    svc = studio_service(services)
    for seq in range(3):
        svc.add_member(row.id, person(services, seq).id)
    svc.add_innovation(row.id, innovation_input("甲", applied=True, benefit=Decimal("10.25")))
    svc.add_innovation(
        row.id,
        innovation_input(
            "乙", patent_kind=PatentKind.INVENTION, patent_number="ZL2023 1 0000001.X"
        ),
    )
    studio(services, "空工作室")
    listed = {r.name: r for r in svc.studios()}
    found = listed["梁兵创新工作室"]
    assert (found.members, found.innovations, found.applied, found.patents) == (3, 2, 1, 1)
    assert found.benefit == Decimal("22.75")
    empty = listed["空工作室"]
    assert (empty.members, empty.innovations, empty.benefit) == (0, 0, Decimal(0))


def test_list_filters_by_level_unit_status_kind_and_text(services: Services) -> None:
    unit = services.units.add_unit(UnitInput("中原内配集团"))
    leader = person(services, 0, name="梁兵")
    studio(services, "甲", level=HonourLevel.PROVINCIAL, host_unit_id=unit.id)
    studio(services, "乙", status=StudioStatus.REVOKED, leader_id=leader.id)
    studio(services, "丙", kind=StudioKind.SKILL_MASTER)
    svc = studio_service(services)

    def names(**kw: object) -> list[str]:
        return sorted(r.name for r in svc.studios(StudioFilter(**kw)))  # type: ignore[arg-type]

    assert names(level=HonourLevel.PROVINCIAL) == ["甲"]
    assert names(unit_id=unit.id) == ["甲"]
    assert names(status=StudioStatus.REVOKED) == ["乙"]
    assert names(kind=StudioKind.SKILL_MASTER) == ["丙"]
    assert names(text="梁兵") == ["乙"]
    assert names(text="内配") == ["甲"]
    assert names(text="%") == []


def test_list_marks_studios_due_for_reconfirmation(services: Services) -> None:
    studio(services, "久未复审", accredited_on=dt.date(2019, 5, 1))
    studio(services, "刚复审", last_confirmed_on=dt.date(2025, 1, 1))
    studio(services, "将到期", accredited_on=dt.date(2023, 9, 1))  # due 2025-09-01: within 90 days
    studio(services, "已撤销", accredited_on=dt.date(2019, 5, 1), status=StudioStatus.REVOKED)
    svc = studio_service(services)
    due = svc.due_for_reconfirmation()
    assert sorted(r.name for r in due) == ["久未复审", "将到期"]
    assert {r.name: r.reconfirm_due_on for r in due}["将到期"] == dt.date(2025, 9, 1)
    flt = StudioFilter(due_for_reconfirmation=True, text="将")
    assert [r.name for r in svc.studios(flt)] == ["将到期"]


def test_deleting_a_studio_deletes_its_records(services: Services) -> None:
    row = studio(services)
    svc = studio_service(services)
    svc.add_member(row.id, person(services, 0).id)
    svc.add_innovation(row.id, innovation_input())
    svc.delete_studio(row.id)
    with pytest.raises(NotFound):
        svc.studio(row.id)
    with services.db.reading() as session:
        left = [
            session.scalar(select(func.count()).select_from(t)) for t in (Innovation, StudioMember)
        ]
    assert left == [0, 0]
