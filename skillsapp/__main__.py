"""Entry point of `skillsapp` and `python -m skillsapp`: args → logging → CLI or GUI."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from skillsapp import cli
from skillsapp.logging_setup import setup_logging

log = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> int:
    """Run a command, or open the window when none is given; return the exit status."""
    try:
        args = cli.parse(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    log_path = setup_logging(verbose=args.verbose)
    # not the whole command line: a --db URL may carry a password
    log.info("skillsapp %s started (log %s)", args.command or "window", log_path)
    if args.handler is None:
        return _gui(args)
    return cli.run(args)


def _gui(args: argparse.Namespace) -> int:
    """Open the window; with --demo, on a fresh demo database that is removed afterwards."""
    from skillsapp.ui.main import run_gui

    lang = args.lang or os.environ.get(cli.LANG_ENV) or None
    if not args.demo:
        return run_gui(args.db, lang, False)
    folder = Path(tempfile.mkdtemp(prefix="skillsapp-demo-"))
    try:
        target = str(folder / "demo.sqlite3")
        _write_demo(target)
        return run_gui(target, lang, True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _write_demo(target: str) -> None:
    from skillsapp.services.demo.demo import write_demo

    write_demo(target)
    log.info("demo database written to %s", target)


if __name__ == "__main__":
    sys.exit(main())
