"""复核: the sample (top 10 plus at least 15 % of the rest, reproducible by its seed),
the checks recorded, and a full re-check called for above a 5 % error rate."""

from __future__ import annotations

from decimal import Decimal

import pytest

from skillsapp.app import Services
from skillsapp.domain.scheme_doc import standard_spec
from skillsapp.domain.scoring import recheck_sample
from skillsapp.errors import UserError
from tests.unit.services.test_marks_helpers import D, Scoring, scoring

ENTRANTS = 30


def _marked(services: Services, *, judges: int = 1) -> tuple[Scoring, list[int]]:
    """30 entries, every mark in; the later in start order, the better. Returns the
    registration ids best first."""
    meet = scoring(services, entrants=ENTRANTS, judges=judges, spec=standard_spec())
    for index, entry in enumerate(meet.entries):
        meet.chief.marks.save_mark(meet.event_id, entry, "T1", D(50 + index))
        meet.chief.marks.save_mark(meet.event_id, entry, "P1", D(60 + index))
    return meet, list(reversed(meet.entries))


def test_the_sample_holds_the_top_10_and_at_least_15_percent_of_the_rest(
    services: Services,
) -> None:
    meet, ranked = _marked(services)
    sample = meet.chief.recheck.draw_sample(meet.event_id, seed=42)
    chosen = [item.registration_id for item in sample.items]
    assert chosen[:10] == ranked[:10]
    assert len(chosen) == 10 + 3  # ⌈0.15 × 20⌉
    assert set(chosen[10:]) <= set(ranked[10:])
    assert [i.code for i in sample.items[:2]] == ["01030", "01029"]


def test_the_sample_is_reproducible_from_its_recorded_seed(services: Services) -> None:
    meet, ranked = _marked(services)
    sample = meet.chief.recheck.draw_sample(meet.event_id, top=5, share=Decimal("0.2"))
    again = recheck_sample(ranked, top=5, share=Decimal("0.2"), seed=sample.seed)
    assert [i.registration_id for i in sample.items] == again
    assert meet.chief.recheck.sample(meet.event_id) == sample
    with pytest.raises(UserError, match="recheck_already_drawn"):
        meet.chief.recheck.draw_sample(meet.event_id, seed=sample.seed)


def test_the_sample_waits_for_every_mark(services: Services) -> None:
    meet = scoring(services, entrants=12, judges=1, spec=standard_spec())
    with pytest.raises(UserError) as error:
        meet.chief.recheck.draw_sample(meet.event_id, seed=1)
    assert (error.value.code, error.value.params) == ("marks_missing", {"count": 24})


def test_a_full_recheck_is_called_for_above_5_percent(services: Services) -> None:
    meet, _ = _marked(services)
    items = meet.chief.recheck.draw_sample(meet.event_id, seed=42).items
    for item in items:
        meet.chief.recheck.record_check(item.item_id, error_found=False, note="无误")
    status = meet.chief.recheck.status(meet.event_id)
    assert (status.sample_size, status.checked, status.errors) == (13, 13, 0)
    assert not status.full_recheck_required
    row = meet.chief.recheck.record_check(items[4].item_id, error_found=True, note="P1 误记")
    assert (row.checked, row.error_found, row.note) == (True, True, "P1 误记")
    status = meet.chief.recheck.status(meet.event_id)
    assert status.error_rate == Decimal(1) / 13 and status.full_recheck_required


def test_the_chief_judge_or_an_organizer_rechecks(services: Services) -> None:
    meet, _ = _marked(services, judges=2)
    with pytest.raises(UserError, match="chief_judge_required"):
        meet.judges[1].recheck.draw_sample(meet.event_id, seed=1)
    assert len(services.recheck.draw_sample(meet.event_id, seed=1).items) == 13
    with pytest.raises(UserError, match="recheck_share_invalid"):
        services.recheck.draw_sample(meet.event_id, share=Decimal("1.5"))
