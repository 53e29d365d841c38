"""Fonts for PDFs: registered once by name, text drawn glyph by glyph with fallbacks.

reportlab embeds TrueType outlines only (as subsets). No single free font carries every
character of Chinese names (WenQuanYi Micro Hei lacks 䶮, Extension A), so text is cut
into runs, each set in the first font of a chain that has the glyph.
"""

from __future__ import annotations

import io
import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from skillsapp.paths import resource

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FontFile:
    """A TrueType font shipped in resources/fonts, known to reportlab by `name`."""

    name: str
    filename: str
    subfont_index: int = 0  # the face inside a .ttc collection
    # reportlab puts ASCII 32–127 into every document's first subset, so that a space is
    # code 32 for word spacing: 96 glyphs embedded and measured for every one-page file
    ascii_readable: bool = True


SANS = FontFile("SkillsSans", "wqy-microhei.ttc")  # 文泉驿微米黑
FALLBACK = FontFile("SkillsFallback", "DroidSansFallbackFull.ttf")  # CJK Extension A
KAI = FontFile("SkillsKai", "LXGWWenKai-Regular.ttf", ascii_readable=False)  # 霞鹜文楷
FONT_FILES: dict[str, FontFile] = {f.name: f for f in (SANS, FALLBACK, KAI)}

_lock = threading.Lock()


def register(font: FontFile) -> str:
    """Register `font` with reportlab (once per process) and return its name."""
    path = resource("fonts", font.filename)
    return register_file(font.name, path, font.subfont_index, ascii_readable=font.ascii_readable)


def register_file(
    name: str, source: Path | bytes, subfont_index: int = 0, *, ascii_readable: bool = True
) -> str:
    """Register a TrueType file (a path or its bytes) as `name`, once per process.

    reportlab raises `TTFError` for a file it cannot embed (CFF/PostScript outlines,
    e.g. Noto CJK OTF, or a font whose licence forbids embedding).
    """
    with _lock:
        if name not in pdfmetrics.getRegisteredFontNames():
            data = io.BytesIO(source) if isinstance(source, bytes) else str(source)
            font = TTFont(name, data, subfontIndex=subfont_index, asciiReadable=ascii_readable)
            _share_glyph_table(font.face)
            pdfmetrics.registerFont(font)
            logger.debug("registered font %s", name)
    return name


class _GlyphTable:
    """The 'glyf' table as slices of the font file, without copying it whole.

    reportlab's `makeSubset` reads `get_table('glyf')` — a copy of the entire table
    (15 MB for LXGW WenKai, 1.2 ms) — for each subset of each document, and only ever
    slices single glyphs out of it. One-certificate PDFs each make a subset.
    """

    def __init__(self, data: bytes, start: int, length: int) -> None:
        self._view = memoryview(data)[start : start + length]

    def __len__(self) -> int:
        return len(self._view)

    def __getitem__(self, index: slice) -> bytes:
        return bytes(self._view[index])


def _share_glyph_table(face: Any) -> None:
    plain = face.get_table

    def get_table(tag: str) -> Any:
        if tag != "glyf":
            return plain(tag)
        start, length = face.get_table_pos(tag)
        return _GlyphTable(face._ttf_data, start, length)

    face.get_table = get_table


@cache
def _glyph_map(font_name: str) -> frozenset[int]:
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)


def has_glyph(font_name: str, char: str) -> bool:
    """Whether the registered TrueType font `font_name` maps `char` to a real glyph."""
    return ord(char) in _glyph_map(font_name)


@dataclass(frozen=True)
class Run:
    """A stretch of text set in one font."""

    font: str
    text: str


@dataclass(frozen=True)
class FontChain:
    """Fonts tried in order for each character; the first one is the main font."""

    names: tuple[str, ...]

    @property
    def main(self) -> str:
        return self.names[0]

    def font_for(self, char: str) -> str:
        """The first font with a glyph for `char`; the main font when none has one."""
        for name in self.names:
            if has_glyph(name, char):
                return name
        return self.main

    def runs(self, text: str) -> list[Run]:
        """`text` cut into runs of consecutive characters set in the same font."""
        return [Run(font, chunk) for font, chunk in self._chunks(text)]

    def _chunks(self, text: str) -> Iterator[tuple[str, str]]:
        start, current = 0, ""
        for index, char in enumerate(text):
            font = self.font_for(char)
            if font != current and index > start:
                yield current, text[start:index]
                start = index
            current = font
        if start < len(text):
            yield current, text[start:]

    def missing(self, text: str) -> str:
        """The characters of `text` that no font of the chain has (they print as boxes)."""
        return "".join(
            c for c in dict.fromkeys(text) if not any(has_glyph(n, c) for n in self.names)
        )

    def covered_by_main(self, text: str) -> bool:
        return all(has_glyph(self.main, char) for char in text)

    def width(self, text: str, size: float) -> float:
        """The advance width of `text` at `size` points."""
        return sum(float(pdfmetrics.stringWidth(r.text, r.font, size)) for r in self.runs(text))

    def markup(self, text: str) -> str:
        """`text` as Paragraph markup: escaped, fallback runs wrapped in <font> tags."""
        parts = []
        for run in self.runs(text):
            chunk = escape(run.text)
            parts.append(
                chunk if run.font == self.main else f'<font face="{run.font}">{chunk}</font>'
            )
        return "".join(parts)

    def draw(
        self, canvas: Canvas, x: float, y: float, text: str, *, size: float, align: str = "left"
    ) -> None:
        """Draw one line of `text` with its baseline at `y`, aligned on `x`."""
        if align == "center":
            x -= self.width(text, size) / 2
        elif align == "right":
            x -= self.width(text, size)
        for run in self.runs(text):
            canvas.setFont(run.font, size)
            canvas.drawString(x, y, run.text)
            x += pdfmetrics.stringWidth(run.text, run.font, size)


def default_chain() -> FontChain:
    """The sans chain every form uses: WenQuanYi Micro Hei, then Droid Sans Fallback."""
    return FontChain((register(SANS), register(FALLBACK)))


def kai_chain(*first: str) -> FontChain:
    """Certificates: the fonts `first` (registered names), then LXGW WenKai (Kai style,
    with CJK Extension A), then the sans chain for anything still missing."""
    names = (*first, register(KAI), register(SANS), register(FALLBACK))
    return FontChain(tuple(dict.fromkeys(names)))
