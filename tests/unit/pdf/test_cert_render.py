"""Certificate PDFs: text, page sizes, embedded fonts, rare names, fitting, 套打 mode."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest
from PIL import Image, ImageChops
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from skillsapp.domain.cert_layout import Field, FieldKind, Layout, Orientation
from skillsapp.paths import resource
from skillsapp.pdf.calibration import calibration_pdf, crosshair_points
from skillsapp.pdf.cert_render import fit_field
from skillsapp.pdf.cert_text import FontBook, FontUnusable, register_user_font
from skillsapp.pdf.certificates import default_fonts, render_pdf, write_each
from skillsapp.pdf.fonts import FALLBACK, KAI, has_glyph, kai_chain, register
from skillsapp.services.demo import demo
from tests.unit.pdf.pdf_checks import (
    drawn_characters,
    embedded_fonts,
    notdef_characters,
    page_sizes,
    page_texts,
)
from tests.unit.pdf.test_cert_samples import (
    AWARD,
    BOOKLET,
    FIXTURES,
    HONOUR,
    PARTICIPATION,
    RARE_NAMES,
    builtin,
    rasterise,
    record,
)

PAGE_MM = {AWARD: (297, 210), HONOUR: (210, 297), PARTICIPATION: (297, 210), BOOKLET: (250, 176)}
# The reference is the award certificate at 50 dpi, reviewed by eye. Anti-aliasing may
# differ between poppler builds, hence a per-pixel tolerance; moving the serial line by
# 1 mm changes 0.09 % of the pixels, the name 0.17 %, the unit line shrunk 1 pt 0.35 %.
# After an intended change: render it again (tests/unit/pdf/test_cert_samples.py), look.
PIXEL_TOLERANCE = 64  # of 255, the largest difference of a channel
DIFFERING_SHARE = 0.0005


def _points(size_mm: tuple[float, float]) -> tuple[int, int]:
    return round(size_mm[0] * mm), round(size_mm[1] * mm)


@pytest.mark.parametrize("stem", sorted(PAGE_MM))
def test_each_page_carries_its_name_award_and_serial(stem: str) -> None:
    records = [record(f"2025JZ{n:04d}", name) for n, name in enumerate(RARE_NAMES, start=1)]
    data = render_pdf(builtin(stem), records)
    assert page_sizes(data) == [_points(PAGE_MM[stem])] * 3
    for text, rec in zip(page_texts(data), records, strict=True):
        assert rec["name"] in text
        assert rec["serial"] in text
        wording = {HONOUR: rec["title"], PARTICIPATION: rec["event"]}.get(stem, rec["award"])
        assert wording in text


@pytest.mark.parametrize(
    ("paper", "orientation", "size_mm"),
    [
        ("A3", Orientation.PORTRAIT, (297, 420)),
        ("B5", Orientation.PORTRAIT, (176, 250)),
        ("custom", Orientation.LANDSCAPE, (260, 184)),
    ],
)
def test_the_page_is_the_layouts_paper(
    paper: str, orientation: Orientation, size_mm: tuple[int, int]
) -> None:
    layout = replace(
        builtin(HONOUR),
        paper=paper,
        orientation=orientation,
        width_mm=184,
        height_mm=260,
        fields=(),
    )
    assert page_sizes(render_pdf(layout, [record()])) == [_points(size_mm)]


def test_fonts_are_embedded_as_subsets() -> None:
    fonts = embedded_fonts(render_pdf(builtin(AWARD), [record()]))
    assert fonts and all(fonts.values())


@pytest.mark.parametrize("stem", [AWARD, HONOUR, BOOKLET])
def test_rare_names_print_with_real_glyphs_in_kai(stem: str) -> None:
    data = render_pdf(builtin(stem), [record(name=name) for name in RARE_NAMES])
    assert notdef_characters(data) == set()
    drawn = drawn_characters(data)
    for char in "".join(RARE_NAMES):
        assert (char, KAI.name) in drawn


def test_no_demo_name_prints_as_an_empty_box() -> None:
    chain = kai_chain()
    characters = "".join([*demo.SURNAMES, *demo.MALE_GIVEN, *demo.FEMALE_GIVEN, *demo.RARE_NAMES])
    assert chain.missing(characters) == ""
    data = render_pdf(builtin(AWARD), [record(name=demo.RARE_NAMES[0], unit=characters[:60])])
    assert notdef_characters(data) == set()


def test_a_character_kai_lacks_falls_back_glyph_by_glyph() -> None:
    kai, fallback = register(KAI), register(FALLBACK)
    rare = "㐀"  # U+3400, CJK Extension A: in Droid Sans Fallback, not in LXGW WenKai
    assert not has_glyph(kai, rare) and has_glyph(fallback, rare)
    data = render_pdf(builtin(AWARD), [record(name=f"王{rare}明")])
    assert notdef_characters(data) == set()
    assert (rare, FALLBACK.name) in drawn_characters(data)
    assert ("王", KAI.name) in drawn_characters(data)


def _drawn_width(lines: tuple[object, ...], size: float) -> float:
    """Each line's width measured again from the font files, spacing included."""
    widest = 0.0
    chain = kai_chain()
    for line in lines:
        text = line.text  # type: ignore[attr-defined]
        advance = sum(pdfmetrics.stringWidth(r.text, r.font, size) for r in chain.runs(text))
        widest = max(widest, advance + (len(text) - 1) * line.char_space)  # type: ignore[attr-defined]
    return widest


@pytest.mark.parametrize("stem", [AWARD, HONOUR, PARTICIPATION])
def test_a_fifteen_character_unit_name_stays_inside_its_box(stem: str) -> None:
    unit_field = next(f for f in builtin(stem).fields if f.id == "unit")
    text = "单位：" + "中国铁路郑州局集团焦作车务段工会"[:15]
    fitted = fit_field(unit_field, text, default_fonts())
    assert len(text) == 18 and len(fitted.lines) == 1
    assert _drawn_width(fitted.lines, fitted.size) <= unit_field.w * mm
    assert fitted.height <= unit_field.h * mm


def test_a_unit_name_too_long_for_its_box_shrinks_instead_of_overflowing() -> None:
    unit_field = next(f for f in builtin(AWARD).fields if f.id == "unit")
    text = "单位：中国铁路郑州局集团有限公司焦作车务段新乡东站工会委员会"
    fitted = fit_field(unit_field, text, default_fonts())
    assert fitted.size < unit_field.size
    assert _drawn_width(fitted.lines, fitted.size) <= unit_field.w * mm
    narrow = replace(unit_field, w=60)
    squeezed = fit_field(
        narrow, "单位：" + "中国铁路郑州局集团焦作车务段工会"[:15], default_fonts()
    )
    assert squeezed.size < narrow.size
    assert _drawn_width(squeezed.lines, squeezed.size) <= narrow.w * mm


def test_a_long_body_wraps_and_shrinks_to_stay_inside_its_box() -> None:
    body = next(f for f in builtin(AWARD).fields if f.id == "body")
    text = "　　在" + "二〇二五年焦作市第十二届职工技术运动会暨技能大赛" * 4 + "中荣获一等奖。"
    fitted = fit_field(body, text, default_fonts())
    assert len(fitted.lines) > 2 and fitted.size < body.size
    assert fitted.height <= body.h * mm
    assert _drawn_width(fitted.lines, fitted.size) <= body.w * mm + 0.01


def test_short_values_are_not_split_across_lines() -> None:
    data = render_pdf(builtin(AWARD), [record(competition="2025年焦作市职工技术运动会")])
    text = pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "一等奖" in text


def test_booklet_mode_prints_only_the_variable_fields() -> None:
    layout = builtin(BOOKLET)
    full = page_texts(render_pdf(layout, [record()]))[0]
    booklet = page_texts(render_pdf(layout, [record()], booklet=True))[0]
    assert "荣誉证书" in full and "特发此证" in full
    assert "荣誉证书" not in booklet and "特发此证" not in booklet
    assert "王䶮" in booklet and "2025JZ0001" in booklet


def _origin_of(data: bytes, needle: str) -> tuple[float, float]:
    found: list[tuple[float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_rest: object) -> None:
        if needle in text:  # the text origin on the page: tm, then the canvas transform
            x, y = tm[4], tm[5]
            found.append((cm[0] * x + cm[2] * y + cm[4], cm[1] * x + cm[3] * y + cm[5]))

    pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
    return found[0]


def test_printer_offsets_shift_every_field_in_millimetres() -> None:
    layout = builtin(BOOKLET)
    plain = _origin_of(render_pdf(layout, [record()], booklet=True), "2025JZ0001")
    shifted = _origin_of(
        render_pdf(layout, [record()], booklet=True, offsets=(2.5, -1.5)), "2025JZ0001"
    )
    assert shifted[0] - plain[0] == pytest.approx(2.5 * mm, abs=0.01)
    assert shifted[1] - plain[1] == pytest.approx(1.5 * mm, abs=0.01)  # up: y grows upwards


def test_one_file_per_certificate(tmp_path: Path) -> None:
    records = [(f"{r['serial']}_{r['name']}.pdf", r) for r in (record("A1"), record("A2", "李堃"))]
    paths = write_each(tmp_path, builtin(AWARD), records)
    assert [p.name for p in paths] == ["A1_王䶮.pdf", "A2_李堃.pdf"]
    assert "李堃" in page_texts(paths[1].read_bytes())[0]


def test_a_user_font_must_have_truetype_outlines() -> None:
    with pytest.raises(FontUnusable):
        register_user_font(b"OTTO" + bytes(200), "思源宋体")


def test_a_template_may_use_a_truetype_font_of_its_own() -> None:
    droid = resource("fonts", FALLBACK.filename).read_bytes()  # as if the user's own file
    layout = Layout(
        fields=(Field("n", FieldKind.DATA, 20, 20, 100, 20, binding="name", font="标题体"),)
    )
    data = render_pdf(layout, [record()], fonts=FontBook({"标题体": droid}))
    assert notdef_characters(data) == set()
    assert ("王", FALLBACK.name) in drawn_characters(data)  # the user's font comes first


def test_the_calibration_page_has_rulers_and_crosshairs_on_the_booklet_paper() -> None:
    layout = builtin(BOOKLET)
    data = calibration_pdf(layout, (1.0, -0.5))
    assert page_sizes(data) == [_points((250, 176))]
    text = page_texts(data)[0]
    assert "套打校准页" in text and "+1.0" in text and "-0.5" in text
    for x, y in crosshair_points(layout):
        assert f"X{x:g}Y{y:g}" in text.replace(" ", "")


def test_the_first_page_matches_the_reviewed_reference(tmp_path: Path) -> None:
    pdf = tmp_path / "award.pdf"
    pdf.write_bytes(render_pdf(builtin(AWARD), [record()]))
    with (
        Image.open(rasterise(pdf)) as rendered,
        Image.open(FIXTURES / "award_reference.png") as reference,
    ):
        assert rendered.size == reference.size
        diff = ImageChops.difference(rendered.convert("RGB"), reference.convert("RGB"))
        worst = diff.convert("L").point(lambda v: 255 if v > PIXEL_TOLERANCE else 0)
        differing = sum(worst.histogram()[255:]) / (rendered.width * rendered.height)
    assert differing <= DIFFERING_SHARE, f"{differing:.2%} of the pixels differ"
