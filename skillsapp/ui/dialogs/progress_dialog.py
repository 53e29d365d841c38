"""A progress dialog with Cancel for one background task."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from skillsapp.ui.tasks import Task


class TaskProgressDialog(QDialog):
    """Shows a task's progress; Cancel asks the task to stop; closes when it ends."""

    def __init__(
        self,
        task: Task,
        *,
        title: str,
        text: str,
        parent: QWidget | None,
        cancellable: bool = True,
    ) -> None:
        super().__init__(parent)
        self._task = task
        self._cancellable = cancellable
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._build_ui(text)
        self.cancel_button.setVisible(cancellable)
        self._connect_signals()

    def _build_ui(self, text: str) -> None:
        self.label = QLabel(text)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the first report
        self.bar.setMinimumWidth(360)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)

    def _connect_signals(self) -> None:
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self._task.progressed.connect(self._on_task_progressed)
        self._task.finished.connect(self._on_task_finished)

    def _on_task_progressed(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 0))
        self.bar.setValue(done)

    def _on_cancel_button_clicked(self) -> None:
        self._task.cancel()
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Cancelling…"))

    def _on_task_finished(self) -> None:
        self.accept()

    def reject(self) -> None:
        """Escape and the close button cancel the task instead of hiding the dialog."""
        if self._task.running:
            if self._cancellable:
                self._on_cancel_button_clicked()
        else:
            super().reject()
