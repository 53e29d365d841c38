"""Field-level validation codes."""

MESSAGES: dict[str, tuple[str, str]] = {
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
