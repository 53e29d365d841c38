"""User-facing texts for error codes, in every language the program speaks.

Widgets translate their own labels with Qt's `tr()`; the codes raised by the domain
and the services are translated here, so the CLI (which has no Qt translator) and
the GUI say the same thing. A test checks every code has both languages.
"""

from __future__ import annotations

from skillsapp.errors import Blocked, UserError, ValidationError

LANGUAGES = ("zh_CN", "en")
_language = "zh_CN"

# code → (Simplified Chinese, English). {name} placeholders come from error params.
MESSAGES: dict[str, tuple[str, str]] = {
    "error": ("操作失败", "The operation failed"),
    "validation": ("输入有误，请检查标出的字段", "Please correct the marked fields"),
    "permission_denied": ("当前账号无权执行此操作", "Your account may not do this"),
    "not_found": ("记录不存在或已被删除", "The record does not exist or was deleted"),
    "conflict": (
        "该记录已被他人修改，请刷新后重试",
        "Someone else changed this record; reload and try again",
    ),
    "auth_failed": (
        "用户名或密码错误，或账号已停用",
        "Wrong user name or password, or the account is disabled",
    ),
    "database": ("数据库无法使用", "The database cannot be used"),
    "db_bad_url": ("数据库地址无效：{url}", "Not a valid database address: {url}"),
    "db_driver_missing": (
        "缺少数据库驱动：请安装 skillsapp[postgres]（{url}）",
        "The database driver is missing: install skillsapp[postgres] ({url})",
    ),
    "db_unusable": ("无法打开数据库 {url}：{detail}", "Cannot open the database {url}: {detail}"),
    "db_too_new": (
        "数据库 {url} 由更新版本的 SkillsApp 创建（结构版本 {revision}），请升级本程序；数据库未做任何改动",
        "The database {url} was written by a newer SkillsApp (schema {revision}); "
        "upgrade this program. The database was not changed",
    ),
    "db_not_sqlite": (
        "此操作只适用于 SQLite 数据库文件",
        "This works only on an SQLite database file",
    ),
    "db_integrity": (
        "数据库完整性检查失败：{detail}",
        "The database integrity check failed: {detail}",
    ),
    "file_not_found": ("找不到文件：{path}", "File not found: {path}"),
    "file_unreadable": ("无法读取文件 {path}：{detail}", "Cannot read {path}: {detail}"),
    "file_unwritable": ("无法写入文件 {path}：{detail}", "Cannot write {path}: {detail}"),
    "file_format": (
        "不支持的文件类型：{path}（请用 .xlsx 或 .csv）",
        "Unsupported file type: {path} (use .xlsx or .csv)",
    ),
    "import_cancelled": ("导入已取消，未写入任何数据", "Import cancelled; nothing was written"),
    "import_nothing": ("没有可导入的有效行", "There are no valid rows to import"),
    "login_required": (
        "连接 PostgreSQL 时须用 --user 指定账号并提供密码",
        "A PostgreSQL database needs --user and a password",
    ),
    # competitions
    "blocked": ("无法执行", "Not possible"),
    "competition_locked": (
        "赛事结果已锁定，不能再修改",
        "The competition is locked; nothing can change",
    ),
    "competition_wrong_status": (
        "赛事当前状态（{status}）不允许此操作",
        "Not allowed while the competition is in status {status}",
    ),
    "competition_code_invalid": (
        "赛事代码应为1–20位字母或数字",
        "A competition code has 1–20 letters or digits",
    ),
    "competition_code_taken": ("赛事代码已被使用", "This competition code is taken"),
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
    "status_unchanged": ("赛事已处于该状态", "The competition is already in that status"),
    "reason_required": ("回退状态必须填写原因", "Moving back needs a reason"),
    "status_skip": ("不能跳过流程步骤", "Steps of the workflow cannot be skipped"),
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
    # field codes
    "name_required": ("必须填写姓名", "A name is required"),
    "name_too_long": ("姓名过长", "The name is too long"),
    "id_empty": ("必须填写身份证号", "An ID number is required"),
    "id_length": ("身份证号应为18位", "An ID number has 18 characters"),
    "id_chars": (
        "身份证号只能包含数字，末位可为X",
        "An ID number has digits only, the last may be X",
    ),
    "id_birth_date": (
        "身份证号中的出生日期无效",
        "The birth date in the ID number is not a real date",
    ),
    "id_future_birth": (
        "身份证号中的出生日期在未来",
        "The birth date in the ID number is in the future",
    ),
    "id_checksum": ("身份证号校验位错误", "The ID number's check character is wrong"),
    "id_legacy_not_allowed": ("不接受15位旧身份证号", "Old 15-digit ID numbers are not accepted"),
    "id_float_mangled": (
        "身份证号被 Excel 存成了数字，末几位已丢失，请把该列设为文本后重新填写",
        "Excel stored the ID number as a number and lost its last digits; "
        "format the column as text and type it again",
    ),
    "id_duplicate": ("该身份证号已登记", "This ID number is already registered"),
    "id_duplicate_in_file": (
        "身份证号在文件中重复（第 {other} 行）",
        "ID number repeated in the file (row {other})",
    ),
    "id_duplicate_in_database": (
        "该身份证号已在人才库中",
        "This ID number is already in the registry",
    ),
    "gender_mismatch": ("性别与身份证号不符", "The gender does not match the ID number"),
    "gender_unknown": ("性别无法识别", "Unknown gender"),
    "mobile_invalid": (
        "手机号应为以1开头的11位数字",
        "A mobile number has 11 digits starting with 1",
    ),
    "level_unknown": ("无法识别的技能等级", "Unknown skill level"),
    "unit_unknown": ("单位不存在", "Unknown unit"),
    "unit_name_taken": ("已有同名单位", "A unit with this name exists"),
    "unit_cycle": ("上级单位不能是本单位或其下级", "A unit cannot be placed under itself"),
    "unit_has_persons": ("该单位下仍有人员，不能删除", "The unit still has persons"),
    "unit_has_children": ("该单位下仍有下级单位，不能删除", "The unit still has sub-units"),
    "username_invalid": (
        "用户名为2–40位字母、数字或 _ . @ -",
        "A user name has 2–40 letters, digits or _ . @ -",
    ),
    "username_taken": ("用户名已被使用", "This user name is taken"),
    "password_too_short": ("密码至少4位", "The password needs at least 4 characters"),
    "password_mismatch": ("两次输入的密码不一致", "The passwords do not match"),
    "first_admin_exists": ("管理员账号已存在", "An administrator account exists already"),
    "cannot_demote_self": (
        "不能停用自己或取消自己的管理员身份",
        "You cannot disable or demote yourself",
    ),
    "photo_format": ("照片须为 JPEG 或 PNG 格式", "The photo must be a JPEG or PNG image"),
    "photo_too_large": (
        "照片大小不能超过 {limit} MB",
        "The photo is too large ({limit} MB at most)",
    ),
    "header_missing": ("缺少必需的列：{value}", "A required column is missing: {value}"),
    "row_empty": ("空行", "Empty row"),
}


def set_language(language: str) -> None:
    global _language
    _language = language if language in LANGUAGES else "zh_CN"


def language() -> str:
    return _language


def text(code: str, **params: object) -> str:
    """The message for `code` in the current language, with params filled in."""
    pair = MESSAGES.get(code)
    if pair is None:
        return code
    template = pair[0] if _language == "zh_CN" else pair[1]
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def describe(error: UserError) -> str:
    """One line for a UserError, including its field problems."""
    if isinstance(error, Blocked) and error.reasons:
        return "；".join(describe(reason) for reason in error.reasons)
    if isinstance(error, ValidationError) and error.field_errors:
        return "；".join(text(code) for code in error.field_errors.values())
    return text(error.code, **error.params)
