"""The calibration page for pre-printed paper (套打): mm rulers and crosshairs.

Printed with the printer's current offsets on the booklet's paper size, it lets staff
measure where the printer really puts things: for each crosshair, new offset =
current offset + (labelled − measured), in mm, right and down positive.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from skillsapp.domain.cert_layout import Layout
from skillsapp.pdf.cert_render import Offsets, page_size
from skillsapp.pdf.certificates import new_canvas, save
from skillsapp.pdf.fonts import FontChain, kai_chain

LABELS: dict[str, str] = {
    "title": "套打校准页（{width:g} × {height:g} 毫米）",
    "offsets": "本页按当前偏移打印：横向 {dx:+.1f} 毫米，纵向 {dy:+.1f} 毫米",
    "step1": "1. 用直尺量出每个十字中心到纸张左边缘（X）和上边缘（Y）的距离。",
    "step2": "2. 新偏移 = 当前偏移 +（标注值 − 实测值），向右、向下为正。",
    "step3": "3. 标尺刻度从纸边起算，可直接核对打印机的送纸误差。",
    "mark": "X {x:g}  Y {y:g}",
}
CROSS_INSET_MM = 30


def _ruler_ticks(
    canvas: Canvas, chain: FontChain, length_mm: int, *, along_top: bool, height: float
) -> None:
    for pos in range(0, length_mm + 1):
        tick = 6 if pos % 10 == 0 else 4 if pos % 5 == 0 else 2
        if along_top:
            canvas.line(pos * mm, height, pos * mm, height - tick * mm)
        else:
            canvas.line(0, height - pos * mm, tick * mm, height - pos * mm)
        if pos % 10 == 0 and pos > (0 if along_top else 10):
            x, y = (pos * mm, height - 9 * mm) if along_top else (7 * mm, height - pos * mm - 1)
            chain.draw(canvas, x, y, str(pos), size=6, align="center" if along_top else "left")


def _crosshair(canvas: Canvas, chain: FontChain, x_mm: float, y_mm: float, height: float) -> None:
    x, y = x_mm * mm, height - y_mm * mm
    canvas.line(x - 8 * mm, y, x + 8 * mm, y)
    canvas.line(x, y - 8 * mm, x, y + 8 * mm)
    canvas.circle(x, y, 4 * mm, stroke=1, fill=0)
    text = LABELS["mark"].format(x=x_mm, y=y_mm)
    chain.draw(canvas, x + 5 * mm, y + 5 * mm, text, size=8)


def crosshair_points(layout: Layout) -> list[tuple[float, float]]:
    """Where the crosshairs are, in mm from the page's left and top edges."""
    width, height = layout.page_mm
    inset = CROSS_INSET_MM
    return [
        (inset, inset),
        (width - inset, inset),
        (width / 2, height / 2),
        (inset, height - inset),
        (width - inset, height - inset),
    ]


def calibration_pdf(
    layout: Layout, offsets: Offsets = (0.0, 0.0), labels: Mapping[str, str] | None = None
) -> bytes:
    """One page the size of `layout`'s paper, drawn shifted by `offsets` like a booklet."""
    texts = {**LABELS, **(labels or {})}
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, layout, title=texts["title"])
    chain = kai_chain()
    width_mm, height_mm = layout.page_mm
    width, height = page_size(layout)
    canvas.translate(offsets[0] * mm, -offsets[1] * mm)
    canvas.setLineWidth(0.3)
    _ruler_ticks(canvas, chain, int(width_mm), along_top=True, height=height)
    _ruler_ticks(canvas, chain, int(height_mm), along_top=False, height=height)
    canvas.setLineWidth(0.25)
    for x_mm, y_mm in crosshair_points(layout):
        _crosshair(canvas, chain, x_mm, y_mm, height)
    lines = [
        texts["title"].format(width=width_mm, height=height_mm),
        texts["offsets"].format(dx=offsets[0], dy=offsets[1]),
        texts["step1"],
        texts["step2"],
        texts["step3"],
    ]
    top = height / 2 - 22 * mm
    for index, line in enumerate(lines):
        size = 13 if index == 0 else 9.5
        chain.draw(canvas, width / 2, top - index * 6 * mm, line, size=size, align="center")
    canvas.showPage()
    save(canvas)
    return buffer.getvalue()
