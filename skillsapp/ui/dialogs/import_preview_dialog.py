"""What an import would do: counts, new units and every problem, before writing anything."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from skillsapp.ui.models.list_model import SORT_ROLE
from skillsapp.ui.models.problem_table_model import ProblemTableModel


class ImportPreviewDialog(QDialog):
    """Emits `import_requested` when the user chooses to import the valid rows."""

    import_requested = Signal()

    def __init__(
        self,
        preview: Any,
        *,
        file_name: str,
        notes: Sequence[str] = (),
        field_label: Callable[[str], str] | None = None,
        parent: QWidget | None = None,
    ):
        """`preview`: an import preview (total_rows, valid, problems, bad_rows, and
        new_units if it makes units); `notes` are extra lines under the summary;
        `field_label` names the fields in the problem list."""
        super().__init__(parent)
        self.preview = preview
        self._notes = tuple(notes)
        self._field_label = field_label
        self.setWindowTitle(self.tr("Import preview — {file}").format(file=file_name))
        self.resize(820, 560)
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        preview = self.preview
        self.summary = QLabel(
            self.tr("{rows} rows read: {valid} valid, {bad} with problems.").format(
                rows=preview.total_rows, valid=len(preview.valid), bad=len(preview.bad_rows)
            )
        )
        self.summary.setStyleSheet("font-size: 12pt; font-weight: 600;")
        new_units = getattr(preview, "new_units", ())
        self.new_units = QLabel(
            self.tr("New units to be created: {names}").format(names="、".join(new_units))
        )
        self.new_units.setWordWrap(True)
        self.new_units.setVisible(bool(new_units))
        self.notes = QLabel("\n".join(self._notes))
        self.notes.setWordWrap(True)
        self.notes.setVisible(bool(self._notes))
        self.model = ProblemTableModel(self, field_label=self._field_label)
        self.model.set_rows(preview.problems)
        self.table = self._problem_table()
        self.no_problems = QLabel(self.tr("No problems found."))
        self.no_problems.setVisible(not preview.problems)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("Import valid rows ({count})").format(count=len(preview.valid)),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.import_button.setEnabled(bool(preview.valid))
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.new_units, self.notes, self.table, self.no_problems,
                       self.buttons):  # fmt: skip
            layout.addWidget(widget)

    def _problem_table(self) -> QTableView:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(SORT_ROLE)
        table = QTableView()
        table.setModel(proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        for column, width in enumerate((60, 110, 200)):
            table.setColumnWidth(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        table.setVisible(bool(self.preview.problems))
        return table

    def _connect_signals(self) -> None:
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.buttons.rejected.connect(self.reject)

    def _on_import_button_clicked(self) -> None:
        self.accept()
        self.import_requested.emit()
