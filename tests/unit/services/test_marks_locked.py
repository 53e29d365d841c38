"""A locked (已定) competition refuses every write of mark entry, paper sheets and
re-checks with competition_locked, and writes nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from skillsapp.app import Services
from skillsapp.domain.roles import Role
from skillsapp.errors import UserError
from skillsapp.services.scoring.paper import MarkImportPreview
from tests.unit.services.test_marks_helpers import D, Scoring, account, fill, lock, scoring


@dataclass(frozen=True)
class Locked:
    meet: Scoring
    clerk: Services
    sheet_id: int
    item_id: int
    path: Path
    preview: MarkImportPreview

    @property
    def event(self) -> int:
        return self.meet.event_id

    @property
    def entry(self) -> int:
        return self.meet.entries[0]


def _locked(services: Services, tmp_path: Path) -> Locked:
    """Every kind of record a write could touch, made while scoring; then locked."""
    meet = scoring(services)
    fill(meet, 0)
    fill(meet, 1, measured=False)
    meet.judges[1].marks.submit(meet.event_id)
    clerks = [account(services, f"clerk{n}", Role.CLERK) for n in (1, 2)]
    sheet_id = clerks[0].paper.receive(meet.event_id, meet.judge_id(1)).sheet_id
    assert sheet_id is not None
    for clerk, value in zip(clerks, (D(20), D(21)), strict=True):
        clerk.paper.key(meet.event_id, meet.judge_id(1), {(meet.entries[0], "P2"): value})
    item_id = services.recheck.draw_sample(meet.event_id, seed=1).items[0].item_id
    path = tmp_path / "评分表.xlsx"
    services.forms.score_sheet_xlsx(meet.event_id, meet.judge_id(0), path)
    workbook = openpyxl.load_workbook(path)
    workbook.worksheets[0]["F9"] = 21  # P2 of the first contestant
    workbook.save(path)
    preview = services.paper.preview_import(path)
    lock(services, meet.competition_id)
    return Locked(meet, clerks[0], sheet_id, item_id, path, preview)


Write = Callable[[Services, Locked], object]

WRITES: dict[str, Write] = {
    "save mark": lambda s, x: x.meet.chief.marks.save_mark(x.event, x.entry, "P2", D(1)),
    "clear mark": lambda s, x: x.meet.chief.marks.save_mark(x.event, x.entry, "P2", None),
    "submit": lambda s, x: x.meet.chief.marks.submit(x.event),
    "time used": lambda s, x: x.meet.chief.marks.set_time_used(x.entry, D(50)),
    "disqualify": lambda s, x: x.meet.chief.marks.disqualify(x.entry, "安全事故"),
    "reinstate": lambda s, x: x.meet.chief.marks.reinstate(x.entry),
    "return marks": lambda s, x: x.meet.chief.marks.return_marks(
        x.event, x.meet.judge_id(1), "分差"
    ),
    "review done": lambda s, x: x.meet.chief.marks.review_done(x.event),
    "receive sheet": lambda s, x: s.paper.receive(x.event, x.meet.judge_id(0)),
    "key sheet": lambda s, x: s.paper.key(x.event, x.meet.judge_id(1), {}),
    "resolve": lambda s, x: s.paper.resolve(x.sheet_id, (x.entry, "P2"), D(20)),
    "confirm": lambda s, x: s.paper.confirm(x.sheet_id),
    "sign": lambda s, x: x.meet.chief.paper.sign(x.sheet_id),
    "preview import": lambda s, x: s.paper.preview_import(x.path),
    "run import": lambda s, x: s.paper.run_import(x.preview),
    "draw sample": lambda s, x: s.recheck.draw_sample(x.event, seed=2),
    "record check": lambda s, x: s.recheck.record_check(x.item_id, error_found=True),
}


@pytest.mark.parametrize("name", sorted(WRITES))
def test_a_locked_competition_refuses_the_write(
    services: Services, tmp_path: Path, name: str
) -> None:
    locked = _locked(services, tmp_path)
    before = [e.id for e in services.audit.entries()]
    with pytest.raises(UserError) as error:
        WRITES[name](services, locked)
    assert (error.value.code, error.value.params) == ("competition_locked", {"status": "final"})
    assert [e.id for e in services.audit.entries()] == before
