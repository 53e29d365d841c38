"""FormsService: rosters, sign-in sheets and score sheets of a competition from the database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from skillsapp.app import Services
from skillsapp.domain.competitions import (
    Event,
    EventJudge,
    JudgeBlock,
    Registration,
    RegistrationStatus,
    SchemeComponent,
    SchemeCriterion,
)
from skillsapp.domain.roles import Role
from skillsapp.errors import NotFound, PermissionDenied
from skillsapp.interchange.score_sheets import read_score_sheet
from skillsapp.services.competitions.competitions import CompetitionInput, CompetitionService
from skillsapp.services.competitions.forms import FormsCancelled, FormsService
from skillsapp.services.units import UnitInput
from tests.conftest import as_role
from tests.factories import person_input
from tests.unit.pdf.pdf_checks import (
    A4_LANDSCAPE,
    A4_PORTRAIT,
    notdef_characters,
    page_sizes,
    page_texts,
    text,
)

TITLE = "2025年焦作市职工技术运动会"
WELDERS = ("王䶮", "李堃", "张喆", "刘洋")  # 焊工, open marking, 4 criteria → grid
TURNERS = ("陈静", "杨磊", "赵敏")  # 车工, blind, 10 criteria → a page per contestant
UNITS = ("焦煤集团赵固二矿", "中原内配集团股份有限公司")


@dataclass(frozen=True)
class Meet:
    competition_id: int
    welding: int
    turning: int
    welding_judges: tuple[int, int]  # 张三 (chief), 李四
    turning_judge: int  # 王五, blocked from 杨磊
    blocked_registration: int


def _criteria(count: int, prefix: str) -> list[SchemeCriterion]:
    return [
        SchemeCriterion(
            position=i,
            key=f"{prefix}{i}",
            name=f"操作要点{i}",
            max_mark=Decimal(100) / count,
            deduction=i % 2 == 1,
            requirement=f"考核要求{i}：按图纸完成",
            standard=f"评分标准{i}：超差扣分",
        )
        for i in range(1, count + 1)
    ]


def _event(
    services: Services, competition_id: int, name: str, *, blind: bool, criteria: int
) -> int:
    with services.db.transaction() as session:
        event = Event(
            competition_id=competition_id,
            name=name,
            trade=name,
            position=1 if blind else 0,
            blind=blind,
        )
        component = SchemeComponent(
            key="practical", name="实操", weight=Decimal(100), criteria=_criteria(criteria, "P")
        )
        event.components = [component]
        session.add(event)
        session.flush()
        return event.id


def _register(
    services: Services, event_id: int, people: list[int], units: list[int], *, blind: bool
) -> list[int]:
    ids = []
    with services.db.transaction() as session:
        for order, (person, unit) in enumerate(zip(people, units, strict=True), start=1):
            registration = Registration(
                event_id=event_id,
                person_id=person,
                unit_id=unit,
                bib=f"{event_id}{order:02d}",
                start_order=len(people) - order + 1,  # reverse: start order is not entry order
                blind_code=f"M{order * 7 % 10:02d}" if blind else None,
                is_leader=order == 1,
            )
            session.add(registration)
            session.flush()
            ids.append(registration.id)
    return ids


def _judge(services: Services, username: str, name: str) -> int:
    return services.accounts.create_user(
        services.actor, username=username, password="pass1234", role=Role.JUDGE, display_name=name
    ).id


@pytest.fixture
def meet(sqlite_services: Services) -> Meet:
    return build_meet(sqlite_services)


def build_meet(s: Services) -> Meet:
    """Two units, 焊工 (open, 2 judges) and 车工 (blind, 1 judge blocked from 杨磊)."""
    units = [s.units.add_unit(UnitInput(name)).id for name in UNITS]
    competitions = CompetitionService(s.db, s.actor)
    competition = competitions.create(
        CompetitionInput(
            name=TITLE, code="JZ2025", start_date=dt.date(2025, 9, 1), venue="焦作技师学院"
        )
    ).id
    welding = _event(s, competition, "焊工", blind=False, criteria=4)
    turning = _event(s, competition, "车工", blind=True, criteria=10)
    welders = [s.registry.add(person_input(i, name=n)).id for i, n in enumerate(WELDERS)]
    turners = [s.registry.add(person_input(10 + i, name=n)).id for i, n in enumerate(TURNERS)]
    _register(s, welding, welders, [units[0], units[1], units[0], units[1]], blind=False)
    turning_ids = _register(s, turning, turners, [units[1], units[0], units[1]], blind=True)
    judges = [
        _judge(s, u, n) for u, n in (("zhangsan", "张三"), ("lisi", "李四"), ("wangwu", "王五"))
    ]
    with s.db.transaction() as session:
        session.add_all(
            [
                EventJudge(event_id=welding, user_id=judges[0], chief=True),
                EventJudge(event_id=welding, user_id=judges[1]),
            ]
        )
        blocked = EventJudge(event_id=turning, user_id=judges[2], chief=True)
        session.add(blocked)
        session.flush()
        session.add(JudgeBlock(event_judge_id=blocked.id, registration_id=turning_ids[1]))
    return Meet(competition, welding, turning, (judges[0], judges[1]), judges[2], turning_ids[1])


@pytest.fixture
def forms(sqlite_services: Services) -> FormsService:
    return FormsService(sqlite_services.db, sqlite_services.actor, today=dt.date(2025, 8, 20))


def test_roster_by_event_lists_every_contestant_in_start_order(
    forms: FormsService, meet: Meet
) -> None:
    data = forms.roster_pdf(meet.competition_id)
    pages = page_texts(data)
    assert page_sizes(data) == [A4_PORTRAIT, A4_PORTRAIT]
    welding = pages[0]
    assert all(name in welding for name in WELDERS) and all(unit in welding for unit in UNITS)
    positions = [welding.index(name) for name in reversed(WELDERS)]
    assert positions == sorted(positions)  # start order reversed the entry order
    assert "焊工（共 4 人）" in welding and "领队" in welding and TITLE in welding
    assert "打印日期：2025年8月20日" in welding and "第 1 页 / 共 1 页" in welding
    assert all(name in pages[1] for name in TURNERS)
    assert not any(code in text(data) for code in ("M07", "M04", "M01"))  # no blind codes
    assert notdef_characters(data) == set()


def test_roster_by_unit_groups_contestants_under_their_unit(
    forms: FormsService, meet: Meet
) -> None:
    pages = page_texts(forms.roster_pdf(meet.competition_id, by="unit"))
    assert len(pages) == 2
    by_unit = {unit: page for page in pages for unit in UNITS if f"{unit}（共" in page}
    assert set(by_unit) == set(UNITS)
    assert all(n in by_unit[UNITS[0]] for n in ("王䶮", "张喆", "杨磊"))
    assert all(n in by_unit[UNITS[1]] for n in ("李堃", "刘洋", "陈静", "赵敏"))
    assert "车工" in by_unit[UNITS[1]] and "焊工" in by_unit[UNITS[1]]
    assert UNITS[0] in pages[0]  # 焦 (jiao) sorts before 中 (zhong)


def test_sign_in_sheet_per_event_has_a_column_to_sign(forms: FormsService, meet: Meet) -> None:
    all_events = page_texts(forms.sign_in_pdf(meet.competition_id))
    assert len(all_events) == 2 and all("本人签名" in page for page in all_events)
    one = text(forms.sign_in_pdf(meet.competition_id, meet.welding))
    assert all(name in one for name in WELDERS) and "焦作技师学院" in one and "2025年9月1日" in one
    assert not any(name in one for name in TURNERS)


def test_judge_score_sheet_of_open_event_is_a_landscape_grid(
    forms: FormsService, meet: Meet
) -> None:
    data = forms.score_sheet_pdf(meet.welding, meet.welding_judges[0])
    content = text(data)
    assert set(page_sizes(data)) == {A4_LANDSCAPE}
    assert "评分人：张三" in content and "P1 操作要点1" in content and "配分 25" in content
    assert all(name in content for name in WELDERS)
    assert notdef_characters(data) == set()


def test_blind_score_sheet_shows_codes_only_in_code_order(forms: FormsService, meet: Meet) -> None:
    data = forms.score_sheet_pdf(meet.turning)
    pages = page_texts(data)
    assert page_sizes(data) == [A4_PORTRAIT] * 3
    codes = ["M01", "M04", "M07"]
    assert [next(c for c in codes if f"密号：{c}" in page) for page in pages] == codes
    content = text(data)
    for hidden in (*TURNERS, *UNITS, "参赛号"):
        assert hidden not in content


def test_blocked_contestant_is_left_off_the_judge_sheet(forms: FormsService, meet: Meet) -> None:
    everyone = text(forms.score_sheet_pdf(meet.turning))
    judge = text(forms.score_sheet_pdf(meet.turning, meet.turning_judge))
    assert "密号：M04" in everyone and "密号：M04" not in judge
    assert "评分人：王五" in judge


def test_xlsx_score_sheet_round_trips(forms: FormsService, meet: Meet, tmp_path: Path) -> None:
    path = forms.score_sheet_xlsx(meet.turning, meet.turning_judge, tmp_path / "车工.xlsx")
    filled = read_score_sheet(path)
    assert (filled.meta.competition_id, filled.meta.event_id) == (meet.competition_id, meet.turning)
    assert filled.meta.judge_user_id == meet.turning_judge and filled.meta.blind
    assert [e.code for e in filled.meta.entries] == ["M01", "M07"]
    assert meet.blocked_registration not in {e.registration_id for e in filled.meta.entries}
    assert [c.key for c in filled.meta.criteria] == [f"P{i}" for i in range(1, 11)]
    assert filled.meta.criteria[0].max_mark == Decimal(10) and filled.meta.criteria[0].deduction


def test_write_all_writes_the_whole_set(forms: FormsService, meet: Meet, tmp_path: Path) -> None:
    steps: list[tuple[int, int]] = []
    out = tmp_path / "打印"
    paths = forms.write_all(meet.competition_id, out, progress=lambda d, t: steps.append((d, t)))
    names = [p.name for p in paths]
    assert names == [
        "参赛名单_按项目.pdf",
        "参赛名单_按单位.pdf",
        "签到表.pdf",
        "评分表_焊工_裁判张三.pdf",
        "评分表_焊工_裁判张三.xlsx",
        "评分表_焊工_裁判李四.pdf",
        "评分表_焊工_裁判李四.xlsx",
        "评分表_车工_裁判王五.pdf",
        "评分表_车工_裁判王五.xlsx",
    ]
    assert sorted(p.name for p in out.iterdir()) == sorted(names)  # no temporary files left
    assert steps[-1] == (9, 9) and len(steps) == 9
    assert (
        read_score_sheet(out / "评分表_焊工_裁判李四.xlsx").meta.judge_user_id
        == meet.welding_judges[1]
    )


def test_event_without_judges_gets_a_blank_sheet(
    sqlite_services: Services, forms: FormsService, meet: Meet, tmp_path: Path
) -> None:
    with sqlite_services.db.transaction() as session:
        session.query(EventJudge).filter(EventJudge.event_id == meet.turning).delete()
    names = [p.name for p in forms.write_all(meet.competition_id, tmp_path / "out")]
    assert "评分表_车工_空白.pdf" in names and "评分表_车工_空白.xlsx" in names


def test_cancel_stops_between_files(forms: FormsService, meet: Meet, tmp_path: Path) -> None:
    calls = iter([False, False, True])
    out = tmp_path / "out"
    with pytest.raises(FormsCancelled) as error:
        forms.write_all(meet.competition_id, out, cancelled=lambda: next(calls))
    assert error.value.params == {"written": 2}
    assert sorted(p.name for p in out.iterdir()) == ["参赛名单_按单位.pdf", "参赛名单_按项目.pdf"]


def test_withdrawn_registrations_are_not_printed(
    sqlite_services: Services, forms: FormsService, meet: Meet
) -> None:
    with sqlite_services.db.transaction() as session:
        session.get(Registration, meet.blocked_registration).status = RegistrationStatus.WITHDRAWN  # type: ignore[union-attr]
    assert "杨磊" not in text(forms.roster_pdf(meet.competition_id))


def test_unknown_event_or_judge_is_not_found(forms: FormsService, meet: Meet) -> None:
    with pytest.raises(NotFound):
        forms.score_sheet_pdf(9999)
    with pytest.raises(NotFound):
        forms.score_sheet_pdf(meet.welding, meet.turning_judge)
    with pytest.raises(NotFound):
        forms.roster_pdf(9999)


def test_judges_may_not_print_forms(sqlite_services: Services, meet: Meet) -> None:
    judge = as_role(sqlite_services, "judge1", "judge")
    with pytest.raises(PermissionDenied):
        judge.forms.roster_pdf(meet.competition_id)


def test_forms_service_is_in_the_bundle(sqlite_services: Services) -> None:
    assert isinstance(sqlite_services.forms, FormsService)


def test_roster_is_by_event_or_by_unit(forms: FormsService, meet: Meet) -> None:
    with pytest.raises(ValueError):
        forms.roster_pdf(meet.competition_id, by="trade")
