"""Choosing an event of any competition whose scoring scheme to copy."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from skillsapp.app import Services
from skillsapp.ui import competition_labels as cl

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # competition id on top-level items, event id below
LOADED_ROLE = Qt.ItemDataRole.UserRole + 2


class SchemeSourceDialog(QDialog):
    """Competitions, each opening onto its events; emits `chosen(event_id)` on OK."""

    chosen = Signal(int)

    def __init__(
        self, services: Services, *, exclude: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._exclude = exclude
        self.setWindowTitle(self.tr("Copy a scoring scheme"))
        self.resize(520, 460)
        self._build_ui()
        self._connect_signals()
        self._fill()

    def _build_ui(self) -> None:
        hint = QLabel(self.tr("Choose the event whose scheme replaces this event's scheme."))
        hint.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Competition / event"), self.tr("Status")])
        self.tree.setColumnWidth(0, 340)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        self._on_tree_current_item_changed()

    def _connect_signals(self) -> None:
        self.tree.itemExpanded.connect(self._on_tree_item_expanded)
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)
        self.tree.itemDoubleClicked.connect(self._on_tree_item_double_clicked)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _fill(self) -> None:
        for row in self._services.competitions.competitions():
            item = QTreeWidgetItem([row.name, cl.status(row.status)])
            item.setData(0, ID_ROLE, row.id)
            indicator = QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator
            item.setChildIndicatorPolicy(indicator)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.tree.addTopLevelItem(item)

    def _on_tree_item_expanded(self, item: QTreeWidgetItem) -> None:
        if item.parent() is not None or item.data(0, LOADED_ROLE):
            return
        item.setData(0, LOADED_ROLE, True)
        events = self._services.events.events(item.data(0, ID_ROLE))
        for event in events:
            if event.id == self._exclude:
                continue
            child = QTreeWidgetItem([event.name, ""])
            child.setData(0, ID_ROLE, event.id)
            item.addChild(child)
        if item.childCount() == 0:
            policy = QTreeWidgetItem.ChildIndicatorPolicy.DontShowIndicator
            item.setChildIndicatorPolicy(policy)

    def expand_competition(self, competition_id: int) -> None:
        """Open a competition's events (as a click on its arrow does)."""
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, ID_ROLE) == competition_id:
                item.setExpanded(True)

    def select_event(self, event_id: int) -> None:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                if top.child(j).data(0, ID_ROLE) == event_id:
                    self.tree.setCurrentItem(top.child(j))

    def selected_event(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item is not None and item.parent() else None

    def _on_tree_current_item_changed(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.selected_event() is not None)

    def _on_tree_item_double_clicked(self, item: QTreeWidgetItem) -> None:
        if item.parent() is not None:
            self._on_buttons_accepted()

    def _on_buttons_accepted(self) -> None:
        event_id = self.selected_event()
        if event_id is not None:
            self.accept()
            self.chosen.emit(event_id)
