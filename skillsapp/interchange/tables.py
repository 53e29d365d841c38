"""Reading and writing tabular files (.xlsx and .csv) as plain rows of cell values."""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
import logging
import os
import re
import uuid
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from skillsapp.errors import UserError
from skillsapp.interchange.normalize import normalize_text

logger = logging.getLogger(__name__)

XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv",)
_ENCODINGS = ("utf-8-sig", "gb18030")
_DELIMITERS = (",", ";", "\t")
_SNIFF_LINES = 20
_WIDTH_SAMPLE = 200  # rows looked at to size the columns
_MIN_WIDTH, _MAX_WIDTH = 6, 50
_SHEET_TITLE_MAX = 31
# Control characters XML 1.0 cannot hold (the set openpyxl refuses to write).
_ILLEGAL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SHEET_TITLE_BAD = str.maketrans(dict.fromkeys("[]:*?/\\", "_"))
# What a damaged or mislabelled .xlsx makes openpyxl raise (ParseError is a SyntaxError).
_CORRUPT_XLSX = (
    zipfile.BadZipFile,
    InvalidFileException,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    SyntaxError,
    EOFError,
)


@dataclass(frozen=True)
class Table:
    """A sheet: its header texts and the data rows, each with its row number in the file."""

    headers: list[str]
    rows: list[tuple[int, list[object]]]


def read_table(path: Path) -> Table:
    """Read the first sheet of an .xlsx or a .csv; raise UserError when that is impossible."""
    suffix = path.suffix.lower()
    if suffix not in XLSX_SUFFIXES + CSV_SUFFIXES:
        raise UserError("file_format", path=str(path))
    if not path.is_file():
        raise UserError("file_not_found", path=str(path))
    numbered = _xlsx_rows(path) if suffix in XLSX_SUFFIXES else _csv_rows(path)
    return _table(numbered)


def _table(numbered: Iterable[tuple[int, list[object]]]) -> Table:
    """First non-empty row is the header; fully empty rows are dropped."""
    rows = [(number, values) for number, values in numbered if not _is_empty(values)]
    if not rows:
        return Table([], [])
    headers = [normalize_text(value) for value in rows[0][1]]
    while headers and not headers[-1]:
        headers.pop()
    width = len(headers)
    body = [(number, _padded(values, width)) for number, values in rows[1:]]
    return Table(headers, body)


def _is_empty(values: Sequence[object]) -> bool:
    return all(value is None or normalize_text(value) == "" for value in values)


def _padded(values: list[object], width: int) -> list[object]:
    """At least `width` cells, so a column index from the header is always valid."""
    if len(values) < width:
        values.extend([None] * (width - len(values)))
    return values


def _xlsx_rows(path: Path) -> list[tuple[int, list[object]]]:
    """All rows of the active sheet with their 1-based row numbers; raw cell values."""
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = _first_worksheet(workbook)
            if sheet is None:
                return []
            # Some generators write a wrong <dimension>; without a reset rows get cut off.
            sheet.reset_dimensions()
            rows = sheet.iter_rows(values_only=True)
            return [(number, list(values)) for number, values in enumerate(rows, start=1)]
        finally:
            workbook.close()
    except OSError as exc:
        raise UserError("file_unreadable", path=str(path), detail=str(exc)) from exc
    except _CORRUPT_XLSX as exc:
        logger.info("cannot read %s as xlsx: %r", path, exc)
        raise UserError("file_unreadable", path=str(path), detail=_corrupt_detail(exc)) from exc


def _first_worksheet(workbook: Any) -> Any:
    """The sheet Excel opens at, or the first one with cells (not a chart sheet)."""
    sheets = [workbook.active, *workbook.worksheets]
    return next((sheet for sheet in sheets if hasattr(sheet, "iter_rows")), None)


def _corrupt_detail(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


def _csv_rows(path: Path) -> list[tuple[int, list[object]]]:
    """Records of a CSV file; the record number is the row Excel would show."""
    text = _decode(path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        return [(number, _as_cells(record)) for number, record in enumerate(reader, 1)]
    except csv.Error as exc:
        raise UserError("file_unreadable", path=str(path), detail=str(exc)) from exc


def _as_cells(record: list[str]) -> list[object]:
    return list(record)


def _decode(path: Path) -> str:
    """UTF-8 (with or without BOM) first, then GB18030 (what Chinese Excel saves)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError("file_unreadable", path=str(path), detail=str(exc)) from exc
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UserError("file_unreadable", path=str(path), detail="unknown text encoding")


def _delimiter(text: str) -> str:
    """The candidate that splits the first lines into the most consistent, widest rows."""
    sample = "\n".join(itertools.islice((ln for ln in text.splitlines() if ln), _SNIFF_LINES))
    return max(_DELIMITERS, key=lambda delimiter: _delimiter_score(sample, delimiter))


def _delimiter_score(sample: str, delimiter: str) -> tuple[int, int]:
    try:
        widths = [len(record) for record in csv.reader(io.StringIO(sample), delimiter=delimiter)]
    except csv.Error:
        return (0, 0)
    if not widths or widths[0] < 2:
        return (0, 0)
    return (sum(width == widths[0] for width in widths), widths[0])


def write_xlsx(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    sheet_title: str,
    text_columns: Sequence[int] = (),
) -> None:
    """Write one sheet atomically: a temporary file in the same folder, then a rename."""
    # Not mkstemp: its 0600 mode would survive the rename and hide the file from colleagues.
    temp = path.with_name(f".~{path.stem}-{uuid.uuid4().hex[:8]}.tmp")
    try:
        _save_workbook(temp, headers, rows, sheet_title=sheet_title, text_columns=text_columns)
        os.replace(temp, path)
    except OSError as exc:
        raise UserError("file_unwritable", path=str(path), detail=str(exc)) from exc
    finally:
        temp.unlink(missing_ok=True)


def _save_workbook(
    temp: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    sheet_title: str,
    text_columns: Sequence[int],
) -> None:
    workbook = openpyxl.Workbook(write_only=True)
    sheet: Any = workbook.create_sheet(title=_safe_sheet_title(sheet_title))
    row_iter = iter(rows)
    sample = list(itertools.islice(row_iter, _WIDTH_SAMPLE))
    _size_columns(sheet, headers, sample, text_columns)
    sheet.freeze_panes = "A2"
    try:
        _append_rows(sheet, headers, itertools.chain(sample, row_iter), text_columns)
        workbook.save(temp)
    except BaseException:
        with contextlib.suppress(Exception):
            sheet.close()  # end openpyxl's stream now, not with a warning when collected
        raise


def _append_rows(
    sheet: Any,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    text_columns: Sequence[int],
) -> None:
    bold = Font(bold=True)
    sheet.append([_header_cell(sheet, text, bold) for text in headers])
    text_set = frozenset(text_columns)
    for row in rows:
        sheet.append([_cell(sheet, value, index in text_set) for index, value in enumerate(row)])


def _safe_sheet_title(title: str) -> str:
    """Excel refuses titles over 31 characters or with []:*?/\\ in them."""
    return title.translate(_SHEET_TITLE_BAD)[:_SHEET_TITLE_MAX] or "Sheet1"


def _size_columns(
    sheet: Any, headers: Sequence[str], sample: list[Sequence[object]], text_columns: Sequence[int]
) -> None:
    """Widths from the header and the first rows; text columns also typed text for new entries."""
    for index, header in enumerate(headers):
        cells = [row[index] for row in sample if index < len(row)]
        longest = max((_display_width(normalize_text(v)) for v in [header, *cells]), default=0)
        dimension = sheet.column_dimensions[get_column_letter(index + 1)]
        dimension.width = min(max(longest + 2, _MIN_WIDTH), _MAX_WIDTH)
        if index in text_columns:
            dimension.number_format = "@"


def _display_width(text: str) -> int:
    """Chinese characters take two columns in Excel's default font."""
    return sum(2 if ord(char) > 0x2E7F else 1 for char in text)


def _header_cell(sheet: Any, text: str, font: Font) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=_clean_string(text))
    cell.font = font
    return cell


def _cell(sheet: Any, value: object, as_text: bool) -> object:
    """The value to append: text columns as "@" text, never a formula, no illegal chars."""
    if as_text and value is not None:
        value = normalize_text(value) if not isinstance(value, str) else value
    if not isinstance(value, str):
        return value
    if not as_text and not value.startswith("="):
        return _clean_string(value)
    cell = WriteOnlyCell(sheet, value=_clean_string(value))
    cell.data_type = "s"  # a leading "=" would otherwise become a formula
    if as_text:
        cell.number_format = "@"
    return cell


def _clean_string(text: str) -> str:
    """Drop control characters that openpyxl refuses to write."""
    return _ILLEGAL_CHARACTERS.sub("", text)
