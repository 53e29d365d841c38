"""Events, schemes, registration, the draw and judges."""

MESSAGES: dict[str, tuple[str, str]] = {
    # events, schemes, registration, draw, judges
    "event_name_taken": ("本赛事已有同名比赛项目", "The competition has an event of that name"),
    "event_name_too_long": ("项目名称过长", "The event name is too long"),
    "team_size_invalid": ("团体项目每队至少2人", "A team event needs teams of at least 2"),
    "team_k_invalid": ("计入团体成绩的人数至少为1", "At least 1 member must count for the team"),
    "level_range_invalid": (
        "最高技能等级不能低于最低技能等级",
        "The highest skill level is below the lowest",
    ),
    "age_range_invalid": ("最大年龄不能小于最小年龄", "The maximum age is below the minimum age"),
    "event_has_registrations": (
        "项目“{event}”已有 {count} 人报名，不能删除",
        "Event {event} has {count} entries and cannot be deleted",
    ),
    "scheme_xlsx_header_missing": (
        "工作表“{sheet}”中找不到评分项表头（组成部分、评分项代码、评分项名称、配分）",
        "Sheet {sheet} has no criteria header (component, key, name, maximum)",
    ),
    "scheme_xlsx_missing_cell": (
        "工作表“{sheet}”第 {row} 行“{column}”不能为空",
        "Sheet {sheet}, row {row}: {column} must be filled in",
    ),
    "scheme_xlsx_bad_cell": (
        "工作表“{sheet}”第 {row} 行“{column}”的值无效：{value}",
        "Sheet {sheet}, row {row}: invalid {column}: {value}",
    ),
    "scheme_xlsx_weight_mismatch": (
        "工作表“{sheet}”第 {row} 行：同一组成部分的权重前后不一致（{value}）",
        "Sheet {sheet}, row {row}: the component's weight differs from above ({value})",
    ),
    "scheme_xlsx_unknown_component": (
        "工作表“{sheet}”第 {row} 行“{column}”引用了不存在的组成部分：{value}",
        "Sheet {sheet}, row {row}: {column} names an unknown component: {value}",
    ),
    "already_registered": ("{name} 已报名“{event}”", "{name} is already entered for {event}"),
    "person_in_other_event": (
        "{name} 已报名“{event}”，本赛事每人只能报一个项目",
        "{name} is entered for {event}; one event per person in this competition",
    ),
    "quota_exceeded": (
        "{unit} 在“{event}”的名额（{quota} 人）已满",
        "{unit} has used its {quota} places in {event}",
    ),
    "level_missing": (
        "未登记技能等级，达不到本项目的最低等级要求",
        "No skill level recorded; the event requires a minimum level",
    ),
    "level_too_low": (
        "技能等级低于本项目的最低要求",
        "The skill level is below the event's minimum",
    ),
    "level_too_high": (
        "技能等级高于本项目的最高限制",
        "The skill level is above the event's maximum",
    ),
    "age_unknown": (
        "出生日期不详，无法核对年龄要求",
        "No birth date; the age limits cannot be checked",
    ),
    "age_too_low": ("年龄低于本项目的最小年龄", "Younger than the event's minimum age"),
    "age_too_high": ("年龄超过本项目的最大年龄", "Older than the event's maximum age"),
    "unit_not_allowed": ("该单位不在本项目允许参赛的单位之列", "The unit may not enter this event"),
    "team_name_required": ("团体项目必须填写队名", "A team event needs a team name"),
    "person_name_mismatch": (
        "姓名与人才库中该身份证号登记的姓名不一致",
        "The name differs from the registry's for this ID number",
    ),
    "registration_not_active": ("该报名已退赛", "This entry has been withdrawn"),
    "registration_drawn": (
        "已抽签（参赛号 {bib}），只能退赛，不能删除",
        "Already drawn (number {bib}): withdraw the entry instead",
    ),
    "event_unknown": ("没有名为“{value}”的比赛项目", "There is no event called {value}"),
    "entry_event_missing": ("未填写比赛项目", "The event is missing"),
    "entry_unit_required": ("未填写参赛单位", "The unit is missing"),
    "entry_duplicate_in_file": (
        "同一人在文件中重复报名同一项目（第 {other} 行）",
        "The same person is entered twice for this event (row {other})",
    ),
    "registration_import_stale": (
        "预览之后报名或人才库已有变化，请重新预览",
        "Entries or the registry changed after the preview; preview again",
    ),
    "draw_seed_invalid": (
        "抽签种子必须是 0 到 {limit} 之间的整数（{seed}）",
        "A draw seed is a whole number from 0 to {limit} ({seed})",
    ),
    "judge_role_required": ("{name} 不是裁判账号", "{name} is not a judge account"),
    "judge_inactive": ("裁判账号 {name} 已停用", "The judge account {name} is disabled"),
    "judge_not_assigned": ("该裁判未分配到本项目", "This judge is not assigned to the event"),
    "judge_already_assigned": (
        "{name} 已是“{event}”的裁判",
        "{name} already judges {event}",
    ),
    "registration_not_in_event": (
        "该选手未报名“{event}”",
        "This contestant is not entered for {event}",
    ),
    "competition_file_invalid": (
        "不是有效的 SkillsApp 赛事文件（{where}）",
        "Not a valid SkillsApp competition file ({where})",
    ),
}
