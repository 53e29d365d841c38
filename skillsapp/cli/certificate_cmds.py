"""`skillsapp certificates`, `certificates calibration` and `verify`: the certificates."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from skillsapp.app import Services
from skillsapp.cli.common import Commands, command, competition_id, err, opened, out
from skillsapp.cli.scoring_cmds import write_file
from skillsapp.cli.texts import VERIFY_FIELDS, pick, say
from skillsapp.errors import UserError

if TYPE_CHECKING:
    from skillsapp.domain.certificates import TemplateKind
    from skillsapp.services.certificates.cert_verify import RegisterEntry, VerifyResult

REF_HELP = "the competition's id or code"


def add_certificates(commands: Commands, common: argparse.ArgumentParser) -> None:
    certs = command(
        commands, common, "certificates", "issue award certificates (获奖证书)", cmd_certificates
    )
    certs.add_argument("--competition", metavar="ID", help=REF_HELP + " (required)")
    certs.add_argument(
        "--tiers", metavar="A,B", default="", help="awards to certify (default: every tier)"
    )
    certs.add_argument("--template", metavar="NAME", default="", help="a published template")
    certs.add_argument("--split", action="store_true", help="one PDF per certificate in OUT/")
    certs.add_argument("--out", metavar="PATH", type=Path, help="PDF file, or folder with --split")
    group = certs.add_subparsers(dest="action", metavar="[calibration]")
    calibration = command(group, common, "calibration", "print a calibration page", cmd_calibration)
    calibration.add_argument("--template", metavar="NAME", default="")
    calibration.add_argument(
        "--offset",
        metavar="DX,DY",
        type=offsets,
        default=(0.0, 0.0),
        help="the printer's offsets in mm",
    )
    calibration.add_argument("--out", metavar="FILE.pdf", type=Path, required=True)


def add_verify(commands: Commands, common: argparse.ArgumentParser) -> None:
    verify = command(
        commands,
        common,
        "verify",
        "check a certificate's QR code (exit 1 unless valid)",
        cmd_verify,
    )
    verify.add_argument("payload", metavar="PAYLOAD", help="the QR code's text (SKC1:…)")
    verify.add_argument("--serial", action="store_true", help="PAYLOAD is a printed serial")


def usage_problem(args: argparse.Namespace) -> str | None:
    """What the issuing form of `certificates` lacks (argparse cannot say it: the
    calibration action takes neither option)."""
    if args.handler is not cmd_certificates:
        return None
    missing = [name for name in ("competition", "out") if getattr(args, name) is None]
    return f"certificates needs --{' and --'.join(missing)}" if missing else None


# ----------------------------------------------------------------------------- issuing


def cmd_certificates(args: argparse.Namespace) -> int:
    from skillsapp.domain.certificates import TemplateKind
    from skillsapp.services.certificates.certificates import Output

    with opened(args, must_exist=True) as services:
        reference = competition_id(services, args.competition)
        tiers = _tiers(args.tiers) or _award_tiers(services, reference)
        candidates = services.certificates.candidates(reference, awards=tiers)
        if not candidates:
            raise UserError("cert_nothing_selected")
        template = _template_id(services, args.template, TemplateKind.AWARD)
        if template is None:
            return 1
        result = services.certificates.issue(
            candidates, template, Output(args.out, split=args.split)
        )
    if result.serials:
        first, last = result.serials[0], result.serials[-1]
        out(say("certs_issued", issued=result.issued, first=first, last=last, path=args.out))
    if result.skipped:
        out(say("certs_skipped", skipped=result.skipped))
    return 0


def _tiers(text: str) -> list[str]:
    return [t.strip() for t in text.replace("，", ",").split(",") if t.strip()]


def _award_tiers(services: Services, reference: int) -> list[str]:
    """Every award tier given in the competition's published results, in scheme order."""
    return [row.name for row in services.certificates.awarded(reference) if row.kind == "award"]


def _template_id(services: Services, name: str, kind: TemplateKind) -> int | None:
    """The published template called `name`, else the first built-in one of `kind`;
    None (the choices listed on stderr) when there is none."""
    services.cert_templates.ensure_builtin_templates()
    rows = [r for r in services.cert_templates.templates() if r.published_number is not None]
    found = [r for r in rows if (r.name == name.strip() if name else r.kind is kind)]
    if found:
        return found[0].id
    err(say("template_unknown", name=name))
    for row in rows:
        err(f"  {row.name}")
    return None


# ----------------------------------------------------------------------------- calibration


def cmd_calibration(args: argparse.Namespace) -> int:
    from skillsapp.domain.certificates import TemplateKind

    with opened(args, must_exist=True) as services:
        template = _template_id(services, args.template, TemplateKind.AWARD)
        if template is None:
            return 1
        data = services.certificates.calibration_page(template, args.offset)
    write_file(args.out, data)
    out(say("calibration_written", path=args.out))
    return 0


def offsets(text: str) -> tuple[float, float]:
    """`DX,DY` in millimetres (a usage error otherwise)."""
    try:
        dx, dy = (float(part) for part in text.replace("，", ",").split(","))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not DX,DY in mm: {text}") from exc
    return dx, dy


# ----------------------------------------------------------------------------- verify


def cmd_verify(args: argparse.Namespace) -> int:
    """The verdict and the register's entry; 0 only for a valid certificate."""
    from skillsapp.services.certificates.cert_verify import VerifyStatus

    with opened(args, must_exist=True) as services:
        if args.serial:
            result = services.certificates.verify_serial(args.payload)
        else:
            result = services.certificates.verify(args.payload)
    out(_verdict(result))
    if result.entry is not None:
        for line in _entry_lines(result.entry):
            out(line)
    return 0 if result.status is VerifyStatus.VALID else 1


def _verdict(result: VerifyResult) -> str:
    serial = result.entry.serial if result.entry else str(result.details.get("serial", ""))
    key = f"verify_{result.status.value}"
    if result.details.get("reason") == "not_a_certificate_code":
        key = "verify_not_ours"
    entry = result.entry
    when = entry.revoked_at.date().isoformat() if entry and entry.revoked_at else ""
    reason = entry.revoked_reason if entry else ""
    return say(key, serial=serial, day=when, reason=reason)


def _entry_lines(entry: RegisterEntry) -> list[str]:
    """The printed values, then who issued it when, with which template."""
    lines = [
        f"  {pick(label)}：{entry[name]}" for name, label in VERIFY_FIELDS.items() if entry[name]
    ]
    issued = entry.issued_at.date().isoformat()
    lines.append(
        say(
            "verify_issued",
            day=issued,
            by=entry.issued_by,
            template=entry.template,
            version=entry.template_version,
            prints=entry.prints,
        )
    )
    return lines
