"""`skillsapp demo`, `import persons` and `export persons`: the person registry."""

from __future__ import annotations

import argparse
from pathlib import Path

from skillsapp.cli.common import Commands, command, err, opened, out, problem_line, unit_id
from skillsapp.cli.texts import say
from skillsapp.errors import UserError
from skillsapp.services.registry.registry import PersonQuery

DEFAULT_DEMO_PERSONS = 300
DEMO_HELP = (
    "persons in the registry (default %(default)s); from 200 on, the demo also holds "
    "a finished enterprise contest with final results, a city meet in registration, "
    "honours, mentor pairs and 20 innovation studios"
)


def add_demo(commands: Commands, common: argparse.ArgumentParser) -> None:
    demo = command(commands, common, "demo", "write a demo database (needs --db)", cmd_demo)
    demo.add_argument(
        "--persons", type=int, default=DEFAULT_DEMO_PERSONS, metavar="N", help=DEMO_HELP
    )
    demo.add_argument("--seed", type=int, default=2025, help=argparse.SUPPRESS)


def add_import_persons(group: Commands, common: argparse.ArgumentParser) -> None:
    persons = command(group, common, "persons", "import persons", cmd_import_persons)
    persons.add_argument("file", metavar="FILE", type=Path)


def add_export_persons(group: Commands, common: argparse.ArgumentParser) -> None:
    persons = command(group, common, "persons", "export persons", cmd_export_persons)
    persons.add_argument("file", metavar="FILE", type=Path)
    persons.add_argument("--search", metavar="TEXT", default="", help="name, ID, unit or pinyin")
    persons.add_argument("--unit", metavar="NAME", default="", help="only this unit")


def cmd_demo(args: argparse.Namespace) -> int:
    from skillsapp.services.demo.demo import write_demo

    codes = write_demo(args.db, persons=args.persons, seed=args.seed)
    out(say("demo_written", path=args.db, persons=args.persons))
    if codes:
        out(say("demo_competitions", codes=", ".join(codes)))
    return 0


def cmd_import_persons(args: argparse.Namespace) -> int:
    from skillsapp.interchange.persons import read_persons

    drafts = read_persons(args.file)
    with opened(args) as services:
        preview = services.importer.preview(drafts)
        for problem in preview.problems:
            err(problem_line(problem))
        if not preview.valid:
            raise UserError("import_nothing")
        result = services.importer.run(preview)
    out(
        say(
            "imported",
            imported=result.imported,
            skipped=result.skipped,
            units=result.units_created,
        )
    )
    return 0


def cmd_export_persons(args: argparse.Namespace) -> int:
    from skillsapp.services.registry.registry_export import export_persons

    with opened(args, must_exist=True) as services:
        unit = unit_id(services, args.unit) if args.unit else None
        query = PersonQuery(text=args.search, unit_id=unit, limit=None)
        count = export_persons(services.registry, query, args.file)
    out(say("exported", count=count, path=args.file))
    return 0
