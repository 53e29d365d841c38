"""Drawn artwork of certificates: the page border and the issuing body's red seal.

Both are drawn once per document into a PDF Form XObject (`beginForm`/`endForm`) and
placed on each page with `doForm`, so a thousand pages share one copy.
"""

from __future__ import annotations

import io
import math
from functools import cache

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from skillsapp.domain.cert_layout import Background
from skillsapp.pdf.fonts import FontChain


@cache
def colour(hex_text: str) -> Color:
    return HexColor(hex_text)


def draw_border(canvas: Canvas, width: float, height: float, background: Background) -> None:
    """The frame of a full-design certificate, in `background.style`."""
    canvas.addLiteral(_border_operators(width, height, background))


@cache
def _border_operators(width: float, height: float, background: Background) -> str:
    """The border's PDF operators, made once: one-certificate files each draw it."""
    scratch = Canvas(io.BytesIO(), pagesize=(width, height))
    _draw_border(scratch, width, height, background)
    return "\n".join(scratch._code)  # the operators reportlab collected for the page


def _draw_border(canvas: Canvas, width: float, height: float, background: Background) -> None:
    canvas.saveState()
    if background.style == "simple":
        _frame(canvas, width, height, 10 * mm, 1.6, background.colour)
        _frame(canvas, width, height, 12 * mm, 0.6, background.colour)
    else:
        _band(canvas, width, height, 7 * mm, 4 * mm, background.colour)
        _frame(canvas, width, height, 12.5 * mm, 0.9, background.accent)
        _frame(canvas, width, height, 13.6 * mm, 0.4, background.accent)
        for corner in _corners(width, height, 15 * mm):
            _key_corner(canvas, *corner, 11 * mm, background.accent)
    canvas.restoreState()


def _frame(
    canvas: Canvas, width: float, height: float, inset: float, line: float, hex_text: str
) -> None:
    canvas.setStrokeColor(colour(hex_text))
    canvas.setLineWidth(line)
    canvas.rect(inset, inset, width - 2 * inset, height - 2 * inset, stroke=1, fill=0)


def _band(
    canvas: Canvas, width: float, height: float, inset: float, thick: float, hex_text: str
) -> None:
    """A solid frame `thick` wide whose outer edge is `inset` from the paper's edge."""
    canvas.setFillColor(colour(hex_text))
    path = canvas.beginPath()
    path.rect(inset, inset, width - 2 * inset, height - 2 * inset)
    inner = inset + thick
    path.rect(inner, inner, width - 2 * inner, height - 2 * inner)
    canvas.drawPath(path, stroke=0, fill=1, fillMode=0)  # even-odd: the band only


def _corners(width: float, height: float, inset: float) -> list[tuple[float, float, int, int]]:
    """Each corner point with the directions (x, y) pointing into the page."""
    return [
        (inset, inset, 1, 1),
        (width - inset, inset, -1, 1),
        (inset, height - inset, 1, -1),
        (width - inset, height - inset, -1, -1),
    ]


def _key_corner(
    canvas: Canvas, x: float, y: float, sx: int, sy: int, size: float, hex_text: str
) -> None:
    """回纹: a square key meander in one corner, opening along both edges."""
    unit = size / 5
    points = [
        (0, 5),
        (0, 0),
        (5, 0),
        (5, 1),
        (1, 1),
        (1, 4),
        (4, 4),
        (4, 2),
        (2, 2),
        (2, 3),
        (3, 3),
    ]
    canvas.setStrokeColor(colour(hex_text))
    canvas.setLineWidth(0.9)
    path = canvas.beginPath()
    path.moveTo(x + sx * points[0][0] * unit, y + sy * points[0][1] * unit)
    for px, py in points[1:]:
        path.lineTo(x + sx * px * unit, y + sy * py * unit)
    canvas.drawPath(path, stroke=1, fill=0)


def _star(canvas: Canvas, radius: float) -> None:
    """A filled five-pointed star centred on the origin, one point up."""
    path = canvas.beginPath()
    for index in range(10):
        angle = math.pi / 2 + index * math.pi / 5
        r = radius if index % 2 == 0 else radius * 0.382
        point = (r * math.cos(angle), r * math.sin(angle))
        if index == 0:
            path.moveTo(*point)
        else:
            path.lineTo(*point)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)


def draw_seal(canvas: Canvas, chain: FontChain, text: str, diameter: float, hex_text: str) -> None:
    """A round seal centred on the origin: ring, star, and `text` along the upper arc,
    each character upright towards the rim (as on a union's 公章)."""
    radius = diameter / 2
    ring = diameter * 0.032
    canvas.saveState()
    canvas.setStrokeColor(colour(hex_text))
    canvas.setFillColor(colour(hex_text))
    canvas.setLineWidth(ring)
    canvas.circle(0, 0, radius - ring / 2, stroke=1, fill=0)
    _star(canvas, diameter * 0.19)
    _arc_text(canvas, chain, text, radius - ring)
    canvas.restoreState()


def _arc_text(canvas: Canvas, chain: FontChain, text: str, inner: float) -> None:
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return
    span = math.radians(min(250.0, 40.0 + 20.0 * len(chars)))
    size = min(inner * 0.36, 0.88 * span * inner * 0.72 / len(chars))
    track = inner - size * 0.62 - inner * 0.06  # the radius of the characters' middles
    step = span / len(chars)
    start = math.pi / 2 + span / 2 - step / 2
    obj = canvas.beginText()
    for index, char in enumerate(chars):
        angle = start - index * step
        font = chain.font_for(char)
        advance = pdfmetrics.stringWidth(char, font, size)
        # upright towards the rim: rotated by angle − 90°, centred on the track
        cos, sin = math.sin(angle), -math.cos(angle)
        x = track * math.cos(angle) - cos * advance / 2 + sin * size * 0.38
        y = track * math.sin(angle) - sin * advance / 2 - cos * size * 0.38
        obj.setFont(font, size)
        obj.setTextTransform(cos, sin, -sin, cos, x, y)
        obj.textOut(char)
    canvas.drawText(obj)
