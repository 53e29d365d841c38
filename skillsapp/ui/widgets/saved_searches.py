"""Saved registry searches: keep the current filters under a name, pick one, delete one."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from skillsapp.errors import UserError
from skillsapp.services.registry.registry import PersonQuery
from skillsapp.ui import msgbox
from skillsapp.ui.dialogs.small_dialogs import NameDialog
from skillsapp.ui.widgets.dialogs import open_dialog

if TYPE_CHECKING:  # the profile service brings the PDF libraries: not at start-up
    from skillsapp.services.talent.profile import ProfileService, SavedSearchRow


class SavedSearchBar(QWidget):
    """Emits `search_chosen(PersonQuery)` when the user picks a saved search."""

    search_chosen = Signal(object)

    def __init__(
        self,
        service: ProfileService,
        current: Callable[[], PersonQuery],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._current = current
        self.dialog: NameDialog | None = None
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.searches = QComboBox()
        self.searches.setMinimumContentsLength(8)
        self.save_button = QPushButton(self.tr("Save…"))
        self.save_button.setToolTip(self.tr("Keep the current filters under a name"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the saved search chosen"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.searches, 1)
        layout.addWidget(self.save_button)
        layout.addWidget(self.delete_button)

    def _connect_signals(self) -> None:
        self.searches.activated.connect(self._on_searches_activated)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)

    def reload(self, select_id: int | None = None) -> None:
        self.searches.blockSignals(True)
        self.searches.clear()
        self.searches.addItem(self.tr("Saved searches"), None)
        for row in self._service.saved_searches():
            self.searches.addItem(row.name, row)
        found = [
            i for i in range(1, self.searches.count()) if self.searches.itemData(i).id == select_id
        ]
        self.searches.setCurrentIndex(found[0] if found else 0)
        self.searches.blockSignals(False)
        self.delete_button.setEnabled(self.chosen() is not None)

    def chosen(self) -> SavedSearchRow | None:
        """The saved search picked (None while the first item, the title, shows)."""
        return self.searches.currentData()

    def _on_searches_activated(self) -> None:
        row = self.chosen()
        self.delete_button.setEnabled(row is not None)
        if row is not None:
            self.search_chosen.emit(row.query)

    def _on_save_button_clicked(self) -> None:
        current = self.chosen()
        dialog = NameDialog(
            self.tr("Save search"),
            self.tr("Name"),
            text=current.name if current else "",
            parent=self,
        )
        dialog.name_given.connect(self.save)
        self.dialog = open_dialog(dialog)

    def save(self, name: str) -> None:
        """Keep the current filters under `name` (the same name replaces them)."""
        try:
            row = self._service.save_search(name, self._current())
        except UserError as err:
            msgbox.user_error(self, err)
            return
        self.reload(row.id)

    def _on_delete_button_clicked(self) -> None:
        row = self.chosen()
        if row is None:
            return
        question = self.tr("Delete the saved search “{name}”?").format(name=row.name)
        if not msgbox.confirm(self, self.tr("Delete search"), question, ok_text=self.tr("Delete")):
            return
        try:
            self._service.delete_search(row.id)
        except UserError as err:
            msgbox.user_error(self, err)
        self.reload()
