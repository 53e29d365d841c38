"""The studio page's member make-up, from the registry and the honours in the database."""

from __future__ import annotations

import datetime as dt

from skillsapp.app import Services
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.marks import HonourLevel
from skillsapp.domain.studio_rules import HonourFamily
from skillsapp.services.studios.studio_printing import makeup_text
from tests.unit.services.test_studio_helpers import honour, person, studio, studio_service

N, P, C = HonourLevel.NATIONAL, HonourLevel.PROVINCIAL, HonourLevel.CITY
EXPERT = HonourFamily.SKILL_EXPERT
# (职称, 技能等级) of the published example: 10 高级工程师, 3 工程师, 4 高级技师, 9 技师.
MEMBERS = (
    [("高级工程师", None)] * 10
    + [("工程师", None)] * 3
    + [("", SkillLevel.GRADE1)] * 4
    + [("", SkillLevel.GRADE2)] * 9
)
# Among them 2 全国技术能手, 5 provincial and 8 city ones.
EXPERT_TITLES = (
    [("全国技术能手", N)] * 2 + [("河南省技术能手", P)] * 5 + [("焦作市技术能手", C)] * 8
)


def _published_studio(services: Services) -> int:
    row = studio(services)
    svc = studio_service(services)
    for seq, (title, level) in enumerate(MEMBERS):
        member = person(services, seq, title=title, skill_level=level)
        svc.add_member(row.id, member.id, joined_on=dt.date(2019, 1, 1))
        if seq < len(EXPERT_TITLES):
            name, honour_level = EXPERT_TITLES[seq]
            honour(services, member.id, name, honour_level, ladder="技术能手")
        if seq == 0:  # a national holder's earlier city title does not count twice
            honour(services, member.id, "焦作市技术能手", C, ladder="技术能手")
    former = person(services, 99, title="高级工程师", skill_level=None)
    honour(services, former.id, "全国技术能手", N, ladder="技术能手")
    left = svc.add_member(row.id, former.id, joined_on=dt.date(2019, 1, 1))
    svc.end_membership(left.id, dt.date(2024, 1, 1))
    return row.id


def test_the_26_member_studio_reports_the_published_counts(services: Services) -> None:
    detail = studio_service(services).studio(_published_studio(services))
    makeup = detail.makeup
    assert (makeup.total, detail.row.members) == (26, 26)
    assert dict(makeup.by_title) == {"高级工程师": 10, "工程师": 3}
    assert dict(makeup.by_skill_level) == {SkillLevel.GRADE1: 4, SkillLevel.GRADE2: 9}
    assert dict(makeup.honours[EXPERT]) == {N: 2, P: 5, C: 8}
    assert makeup_text(makeup) == (
        "共 26 人：高级工程师 10 人，工程师 3 人；高级技师 4 人，技师 9 人；"
        "全国技术能手 2 人，省级技术能手 5 人，市级技术能手 8 人"
    )


def test_makeup_counts_model_workers_and_craftsmen_by_level(services: Services) -> None:
    row = studio(services)
    svc = studio_service(services)
    for seq, (name, level) in enumerate(
        [("全国劳动模范", N), ("河南省劳动模范", P), ("中原大工匠", P), ("最美职工", C)]
    ):
        member = person(services, seq)
        honour(services, member.id, name, level)
        svc.add_member(row.id, member.id)
    makeup = svc.studio(row.id).makeup
    assert dict(makeup.honours) == {
        HonourFamily.MODEL_WORKER: ((N, 1), (P, 1)),
        HonourFamily.CRAFTSMAN: ((P, 1),),
    }
    assert dict(makeup.by_skill_level) == {SkillLevel.GRADE3: 4}
