"""Fitting a certificate field's text into its box: shrunk, wrapped, never overflowing.

Widths are linear in the font size (character spacing is scaled with it), so a line's
fitting size is one division; a wrapped field's is found by bisection. Chinese breaks
between any two characters except that closing punctuation never starts a line and
opening punctuation never ends one; runs of Latin letters and digits, short values
(一等奖) and the last few characters before a punctuation mark stay together.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError

from skillsapp.pdf.fonts import SANS, FontChain, kai_chain, register, register_file

EM_BOX = 1.0  # a line's height in font sizes (CJK glyphs sit inside the em box)
ASCENT = 0.88  # the em box's top above the baseline, in font sizes
SAFETY = 0.998  # PDF viewers round glyph widths to 1/1000 em; keep clear of the edge
_MIN_SIZE = 0.5
JOINER = "\u2060"  # WORD JOINER: no line break between the characters it joins
_KEEP_MAX = 8  # longer values may break like any text
_TOKEN = re.compile(
    r"[“‘（《「『【(\[]*"  # opening punctuation sticks to what follows
    r"(?:(?:.\u2060)+."  # characters joined by WORD JOINERs (a short value)
    r"|[\u3400-\u9fff]{2,4}(?=[，。、；：！？…])"  # a short clause end: 特发此证，以资鼓励。
    r"|[A-Za-z0-9]+(?:[.:/-][A-Za-z0-9]+)*"  # a Latin word or a number
    r"|.)"  # or one character
    r"[”’）》」』】)\]，。、；：？！…,.;:?!%·]*",  # closing punctuation sticks to what precedes
    re.DOTALL,
)


class FontUnusable(ValueError):
    """A font file reportlab cannot embed (not TrueType outlines, or not a font)."""


@dataclass(frozen=True)
class Line:
    text: str
    width: float  # drawn width in points: advances plus spacing between characters
    char_space: float  # extra points after each character


@dataclass(frozen=True)
class Fitted:
    size: float
    lines: tuple[Line, ...]
    pitch: float  # baseline to baseline, points

    @property
    def height(self) -> float:
        return self.size * EM_BOX + (len(self.lines) - 1) * self.pitch


def keep_together(value: str) -> str:
    """A short value (一等奖, 焦作市技术能手) marked so that wrapping never splits it."""
    if 1 < len(value) <= _KEEP_MAX and not any(c.isspace() for c in value):
        return JOINER.join(value)
    return value


class TextSetter:
    """Measures text in one font chain, caching each character's font and advance."""

    def __init__(self, chain: FontChain) -> None:
        self.chain = chain
        self._glyphs: dict[str, tuple[str, float]] = {}

    def glyph(self, char: str) -> tuple[str, float]:
        """The font that draws `char` and its advance at 1 pt."""
        found = self._glyphs.get(char)
        if found is None:
            font = self.chain.font_for(char)
            found = self._glyphs[char] = (font, pdfmetrics.stringWidth(char, font, 1.0))
        return found

    def advance(self, text: str) -> float:
        glyph = self.glyph
        return sum(glyph(c)[1] for c in text)

    def runs(self, text: str) -> list[tuple[str, str]]:
        """`text` cut into (font, characters) runs."""
        runs: list[tuple[str, str]] = []
        start = 0
        current = ""
        for index, char in enumerate(text):
            font = self.glyph(char)[0]
            if font != current and index > start:
                runs.append((current, text[start:index]))
                start = index
            current = font
        if start < len(text):
            runs.append((current, text[start:]))
        return runs

    def width(self, text: str, size: float, char_space: float = 0.0) -> float:
        """Drawn width: advances plus the spacing between (not after) characters."""
        return self.advance(text) * size + max(len(text) - 1, 0) * char_space


def fit_line(
    setter: TextSetter,
    text: str,
    box: tuple[float, float],
    size: float,
    spacing: float,
    *,
    justify: bool = False,
) -> Fitted:
    """One line: the largest size up to `size` whose width and height fit `box` (pt)."""
    width, height = box
    gaps = max(len(text) - 1, 0)
    per_point = setter.advance(text) + gaps * spacing / size
    fitted = min(size, height / EM_BOX)
    if per_point > 0:
        fitted = min(fitted, width * SAFETY / per_point)
    char_space = spacing * fitted / size
    drawn = setter.width(text, fitted, char_space)
    if justify and gaps:
        char_space += (width * SAFETY - drawn) / gaps
        drawn = setter.width(text, fitted, char_space)
    return Fitted(fitted, (Line(text, drawn, char_space),), 0.0)


def wrap(setter: TextSetter, text: str, width: float, size: float, char_space: float) -> list[str]:
    """`text` broken into lines no wider than `width` at `size` (explicit \\n kept)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for token in _TOKEN.findall(paragraph):
            token = token.replace(JOINER, "")
            candidate = line + token
            if not line or setter.width(candidate, size, char_space) <= width:
                line = candidate
                continue
            lines.append(line.rstrip())
            line = token.lstrip()
        lines.extend(_split_long(setter, line, width, size, char_space))
    return lines


def _split_long(
    setter: TextSetter, line: str, width: float, size: float, char_space: float
) -> list[str]:
    """A line still too wide (one long token) cut between characters."""
    out: list[str] = []
    while len(line) > 1 and setter.width(line, size, char_space) > width:
        cut = len(line) - 1
        while cut > 1 and setter.width(line[:cut], size, char_space) > width:
            cut -= 1
        out.append(line[:cut])
        line = line[cut:]
    return [*out, line]


def _lines_at(
    setter: TextSetter,
    text: str,
    box: tuple[float, float],
    size: float,
    spacing_ratio: float,
    leading: float,
    justify: bool,
) -> Fitted | None:
    width, height = box
    char_space = spacing_ratio * size
    texts = wrap(setter, text, width * SAFETY, size, char_space)
    fitted = Fitted(
        size,
        tuple(Line(t, setter.width(t, size, char_space), char_space) for t in texts),
        size * leading,
    )
    if fitted.height > height or any(line.width > width * SAFETY for line in fitted.lines):
        return None
    if justify:
        fitted = _justified(setter, fitted, width * SAFETY)
    return fitted


def _justified(setter: TextSetter, fitted: Fitted, width: float) -> Fitted:
    """Every line but each paragraph's last spread to the full width."""
    lines = list(fitted.lines)
    for index, line in enumerate(lines[:-1]):
        gaps = len(line.text) - 1
        if gaps > 0:
            space = line.char_space + (width - line.width) / gaps
            lines[index] = Line(line.text, setter.width(line.text, fitted.size, space), space)
    return Fitted(fitted.size, tuple(lines), fitted.pitch)


def fit_lines(
    setter: TextSetter,
    text: str,
    box: tuple[float, float],
    size: float,
    spacing: float,
    leading: float,
    *,
    justify: bool = False,
) -> Fitted:
    """Wrapped lines at the largest size up to `size` (to 0.05 pt) that fits `box` (pt)."""
    ratio = spacing / size
    best = _lines_at(setter, text, box, size, ratio, leading, justify)
    if best is not None:
        return best
    low, high = _MIN_SIZE, size
    while high - low > 0.05:
        middle = (low + high) / 2
        found = _lines_at(setter, text, box, middle, ratio, leading, justify)
        if found is None:
            high = middle
        else:
            low, best = middle, found
    return best or fit_line(setter, text, box, _MIN_SIZE, spacing * _MIN_SIZE / size)


BUILTIN_FAMILIES = ("kai", "sans")


class FontBook:
    """The font families a template may name: "kai" (LXGW WenKai), "sans" (WenQuanYi
    Micro Hei) and any TrueType file given by family name (its bytes). Each family falls
    back glyph by glyph to Kai, then sans, then Droid Sans Fallback."""

    def __init__(self, files: Mapping[str, bytes] | None = None) -> None:
        self._files = dict(files or {})
        self._setters: dict[str, TextSetter] = {}
        # (field, text) → its fitted lines: shared by the documents using this book
        self.fits: dict[tuple[object, str], Fitted] = {}

    def setter(self, family: str) -> TextSetter:
        found = self._setters.get(family)
        if found is None:
            found = self._setters[family] = TextSetter(self._chain(family))
        return found

    def _chain(self, family: str) -> FontChain:
        if family == "sans":
            return kai_chain(register(SANS))
        data = self._files.get(family)
        if data is None:
            return kai_chain()
        return kai_chain(register_user_font(data, family))


def register_user_font(data: bytes, family: str = "") -> str:
    """Register a user's TrueType file by its content; `FontUnusable` if reportlab cannot
    embed it (CFF outlines such as Noto CJK .otf, or not a font at all)."""
    name = "User-" + hashlib.sha256(data).hexdigest()[:12]
    try:
        return register_file(name, data, ascii_readable=False)
    except (TTFError, OSError, ValueError, KeyError, IndexError) as exc:
        raise FontUnusable(family) from exc
