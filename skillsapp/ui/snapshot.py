"""Screenshots of named views, rendered off screen (documentation, review, CI)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from skillsapp.app import Services, open_services
from skillsapp.domain.competitions import CompetitionStatus
from skillsapp.domain.idcard import make_id
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.person_rules import PersonInput
from skillsapp.domain.roles import Role
from skillsapp.interchange.rows import PersonDraft, RowProblem
from skillsapp.services.accounts import UserRow
from skillsapp.services.context import Actor
from skillsapp.ui import i18n, tasks
from skillsapp.ui.view_names import VIEWS

JUDGE_VIEWS = frozenset({"marking-grid", "chief-panel"})
WINDOW_SIZE = (1280, 800)


def render_snapshot(db_target: str, view: str, out: Path, lang: str) -> None:
    """Render `view` of the database at `db_target`, as its first admin, to the PNG `out`."""
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; one of: {', '.join(VIEWS)}")
    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from skillsapp.ui.main import create_app

    app = create_app()
    i18n.install(lang)
    services = open_services(db_target)
    try:
        services = services.as_actor(admin_actor(services))
        widget = build_view(view, services)
        try:
            widget.show()
            for _ in range(3):  # layouts settle over a few rounds of posted events
                app.processEvents()
            Path(out).parent.mkdir(parents=True, exist_ok=True)
            if not widget.grab().save(str(out)):
                raise OSError(f"cannot write {out}")
        finally:
            widget.hide()  # not close(): the main window would store its geometry
            widget.deleteLater()
            app.processEvents()
    finally:
        tasks.wait_all()
        services.db.close()


def admin_actor(services: Services) -> Actor:
    """The first active administrator of the database (the program itself if none)."""
    admins = [
        u for u in services.accounts.users(Actor.system()) if u.role == Role.ADMIN and u.active
    ]
    if not admins:
        return Actor.system()
    first: UserRow = min(admins, key=lambda u: u.id)
    return Actor(first.username, Role.ADMIN, first.id, first.display_name or first.username)


def build_view(view: str, services: Services) -> QWidget:
    """The widget showing `view`, with sample content where the view is a dialog."""
    if view == "login":
        return _login(services)
    if view == "person-dialog":
        return _person_dialog(services)
    if view == "import-preview":
        return _import_preview(services)
    if view == "template-editor":
        return _template_editor(services)
    from skillsapp.ui.main_window import MainWindow

    if view in JUDGE_VIEWS:
        judge = chief_judge_actor(services)
        if judge is None:  # nobody judges yet: the organizers' view of the marks
            view = "competition-scoring"
        else:
            services = services.as_actor(judge)
    window = MainWindow(services)
    window.resize(*WINDOW_SIZE)
    if view == "certificate-settings":  # a tab MainWindow's views do not name
        window.show_view("certificates").show_tab("settings")
        return window
    page = window.show_view(view)
    if view == "certificate-verify":  # a verdict to look at: the newest, else an unknown serial
        entries = services.certificates.register()
        page.tab_widgets["verify"].verify(entries[0].serial if entries else "2025JZ0001")
    return window


def chief_judge_actor(services: Services) -> Actor | None:
    """A chief judge, signed in as that judge: of an event in 比赛 if there is one (the
    grid still open), else of the latest event (the demo's judge1)."""
    found: list[tuple[bool, Actor]] = []
    for account in services.judges.judge_accounts():
        events = [e for e in services.marks.judge_events(account.user_id) if e.chief]
        if events:
            actor = Actor(account.username, Role.JUDGE, account.user_id, account.name)
            scoring = any(e.competition_status is CompetitionStatus.SCORING for e in events)
            found.append((scoring, actor))
    if not found:
        return None
    return next((actor for scoring, actor in found if scoring), found[0][1])


def _login(services: Services) -> QWidget:
    from skillsapp.ui.dialogs.login_dialog import FirstAdminDialog, LoginDialog

    if services.accounts.needs_first_admin():
        return FirstAdminDialog(services.accounts)
    return LoginDialog(
        services.accounts, database=services.db.display, username=services.actor.name
    )


def _person_dialog(services: Services) -> QWidget:
    from skillsapp.ui.dialogs.person_dialog import PersonDialog

    units = services.units.units()
    dialog = PersonDialog(services.registry, units=units, trades=services.registry.trades())
    dialog.name.setText("张三")
    dialog.id_number.setText("360426199101010072")  # a wrong check character: shows the message
    dialog.mobile.setText("13800138000")
    dialog.unit.setCurrentIndex(1 if units else 0)
    dialog.trade.setCurrentText("焊工")
    dialog.skill_level.setCurrentIndex(dialog.skill_level.findData(SkillLevel.GRADE3))
    dialog.title.setCurrentText("工程师")
    dialog.show_all_problems()
    return dialog


def sample_drafts() -> list[PersonDraft]:
    """A small import: good rows and the usual kinds of problems."""
    birth = dt.date(1988, 3, 14)
    good = [
        PersonDraft(row, PersonInput(name, make_id("410802", birth, seq), trade="焊工"), unit)
        for row, name, seq, unit in (
            (2, "王建国", 11, "焦作市总工会"),
            (4, "李秀英", 12, "焦作市总工会"),
            (5, "赵敏", 22, "示范技工学校"),
            (7, "陈静", 32, "示范技工学校"),
        )
    ]
    bad = [
        PersonDraft(3, PersonInput("张伟", "360426199101010072", mobile="1380013800")),
        PersonDraft(
            6,
            None,
            problems=(RowProblem(6, "id_number", "id_float_mangled", "4.10802E+17"),),
        ),
        PersonDraft(8, PersonInput("", make_id("410802", birth, 41))),
    ]
    return sorted(good + bad, key=lambda d: d.row)


def _import_preview(services: Services) -> QWidget:
    from skillsapp.ui.dialogs.import_preview_dialog import ImportPreviewDialog

    preview = services.importer.preview(sample_drafts())
    return ImportPreviewDialog(preview, file_name="人员名单.xlsx")


def _template_editor(services: Services) -> QWidget:
    from skillsapp.ui.dialogs.template_editor_dialog import TemplateEditorDialog

    services.cert_templates.ensure_builtin_templates()
    first = services.cert_templates.templates()[0]
    return TemplateEditorDialog(services, first.id)
