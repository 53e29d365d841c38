"""Sample layouts and records shared by the certificate PDF tests (no tests of their own)."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from skillsapp.domain.cert_layout import Layout, layout_from_dict
from skillsapp.paths import resource

AWARD = "award_a4_landscape"
HONOUR = "honour_a4_portrait"
PARTICIPATION = "participation_a4_landscape"
BOOKLET = "booklet_b5_landscape"
RARE_NAMES = ("王䶮", "李堃", "张喆")
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "certificates"


def builtin(stem: str) -> Layout:
    doc = json.loads(resource("templates", f"{stem}.json").read_text("utf-8"))
    return layout_from_dict(doc["layout"])


def record(serial: str = "2025JZ0001", name: str = "王䶮", **overrides: str) -> dict[str, str]:
    """What the register stores for a certificate, with a fixed QR payload."""
    signature = base64.urlsafe_b64encode(bytes(range(64))).decode("ascii").rstrip("=")
    values = {
        "name": name,
        "unit": "焦作煤业集团赵固二矿机电工区",
        "competition": "2025年焦作市职工技术运动会",
        "event": "焊工",
        "award": "一等奖",
        "title": "焦作市技术能手",
        "rank": "1",
        "date_cn": "二〇二五年十月",
        "serial": serial,
        "issuer": "焦作市总工会",
        "qr": f"SKC1:{serial}:{signature}",
    }
    values.update(overrides)
    return values


def rasterise(pdf: Path, dpi: int = 50) -> Path:
    """The first page as PNG, by poppler's pdftoppm (skips the test without it)."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    stem = pdf.with_suffix("")
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            str(dpi),
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(stem),
        ],
        check=True,
    )
    return stem.with_suffix(".png")


def write_reference() -> Path:
    """Render the reference PNG again (after an intended layout change; then look at it):
    `python -m tests.unit.pdf.test_cert_samples`."""
    from skillsapp.pdf.certificates import render_pdf

    FIXTURES.mkdir(parents=True, exist_ok=True)
    pdf = FIXTURES / "award_reference.pdf"
    pdf.write_bytes(render_pdf(builtin(AWARD), [record()]))
    png = rasterise(pdf)
    pdf.unlink()
    return png


if __name__ == "__main__":
    print(write_reference())
