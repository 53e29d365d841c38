"""Reading PDFs back in tests: text, page sizes, and which font drew each character."""

from __future__ import annotations

import io

import pypdf
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics

from skillsapp.pdf.fonts import FONT_FILES, has_glyph, register

A4_PORTRAIT = (round(A4[0]), round(A4[1]))
A4_LANDSCAPE = (round(A4[1]), round(A4[0]))


def reader(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    """Each page's text with line breaks removed (table cells wrap names and units)."""
    return [page.extract_text().replace("\n", "") for page in reader(data).pages]


def text(data: bytes) -> str:
    return "".join(page_texts(data))


def page_sizes(data: bytes) -> list[tuple[int, int]]:
    return [(round(p.mediabox.width), round(p.mediabox.height)) for p in reader(data).pages]


def _postscript_names() -> dict[str, str]:
    """The PostScript name reportlab writes for each of our fonts → our font name."""
    names = {}
    for font in FONT_FILES.values():
        register(font)
        face = pdfmetrics.getFont(font.name).face
        names[face.name.decode("ascii")] = font.name
    return names


def drawn_characters(data: bytes) -> list[tuple[str, str]]:
    """(character, our font name) for every non-blank character drawn in the PDF."""
    fonts = _postscript_names()
    found: list[tuple[str, str]] = []

    def visit(
        text: str, _cm: object, _tm: object, font: dict[str, object] | None, _size: float
    ) -> None:
        if not font or not text.strip():
            return
        base = str(font["/BaseFont"]).lstrip("/").split("+", 1)[-1]
        name = fonts.get(base) or fonts.get(base.rsplit("-", 1)[0], base)
        found.extend((char, name) for char in text if not char.isspace())

    for page in reader(data).pages:
        page.extract_text(visitor_text=visit)
    return found


def notdef_characters(data: bytes) -> set[tuple[str, str]]:
    """Characters drawn with a font that has no glyph for them (they print as boxes)."""
    return {(c, f) for c, f in drawn_characters(data) if f not in FONT_FILES or not has_glyph(f, c)}


def embedded_fonts(data: bytes) -> dict[str, bool]:
    """BaseFont → whether it is embedded as a subset (a "ABCDEF+" prefix and a font file)."""
    result = {}
    for page in reader(data).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            name = str(font["/BaseFont"])
            result[name] = embedded and "+" in name
    return result
