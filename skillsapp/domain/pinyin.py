"""Pinyin initials and spelling of Chinese names, for search and sorting."""

from __future__ import annotations

import unicodedata

# Surname readings that differ from the everyday reading pypinyin picks.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "尉迟": ("yu", "chi"),
    "万俟": ("mo", "qi"),
    "长孙": ("zhang", "sun"),
    "曾": ("zeng",),
    "单": ("shan",),
    "解": ("xie",),
    "区": ("ou",),
    "仇": ("qiu",),
    "朴": ("piao",),
    "查": ("zha",),
    "乐": ("yue",),
    "覃": ("qin",),
    "盖": ("ge",),
    "翟": ("zhai",),
    "缪": ("miao",),
    "种": ("chong",),
    "繁": ("po",),
    "秘": ("bi",),
    "召": ("shao",),
    "员": ("yun",),
    "隗": ("wei",),
    "折": ("she",),
}
_LONGEST_SURNAME = max(len(key) for key in SURNAME_READINGS)
_KEPT = "\x00"  # tags the non-Chinese runs our error handler returns


def initials(name: str) -> str:
    """Lower-case pinyin initials ("张三" → "zs"); ASCII letters and digits kept whole."""
    return "".join(text if not chinese else text[0] for text, chinese in _parts(name))


def full_pinyin(name: str) -> str:
    """Lower-case pinyin without spaces or tones ("张三" → "zhangsan")."""
    return "".join(text for text, _ in _parts(name))


def name_keys(name: str) -> tuple[str, str]:
    """(initials, full pinyin) in one pass: what the registry stores for search."""
    parts = _parts(name)
    short = "".join(text if not chinese else text[0] for text, chinese in parts)
    return short, "".join(text for text, _ in parts)


def _parts(name: str) -> list[tuple[str, bool]]:
    """Pinyin syllables (True) and kept non-Chinese runs (False), in order."""
    text = unicodedata.normalize("NFKC", name).strip()
    surname, rest = _split_surname(text)
    parts = [(reading, True) for reading in surname]
    # Imported here: its dictionaries cost ~250 ms and ~56 MB, needed only when saving names.
    from pypinyin import Style, lazy_pinyin

    for reading in lazy_pinyin(rest, style=Style.NORMAL, errors=_keep_alnum):
        if reading.startswith(_KEPT):
            parts.append((reading[1:], False))
        elif reading:
            parts.append((reading.lower(), True))
    return [(part, chinese) for part, chinese in parts if part]


def _split_surname(text: str) -> tuple[tuple[str, ...], str]:
    """Readings of a known surname at the start of the name, and the remaining text."""
    for length in range(_LONGEST_SURNAME, 0, -1):
        readings = SURNAME_READINGS.get(text[:length])
        if readings is not None:
            return readings, text[length:]
    return (), text


def _keep_alnum(chars: str) -> str:
    """pypinyin error handler: keep ASCII letters and digits, lower-cased and tagged."""
    return _KEPT + "".join(c for c in chars if c.isascii() and c.isalnum()).lower()
