"""Studio conditions: settings per kind and level, and the check from the records."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from skillsapp.app import Services
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.marks import HonourLevel
from skillsapp.domain.studio_rules import HonourFamily
from skillsapp.domain.studios import InnovationKind, StudioKind
from skillsapp.errors import PermissionDenied, ValidationError
from skillsapp.services.audit import AuditFilter
from skillsapp.services.studios.studio_records import TalentInput, TrainingInput
from tests.conftest import as_role
from tests.unit.services.test_studio_helpers import (
    honour,
    innovation_input,
    person,
    studio,
    studio_service,
)

CITY = HonourLevel.CITY
UNION = StudioKind.MODEL_WORKER


def _verdicts(services: Services, studio_id: int) -> dict[str, tuple[object, object, bool]]:
    checks = studio_service(services).studio(studio_id).conditions.checks
    return {c.key: (c.required, c.actual, c.met) for c in checks}


def test_city_studio_conditions_from_its_records(services: Services) -> None:
    leader = person(services, 0)
    honour(services, leader.id, "河南省五一劳动奖章", HonourLevel.PROVINCIAL)  # counts as city
    row = studio(
        services,
        leader_id=leader.id,
        founded_on=dt.date(2022, 7, 1),
        accredited_on=dt.date(2023, 9, 1),
    )
    svc = studio_service(services)
    for seq in range(3):
        svc.add_member(row.id, person(services, seq + 1).id)
    svc.add_innovation(row.id, innovation_input(benefit=Decimal(0)))  # no benefit: not counted
    svc.add_training(row.id, TrainingInput(dt.date(2025, 1, 10), "安全培训"))
    assert _verdicts(services, row.id) == {
        "leader_honour": ("city", "city", True),
        "years_running": (3, 2, False),
        "members": (3, 3, True),
        "results": (1, 0, False),
        "trainings": (2, 1, False),
        "promoted": (1, 0, False),
    }
    svc.add_innovation(row.id, innovation_input("节能改造", applied=True, benefit=Decimal(0)))
    svc.add_training(row.id, TrainingInput(dt.date(2025, 5, 10), "技能比武"))
    svc.add_talent(row.id, TalentInput(person(services, 9).id, 2025, SkillLevel.GRADE2, True))
    report = studio_service(services).studio(row.id).conditions
    assert [c.key for c in report.checks if not c.met] == ["years_running"]
    assert not report.all_met


def test_skill_master_studio_checks_talents_trained(services: Services) -> None:
    leader = person(services, 0, skill_level=SkillLevel.GRADE1)
    row = studio(
        services, kind=StudioKind.SKILL_MASTER, level=HonourLevel.NATIONAL, leader_id=leader.id
    )
    svc = studio_service(services)
    for seq in range(5):
        level = SkillLevel.GRADE3 if seq else SkillLevel.GRADE4  # one below 高级工
        svc.add_talent(row.id, TalentInput(person(services, seq + 1).id, 2024, level))
    verdicts = _verdicts(services, row.id)
    assert verdicts["trained"] == (5, 4, False)
    assert verdicts["leader_honour"] == ("national", "", False)
    svc.add_innovation(
        row.id, innovation_input(kind=InnovationKind.INVENTION, contributor_ids=(leader.id,))
    )
    assert _verdicts(services, row.id)["leader_honour"] == ("national", "skill:5", True)


def test_defaults_follow_the_domain(services: Services) -> None:
    table = studio_service(services).condition_settings()
    provincial = table[UNION][HonourLevel.PROVINCIAL]
    assert (provincial.min_results, provincial.min_trainings, provincial.reconfirm_years) == (
        3,
        2,
        2,
    )
    assert table[UNION][CITY].min_results == 1
    national_hr = table[StudioKind.SKILL_MASTER][HonourLevel.NATIONAL]
    assert (national_hr.min_trained, national_hr.trained_level) == (5, SkillLevel.GRADE3)
    assert HonourFamily.GRAND_AWARD in national_hr.leader_families


def test_changed_conditions_are_stored_audited_and_used(services: Services) -> None:
    svc = studio_service(services)
    row = studio(services)
    rules = dataclasses.replace(
        svc.condition_settings()[UNION][CITY], min_members=1, reconfirm_years=5
    )
    svc.set_conditions(UNION, CITY, rules)
    assert svc.condition_settings()[UNION][CITY] == rules
    assert svc.studio(row.id).row.reconfirm_due_on == dt.date(2024, 5, 1)
    entry = services.audit.entries(AuditFilter(entity="setting"))[0]
    assert entry.old_values is not None and entry.new_values is not None
    assert list(entry.new_values) == ["model_worker.city"]
    assert entry.new_values["model_worker.city"]["min_members"] == 1


def test_nonsense_conditions_are_refused(services: Services) -> None:
    svc = studio_service(services)
    rules = dataclasses.replace(
        svc.condition_settings()[UNION][CITY], min_members=-1, reconfirm_years=0, leader_families=()
    )
    with pytest.raises(ValidationError) as caught:
        svc.set_conditions(UNION, CITY, rules)
    assert caught.value.field_errors == {
        "min_members": "studio_condition_negative",
        "reconfirm_years": "studio_reconfirm_years_invalid",
        "leader_families": "studio_leader_families_required",
    }


def test_json_settings_override_the_defaults_and_bad_ones_name_the_place(
    services: Services,
) -> None:
    svc = studio_service(services)
    table = svc.set_condition_settings(
        {"craftsman": {"city": {"min_members": 8, "trained_level": "grade2"}}}
    )
    city = svc.condition_settings()[StudioKind.CRAFTSMAN][CITY]
    assert (city.min_members, city.trained_level, city.min_results) == (8, SkillLevel.GRADE2, 1)
    assert table[StudioKind.CRAFTSMAN][CITY] == city
    for raw, place in (
        ({"nobody": {}}, "nobody"),
        ({"craftsman": {"galaxy": {}}}, "craftsman.galaxy"),
        ({"craftsman": {"city": {"min_members": "many"}}}, "craftsman.city.min_members"),
        ({"craftsman": {"city": {"colour": 1}}}, "craftsman.city.colour"),
    ):
        with pytest.raises(ValidationError) as caught:
            svc.set_condition_settings(raw)
        assert caught.value.params == {"detail": place}


def test_only_organizers_and_admins_change_conditions(services: Services) -> None:
    clerk = studio_service(as_role(services, "clerk1", "clerk"))
    rules = clerk.condition_settings()[UNION][CITY]
    with pytest.raises(PermissionDenied):
        clerk.set_conditions(UNION, CITY, rules)
    with pytest.raises(PermissionDenied):
        clerk.set_condition_settings({})
