"""Competition scoring maths: pure, exact, no Qt, no database.

scheme → entry (score one contestant) → ranking → awards, titles, teams;
plus judge aggregation, standardised scores and re-check sampling.
"""

from __future__ import annotations

from skillsapp.domain.scoring.aggregate import (
    WORLDSKILLS_SCALE,
    JudgeAggregate,
    aggregate_judges,
    trimmed_indices,
    trimmed_mean,
    worldskills,
)
from skillsapp.domain.scoring.awards import (
    MERIT_AWARD,
    AwardMode,
    AwardRule,
    Merit,
    MeritMode,
    Tier,
    assign_awards,
    award_boundaries,
    tier_counts,
)
from skillsapp.domain.scoring.entry import (
    CriterionMark,
    Entry,
    EntryInvalid,
    EntryProblem,
    EntryProblemCode,
    EntryScore,
    check_entry,
    score_criterion,
    score_entry,
)
from skillsapp.domain.scoring.ranking import RankedRow, advancing, rank, rank_key
from skillsapp.domain.scoring.recheck import recheck_needs_full, recheck_sample
from skillsapp.domain.scoring.scheme import (
    Aggregation,
    Component,
    ComponentBase,
    Criterion,
    CriterionKind,
    Rounding,
    Scheme,
    SchemeProblem,
    SchemeProblemCode,
    TieBreak,
    TieBreakKind,
)
from skillsapp.domain.scoring.standardise import standardised
from skillsapp.domain.scoring.teams import (
    DEFAULT_PLACE_POINTS,
    TeamMode,
    TeamRule,
    TeamScore,
    UnitStanding,
    team_scores,
    unit_standings,
)
from skillsapp.domain.scoring.titles import TitleRule, recommend_titles

__all__ = [
    "DEFAULT_PLACE_POINTS",
    "MERIT_AWARD",
    "WORLDSKILLS_SCALE",
    "Aggregation",
    "AwardMode",
    "AwardRule",
    "Component",
    "ComponentBase",
    "Criterion",
    "CriterionKind",
    "CriterionMark",
    "Entry",
    "EntryInvalid",
    "EntryProblem",
    "EntryProblemCode",
    "EntryScore",
    "JudgeAggregate",
    "Merit",
    "MeritMode",
    "RankedRow",
    "Rounding",
    "Scheme",
    "SchemeProblem",
    "SchemeProblemCode",
    "TeamMode",
    "TeamRule",
    "TeamScore",
    "TieBreak",
    "TieBreakKind",
    "Tier",
    "TitleRule",
    "UnitStanding",
    "advancing",
    "aggregate_judges",
    "assign_awards",
    "award_boundaries",
    "check_entry",
    "rank",
    "rank_key",
    "recheck_needs_full",
    "recheck_sample",
    "recommend_titles",
    "score_criterion",
    "score_entry",
    "standardised",
    "team_scores",
    "tier_counts",
    "trimmed_indices",
    "trimmed_mean",
    "unit_standings",
    "worldskills",
]
