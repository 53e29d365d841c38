"""The certificate layout document: dates, placeholders, serial patterns, JSON, rules."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest

from skillsapp.domain.cert_layout import (
    Background,
    BackgroundKind,
    Field,
    FieldKind,
    Layout,
    LayoutError,
    Orientation,
    check_serial_pattern,
    chinese_date,
    fill,
    format_serial,
    layout_from_dict,
    layout_from_json,
    layout_to_dict,
    layout_to_json,
    placeholders,
    serial_family,
    validate,
)
from skillsapp.paths import resource


def _field(field_id: str = "name", **overrides: object) -> Field:
    values: dict[str, object] = {
        "id": field_id,
        "kind": FieldKind.DATA,
        "x": 20,
        "y": 20,
        "w": 80,
        "h": 12,
        "binding": "name",
    }
    values.update(overrides)
    return Field(**values)  # type: ignore[arg-type]


def _codes(layout: Layout, images: set[str] | None = None) -> set[str]:
    return {p.code for p in validate(layout, images)}


@pytest.mark.parametrize(
    ("day", "with_day", "expected"),
    [
        (dt.date(2025, 10, 20), False, "二〇二五年十月"),
        (dt.date(2025, 10, 20), True, "二〇二五年十月二十日"),
        (dt.date(2020, 1, 1), True, "二〇二〇年一月一日"),
        (dt.date(2019, 12, 31), True, "二〇一九年十二月三十一日"),
        (dt.date(2024, 11, 10), True, "二〇二四年十一月十日"),
        (dt.date(2008, 2, 19), True, "二〇〇八年二月十九日"),
    ],
)
def test_dates_are_written_in_chinese_numerals(day: dt.date, with_day: bool, expected: str) -> None:
    assert chinese_date(day, with_day=with_day) == expected


def test_placeholders_are_filled_from_the_record_and_missing_ones_left_empty() -> None:
    text = "兹授予{name}同志“{title}”称号{nothing}。"
    assert placeholders(text) == ["name", "title", "nothing"]
    assert fill(text, {"name": "王䶮", "title": "焦作工匠"}) == "兹授予王䶮同志“焦作工匠”称号。"


def test_a_data_field_writes_its_binding() -> None:
    assert _field(binding="unit").template == "{unit}"
    assert not _field().static
    assert Field("t", FieldKind.TEXT, 0, 0, 10, 10, text="获奖证书").static


def test_the_default_serial_pattern_numbers_per_year_and_competition() -> None:
    pattern = "{year}{competition_code}{seq:04d}"
    assert check_serial_pattern(pattern) == []
    assert format_serial(pattern, seq=7, year=2025, month=10, code="JZ") == "2025JZ0007"
    assert serial_family(pattern, year=2025, month=10, code="JZ") == "2025JZ#"
    assert serial_family(pattern, year=2026, month=1, code="JZ") != "2025JZ#"


@pytest.mark.parametrize(
    ("pattern", "code"),
    [
        ("{year}{competition_code}", "serial_needs_seq"),
        ("{seq}{seq}", "serial_needs_seq"),
        ("{year}{unit}{seq}", "serial_placeholder_unknown"),
        ("{seq:04x}", "serial_pattern_invalid"),
        ("{year:>8}{seq}", "serial_pattern_invalid"),
        ("{seq", "serial_pattern_invalid"),
    ],
)
def test_bad_serial_patterns_are_refused(pattern: str, code: str) -> None:
    assert code in {p.code for p in check_serial_pattern(pattern)}


def test_paper_sizes_follow_the_orientation() -> None:
    assert Layout("A4", Orientation.LANDSCAPE).page_mm == (297, 210)
    assert Layout("A4", Orientation.PORTRAIT).page_mm == (210, 297)
    assert Layout("B5", Orientation.LANDSCAPE).page_mm == (250, 176)
    assert Layout("A3", Orientation.PORTRAIT).page_mm == (297, 420)
    custom = Layout("custom", Orientation.LANDSCAPE, width_mm=184, height_mm=260)
    assert custom.page_mm == (260, 184)


def test_booklet_mode_prints_only_the_marked_fields() -> None:
    layout = Layout(fields=(_field(), _field("title", booklet_print=False)))
    assert [f.id for f in layout.printed(booklet=True)] == ["name"]
    assert [f.id for f in layout.printed(booklet=False)] == ["name", "title"]


def test_json_round_trip_keeps_every_setting() -> None:
    layout = Layout(
        "custom",
        Orientation.PORTRAIT,
        width_mm=184,
        height_mm=260,
        background=Background(BackgroundKind.IMAGE, image="底纹"),
        fields=(_field(colour="#C00000", size=22.5, multiline=True, spacing=3),),
    )
    assert layout_from_json(layout_to_json(layout)) == layout


@pytest.mark.parametrize("path", sorted(resource("templates").glob("*.json")), ids=lambda p: p.stem)
def test_built_in_templates_read_back_and_break_no_rule(path: Path) -> None:
    doc = json.loads(path.read_text("utf-8"))
    layout = layout_from_dict(doc["layout"])
    assert validate(layout, set()) == []
    assert layout_to_dict(layout) == doc["layout"]


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ({"format": "other/1"}, "other/1"),
        ({"fields": {}}, "fields"),
        (
            {"fields": [{"id": "a", "kind": "circle", "x": 1, "y": 1, "w": 1, "h": 1}]},
            "fields[0].kind",
        ),
        (
            {"fields": [{"id": "a", "kind": "data", "x": "1", "y": 1, "w": 1, "h": 1}]},
            "fields[0].x",
        ),
        ({"fields": [{"id": "a", "kind": "data"}]}, "fields[0]"),
        ({"orientation": "sideways"}, "layout.orientation"),
        ({"background": {"kind": "border", "colour": 5}}, "background.colour"),
    ],
)
def test_malformed_documents_say_where(data: dict[str, object], where: str) -> None:
    with pytest.raises(LayoutError) as caught:
        layout_from_dict(data)
    assert caught.value.where == where


def test_malformed_json_is_a_layout_error() -> None:
    with pytest.raises(LayoutError, match="layout_malformed"):
        layout_from_json("{")


@pytest.mark.parametrize(
    ("layout", "code"),
    [
        (Layout("Letter"), "paper_unknown"),
        (Layout("custom", width_mm=20, height_mm=30), "paper_size_invalid"),
        (Layout(fields=(_field(x=250),)), "field_outside_page"),
        (Layout(fields=(_field(w=0),)), "field_size_invalid"),
        (Layout(fields=(_field(), _field())), "field_id_duplicate"),
        (Layout(fields=(_field(""),)), "field_id_missing"),
        (Layout(fields=(_field(binding="phone"),)), "binding_unknown"),
        (Layout(fields=(_field(kind=FieldKind.TEXT, text="{mobile}"),)), "placeholder_unknown"),
        (Layout(fields=(_field(colour="red"),)), "colour_invalid"),
        (Layout(fields=(_field(size=0.5),)), "font_size_invalid"),
        (Layout(fields=(_field(kind=FieldKind.QR, w=10, h=10),)), "qr_too_small"),
        (Layout(fields=(_field(kind=FieldKind.IMAGE),)), "image_missing"),
        (Layout(background=Background(BackgroundKind.BORDER, "baroque")), "border_style_unknown"),
        (Layout(background=Background(BackgroundKind.IMAGE)), "image_missing"),
    ],
)
def test_validation_names_the_broken_rule(layout: Layout, code: str) -> None:
    assert code in _codes(layout)


def test_images_must_be_among_the_templates_images_when_known() -> None:
    layout = Layout(fields=(_field(kind=FieldKind.IMAGE, image="会徽"),))
    assert _codes(layout) == set()
    assert _codes(layout, {"会徽"}) == set()
    assert _codes(layout, set()) == {"image_missing"}


def test_two_seals_may_not_touch() -> None:
    seal = _field("seal1", kind=FieldKind.SEAL, x=100, y=100, w=40, h=40, text="{issuer}")
    apart = replace(seal, id="seal2", x=145)
    touching = replace(seal, id="seal2", x=139)
    assert _codes(Layout(fields=(seal, apart))) == set()
    assert _codes(Layout(fields=(seal, touching))) == {"seals_touch"}


def test_an_optional_part_is_left_out_when_its_data_items_are_empty() -> None:
    text = "[[在{competition}{event}比赛中]]荣获{award}"
    assert fill(text, {"award": "优秀学员"}) == "荣获优秀学员"
    assert fill(text, {"competition": "职工运动会", "event": "焊工", "award": "一等奖"}) == (
        "在职工运动会焊工比赛中荣获一等奖"
    )
    assert fill(text, {"event": "焊工", "award": "一等奖"}) == "在焊工比赛中荣获一等奖"
    assert fill("[[特发此证]]", {}) == "特发此证"  # no data item: always kept
