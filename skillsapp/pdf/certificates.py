"""Certificate PDFs: one print-ready file of many certificates, or one file each.

Records are `Mapping[str, str]` keyed by the layout's bindings (`name`, `unit`, …,
`serial`) plus `qr`, the verification payload drawn as the QR code. Every font is
embedded as a subset; each page goes to the file as soon as it is drawn (see
pdf/stream.py), from records that may be a generator, so memory stays flat however
long the batch.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import IO

from reportlab.pdfgen.canvas import Canvas

from skillsapp.domain.cert_layout import Layout
from skillsapp.pdf.cert_render import Offsets, page_size, render_pages
from skillsapp.pdf.cert_text import FontBook
from skillsapp.pdf.fonts import KAI, register
from skillsapp.pdf.stream import binary_streams, discard, streaming_canvas

__all__ = [
    "FontBook",
    "default_fonts",
    "discard",
    "new_canvas",
    "render_pages",
    "render_pdf",
    "save",
    "write_each",
    "write_pdf",
]

_default_fonts: FontBook | None = None


def default_fonts() -> FontBook:
    """The built-in families, shared so their measurements are cached across documents."""
    global _default_fonts
    if _default_fonts is None:
        _default_fonts = FontBook()
    return _default_fonts


def save(canvas: Canvas) -> None:
    """Finish and write the canvas's PDF."""
    with binary_streams():
        canvas.save()


def new_canvas(target: str | IO[bytes], layout: Layout, *, title: str = "") -> Canvas:
    """A canvas of the layout's page size that writes compressed, reproducible PDF, each
    page to `target` as it is finished (`save` or `discard` it when done)."""
    canvas = streaming_canvas(
        target,
        pagesize=page_size(layout),
        pageCompression=1,
        invariant=1,
        initialFontName=register(KAI),  # no unused Helvetica in the font list
        initialFontSize=12,
    )
    canvas.setTitle(title)
    canvas.setCreator("SkillsApp")
    return canvas


def write_pdf(
    target: str | Path | IO[bytes],
    layout: Layout,
    records: Iterable[Mapping[str, str]],
    *,
    images: Mapping[str, bytes] | None = None,
    fonts: FontBook | None = None,
    offsets: Offsets = (0.0, 0.0),
    booklet: bool = False,
    title: str = "",
    on_page: Callable[[int], None] | None = None,
) -> int:
    """Write every record as a page of one PDF to `target`; return the page count."""
    canvas = new_canvas(str(target) if isinstance(target, Path) else target, layout, title=title)
    try:
        count = render_pages(
            canvas,
            layout,
            records,
            images or {},
            fonts or default_fonts(),
            offsets,
            booklet=booklet,
            on_page=on_page,
        )
    except BaseException:
        discard(canvas)
        raise
    save(canvas)
    return count


def render_pdf(
    layout: Layout,
    records: Iterable[Mapping[str, str]],
    *,
    images: Mapping[str, bytes] | None = None,
    fonts: FontBook | None = None,
    offsets: Offsets = (0.0, 0.0),
    booklet: bool = False,
    title: str = "",
) -> bytes:
    """Every record as a page of one PDF, as bytes (previews, tests, small batches)."""
    buffer = io.BytesIO()
    write_pdf(
        buffer,
        layout,
        records,
        images=images,
        fonts=fonts,
        offsets=offsets,
        booklet=booklet,
        title=title,
    )
    return buffer.getvalue()


def write_each(
    folder: Path,
    layout: Layout,
    records: Iterable[tuple[str, Mapping[str, str]]],
    *,
    images: Mapping[str, bytes] | None = None,
    fonts: FontBook | None = None,
    offsets: Offsets = (0.0, 0.0),
    booklet: bool = False,
    on_page: Callable[[int], None] | None = None,
) -> list[Path]:
    """One single-page PDF per (file name, record) in `folder`; the paths written."""
    fonts = fonts or default_fonts()
    written = []
    for count, (filename, record) in enumerate(records, start=1):
        path = folder / filename
        write_pdf(
            path,
            layout,
            [record],
            images=images,
            fonts=fonts,
            offsets=offsets,
            booklet=booklet,
            title=record.get("name", ""),
        )
        written.append(path)
        if on_page is not None:
            on_page(count)
    return written
