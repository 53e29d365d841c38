"""The import preview's problems: row, field, value, problem."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from skillsapp import messages
from skillsapp.interchange.rows import RowProblem
from skillsapp.ui import labels
from skillsapp.ui.models.list_model import Column, ListTableModel

_CTX = "ProblemTableModel"


def problem_text(problem: RowProblem) -> str:
    return messages.text(problem.code, value=problem.value, **problem.params)


def columns(field_label: Callable[[str], str] = labels.field) -> tuple[Column[RowProblem], ...]:
    """The columns, naming fields with `field_label` (an import's own names for its fields)."""
    return (
        Column(
            _CTX,
            QT_TRANSLATE_NOOP("ProblemTableModel", "Row"),
            lambda p: str(p.row),
            lambda p: p.row,
        ),
        Column(
            _CTX, QT_TRANSLATE_NOOP("ProblemTableModel", "Field"), lambda p: field_label(p.field)
        ),
        Column(_CTX, QT_TRANSLATE_NOOP("ProblemTableModel", "Value"), lambda p: p.value),
        Column(_CTX, QT_TRANSLATE_NOOP("ProblemTableModel", "Problem"), problem_text),
    )


COLUMNS = columns()


class ProblemTableModel(ListTableModel[RowProblem]):
    def __init__(
        self, parent: Any = None, *, field_label: Callable[[str], str] | None = None
    ) -> None:
        super().__init__(COLUMNS if field_label is None else columns(field_label), parent)
