"""A final (已定) competition refuses every set-up, entry, draw and judge change."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from skillsapp.app import Services
from skillsapp.domain.competitions import CompetitionStatus
from skillsapp.domain.scheme_doc import spec_to_json, standard_spec
from skillsapp.errors import UserError
from skillsapp.interchange.entry_forms import write_entry_form
from skillsapp.services.competitions.events import EventInput
from tests.factories import person_input
from tests.unit.services.test_competition_helpers import Meet, final_meet, judge, person

Write = Callable[[Services, Meet], object]

WRITES: dict[str, Write] = {
    "add event": lambda s, m: s.events.add(m.competition_id, EventInput(name="钳工")),
    "update event": lambda s, m: s.events.update(m.event_id, EventInput(name="电焊工")),
    "delete event": lambda s, m: s.events.delete(m.event_id),
    "save scheme": lambda s, m: s.events.save_scheme(m.event_id, standard_spec(20, 80)),
    "copy scheme": lambda s, m: s.events.copy_scheme(m.event_id, m.event_id),
    "import scheme": lambda s, m: s.events.import_scheme_document(
        m.event_id, spec_to_json(standard_spec())
    ),
    "register": lambda s, m: s.registrations.register(
        m.event_id, person(s, 40, m.unit_id).id, m.unit_id
    ),
    "register new person": lambda s, m: s.registrations.register_new_person(
        m.event_id, person_input(41), m.unit_id
    ),
    "withdraw": lambda s, m: s.registrations.withdraw(m.registration_ids[0], "伤病"),
    "remove": lambda s, m: s.registrations.remove(m.registration_ids[0]),
    "draw": lambda s, m: s.draw.draw(m.competition_id, seed=1),
    "draw event": lambda s, m: s.draw.draw_event(m.event_id, seed=1),
    "assign judge": lambda s, m: s.judges.assign(m.event_id, judge(s, "judge9").id),
    "remove judge": lambda s, m: s.judges.remove(m.event_id, m.judge_ids[1]),
    "set chief": lambda s, m: s.judges.set_chief(m.event_id, m.judge_ids[1]),
    "block": lambda s, m: s.judges.block(m.event_id, m.judge_ids[1], m.registration_ids[0]),
    "unblock": lambda s, m: s.judges.unblock(m.event_id, m.judge_ids[1], m.registration_ids[0]),
}


@pytest.mark.parametrize("name", sorted(WRITES))
def test_a_final_competition_refuses_the_write(services: Services, name: str) -> None:
    meet = final_meet(services)
    before = _competition_audit(services)
    with pytest.raises(UserError) as error:
        WRITES[name](services, meet)
    assert (error.value.code, error.value.params) == ("competition_locked", {"status": "final"})
    assert _competition_audit(services) == before


def _competition_audit(services: Services) -> list[int]:
    """Entries about competitions (the helpers' new persons and accounts aside)."""
    return [e.id for e in services.audit.entries() if e.entity not in {"person", "user"}]


def test_a_final_competition_refuses_an_entry_form_import(
    services: Services, tmp_path: Path
) -> None:
    meet = final_meet(services)
    path = tmp_path / "报名表.xlsx"
    write_entry_form(path, [["焊工", "赵六", "", person_input(42).id_number]])
    with pytest.raises(UserError, match="competition_locked"):
        services.entry_import.preview(meet.competition_id, path, unit_id=meet.unit_id)


def test_an_archived_competition_is_locked_too(services: Services) -> None:
    meet = final_meet(services)
    services.competitions.set_status(meet.competition_id, CompetitionStatus.ARCHIVED)
    with pytest.raises(UserError, match="competition_locked"):
        services.events.save_scheme(meet.event_id, standard_spec())
