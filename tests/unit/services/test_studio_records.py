"""A studio's records: innovation results with patents and contributors, trainings, talents."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from skillsapp.app import Services
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.studios import InnovationKind, PatentKind
from skillsapp.errors import Conflict, NotFound, ValidationError
from skillsapp.services.audit import AuditFilter
from skillsapp.services.studios.studio_records import TalentInput, TrainingInput
from tests.unit.services.test_studio_helpers import (
    TODAY,
    innovation_input,
    person,
    studio,
    studio_service,
)


def test_innovation_keeps_patent_benefit_and_contributors(services: Services) -> None:
    row = studio(services)
    first, second = person(services, 0), person(services, 1)
    saved = studio_service(services).add_innovation(
        row.id,
        innovation_input(
            kind=InnovationKind.INVENTION,
            applied=True,
            patent_kind=PatentKind.INVENTION,
            patent_number=" zl201910012345.6 ",
            patent_granted_on=dt.date(2021, 3, 9),
            benefit=Decimal("350.1234"),
            awards="河南省职工技术创新成果一等奖",
            contributor_ids=(second.id, first.id, second.id),
        ),
    )
    assert saved.patent_number == "ZL201910012345.6"
    assert saved.benefit == Decimal("350.1234")
    assert [p.name for p in saved.contributors] == [second.name, first.name]
    shown = studio_service(services).studio(row.id).innovations
    assert [(i.title, i.applied, {p.id for p in i.contributors}) for i in shown] == [
        (saved.title, True, {first.id, second.id})
    ]


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        ({"patent_kind": PatentKind.UTILITY_MODEL}, {"patent_number": "patent_number_required"}),
        ({"patent_number": "ZL1"}, {"patent_kind": "patent_kind_required"}),
        (
            {
                "patent_kind": PatentKind.DESIGN,
                "patent_number": "ZL1",
                "patent_granted_on": TODAY + dt.timedelta(days=1),
            },
            {"patent_granted_on": "date_in_future"},
        ),
        ({"benefit": Decimal("-1")}, {"benefit": "value_negative"}),
        ({"benefit": Decimal("0.00001")}, {"benefit": "benefit_invalid"}),
        (
            {"title": "  ", "year": 2026},
            {"title": "innovation_title_required", "year": "year_invalid"},
        ),
        ({"contributor_ids": (999,)}, {"contributor_ids": "person_unknown"}),
    ],
)
def test_innovation_rules(
    services: Services, changes: dict[str, object], errors: dict[str, str]
) -> None:
    row = studio(services)
    with pytest.raises(ValidationError) as caught:
        studio_service(services).add_innovation(row.id, innovation_input(**changes))
    assert caught.value.field_errors == errors
    assert studio_service(services).studio(row.id).innovations == ()


def test_patent_granted_today_is_accepted(services: Services) -> None:
    row = studio(services)
    data = innovation_input(
        patent_kind=PatentKind.UTILITY_MODEL, patent_number="ZL2", patent_granted_on=TODAY
    )
    assert studio_service(services).add_innovation(row.id, data).patent_granted_on == TODAY


def test_innovation_edit_is_audited_with_contributor_changes(services: Services) -> None:
    row = studio(services)
    worker = person(services, 0)
    svc = studio_service(services)
    saved = svc.add_innovation(row.id, innovation_input())
    svc.update_innovation(
        saved.id,
        innovation_input(applied=True, contributor_ids=(worker.id,)),
        expected_version=saved.version,
    )
    with pytest.raises(Conflict):
        svc.update_innovation(saved.id, innovation_input(), expected_version=saved.version)
    svc.delete_innovation(saved.id, reason="误录")
    entries = services.audit.entries(AuditFilter(entity="innovation"))
    assert [e.action for e in entries] == ["delete", "update", "create"]
    assert entries[1].new_values == {"applied": True, "contributor_ids": [worker.id]}
    assert entries[0].reason == "误录"
    with pytest.raises(NotFound):
        svc.delete_innovation(saved.id)


def test_innovation_needs_an_existing_studio(services: Services) -> None:
    with pytest.raises(NotFound):
        studio_service(services).add_innovation(4711, innovation_input())


def test_trainings_are_listed_newest_first_and_audited(services: Services) -> None:
    row = studio(services)
    svc = studio_service(services)
    old = svc.add_training(row.id, TrainingInput(dt.date(2024, 3, 1), " 液压 培训 ", 20))
    svc.add_training(row.id, TrainingInput(dt.date(2025, 3, 1), "数控培训", 35))
    svc.update_training(old.id, TrainingInput(dt.date(2024, 3, 2), "液压培训", 25))
    shown = svc.studio(row.id).trainings
    assert [(t.held_on, t.title, t.attendees) for t in shown] == [
        (dt.date(2025, 3, 1), "数控培训", 35),
        (dt.date(2024, 3, 2), "液压培训", 25),
    ]
    svc.delete_training(old.id)
    actions = [e.action for e in services.audit.entries(AuditFilter(entity="studio_training"))]
    assert actions == ["delete", "update", "create", "create"]


def test_training_rules(services: Services) -> None:
    row = studio(services)
    bad = TrainingInput(TODAY + dt.timedelta(days=1), "", -1)
    with pytest.raises(ValidationError) as caught:
        studio_service(services).add_training(row.id, bad)
    assert caught.value.field_errors == {
        "title": "training_title_required",
        "held_on": "date_in_future",
        "attendees": "value_negative",
    }


def test_talent_is_listed_once_per_year(services: Services) -> None:
    row = studio(services)
    apprentice = person(services, 3)
    svc = studio_service(services)
    svc.add_talent(row.id, TalentInput(apprentice.id, 2024, SkillLevel.GRADE3))
    with pytest.raises(ValidationError) as caught:
        svc.add_talent(row.id, TalentInput(apprentice.id, 2024, SkillLevel.GRADE2))
    assert caught.value.field_errors == {"person_id": "talent_duplicate"}
    later = svc.add_talent(row.id, TalentInput(apprentice.id, 2025, SkillLevel.GRADE2, True))
    assert (later.name, later.level_reached, later.promoted) == (
        apprentice.name,
        SkillLevel.GRADE2,
        True,
    )
    svc.update_talent(later.id, TalentInput(apprentice.id, 2025, SkillLevel.GRADE1, True))
    assert [t.level_reached for t in svc.studio(row.id).talents] == [
        SkillLevel.GRADE1,
        SkillLevel.GRADE3,
    ]
    svc.delete_talent(later.id)
    actions = [e.action for e in services.audit.entries(AuditFilter(entity="talent_trained"))]
    assert actions == ["delete", "update", "create", "create"]


def test_talent_needs_a_known_person_and_a_past_year(services: Services) -> None:
    row = studio(services)
    with pytest.raises(ValidationError) as caught:
        studio_service(services).add_talent(row.id, TalentInput(999, 2030))
    assert caught.value.field_errors == {"person_id": "person_unknown", "year": "year_invalid"}
