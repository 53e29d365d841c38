"""User-facing texts for error codes, in every language the program speaks.

Widgets translate their own labels with Qt's `tr()`; the codes raised by the domain
and the services are translated here, so the CLI (which has no Qt translator) and
the GUI say the same thing. A test checks every code has both languages.
"""

from __future__ import annotations

from skillsapp.errors import UserError, ValidationError

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
        "ID number repeated in the file",
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
    if isinstance(error, ValidationError) and error.field_errors:
        return "；".join(text(code) for code in error.field_errors.values())
    return text(error.code, **error.params)
