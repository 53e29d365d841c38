"""`skillsapp templates list|export|import` and `skillsapp signing-key show|export|import`:
moving certificate templates and the signing key to a second printing laptop."""

from __future__ import annotations

import argparse
import getpass
import os
from pathlib import Path

from skillsapp.app import Services
from skillsapp.cli.common import Commands, actions, command, opened, out, typed
from skillsapp.cli.texts import pick, say, table
from skillsapp.errors import UserError, ValidationError

KEY_PASSWORD_ENV = "SKILLSAPP_KEY_PASSWORD"
KIND_LABELS: dict[str, tuple[str, str]] = {
    "award": ("获奖证书", "award"),
    "honour": ("荣誉证书", "honour"),
    "participation": ("参赛证书", "participation"),
    "booklet": ("套打", "pre-printed"),
}


def add_templates(commands: Commands, common: argparse.ArgumentParser) -> None:
    group = actions(command(commands, common, "templates", "certificate templates"))
    command(group, common, "list", "list the templates", cmd_templates_list)
    export = command(group, common, "export", "write a template as .zip", cmd_templates_export)
    export.add_argument("name", metavar="NAME", help="the template's name")
    export.add_argument("--out", metavar="FILE.zip", type=Path, required=True)
    load = command(group, common, "import", "add a template from .zip", cmd_templates_import)
    load.add_argument("file", metavar="FILE.zip", type=Path)
    load.add_argument("--name", default=None, metavar="NAME", help="store it under this name")


def add_signing_key(commands: Commands, common: argparse.ArgumentParser) -> None:
    group = actions(command(commands, common, "signing-key", "the certificates' signing key"))
    command(group, common, "show", "the public keys and their fingerprints", cmd_key_show)
    export = command(
        group,
        common,
        "export",
        f"write this laptop's private key, password-protected ({KEY_PASSWORD_ENV})",
        cmd_key_export,
    )
    export.add_argument("--out", metavar="FILE", type=Path, required=True)
    load = command(
        group,
        common,
        "import",
        f"install an exported private key ({KEY_PASSWORD_ENV})",
        cmd_key_import,
    )
    load.add_argument("file", metavar="FILE", type=Path)
    load.add_argument("--replace", action="store_true", help="replace this laptop's own key")


# ----------------------------------------------------------------------------- templates


def cmd_templates_list(args: argparse.Namespace) -> int:
    with opened(args, must_exist=True) as services:
        services.cert_templates.ensure_builtin_templates()
        rows = services.cert_templates.templates()
    header = [pick(p) for p in (("名称", "name"), ("类型", "kind"), ("版本", "version"))]
    lines = [header]
    for row in rows:
        version = str(row.published_number or "")
        if row.draft_number is not None:
            version += pick((" (草稿 {n})", " (draft {n})")).format(n=row.draft_number)
        lines.append(
            [row.name, pick(KIND_LABELS.get(row.kind.value, (row.kind, row.kind))), version]
        )
    for line in table(lines):
        out(line)
    return 0


def _template(services: Services, name: str) -> int:
    services.cert_templates.ensure_builtin_templates()
    for row in services.cert_templates.templates(include_archived=True):
        if row.name == name.strip():
            return row.id
    raise UserError("cert_template_unknown", name=name)


def cmd_templates_export(args: argparse.Namespace) -> int:
    with opened(args, must_exist=True) as services:
        services.cert_templates.export_zip(_template(services, args.name), args.out)
    out(say("template_exported", name=args.name, path=args.out))
    return 0


def cmd_templates_import(args: argparse.Namespace) -> int:
    with opened(args, must_exist=True) as services:
        row = services.cert_templates.import_zip(args.file, name=args.name)
    out(say("template_imported", name=row.name))
    return 0


# ----------------------------------------------------------------------------- signing key


def cmd_key_show(args: argparse.Namespace) -> int:
    with opened(args, must_exist=True) as services:
        keys = services.cert_keys.keys()
        lines = [(key, services.cert_keys.public_key_text(key.id)) for key in keys if key.active]
    if not lines:
        out(say("key_none"))
    for key, public in lines:
        mark = pick(("（本机）", " (this laptop)")) if key.local else ""
        out(f"{key.fingerprint}{mark}  {public}")
    return 0


def _key_password(*, twice: bool) -> str:
    """SKILLSAPP_KEY_PASSWORD, else typed at a terminal (twice for a new file)."""
    if (value := os.environ.get(KEY_PASSWORD_ENV)) is not None:
        return value
    password = typed(say("key_password_prompt"), "cert_key_password_required")
    if twice and getpass.getpass(say("repeat_prompt")) != password:
        raise ValidationError({"password": "password_mismatch"})
    return password


def cmd_key_export(args: argparse.Namespace) -> int:
    password = _key_password(twice=True)
    with opened(args, must_exist=True) as services:
        services.cert_keys.export_private_key(args.out, password)
    out(say("key_exported", path=args.out))
    return 0


def cmd_key_import(args: argparse.Namespace) -> int:
    password = _key_password(twice=False)
    with opened(args, must_exist=True) as services:
        row = services.cert_keys.import_private_key(args.file, password, replace=args.replace)
    out(say("key_imported", fingerprint=row.fingerprint))
    return 0
