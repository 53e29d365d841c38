"""A reportlab canvas whose pages go to the file as they are finished.

reportlab keeps every page — its content stream and page dictionary — in memory until
`save()` and then builds the whole file as one bytes object, so a 10,000-certificate
batch grows by a few KB a page and peaks at the size of the file. `streaming_canvas`
gives the canvas a document that writes each page's objects the moment `showPage()`
hands it over and keeps only a reference to it; what the pages share (fonts, forms,
images, the page tree, the catalogue) is written at `save()` as before. Memory stays
flat whatever the page count.

It relies on three things of reportlab's `PDFDocument` (checked by the tests in
tests/unit/pdf/test_stream.py against the installed version): objects get their
numbers from `Reference()`, `addPage()` is the last thing `showPage()` does, and the
final pass writes objects in number order and then the cross-reference table.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import (
    PDFCrossReferenceTable,
    PDFIndirectObject,
    PDFName,
    PDFObjectReference,
    PDFStream,
    PDFTrailer,
    pdfdocEnc,
)
from reportlab.pdfgen.canvas import Canvas

_MIN_VERSION = (1, 4)  # transparency (the seal's multiply blend) needs 1.4


@contextmanager
def binary_streams() -> Iterator[None]:
    """Streams written as plain Flate, not Flate wrapped in ASCII85 (reportlab's default):
    a fifth smaller, and the pure-Python ASCII85 encoder was 40 % of a batch's time."""
    before = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = before


class _FileWriter:
    """Writes to the output and knows the offset of what it writes (for the xref)."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.offset = 0

    def add(self, data: str | bytes) -> int:
        encoded = pdfdocEnc(data)
        at = self.offset
        self.out.write(encoded)
        self.offset += len(encoded)
        return at


class StreamingDocument(pdfdoc.PDFDocument):  # type: ignore[misc]
    """A `PDFDocument` that writes pages as they come (see the module docstring).

    Made from the canvas's own document by `streaming_canvas` (its class is swapped,
    its state kept), so every reportlab feature the canvas uses keeps working."""

    _writer: _FileWriter | None
    _output: IO[bytes] | None
    _owns_output: bool
    _written: set[str]
    _header_version: tuple[int, int]

    def start_streaming(self, target: str | IO[bytes]) -> None:
        if isinstance(target, str):
            self._output, self._owns_output = open(target, "wb"), True  # noqa: SIM115
        else:
            self._output, self._owns_output = target, False
        self._writer = None
        self._written = set()
        self.Reference(self.Pages)  # numbered now: pages written early point to it

    def _file(self) -> _FileWriter:
        if self._writer is None:
            assert self._output is not None
            self._header_version = max(tuple(self._pdfVersion), _MIN_VERSION)
            self._writer = _FileWriter(self._output)
            self._writer.add(
                pdfdocEnc("%PDF-{}.{}".format(*self._header_version))
                + b"\n%\223\214\213\236 ReportLab Generated PDF document (opensource)\n"
            )
        return self._writer

    def addPage(self, page: Any) -> None:
        name = self.thisPageName()
        super().addPage(page)
        self._write_page(name, page)

    def _write_page(self, name: str, page: Any) -> None:
        """Write the page and its content stream now; keep only a reference to it."""
        first_new = self.objectcounter + 1
        try:
            with binary_streams():
                data = PDFIndirectObject(name, page).format(self)
        except KeyError:
            return  # it names something not yet defined: written at save() instead
        writer = self._file()
        self.idToOffset[name] = writer.add(data)
        self._written.add(name)
        for number in range(first_new, self.objectcounter + 1):
            oid = self.numberToId[number]
            obj = self.idToObject[oid]
            if isinstance(obj, PDFStream):  # the page's contents: used by no other page
                with binary_streams():
                    data = PDFIndirectObject(oid, obj).format(self)
                self.idToOffset[oid] = writer.add(data)
                self._written.add(oid)
                self.idToObject[oid] = None
        self.idToObject[name] = None
        self.Pages.pages[-1] = PDFObjectReference(name)

    def SaveToFile(self, filename: Any, canvas: Canvas) -> None:
        if getattr(self, "_savedToFile", False):
            raise RuntimeError("a document can only be saved once")
        self._savedToFile = True
        try:
            with binary_streams():
                self.GetPDFData(canvas)
        finally:
            if self._owns_output and self._output is not None:
                self._output.close()

    def format(self) -> bytes:
        """Write what is not written yet, then the xref table and the trailer."""
        self.encrypt.prepare(self)
        catalog, info = self.Catalog, self.info
        self.Reference(catalog)
        self.Reference(info)
        writer = self._file()
        if tuple(self._pdfVersion) > self._header_version:
            catalog.Version = PDFName("{}.{}".format(*self._pdfVersion))
        number = 0
        while (number := number + 1) in self.numberToId:
            oid = self.numberToId[number]
            if oid not in self._written:
                obj = self.idToObject[oid]
                self.idToOffset[oid] = writer.add(PDFIndirectObject(oid, obj).format(self))
        ids = [self.numberToId[n] for n in range(1, number)]
        xref = PDFCrossReferenceTable()
        xref.addsection(0, ids)
        start = writer.add(xref.format(self))
        trailer = PDFTrailer(
            startxref=start,
            Size=len(ids) + 1,
            Root=self.Reference(catalog),
            Info=self.Reference(info),
            Encrypt=None,
            ID=self.ID(),
        )
        writer.add(trailer.format(self))
        return b""


def streaming_canvas(target: str | IO[bytes], **options: Any) -> Canvas:
    """A reportlab `Canvas` writing to `target` (a path or a binary file) page by page."""
    canvas = Canvas(target, **options)
    document = canvas._doc
    document.__class__ = StreamingDocument
    assert isinstance(document, StreamingDocument)
    document.start_streaming(target)
    return canvas


def discard(canvas: Canvas) -> None:
    """Close the output of a canvas that will not be saved (an error, a cancel); the
    caller removes the partial file."""
    document = canvas._doc
    if isinstance(document, StreamingDocument) and document._owns_output:
        assert document._output is not None
        document._output.close()
