"""`skillsapp import registrations`, `draw` and `forms`: getting a competition ready."""

from __future__ import annotations

import argparse
from pathlib import Path

from skillsapp.cli.common import (
    Commands,
    command,
    competition_id,
    err,
    opened,
    out,
    problem_line,
    unit_id,
)
from skillsapp.cli.texts import say
from skillsapp.errors import UserError

REF_HELP = "the competition's id or code"


def add_import_registrations(group: Commands, common: argparse.ArgumentParser) -> None:
    entries = command(
        group, common, "registrations", "import an entry form (报名表)", cmd_import_registrations
    )
    entries.add_argument("--competition", metavar="ID", required=True, help=REF_HELP)
    entries.add_argument("file", metavar="FILE", type=Path)
    entries.add_argument("--unit", metavar="NAME", default="", help="unit of rows naming none")


def add_draw(commands: Commands, common: argparse.ArgumentParser) -> None:
    draw = command(commands, common, "draw", "draw bibs, start order and blind codes", cmd_draw)
    draw.add_argument("--competition", metavar="ID", required=True, help=REF_HELP)
    draw.add_argument("--seed", type=int, metavar="N", help="repeat the draw of this seed")


def add_forms(commands: Commands, common: argparse.ArgumentParser) -> None:
    forms = command(commands, common, "forms", "write rosters, sign-in and score sheets", cmd_forms)
    forms.add_argument("--competition", metavar="ID", required=True, help=REF_HELP)
    forms.add_argument("--out", metavar="DIR", type=Path, required=True)


def cmd_import_registrations(args: argparse.Namespace) -> int:
    """Preview the form, list every problem by row, then register the valid rows."""
    with opened(args, must_exist=True) as services:
        reference = competition_id(services, args.competition)
        default_unit = unit_id(services, args.unit) if args.unit else None
        preview = services.entry_import.preview(reference, args.file, unit_id=default_unit)
        for problem in preview.problems:
            err(problem_line(problem))
        if not preview.valid:
            raise UserError("import_nothing")
        result = services.entry_import.run(preview)
    out(
        say(
            "registered",
            registered=result.registered,
            skipped=result.skipped,
            persons=result.persons_created,
            units=result.units_created,
        )
    )
    return 0


def cmd_draw(args: argparse.Namespace) -> int:
    with opened(args, must_exist=True) as services:
        result = services.draw.draw(competition_id(services, args.competition), seed=args.seed)
    out(say("draw_seed", seed=result.seed))
    for row in result.events:
        out(say("draw_event", event=row.event_name, count=row.entries))
    return 0


def cmd_forms(args: argparse.Namespace) -> int:
    with opened(args, must_exist=True) as services:
        written = services.forms.write_all(competition_id(services, args.competition), args.out)
    for path in written:
        out(str(path))
    out(say("forms_written", count=len(written), path=args.out))
    return 0
