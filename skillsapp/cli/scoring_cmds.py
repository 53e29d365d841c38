"""`skillsapp import marks`, `results` and `publish`: marks in, results out."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from skillsapp.app import Services
from skillsapp.cli.common import (
    Commands,
    command,
    competition_id,
    err,
    opened,
    out,
    problem_line,
)
from skillsapp.cli.texts import pick, say
from skillsapp.errors import NotFound, UserError
from skillsapp.interchange.rows import RowProblem
from skillsapp.messages import STATUS_LABELS

if TYPE_CHECKING:
    from skillsapp.services.scoring.paper import MarkImportPreview
    from skillsapp.services.scoring.paper_import import ImportProblem

REF_HELP = "the competition's id or code"
FORMATS = ("json", "xlsx", "pdf")


def add_import_marks(group: Commands, common: argparse.ArgumentParser) -> None:
    marks = command(group, common, "marks", "import a filled score sheet (.xlsx)", cmd_import_marks)
    marks.add_argument("--competition", metavar="ID", required=True, help=REF_HELP)
    marks.add_argument("file", metavar="FILE.xlsx", type=Path)
    marks.add_argument(
        "--judge", metavar="USERNAME", default="", help="the judge of a sheet printed for none"
    )


def add_results(commands: Commands, common: argparse.ArgumentParser) -> None:
    results = command(commands, common, "results", "write the results (成绩表)", cmd_results)
    results.add_argument("--competition", metavar="ID", required=True, help=REF_HELP)
    results.add_argument("--event", metavar="ID", default="", help="one event (id or name)")
    results.add_argument("--format", choices=FORMATS, default="json")
    results.add_argument("--out", metavar="FILE", required=True, help="FILE, or - for JSON")


def add_publish(commands: Commands, common: argparse.ArgumentParser) -> None:
    publish = command(
        commands, common, "publish", "publish the results for review (公示)", cmd_publish
    )
    publish.add_argument("--competition", metavar="ID", required=True, help=REF_HELP)
    publish.add_argument(
        "--final", action="store_true", help="after the review period: make them final (已定)"
    )


# ----------------------------------------------------------------------------- import marks


def cmd_import_marks(args: argparse.Namespace) -> int:
    """Preview the sheet, list every cell's problem by row and column, write the rest."""
    with opened(args, must_exist=True) as services:
        reference = competition_id(services, args.competition)
        preview = _preview_marks(services, args, reference)
        for problem in preview.problems:
            err(problem_line(_row_problem(problem)))
        if not preview.marks:
            raise UserError("import_nothing")
        result = services.paper.run_import(preview)
    out(say("marks_imported", written=result.written, unchanged=result.unchanged))
    if result.problems:
        out(say("marks_left_out", count=result.problems))
    return 0


def _preview_marks(
    services: Services, args: argparse.Namespace, reference: int
) -> MarkImportPreview:
    """The sheet's preview; --judge names the judge of a sheet printed for nobody."""
    judge = _judge_id(services, args.judge) if args.judge else None
    return services.paper.preview_import(args.file, competition_id=reference, judge_id=judge)


def _judge_id(services: Services, username: str) -> int:
    for row in services.judges.judge_accounts():
        if row.username == username.strip():
            return row.user_id
    raise UserError("judge_role_required")


def _row_problem(problem: ImportProblem) -> RowProblem:
    """A cell's problem as `第 12 行 D 列（P1）: …`."""
    where = say("column", column=problem.column)
    if problem.criterion:
        where = f"{where}（{problem.criterion}）"
    params = {k: v for k, v in problem.params.items() if k != "value"}
    return RowProblem(problem.row, where, problem.code, problem.value, params)


# ----------------------------------------------------------------------------- results


def cmd_results(args: argparse.Namespace) -> int:
    with opened(args, must_exist=True) as services:
        reference = competition_id(services, args.competition)
        event = _event_id(services, reference, args.event) if args.event else None
        _write_results(services, args, reference, event)
    if str(args.out) != "-":
        out(say("results_written", path=args.out))
    return 0


def _write_results(
    services: Services, args: argparse.Namespace, reference: int, event: int | None
) -> None:
    path = Path(args.out)
    if args.format == "json":
        document = services.results.results_json(reference, event)
        text = json.dumps(document, ensure_ascii=False, indent=2)
        if args.out == "-":
            out(text)
        else:
            write_file(path, text.encode("utf-8"))
    elif args.format == "pdf":
        write_file(path, services.results.results_pdf(reference, event))
    else:
        try:
            services.results.results_xlsx(reference, path, event)
        except OSError as exc:
            raise UserError("file_unwritable", path=str(path), detail=str(exc)) from exc


def _event_id(services: Services, reference: int, wanted: str) -> int:
    """The competition's event whose id or name is `wanted`."""
    for row in services.events.events(reference):
        if wanted.strip() in (str(row.id), row.name):
            return row.id
    raise NotFound(entity="event", id=wanted)


def write_file(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise UserError("file_unwritable", path=str(path), detail=str(exc)) from exc


# ----------------------------------------------------------------------------- publish


def cmd_publish(args: argparse.Namespace) -> int:
    """公示 (or, with --final, 已定); a refusal lists every reason, one a line."""
    with opened(args, must_exist=True) as services:
        reference = competition_id(services, args.competition)
        if args.final:
            row = services.results.finalize(reference)
        else:
            row = services.results.publish(reference)
    status = pick(STATUS_LABELS[row.status])
    out(say("published", status=status, results=row.results))
    if row.review_ends is not None and not args.final:
        out(say("review_ends", day=row.review_ends.isoformat()))
    return 0
