"""Certificate PDFs: one print-ready file of many certificates, or one file each.

Records are `Mapping[str, str]` keyed by the layout's bindings (`name`, `unit`, …,
`serial`) plus `qr`, the verification payload drawn as the QR code. Every font is
embedded as a subset; pages are written as they are drawn (`showPage`), from records
that may be a generator.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from skillsapp.domain.cert_layout import Layout
from skillsapp.pdf.cert_render import Offsets, page_size, render_pages
from skillsapp.pdf.cert_text import FontBook
from skillsapp.pdf.fonts import KAI, register

__all__ = [
    "FontBook",
    "default_fonts",
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


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Streams written as plain Flate, not Flate wrapped in ASCII85 (reportlab's default):
    a fifth smaller, and the pure-Python ASCII85 encoder was 40 % of a batch's time."""
    before = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = before


def save(canvas: Canvas) -> None:
    """Finish and write the canvas's PDF."""
    with _binary_streams():
        canvas.save()


def new_canvas(target: str | IO[bytes], layout: Layout, *, title: str = "") -> Canvas:
    """A canvas of the layout's page size that writes compressed, reproducible PDF."""
    canvas = Canvas(
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
