"""Certificates."""

MESSAGES: dict[str, tuple[str, str]] = {
    # certificates
    "cert_competition_not_final": (
        "赛事尚未定稿（当前：{status}），公示期满后才能发证",
        "The competition is not final yet ({status}); certificates wait for the review period",
    ),
    "cert_nothing_to_issue": (
        "所选 {skipped} 人均已发证，请在证书登记簿中补打",
        "All {skipped} selected already have certificates; reprint them from the register",
    ),
    "cert_template_kind": (
        "{count} 张证书（如 {name}）没有该模板要写的奖项或称号，请换用合适的模板",
        "{count} certificates (e.g. {name}) lack the award or title this template prints; pick another template",
    ),
    "cert_nothing_selected": ("没有选择证书", "No certificate is selected"),
    "cert_issuer_missing": (
        "{count} 张证书（如 {name}）没有发证单位，印章会是空白：请在“证书 › 设置”中填写发证单位，或为赛事填写主办单位",
        "{count} certificates (e.g. {name}) have no issuing body and would print a blank seal: set one in Certificates › Settings, or give the competition an organiser",
    ),
    "cert_too_many_persons": (
        "筛选出 {count} 人，一次最多为 {limit} 人发证，请缩小筛选范围",
        "{count} persons match; certificates go to at most {limit} at once, so narrow the filter",
    ),
    "cert_issue_cancelled": (
        "已取消，未生成文件，未占用证书编号",
        "Cancelled; no file was written and no serial was used",
    ),
    "cert_serial_too_long": (
        "证书编号超过 {maximum} 个字符，请修改编号规则",
        "Serials are longer than {maximum} characters; change the pattern",
    ),
    "cert_revoked": ("证书 {serial} 已作废", "Certificate {serial} is revoked"),
    "cert_revoke_reason": ("作废证书必须填写原因", "Revoking a certificate needs a reason"),
    "cert_template_not_published": (
        "该证书模板还没有发布的版本",
        "The template has no published version",
    ),
    "cert_template_no_draft": ("该模板没有待发布的草稿", "The template has no draft to publish"),
    "cert_template_name_taken": ("模板名称已被使用", "A template of that name exists"),
    "cert_template_file": (
        "不是有效的证书模板文件：{path}",
        "Not a certificate template file: {path}",
    ),
    "cert_layout_invalid": (
        "模板版式数据有误：{detail}",
        "The template layout is damaged: {detail}",
    ),
    "cert_asset_name": ("素材名称无效：{name}", "Not a valid asset name: {name}"),
    "cert_asset_too_large": ("素材文件过大：{name}", "The asset is too large: {name}"),
    "cert_asset_type": (
        "只支持 PNG、JPEG 图片和 TrueType 字体：{name}",
        "Only PNG, JPEG images and TrueType fonts can be used: {name}",
    ),
    "cert_font_unusable": (
        "字体“{name}”无法嵌入 PDF（须为 TrueType 轮廓字体，不支持 CFF/OTF）",
        "The font {name} cannot be embedded (TrueType outlines only, not CFF/OTF)",
    ),
    "cert_asset_in_use": (
        "素材“{name}”已被该模板的版本使用，不能替换或删除（已发证书须能原样重印）；请换个文件名另行添加",
        "The asset {name} is used by a version of the template and cannot be replaced or removed (issued certificates must reprint alike); add it under another file name",
    ),
    "cert_key_invalid": ("不是有效的 Ed25519 密钥", "Not a valid Ed25519 key"),
    "cert_key_password": ("密钥文件密码错误", "Wrong password for the key file"),
    "cert_key_password_required": (
        "需要密钥文件的密码（在终端输入，或设置 SKILLSAPP_KEY_PASSWORD）",
        "The key file's password is needed (type it at a terminal or set SKILLSAPP_KEY_PASSWORD)",
    ),
    "cert_template_unknown": ("没有名为“{name}”的证书模板", "There is no template called {name}"),
    "cert_key_password_short": (
        "导出密码至少 {minimum} 位",
        "The export password needs at least {minimum} characters",
    ),
    "cert_key_exists": (
        "本机已有另一把签名密钥；确认替换后再导入",
        "This computer has a different signing key; confirm replacing it",
    ),
    "setting_unknown": ("未知的设置项", "Unknown setting"),
    "serial_needs_seq": ("编号规则必须恰好包含一个 {seq}", "The pattern needs exactly one {seq}"),
    "serial_placeholder_unknown": (
        "编号规则只能使用 {year}、{month}、{competition_code}、{seq}",
        "A pattern may use only {year}, {month}, {competition_code} and {seq}",
    ),
    "serial_pattern_invalid": (
        "编号规则格式有误（序号可写作 {seq:04d}）",
        "The pattern is malformed ({seq:04d} pads the number)",
    ),
    "paper_unknown": ("未知的纸张规格", "Unknown paper size"),
    "paper_size_invalid": (
        "自定义纸张尺寸应在 50–1200 毫米之间",
        "A custom paper size is 50–1200 mm",
    ),
    "border_style_unknown": ("未知的边框样式", "Unknown border style"),
    "image_missing": ("模板缺少所用的图片", "An image the template uses is missing"),
    "field_id_missing": ("字段缺少标识", "A field has no id"),
    "field_id_duplicate": ("字段标识重复", "Two fields have the same id"),
    "field_size_invalid": (
        "字段宽度和高度必须大于 0",
        "A field's width and height must be above 0",
    ),
    "field_outside_page": ("字段超出纸张范围", "A field reaches outside the page"),
    "font_size_invalid": ("字号应在 1–300 磅之间", "A font size is 1–300 pt"),
    "font_unknown": ("模板中没有此字体", "The template has no such font"),
    "colour_invalid": ("颜色应写作 #RRGGBB", "Write colours as #RRGGBB"),
    "binding_unknown": ("未知的数据项", "Unknown data item"),
    "placeholder_unknown": ("文字中有未知的占位符", "The text has an unknown placeholder"),
    "qr_too_small": ("二维码区域至少 15 毫米见方", "A QR code needs at least 15 mm"),
    "seals_touch": ("两枚印章不能相互接触", "Two seals must not touch"),
}
