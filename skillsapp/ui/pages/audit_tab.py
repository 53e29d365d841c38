"""The audit log (admins): filters and a table of what changed, old → new."""

from __future__ import annotations

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from skillsapp.app import Services
from skillsapp.services.audit import AuditFilter
from skillsapp.ui import labels
from skillsapp.ui.models.audit_table_model import AuditTableModel
from skillsapp.ui.models.list_model import SORT_ROLE
from skillsapp.ui.widgets.refresh import RefreshOnChange

COLUMN_WIDTHS = (150, 100, 80, 90, 60, 80)


def _date_edit(checkbox: QCheckBox) -> QDateEdit:
    edit = QDateEdit(QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setEnabled(False)
    checkbox.toggled.connect(edit.setEnabled)
    return edit


class AuditTab(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._build_ui()
        self._connect_signals()
        # Every change writes an audit entry; load the (long) log only when it is shown.
        RefreshOnChange(self, self.refresh, initially=True)

    def _build_ui(self) -> None:
        self.actor = QLineEdit()
        self.actor.setPlaceholderText(self.tr("User"))
        self.entity = QComboBox()
        self.action = QComboBox()
        self.action.addItem(self.tr("All actions"), "")
        for key in labels.ACTION_NAMES:
            self.action.addItem(labels.action(key), key)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Text in the values"))
        self.since_on = QCheckBox(self.tr("From"))
        self.since = _date_edit(self.since_on)
        self.until_on = QCheckBox(self.tr("To"))
        self.until = _date_edit(self.until_on)
        self.apply_button = QPushButton(self.tr("Search"))
        filters = QHBoxLayout()
        for widget in (self.actor, self.entity, self.action, self.text, self.since_on,
                       self.since, self.until_on, self.until, self.apply_button):  # fmt: skip
            filters.addWidget(widget)
        self.model = AuditTableModel(self)
        self.table = self._make_table()
        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    def _make_table(self) -> QTableView:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(SORT_ROLE)
        table = QTableView()
        table.setModel(proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        for column, width in enumerate(COLUMN_WIDTHS):
            table.setColumnWidth(column, width)
        table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        return table

    def _connect_signals(self) -> None:
        self.apply_button.clicked.connect(self.refresh)
        for line in (self.actor, self.text):
            line.returnPressed.connect(self.refresh)
        for combo in (self.entity, self.action):
            combo.activated.connect(self.refresh)

    def audit_filter(self) -> AuditFilter:
        return AuditFilter(
            actor=self.actor.text().strip(),
            entity=self.entity.currentData() or "",
            action=self.action.currentData() or "",
            text=self.text.text().strip(),
            since=self.since.date().toPython() if self.since_on.isChecked() else None,
            until=self.until.date().toPython() if self.until_on.isChecked() else None,
        )

    def refresh(self) -> None:
        self._reload_entities()
        rows = self._services.audit.entries(self.audit_filter())
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("{count} entries").format(count=len(rows)))

    def _reload_entities(self) -> None:
        current = self.entity.currentData()
        self.entity.clear()
        self.entity.addItem(self.tr("All records"), "")
        for name in self._services.audit.entities():
            self.entity.addItem(labels.entity(name), name)
        self.entity.setCurrentIndex(max(self.entity.findData(current), 0))
