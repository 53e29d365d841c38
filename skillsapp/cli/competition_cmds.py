"""`skillsapp competition list|export|import|status`: competitions as a whole."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from skillsapp.cli.common import (
    Commands,
    actions,
    command,
    competition_id,
    err,
    opened,
    out,
)
from skillsapp.cli.texts import COMPETITION_HEADERS, KIND_LABELS, pick, say, table
from skillsapp.errors import Blocked, UserError
from skillsapp.messages import STATUS_LABELS

if TYPE_CHECKING:
    from skillsapp.services.competitions.competitions import CompetitionRow

REF_HELP = "the competition's id or code"
NUMERIC_COLUMNS = frozenset({0, 7, 8})


def add_competition(commands: Commands, common: argparse.ArgumentParser) -> None:
    group = actions(command(commands, common, "competition", "competitions"))
    listing = command(group, common, "list", "list the competitions", cmd_competition_list)
    listing.add_argument("--format", choices=("table", "json"), default="table")
    export = command(
        group, common, "export", "write a competition's set-up to JSON", cmd_competition_export
    )
    export.add_argument("competition", metavar="ID", help=REF_HELP)
    export.add_argument("file", metavar="FILE.json", type=Path)
    imported = command(
        group, common, "import", "create a competition from JSON", cmd_competition_import
    )
    imported.add_argument("file", metavar="FILE.json", type=Path)
    imported.add_argument("--code", metavar="NEW", help="a new code instead of the file's")
    status = command(group, common, "status", "move through the workflow", cmd_competition_status)
    status.add_argument("competition", metavar="ID", help=REF_HELP)
    status.add_argument("target", metavar="TARGET", choices=tuple(STATUS_LABELS))
    status.add_argument("--reason", metavar="TEXT", default="", help="needed to move back")


def cmd_competition_list(args: argparse.Namespace) -> int:
    with opened(args, must_exist=True) as services:
        rows = services.competitions.competitions()
    if args.format == "json":
        out(json.dumps([_json(row) for row in rows], ensure_ascii=False, indent=2))
    elif not rows:
        out(say("no_competitions"))
    else:
        header = [pick(pair) for pair in COMPETITION_HEADERS]
        for line in table([header, *map(_cells, rows)], right=NUMERIC_COLUMNS):
            out(line)
    return 0


def _json(row: CompetitionRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "code": row.code,
        "name": row.name,
        "kind": row.kind.value,
        "status": row.status.value,
        "start_date": row.start_date.isoformat() if row.start_date else None,
        "end_date": row.end_date.isoformat() if row.end_date else None,
        "events": row.event_count,
        "registrations": row.registration_count,
    }


def _cells(row: CompetitionRow) -> list[str]:
    return [
        str(row.id),
        row.code,
        row.name,
        pick(KIND_LABELS[row.kind]),
        pick(STATUS_LABELS[row.status]),
        row.start_date.isoformat() if row.start_date else "-",
        row.end_date.isoformat() if row.end_date else "-",
        str(row.event_count),
        str(row.registration_count),
    ]


def cmd_competition_export(args: argparse.Namespace) -> int:
    with opened(args, must_exist=True) as services:
        document = services.competition_io.export_competition(
            competition_id(services, args.competition)
        )
    _write_json(args.file, document)
    name, events = document["competition"]["name"], len(document["events"])
    out(say("competition_exported", name=name, events=events, path=args.file))
    return 0


def cmd_competition_import(args: argparse.Namespace) -> int:
    document = _read_json(args.file)
    with opened(args) as services:
        row = services.competition_io.import_competition(document, code=args.code)
    out(
        say("competition_imported", name=row.name, id=row.id, code=row.code, events=row.event_count)
    )
    return 0


def cmd_competition_status(args: argparse.Namespace) -> int:
    """Move to TARGET; a refusal lists every reason, one a line."""
    from skillsapp.domain.competitions import CompetitionStatus

    wanted = CompetitionStatus(args.target)
    with opened(args, must_exist=True) as services:
        reference = competition_id(services, args.competition)
        try:
            row = services.competitions.set_status(reference, wanted, reason=args.reason)
        except Blocked:
            err(say("status_refused", status=pick(STATUS_LABELS[wanted])))
            raise
    out(say("status_changed", name=row.name, status=pick(STATUS_LABELS[row.status])))
    return 0


def _write_json(path: Path, document: dict[str, Any]) -> None:
    try:
        path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    except OSError as exc:
        raise UserError("file_unwritable", path=str(path), detail=str(exc)) from exc


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise UserError("file_not_found", path=str(path)) from exc
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise UserError("file_unreadable", path=str(path), detail=str(exc)) from exc
