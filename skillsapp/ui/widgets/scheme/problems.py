"""A scheme's problems as the editor lists them, in the user's language."""

from __future__ import annotations

from skillsapp import messages
from skillsapp.domain.scheme_doc import ComponentSpec, SchemeSpec
from skillsapp.domain.scoring import SchemeProblem, SchemeProblemCode, TieBreak, TieBreakKind

# Problems whose subject is a component key: shown with the component's name.
_BY_COMPONENT = frozenset(
    {
        SchemeProblemCode.WEIGHT_NEGATIVE,
        SchemeProblemCode.COMPONENT_EMPTY,
        SchemeProblemCode.COMPONENT_MAX_NOT_100,
    }
)


def problem_text(problem: SchemeProblem, spec: SchemeSpec) -> str:
    subject = problem.subject
    if problem.code in _BY_COMPONENT:
        subject = next((c.name for c in spec.components if c.key == subject), subject)
    return messages.text(problem.code.value, subject=subject)


def problem_texts(spec: SchemeSpec) -> list[str]:
    return [problem_text(p, spec) for p in spec.problems()]


def reconcile_ties(
    old: tuple[ComponentSpec, ...], new: tuple[ComponentSpec, ...], ties: tuple[TieBreak, ...]
) -> tuple[TieBreak, ...]:
    """Tie-break steps after a component edit: a renamed key follows, a removed one goes."""
    keys = {c.key for c in new}
    renamed = {}
    if len(old) == len(new):
        renamed = {o.key: n.key for o, n in zip(old, new, strict=True) if o.key not in keys}
    kept = []
    for tie in ties:
        if tie.kind is TieBreakKind.COMPONENT:
            key = renamed.get(tie.component or "", tie.component)
            if key not in keys:
                continue
            tie = TieBreak(tie.kind, key, tie.descending)
        kept.append(tie)
    return tuple(kept)
