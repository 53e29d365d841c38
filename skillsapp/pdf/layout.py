"""The A4 page frame shared by every form: header, footer, page numbers and sections.

A document is a list of sections (one event, one unit, one contestant's sheet …);
each starts on a new page, may be portrait or landscape, and numbers its own pages
("第 1 页 / 共 3 页"), so a stack printed for one event can be handed out alone.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from skillsapp.pdf.fonts import FontChain, default_chain

MARGIN_X: float = 15 * mm
MARGIN_TOP: float = 20 * mm
MARGIN_BOTTOM: float = 16 * mm
SIGNATURE_SPACE: float = 14 * mm  # kept free above the footer for the signature line
HEADER_SIZE = 9.0
FOOTER_SIZE = 8.5
SIGNATURE_SIZE = 11.0
RULE_WIDTH = 0.6


@dataclass(frozen=True)
class PageFrame:
    """What every page shows: the competition in the header, a date in the footer."""

    header: str
    footer: str = ""
    page_label: str = "第 {page} 页 / 共 {pages} 页"


@dataclass(frozen=True)
class Section:
    """A run of pages numbered on their own; `signature` is printed on each of them."""

    key: str
    running_head: str
    signature: str = ""
    landscape: bool = False


def _template_name(*, is_landscape: bool, signed: bool) -> str:
    return ("landscape" if is_landscape else "portrait") + ("_signed" if signed else "")


def _template_id(section: Section) -> str:
    return _template_name(is_landscape=section.landscape, signed=bool(section.signature))


def _page_size(is_landscape: bool) -> tuple[float, float]:
    size: tuple[float, float] = landscape(A4) if is_landscape else A4
    return size


def _templates() -> list[PageTemplate]:
    templates = []
    for is_landscape in (False, True):
        width, height = _page_size(is_landscape)
        for signed in (False, True):
            bottom = MARGIN_BOTTOM + (SIGNATURE_SPACE if signed else 0)
            frame = Frame(
                MARGIN_X,
                bottom,
                width - 2 * MARGIN_X,
                height - MARGIN_TOP - bottom,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
            )
            name = _template_name(is_landscape=is_landscape, signed=signed)
            templates.append(
                PageTemplate(id=name, frames=[frame], pagesize=(width, height), onPageEnd=_decorate)
            )
    return templates


def frame_width(section: Section) -> float:
    """The width the section's content may use."""
    return _page_size(section.landscape)[0] - 2 * MARGIN_X


class _SectionMark(Flowable):  # type: ignore[misc]
    """Zero-size marker: from here on the canvas belongs to `section`."""

    def __init__(self, section: Section) -> None:
        super().__init__()
        self.section = section
        self.width = self.height = 0

    def wrap(self, *_args: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        self.canv.skills_section = self.section


def _decorate(canvas: Any, doc: Any) -> None:
    """Header, rule, footer and signature line of the page just laid out."""
    chain: FontChain = canvas.skills_chain
    frame: PageFrame = canvas.skills_frame
    section: Section | None = getattr(canvas, "skills_section", None)
    width, height = canvas._pagesize
    top = height - 12 * mm
    canvas.saveState()
    header = fit(chain, frame.header, HEADER_SIZE, (width - 2 * MARGIN_X) * 0.6)
    chain.draw(canvas, MARGIN_X, top, header, size=HEADER_SIZE)
    if section is not None:
        room = width - 2 * MARGIN_X - chain.width(header, HEADER_SIZE) - 10 * mm
        head = fit(chain, section.running_head, HEADER_SIZE, room)
        chain.draw(canvas, width - MARGIN_X, top, head, size=HEADER_SIZE, align="right")
    canvas.setLineWidth(RULE_WIDTH)
    canvas.line(MARGIN_X, top - 2.5 * mm, width - MARGIN_X, top - 2.5 * mm)
    chain.draw(canvas, MARGIN_X, 9 * mm, frame.footer, size=FOOTER_SIZE)
    if section is not None and section.signature:
        chain.draw(canvas, MARGIN_X, MARGIN_BOTTOM + 4 * mm, section.signature, size=SIGNATURE_SIZE)
    canvas.restoreState()


def fit(chain: FontChain, text: str, size: float, width: float) -> str:
    """`text`, shortened with "…" when it is wider than `width`."""
    if chain.width(text, size) <= width:
        return text
    while text and chain.width(text + "…", size) > width:
        text = text[:-1]
    return text + "…" if text else ""


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Keeps every page until the end, then writes "page n of m" per section."""

    def __init__(self, *args: Any, frame: PageFrame, chain: FontChain, **kwargs: Any) -> None:
        kwargs["initialFontName"] = chain.main  # no unused Helvetica in the font list
        super().__init__(*args, **kwargs)
        self.skills_frame = frame
        self.skills_chain = chain
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        totals = Counter(_section_key(page) for page in self._pages)
        seen: Counter[str] = Counter()
        for page in self._pages:
            self.__dict__.update(page)
            key = _section_key(page)
            seen[key] += 1
            self._draw_page_number(seen[key], totals[key])
            super().showPage()
        super().save()

    def _draw_page_number(self, number: int, total: int) -> None:
        label = self.skills_frame.page_label.format(page=number, pages=total)
        width = self._pagesize[0]
        self.skills_chain.draw(
            self, width - MARGIN_X, 9 * mm, label, size=FOOTER_SIZE, align="right"
        )


def _section_key(page: dict[str, Any]) -> str:
    section: Section | None = page.get("skills_section")
    return section.key if section else ""


class PdfDocument:
    """Collects sections of flowables and renders them to PDF bytes."""

    def __init__(self, frame: PageFrame, *, title: str = "", chain: FontChain | None = None):
        self.frame = frame
        self.title = title or frame.header
        self.chain = chain or default_chain()
        self._story: list[Flowable] = []
        self._first: Section | None = None

    def section(self, section: Section) -> None:
        """Start `section` on a new page."""
        if self._first is None:
            self._first = section
        else:
            self._story += [NextPageTemplate(_template_id(section)), PageBreak()]
        self._story.append(_SectionMark(section))

    def add(self, *flowables: Flowable) -> None:
        self._story.extend(flowables)

    def build(self) -> bytes:
        if self._first is None:
            raise ValueError("a document needs at least one section")
        buffer = io.BytesIO()
        templates = _templates()
        first = _template_id(self._first)
        templates.sort(key=lambda t: t.id != first)  # the first page uses templates[0]
        doc = BaseDocTemplate(
            buffer,
            pagesize=_page_size(self._first.landscape),
            pageTemplates=templates,
            title=self.title,
            creator="SkillsApp",
        )

        def canvasmaker(*args: Any, **kwargs: Any) -> _NumberedCanvas:
            return _NumberedCanvas(*args, frame=self.frame, chain=self.chain, **kwargs)

        doc.build(list(self._story), canvasmaker=canvasmaker)
        return buffer.getvalue()
