"""Logging: a rotating file in the user's log folder, and warnings on stderr."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from skillsapp import paths

LOG_FILE_NAME = "skillsapp.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
_OURS = "_skillsapp_handler"  # marks handlers this module installed, so a re-run replaces them


def setup_logging(*, verbose: bool = False) -> Path:
    """Log to a rotating file (1 MB × 5) and to stderr; return the log file's path."""
    reset_logging()
    root = logging.getLogger()
    log_path = paths.log_dir() / LOG_FILE_NAME
    file_handler = logging.handlers.RotatingFileHandler(
        log_path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
    )
    file_handler.setLevel(logging.DEBUG if verbose else logging.INFO)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    for handler in (file_handler, console):
        handler.setFormatter(logging.Formatter(_FORMAT))
        setattr(handler, _OURS, True)
        root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    return log_path


def reset_logging() -> None:
    """Remove the handlers `setup_logging` installed (tests; a second setup)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _OURS, False)]:
        root.removeHandler(handler)
        handler.close()
