"""Declarative per-machine preferences: key, type, default and label.

Where the values live (QSettings) is the UI's business (`skillsapp.ui.prefs`); this
table has no Qt so the CLI and the tests can read what the preferences are.
"""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES: tuple[str, ...] = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"


@dataclass(frozen=True)
class Preference:
    """One preference; `label` is English source text, translated by the UI."""

    key: str
    type: type
    default: object
    label: str


DATABASE_TARGET = Preference("database/target", str, "", "Database (file or URL)")
LANGUAGE = Preference("ui/language", str, DEFAULT_LANGUAGE, "Language")
WINDOW_GEOMETRY = Preference("ui/window_geometry", bytes, b"", "Window position and size")
REGISTRY_HIDDEN_COLUMNS = Preference(
    "registry/hidden_columns", str, "birth_date,mobile", "Hidden registry columns"
)
REGISTRY_SORT = Preference("registry/sort", str, "name", "Registry sort column")
REGISTRY_DESCENDING = Preference("registry/descending", bool, False, "Registry sort descending")

PREFERENCES: tuple[Preference, ...] = (
    DATABASE_TARGET,
    LANGUAGE,
    WINDOW_GEOMETRY,
    REGISTRY_HIDDEN_COLUMNS,
    REGISTRY_SORT,
    REGISTRY_DESCENDING,
)
