"""Settings of this computer: the database and the language (both apply at the next start)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from skillsapp import paths, settings
from skillsapp.ui import msgbox, prefs
from skillsapp.ui.crash import log_path

LANGUAGE_NAMES = {"zh_CN": "中文（简体）", "en": "English"}


class SettingsTab(QWidget):
    def __init__(self, current_database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build_ui(current_database)
        self._connect_signals()

    def _build_ui(self, current_database: str) -> None:
        self.database = QLineEdit(prefs.get_str(settings.DATABASE_TARGET))
        self.database.setPlaceholderText(str(paths.default_database_path()))
        self.browse_button = QPushButton(self.tr("Choose file…"))
        database_row = QHBoxLayout()
        database_row.addWidget(self.database, 1)
        database_row.addWidget(self.browse_button)
        hint = QLabel(
            self.tr(
                "An SQLite file, or a database server address such as "
                "postgresql+psycopg://user:password@host/skillsapp. "
                "Leave empty to use the default file."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6b7a;")
        self.language = QComboBox()
        for code in settings.LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        current = prefs.get_str(settings.LANGUAGE)
        self.language.setCurrentIndex(max(self.language.findData(current), 0))
        self.save_button = QPushButton(self.tr("Save"))
        form = QFormLayout()
        database_cell = QVBoxLayout()
        database_cell.addLayout(database_row)
        database_cell.addWidget(hint)
        form.addRow(self.tr("Database"), database_cell)
        form.addRow(self.tr("In use now"), _selectable(current_database))
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Data folder"), _selectable(str(paths.data_dir())))
        form.addRow(self.tr("Log file"), _selectable(str(log_path())))
        note = QLabel(self.tr("Changes take effect the next time SkillsApp starts."))
        note.setStyleSheet("color: #5f6b7a;")
        buttons = QHBoxLayout()
        buttons.addWidget(note)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        content = QWidget()
        content.setMaximumWidth(860)
        inner = QVBoxLayout(content)
        inner.addLayout(form)
        inner.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(content)
        layout.addStretch(1)

    def _connect_signals(self) -> None:
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)

    def _on_browse_button_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Database file"),
            str(paths.data_dir()),
            self.tr("SQLite database (*.sqlite3 *.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.database.setText(path)

    def _on_save_button_clicked(self) -> None:
        prefs.put(settings.DATABASE_TARGET, self.database.text().strip())
        prefs.put(settings.LANGUAGE, self.language.currentData())
        msgbox.info(
            self,
            self.tr("Settings"),
            self.tr("Saved. The changes take effect the next time SkillsApp starts."),
        )


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label
