"""人才档案: one person's whole record, a tab per part, and the dossier as PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from skillsapp.app import Services
from skillsapp.domain.roles import Permission
from skillsapp.errors import UserError
from skillsapp.services.talent.profile import PersonProfile
from skillsapp.ui import labels, signals
from skillsapp.ui.dialogs.person_dialog import PersonDialog
from skillsapp.ui.formatting import date_text
from skillsapp.ui.icons import icon
from skillsapp.ui.models.list_model import ListTableModel
from skillsapp.ui.models.profile_models import (
    HistoryTableModel,
    MembershipTableModel,
    PersonInnovationTableModel,
)
from skillsapp.ui.pages.file_flow import FileFlow, ask_save_path
from skillsapp.ui.pages.profile_sections import HonoursPanel, MentorshipPanel, SkillsPanel
from skillsapp.ui.widgets.dialogs import open_dialog
from skillsapp.ui.widgets.record_section import RecordSection
from skillsapp.ui.widgets.refresh import RefreshOnChange

NAME_STYLE = "font-size: 16pt; font-weight: 600; color: #23344d;"
FACTS_STYLE = "color: #5f6b7a;"
PHOTO_SIZE = (66, 88)


class ProfileView(QWidget):
    """Emits `back_requested`; `open(person_id)` shows a person, tabs by name."""

    back_requested = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.profile: PersonProfile | None = None
        self.pdf_flow = FileFlow(self, self.tr("Talent dossier"))
        self.dialog: PersonDialog | None = None
        self._build_ui()
        self._connect_signals()
        RefreshOnChange(
            self,
            self.reload,
            {signals.TALENT, signals.PERSONS, signals.UNITS, signals.STUDIOS, signals.RESULTS},
        )

    def _build_ui(self) -> None:
        self.tab_widgets: dict[str, QWidget] = {
            "skills": SkillsPanel(self._services),
            "honours": HonoursPanel(self._services),
            "history": self._read_only(
                self.tr("Competition results"), HistoryTableModel(self), (260, 140, 100, 60, 70)
            ),
            "mentorship": MentorshipPanel(self._services),
            "studios": self._read_only(
                self.tr("Studios"), MembershipTableModel(self), (280, 220, 80, 90)
            ),
            "innovations": self._read_only(
                self.tr("Innovation results"),
                PersonInnovationTableModel(self),
                (280, 60, 220, 200, 70),
            ),
        }
        titles = (
            self.tr("Certificates and titles"),
            self.tr("Honours"),
            self.tr("Competition results"),
            self.tr("Mentorship"),
            self.tr("Studios"),
            self.tr("Innovations"),
        )
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for widget, title in zip(self.tab_widgets.values(), titles, strict=True):
            self.tabs.addTab(widget, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._header())
        layout.addWidget(self.tabs, 1)

    def _read_only(self, heading: str, model: ListTableModel, widths: tuple[int, ...]) -> QWidget:
        return RecordSection(heading, model, widths)

    def _header(self) -> QHBoxLayout:
        self.back_button = QPushButton(icon("back"), self.tr("Registry"))
        self.back_button.setFlat(True)
        self.photo = QLabel()
        self.photo.setFixedSize(*PHOTO_SIZE)
        self.name = QLabel()
        self.name.setStyleSheet(NAME_STYLE)
        self.facts = QLabel()
        self.facts.setStyleSheet(FACTS_STYLE)
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = QPushButton(self.tr("Edit person…"))
        self.edit_button.setVisible(self._services.actor.can(Permission.EDIT_REGISTRY))
        self.pdf_button = QPushButton(self.tr("Dossier PDF…"))
        text = QVBoxLayout()
        text.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        text.addWidget(self.name)
        text.addWidget(self.facts)
        buttons = QVBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.pdf_button)
        header = QHBoxLayout()
        header.addLayout(text, 1)
        header.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignBottom)
        header.addLayout(buttons)
        return header

    def _connect_signals(self) -> None:
        self.back_button.clicked.connect(self.back_requested)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.pdf_button.clicked.connect(self._on_pdf_button_clicked)

    # -- showing

    def open(self, person_id: int) -> None:
        self.profile = self._services.profile.profile(person_id)
        self._show()

    def reload(self) -> None:
        if self.profile is None:
            return
        try:
            self.profile = self._services.profile.profile(self.profile.id)
        except UserError:  # deleted meanwhile
            self.profile = None
            self.back_requested.emit()
            return
        self._show()

    def _show(self) -> None:
        profile = self.profile
        assert profile is not None
        self.name.setText(profile.name)
        self.facts.setText(self._facts(profile))
        self._show_photo(profile)
        for key in ("skills", "honours", "mentorship"):
            self.tab_widgets[key].set_profile(profile)  # type: ignore[attr-defined]
        tables = {
            "history": profile.history,
            "studios": profile.studios,
            "innovations": profile.innovations,
        }
        for key, rows in tables.items():
            self.tab_widgets[key].set_rows(rows)  # type: ignore[attr-defined]

    def _facts(self, p: PersonProfile) -> str:
        born = self.tr("born {date}").format(date=date_text(p.birth_date)) if p.birth_date else ""
        first = [labels.gender(p.gender), born, p.id_number, p.mobile]
        second = [" / ".join(p.unit_path), p.trade, labels.skill_level(p.skill_level), p.title]
        return "\n".join("    ".join(x for x in line if x) for line in (first, second))

    def _show_photo(self, profile: PersonProfile) -> None:
        data = self._services.registry.photo(profile.id) if profile.has_photo else None
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.photo.setPixmap(
                pixmap.scaled(
                    *PHOTO_SIZE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.photo.clear()
        self.photo.setVisible(bool(data))

    def show_tab(self, name: str) -> None:
        if name in self.tab_widgets:
            self.tabs.setCurrentWidget(self.tab_widgets[name])

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

    # -- actions

    def _on_edit_button_clicked(self) -> None:
        if self.profile is None:
            return
        registry = self._services.registry
        self.dialog = open_dialog(
            PersonDialog(
                registry,
                units=self._services.units.units(),
                trades=registry.trades(),
                person_id=self.profile.id,
                parent=self,
            )
        )

    def _on_pdf_button_clicked(self) -> None:
        if self.profile is None:
            return
        suggested = self.tr("{name} talent dossier.pdf").format(name=self.profile.name)
        path = ask_save_path(self, self.tr("Save the talent dossier"), suggested, ".pdf")
        if path is not None:
            self.export_pdf(path)

    def export_pdf(self, path: Path) -> None:
        """Build the 人才档案 off the GUI thread and write it to `path`."""
        if self.profile is None:
            return
        profile_service, person_id = self._services.profile, self.profile.id
        self.pdf_flow.save_bytes(lambda: profile_service.profile_pdf(person_id), path)
