"""A quick list of event names and trades (the wizard's last page)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from skillsapp import messages
from skillsapp.services.competitions.events import MAX_NAME_LENGTH
from skillsapp.ui.widgets.form import FieldError

TRADE_ROLE = Qt.ItemDataRole.UserRole + 1


class EventListEditor(QWidget):
    """Type a name (a trade from the registry is offered), optionally its trade, and Add."""

    def __init__(self, trades: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build_ui(trades)
        self._connect_signals()
        self._update_buttons()

    def _build_ui(self, trades: Sequence[str]) -> None:
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.addItems(["", *trades])
        self.name.lineEdit().setPlaceholderText(self.tr("Event name, e.g. 焊工"))
        self.name.setMinimumWidth(220)
        self.trade = QLineEdit()
        self.trade.setPlaceholderText(self.tr("Trade (if not the name)"))
        self.add_button = QPushButton(self.tr("Add event"))
        self.error = FieldError()
        self.list = QListWidget()
        self.list.setStyleSheet("QListWidget::item { padding: 4px 2px; }")
        self.remove_button = QPushButton(self.tr("Remove"))
        self.count_label = QLabel()
        entry = QHBoxLayout()
        entry.addWidget(self.name, 2)
        entry.addWidget(self.trade, 2)
        entry.addWidget(self.add_button)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label)
        footer.addStretch(1)
        footer.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(entry)
        layout.addWidget(self.error)
        layout.addWidget(self.list, 1)
        layout.addLayout(footer)

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.name.lineEdit().returnPressed.connect(self._on_add_button_clicked)
        self.trade.returnPressed.connect(self._on_add_button_clicked)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)

    def events(self) -> list[tuple[str, str]]:
        """(name, trade) in the order added."""
        return [
            (self.list.item(i).data(Qt.ItemDataRole.UserRole), self.list.item(i).data(TRADE_ROLE))
            for i in range(self.list.count())
        ]

    def add(self, name: str, trade: str = "") -> bool:
        """Add an event; a missing, too long or repeated name is refused with a message."""
        name, trade = " ".join(name.split()), " ".join(trade.split()) or " ".join(name.split())
        code = ""
        if not name:
            code = "name_required"
        elif len(name) > MAX_NAME_LENGTH:
            code = "event_name_too_long"
        elif name in (n for n, _ in self.events()):
            code = "event_name_taken"
        self.error.show_message(messages.text(code) if code else "")
        if code:
            return False
        text = (
            name
            if trade == name
            else self.tr("{name} (trade: {trade})").format(name=name, trade=trade)
        )
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, name)
        item.setData(TRADE_ROLE, trade)
        self.list.addItem(item)
        self._update_buttons()
        return True

    def _on_add_button_clicked(self) -> None:
        if self.add(self.name.currentText(), self.trade.text()):
            self.name.setCurrentText("")
            self.trade.clear()
            self.name.setFocus()

    def _on_remove_button_clicked(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.list.currentRow() >= 0)
        self.count_label.setText(self.tr("{count} events").format(count=self.list.count()))
