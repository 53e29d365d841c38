"""A certificate template's layout: paper, background and fields, and its JSON form.

Pure: no database, no reportlab. Positions and box sizes are millimetres measured from
the page's top-left corner (as one measures a printed sheet with a ruler); font sizes
are points. A field shows one data item of the certificate (`binding`), fixed text
with `{placeholders}`, an image, the QR code, or the issuing body's seal.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
import string
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

FORMAT = "skillsapp.certificate-layout/1"
# ISO sizes, portrait (width, height) in mm.
PAPERS_MM: dict[str, tuple[float, float]] = {
    "A4": (210.0, 297.0),
    "A3": (297.0, 420.0),
    "B5": (176.0, 250.0),
}
CUSTOM = "custom"
CUSTOM_RANGE_MM = (50.0, 1200.0)
# The data items a certificate carries (the register stores them as its `fields`).
BINDINGS: tuple[str, ...] = (
    "name",
    "unit",
    "competition",
    "event",
    "award",
    "title",
    "rank",
    "date_cn",
    "serial",
    "issuer",
)
QR_KEY = "qr"  # the record's QR payload (not a placeholder: it is drawn, not written)
MIN_QR_MM = 15.0
DEFAULT_SERIAL_PATTERN = "{year}{competition_code}{seq:04d}"
SERIAL_NAMES = frozenset({"year", "month", "competition_code", "seq"})
SERIAL_MAX = 40
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
# [[在{competition}{event}比赛中]]: left out when every data item in it is empty
_OPTIONAL = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_SEQ_SPEC = re.compile(r"0?\d?d?")
_DIGITS = "〇一二三四五六七八九"


class Orientation(enum.StrEnum):
    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"


class FieldKind(enum.StrEnum):
    DATA = "data"  # one data item (`binding`)
    TEXT = "text"  # fixed text with {placeholders}
    IMAGE = "image"  # a template image (emblem, signature)
    QR = "qr"  # the signed verification code
    SEAL = "seal"  # the issuing body's red seal: drawn from `text`, or a template image


class Align(enum.StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    JUSTIFY = "justify"  # lines spread to the box width, the last one left (body text)


class VAlign(enum.StrEnum):
    TOP = "top"
    MIDDLE = "middle"
    BOTTOM = "bottom"


class BackgroundKind(enum.StrEnum):
    NONE = "none"
    BORDER = "border"  # drawn by the renderer in `style`
    IMAGE = "image"  # a template image covering the page


BORDER_STYLES = ("classic", "simple")


class LayoutError(ValueError):
    """A layout document that cannot be read; `code` says why, `where` says where."""

    def __init__(self, code: str, where: str = "") -> None:
        super().__init__(f"{code} {where}".strip())
        self.code = code
        self.where = where


@dataclass(frozen=True)
class Background:
    kind: BackgroundKind = BackgroundKind.NONE
    style: str = "classic"
    colour: str = "#B0161B"  # the border's main colour (a deep seal red)
    accent: str = "#C9A14A"  # the thin inner line and the corner ornaments (gold)
    image: str = ""


@dataclass(frozen=True)
class Field:
    """A box on the page; text in it is shrunk (and, if `multiline`, wrapped) to fit."""

    id: str
    kind: FieldKind
    x: float
    y: float
    w: float
    h: float
    binding: str = ""
    text: str = ""
    image: str = ""
    font: str = "kai"
    size: float = 16.0
    colour: str = "#000000"
    align: Align = Align.CENTER
    valign: VAlign = VAlign.MIDDLE
    multiline: bool = False
    spacing: float = 0.0  # extra space after each character, pt (titles: 荣 誉 证 书)
    leading: float = 1.5  # line height ÷ font size, for several lines
    booklet_print: bool = True  # printed onto pre-printed booklets (套打)

    @property
    def template(self) -> str:
        """The text this field writes, as a template: `{name}` for a data field."""
        if self.kind is FieldKind.DATA:
            return "{" + self.binding + "}"
        return self.text

    @property
    def static(self) -> bool:
        """Whether the field looks the same on every certificate of a batch."""
        if self.kind is FieldKind.TEXT:
            return not placeholders(self.text)
        return self.kind is FieldKind.IMAGE


@dataclass(frozen=True)
class Layout:
    paper: str = "A4"
    orientation: Orientation = Orientation.LANDSCAPE
    width_mm: float = 0.0  # custom paper only (portrait width)
    height_mm: float = 0.0
    background: Background = field(default_factory=Background)
    fields: tuple[Field, ...] = ()

    @property
    def page_mm(self) -> tuple[float, float]:
        """The page's (width, height) in mm, orientation applied."""
        width, height = PAPERS_MM.get(self.paper, (self.width_mm, self.height_mm))
        short, long = sorted((width, height))
        return (long, short) if self.orientation is Orientation.LANDSCAPE else (short, long)

    def printed(self, *, booklet: bool) -> tuple[Field, ...]:
        """The fields printed: all of them, or on pre-printed paper only the marked ones."""
        return tuple(f for f in self.fields if f.booklet_print or not booklet)

    def with_field(self, new: Field) -> Layout:
        """This layout with the field of `new.id` replaced (or added)."""
        kept = [new if f.id == new.id else f for f in self.fields]
        if all(f.id != new.id for f in self.fields):
            kept.append(new)
        return replace(self, fields=tuple(kept))


@dataclass(frozen=True)
class Problem:
    """A rule the layout breaks: `code` (translated by the UI) and the field's id."""

    code: str
    where: str = ""


def placeholders(text: str) -> list[str]:
    return _PLACEHOLDER.findall(text)


def fill(template: str, record: Mapping[str, str]) -> str:
    """`template` with each {placeholder} replaced by the record's value ("" if absent);
    an optional part `[[…]]` is left out when all the data items in it are empty (so a
    certificate for a list of people reads 荣获优秀学员, not 在比赛中荣获优秀学员)."""

    def optional(match: re.Match[str]) -> str:
        part = match.group(1)
        names = placeholders(part)
        return part if not names or any(record.get(n) for n in names) else ""

    kept = _OPTIONAL.sub(optional, template)
    return _PLACEHOLDER.sub(lambda m: str(record.get(m.group(1), "")), kept)


def uses(item: Field, name: str) -> bool:
    """Whether the field prints the data item `name` (a seal drawn from text prints
    `{issuer}` when its text is empty)."""
    if item.kind is FieldKind.SEAL and not item.image:
        return name in placeholders(item.text or "{issuer}")
    return item.kind in (FieldKind.DATA, FieldKind.TEXT) and name in placeholders(item.template)


def _chinese_number(value: int) -> str:
    """1–99 as spoken: 十, 十一, 二十, 二十一."""
    tens, ones = divmod(value, 10)
    if tens == 0:
        return _DIGITS[ones]
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[ones] if ones else "")


def chinese_date(day: dt.date, *, with_day: bool = False) -> str:
    """二〇二五年十月 (the year digit by digit), or 二〇二五年十月二十日."""
    text = "".join(_DIGITS[int(d)] for d in str(day.year)) + "年" + _chinese_number(day.month)
    return text + "月" + (_chinese_number(day.day) + "日" if with_day else "")


# --- serial numbers -----------------------------------------------------------------


def _serial_parts(pattern: str) -> list[tuple[str, str | None, str | None]]:
    try:
        return [(lit, name, spec) for lit, name, spec, _conv in string.Formatter().parse(pattern)]
    except ValueError as exc:
        raise LayoutError("serial_pattern_invalid", pattern) from exc


def check_serial_pattern(pattern: str) -> list[Problem]:
    """Problems of a serial pattern such as `{year}{competition_code}{seq:04d}`."""
    try:
        parts = _serial_parts(pattern)
    except LayoutError as exc:
        return [Problem(exc.code, pattern)]
    names = [name for _lit, name, _spec in parts if name is not None]
    problems = [Problem("serial_placeholder_unknown", n) for n in names if n not in SERIAL_NAMES]
    if names.count("seq") != 1:
        problems.append(Problem("serial_needs_seq", pattern))
    for _lit, name, spec in parts:
        if name is not None and spec and (name != "seq" or not _SEQ_SPEC.fullmatch(spec)):
            problems.append(Problem("serial_pattern_invalid", f"{name}:{spec}"))
    return problems


def format_serial(pattern: str, *, seq: int, year: int, month: int, code: str) -> str:
    """The serial number `seq` of the pattern's family for this year, month and code."""
    values = {"year": year, "month": f"{month:02d}", "competition_code": code, "seq": seq}
    return pattern.format(**values)


def serial_family(pattern: str, *, year: int, month: int, code: str) -> str:
    """The key of the counter a pattern draws from: the serial with `seq` left out."""
    values = {"year": year, "month": f"{month:02d}", "competition_code": code}
    parts = _serial_parts(pattern)
    return "".join(
        lit + ("#" if name == "seq" else format(values[name], spec or "") if name else "")
        for lit, name, spec in parts
    )


# --- validation ---------------------------------------------------------------------


def _field_problems(item: Field, page: tuple[float, float], images: set[str] | None) -> list[str]:
    codes = []
    if item.w <= 0 or item.h <= 0:
        codes.append("field_size_invalid")
    elif item.x < 0 or item.y < 0 or item.x + item.w > page[0] or item.y + item.h > page[1]:
        codes.append("field_outside_page")
    if not 1 <= item.size <= 300:
        codes.append("font_size_invalid")
    if not _COLOUR.fullmatch(item.colour):
        codes.append("colour_invalid")
    if item.kind is FieldKind.DATA and item.binding not in BINDINGS:
        codes.append("binding_unknown")
    if any(name not in BINDINGS for name in placeholders(item.text)):
        codes.append("placeholder_unknown")
    if item.kind is FieldKind.IMAGE and not item.image:
        codes.append("image_missing")
    if item.image and images is not None and item.image not in images:
        codes.append("image_missing")
    if item.kind is FieldKind.QR and min(item.w, item.h) < MIN_QR_MM:
        codes.append("qr_too_small")
    return codes


def _seals_touch(a: Field, b: Field) -> bool:
    ax, ay, bx, by = a.x + a.w / 2, a.y + a.h / 2, b.x + b.w / 2, b.y + b.h / 2
    reach = (min(a.w, a.h) + min(b.w, b.h)) / 2
    return bool((ax - bx) ** 2 + (ay - by) ** 2 <= reach**2)


def validate(layout: Layout, images: set[str] | None = None) -> list[Problem]:
    """Every rule `layout` breaks; `images` are the template's image names, if known."""
    problems: list[Problem] = []
    low, high = CUSTOM_RANGE_MM
    if layout.paper not in PAPERS_MM and layout.paper != CUSTOM:
        problems.append(Problem("paper_unknown", layout.paper))
    elif layout.paper == CUSTOM and not all(low <= s <= high for s in layout.page_mm):
        problems.append(Problem("paper_size_invalid", CUSTOM))
    bg = layout.background
    known = images if images is not None else {bg.image}
    if bg.kind is BackgroundKind.IMAGE and (not bg.image or bg.image not in known):
        problems.append(Problem("image_missing", "background"))
    if bg.kind is BackgroundKind.BORDER and bg.style not in BORDER_STYLES:
        problems.append(Problem("border_style_unknown", bg.style))
    seen: set[str] = set()
    for item in layout.fields:
        if not item.id or item.id in seen:
            problems.append(
                Problem("field_id_duplicate" if item.id else "field_id_missing", item.id)
            )
        seen.add(item.id)
        problems += [
            Problem(code, item.id) for code in _field_problems(item, layout.page_mm, images)
        ]
    seals = [f for f in layout.fields if f.kind is FieldKind.SEAL]
    for index, seal in enumerate(seals):
        problems += [
            Problem("seals_touch", f"{seal.id},{o.id}")
            for o in seals[index + 1 :]
            if _seals_touch(seal, o)
        ]
    return problems


# --- JSON ---------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def layout_to_dict(layout: Layout) -> dict[str, Any]:
    data: dict[str, Any] = {"format": FORMAT, **_plain(asdict(layout))}
    return data


def layout_to_json(layout: Layout) -> str:
    return json.dumps(layout_to_dict(layout), ensure_ascii=False, indent=1)


_ENUMS: dict[str, type[enum.StrEnum]] = {
    e.__name__: e for e in (FieldKind, Align, VAlign, Orientation, BackgroundKind)
}
_PLAIN_TYPES: dict[str, type] = {"str": str, "bool": bool}


def _convert(type_name: str, value: Any) -> Any:
    """`value` as the dataclass field type named `type_name`; TypeError/ValueError if not."""
    if type_name in _ENUMS:
        return _ENUMS[type_name](value)
    if type_name == "float":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(type_name)
        return float(value)
    if not isinstance(value, _PLAIN_TYPES[type_name]):
        raise TypeError(type_name)
    return value


def _build(cls: Any, data: Any, where: str, skip: frozenset[str] = frozenset()) -> Any:
    """`cls(**data)` for the keys `cls` knows, each value converted and type-checked."""
    if not isinstance(data, dict):
        raise LayoutError("layout_malformed", where)
    values: dict[str, Any] = {}
    for spec in fields(cls):
        if spec.name in data and spec.name not in skip:
            try:
                values[spec.name] = _convert(str(spec.type), data[spec.name])
            except (TypeError, ValueError) as exc:
                raise LayoutError("layout_malformed", f"{where}.{spec.name}") from exc
    try:
        return cls(**values)
    except TypeError as exc:
        raise LayoutError("layout_malformed", where) from exc


def layout_from_dict(data: Any) -> Layout:
    """The layout of a JSON document; `LayoutError` when it is not one."""
    if not isinstance(data, dict) or data.get("format", FORMAT) != FORMAT:
        found = data.get("format") if isinstance(data, dict) else type(data).__name__
        raise LayoutError("layout_format_unknown", str(found))
    raw_fields = data.get("fields", [])
    if not isinstance(raw_fields, list):
        raise LayoutError("layout_malformed", "fields")
    layout: Layout = _build(Layout, data, "layout", frozenset({"background", "fields"}))
    return replace(
        layout,
        background=_build(Background, data.get("background", {}), "background"),
        fields=tuple(_build(Field, item, f"fields[{i}]") for i, item in enumerate(raw_fields)),
    )


def layout_from_json(text: str) -> Layout:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LayoutError("layout_malformed", f"line {exc.lineno}") from exc
    return layout_from_dict(data)
