"""System page: users and audit log for admins only; roles decide what is shown."""

from __future__ import annotations

from skillsapp.ui import signals
from skillsapp.ui.dialogs.user_dialogs import UserDialog
from skillsapp.ui.main_window import MainWindow
from tests.conftest import as_role
from tests.factories import person_input
from tests.gui.helpers import LEFT, ok_button, open_dialog_of, type_text


def _window(qtbot, services) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_audit_log_shows_the_added_person(qtbot, admin):
    window = _window(qtbot, admin)
    audit = window.show_view("audit")
    tab = audit.tab_widgets["audit"]
    row = admin.registry.add(person_input(0, name="张三"))
    signals.announce(signals.PERSONS)

    model = tab.model
    entries = [r for r in model.rows() if r.entity == "person" and r.entity_id == str(row.id)]
    assert len(entries) == 1
    line = [model.data(model.index(model.rows().index(entries[0]), c)) for c in range(7)]
    assert line[1:4] == ["admin", "新增", "人员"]
    assert "姓名: 张三" in line[6]
    assert "技能等级: 三级/高级工" in line[6]


def test_audit_filters_by_record_kind_and_text(qtbot, admin):
    admin.registry.add(person_input(0, name="张三"))
    admin.registry.add(person_input(1, name="李四"))
    window = _window(qtbot, admin)
    tab = window.show_view("audit").tab_widgets["audit"]
    tab.entity.setCurrentIndex(tab.entity.findData("person"))
    type_text(qtbot, tab.text, "李四")
    qtbot.mouseClick(tab.apply_button, LEFT)
    assert len(tab.model.rows()) == 1
    assert tab.count_label.text() == "共 1 条记录"


def test_edits_show_old_and_new_values(qtbot, admin):
    import dataclasses

    row = admin.registry.add(person_input(0, name="张三"))
    data, version = admin.registry.person_for_edit(row.id)
    admin.registry.update(row.id, dataclasses.replace(data, name="张叁"), expected_version=version)
    window = _window(qtbot, admin)
    tab = window.show_view("audit").tab_widgets["audit"]
    texts = [tab.model.data(tab.model.index(r, 6)) for r in range(tab.model.rowCount())]
    assert "姓名: 张三 → 张叁" in texts


def test_clerk_sees_no_users_or_audit_tabs(qtbot, admin):
    clerk = as_role(admin, "clerk1", "clerk")
    window = _window(qtbot, clerk)
    assert window.pages["system"].tab_titles() == ["设置", "关于"]
    assert "人才库" in window.nav_titles()
    assert window.pages["dashboard"].accounts.isHidden()


def test_admin_sees_all_system_tabs(qtbot, admin):
    window = _window(qtbot, admin)
    assert window.pages["system"].tab_titles() == ["用户", "审计日志", "设置", "关于"]


def test_judge_sees_only_the_marking_page(qtbot, admin):
    judge = as_role(admin, "judge1", "judge")
    window = _window(qtbot, judge)
    assert window.nav_titles() == ["评分"]
    assert "registry" not in window.pages
    assert "marking" not in _window(qtbot, admin).pages


def test_admin_adds_a_user_then_disables_it(qtbot, admin):
    window = _window(qtbot, admin)
    users = window.show_view("users").tab_widgets["users"]
    qtbot.mouseClick(users.add_button, LEFT)
    qtbot.waitUntil(lambda: open_dialog_of(users, UserDialog) is not None)
    dialog = open_dialog_of(users, UserDialog)
    qtbot.keyClicks(dialog.username, "wang")
    type_text(qtbot, dialog.display_name, "王录入")
    qtbot.keyClicks(dialog.password, "pw1234")
    qtbot.keyClicks(dialog.repeat, "pw1234")
    qtbot.mouseClick(ok_button(dialog.buttons), LEFT)
    qtbot.waitUntil(lambda: "wang" in [u.username for u in users.model.rows()])

    row = [u.username for u in users.model.rows()].index("wang")
    users.table.selectRow(users.proxy.mapFromSource(users.model.index(row, 0)).row())
    assert users.toggle_button.text() == "停用"
    qtbot.mouseClick(users.toggle_button, LEFT)
    qtbot.waitUntil(lambda: not next(u for u in users.model.rows() if u.username == "wang").active)
    assert "已停用" in [
        users.model.data(users.model.index(r, 3)) for r in range(users.model.rowCount())
    ]


def test_dashboard_counts_follow_changes(qtbot, admin):
    window = _window(qtbot, admin)
    dashboard = window.pages["dashboard"]
    assert dashboard.persons.number.text() == "0"
    assert dashboard.accounts.number.text() == "1"
    admin.registry.add(person_input(0))
    signals.announce(signals.PERSONS)
    assert dashboard.persons.number.text() == "1"


def test_admin_resets_a_password(qtbot, admin, recorder):
    from skillsapp.domain.roles import Role
    from skillsapp.ui.dialogs.user_dialogs import PasswordDialog

    admin.accounts.create_user(admin.actor, username="li", password="old1", role=Role.CLERK)
    window = _window(qtbot, admin)
    users = window.show_view("users").tab_widgets["users"]
    row = [u.username for u in users.model.rows()].index("li")
    users.table.selectRow(users.proxy.mapFromSource(users.model.index(row, 0)).row())
    qtbot.mouseClick(users.password_button, LEFT)
    qtbot.waitUntil(lambda: open_dialog_of(users, PasswordDialog) is not None)
    dialog = open_dialog_of(users, PasswordDialog)
    qtbot.keyClicks(dialog.password, "new12345")
    qtbot.keyClicks(dialog.repeat, "new12345")
    qtbot.mouseClick(ok_button(dialog.buttons), LEFT)
    qtbot.waitUntil(lambda: bool(recorder.texts("info")))
    assert recorder.texts("info") == ["li 的密码已修改。"]
    assert admin.accounts.login("li", "new12345").name == "li"
