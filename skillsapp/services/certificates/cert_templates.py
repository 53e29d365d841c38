"""Certificate templates: built-ins, drafts and frozen published versions, assets.

A template's layouts are numbered versions. Edits go to its draft (a new version
after the last published one); publishing freezes the draft. Issued certificates
point at the published version they were printed with, so a reprint looks like the
original. Assets are images (background, emblem, seal) and TrueType fonts, stored with
the template so that every laptop prints it alike.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from skillsapp.domain.base import utcnow
from skillsapp.domain.cert_layout import (
    QR_KEY,
    Layout,
    chinese_date,
    layout_from_dict,
    layout_to_json,
)
from skillsapp.domain.certificates import (
    CertificateTemplate,
    TemplateImage,
    TemplateKind,
    TemplateVersion,
)
from skillsapp.domain.roles import Permission
from skillsapp.errors import NotFound, UserError, ValidationError
from skillsapp.paths import resource
from skillsapp.pdf.certificates import render_pdf
from skillsapp.services import audit
from skillsapp.services.certificates.cert_assets import (
    LoadedVersion,
    asset_types,
    assets_in_use,
    check_asset,
    check_layout,
    copy_assets,
    find_asset,
    get_template,
    load_version,
    parse_layout,
    published_version,
    read_asset_file,
    read_template_zip,
    write_template_zip,
)
from skillsapp.services.certificates.cert_verify import make_payload
from skillsapp.services.context import Actor
from skillsapp.storage.database import Database


@dataclass(frozen=True)
class TemplateRow:
    id: int
    name: str
    kind: TemplateKind
    builtin: bool
    archived: bool
    published_number: int | None  # the version certificates are issued with
    draft_number: int | None  # a version being edited, if any


@dataclass(frozen=True)
class TemplateView:
    """One version of a template, for the editor and the preview."""

    template_id: int
    name: str
    kind: TemplateKind
    version_id: int
    number: int
    published: bool
    layout: Layout
    assets: tuple[str, ...]


def _row(session: Session, template: CertificateTemplate) -> TemplateRow:
    published = [v.number for v in template.versions if v.published]
    drafts = [v.number for v in template.versions if not v.published]
    return TemplateRow(
        template.id,
        template.name,
        template.kind,
        template.builtin,
        template.archived,
        max(published, default=None),
        max(drafts, default=None),
    )


def sample_record(day: dt.date | None = None) -> dict[str, str]:
    """Values for previews: a real name with a rare character, a long unit."""
    return {
        "name": "王䶮",
        "unit": "焦作煤业集团赵固二矿机电工区",
        "competition": "2025年焦作市职工技术运动会",
        "event": "焊工",
        "award": "一等奖",
        "title": "焦作市技术能手",
        "rank": "1",
        "date_cn": chinese_date(day or dt.date.today()),
        "serial": "2025JZ0001",
        "issuer": "焦作市总工会",
        QR_KEY: make_payload("2025JZ0001", bytes(64)),
    }


def builtin_documents() -> list[dict[str, object]]:
    """The built-in templates shipped in resources/templates (name, kind, layout)."""
    folder = resource("templates")
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


class CertificateTemplateService:
    """Listing, editing, publishing and seeding certificate templates."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    def ensure_builtin_templates(self) -> int:
        """Add the shipped templates that are missing (by name); return how many."""
        added = 0
        with self._db.transaction() as session:
            names = set(session.scalars(select(CertificateTemplate.name)))
            for doc in builtin_documents():
                if doc["name"] in names:
                    continue
                layout = layout_from_dict(doc["layout"])
                self._add(
                    session,
                    str(doc["name"]),
                    TemplateKind(str(doc["kind"])),
                    layout,
                    builtin=True,
                    published=True,
                )
                added += 1
        return added

    def _add(
        self,
        session: Session,
        name: str,
        kind: TemplateKind,
        layout: Layout,
        *,
        builtin: bool = False,
        published: bool = False,
        source_id: int | None = None,
    ) -> CertificateTemplate:
        if session.scalar(select(CertificateTemplate.id).where(CertificateTemplate.name == name)):
            raise ValidationError({"name": "cert_template_name_taken"})
        template = CertificateTemplate(name=name, kind=kind, builtin=builtin)
        now = utcnow() if published else None
        template.versions.append(
            TemplateVersion(
                number=1, layout=layout_to_json(layout), published=published, published_at=now
            )
        )
        session.add(template)
        session.flush()
        audit.record(
            session,
            self._actor,
            action="create",
            entity="certificate_template",
            entity_id=template.id,
            new={"name": name, "kind": kind.value}
            | ({"source": source_id} if source_id is not None else {}),
        )
        return template

    def templates(self, *, include_archived: bool = False) -> list[TemplateRow]:
        self._actor.require(Permission.VIEW_COMPETITIONS)
        with self._db.reading() as session:
            query = select(CertificateTemplate).order_by(
                CertificateTemplate.builtin.desc(), CertificateTemplate.name
            )
            if not include_archived:
                query = query.where(CertificateTemplate.archived.is_(False))
            return [_row(session, t) for t in session.scalars(query)]

    def view(self, template_id: int, *, draft: bool = True) -> TemplateView:
        """The version being edited (`draft`), else the published one."""
        self._actor.require(Permission.VIEW_COMPETITIONS)
        with self._db.reading() as session:
            template = get_template(session, template_id)
            version = template.versions[-1] if draft else published_version(session, template_id)
            assets = tuple(sorted(asset_types(session, template_id)))
            return TemplateView(
                template.id,
                template.name,
                template.kind,
                version.id,
                version.number,
                version.published,
                parse_layout(version.layout),
                assets,
            )

    def create(self, name: str, kind: TemplateKind, layout: Layout) -> TemplateRow:
        """A new template whose first version is a draft."""
        self._actor.require(Permission.ISSUE_CERTIFICATES)
        name = " ".join(name.split())
        if not name:
            raise ValidationError({"name": "name_required"})
        check_layout(layout, {})
        with self._db.transaction() as session:
            return _row(session, self._add(session, name, kind, layout))

    def copy(self, template_id: int, name: str) -> TemplateRow:
        """A new draft template from another's latest version and assets."""
        return self.save_as(template_id, name, None)

    def save_as(self, template_id: int, name: str, layout: Layout | None) -> TemplateRow:
        """A new draft template named `name` with `layout` (None: the source's latest
        version) and a copy of the source's assets."""
        self._actor.require(Permission.ISSUE_CERTIFICATES)
        name = " ".join(name.split())
        if not name:
            raise ValidationError({"name": "name_required"})
        with self._db.transaction() as session:
            source = get_template(session, template_id)
            if layout is None:
                layout = parse_layout(source.versions[-1].layout)
            else:
                check_layout(layout, asset_types(session, template_id))
            template = self._add(session, name, source.kind, layout, source_id=template_id)
            copy_assets(session, template_id, template.id)
            return _row(session, template)

    def save_draft(self, template_id: int, layout: Layout) -> TemplateView:
        """Store `layout` as the template's draft (a new version after a published one)."""
        self._actor.require(Permission.ISSUE_CERTIFICATES)
        with self._db.transaction() as session:
            template = get_template(session, template_id)
            check_layout(layout, asset_types(session, template_id))
            last = template.versions[-1]
            if last.published:
                last = TemplateVersion(number=last.number + 1, layout="")
                template.versions.append(last)
            last.layout = layout_to_json(layout)
            template.updated_at = utcnow()
            session.flush()
            audit.record(
                session,
                self._actor,
                action="edit_draft",
                entity="certificate_template",
                entity_id=template_id,
                new={"version": last.number},
            )
            return TemplateView(
                template.id,
                template.name,
                template.kind,
                last.id,
                last.number,
                False,
                layout,
                tuple(sorted(asset_types(session, template_id))),
            )

    def publish(self, template_id: int) -> TemplateView:
        """Freeze the draft: new certificates are printed with it from now on."""
        self._actor.require(Permission.ISSUE_CERTIFICATES)
        with self._db.transaction() as session:
            template = get_template(session, template_id)
            last = template.versions[-1]
            if last.published:
                raise UserError("cert_template_no_draft")
            layout = parse_layout(last.layout)
            check_layout(layout, asset_types(session, template_id))
            last.published, last.published_at = True, utcnow()
            template.updated_at = utcnow()
            audit.record(
                session,
                self._actor,
                action="publish",
                entity="certificate_template",
                entity_id=template_id,
                new={"version": last.number},
            )
        return self.view(template_id, draft=False)

    def set_archived(self, template_id: int, archived: bool = True) -> None:
        self._actor.require(Permission.ISSUE_CERTIFICATES)
        with self._db.transaction() as session:
            template = get_template(session, template_id)
            template.archived = archived
            audit.record(
                session,
                self._actor,
                action="archive" if archived else "unarchive",
                entity="certificate_template",
                entity_id=template_id,
            )

    def add_asset(self, template_id: int, name: str, content: bytes) -> str:
        """Add or replace an image (PNG, JPEG) or TrueType font; return its media type.

        An asset a published version uses is never replaced by different content: a
        reprint must look like the original."""
        self._actor.require(Permission.ISSUE_CERTIFICATES)
        media_type = check_asset(name, content)
        digest = hashlib.sha256(content).hexdigest()
        with self._db.transaction() as session:
            get_template(session, template_id)
            asset = find_asset(session, template_id, name)
            if asset is None:
                asset = TemplateImage(template_id=template_id, name=name)
                session.add(asset)
            elif asset.sha256 != digest and name in assets_in_use(
                session, template_id, published_only=True
            ):
                raise UserError("cert_asset_in_use", name=name)
            asset.media_type, asset.content, asset.sha256 = media_type, content, digest
            audit.record(
                session,
                self._actor,
                action="add_asset",
                entity="certificate_template",
                entity_id=template_id,
                new={"asset": name, "media_type": media_type},
            )
        return media_type

    def add_asset_file(self, template_id: int, path: Path) -> str:
        """Add the image or font in `path`, named by the file's stem; return the name."""
        self._actor.require(Permission.ISSUE_CERTIFICATES)
        self.add_asset(template_id, path.stem, read_asset_file(path))
        return path.stem

    def remove_asset(self, template_id: int, name: str) -> None:
        """Remove an asset that no version of the template uses (draft or published)."""
        self._actor.require(Permission.ISSUE_CERTIFICATES)
        with self._db.transaction() as session:
            get_template(session, template_id)
            asset = find_asset(session, template_id, name)
            if asset is None:
                raise NotFound(entity="template_asset", id=name)
            if name in assets_in_use(session, template_id, published_only=False):
                raise UserError("cert_asset_in_use", name=name)
            session.delete(asset)
            audit.record(
                session,
                self._actor,
                action="remove_asset",
                entity="certificate_template",
                entity_id=template_id,
                old={"asset": name, "media_type": asset.media_type},
            )

    def load(self, template_id: int, *, draft: bool = False) -> LoadedVersion:
        """Layout and assets of the published (or the draft) version, for rendering."""
        self._actor.require(Permission.VIEW_COMPETITIONS)
        with self._db.reading() as session:
            template = get_template(session, template_id)
            version = template.versions[-1] if draft else published_version(session, template_id)
            return load_version(session, version.id)

    def preview(
        self,
        template_id: int,
        *,
        draft: bool = True,
        booklet: bool = False,
        offsets: tuple[float, float] = (0.0, 0.0),
    ) -> bytes:
        """The template filled with sample values (a rare name, a long unit), as PDF."""
        loaded = self.load(template_id, draft=draft)
        return render_pdf(
            loaded.layout,
            [sample_record()],
            images=loaded.images,
            fonts=loaded.font_book(),
            booklet=booklet,
            offsets=offsets,
            title=loaded.template,
        )

    def export_zip(self, template_id: int, path: Path) -> None:
        """The template's latest version with its assets, as an exchange .zip."""
        loaded = self.load(template_id, draft=True)
        with self._db.reading() as session:
            kind = get_template(session, template_id).kind
        assets = {**loaded.images, **loaded.fonts}
        write_template_zip(
            path, name=loaded.template, kind=kind, layout=loaded.layout, assets=assets
        )

    def import_zip(self, path: Path, *, name: str | None = None) -> TemplateRow:
        """A template from an exported .zip, published as its version 1."""
        self._actor.require(Permission.ISSUE_CERTIFICATES)
        doc = read_template_zip(path)
        check_layout(doc.layout, {n: check_asset(n, c) for n, c in doc.assets.items()})
        with self._db.transaction() as session:
            template = self._add(
                session, " ".join((name or doc.name).split()), doc.kind, doc.layout, published=True
            )
            for asset_name, content in doc.assets.items():
                session.add(
                    TemplateImage(
                        template_id=template.id,
                        name=asset_name,
                        media_type=check_asset(asset_name, content),
                        content=content,
                        sha256=hashlib.sha256(content).hexdigest(),
                    )
                )
            return _row(session, template)
