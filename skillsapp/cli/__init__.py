"""The command line: argparse subcommands, thin over the services.

On a local SQLite file the CLI acts as the file's owner (audited as ``cli:<login>``);
on PostgreSQL, or with ``--user``, it logs in and has that account's rights. Exit
status: 0 success, 1 user error (message on stderr), 2 usage error.

`parser` builds the commands from the `*_cmds` modules (registry, db, admin,
competition, preparation, scoring: marks/results/publish, certificate: certificates/
verify, talent: honours/studios/profile); `common` runs them and opens the database;
`texts` holds what the CLI says in Chinese and English.
"""

from __future__ import annotations

from skillsapp.cli.common import (
    LANG_ENV,
    NEW_PASSWORD_ENV,
    PASSWORD_ENV,
    choose_language,
    problem_line,
    report,
    run,
)
from skillsapp.cli.parser import build_parser, parse
from skillsapp.cli.texts import say
from skillsapp.ui.view_names import VIEWS as SNAPSHOT_VIEWS

__all__ = [
    "LANG_ENV",
    "NEW_PASSWORD_ENV",
    "PASSWORD_ENV",
    "SNAPSHOT_VIEWS",
    "build_parser",
    "choose_language",
    "parse",
    "problem_line",
    "report",
    "run",
    "say",
]
