"""Every competition item model passes Qt's model tester, with real rows in it."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from skillsapp.domain.scheme_doc import standard_spec
from skillsapp.domain.scoring import CriterionKind, Tier, TitleRule
from skillsapp.services.competitions.registrations import RegistrationQuery
from skillsapp.ui.models.competition_table_models import CompetitionTableModel, EventTableModel
from skillsapp.ui.models.judge_table_models import (
    ConflictTableModel,
    JudgeAccountTableModel,
    JudgeTableModel,
)
from skillsapp.ui.models.registration_table_model import (
    DRAW_KEYS,
    PAGE_SIZE,
    RegistrationTableModel,
)
from skillsapp.ui.models.scheme_models import (
    ComponentTableModel,
    CriterionTableModel,
    TierTableModel,
    TitleRuleTableModel,
)
from tests.unit.services.test_competition_helpers import (
    competition,
    enter,
    event,
    judge,
    meet_ready_for_scoring,
    person,
    unit,
)


def test_competition_and_event_models(qtmodeltester, admin):
    meet = meet_ready_for_scoring(admin)
    competitions = CompetitionTableModel()
    competitions.set_rows(admin.competitions.competitions())
    qtmodeltester.check(competitions)
    assert competitions.data(competitions.index(0, 4)) == "报名"
    for view in ("scheme", "draw", "judges"):
        events = EventTableModel(view)
        events.set_rows(admin.events.events(meet.competition_id))
        qtmodeltester.check(events)
    assert events.data(events.index(0, 1)) == "2"


def test_registration_model_fetches_more(qtmodeltester, admin):
    c = competition(admin, quota_per_unit=None)
    e = event(admin, c.id)
    u = unit(admin)
    for seq in range(PAGE_SIZE + 3):
        enter(admin, e.id, seq, u.id)
    model = RegistrationTableModel(admin.registrations.page)
    model.set_query(RegistrationQuery(c.id))
    assert (model.rowCount(), model.total, model.canFetchMore()) == (PAGE_SIZE, PAGE_SIZE + 3, True)
    model.fetchMore()
    assert model.rowCount() == PAGE_SIZE + 3 and not model.canFetchMore()
    qtmodeltester.check(model)
    draw = RegistrationTableModel(admin.registrations.page, DRAW_KEYS)
    draw.set_query(RegistrationQuery(c.id, text="zzz"))
    qtmodeltester.check(draw)
    assert draw.rowCount() == 0


def test_an_entry_that_breaks_a_changed_rule_carries_a_warning(qtmodeltester, admin):
    from skillsapp.domain.levels import SkillLevel
    from skillsapp.services.competitions.events import EventInput

    c = competition(admin)
    e = event(admin, c.id)
    enter(admin, e.id, 0, unit(admin).id)
    detail = admin.events.event(e.id)
    data = EventInput(**{**detail.data.__dict__, "min_level": SkillLevel.GRADE2})
    admin.events.update(e.id, data)
    model = RegistrationTableModel(admin.registrations.page)
    model.set_query(RegistrationQuery(c.id))
    qtmodeltester.check(model)
    warnings = model.index(0, 8)
    assert model.data(warnings, Qt.ItemDataRole.ToolTipRole) == "技能等级低于本项目的最低要求"
    assert model.data(warnings, Qt.ItemDataRole.DecorationRole) is not None


def test_judge_models(qtmodeltester, admin):
    meet = meet_ready_for_scoring(admin)
    same = judge(admin, "judge3", person_id=person(admin, 30, meet.unit_id).id)
    admin.judges.assign(meet.event_id, same.id)
    judges = JudgeTableModel()
    judges.set_rows(admin.judges.judges(meet.event_id))
    qtmodeltester.check(judges)
    accounts = JudgeAccountTableModel()
    accounts.set_rows(admin.judges.judge_accounts())
    qtmodeltester.check(accounts)
    conflicts = ConflictTableModel()
    conflicts.set_rows(admin.judges.conflicts(meet.event_id))
    qtmodeltester.check(conflicts)
    assert conflicts.rowCount() == 3


def test_scheme_models_edit_rows(qtmodeltester):
    spec = standard_spec()
    components = ComponentTableModel()
    components.set_rows(spec.components)
    qtmodeltester.check(components)
    assert components.setData(components.index(0, 2), "25")
    assert components.row_at(0).weight == Decimal(25)
    assert not components.setData(components.index(0, 2), "x")
    criteria = CriterionTableModel()
    criteria.set_rows(spec.components[1].criteria)
    qtmodeltester.check(criteria)
    assert criteria.setData(criteria.index(0, 3), "judgement")
    assert criteria.row_at(0).kind is CriterionKind.JUDGEMENT
    assert criteria.setData(
        criteria.index(0, 6), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    assert criteria.row_at(0).deduction
    tiers = TierTableModel()
    tiers.set_rows((*spec.award_rule.tiers, Tier("优胜奖", 2)))
    qtmodeltester.check(tiers)
    assert tiers.setData(tiers.index(0, 2), "15")
    assert tiers.row_at(0).share == Decimal("0.15")
    titles = TitleRuleTableModel(lambda: ["一等奖"])
    titles.set_rows((TitleRule("市技术能手", max_rank=1),))
    qtmodeltester.check(titles)
    assert not titles.setData(titles.index(0, 1), "")  # neither rank nor award: refused
    assert titles.setData(titles.index(0, 2), "一等奖")
    assert titles.setData(titles.index(0, 1), "")
    assert titles.row_at(0) == TitleRule("市技术能手", tier="一等奖")
