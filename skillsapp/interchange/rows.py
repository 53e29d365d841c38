"""What a parsed import file hands to the services: rows with their problems."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from skillsapp.domain.person_rules import PersonInput


@dataclass(frozen=True)
class RowProblem:
    """One problem of one row: the row's number in the file, the field, an error code."""

    row: int
    field: str
    code: str
    value: str = ""
    params: Mapping[str, object] = dataclasses.field(default_factory=dict)  # for the message text


@dataclass(frozen=True)
class PersonDraft:
    """A parsed person row; `data` is None when the row could not be read at all."""

    row: int
    data: PersonInput | None
    unit_name: str = ""
    problems: tuple[RowProblem, ...] = ()
