"""The scheme editor: one event's SchemeSpec, checked as it is edited, saved through
EventService. The panels edit their parts; this widget owns the spec."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from skillsapp.app import Services
from skillsapp.domain.scheme_doc import SchemeSpec, standard_spec
from skillsapp.errors import UserError
from skillsapp.ui import msgbox, signals
from skillsapp.ui.icons import icon
from skillsapp.ui.widgets.scheme.awards_panel import AwardsPanel
from skillsapp.ui.widgets.scheme.components_panel import ComponentsPanel
from skillsapp.ui.widgets.scheme.problems import problem_texts, reconcile_ties
from skillsapp.ui.widgets.scheme.settings_panel import SettingsPanel
from skillsapp.ui.widgets.scheme.titles_panel import TitlesPanel

SCHEME_FILTER = "JSON (*.json);;Excel (*.xlsx)"
PROBLEM_ROWS = 4  # shown at once; more scroll


class SchemeEditor(QWidget):
    """Load an event with `load()`; `saved` says the stored scheme changed."""

    saved = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._event_id: int | None = None
        self._stored = SchemeSpec()
        self._spec = SchemeSpec()
        self._editable = False
        self._build_ui()
        self._connect_signals()
        self._update_state()

    def _build_ui(self) -> None:
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 12pt; font-weight: 600; color: #23344d;")
        self.components_panel = ComponentsPanel()
        self.settings_panel = SettingsPanel()
        self.awards_panel = AwardsPanel()
        self.titles_panel = TitlesPanel(self.awards_panel.tier_names)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.components_panel, self.tr("Components and criteria"))
        self.tabs.addTab(self.settings_panel, self.tr("Marks and ties"))
        self.tabs.addTab(self._awards_page(), self.tr("Awards and titles"))
        self.problems = QListWidget()
        self.problems.setObjectName("schemeProblems")
        self.problems.setStyleSheet("#schemeProblems { color: #c62828; }")
        self.ok_label = QLabel(self.tr("The scheme is complete."))
        self.ok_label.setStyleSheet("color: #2e7d32;")
        self.save_button = QPushButton(self.tr("Save scheme"))
        self.save_button.setDefault(True)
        self.discard_button = QPushButton(self.tr("Discard changes"))
        self.copy_button = QPushButton(self.tr("Copy from another event…"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.import_button = QPushButton(self.tr("Import…"))
        buttons = QHBoxLayout()
        for button in (self.save_button, self.discard_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.copy_button, self.import_button, self.export_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.ok_label)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)

    def _awards_page(self) -> QWidget:
        awards = QGroupBox(self.tr("Awards"))
        QVBoxLayout(awards).addWidget(self.awards_panel)
        titles = QGroupBox(self.tr("Titles from the results"))
        QVBoxLayout(titles).addWidget(self.titles_panel)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(awards)
        layout.addWidget(titles, 1)
        return page

    def _connect_signals(self) -> None:
        for panel in self._panels():
            panel.edited.connect(self._on_panel_edited)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.discard_button.clicked.connect(self._on_discard_button_clicked)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)

    def _panels(self) -> tuple[ComponentsPanel, SettingsPanel, AwardsPanel, TitlesPanel]:
        return (self.components_panel, self.settings_panel, self.awards_panel, self.titles_panel)

    # -- loading

    @property
    def event_id(self) -> int | None:
        return self._event_id

    def spec(self) -> SchemeSpec:
        return self._spec

    def is_dirty(self) -> bool:
        return self._event_id is not None and self._spec != self._stored

    def load(self, event_id: int | None, name: str = "", *, editable: bool = False) -> None:
        """Show the stored scheme of `event_id` (None: nothing); a scheme with no
        components starts from the usual 理论 30 / 实操 70, not yet saved."""
        self._event_id, self._editable = event_id, editable and event_id is not None
        self._stored = self._services.events.scheme(event_id) if event_id else SchemeSpec()
        start = self._stored
        if event_id is not None and not start.components:
            start = replace(standard_spec(), title_rules=start.title_rules)
        self.heading.setText(self.tr("Scoring scheme: {event}").format(event=name) if name else "")
        self._show(start)

    def set_editable(self, editable: bool) -> None:
        """Whether the user may change the scheme (the status or the rights forbid it)."""
        editable = editable and self._event_id is not None
        if editable != self._editable:
            self._editable = editable
            self._show(self._spec)

    def reload_if_unchanged(self) -> None:
        """Read the stored scheme again unless the user is editing it."""
        if self._event_id is not None and not self.is_dirty():
            self._stored = self._services.events.scheme(self._event_id)
            self._show(self._stored)

    def _show(self, spec: SchemeSpec) -> None:
        self._spec = spec
        self.components_panel.set_components(spec.components)
        self.settings_panel.set_spec(spec)
        self.awards_panel.set_spec(spec)
        self.titles_panel.set_spec(spec)
        for panel in self._panels():
            panel.set_editable(self._editable)
        self._update_state()

    # -- editing

    def _on_panel_edited(self) -> None:
        components = self.components_panel.components()
        ties = self.settings_panel.tie_breaks()
        kept = reconcile_ties(self._spec.components, components, ties)
        self.settings_panel.set_components(components)
        if kept != ties:
            self.settings_panel.set_tie_breaks(kept)
        spec = replace(self._spec, components=components)
        for panel in (self.settings_panel, self.awards_panel, self.titles_panel):
            spec = panel.apply(spec)
        self._spec = spec
        self._update_state()

    def problem_texts(self) -> list[str]:
        return problem_texts(self._spec) if self._event_id is not None else []

    def _update_state(self) -> None:
        texts = self.problem_texts()
        self.problems.clear()
        for text in texts:
            self.problems.addItem(QListWidgetItem(icon("error"), text))
        self.problems.setVisible(bool(texts))
        if texts:
            rows = min(len(texts), PROBLEM_ROWS)
            self.problems.setFixedHeight(rows * self.problems.sizeHintForRow(0) + 6)
        self.ok_label.setVisible(self._event_id is not None and not texts)
        dirty, loaded = self.is_dirty(), self._event_id is not None
        self.save_button.setEnabled(self._editable and dirty and not texts)
        self.discard_button.setEnabled(self._editable and dirty)
        for button in (self.copy_button, self.import_button):
            button.setEnabled(self._editable)
        self.export_button.setEnabled(loaded and not dirty)
        self.tabs.setEnabled(loaded)

    # -- actions

    def save(self) -> bool:
        """Store the edited scheme; a refusal is shown with all its reasons."""
        if self._event_id is None:
            return False
        try:
            self._stored = self._services.events.save_scheme(self._event_id, self._spec)
        except UserError as err:
            msgbox.refused(self, self.tr("The scheme was not saved"), err)
            return False
        self._after_store(self._stored)
        return True

    def _after_store(self, spec: SchemeSpec) -> None:
        self._stored = spec
        self._show(spec)
        signals.announce(signals.EVENTS)
        self.saved.emit()

    def _on_save_button_clicked(self) -> None:
        self.save()

    def _on_discard_button_clicked(self) -> None:
        self._show(self._stored)

    def confirm_discard(self) -> bool:
        """True when there are no unsaved changes or the user lets them go."""
        if not self.is_dirty():
            return True
        return msgbox.confirm(
            self,
            self.tr("Unsaved scheme"),
            self.tr("The scheme has unsaved changes. Discard them?"),
            ok_text=self.tr("Discard"),
        )

    def _on_copy_button_clicked(self) -> None:
        from skillsapp.ui.dialogs.scheme_source_dialog import SchemeSourceDialog
        from skillsapp.ui.widgets.dialogs import open_dialog

        dialog = SchemeSourceDialog(self._services, exclude=self._event_id, parent=self)
        dialog.chosen.connect(self.copy_from)
        open_dialog(dialog)

    def copy_from(self, source_event_id: int) -> None:
        if self._event_id is None or not self.confirm_discard():
            return
        try:
            spec = self._services.events.copy_scheme(source_event_id, self._event_id)
        except UserError as err:
            msgbox.refused(self, self.tr("The scheme was not copied"), err)
            return
        self._after_store(spec)

    def _on_import_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a scoring scheme"), "", SCHEME_FILTER
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        if self._event_id is None or not self.confirm_discard():
            return
        try:
            spec = self._services.events.import_scheme(self._event_id, path)
        except UserError as err:
            msgbox.refused(self, self.tr("The scheme was not imported"), err)
            return
        self._after_store(spec)

    def _on_export_button_clicked(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export the scoring scheme"), self.tr("scheme.xlsx"), SCHEME_FILTER
        )
        if path:
            suffix = ".json" if "json" in chosen.lower() else ".xlsx"
            self.export_file(Path(path if Path(path).suffix else path + suffix))

    def export_file(self, path: Path) -> None:
        if self._event_id is None:
            return
        try:
            self._services.events.export_scheme(self._event_id, path)
        except UserError as err:
            msgbox.user_error(self, err)
            return
        msgbox.info(
            self,
            self.tr("Export the scoring scheme"),
            self.tr("The scheme was written to {path}.").format(path=path),
        )
