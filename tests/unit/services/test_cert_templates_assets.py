"""Certificate template assets and "save as": published versions stay reproducible."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from skillsapp.app import Services
from skillsapp.domain.cert_layout import Background, BackgroundKind, Field, FieldKind
from skillsapp.errors import NotFound, PermissionDenied, UserError, ValidationError
from skillsapp.paths import resource
from skillsapp.services.audit import AuditFilter
from skillsapp.services.certificates.cert_assets import MAX_ASSET_BYTES
from tests.conftest import as_role
from tests.unit.services.test_cert_helpers import template_id
from tests.unit.services.test_cert_templates import PNG

# A second valid PNG (2 × 1 pixels): different content under the same name.
PNG_WIDE = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000002000000010806000000f4227f8a"
    "0000001149444154789c63382122f25f44e4c47f000f6303df4f077a4e0000000049454e44ae426082"
)


@pytest.fixture
def own(services: Services) -> tuple[Services, int]:
    """An own copy of the award template (a draft), with the built-ins seeded."""
    services.cert_templates.ensure_builtin_templates()
    return services, services.cert_templates.copy(template_id(services), "本单位证书").id


def _droid() -> bytes:
    return resource("fonts", "DroidSansFallbackFull.ttf").read_bytes()


def _publish_using(services: Services, tid: int, *, background: str, emblem: str, font: str):
    """Publish a version drawing `background`, an image field `emblem`, the title in `font`."""
    service = services.cert_templates
    layout = service.view(tid).layout
    fields = tuple(replace(f, font=font) if f.id == "title" else f for f in layout.fields)
    emblem_field = Field("emblem", FieldKind.IMAGE, 135, 12, 27, 12, image=emblem)
    layout = replace(
        layout,
        background=Background(BackgroundKind.IMAGE, image=background),
        fields=(*fields, emblem_field),
    )
    service.save_draft(tid, layout)
    service.publish(tid)


def test_an_asset_a_published_version_uses_is_never_replaced(own) -> None:
    services, tid = own
    service = services.cert_templates
    for name, content in (("底纹", PNG), ("会徽", PNG), ("标题体", _droid())):
        service.add_asset(tid, name, content)
    _publish_using(services, tid, background="底纹", emblem="会徽", font="标题体")
    other_font = resource("fonts", "wqy-microhei.ttc").read_bytes()
    for name, content in (("底纹", PNG_WIDE), ("会徽", PNG_WIDE), ("标题体", other_font)):
        with pytest.raises(UserError, match="cert_asset_in_use") as caught:
            service.add_asset(tid, name, content)
        assert caught.value.params == {"name": name}
    assert service.load(tid).images == {"底纹": PNG, "会徽": PNG}
    assert service.add_asset(tid, "会徽", PNG) == "image/png"  # the same bytes again: fine
    assert service.add_asset(tid, "新会徽", PNG_WIDE) == "image/png"  # a new name: fine


def test_an_asset_only_a_draft_uses_may_be_replaced(own) -> None:
    services, tid = own
    service = services.cert_templates
    service.add_asset(tid, "会徽", PNG)
    layout = service.view(tid).layout.with_field(
        Field("emblem", FieldKind.IMAGE, 135, 12, 27, 12, image="会徽")
    )
    service.save_draft(tid, layout)  # never published
    service.add_asset(tid, "会徽", PNG_WIDE)
    assert service.load(tid, draft=True).images == {"会徽": PNG_WIDE}
    entries = services.audit.entries(AuditFilter(entity="certificate_template", action="add_asset"))
    assert len(entries) == 2


def test_remove_asset_refuses_one_any_version_uses(own) -> None:
    services, tid = own
    service = services.cert_templates
    service.add_asset(tid, "会徽", PNG)
    service.add_asset(tid, "多余", PNG_WIDE)
    service.save_draft(
        tid,
        service.view(tid).layout.with_field(
            Field("emblem", FieldKind.IMAGE, 135, 12, 27, 12, image="会徽")
        ),
    )
    with pytest.raises(UserError, match="cert_asset_in_use"):
        service.remove_asset(tid, "会徽")  # the draft draws it
    service.remove_asset(tid, "多余")
    assert service.load(tid, draft=True).images == {"会徽": PNG}
    with pytest.raises(NotFound):
        service.remove_asset(tid, "多余")
    [entry] = services.audit.entries(
        AuditFilter(entity="certificate_template", action="remove_asset")
    )
    assert entry.old_values == {"asset": "多余", "media_type": "image/png"}


def test_save_as_makes_a_draft_template_with_the_layout_and_assets(own) -> None:
    services, tid = own
    service = services.cert_templates
    service.add_asset(tid, "会徽", PNG)
    service.add_asset(tid, "标题体", _droid())
    layout = service.view(tid).layout.with_field(
        Field("emblem", FieldKind.IMAGE, 135, 12, 27, 12, image="会徽", font="标题体")
    )
    made = service.save_as(tid, "  另存的  证书 ", layout)
    assert (made.name, made.builtin, made.published_number, made.draft_number) == (
        "另存的 证书",
        False,
        None,
        1,
    )
    view = service.view(made.id)
    assert view.layout == layout and view.assets == ("会徽", "标题体")
    assert service.view(tid).layout != layout  # the source keeps its own draft
    [entry] = [
        e
        for e in services.audit.entries(AuditFilter(entity="certificate_template", action="create"))
        if e.entity_id == str(made.id)
    ]
    assert entry.new_values == {"name": "另存的 证书", "kind": made.kind.value, "source": tid}


def test_save_as_refuses_a_taken_name_a_broken_layout_and_no_permission(own) -> None:
    services, tid = own
    service = services.cert_templates
    layout = service.view(tid).layout
    with pytest.raises(ValidationError) as caught:
        service.save_as(tid, "本单位证书", layout)
    assert caught.value.field_errors == {"name": "cert_template_name_taken"}
    with pytest.raises(ValidationError) as caught:
        service.save_as(tid, "   ", layout)
    assert caught.value.field_errors == {"name": "name_required"}
    missing = layout.with_field(Field("emblem", FieldKind.IMAGE, 135, 12, 27, 12, image="无此图"))
    with pytest.raises(ValidationError) as caught:
        service.save_as(tid, "缺图的证书", missing)
    assert caught.value.field_errors == {"emblem": "image_missing"}
    judge = as_role(services, "judge1", "judge")
    with pytest.raises(PermissionDenied):
        judge.cert_templates.save_as(tid, "评委的证书", layout)
    assert [r.name for r in service.templates() if not r.builtin] == ["本单位证书"]


def test_add_asset_file_names_the_asset_by_the_file_and_checks_the_size_first(
    own, tmp_path: Path
) -> None:
    services, tid = own
    service = services.cert_templates
    emblem = tmp_path / "总工会会徽.png"
    emblem.write_bytes(PNG)
    assert service.add_asset_file(tid, emblem) == "总工会会徽"
    assert service.load(tid, draft=True).images == {"总工会会徽": PNG}
    huge = tmp_path / "巨大.png"
    with huge.open("wb") as sparse:
        sparse.truncate(MAX_ASSET_BYTES + 1)  # sparse: costs no disk, must not be read
    with pytest.raises(UserError, match="cert_asset_too_large"):
        service.add_asset_file(tid, huge)
    with pytest.raises(UserError, match="file_not_found"):
        service.add_asset_file(tid, tmp_path / "没有.png")
