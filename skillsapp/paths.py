"""Where SkillsApp keeps its data and logs, and where it finds its resources."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP_NAME = "SkillsApp"
APP_AUTHOR = "SkillsApp"


def data_dir() -> Path:
    """The user's data folder (database, keys); created on demand."""
    path = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    path = Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return data_dir() / "skillsapp.sqlite3"


def resource_dir() -> Path:
    """The resources folder: inside a PyInstaller bundle, an installed wheel, or a checkout."""
    package = Path(__file__).resolve().parent
    candidates = [package / "resources", package.parent / "resources"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / "skillsapp" / "resources")
    for candidate in candidates:
        if (candidate / "translations").is_dir():
            return candidate
    raise FileNotFoundError("SkillsApp resources folder not found")


def resource(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)
