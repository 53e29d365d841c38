"""Shared by the benches: a cached demo database and median/p95 timing."""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PERSONS = 100_000
CACHE_DIR = Path(tempfile.gettempdir()) / "skillsapp-bench"
ADMIN = ("admin", "admin")


def demo_database(persons: int = PERSONS, *, seed: int = 2025) -> Path:
    """The demo database of `persons` persons, built once and reused from the temp folder.

    The file name carries the schema head and a digest of the demo generator, so a new
    migration or new demo data builds a new file instead of migrating or reusing the old.
    """
    from skillsapp.services.demo import demo
    from skillsapp.storage.migrate import head_revision

    sources = sorted(Path(demo.__file__).parent.glob("demo*.py"))
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in sources)).hexdigest()[:8]
    target = CACHE_DIR / f"registry-{persons}-{head_revision()}-{digest}.sqlite3"
    if target.exists():
        return target
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    for stale in CACHE_DIR.glob(f"registry-{persons}-*"):
        stale.unlink()
    partial = target.with_suffix(".partial")
    print(f"building {target} ({persons:,} persons, once) …", flush=True)
    start = time.perf_counter()
    demo.write_demo(str(partial), persons=persons, seed=seed)
    with closing(sqlite3.connect(partial)) as connection:  # fold the WAL in before the rename
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    os.replace(partial, target)  # only a finished database is ever reused
    print(f"built in {time.perf_counter() - start:.1f} s", flush=True)
    return target


def isolate_settings() -> Path:
    """Point QSettings at a fresh folder (no saved sort, columns or geometry); call before Qt."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="config-", dir=CACHE_DIR))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    os.environ["XDG_CONFIG_HOME"] = str(folder)
    return folder


@dataclass(frozen=True)
class Timing:
    """Seconds per run of one measured action."""

    runs: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def p95(self) -> float:
        ordered = sorted(self.runs)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure(action: Callable[[], object], *, runs: int = 20, warmup: int = 1) -> Timing:
    """Time `action` `runs` times after `warmup` untimed calls."""
    for _ in range(warmup):
        action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return Timing(tuple(times))


def run_until(app: Any, done: Callable[[], bool], timeout_s: float = 10.0) -> None:
    """Run Qt's event loop, sleeping between events, until `done()`; fail after the timeout."""
    from PySide6.QtCore import QEventLoop, QTimer  # here: the startup child times its Qt import

    wake = QTimer()
    wake.start(20)  # a blocking wait never outlasts this, so the deadline is checked
    deadline = time.perf_counter() + timeout_s
    try:
        while not done():
            if time.perf_counter() > deadline:
                raise TimeoutError("the condition never became true")
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        wake.stop()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f}"


def verdict(value: float, target: float) -> str:
    return "ok" if value <= target else "MISSED"


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """A plain, aligned text table (first column left, the others right)."""
    cells = [list(map(str, headers)), *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for number, row in enumerate(cells):
        rest = [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        parts = [row[0].ljust(widths[0]), *rest]
        print("  ".join(parts).rstrip())
        if number == 0:
            print("  ".join("-" * w for w in widths))


def rss_mb(field: str = "VmRSS") -> float:
    """A memory figure of this process in MB from /proc/self/status (VmHWM: the peak)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return 0.0  # not Linux
    for line in status.splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0
