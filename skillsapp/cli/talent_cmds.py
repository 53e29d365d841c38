"""`skillsapp import honours|studios|innovations`, `export studios` and `profile`: the
talent registry beyond the persons themselves."""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from skillsapp import messages
from skillsapp.app import Services
from skillsapp.cli.common import Commands, command, err, opened, out, problem_line
from skillsapp.cli.scoring_cmds import write_file
from skillsapp.cli.texts import say
from skillsapp.errors import NotFound, UserError
from skillsapp.interchange.rows import RowProblem

ID_NUMBER_LENGTHS = (15, 18)


def add_import_honours(group: Commands, common: argparse.ArgumentParser) -> None:
    honours = command(group, common, "honours", "import honours (荣誉)", cmd_import_honours)
    honours.add_argument("file", metavar="FILE", type=Path)


def add_import_studios(group: Commands, common: argparse.ArgumentParser) -> None:
    studios = command(group, common, "studios", "import studios (创新工作室)", cmd_import_studios)
    studios.add_argument("file", metavar="FILE", type=Path)


def add_import_innovations(group: Commands, common: argparse.ArgumentParser) -> None:
    innovations = command(
        group, common, "innovations", "import studio innovations (创新成果)", cmd_import_innovations
    )
    innovations.add_argument("file", metavar="FILE", type=Path)


def add_export_studios(group: Commands, common: argparse.ArgumentParser) -> None:
    studios = command(group, common, "studios", "export the studios", cmd_export_studios)
    studios.add_argument("file", metavar="FILE", type=Path)


def add_profile(commands: Commands, common: argparse.ArgumentParser) -> None:
    profile = command(
        commands, common, "profile", "write a person's dossier (人才档案)", cmd_profile
    )
    profile.add_argument("person", metavar="PERSON_ID", help="registry id or resident ID number")
    profile.add_argument("--out", metavar="FILE.pdf", type=Path, required=True)


# ----------------------------------------------------------------------------- imports


def cmd_import_honours(args: argparse.Namespace) -> int:
    from skillsapp.interchange.honours_xlsx import HEADER_ALIASES

    headers = {name: aliases[0] for name, aliases in HEADER_ALIASES.items()}
    with opened(args) as services:
        preview = services.honour_import.preview_file(args.file)
        _report(preview.problems, headers)
        if not preview.valid:
            raise UserError("import_nothing")
        result = services.honour_import.run(preview)
    out(say("honours_imported", imported=result.imported, skipped=result.skipped))
    return 0


def cmd_import_studios(args: argparse.Namespace) -> int:
    from skillsapp.interchange.studios_xlsx import STUDIO_HEADERS, read_studios

    drafts = read_studios(args.file)
    with opened(args) as services:
        preview = services.studio_import.preview_studios(drafts)
        _report(preview.problems, STUDIO_HEADERS)
        if not preview.valid:
            raise UserError("import_nothing")
        result = services.studio_import.run_studios(preview)
    out(say("studios_imported", imported=result.imported, skipped=result.skipped))
    if preview.new_units:
        out(say("units_created", units="、".join(preview.new_units)))
    return 0


def cmd_import_innovations(args: argparse.Namespace) -> int:
    from skillsapp.interchange.studios_xlsx import INNOVATION_HEADERS, read_innovations

    drafts = read_innovations(args.file)
    with opened(args) as services:
        preview = services.studio_import.preview_innovations(drafts)
        _report(preview.problems, INNOVATION_HEADERS)
        if not preview.valid:
            raise UserError("import_nothing")
        result = services.studio_import.run_innovations(preview)
    out(say("innovations_imported", imported=result.imported, skipped=result.skipped))
    return 0


def _report(problems: Sequence[RowProblem], headers: Mapping[str, str]) -> None:
    """Every problem on stderr, one a line, named by the file's column in Chinese."""
    for problem in problems:
        err(problem_line(replace(problem, field=_column(problem.field, headers))))


def _column(field: str, headers: Mapping[str, str]) -> str:
    if messages.language() == "zh_CN":
        return headers.get(field, field)
    return field.replace("_", " ")


# ----------------------------------------------------------------------------- export, dossier


def cmd_export_studios(args: argparse.Namespace) -> int:
    with opened(args, must_exist=True) as services:
        try:
            count = services.studio_import.export_studios(args.file)
        except OSError as exc:
            raise UserError("file_unwritable", path=str(args.file), detail=str(exc)) from exc
    out(say("studios_exported", count=count, path=args.file))
    return 0


def cmd_profile(args: argparse.Namespace) -> int:
    with opened(args, must_exist=True) as services:
        person = person_id(services, args.person)
        data = services.profile.profile_pdf(person)
    write_file(args.out, data)
    out(say("profile_written", path=args.out))
    return 0


def person_id(services: Services, ref: str) -> int:
    """The person whose registry id or resident ID number is `ref`."""
    from skillsapp.services.registry.registry import PersonQuery

    wanted = ref.strip().upper()
    if len(wanted) in ID_NUMBER_LENGTHS:
        rows = services.registry.search(PersonQuery(text=wanted, limit=2), count=False).rows
        found = [row.id for row in rows if row.id_number == wanted]
        if found:
            return found[0]
    elif wanted.isdigit():
        return int(wanted)
    raise NotFound(entity="person", id=ref)
