"""Reading and writing the preferences of `skillsapp.settings` in QSettings."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from skillsapp.settings import Preference


def get(pref: Preference) -> object:
    """The stored value of `pref`, converted to its type, or its default."""
    value = QSettings().value(pref.key)
    if value is None:
        return pref.default
    if pref.type is bool:
        return value if isinstance(value, bool) else str(value).lower() in ("true", "1")
    if pref.type is bytes:
        return bytes(value.data()) if isinstance(value, QByteArray) else pref.default
    if pref.type is str:
        return str(value)
    return pref.type(value)


def get_str(pref: Preference) -> str:
    return str(get(pref))


def put(pref: Preference, value: object) -> None:
    settings = QSettings()
    if pref.type is bytes and isinstance(value, bytes):
        settings.setValue(pref.key, QByteArray(value))
    else:
        settings.setValue(pref.key, value)
    settings.sync()
