"""Results and judges' analysis as .xlsx: one sheet per event (or table), written atomically.

Scores are written as numbers with the scheme's decimals shown ("81.60", not
"81.6"), so Excel can sort and add them; bibs and codes are text.
"""

from __future__ import annotations

import contextlib
import os
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from skillsapp.errors import UserError

_TITLE_MAX = 31
_TITLE_BAD = str.maketrans(dict.fromkeys("[]:*?/\\", "_"))
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_MIN_WIDTH, _MAX_WIDTH = 6, 40


@dataclass(frozen=True)
class SheetData:
    """One sheet: a header row and data rows; `decimals` per column of numbers."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    decimals: Mapping[int, int] = field(default_factory=dict)
    text_columns: frozenset[int] = frozenset()


def number_format(decimals: int) -> str:
    return "0." + "0" * decimals if decimals > 0 else "0"


def write_sheets(path: Path, sheets: Sequence[SheetData]) -> None:
    """Write the sheets in order; a temporary file in the same folder, then a rename."""
    temp = path.with_name(f".~{path.stem}-{uuid.uuid4().hex[:8]}.tmp")
    try:
        workbook = openpyxl.Workbook(write_only=True)
        titles: set[str] = set()
        for sheet in sheets or [SheetData("Sheet1", (), ())]:
            _write(workbook, sheet, _unique(_safe_title(sheet.title), titles))
        workbook.save(temp)
        os.replace(temp, path)
    except OSError as exc:
        raise UserError("file_unwritable", path=str(path), detail=str(exc)) from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def _safe_title(title: str) -> str:
    return title.translate(_TITLE_BAD)[:_TITLE_MAX] or "Sheet"


def _unique(title: str, taken: set[str]) -> str:
    candidate, number = title, 2
    while candidate in taken:
        suffix = f"({number})"
        candidate, number = title[: _TITLE_MAX - len(suffix)] + suffix, number + 1
    taken.add(candidate)
    return candidate


def _write(workbook: Any, data: SheetData, title: str) -> None:
    sheet = workbook.create_sheet(title=title)
    _size(sheet, data)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    sheet.append([_header(sheet, text, bold) for text in data.headers])
    for row in data.rows:
        sheet.append([_cell(sheet, data, i, value) for i, value in enumerate(row)])


def _header(sheet: Any, text: str, font: Font) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=_ILLEGAL.sub("", text))
    cell.font = font
    return cell


def _cell(sheet: Any, data: SheetData, column: int, value: object) -> object:
    if value is None:
        return None
    if column in data.decimals and isinstance(value, str | Decimal):
        cell = WriteOnlyCell(sheet, value=Decimal(value))
        cell.number_format = number_format(data.decimals[column])
        return cell
    if isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=_ILLEGAL.sub("", value))
        cell.data_type = "s"  # never a formula
        if column in data.text_columns:
            cell.number_format = "@"
        return cell
    return value


def _size(sheet: Any, data: SheetData) -> None:
    for index, header in enumerate(data.headers):
        cells = [str(row[index]) for row in data.rows[:200] if index < len(row)]
        longest = max((_width(text) for text in [header, *cells]), default=0)
        dimension = sheet.column_dimensions[get_column_letter(index + 1)]
        dimension.width = min(max(longest + 2, _MIN_WIDTH), _MAX_WIDTH)


def _width(text: str) -> int:
    """Chinese characters take two columns in Excel's default font."""
    return sum(2 if ord(char) > 0x2E7F else 1 for char in text)
