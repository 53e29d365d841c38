"""The certificates' QR encoder: module for module what segno makes, and it scans."""

from __future__ import annotations

import random
import shutil
import subprocess
from pathlib import Path

import pytest

from skillsapp.pdf import qr
from skillsapp.pdf.certificates import render_pdf
from tests.unit.pdf.test_cert_samples import AWARD, BOOKLET, builtin, rasterise, record

segno = pytest.importorskip("segno")


def _segno_style(payload: bytes, version: int) -> list[int]:
    """Our data codewords as segno pads them: where the bits end on a byte boundary after
    the terminator, segno adds a whole zero byte before the pad bytes (ISO 18004 asks
    for none), so the symbols differ there though both decode to the same payload."""
    data = qr._data_codewords(payload, version)
    used = 4 + qr._count_bits(version) + 8 * len(payload) + 4
    capacity = qr._capacity(version)
    if used <= 8 * capacity and used % 8 == 0:
        head = [*data[: used // 8], 0]
        data = ([*head, *[0xEC, 0x11] * capacity])[:capacity]
    return data


@pytest.mark.parametrize("mask", range(8))
def test_symbols_equal_segnos_for_every_version_and_mask(mask: int) -> None:
    rng = random.Random(mask)
    for length in (1, 14, 26, 42, 62, 84, 106, 122, 152, 180, 213):
        payload = bytes(rng.randrange(256) for _ in range(length))
        version = qr.choose_version(length)
        expected = segno.make_qr(
            payload, error="m", boost_error=False, mask=mask, version=version, mode="byte"
        )
        ours = qr._matrix(_segno_style(payload, version), version, mask)
        assert ours == [bytes(row) for row in expected.matrix], (length, version)


def test_data_codewords_follow_the_standard() -> None:
    # "hello": mode 0100, count 00000101, the bytes, terminator 0000, then pad bytes
    assert qr._data_codewords(b"hello", 1) == [64, 86, 134, 86, 198, 198, 240, *[236, 17] * 4, 236]


def test_a_certificate_payload_fits_a_small_symbol() -> None:
    payload = b"SKC1:2025JZ0001:" + b"x" * 86
    assert qr.choose_version(len(payload)) == 6
    assert len(qr.qr_matrix(payload)) == 41
    with pytest.raises(qr.QrTooLong):
        qr.choose_version(214)


def test_the_symbol_is_one_stencil_image_not_hundreds_of_rectangles() -> None:
    operators = qr.image_mask_operators(qr.qr_matrix(b"SKC1:A:" + b"y" * 86))
    assert operators.startswith("BI /W 41 /H 41 /IM true /BPC 1")
    assert operators.count("re") == 0 and len(operators) < 600


@pytest.mark.parametrize("stem", [AWARD, BOOKLET])
def test_the_printed_code_scans(stem: str, tmp_path: Path) -> None:
    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg (zbar-tools) is not installed")
    rec = record()
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(render_pdf(builtin(stem), [rec], booklet=stem == BOOKLET))
    png = rasterise(pdf, dpi=150)
    scanned = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True)
    assert scanned.stdout.strip() == rec["qr"]
