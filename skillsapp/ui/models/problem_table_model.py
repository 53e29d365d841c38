"""The import preview's problems: row, field, value, problem."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from skillsapp import messages
from skillsapp.interchange.rows import RowProblem
from skillsapp.ui import labels
from skillsapp.ui.models.list_model import Column, ListTableModel

_CTX = "ProblemTableModel"


def problem_text(problem: RowProblem) -> str:
    return messages.text(problem.code, value=problem.value, **problem.params)


COLUMNS: tuple[Column[RowProblem], ...] = (
    Column(
        _CTX, QT_TRANSLATE_NOOP("ProblemTableModel", "Row"), lambda p: str(p.row), lambda p: p.row
    ),
    Column(_CTX, QT_TRANSLATE_NOOP("ProblemTableModel", "Field"), lambda p: labels.field(p.field)),
    Column(_CTX, QT_TRANSLATE_NOOP("ProblemTableModel", "Value"), lambda p: p.value),
    Column(_CTX, QT_TRANSLATE_NOOP("ProblemTableModel", "Problem"), problem_text),
)


class ProblemTableModel(ListTableModel[RowProblem]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)
