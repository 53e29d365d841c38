"""Setting certificates on a reportlab canvas: used for PDFs and for the live preview.

`render_pages` draws one certificate a page and calls `showPage` after each, so the
caller's records can be a generator. What is the same on every page — the drawn
border or background image, fixed text, images, each distinct seal — is drawn once
into a Form XObject and placed with `doForm`. Fitted text is cached by field and text
(the body of one event's 一等奖 is the same for all its winners).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from skillsapp.domain.cert_layout import (
    QR_KEY,
    Align,
    BackgroundKind,
    Field,
    FieldKind,
    Layout,
    VAlign,
    fill,
)
from skillsapp.pdf.cert_art import colour, draw_border, draw_seal
from skillsapp.pdf.cert_text import (
    ASCENT,
    EM_BOX,
    Fitted,
    FontBook,
    fit_line,
    fit_lines,
    keep_together,
)
from skillsapp.pdf.qr import draw_qr

Offsets = tuple[float, float]  # (dx, dy) mm: right and down, the printer's calibration
_FIT_CACHE_MAX = 4096


def page_size(layout: Layout) -> tuple[float, float]:
    """The page's (width, height) in points."""
    width, height = layout.page_mm
    return width * mm, height * mm


@dataclass
class _Document:
    """What one canvas has drawn so far: its forms and fitted texts."""

    canvas: Canvas
    layout: Layout
    images: Mapping[str, bytes]
    fonts: FontBook
    booklet: bool
    prefix: str  # of the names of this layout's forms (one canvas may hold several)
    seals: dict[tuple[str, str], str] = field(default_factory=dict)  # (field, text) → form

    @property
    def height(self) -> float:
        return page_size(self.layout)[1]

    def box(self, item: Field) -> tuple[float, float, float, float]:
        """The field's box as (x, y, w, h) in points, y from the bottom of the page."""
        return item.x * mm, self.height - (item.y + item.h) * mm, item.w * mm, item.h * mm


def fit_field(item: Field, text: str, fonts: FontBook) -> Fitted:
    """The size and lines `text` takes in `item`'s box (also for editors and tests)."""
    setter = fonts.setter(item.font)
    box = (item.w * mm, item.h * mm)
    justify = item.align is Align.JUSTIFY
    if item.multiline:
        return fit_lines(setter, text, box, item.size, item.spacing, item.leading, justify=justify)
    return fit_line(setter, text, box, item.size, item.spacing, justify=justify)


def _fitted(doc: _Document, item: Field, text: str) -> Fitted:
    fits = doc.fonts.fits
    key = (item, text)
    found = fits.get(key)
    if found is None:
        if len(fits) >= _FIT_CACHE_MAX:
            fits.clear()
        found = fits[key] = fit_field(item, text, doc.fonts)
    return found


def _line_x(item: Field, x: float, width: float, line_width: float) -> float:
    if item.align is Align.CENTER:
        return x + (width - line_width) / 2
    if item.align is Align.RIGHT:
        return x + width - line_width
    return x


def _draw_text(doc: _Document, item: Field, text: str) -> None:
    if not text:
        return
    fitted = _fitted(doc, item, text)
    x, y, width, height = doc.box(item)
    spare = height - fitted.height
    drop = {VAlign.TOP: 0.0, VAlign.MIDDLE: spare / 2, VAlign.BOTTOM: spare}[item.valign]
    baseline = y + height - drop - fitted.size * ASCENT - (EM_BOX - 1) * fitted.size
    setter = doc.fonts.setter(item.font)
    obj = doc.canvas.beginText()
    obj.setFillColor(colour(item.colour))
    for index, line in enumerate(fitted.lines):
        obj.setTextOrigin(_line_x(item, x, width, line.width), baseline - index * fitted.pitch)
        obj.setCharSpace(line.char_space)
        for font, chunk in setter.runs(line.text):
            obj.setFont(font, fitted.size)
            obj.textOut(chunk)
    doc.canvas.drawText(obj)


def _draw_image(doc: _Document, name: str, box: tuple[float, float, float, float]) -> None:
    data = doc.images.get(name)
    if data is None:
        return
    reader = ImageReader(io.BytesIO(data))
    doc.canvas.drawImage(reader, *box, preserveAspectRatio=True, anchor="c", mask="auto")


def _draw_seal(doc: _Document, item: Field, record: Mapping[str, str]) -> None:
    x, y, width, height = doc.box(item)
    if item.image:
        _draw_image(doc, item.image, (x, y, width, height))
        return
    text = fill(item.text or "{issuer}", record)
    diameter = min(width, height)
    canvas = doc.canvas
    name = doc.seals.get((item.id, text))
    if name is None:
        name = doc.seals[item.id, text] = f"{doc.prefix}seal{len(doc.seals)}"
        r = diameter / 2
        canvas.beginForm(name, -r, -r, r, r)
        draw_seal(canvas, doc.fonts.setter(item.font).chain, text, diameter, item.colour)
        canvas.endForm()
    canvas.saveState()
    canvas.setBlendMode("Multiply")  # ink over the text below, as a stamp is
    canvas.translate(x + width / 2, y + height / 2)
    canvas.doForm(name)
    canvas.restoreState()


def _draw_field(doc: _Document, item: Field, record: Mapping[str, str]) -> None:
    if item.kind is FieldKind.QR:
        x, y, width, height = doc.box(item)
        side = min(width, height)
        payload = record.get(QR_KEY, "")
        if payload:
            draw_qr(doc.canvas, payload, x + (width - side) / 2, y + (height - side) / 2, side)
    elif item.kind is FieldKind.SEAL:
        _draw_seal(doc, item, record)
    elif item.kind is FieldKind.IMAGE:
        _draw_image(doc, item.image, doc.box(item))
    elif item.multiline:
        _draw_text(doc, item, fill(item.template, {k: keep_together(v) for k, v in record.items()}))
    else:
        _draw_text(doc, item, fill(item.template, record))


def _draw_page_form(doc: _Document, fields: Iterable[Field]) -> None:
    """The background and the fields that look alike on every page, as one form."""
    canvas = doc.canvas
    width, height = page_size(doc.layout)
    canvas.beginForm(f"{doc.prefix}page", 0, 0, width, height)
    background = doc.layout.background
    if not doc.booklet and background.kind is BackgroundKind.BORDER:
        draw_border(canvas, width, height, background)
    elif not doc.booklet and background.kind is BackgroundKind.IMAGE:
        _draw_image(doc, background.image, (0, 0, width, height))
    for item in fields:
        _draw_field(doc, item, {})
    canvas.endForm()


def render_pages(
    canvas: Canvas,
    layout: Layout,
    records: Iterable[Mapping[str, str]],
    images: Mapping[str, bytes],
    fonts: FontBook,
    offsets: Offsets = (0.0, 0.0),
    *,
    booklet: bool = False,
    on_page: Callable[[int], None] | None = None,
    prefix: str = "cert",
) -> int:
    """Draw one page per record and return how many; `booklet` prints only the fields
    marked for pre-printed paper, shifted by `offsets`. `on_page(n)` runs after page n
    (it may raise to stop). A second layout on the same canvas needs its own `prefix`."""
    doc = _Document(canvas, layout, images, fonts, booklet, prefix)
    canvas.setPageSize(page_size(layout))
    printed = layout.printed(booklet=booklet)
    _draw_page_form(doc, [f for f in printed if f.static])
    variable = [f for f in printed if not f.static]
    count = 0
    for record in records:
        canvas.saveState()
        canvas.translate(offsets[0] * mm, -offsets[1] * mm)
        canvas.doForm(f"{prefix}page")
        for item in variable:
            _draw_field(doc, item, record)
        canvas.restoreState()
        canvas.showPage()
        count += 1
        if on_page is not None:
            on_page(count)
    return count
