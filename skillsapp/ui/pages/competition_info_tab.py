"""基本信息: the competition's fields, editable until the results are final."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from skillsapp import messages
from skillsapp.app import Services
from skillsapp.domain.roles import Permission
from skillsapp.errors import Conflict, UserError, ValidationError
from skillsapp.services.competitions.competitions import LOCKED
from skillsapp.ui import signals
from skillsapp.ui.pages.competition_tab import CompetitionTab
from skillsapp.ui.widgets.competition_form import (
    CompetitionBasicsForm,
    CompetitionRulesForm,
    competition_input,
)
from skillsapp.ui.widgets.form import banner


class CompetitionInfoTab(CompetitionTab):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._shown_version: tuple[int, int] | None = None
        self._build_ui()
        self._connect_signals()
        self._watch()

    def _build_ui(self) -> None:
        self.basics = CompetitionBasicsForm(self._services.units.units())
        self.rules = CompetitionRulesForm()
        self.banner = banner()
        self.locked_label = QLabel()
        self.locked_label.setStyleSheet("color: #5f6b7a;")
        self.save_button = QPushButton(self.tr("Save"))
        self.revert_button = QPushButton(self.tr("Reload"))
        basics_box, rules_box = QGroupBox(self.tr("Basics")), QGroupBox(self.tr("Rules"))
        QVBoxLayout(basics_box).addWidget(self.basics)
        rules_layout = QVBoxLayout(rules_box)
        rules_layout.addWidget(self.rules)
        rules_layout.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(basics_box, 3)
        columns.addWidget(rules_box, 2)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(self.banner)
        content_layout.addLayout(columns)
        content_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        buttons = QHBoxLayout()
        buttons.addWidget(self.locked_label)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.revert_button.clicked.connect(self._on_revert_button_clicked)

    def editable(self) -> bool:
        can = self._services.actor.can(Permission.MANAGE_COMPETITIONS)
        return can and self.status not in LOCKED

    def apply_status(self) -> None:
        editable = self.editable()
        self.basics.set_editable(editable)
        self.rules.set_editable(editable)
        self.save_button.setEnabled(editable)
        self.revert_button.setEnabled(editable)
        locked = self.status in LOCKED
        self.locked_label.setText(
            self.tr("The results are final: these fields can no longer change.") if locked else ""
        )

    def refresh(self) -> None:
        """Fill the form again only when another competition or version is shown."""
        assert self.detail is not None
        shown = (self.detail.row.id, self.detail.row.version)
        if shown != self._shown_version:
            self._fill()

    def _fill(self) -> None:
        assert self.detail is not None
        self.basics.fill(self.detail.data)
        self.rules.fill(self.detail.data)
        self._show_errors({})
        self.banner.show_message("")
        self._shown_version = (self.detail.row.id, self.detail.row.version)

    def _show_errors(self, field_errors: dict[str, str]) -> None:
        self.basics.show_errors(field_errors, messages.text)
        self.rules.show_errors(field_errors, messages.text)

    def _on_revert_button_clicked(self) -> None:
        self.detail = self._services.competitions.competition(self.competition_id)
        self._fill()
        self.apply_status()

    def save(self) -> bool:
        self.banner.show_message("")
        self._show_errors({})
        assert self.detail is not None
        data = competition_input(self.basics, self.rules)
        try:
            self._services.competitions.update(
                self.competition_id, data, expected_version=self.detail.row.version
            )
        except ValidationError as err:
            self._show_errors(err.field_errors)
            return False
        except Conflict as err:
            self.banner.show_message(
                messages.describe(err) + self.tr(" (use Reload to see the current values)")
            )
            return False
        except UserError as err:
            self.banner.show_message(messages.describe(err))
            return False
        self._shown_version = None  # the view hands the new version over: fill from it
        signals.announce(signals.COMPETITIONS)
        return True

    def _on_save_button_clicked(self) -> None:
        self.save()
