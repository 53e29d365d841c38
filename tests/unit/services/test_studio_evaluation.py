"""年度考核: plans with weighted metrics, manual scores, the ranking from the year's records."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from skillsapp.app import Services
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.marks import HonourLevel
from skillsapp.domain.studio_rules import Metric
from skillsapp.domain.studios import PatentKind, StudioStatus
from skillsapp.errors import Conflict, PermissionDenied, UserError, ValidationError
from skillsapp.services.audit import AuditFilter
from skillsapp.services.studios.studio_evaluation import EvaluationService, PlanInput
from skillsapp.services.studios.studio_records import TalentInput, TrainingInput
from tests.conftest import as_role
from tests.unit.pdf.pdf_checks import notdef_characters, page_texts
from tests.unit.services.test_studio_helpers import (
    evaluation_service,
    innovation_input,
    person,
    studio,
    studio_service,
)

D = Decimal
METRICS = (
    Metric("innovations", D(30)),
    Metric("patents", D(20)),
    Metric("benefit", D(20)),
    Metric("trained", D(10)),
    Metric("site", D(20), "场地与制度建设", True, D(10)),
)


def _plan(ev: EvaluationService, metrics: tuple[Metric, ...] = METRICS) -> int:
    return ev.add_plan(PlanInput(2024, "2024年度创新工作室考核", metrics)).id


def _records(services: Services) -> tuple[int, int, int]:
    """甲: 4 results (1 patented), 100 万元; 乙: 2 results (2 patented), 400 万元, 1 talent."""
    svc = studio_service(services)
    first, second = studio(services, "甲工作室").id, studio(services, "乙工作室").id
    revoked = studio(services, "丙工作室", status=StudioStatus.REVOKED).id
    patent = {"patent_kind": PatentKind.UTILITY_MODEL, "patent_number": "ZL1"}
    for n in range(4):
        extra = patent if n == 0 else {}
        svc.add_innovation(first, innovation_input(f"成果{n}", benefit=D(25), **extra))
    for n in range(2):
        svc.add_innovation(second, innovation_input(f"专利{n}", benefit=D(200), **patent))
    svc.add_innovation(second, innovation_input("去年的", year=2023, benefit=D(9000)))
    svc.add_innovation(revoked, innovation_input("撤销的", benefit=D(9000)))
    svc.add_talent(second, TalentInput(person(services, 1).id, 2024, SkillLevel.GRADE3))
    svc.add_training(first, TrainingInput(dt.date(2024, 5, 1), "培训"))
    return first, second, revoked


def test_ranking_weights_each_metric_against_the_best_studio(services: Services) -> None:
    first, second, _ = _records(services)
    ev = evaluation_service(services)
    plan = _plan(ev)
    ev.set_manual_scores(plan, first, {"site": D(10)}, note="制度健全")
    ev.set_manual_scores(plan, second, {"site": D(6)})
    ranking = ev.ranking(plan)
    assert [(r.name, r.rank, r.total) for r in ranking.rows] == [
        ("乙工作室", 1, D("77.00")),  # 15 + 20 + 20 + 10 + 12
        ("甲工作室", 2, D("65.00")),  # 30 + 10 + 5 + 0 + 20
    ]
    values = {s.key: s.value for s in ranking.rows[1].scores}
    assert values == {"innovations": 4, "patents": 1, "benefit": 100, "trained": 0, "site": 10}
    assert ranking.notes == {first: "制度健全"}


def test_ranking_can_be_limited_to_one_level(services: Services) -> None:
    _records(services)
    studio(services, "省级工作室", level=HonourLevel.PROVINCIAL)
    ev = evaluation_service(services)
    plan = _plan(ev)
    names = [r.name for r in ev.ranking(plan, level=HonourLevel.PROVINCIAL).rows]
    assert names == ["省级工作室"]


def test_plan_validation_and_unique_name_per_year(services: Services) -> None:
    ev = evaluation_service(services)
    _plan(ev)
    with pytest.raises(ValidationError) as caught:
        ev.add_plan(PlanInput(2024, " 2024年度创新工作室考核 ", (Metric("patents", D(90)),)))
    assert caught.value.field_errors == {
        "weights": "evaluation_weights_sum",
        "name": "evaluation_plan_taken",
    }
    other = ev.add_plan(PlanInput(2025, "2024年度创新工作室考核", METRICS))
    assert [p.year for p in ev.plans()] == [2025, 2024]
    assert ev.plans(2025)[0].metrics == METRICS
    assert other.version == 1


def test_plan_edit_and_delete_are_audited_and_versioned(services: Services) -> None:
    ev = evaluation_service(services)
    plan = ev.add_plan(PlanInput(2024, "考核", METRICS))
    changed = (Metric("innovations", D(100)),)
    ev.update_plan(plan.id, PlanInput(2024, "考核", changed), expected_version=plan.version)
    with pytest.raises(Conflict):
        ev.update_plan(plan.id, PlanInput(2024, "考核", METRICS), expected_version=plan.version)
    ev.delete_plan(plan.id)
    actions = [e.action for e in services.audit.entries(AuditFilter(entity="evaluation_plan"))]
    assert actions == ["delete", "update", "create"]
    assert ev.plans() == []


def test_manual_scores_must_fit_the_plan(services: Services) -> None:
    row = studio(services)
    ev = evaluation_service(services)
    plan = _plan(ev)
    with pytest.raises(ValidationError) as caught:
        ev.set_manual_scores(plan, row.id, {"site": D(11), "patents": D(1)})
    assert caught.value.field_errors == {
        "site": "evaluation_score_out_of_range",
        "patents": "evaluation_metric_unknown",
    }
    ev.set_manual_scores(plan, row.id, {"site": D("7.5")})
    ev.set_manual_scores(plan, row.id, {"site": D(8)}, note="复评")
    assert ev.manual_scores(plan)[row.id].scores == {"site": D(8)}
    entries = services.audit.entries(AuditFilter(entity="evaluation_score"))
    assert [e.new_values for e in entries] == [
        {"manual": '{"site": "8"}', "note": "复评"},
        {"manual": '{"site": "7.5"}'},
    ]


def test_clerks_view_rankings_but_do_not_score(services: Services) -> None:
    row = studio(services)
    plan = _plan(evaluation_service(services))
    clerk = as_role(services, "clerk1", "clerk")
    ev = EvaluationService(clerk.db, clerk.actor)
    assert [r.name for r in ev.ranking(plan).rows] == [row.name]
    with pytest.raises(PermissionDenied):
        ev.set_manual_scores(plan, row.id, {"site": D(1)})
    with pytest.raises(PermissionDenied):
        ev.add_plan(PlanInput(2023, "x", METRICS))


def test_evaluation_sheet_pdf_shows_the_studio_its_scores_and_rank(services: Services) -> None:
    first, _, revoked = _records(services)
    ev = evaluation_service(services)
    plan = _plan(ev)
    ev.set_manual_scores(plan, first, {"site": D(9)}, note="场地规范，制度上墙")
    pdf = ev.evaluation_sheet_pdf(plan, first)
    (text,) = page_texts(pdf)
    for expected in (
        "甲工作室",
        "2024年度考核表",
        "考核指标",
        "场地与制度建设",
        "总分",
        "第 2 名",
        "场地规范",
    ):
        assert expected in text
    assert "乙工作室" not in text
    assert notdef_characters(pdf) == set()
    assert len(page_texts(ev.evaluation_sheet_pdf(plan))) == 2
    with pytest.raises(UserError) as caught:
        ev.evaluation_sheet_pdf(plan, revoked)
    assert caught.value.code == "evaluation_studio_not_ranked"


def test_profile_pdf_shows_the_studio_page(services: Services) -> None:
    leader = person(services, 0, title="高级工程师", skill_level=None)
    row = studio(services, leader_id=leader.id, description="依托焦煤集团，专注液压支架维修。")
    svc = studio_service(services)
    svc.add_member(row.id, leader.id, role="领办人")
    svc.add_innovation(row.id, innovation_input(contributor_ids=(leader.id,)))
    text = "".join(page_texts(svc.profile_pdf(row.id)))
    for expected in (
        "梁兵创新工作室",
        "市级劳模创新工作室",
        "成员构成",
        "共 1 人：高级工程师 1 人",
        "矿用液压支架快速拆装工装",
        "认定条件核对",
        "不符合",
        "专注液压支架维修",
    ):
        assert expected in text
