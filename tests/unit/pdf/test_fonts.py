"""Fonts: registered once, every character of rare names set with a real glyph."""

from __future__ import annotations

import io

import pytest
from reportlab.pdfgen.canvas import Canvas

from skillsapp.paths import resource
from skillsapp.pdf.fonts import FALLBACK, SANS, FontChain, default_chain, has_glyph, register
from tests.unit.pdf.pdf_checks import drawn_characters, embedded_fonts, notdef_characters, text

RARE_NAMES = ("王䶮", "李堃", "张喆")


@pytest.fixture
def chain() -> FontChain:
    return default_chain()


def test_fonts_and_their_licences_are_shipped() -> None:
    fonts = resource("fonts")
    for name in (SANS.filename, FALLBACK.filename, "LICENSE-Apache-2.0.txt", "README.md"):
        assert (fonts / name).is_file(), name


def test_registering_twice_keeps_one_font(chain: FontChain) -> None:
    assert register(SANS) == SANS.name
    assert default_chain() == chain


def test_main_font_lacks_yan_so_the_fallback_sets_it(chain: FontChain) -> None:
    assert not has_glyph(SANS.name, "䶮")
    assert has_glyph(FALLBACK.name, "䶮")
    runs = chain.runs("王䶮同志")
    assert [(r.font, r.text) for r in runs] == [
        (SANS.name, "王"),
        (FALLBACK.name, "䶮"),
        (SANS.name, "同志"),
    ]


@pytest.mark.parametrize("name", RARE_NAMES)
def test_every_character_of_rare_names_has_a_glyph_in_its_run(chain: FontChain, name: str) -> None:
    assert chain.missing(name) == ""
    for run in chain.runs(name):
        assert all(has_glyph(run.font, char) for char in run.text), run


def test_rare_names_print_without_notdef_boxes(chain: FontChain) -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, initialFontName=chain.main)
    for line, name in enumerate(RARE_NAMES):
        chain.draw(canvas, 72, 700 - 30 * line, f"{name}（焊工）", size=18)
    canvas.save()
    data = buffer.getvalue()
    assert notdef_characters(data) == set()
    assert ("䶮", FALLBACK.name) in drawn_characters(data)
    assert all(name in text(data) for name in RARE_NAMES)
    assert embedded_fonts(data) and all(embedded_fonts(data).values())


def test_characters_no_font_has_are_reported(chain: FontChain) -> None:
    assert chain.missing("张\U0002a6a5") == "\U0002a6a5"  # CJK Extension B


def test_width_adds_up_the_runs(chain: FontChain) -> None:
    assert chain.width("王䶮", 10) == pytest.approx(chain.width("王", 10) + chain.width("䶮", 10))
    assert chain.width("", 10) == 0


def test_markup_escapes_and_switches_font(chain: FontChain) -> None:
    assert chain.markup("A<B>&王䶮") == f'A&lt;B&gt;&amp;王<font face="{FALLBACK.name}">䶮</font>'
