"""Pages written as they are finished: the file grows while drawing, the result is a
valid PDF, and a cancelled document leaves its file closed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from reportlab.lib.pagesizes import A4

from skillsapp.pdf.fonts import KAI, register
from skillsapp.pdf.stream import discard, streaming_canvas


def _page(canvas, text: str) -> None:
    canvas.setFont(register(KAI), 18)
    canvas.drawString(72, 700, text)
    canvas.showPage()


def test_pages_reach_the_file_before_it_is_saved(tmp_path: Path) -> None:
    path = tmp_path / "pages.pdf"
    canvas = streaming_canvas(str(path), pagesize=A4, pageCompression=1)
    _page(canvas, "第1页")
    canvas._doc._output.flush()
    after_one = path.stat().st_size
    for n in range(2, 41):
        _page(canvas, f"第{n}页")
    canvas._doc._output.flush()
    assert path.stat().st_size > after_one > 0
    canvas.save()
    reader = pypdf.PdfReader(path, strict=True)
    assert len(reader.pages) == 40
    assert [p.extract_text().strip() for p in reader.pages[:3]] == ["第1页", "第2页", "第3页"]
    assert reader.pages[39].extract_text().strip() == "第40页"


def test_a_page_naming_a_form_defined_later_is_written_at_save(tmp_path: Path) -> None:
    path = tmp_path / "forms.pdf"
    canvas = streaming_canvas(str(path), pagesize=A4)
    canvas.doForm("stamp")  # not defined yet: this page waits for save()
    _page(canvas, "甲")
    canvas.beginForm("stamp")
    canvas.setFont(register(KAI), 30)
    canvas.drawString(100, 100, "印")
    canvas.endForm()
    canvas.doForm("stamp")
    _page(canvas, "乙")
    canvas.save()
    reader = pypdf.PdfReader(path, strict=True)
    texts = [page.extract_text() for page in reader.pages]
    assert all("印" in text for text in texts)
    assert "甲" in texts[0] and "乙" in texts[1]


def test_a_discarded_canvas_closes_its_file(tmp_path: Path) -> None:
    path = tmp_path / "cancelled.pdf"
    canvas = streaming_canvas(str(path), pagesize=A4)
    _page(canvas, "一半")
    discard(canvas)
    assert canvas._doc._output.closed
    path.unlink()  # a closed file can be removed on every system
    assert not path.exists()


def test_a_binary_target_is_written_and_left_open(tmp_path: Path) -> None:
    path = tmp_path / "target.pdf"
    with path.open("wb") as out:
        canvas = streaming_canvas(out, pagesize=A4)
        _page(canvas, "证书")
        canvas.save()
        assert not out.closed
    assert pypdf.PdfReader(path, strict=True).pages[0].extract_text().strip() == "证书"


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
def test_qpdf_finds_no_structural_error(tmp_path: Path) -> None:
    path = tmp_path / "checked.pdf"
    canvas = streaming_canvas(str(path), pagesize=A4, pageCompression=1)
    for n in range(5):
        _page(canvas, f"第{n}页")
    canvas.save()
    check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
