"""The profile read model, registry filters on the talent record, saved searches, rosters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import event

from skillsapp.app import Services
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.marks import HonourLevel
from skillsapp.domain.talent import GraduationResult
from skillsapp.errors import NotFound, PermissionDenied, ValidationError
from skillsapp.services.registry.registry import PersonQuery
from skillsapp.services.talent.honours import HonourInput
from skillsapp.services.talent.mentorship import MentorshipInput
from skillsapp.services.talent.profile import query_from_json, query_to_json
from skillsapp.services.talent.talent import CertificateInput, TitleInput
from skillsapp.services.units import UnitInput
from tests.conftest import as_role
from tests.unit.pdf.pdf_checks import A4_LANDSCAPE, page_sizes, text
from tests.unit.services.test_talent_helpers import (
    entries,
    final_result,
    innovation,
    person,
    studio,
    type_id,
)


def _honour(services: Services, person_id: int, name: str, level: HonourLevel, **kw: object) -> int:
    data = HonourInput(type_id(services, name), level, person_id=person_id, **kw)  # type: ignore[arg-type]
    return services.honours.add(data).id


@pytest.fixture
def master(services: Services) -> int:
    """王建国 of 焦煤集团 / 赵固二矿 with a full record; returns his person id."""
    group = services.units.add_unit(UnitInput("焦煤集团"))
    mine = services.units.add_unit(UnitInput("焦煤集团赵固二矿", parent_id=group.id))
    p = person(services, 0, unit_id=mine.id).id
    apprentice = person(services, 1, unit_id=mine.id).id
    services.talent.add_certificate(CertificateInput(p, "焊工", SkillLevel.GRADE1))
    services.talent.add_title(TitleInput(p, "高级工程师", dt.date(2021, 12, 1)))
    _honour(services, p, "技术能手", HonourLevel.CITY, title="焦作市技术能手", year=2019)
    _honour(services, p, "劳动模范", HonourLevel.PROVINCIAL, title="河南省劳动模范", year=2020)
    final_result(services, p, titles=("焦作市技术能手",))
    start = dt.date(2023, 3, 1)
    services.mentorship.create(MentorshipInput(p, apprentice, start, dt.date(2025, 2, 28)))
    lab = studio(services, "王建国劳模创新工作室", leader_id=p, members=[(apprentice, "骨干")])
    studio(services, "焊接技能大师工作室", members=[(p, "成员")])
    innovation(services, lab, "窄间隙焊接工装", [p, apprentice])
    return p


def test_profile_holds_the_whole_record(services: Services, master: int) -> None:
    profile = services.profile.profile(master)
    assert profile.name == "王建国"
    assert profile.unit_path == ("焦煤集团", "焦煤集团赵固二矿")
    assert (profile.skill_level, profile.title) == (SkillLevel.GRADE1, "高级工程师")
    assert [c.occupation for c in profile.certificates] == ["焊工"]
    assert [t.title for t in profile.titles] == ["高级工程师"]
    assert [h.title for h in profile.honours] == ["河南省劳动模范", "焦作市技术能手"]
    [result] = profile.history
    assert (result.competition, result.rank, result.titles) == (
        "2024年焦作市职工技能竞赛",
        1,
        ("焦作市技术能手",),
    )
    assert [m.apprentice_name for m in profile.as_mentor] == ["李秀英"]
    assert profile.as_apprentice == ()
    assert [(s.studio, s.leader) for s in profile.studios] == [
        ("焊接技能大师工作室", False),
        ("王建国劳模创新工作室", True),
    ]
    assert [i.title for i in profile.innovations] == ["窄间隙焊接工装"]
    assert not profile.has_photo


def test_apprentice_profile_shows_the_master(services: Services, master: int) -> None:
    apprentice = services.mentorship.apprentices(master)[0]
    services.mentorship.graduate(apprentice.id, GraduationResult.PASS)
    profile = services.profile.profile(apprentice.apprentice_id)
    [pair] = profile.as_apprentice
    assert (pair.mentor_name, pair.result) == ("王建国", GraduationResult.PASS)
    assert [(s.studio, s.role) for s in profile.studios] == [("王建国劳模创新工作室", "骨干")]


def test_id_number_is_masked_for_clerks_only(services: Services, master: int) -> None:
    full = services.profile.profile(master).id_number
    clerk = as_role(services, "clerk1", "clerk")
    masked = clerk.profile.profile(master).id_number
    assert "*" not in full and len(full) == 18
    assert masked == full[:6] + "********" + full[-4:]


def test_profile_of_unknown_person_and_for_a_judge_is_refused(
    services: Services, master: int
) -> None:
    with pytest.raises(NotFound):
        services.profile.profile(master + 100)
    judge = as_role(services, "judge1", "judge")
    with pytest.raises(PermissionDenied):
        judge.profile.profile(master)


@contextmanager
def _counted(services: Services) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(services.db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(services.db.engine, "before_cursor_execute", count)


def test_profile_reads_in_the_same_few_queries_however_long_the_record(
    services: Services, master: int
) -> None:
    with _counted(services) as few:
        services.profile.profile(master)
    for year in range(1990, 2010):
        _honour(services, master, "技术能手", HonourLevel.ENTERPRISE, title="厂技术能手", year=year)
    for day in range(1, 15):
        final_result(services, master, competition=f"第{day}届", day=dt.date(2010, 1, day))
    with _counted(services) as many:
        services.profile.profile(master)
    assert len(many) == len(few) <= 20


def test_registry_search_filters_by_honour_type_and_level(services: Services, master: int) -> None:
    other = person(services, 5).id
    _honour(services, other, "技术能手", HonourLevel.ENTERPRISE, title="厂技术能手")
    skilled = type_id(services, "技术能手")

    def names(**query: object) -> list[str]:
        page = services.registry.search(PersonQuery(**query))  # type: ignore[arg-type]
        return [row.name for row in page.rows]

    assert names(honour_type_id=skilled) == ["王建国", "杨磊"]
    assert names(honour_type_id=skilled, honour_level=HonourLevel.CITY) == ["王建国"]
    assert names(honour_level=HonourLevel.PROVINCIAL) == ["王建国"]
    assert names(honour_type_id=type_id(services, "大国工匠")) == []
    assert services.registry.search(PersonQuery(honour_type_id=skilled)).total == 2


def test_registry_search_filters_by_studio_and_mentor(services: Services, master: int) -> None:
    lab = studio(
        services, "第三工作室", members=[(person(services, 6).id, "成员")], former=[master]
    )
    names = [
        row.name for row in services.registry.search(PersonQuery(studio_id=lab)).rows
    ]  # the former member is left out
    assert names == ["黄丽"]
    led = next(s.studio_id for s in services.profile.profile(master).studios if s.leader)
    led_names = {row.name for row in services.registry.search(PersonQuery(studio_id=led)).rows}
    assert led_names == {"王建国", "李秀英"}  # the leader without a member row, and a member
    apprentices = services.registry.search(PersonQuery(mentor_id=master)).rows
    assert [row.name for row in apprentices] == ["李秀英"]


def test_saved_search_round_trips_its_query(services: Services) -> None:
    query = PersonQuery(
        text="王",
        trade="焊工",
        skill_level=SkillLevel.GRADE2,
        honour_level=HonourLevel.CITY,
        studio_id=3,
        mentor_id=4,
        honour_type_id=5,
        sort="unit",
        descending=True,
    )
    assert query_from_json(query_to_json(query)) == query
    saved = services.profile.save_search("二级焊工", query)
    assert services.profile.saved_searches() == [saved]
    assert saved.query == query


def test_saved_search_keeps_no_paging_and_ignores_unknown_keys() -> None:
    restored = query_from_json(query_to_json(PersonQuery(offset=500, limit=20)))
    assert (restored.offset, restored.limit) == (0, PersonQuery().limit)
    assert query_from_json('{"trade": "电工", "from_the_future": 1}') == PersonQuery(trade="电工")


def test_saving_under_the_same_name_replaces_the_query(services: Services) -> None:
    services.profile.save_search("焊工", PersonQuery(trade="焊工"))
    services.profile.save_search("焊工", PersonQuery(trade="电焊工"))
    [only] = services.profile.saved_searches()
    assert only.query.trade == "电焊工"
    actions = [e.action for e in entries(services, "saved_search")]
    assert actions == ["create", "update"]


def test_saved_searches_belong_to_their_user(services: Services) -> None:
    mine = services.profile.save_search("我的", PersonQuery(trade="焊工"))
    clerk = as_role(services, "clerk1", "clerk")
    clerk.profile.save_search("文员的", PersonQuery(trade="钳工"))
    assert [s.name for s in services.profile.saved_searches()] == ["我的"]
    assert [s.name for s in clerk.profile.saved_searches()] == ["文员的"]
    with pytest.raises(NotFound):
        clerk.profile.delete_search(mine.id)
    services.profile.delete_search(mine.id)
    assert services.profile.saved_searches() == []


def test_saved_search_needs_a_name(services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        services.profile.save_search("  ", PersonQuery())
    assert caught.value.field_errors == {"name": "name_required"}


def test_roster_xlsx_exports_every_match(services: Services, master: int, tmp_path: Path) -> None:
    path = tmp_path / "名单.xlsx"
    skilled = type_id(services, "技术能手")
    assert services.profile.roster_xlsx(PersonQuery(honour_type_id=skilled), path) == 1
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None and sheet["A2"].value == "王建国"


def test_roster_pdf_lists_persons_with_their_honours(services: Services, master: int) -> None:
    data = services.profile.roster_pdf(PersonQuery(), title="焦煤集团人才名单")
    assert page_sizes(data) == [A4_LANDSCAPE]
    content = text(data)
    for expected in ("焦煤集团人才名单", "共 2 人", "王建国", "李秀英", "河南省劳动模范", "荣誉"):
        assert expected in content
