"""Words for the values that error parameters carry (a competition's status), so a
message says 「公示」 rather than "review"."""

# By the values of CompetitionStatus (StrEnums look them up as they are), in workflow
# order: the CLI's parser needs them without importing the ORM.
STATUS_LABELS: dict[str, tuple[str, str]] = {
    "draft": ("筹备", "draft"),
    "registration": ("报名", "registration"),
    "scoring": ("比赛", "scoring"),
    "review": ("公示", "review"),
    "final": ("已定", "final"),
    "archived": ("归档", "archived"),
}
# The codes whose `status` and `target` parameters are competition statuses.
COMPETITION_STATUS_CODES = frozenset(
    {
        "competition_wrong_status",
        "status_unchanged",
        "status_skip",
        "cert_competition_not_final",
    }
)
STATUS_PARAMS = ("status", "target")
