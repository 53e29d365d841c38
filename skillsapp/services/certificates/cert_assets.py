"""Template storage: versions loaded for rendering, layout checks, assets (images,
TrueType fonts) and the template exchange file (.zip).

The .zip holds `template.json` (format, name, kind, layout, the list of assets) and
each asset under `assets/`, so a template moves between laptops with its images and
fonts.
"""

from __future__ import annotations

import json
import os
import uuid
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from skillsapp.domain.cert_layout import (
    BackgroundKind,
    Layout,
    LayoutError,
    Problem,
    layout_from_dict,
    layout_to_dict,
    validate,
)
from skillsapp.domain.certificates import (
    CertificateTemplate,
    TemplateImage,
    TemplateKind,
    TemplateVersion,
)
from skillsapp.errors import NotFound, UserError, ValidationError
from skillsapp.pdf.cert_text import BUILTIN_FAMILIES, FontBook, FontUnusable, register_user_font
from skillsapp.pdf.certificates import default_fonts

FORMAT = "skillsapp.certificate-template/1"
MAX_ASSET_BYTES = 40 * 1024 * 1024
_NAME_MAX = 80
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x00\x01\x00\x00", "font/ttf"),
    (b"true", "font/ttf"),
    (b"ttcf", "font/collection"),
    (b"OTTO", "font/otf"),  # CFF outlines: reportlab cannot embed them
)


def read_asset_file(path: Path) -> bytes:
    """The bytes of an asset file; too large a file is refused before it is read."""
    try:
        if path.stat().st_size > MAX_ASSET_BYTES:
            raise UserError("cert_asset_too_large", name=path.name)
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise UserError("file_not_found", path=str(path)) from exc
    except OSError as exc:
        raise UserError("file_unreadable", path=str(path), detail=exc.strerror or exc) from exc


def check_asset(name: str, content: bytes) -> str:
    """The media type of an asset, or a UserError saying why it cannot be used."""
    if not name or len(name) > _NAME_MAX or any(c in name for c in '/\\:*?"<>|'):
        raise UserError("cert_asset_name", name=name)
    if len(content) > MAX_ASSET_BYTES:
        raise UserError("cert_asset_too_large", name=name)
    media = next((m for magic, m in _SIGNATURES if content.startswith(magic)), "")
    if not media:
        raise UserError("cert_asset_type", name=name)
    if media.startswith("font/"):
        try:
            register_user_font(content, name)
        except FontUnusable as exc:
            raise UserError("cert_font_unusable", name=name) from exc
    return media


def image_assets(rows: Iterable[TemplateImage]) -> dict[str, bytes]:
    return {r.name: r.content for r in rows if r.media_type.startswith("image/")}


def font_assets(rows: Iterable[TemplateImage]) -> dict[str, bytes]:
    return {r.name: r.content for r in rows if r.media_type.startswith("font/")}


@dataclass(frozen=True)
class TemplateDocument:
    name: str
    kind: TemplateKind
    layout: Layout
    assets: dict[str, bytes]


def write_template_zip(
    path: Path, *, name: str, kind: TemplateKind, layout: Layout, assets: Mapping[str, bytes]
) -> None:
    """Write the exchange file atomically (a partial file never has the final name)."""
    files = {n: f"assets/{index:02d}.bin" for index, n in enumerate(sorted(assets))}
    doc = {
        "format": FORMAT,
        "name": name,
        "kind": kind.value,
        "layout": layout_to_dict(layout),
        "assets": [{"name": n, "file": f} for n, f in files.items()],
    }
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex}.partial")
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("template.json", json.dumps(doc, ensure_ascii=False, indent=1))
            for asset_name, member in files.items():
                archive.writestr(member, assets[asset_name])
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UserError("file_unwritable", path=str(path), detail=exc.strerror) from exc


def read_template_zip(path: Path) -> TemplateDocument:
    """The template in an exchange file; UserError when it is not one."""
    try:
        with zipfile.ZipFile(path) as archive:
            doc = json.loads(archive.read("template.json"))
            if doc.get("format") != FORMAT:
                raise UserError("cert_template_file", path=str(path))
            assets = {a["name"]: archive.read(a["file"]) for a in doc.get("assets", [])}
            layout = layout_from_dict(doc["layout"])
            return TemplateDocument(str(doc["name"]), TemplateKind(doc["kind"]), layout, assets)
    except FileNotFoundError as exc:
        raise UserError("file_not_found", path=str(path)) from exc
    except (zipfile.BadZipFile, KeyError, TypeError, ValueError, LayoutError) as exc:
        raise UserError("cert_template_file", path=str(path)) from exc


@dataclass(frozen=True)
class LoadedVersion:
    """Everything needed to render a version: layout, images and fonts by name."""

    version_id: int
    template: str
    kind: TemplateKind
    layout: Layout
    images: dict[str, bytes]
    fonts: dict[str, bytes]

    def font_book(self) -> FontBook:
        """The families this version may name; the shared book when it has no fonts."""
        return FontBook(self.fonts) if self.fonts else default_fonts()


def problems_error(problems: list[Problem]) -> ValidationError:
    return ValidationError({p.where or "layout": p.code for p in problems})


def parse_layout(text: str) -> Layout:
    try:
        return layout_from_dict(json.loads(text))
    except (LayoutError, json.JSONDecodeError) as exc:
        raise UserError("cert_layout_invalid", detail=str(exc)) from exc


def layout_problems(layout: Layout, images: Iterable[str], fonts: Iterable[str]) -> list[Problem]:
    """Every rule `layout` breaks, given the template's image and font asset names."""
    problems = validate(layout, set(images))
    families = set(BUILTIN_FAMILIES) | set(fonts)
    return problems + [
        Problem("font_unknown", f.id) for f in layout.fields if f.font not in families
    ]


def check_layout(layout: Layout, assets: dict[str, str]) -> None:
    """Refuse a layout that breaks a rule; `assets` maps asset names to media types."""
    images = [n for n, media in assets.items() if media.startswith("image/")]
    fonts = [n for n, media in assets.items() if media.startswith("font/")]
    problems = layout_problems(layout, images, fonts)
    if problems:
        raise problems_error(problems)


def used_assets(layout: Layout) -> set[str]:
    """The asset names `layout` may draw with: its background image, the fields' images
    and font families (a family named like an asset is that asset)."""
    background = layout.background
    names = {background.image} if background.kind is BackgroundKind.IMAGE else set()
    for item in layout.fields:
        names |= {item.image, item.font}
    return names - {""}


def assets_in_use(session: Session, template_id: int, *, published_only: bool) -> set[str]:
    """The asset names used by the template's versions (or only its published ones)."""
    query = select(TemplateVersion.layout).where(TemplateVersion.template_id == template_id)
    if published_only:
        query = query.where(TemplateVersion.published)
    used: set[str] = set()
    for text in session.scalars(query):
        used |= used_assets(parse_layout(text))
    return used


def find_asset(session: Session, template_id: int, name: str) -> TemplateImage | None:
    return session.scalar(
        select(TemplateImage).where(
            TemplateImage.template_id == template_id, TemplateImage.name == name
        )
    )


def copy_assets(session: Session, source_id: int, target_id: int) -> None:
    """Give template `target_id` a copy of every asset of template `source_id`."""
    for asset in session.scalars(
        select(TemplateImage)
        .options(undefer(TemplateImage.content))
        .where(TemplateImage.template_id == source_id)
    ):
        session.add(
            TemplateImage(
                template_id=target_id,
                name=asset.name,
                media_type=asset.media_type,
                content=asset.content,
                sha256=asset.sha256,
            )
        )


def get_template(session: Session, template_id: int) -> CertificateTemplate:
    template = session.get(CertificateTemplate, template_id)
    if template is None:
        raise NotFound(entity="certificate_template", id=template_id)
    return template


def published_version(session: Session, template_id: int) -> TemplateVersion:
    """The template's latest published version (what new certificates are printed with)."""
    version = session.scalar(
        select(TemplateVersion)
        .where(TemplateVersion.template_id == template_id, TemplateVersion.published)
        .order_by(TemplateVersion.number.desc())
        .limit(1)
    )
    if version is None:
        raise UserError("cert_template_not_published")
    return version


def load_version(session: Session, version_id: int) -> LoadedVersion:
    version = session.get(TemplateVersion, version_id)
    if version is None:
        raise NotFound(entity="template_version", id=version_id)
    assets = session.scalars(
        select(TemplateImage)
        .options(undefer(TemplateImage.content))
        .where(TemplateImage.template_id == version.template_id)
    ).all()
    return LoadedVersion(
        version.id,
        version.template.name,
        version.template.kind,
        parse_layout(version.layout),
        image_assets(assets),
        font_assets(assets),
    )


def asset_types(session: Session, template_id: int) -> dict[str, str]:
    rows = session.execute(
        select(TemplateImage.name, TemplateImage.media_type).where(
            TemplateImage.template_id == template_id
        )
    )
    return {name: media for name, media in rows}
