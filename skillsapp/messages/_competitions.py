"""Competitions, scheme problems and printables."""

MESSAGES: dict[str, tuple[str, str]] = {
    # competitions
    "blocked": ("无法执行", "Not possible"),
    "competition_locked": (
        "赛事结果已锁定，不能再修改",
        "The competition is locked; nothing can change",
    ),
    "competition_wrong_status": (
        "赛事当前处于「{status}」状态，不允许此操作",
        "Not allowed while the competition is in status {status}",
    ),
    "competition_code_invalid": (
        "赛事代码应为1–20位字母或数字",
        "A competition code has 1–20 letters or digits",
    ),
    "competition_code_taken": ("赛事代码已被使用", "This competition code is taken"),
    "competition_not_found": (
        "没有编号或代码为 {ref} 的赛事",
        "There is no competition with the id or code {ref}",
    ),
    "end_before_start": ("结束日期早于开始日期", "The end date is before the start date"),
    "quota_not_positive": ("名额至少为1", "A quota is at least 1"),
    "value_negative": ("数值不能为负", "The value cannot be negative"),
    "competition_no_events": ("赛事还没有比赛项目", "The competition has no events yet"),
    "event_scheme_invalid": (
        "项目“{event}”的评分标准不完整或有误",
        "The scoring scheme of event {event} is incomplete or invalid",
    ),
    "event_not_drawn": ("项目“{event}”尚未抽签", "Event {event} has not been drawn"),
    "event_no_judges": ("项目“{event}”尚未指派裁判", "Event {event} has no judges"),
    "event_no_chief_judge": ("项目“{event}”尚未指定裁判长", "Event {event} has no chief judge"),
    "competition_no_registrations": ("赛事还没有报名", "The competition has no registrations"),
    "review_period_running": (
        "公示期未满，{until} 后才能定稿",
        "The public review period runs until {until}",
    ),
    "status_unchanged": (
        "赛事已处于「{status}」状态",
        "The competition is already in status {status}",
    ),
    "reason_required": ("回退状态必须填写原因", "Moving back needs a reason"),
    "status_skip": (
        "不能从「{status}」直接转到「{target}」，流程步骤不能跳过",
        "Cannot go from {status} straight to {target}: steps of the workflow cannot be skipped",
    ),
    # scheme problems (domain.scoring.SchemeProblemCode)
    "no_components": ("评分标准至少需要一个组成部分", "A scheme needs at least one component"),
    "weights_not_100": ("各部分权重之和必须为100%", "The component weights must add up to 100 %"),
    "weight_negative": ("权重不能为负（{subject}）", "A weight cannot be negative ({subject})"),
    "component_empty": ("组成部分“{subject}”没有评分项", "Component {subject} has no criteria"),
    "component_max_not_100": (
        "组成部分“{subject}”的评分项配分之和应为100",
        "The criteria of {subject} must add up to 100 marks",
    ),
    "duplicate_component_key": (
        "组成部分代码重复：{subject}",
        "Component key used twice: {subject}",
    ),
    "duplicate_criterion_key": ("评分项代码重复：{subject}", "Criterion key used twice: {subject}"),
    "criterion_max_not_positive": (
        "评分项“{subject}”的配分必须大于0",
        "Criterion {subject} needs a maximum above 0",
    ),
    "step_not_positive": (
        "评分项“{subject}”的分值步长必须大于0",
        "The step of {subject} must be above 0",
    ),
    "worldskills_deduction": (
        "世赛评价法的评分项不能是扣分项（{subject}）",
        "A WorldSkills judgement criterion cannot be a deduction ({subject})",
    ),
    "trim_threshold_too_low": (
        "去掉最高最低分至少需要4名裁判",
        "Dropping the highest and lowest needs at least 4 judges",
    ),
    "spread_negative": ("允许的评分差不能为负", "The allowed spread cannot be negative"),
    "rounding_decimals_negative": ("小数位数不能为负", "The number of decimals cannot be negative"),
    "rounding_mode_unknown": ("未知的舍入方式", "Unknown rounding mode"),
    "tie_break_unknown_component": (
        "同分排序引用了不存在的组成部分：{subject}",
        "The tie-break names an unknown component: {subject}",
    ),
    "tie_break_duplicate": (
        "同分排序条件重复：{subject}",
        "A tie-break step is repeated: {subject}",
    ),
    "min_field_not_positive": ("最少参赛人数至少为1", "The minimum field is at least 1"),
    "award_tier_unnamed": ("奖项等级必须有名称", "An award tier needs a name"),
    "award_tier_negative": (
        "奖项名额或比例不能为负（{subject}）",
        "An award count or share cannot be negative ({subject})",
    ),
    "award_shares_over_100": (
        "各奖项比例之和超过100%",
        "The award shares add up to more than 100 %",
    ),
    "tie_break_time_not_recorded": (
        "按用时排序需先启用“记录用时”",
        "Breaking ties by time needs time used to be recorded",
    ),
    "scheme_not_a_scheme": ("不是 SkillsApp 评分标准文件", "Not a SkillsApp scoring scheme file"),
    "scheme_missing_field": (
        "评分标准文件缺少字段：{where}",
        "The scheme file lacks a field: {where}",
    ),
    "scheme_bad_number": (
        "评分标准文件中的数值无效：{where}",
        "Not a number in the scheme file: {where}",
    ),
    "scheme_bad_value": (
        "评分标准文件中的取值无效：{where}",
        "Invalid value in the scheme file: {where}",
    ),
    "scheme_title_needs_rank_or_tier": (
        "称号规则须指定名次或奖项：{where}",
        "A title rule needs a rank or an award: {where}",
    ),
    "import_stale": (
        "预览之后有人已登记了其中的人员（第 {rows} 行），请重新预览",
        "Some of these persons were registered after the preview (rows {rows}); preview again",
    ),
    "audit_broken": (
        "审计日志在第 {id} 条处被改动过，链条已断",
        "The audit log was altered at entry {id}; the chain is broken",
    ),
    "first_account_admin": ("第一个账号必须是管理员", "The first account must be an administrator"),
    "password_required": ("必须输入密码", "A password is required"),
    "db_not_skillsapp": ("{url} 不是 SkillsApp 数据库", "{url} is not a SkillsApp database"),
    "demo_not_empty": (
        "数据库 {url} 中已有人员，演示数据只写入空数据库",
        "The database {url} already has persons; demo data goes only into an empty one",
    ),
    "entry_invalid": ("分数无效", "Invalid marks"),
    "trade_too_long": ("工种名称过长（最多60字）", "The trade is too long (60 characters at most)"),
    "title_too_long": ("职称过长（最多40字）", "The title is too long (40 characters at most)"),
    # printables and score sheets (pdf, interchange.score_sheets, services.forms)
    "forms_cancelled": (
        "已取消：已写完的 {written} 个文件保留，其余未生成",
        "Cancelled: the {written} files already finished were kept, the rest not written",
    ),
    "score_sheet_not_ours": (
        "{path} 不是 SkillsApp 生成的评分表",
        "{path} is not a score sheet written by SkillsApp",
    ),
    "score_sheet_damaged": (
        "评分表 {path} 的隐藏信息已损坏：{detail}",
        "The hidden data of score sheet {path} is damaged: {detail}",
    ),
    "score_sheet_row_moved": (
        "该行的编号与生成时不符（现为“{value}”），请勿移动、插入或删除行",
        "This row's code changed (now '{value}'); do not move, insert or delete rows",
    ),
    "score_sheet_not_a_number": ("“{value}”不是有效的分数", "'{value}' is not a valid mark"),
    "score_sheet_out_of_range": (
        "分数 {value} 超出 0 到配分的范围",
        "The mark {value} is outside 0 to the item's maximum",
    ),
}
