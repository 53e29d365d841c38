"""The scheme editor's tables: components, criteria, award tiers and title rules."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from skillsapp.domain.scheme_doc import ComponentSpec, CriterionSpec
from skillsapp.domain.scoring import (
    Aggregation,
    ComponentBase,
    CriterionKind,
    Tier,
    TitleRule,
)
from skillsapp.ui import competition_labels as cl
from skillsapp.ui.formatting import (
    decimal_text,
    parse_decimal,
    parse_optional_decimal,
    parse_optional_int,
)
from skillsapp.ui.models.edit_model import EditableTableModel, EditColumn

HUNDRED = Decimal(100)


def _text(value: Any) -> str:
    text = " ".join(str(value).split())
    if not text:
        raise ValueError("empty")
    return text


def _key(value: Any) -> str:
    key = "".join(str(value).split())
    if not key:
        raise ValueError("empty key")
    return key


def _count(value: Any) -> int:
    number = parse_optional_int(value)
    if number is None:
        raise ValueError("empty")
    return number


def _yes(value: bool) -> str:
    return QCoreApplication.translate("SchemeModels", "yes") if value else ""


_C = "SchemeModels"

COMPONENT_COLUMNS: tuple[EditColumn[ComponentSpec], ...] = (
    EditColumn(
        _C,
        QT_TRANSLATE_NOOP("SchemeModels", "Component"),
        lambda c: c.name,
        lambda c, v: replace(c, name=_text(v)),
    ),
    EditColumn(
        _C,
        QT_TRANSLATE_NOOP("SchemeModels", "Key"),
        lambda c: c.key,
        lambda c, v: replace(c, key=_key(v)),
    ),
    EditColumn(
        _C,
        QT_TRANSLATE_NOOP("SchemeModels", "Weight %"),
        lambda c: decimal_text(c.weight),
        lambda c, v: replace(c, weight=parse_decimal(v)),
    ),
    EditColumn(
        _C,
        QT_TRANSLATE_NOOP("SchemeModels", "Marked as"),
        lambda c: cl.name_of(cl.COMPONENT_BASE_NAMES, c.base),
        lambda c, v: replace(c, base=ComponentBase(v)),
        choices=lambda: cl.choices(cl.COMPONENT_BASE_NAMES),
        value=lambda c: c.base.value,
    ),
    EditColumn(
        _C,
        QT_TRANSLATE_NOOP("SchemeModels", "Criteria"),
        lambda c: str(len(c.criteria)),
    ),
    EditColumn(
        _C,
        QT_TRANSLATE_NOOP("SchemeModels", "Marks in total"),
        lambda c: decimal_text(sum((x.max_mark for x in c.criteria), Decimal(0))),
    ),
)

CRITERION_COLUMNS: tuple[EditColumn[CriterionSpec], ...] = (
    EditColumn(
        _C,
        QT_TRANSLATE_NOOP("SchemeModels", "Key"),
        lambda c: c.key,
        lambda c, v: replace(c, key=_key(v)),
    ),
    EditColumn(
        _C,
        QT_TRANSLATE_NOOP("SchemeModels", "Criterion"),
        lambda c: c.name,
        lambda c, v: replace(c, name=_text(v)),
    ),
    EditColumn(
        _C,
        QT_TRANSLATE_NOOP("SchemeModels", "Marks"),
        lambda c: decimal_text(c.max_mark),
        lambda c, v: replace(c, max_mark=parse_decimal(v)),
    ),
    EditColumn(
        _C,
        QT_TRANSLATE_NOOP("SchemeModels", "Kind"),
        lambda c: cl.name_of(cl.CRITERION_KIND_NAMES, c.kind),
        lambda c, v: replace(c, kind=CriterionKind(v)),
        choices=lambda: cl.choices(cl.CRITERION_KIND_NAMES),
        value=lambda c: c.kind.value,
    ),
    EditColumn(
        _C,
        QT_TRANSLATE_NOOP("SchemeModels", "Judges' marks"),
        lambda c: (
            cl.name_of(cl.AGGREGATION_NAMES, c.aggregation)
            if c.kind is CriterionKind.JUDGEMENT
            else "—"
        ),
        lambda c, v: replace(c, aggregation=Aggregation(v)),
        choices=lambda: cl.choices(cl.AGGREGATION_NAMES),
        value=lambda c: c.aggregation.value,
    ),
    EditColumn(
        _C,
        QT_TRANSLATE_NOOP("SchemeModels", "Step"),
        lambda c: decimal_text(c.step),
        lambda c, v: replace(c, step=parse_optional_decimal(v)),
    ),
    EditColumn(
        _C,
        QT_TRANSLATE_NOOP("SchemeModels", "Deductions"),
        lambda c: _yes(c.deduction),
        lambda c, v: replace(c, deduction=bool(v)),
        check=lambda c: c.deduction,
    ),
    EditColumn(
        _C,
        QT_TRANSLATE_NOOP("SchemeModels", "Requirement"),
        lambda c: c.requirement,
        lambda c, v: replace(c, requirement=str(v).strip()),
    ),
    EditColumn(
        _C,
        QT_TRANSLATE_NOOP("SchemeModels", "Marking standard"),
        lambda c: c.standard,
        lambda c, v: replace(c, standard=str(v).strip()),
    ),
)

TIER_COLUMNS: tuple[EditColumn[Tier], ...] = (
    EditColumn(
        _C,
        QT_TRANSLATE_NOOP("SchemeModels", "Award"),
        lambda t: t.name,
        lambda t, v: replace(t, name=_text(v)),
    ),
    EditColumn(
        _C,
        QT_TRANSLATE_NOOP("SchemeModels", "Places"),
        lambda t: str(t.count),
        lambda t, v: replace(t, count=_count(v)),
    ),
    EditColumn(
        _C,
        QT_TRANSLATE_NOOP("SchemeModels", "Share %"),
        lambda t: decimal_text(t.share * HUNDRED),
        lambda t, v: replace(t, share=parse_decimal(v) / HUNDRED),
    ),
)


def _tier_choices(tiers: Callable[[], Sequence[str]]) -> Callable[[], list[tuple[str, Any]]]:
    def choices() -> list[tuple[str, Any]]:
        none = QCoreApplication.translate("SchemeModels", "(any)")
        return [(none, ""), *((name, name) for name in tiers())]

    return choices


def title_columns(tiers: Callable[[], Sequence[str]]) -> tuple[EditColumn[TitleRule], ...]:
    """The title-rule columns; `tiers` gives the award names a rule may require."""
    return (
        EditColumn(
            _C,
            QT_TRANSLATE_NOOP("SchemeModels", "Title"),
            lambda t: t.title,
            lambda t, v: replace(t, title=_text(v)),
        ),
        EditColumn(
            _C,
            QT_TRANSLATE_NOOP("SchemeModels", "Up to rank"),
            lambda t: "" if t.max_rank is None else str(t.max_rank),
            lambda t, v: replace(t, max_rank=parse_optional_int(v)),
        ),
        EditColumn(
            _C,
            QT_TRANSLATE_NOOP("SchemeModels", "Award"),
            lambda t: t.tier or "",
            lambda t, v: replace(t, tier=str(v) or None),
            choices=_tier_choices(tiers),
            value=lambda t: t.tier or "",
        ),
        EditColumn(
            _C,
            QT_TRANSLATE_NOOP("SchemeModels", "Minimum total"),
            lambda t: decimal_text(t.min_total),
            lambda t, v: replace(t, min_total=parse_optional_decimal(v)),
        ),
        EditColumn(
            _C,
            QT_TRANSLATE_NOOP("SchemeModels", "Employees only"),
            lambda t: _yes(t.employees_only),
            lambda t, v: replace(t, employees_only=bool(v)),
            check=lambda t: t.employees_only,
        ),
        EditColumn(
            _C,
            QT_TRANSLATE_NOOP("SchemeModels", "Promotion"),
            lambda t: _yes(t.promotion),
            lambda t, v: replace(t, promotion=bool(v)),
            check=lambda t: t.promotion,
        ),
        EditColumn(
            _C,
            QT_TRANSLATE_NOOP("SchemeModels", "Granted by"),
            lambda t: t.granting_body,
            lambda t, v: replace(t, granting_body=str(v).strip()),
        ),
    )


class ComponentTableModel(EditableTableModel[ComponentSpec]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(COMPONENT_COLUMNS, parent)


class CriterionTableModel(EditableTableModel[CriterionSpec]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(CRITERION_COLUMNS, parent)


class TierTableModel(EditableTableModel[Tier]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(TIER_COLUMNS, parent)


class TitleRuleTableModel(EditableTableModel[TitleRule]):
    def __init__(self, tiers: Callable[[], Sequence[str]], parent: Any = None) -> None:
        super().__init__(title_columns(tiers), parent)
