"""Every item model passes Qt's model tester, with real rows in it."""

from __future__ import annotations

import datetime as dt

from skillsapp.domain.roles import Role
from skillsapp.interchange.rows import RowProblem
from skillsapp.services.accounts import UserRow
from skillsapp.services.audit import AuditRow
from skillsapp.services.units import UnitInput
from skillsapp.ui.models.audit_table_model import AuditTableModel, changes_text
from skillsapp.ui.models.person_table_model import PAGE_SIZE, PersonTableModel
from skillsapp.ui.models.problem_table_model import ProblemTableModel
from skillsapp.ui.models.unit_tree_model import UnitTreeModel
from skillsapp.ui.models.user_table_model import UserTableModel
from tests.factories import person_input


def test_person_table_model(qtmodeltester, admin):
    for seq in range(5):
        admin.registry.add(person_input(seq))
    model = PersonTableModel(admin.registry.search)
    model.reload()
    qtmodeltester.check(model)
    assert model.rowCount() == 5 and model.total == 5
    model.set_filter(text="zzz", unit_id=None, trade="", skill_level=None)
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_person_table_model_fetches_more(qtmodeltester, admin):
    from skillsapp.interchange.rows import PersonDraft

    drafts = [PersonDraft(i + 2, person_input(i)) for i in range(PAGE_SIZE + 3)]
    admin.importer.run(admin.importer.preview(drafts))
    model = PersonTableModel(admin.registry.search)
    model.reload()
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE_SIZE + 3 and not model.canFetchMore()
    qtmodeltester.check(model)


def test_unit_tree_model(qtmodeltester, admin):
    top = admin.units.add_unit(UnitInput("市总工会"))
    mid = admin.units.add_unit(UnitInput("焦煤集团", parent_id=top.id))
    admin.units.add_unit(UnitInput("九里山矿", parent_id=mid.id))
    admin.units.add_unit(UnitInput("古汉山矿", parent_id=mid.id))
    admin.units.add_unit(UnitInput("技师学院"))
    model = UnitTreeModel()
    model.set_units(admin.units.units())
    qtmodeltester.check(model)
    mid_index = model.index_of(mid.id)
    assert model.rowCount(mid_index) == 2
    assert model.parent(mid_index) == model.index_of(top.id)


def test_audit_table_model(qtmodeltester, admin):
    admin.registry.add(person_input(1))
    model = AuditTableModel()
    model.set_rows(admin.audit.entries())
    qtmodeltester.check(model)


def test_audit_changes_are_readable():
    row = AuditRow(
        1,
        dt.datetime(2025, 5, 1, 8, 0),
        "admin",
        "update",
        "person",
        "7",
        {"skill_level": 3, "gender": "M"},
        {"skill_level": 4, "gender": "F"},
        "",
    )
    assert changes_text(row) == "性别: 男 → 女；技能等级: 三级/高级工 → 二级/技师"


def test_user_and_problem_table_models(qtmodeltester):
    users = UserTableModel()
    users.set_rows([UserRow(1, "admin", "管理员", Role.ADMIN, True, None)])
    qtmodeltester.check(users)
    assert users.data(users.index(0, 2)) == "管理员"
    problems = ProblemTableModel()
    problems.set_rows([RowProblem(3, "id_number", "id_checksum", "360426199101010072")])
    qtmodeltester.check(problems)
    assert problems.data(problems.index(0, 3)) == "身份证号校验位错误"
