"""The editable parts of a person's profile: honours, certificates and titles, mentorship."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from skillsapp.app import Services
from skillsapp.domain.roles import Permission
from skillsapp.domain.talent import MentorshipStatus
from skillsapp.errors import UserError
from skillsapp.services.talent.honours import HonourRow
from skillsapp.services.talent.mentorship import MentorshipRow
from skillsapp.services.talent.profile import PersonProfile
from skillsapp.ui import msgbox, signals
from skillsapp.ui.dialogs.honour_dialog import HonourDialog
from skillsapp.ui.dialogs.mentorship_dialog import (
    GraduationDialog,
    MentorshipDialog,
    RenewalDialog,
)
from skillsapp.ui.dialogs.reason_dialog import ReasonDialog
from skillsapp.ui.dialogs.talent_dialogs import CertificateDialog, TitleDialog
from skillsapp.ui.models.profile_models import (
    ApprenticeTableModel,
    CertificateTableModel,
    HonourTableModel,
    MasterTableModel,
    TitleTableModel,
)
from skillsapp.ui.widgets.dialogs import open_dialog
from skillsapp.ui.widgets.record_section import RecordSection


def _splitter(*sections: QWidget) -> QSplitter:
    splitter = QSplitter(Qt.Orientation.Vertical)
    for section in sections:
        splitter.addWidget(section)
    splitter.setChildrenCollapsible(False)
    return splitter


class _Panel(QWidget):
    """Holds the profile shown; `dialog` is the last dialog opened (for tests)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._editable = services.actor.can(Permission.EDIT_REGISTRY)
        self.profile: PersonProfile | None = None
        self.dialog: QWidget | None = None

    def _open(self, dialog: QWidget) -> None:
        self.dialog = open_dialog(dialog)  # type: ignore[arg-type]

    def _confirmed(self, title: str, question: str, action: Callable[[], object]) -> None:
        if not msgbox.confirm(self, title, question, ok_text=title):
            return
        try:
            action()
        except UserError as err:
            msgbox.user_error(self, err)
            return
        signals.announce(signals.TALENT, signals.PERSONS)


class HonoursPanel(_Panel):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._build_ui()

    def _build_ui(self) -> None:
        self.section = RecordSection(
            self.tr("Honours"), HonourTableModel(self), (200, 110, 70, 90, 170, 140), stretch=0
        )
        shown = self._editable
        self.add_button = self.section.add_button(self.tr("Add…"), self.add_honour, shown=shown)
        self.edit_button = self.section.add_button(
            self.tr("Edit…"), self.edit_honour, needs_row=True, shown=shown
        )
        self.delete_button = self.section.add_button(
            self.tr("Delete"), self.delete_honour, needs_row=True, shown=shown
        )
        if shown:
            self.section.on_activated(lambda _row: self.edit_honour())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.section)

    def set_profile(self, profile: PersonProfile) -> None:
        self.profile = profile
        self.section.set_rows(profile.honours)

    def _dialog(self, honour: HonourRow | None = None) -> HonourDialog:
        assert self.profile is not None
        honours = self._services.honours
        types = honours.types(for_units=False)
        return HonourDialog(
            honours, person_id=self.profile.id, types=types, honour=honour, parent=self
        )

    def add_honour(self) -> None:
        self._open(self._dialog())

    def edit_honour(self) -> None:
        honour = self.section.selected()
        if honour is not None:
            self._open(self._dialog(honour))

    def delete_honour(self) -> None:
        honour = self.section.selected()
        if honour is None:
            return
        question = self.tr("Delete the honour “{title}” ({year})?").format(
            title=honour.title, year=honour.year or ""
        )
        honours = self._services.honours
        self._confirmed(
            self.tr("Delete"),
            question,
            lambda: honours.delete(honour.id, expected_version=honour.version),
        )


class SkillsPanel(_Panel):
    """Certificates above, professional titles below."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._build_ui()

    def _build_ui(self) -> None:
        widths = (110, 90, 140, 190, 100, 170)
        self.certificates = RecordSection(
            self.tr("Skill certificates"), CertificateTableModel(self), widths
        )
        self.titles = RecordSection(
            self.tr("Professional titles"), TitleTableModel(self), (160, 110, 220)
        )
        shown = self._editable
        self.add_certificate_button = self.certificates.add_button(
            self.tr("Add certificate…"), self.add_certificate, shown=shown
        )
        self.certificates.add_button(
            self.tr("Delete"), self.delete_certificate, needs_row=True, shown=shown
        )
        self.add_title_button = self.titles.add_button(
            self.tr("Add title…"), self.add_title, shown=shown
        )
        self.titles.add_button(self.tr("Delete"), self.delete_title, needs_row=True, shown=shown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(_splitter(self.certificates, self.titles))

    def set_profile(self, profile: PersonProfile) -> None:
        self.profile = profile
        self.certificates.set_rows(profile.certificates)
        self.titles.set_rows(profile.titles)

    def add_certificate(self) -> None:
        assert self.profile is not None
        talent = self._services.talent
        self._open(CertificateDialog(talent, person_id=self.profile.id, parent=self))

    def add_title(self) -> None:
        assert self.profile is not None
        self._open(TitleDialog(self._services.talent, person_id=self.profile.id, parent=self))

    def delete_certificate(self) -> None:
        row = self.certificates.selected()
        if row is None:
            return
        question = self.tr("Delete the certificate {number} ({occupation})?").format(
            number=row.number or "—", occupation=row.occupation
        )
        talent = self._services.talent
        self._confirmed(
            self.tr("Delete"),
            question,
            lambda: talent.delete_certificate(row.id, expected_version=row.version),
        )

    def delete_title(self) -> None:
        row = self.titles.selected()
        if row is None:
            return
        question = self.tr("Delete the title {title}?").format(title=row.title)
        talent = self._services.talent
        self._confirmed(
            self.tr("Delete"),
            question,
            lambda: talent.delete_title(row.id, expected_version=row.version),
        )


class MentorshipPanel(_Panel):
    """As a master: the apprentices; as an apprentice: the masters."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._build_ui()

    def _build_ui(self) -> None:
        widths = (90, 180, 110, 70, 70, 200)
        self.apprentices = RecordSection(
            self.tr("As master: apprentices"), ApprenticeTableModel(self), widths
        )
        self.masters = RecordSection(
            self.tr("As apprentice: masters"), MasterTableModel(self), widths
        )
        shown = self._editable
        self.add_button = self.apprentices.add_button(
            self.tr("New mentorship…"), self.add_mentorship, shown=shown
        )
        for section in (self.apprentices, self.masters):
            for text, slot in (
                (self.tr("Graduate…"), self.graduate),
                (self.tr("Renew…"), self.renew),
                (self.tr("End early…"), self.end_early),
                (self.tr("Delete"), self.delete_mentorship),
            ):
                section.add_button(
                    text, lambda s=section, f=slot: f(s), needs_row=True, shown=shown
                )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(_splitter(self.apprentices, self.masters))

    def set_profile(self, profile: PersonProfile) -> None:
        self.profile = profile
        self.apprentices.set_rows(profile.as_mentor)
        self.masters.set_rows(profile.as_apprentice)

    def add_mentorship(self) -> None:
        assert self.profile is not None
        self._open(
            MentorshipDialog(
                self._services.mentorship,
                self._services.registry,
                person_id=self.profile.id,
                person_name=self.profile.name,
                parent=self,
            )
        )

    def _active(self, section: RecordSection) -> MentorshipRow | None:
        row = section.selected()
        if row is not None and row.status is not MentorshipStatus.ACTIVE:
            msgbox.info(self, self.tr("Mentorship"), self.tr("This agreement has ended already."))
            return None
        return row

    def graduate(self, section: RecordSection) -> None:
        row = self._active(section)
        if row is not None:
            self._open(GraduationDialog(self._services.mentorship, row, parent=self))

    def renew(self, section: RecordSection) -> None:
        row = self._active(section)
        if row is not None:
            self._open(RenewalDialog(self._services.mentorship, row, parent=self))

    def end_early(self, section: RecordSection) -> None:
        row = self._active(section)
        if row is None:
            return
        text = self.tr("End the agreement of {master} and {apprentice} today. Why?").format(
            master=row.mentor_name, apprentice=row.apprentice_name
        )
        dialog = ReasonDialog(self.tr("End early"), text, ok_text=self.tr("End"), parent=self)
        dialog.reason_given.connect(lambda reason: self._end(row, reason))
        self._open(dialog)

    def _end(self, row: MentorshipRow, reason: str) -> None:
        try:
            self._services.mentorship.end_early(row.id, reason=reason, expected_version=row.version)
        except UserError as err:
            msgbox.user_error(self, err)
            return
        signals.announce(signals.TALENT)

    def delete_mentorship(self, section: RecordSection) -> None:
        row = section.selected()
        if row is None:
            return
        question = self.tr("Delete the agreement of {master} and {apprentice}?").format(
            master=row.mentor_name, apprentice=row.apprentice_name
        )
        mentorship = self._services.mentorship
        self._confirmed(
            self.tr("Delete"),
            question,
            lambda: mentorship.delete(row.id, expected_version=row.version),
        )
