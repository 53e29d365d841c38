"""The registry's persons: search, filters, the table, add/edit/delete, import, export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from skillsapp import settings
from skillsapp.app import Services
from skillsapp.domain.enums import Gender
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.roles import Permission
from skillsapp.errors import UserError
from skillsapp.services.registry.registry import PersonQuery, PersonRow
from skillsapp.ui import labels, msgbox, prefs, signals
from skillsapp.ui.dialogs.person_dialog import PersonDialog
from skillsapp.ui.models.person_table_model import COLUMN_KEYS, COLUMNS, PersonTableModel
from skillsapp.ui.pages.file_flow import FileFlow, ask_save_path
from skillsapp.ui.pages.person_io import IMPORT_FILTER, PersonExportFlow, PersonImportFlow
from skillsapp.ui.widgets.dialogs import open_dialog
from skillsapp.ui.widgets.fields import select_data
from skillsapp.ui.widgets.person_filter_bar import PersonFilterBar
from skillsapp.ui.widgets.refresh import RefreshOnChange
from skillsapp.ui.widgets.saved_searches import SavedSearchBar
from skillsapp.ui.widgets.talent_filter_bar import TalentFilterBar

COLUMN_WIDTHS = {
    "name": 110,
    "id_number": 170,
    "birth_date": 100,
    "mobile": 120,
    "unit": 210,
    "trade": 110,
}


class PersonsTab(QWidget):
    """Everything about persons; writes go through dialogs and background flows.
    Emits `profile_requested(person_id)` to open a person's profile, and
    `certificates_requested(PersonQuery, description)` to certify the filtered persons."""

    profile_requested = Signal(int)
    certificates_requested = Signal(object, str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._editable = services.actor.can(Permission.EDIT_REGISTRY)
        self.import_flow = PersonImportFlow(services, self)
        self.export_flow = PersonExportFlow(services, self)
        self.roster_flow = FileFlow(self, self.tr("Roster"))
        self._build_ui()
        self._connect_signals()
        self._restore_columns()
        self._reload_filters()
        kinds = {signals.PERSONS, signals.UNITS, signals.TALENT, signals.STUDIOS}
        RefreshOnChange(self, self.refresh, kinds)

    def _build_ui(self) -> None:
        self.filters = PersonFilterBar()
        self.talent_filters = TalentFilterBar(
            self._services.registry, studios=self._services.actor.can(Permission.VIEW_STUDIOS)
        )
        self.model = PersonTableModel(self._services.registry.search, self)
        self.saved_searches = SavedSearchBar(self._services.profile, self.model.query)
        self.profile_button = QPushButton(self.tr("Profile…"))
        self.roster_button = QPushButton(self.tr("Roster PDF…"))
        self.certificates_button = QPushButton(self.tr("Issue certificates…"))
        self.certificates_button.setToolTip(
            self.tr("Certificates for everyone the filters find, on the certificates page")
        )
        self.certificates_button.setVisible(self._services.actor.can(Permission.ISSUE_CERTIFICATES))
        self.table = self._make_table()
        self.count_label = QLabel()
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.export_button = QPushButton(self.tr("Export…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.profile_button)
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setVisible(self._editable)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.import_button.setVisible(self._editable)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.roster_button)
        buttons.addWidget(self.certificates_button)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label)
        footer.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addLayout(self._talent_row())
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)
        self._on_selection_changed()

    def _talent_row(self) -> QHBoxLayout:
        """Honour, studio and master filters, then the saved searches."""
        row = QHBoxLayout()
        row.addWidget(self.talent_filters, 3)
        row.addSpacing(16)
        row.addWidget(self.saved_searches, 2)
        return row

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(28)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        for column in range(len(COLUMN_KEYS)):
            table.setColumnWidth(column, self._default_width(table, column))
        return table

    def _default_width(self, table: QTableView, column: int) -> int:
        """Room for the longest label of a labelled column (the language decides)."""
        key = COLUMN_KEYS[column]
        texts = {
            "gender": [labels.gender(g) for g in Gender],
            "skill_level": [labels.skill_level(level) for level in SkillLevel],
        }.get(key)
        if texts is None:
            return COLUMN_WIDTHS.get(key, 120)
        return max(table.fontMetrics().horizontalAdvance(t) for t in texts) + 24

    def _connect_signals(self) -> None:
        self.filters.filter_changed.connect(self._on_filters_filter_changed)
        self.talent_filters.filter_changed.connect(self._on_filters_filter_changed)
        self.saved_searches.search_chosen.connect(self.apply_query)
        self.profile_button.clicked.connect(self._on_table_double_clicked)
        self.roster_button.clicked.connect(self._on_roster_button_clicked)
        self.certificates_button.clicked.connect(self._on_certificates_button_clicked)
        self.model.total_changed.connect(self._on_model_total_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        header = self.table.horizontalHeader()
        header.customContextMenuRequested.connect(self._on_header_context_menu_requested)
        header.sortIndicatorChanged.connect(self._on_header_sort_indicator_changed)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)

    # -- columns and sorting, remembered in QSettings

    def _restore_columns(self) -> None:
        hidden = set(prefs.get_str(settings.REGISTRY_HIDDEN_COLUMNS).split(","))
        for column, key in enumerate(COLUMN_KEYS):
            self.table.setColumnHidden(column, key in hidden and key != "name")
        key = prefs.get_str(settings.REGISTRY_SORT)
        column = COLUMN_KEYS.index(key) if key in COLUMN_KEYS else 0
        descending = bool(prefs.get(settings.REGISTRY_DESCENDING))
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(column, order)
        self.table.setSortingEnabled(True)  # sorts the model, which loads the first page

    def _on_header_context_menu_requested(self, pos: QPoint) -> None:
        menu = self.column_menu()
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))

    def column_menu(self) -> QMenu:
        """Check boxes for the columns (the name always stays)."""
        menu = QMenu(self)
        menu.setTitle(self.tr("Columns"))
        for column, (key, _title) in enumerate(COLUMNS):
            action = menu.addAction(self.model.headerData(column, Qt.Orientation.Horizontal))
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.setEnabled(key != "name")
            action.toggled.connect(lambda on, c=column: self._set_column_shown(c, on))
        return menu

    def _set_column_shown(self, column: int, shown: bool) -> None:
        self.table.setColumnHidden(column, not shown)
        if shown and self.table.columnWidth(column) == 0:
            self.table.setColumnWidth(column, self._default_width(self.table, column))
        hidden = [k for c, k in enumerate(COLUMN_KEYS) if self.table.isColumnHidden(c)]
        prefs.put(settings.REGISTRY_HIDDEN_COLUMNS, ",".join(hidden))

    def _on_header_sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        if 0 <= column < len(COLUMN_KEYS):
            prefs.put(settings.REGISTRY_SORT, COLUMN_KEYS[column])
            prefs.put(settings.REGISTRY_DESCENDING, order == Qt.SortOrder.DescendingOrder)

    # -- data

    def refresh(self) -> None:
        self._reload_filters()  # a chosen unit that is gone falls back to "all units"
        self._on_filters_filter_changed()

    def _reload_filters(self) -> None:
        self.filters.set_units(self._services.units.units())
        self.filters.set_trades(self._services.registry.trades())
        self.talent_filters.set_types(self._services.honours.types(for_units=False))
        if self._services.actor.can(Permission.VIEW_STUDIOS):
            self.talent_filters.set_studios(self._services.studios.studios())
        chosen = self.saved_searches.chosen()
        self.saved_searches.reload(chosen.id if chosen else None)

    def show_unit(self, unit_id: int | None) -> None:
        """Filter the table to one unit (from the units tab)."""
        self.filters.select_unit(unit_id)

    def _on_filters_filter_changed(self) -> None:
        self.model.set_filter(**self.filters.values(), **self.talent_filters.values())

    def apply_query(self, query: PersonQuery) -> None:
        """Show a saved search: its filters, then its sort."""
        bar = self.filters
        bar.search.blockSignals(True)
        bar.search.setText(query.text)
        bar.search.blockSignals(False)
        for combo, data in (
            (bar.unit, query.unit_id),
            (bar.trade, query.trade),
            (bar.skill_level, query.skill_level),
        ):
            combo.blockSignals(True)
            select_data(combo, data)
            combo.blockSignals(False)
        self.talent_filters.set_query(query, self._person_name(query.mentor_id))
        self._on_filters_filter_changed()
        if query.sort in COLUMN_KEYS:
            order = (
                Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
            )
            self.table.horizontalHeader().setSortIndicator(COLUMN_KEYS.index(query.sort), order)

    def _person_name(self, person_id: int | None) -> str:
        if person_id is None:
            return ""
        try:
            return self._services.registry.person_for_edit(person_id)[0].name
        except UserError:  # deleted since the search was saved
            return ""

    def _on_model_total_changed(self, total: int) -> None:
        self.count_label.setText(self.tr("{count} persons in total").format(count=total))
        self.certificates_button.setEnabled(total > 0)
        self._on_selection_changed()

    def selected_person(self) -> PersonRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _on_selection_changed(self) -> None:
        selected = self.selected_person() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)
        self.profile_button.setEnabled(selected)

    # -- actions

    def _on_table_double_clicked(self) -> None:
        person = self.selected_person()
        if person is not None:
            self.profile_requested.emit(person.id)

    def person_dialog(self, person_id: int | None = None) -> PersonDialog:
        """A dialog for a new person or for `person_id`, not yet shown."""
        return PersonDialog(
            self._services.registry,
            units=self._services.units.units(),
            trades=self._services.registry.trades(),
            person_id=person_id,
            parent=self,
        )

    def _on_add_button_clicked(self) -> None:
        open_dialog(self.person_dialog())

    def _on_edit_button_clicked(self) -> None:
        person = self.selected_person()
        if person is None:
            return
        try:
            dialog = self.person_dialog(person.id)
        except UserError as err:
            msgbox.user_error(self, err)
            return
        open_dialog(dialog)

    def _on_delete_button_clicked(self) -> None:
        person = self.selected_person()
        if person is None:
            return
        question = self.tr("Delete {name} ({number}) from the registry?").format(
            name=person.name, number=person.id_number
        )
        if not msgbox.confirm(self, self.tr("Delete person"), question, ok_text=self.tr("Delete")):
            return
        try:
            self._services.registry.delete(person.id)
        except UserError as err:
            msgbox.user_error(self, err)
            return
        signals.announce(signals.PERSONS)

    def _on_import_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import persons"),
            "",
            self.tr("Spreadsheets ({patterns})").format(patterns=IMPORT_FILTER),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        self.import_flow.start(path)

    def _on_export_button_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export persons"), self.tr("persons.xlsx"), "Excel (*.xlsx)"
        )
        if path:
            self.export_file(Path(path if path.endswith(".xlsx") else f"{path}.xlsx"))

    def export_file(self, path: Path) -> None:
        self.export_flow.start(self.model.query(), path)

    def _on_roster_button_clicked(self) -> None:
        path = ask_save_path(self, self.tr("Roster PDF"), self.tr("roster.pdf"), ".pdf")
        if path is not None:
            self.export_roster_pdf(path)

    def export_roster_pdf(self, path: Path) -> None:
        """The persons matching the filters as a PDF list with their honours."""
        profile, query = self._services.profile, self.model.query()
        self.roster_flow.save_bytes(lambda: profile.roster_pdf(query), path)

    def _on_certificates_button_clicked(self) -> None:
        self.certificates_requested.emit(self.model.query(), self.filter_description())

    def filter_description(self) -> str:
        """The filters in words ("焊工 · 技术能手"), for whoever receives the query."""
        combos = (
            self.filters.unit,
            self.filters.trade,
            self.filters.skill_level,
            self.talent_filters.honour_type,
            self.talent_filters.honour_level,
            self.talent_filters.studio,
        )
        parts = [c.currentText() for c in combos if c.currentData() is not None]
        text = self.filters.search.text().strip()
        if text:
            parts.insert(0, self.tr("“{text}”").format(text=text))
        mentor = self.talent_filters.mentor
        if mentor.person_id is not None:
            parts.append(self.tr("apprentices of {name}").format(name=mentor.name.text()))
        return " · ".join(parts) or self.tr("everyone in the registry")
