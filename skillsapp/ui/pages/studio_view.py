"""One studio: its header with the basics, a tab per part, the 工作室简况 PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
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
from skillsapp.domain.studios import StudioStatus
from skillsapp.errors import UserError
from skillsapp.services.studios.studios import StudioDetail, StudioRow
from skillsapp.ui import msgbox, signals
from skillsapp.ui import studio_labels as sl
from skillsapp.ui import talent_labels as tl
from skillsapp.ui.dialogs.studio_dialog import StudioDialog
from skillsapp.ui.formatting import date_text
from skillsapp.ui.icons import icon
from skillsapp.ui.pages.file_flow import FileFlow, ask_save_path
from skillsapp.ui.pages.studio_tabs import (
    InnovationsTab,
    MembersTab,
    OverviewTab,
    TalentsTab,
    TrainingsTab,
)
from skillsapp.ui.widgets.dialogs import open_dialog
from skillsapp.ui.widgets.refresh import RefreshOnChange

NAME_STYLE = "font-size: 16pt; font-weight: 600; color: #23344d;"
FACTS_STYLE = "color: #5f6b7a;"
BADGE_COLORS = {
    StudioStatus.ACTIVE: ("#2e7d32", "#e8f5e9"),
    StudioStatus.UNDER_REVIEW: ("#8a5a00", "#fff4d6"),
    StudioStatus.REVOKED: ("#c62828", "#fdecea"),
}


def badge_style(status: StudioStatus) -> str:
    color, background = BADGE_COLORS[status]
    return (
        f"color: {color}; background: {background}; border: 1px solid {color};"
        " border-radius: 10px; padding: 2px 10px; font-weight: 600;"
    )


class StudioView(QWidget):
    """Emits `back_requested`; `open(studio_id)` shows a studio, tabs by name."""

    back_requested = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.detail: StudioDetail | None = None
        self.dialog: StudioDialog | None = None
        self.pdf_flow = FileFlow(self, self.tr("Studio profile"))
        self._build_ui()
        self._connect_signals()
        kinds = {signals.STUDIOS, signals.PERSONS, signals.TALENT, signals.UNITS}
        RefreshOnChange(self, self.reload, kinds)

    def _build_ui(self) -> None:
        services = self._services
        self.tab_widgets: dict[str, QWidget] = {
            "overview": OverviewTab(services),
            "members": MembersTab(services),
            "innovations": InnovationsTab(services),
            "trainings": TrainingsTab(services),
            "talents": TalentsTab(services),
        }
        titles = (
            self.tr("Overview and conditions"),
            self.tr("Members"),
            self.tr("Innovation results"),
            self.tr("Trainings"),
            self.tr("Talents trained"),
        )
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for widget, title in zip(self.tab_widgets.values(), titles, strict=True):
            self.tabs.addTab(widget, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._header())
        layout.addWidget(self.tabs, 1)

    def _header(self) -> QVBoxLayout:
        self.back_button = QPushButton(icon("back"), self.tr("Studios"))
        self.back_button.setFlat(True)
        self.name = QLabel()
        self.name.setStyleSheet(NAME_STYLE)
        self.badge = QLabel()
        self.facts = QLabel()
        self.facts.setStyleSheet(FACTS_STYLE)
        self.facts.setWordWrap(True)
        manager = self._services.actor.can(Permission.MANAGE_STUDIOS)
        self.edit_button = QPushButton(self.tr("Edit basics…"))
        self.delete_button = QPushButton(self.tr("Delete studio"))
        for button in (self.edit_button, self.delete_button):
            button.setVisible(manager)
        self.pdf_button = QPushButton(self.tr("Studio profile PDF…"))
        title = QHBoxLayout()
        title.addWidget(self.name)
        title.addWidget(self.badge)
        title.addStretch(1)
        for button in (self.edit_button, self.delete_button, self.pdf_button):
            title.addWidget(button)
        header = QVBoxLayout()
        header.setSpacing(4)
        header.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        header.addLayout(title)
        header.addWidget(self.facts)
        return header

    def _connect_signals(self) -> None:
        self.back_button.clicked.connect(self.back_requested)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.pdf_button.clicked.connect(self._on_pdf_button_clicked)

    # -- showing

    def open(self, studio_id: int) -> None:
        self.detail = self._services.studios.studio(studio_id)
        self._show()

    def reload(self) -> None:
        if self.detail is None:
            return
        try:
            self.detail = self._services.studios.studio(self.detail.row.id)
        except UserError:  # deleted meanwhile
            self.detail = None
            self.back_requested.emit()
            return
        self._show()

    def _show(self) -> None:
        assert self.detail is not None
        row = self.detail.row
        self.name.setText(row.name)
        self.badge.setText(sl.status(row.status))
        self.badge.setStyleSheet(badge_style(row.status))
        self.facts.setText(self._facts(row))
        for tab in self.tab_widgets.values():
            tab.set_detail(self.detail)  # type: ignore[attr-defined]

    def _facts(self, row: StudioRow) -> str:
        kind = tl.honour_level(row.level) + " · " + sl.kind(row.kind)
        if row.demonstration:
            kind += " · " + self.tr("national demonstration")
        parts = [
            kind,
            self.tr("Host: {unit}").format(unit=row.host_unit_name) if row.host_unit_name else "",
            self.tr("Leader: {name}").format(name=row.leader_name) if row.leader_name else "",
            self.tr("Named {date} {number}")
            .format(date=date_text(row.accredited_on), number=row.accreditation_number)
            .strip()
            if row.accredited_on
            else "",
        ]
        if row.reconfirm_due_on:
            due = self.tr("Re-examination due {date}").format(date=date_text(row.reconfirm_due_on))
            parts.append(f"⚠ {due}" if row.due else due)
        return "    ".join(p for p in parts if p)

    def show_tab(self, name: str) -> None:
        if name in self.tab_widgets:
            self.tabs.setCurrentWidget(self.tab_widgets[name])

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

    # -- actions

    def _on_edit_button_clicked(self) -> None:
        if self.detail is None:
            return
        dialog = StudioDialog(
            self._services.studios,
            self._services.registry,
            units=self._services.units.units(),
            studio=self.detail.row,
            description=self.detail.description,
            parent=self,
        )
        self.dialog = open_dialog(dialog)

    def _on_delete_button_clicked(self) -> None:
        if self.detail is None:
            return
        row = self.detail.row
        question = self.tr("Delete {name} with all its members and records?").format(name=row.name)
        title = self.tr("Delete studio")
        if not msgbox.confirm(self, title, question, ok_text=self.tr("Delete")):
            return
        try:
            self._services.studios.delete_studio(row.id)
        except UserError as err:
            msgbox.user_error(self, err)
            return
        signals.announce(signals.STUDIOS)

    def _on_pdf_button_clicked(self) -> None:
        if self.detail is None:
            return
        suggested = self.tr("{name} profile.pdf").format(name=self.detail.row.name)
        path = ask_save_path(self, self.tr("Save the studio profile"), suggested, ".pdf")
        if path is not None:
            self.export_pdf(path)

    def export_pdf(self, path: Path) -> None:
        """工作室简况 built off the GUI thread and written to `path`."""
        if self.detail is not None:
            studios, studio_id = self._services.studios, self.detail.row.id
            self.pdf_flow.save_bytes(lambda: studios.profile_pdf(studio_id), path)
