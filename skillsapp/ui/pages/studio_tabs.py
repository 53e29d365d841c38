"""The tabs of one studio: overview (make-up and conditions), members, results, trainings
and talents trained."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from skillsapp.app import Services
from skillsapp.domain.roles import Permission
from skillsapp.errors import UserError
from skillsapp.services.studios.studio_records import PersonRef
from skillsapp.services.studios.studios import StudioDetail
from skillsapp.ui import msgbox, signals
from skillsapp.ui import studio_labels as sl
from skillsapp.ui.dialogs.innovation_dialog import InnovationDialog
from skillsapp.ui.dialogs.small_dialogs import DateDialog
from skillsapp.ui.dialogs.studio_record_dialogs import MemberDialog, TalentDialog, TrainingDialog
from skillsapp.ui.models.studio_models import (
    ConditionTableModel,
    MemberTableModel,
    StudioInnovationTableModel,
    TalentTableModel,
    TrainingTableModel,
)
from skillsapp.ui.widgets.dialogs import open_dialog
from skillsapp.ui.widgets.record_section import HEADING_STYLE, RecordSection

MAKEUP_STYLE = "font-size: 11pt; color: #23344d; padding: 6px 0;"
GOOD, BAD = "color: #2e7d32; font-weight: 600;", "color: #c62828; font-weight: 600;"


class _StudioPanel(QWidget):
    """One tab: holds the studio shown; `dialog` is the last dialog opened (for tests)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._editable = services.actor.can(Permission.EDIT_STUDIO_RECORDS)
        self.detail: StudioDetail | None = None
        self.dialog: QWidget | None = None

    def _open(self, dialog: QWidget) -> None:
        self.dialog = open_dialog(dialog)  # type: ignore[arg-type]

    def _studio_id(self) -> int:
        assert self.detail is not None
        return self.detail.row.id

    def _write(self, title: str, question: str, action: Callable[[], object]) -> None:
        if question and not msgbox.confirm(self, title, question, ok_text=title):
            return
        try:
            action()
        except UserError as err:
            msgbox.user_error(self, err)
            return
        signals.announce(signals.STUDIOS)

    def _layout(self, *widgets: QWidget) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        for widget in widgets:
            layout.addWidget(widget)


class OverviewTab(_StudioPanel):
    """成员构成 the way unions report it, the description, and the conditions check."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._build_ui()

    def _build_ui(self) -> None:
        heading = QLabel(self.tr("Member make-up"))
        heading.setStyleSheet(HEADING_STYLE)
        self.makeup = QLabel()
        self.makeup.setWordWrap(True)
        self.makeup.setStyleSheet(MAKEUP_STYLE)
        self.makeup.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setStyleSheet("color: #3d4b5c;")
        self.conditions = RecordSection(
            self.tr("Conditions check"), ConditionTableModel(self), (300, 130, 160), stretch=None
        )
        self.verdict = QLabel()
        self.conditions.buttons.addWidget(self.verdict)
        self._layout(heading, self.makeup, self.description, self.conditions)

    def set_detail(self, detail: StudioDetail) -> None:
        self.detail = detail
        self.makeup.setText(sl.makeup_text(detail.makeup))
        self.description.setText(detail.description)
        self.description.setVisible(bool(detail.description))
        report = detail.conditions
        self.conditions.model.set_rules(report.rules)  # type: ignore[attr-defined]
        self.conditions.set_rows(report.checks)
        missing = sum(not c.met for c in report.checks)
        if missing:
            self.verdict.setText(self.tr("{count} not met").format(count=missing))
        else:
            self.verdict.setText(self.tr("All conditions met"))
        self.verdict.setStyleSheet(BAD if missing else GOOD)


class MembersTab(_StudioPanel):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._build_ui()

    def _build_ui(self) -> None:
        widths = (90, 70, 220, 110, 110, 100)
        self.section = RecordSection(self.tr("Members"), MemberTableModel(self), widths)
        shown = self._editable
        self.add_button = self.section.add_button(self.tr("Add member…"), self.add, shown=shown)
        self.section.add_button(self.tr("Left…"), self.leave, needs_row=True, shown=shown)
        self.section.add_button(self.tr("Remove"), self.remove, needs_row=True, shown=shown)
        self._layout(self.section)

    def set_detail(self, detail: StudioDetail) -> None:
        self.detail = detail
        self.section.set_rows(detail.members)

    def add(self) -> None:
        studios, registry = self._services.studios, self._services.registry
        self._open(MemberDialog(studios, registry, studio_id=self._studio_id(), parent=self))

    def leave(self) -> None:
        member = self.section.selected()
        if member is None or member.left_on is not None:
            return
        text = self.tr("{name} leaves the studio; the membership stays in its history.")
        dialog = DateDialog(
            self.tr("Member left"), text.format(name=member.name), self.tr("Left on"), parent=self
        )
        studios = self._services.studios
        dialog.date_given.connect(
            lambda day: self._write("", "", lambda: studios.end_membership(member.id, day))
        )
        self._open(dialog)

    def remove(self) -> None:
        member = self.section.selected()
        if member is None:
            return
        question = self.tr("Remove {name}, entered by mistake? (A member who left: “Left…”)")
        studios = self._services.studios
        self._write(
            self.tr("Remove"),
            question.format(name=member.name),
            lambda: studios.remove_member(member.id),
        )


class InnovationsTab(_StudioPanel):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._build_ui()

    def _build_ui(self) -> None:
        widths = (220, 50, 110, 70, 210, 110, 150)
        self.section = RecordSection(
            self.tr("Innovation results"), StudioInnovationTableModel(self), widths
        )
        shown = self._editable
        self.add_button = self.section.add_button(self.tr("Add result…"), self.add, shown=shown)
        self.section.add_button(self.tr("Edit…"), self.edit, needs_row=True, shown=shown)
        self.section.add_button(self.tr("Delete"), self.delete, needs_row=True, shown=shown)
        if shown:
            self.section.on_activated(lambda _row: self.edit())
        self._layout(self.section)

    def set_detail(self, detail: StudioDetail) -> None:
        self.detail = detail
        self.section.set_rows(detail.innovations)

    def _dialog(self, innovation: object = None) -> InnovationDialog:
        assert self.detail is not None
        members = tuple(PersonRef(m.person_id, m.name) for m in self.detail.members if m.current)
        return InnovationDialog(
            self._services.studios,
            self._services.registry,
            studio_id=self._studio_id(),
            members=members,
            innovation=innovation,  # type: ignore[arg-type]
            parent=self,
        )

    def add(self) -> None:
        self._open(self._dialog())

    def edit(self) -> None:
        row = self.section.selected()
        if row is not None:
            self._open(self._dialog(row))

    def delete(self) -> None:
        row = self.section.selected()
        if row is None:
            return
        studios = self._services.studios
        question = self.tr("Delete the result “{title}”?").format(title=row.title)
        self._write(self.tr("Delete"), question, lambda: studios.delete_innovation(row.id))


class TrainingsTab(_StudioPanel):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._build_ui()

    def _build_ui(self) -> None:
        self.section = RecordSection(
            self.tr("Trainings"), TrainingTableModel(self), (110, 420), stretch=None
        )
        shown = self._editable
        self.add_button = self.section.add_button(self.tr("Add training…"), self.add, shown=shown)
        self.section.add_button(self.tr("Delete"), self.delete, needs_row=True, shown=shown)
        self._layout(self.section)

    def set_detail(self, detail: StudioDetail) -> None:
        self.detail = detail
        self.section.set_rows(detail.trainings)

    def add(self) -> None:
        studios = self._services.studios
        self._open(TrainingDialog(studios, studio_id=self._studio_id(), parent=self))

    def delete(self) -> None:
        row = self.section.selected()
        if row is None:
            return
        studios = self._services.studios
        question = self.tr("Delete the training “{title}”?").format(title=row.title)
        self._write(self.tr("Delete"), question, lambda: studios.delete_training(row.id))


class TalentsTab(_StudioPanel):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._build_ui()

    def _build_ui(self) -> None:
        self.section = RecordSection(
            self.tr("Talents trained"), TalentTableModel(self), (120, 70, 160), stretch=None
        )
        shown = self._editable
        self.add_button = self.section.add_button(self.tr("Add talent…"), self.add, shown=shown)
        self.section.add_button(self.tr("Delete"), self.delete, needs_row=True, shown=shown)
        self._layout(self.section)

    def set_detail(self, detail: StudioDetail) -> None:
        self.detail = detail
        self.section.set_rows(detail.talents)

    def add(self) -> None:
        studios, registry = self._services.studios, self._services.registry
        self._open(TalentDialog(studios, registry, studio_id=self._studio_id(), parent=self))

    def delete(self) -> None:
        row = self.section.selected()
        if row is None:
            return
        studios = self._services.studios
        question = self.tr("Delete {name} ({year}) from the talents trained?").format(
            name=row.name, year=row.year
        )
        self._write(self.tr("Delete"), question, lambda: studios.delete_talent(row.id))
