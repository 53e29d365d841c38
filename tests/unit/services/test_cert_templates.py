"""Certificate templates: built-ins, drafts and frozen versions, assets, exchange files."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from skillsapp.app import Services
from skillsapp.domain.cert_layout import Background, BackgroundKind, Field, FieldKind, Layout
from skillsapp.domain.certificates import TemplateKind
from skillsapp.errors import UserError, ValidationError
from skillsapp.paths import resource
from tests.unit.pdf.pdf_checks import notdef_characters, page_sizes, page_texts
from tests.unit.services.test_cert_helpers import (
    AWARD_TEMPLATE,
    BOOKLET_TEMPLATE,
    certificate_service,
    template_id,
)

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2e5b1ac0000000049454e44ae426082"
)


@pytest.fixture
def templates(services: Services) -> Services:
    assert services.cert_templates.ensure_builtin_templates() == 4
    return services


def test_built_ins_are_seeded_once_and_published(templates: Services) -> None:
    assert templates.cert_templates.ensure_builtin_templates() == 0
    rows = templates.cert_templates.templates()
    assert {r.kind for r in rows} == set(TemplateKind)
    assert all(r.builtin and r.published_number == 1 and r.draft_number is None for r in rows)


def test_edits_go_to_a_draft_until_it_is_published(templates: Services) -> None:
    service = templates.cert_templates
    tid = template_id(templates)
    published = service.view(tid, draft=False).layout
    edited = published.with_field(
        Field("note", FieldKind.TEXT, 40, 140, 100, 8, text="（此证书仅用于测试）")
    )
    draft = service.save_draft(tid, edited)
    assert (draft.number, draft.published) == (2, False)
    again = service.save_draft(tid, replace(edited, fields=edited.fields[:-1]))
    assert again.number == 2  # the same draft, edited again
    assert service.view(tid, draft=False).layout == published  # issuing still uses v1
    assert service.publish(tid).number == 2
    with pytest.raises(UserError, match="cert_template_no_draft"):
        service.publish(tid)
    assert service.save_draft(tid, edited).number == 3


def test_a_draft_breaking_a_rule_is_refused_with_the_field(templates: Services) -> None:
    tid = template_id(templates)
    layout = templates.cert_templates.view(tid).layout
    outside = layout.with_field(Field("name", FieldKind.DATA, 290, 60, 100, 14, binding="name"))
    with pytest.raises(ValidationError) as caught:
        templates.cert_templates.save_draft(tid, outside)
    assert caught.value.field_errors == {"name": "field_outside_page"}
    with pytest.raises(ValidationError) as caught:
        templates.cert_templates.save_draft(
            tid,
            layout.with_field(
                Field("x", FieldKind.DATA, 20, 20, 10, 10, binding="name", font="方正小标宋")
            ),
        )
    assert caught.value.field_errors == {"x": "font_unknown"}


def test_a_template_is_copied_and_created_as_a_draft(templates: Services) -> None:
    service = templates.cert_templates
    copy = service.copy(template_id(templates), "获奖证书（本单位）")
    assert (copy.builtin, copy.published_number, copy.draft_number) == (False, None, 1)
    with pytest.raises(ValidationError):
        service.copy(template_id(templates), AWARD_TEMPLATE)
    with pytest.raises(UserError, match="cert_template_not_published"):
        service.load(copy.id)
    created = service.create("空白证书", TemplateKind.PARTICIPATION, Layout())
    assert created.draft_number == 1


def test_assets_are_checked_and_images_and_fonts_used(templates: Services) -> None:
    service = templates.cert_templates
    tid = service.copy(template_id(templates), "带底纹的证书").id
    assert service.add_asset(tid, "底纹", PNG) == "image/png"
    droid = resource("fonts", "DroidSansFallbackFull.ttf").read_bytes()
    assert service.add_asset(tid, "标题体", droid) == "font/ttf"
    for name, content, code in [
        ("思源宋体", b"OTTO" + bytes(100), "cert_font_unusable"),
        ("说明", b"%PDF-1.4", "cert_asset_type"),
        ("a/b", PNG, "cert_asset_name"),
    ]:
        with pytest.raises(UserError, match=code):
            service.add_asset(tid, name, content)
    layout = service.view(tid).layout
    fields = tuple(replace(f, font="标题体") if f.id == "title" else f for f in layout.fields)
    styled = replace(
        layout, background=Background(BackgroundKind.IMAGE, image="底纹"), fields=fields
    )
    service.save_draft(tid, styled)
    service.publish(tid)
    loaded = service.load(tid)
    assert set(loaded.images) == {"底纹"} and set(loaded.fonts) == {"标题体"}


def test_export_and_import_carry_the_layout_and_its_assets(
    templates: Services, tmp_path: Path
) -> None:
    service = templates.cert_templates
    tid = service.copy(template_id(templates), "带会徽的证书").id
    service.add_asset(tid, "会徽", PNG)
    layout = service.view(tid).layout.with_field(
        Field("emblem", FieldKind.IMAGE, 135, 12, 27, 12, image="会徽")
    )
    service.save_draft(tid, layout)
    exported = tmp_path / "证书模板.zip"
    service.export_zip(tid, exported)
    assert {"template.json", "assets/00.bin"} <= set(zipfile.ZipFile(exported).namelist())
    with pytest.raises(ValidationError):
        service.import_zip(exported)  # the name is taken here
    imported = service.import_zip(exported, name="另一台电脑的证书")
    assert imported.published_number == 1
    assert service.view(imported.id).layout == layout
    assert service.load(imported.id).images == {"会徽": PNG}


def test_a_file_that_is_not_a_template_is_refused(templates: Services, tmp_path: Path) -> None:
    bogus = tmp_path / "x.zip"
    bogus.write_bytes(b"not a zip")
    with pytest.raises(UserError, match="cert_template_file"):
        templates.cert_templates.import_zip(bogus)


def test_the_calibration_page_and_preview_use_the_templates_paper(
    templates: Services, tmp_path: Path
) -> None:
    certificates = certificate_service(templates, tmp_path)
    page = certificates.calibration_page(template_id(templates, BOOKLET_TEMPLATE), (0.5, 0.5))
    assert page_sizes(page) == [(709, 499)]  # B5 landscape, 250 × 176 mm
    assert "套打校准页" in page_texts(page)[0]


def test_a_draft_is_previewed_with_a_rare_name_and_its_own_fonts(templates: Services) -> None:
    service = templates.cert_templates
    tid = service.copy(template_id(templates), "预览用").id
    service.add_asset(tid, "标题体", resource("fonts", "DroidSansFallbackFull.ttf").read_bytes())
    layout = service.view(tid).layout
    service.save_draft(
        tid, replace(layout, fields=tuple(replace(f, font="标题体") for f in layout.fields))
    )
    preview = service.preview(tid)
    assert page_sizes(preview) == [(842, 595)]
    assert notdef_characters(preview) == set()
    assert "王䶮" in page_texts(preview)[0]
    booklet = page_texts(service.preview(tid, booklet=True))[0]
    assert "王䶮" in booklet and "获奖证书" not in booklet
