"""Start the GUI on the registry of 100,000 persons: time to a usable window (target <= 1 s).

Each run is a fresh process, timed from just before it is spawned. For comparison the same
is done for a bare PySide6 window. Memory (VmRSS) must stay under 300 MB.

Run from the checkout: `python -m bench.bench_startup [--runs N]`.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from typing import Any

from bench._common import (
    ADMIN,
    PERSONS,
    Timing,
    demo_database,
    isolate_settings,
    print_table,
    rss_mb,
    run_until,
    verdict,
)

TARGET_S = 1.0
TARGET_RSS_MB = 300
SCROLL_SEARCH = "焦煤"  # a third of the registry: enough rows for five pages
SCROLL_PAGES = 5
T0_VARIABLE = "SKILLSAPP_BENCH_T0"  # the parent's time.monotonic() just before spawning


class Stopwatch:
    """Stamps on the parent's clock: CLOCK_MONOTONIC is the same in both processes."""

    def __init__(self) -> None:
        self.t0 = float(os.environ[T0_VARIABLE])
        self.marks: dict[str, float] = {}
        self.last = self.t0

    def mark(self, phase: str) -> None:
        now = time.monotonic()
        self.marks[phase] = now - self.last
        self.last = now

    def shown(self, **extra: Any) -> None:
        """Tell the parent the window is usable (it stops its clock on this line)."""
        report = {"elapsed": time.monotonic() - self.t0, "phases": self.marks, **extra}
        print("shown", json.dumps(report), flush=True)


# -- the child processes (the Qt and skillsapp imports are part of what is timed)


def child_bare() -> None:
    watch = Stopwatch()
    watch.mark("python + bench")
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    watch.mark("import Qt")
    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.resize(1280, 800)
    window.show()
    QTest.qWaitForWindowExposed(window)
    app.processEvents()
    watch.mark("window shown")
    watch.shown(rss_shown=rss_mb())


def child_app(db_path: str) -> None:
    watch = Stopwatch()
    watch.mark("python + bench")
    from PySide6.QtTest import QTest

    watch.mark("import Qt")
    from skillsapp import settings  # keep in step with APP_IMPORTS
    from skillsapp.app import open_services
    from skillsapp.ui import crash, i18n, prefs
    from skillsapp.ui.main import create_app
    from skillsapp.ui.main_window import MainWindow

    watch.mark("import skillsapp")
    app = create_app()  # as run_gui does, minus the login dialog
    i18n.install(prefs.get_str(settings.LANGUAGE))
    crash.install()
    watch.mark("QApplication")
    services = open_services(db_path)
    watch.mark("open database")
    actor = services.accounts.login(*ADMIN)
    watch.mark("login (scrypt)")
    window = MainWindow(services.as_actor(actor))
    watch.mark("build window")
    window.show()
    QTest.qWaitForWindowExposed(window)
    app.processEvents()
    registry = window.pages.get("registry")  # absent if pages come to be built on demand
    assert registry is None or registry.persons.model.rowCount() > 0, "no first rows"
    watch.mark("show + paint")
    watch.shown(rss_shown=rss_mb())
    print("memory", json.dumps(browse_memory(app, window)), flush=True)


def browse_memory(app: Any, window: Any) -> dict[str, float]:
    """RSS (MB) on the registry page, then after a search and SCROLL_PAGES pages."""
    from skillsapp.ui.models.person_table_model import PAGE_SIZE

    page = window.show_view("registry")
    app.processEvents()
    page.persons.table.viewport().repaint()
    registry_rss = rss_mb()
    tab = page.persons
    tab.filters.search.setText(SCROLL_SEARCH)  # the debounce timer starts the search
    run_until(app, lambda: tab.model.query().text == SCROLL_SEARCH)
    while tab.model.rowCount() < SCROLL_PAGES * PAGE_SIZE and tab.model.canFetchMore():
        before = tab.model.rowCount()
        tab.table.scrollToBottom()  # the view fetches the next page
        run_until(app, lambda n=before: tab.model.rowCount() > n)
        tab.table.viewport().repaint()
    return {
        "registry": registry_rss,
        "scrolled": rss_mb(),
        "rows": tab.model.rowCount(),
        "peak": rss_mb("VmHWM"),
    }


# -- the parent

APP_IMPORTS = (
    "import PySide6.QtTest, skillsapp.settings, skillsapp.app, skillsapp.ui.crash, "
    "skillsapp.ui.i18n, skillsapp.ui.prefs, skillsapp.ui.main, skillsapp.ui.main_window"
)


def import_costs() -> dict[str, float]:
    """Seconds of import (own time, `python -X importtime`) by package; skillsapp by layer."""
    command = [sys.executable, "-X", "importtime", "-c", APP_IMPORTS]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    output = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stderr
    costs: dict[str, float] = {}
    for line in output.splitlines():
        fields = line.removeprefix("import time:").split("|")
        if len(fields) != 3 or not fields[0].strip().isdigit():
            continue  # the header line
        parts = fields[2].strip().split(".")
        package = ".".join(parts[:2]) if parts[0] == "skillsapp" else parts[0]
        costs[package] = costs.get(package, 0.0) + int(fields[0]) / 1e6
    return costs


def print_imports(top: int = 12) -> None:
    costs = sorted(import_costs().items(), key=lambda item: -item[1])
    total = sum(cost for _, cost in costs)
    print(f"\nimport time by package (python -X importtime, inflated; all: {total * 1000:.0f} ms)")
    rows = [[name, f"{cost * 1000:.0f}", f"{cost / total:.0%}"] for name, cost in costs[:top]]
    print_table(["package", "ms", "share"], rows)


def spawn(kind: str, db_path: str) -> dict[str, Any]:
    """One child run; its reports plus the wall time until it said "shown"."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "bench.bench_startup", "--child", kind, "--db", db_path]
    env[T0_VARIABLE] = repr(time.monotonic())
    start = time.monotonic()
    child = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    first = child.stdout.readline()
    wall = time.monotonic() - start
    rest, errors = child.communicate(timeout=120)
    if child.returncode or not first.startswith("shown "):
        raise RuntimeError(f"{kind} child failed ({child.returncode}):\n{first}{rest}{errors}")
    report: dict[str, Any] = {"wall": wall, **json.loads(first.split(" ", 1)[1])}
    for line in rest.splitlines():
        name, _, payload = line.partition(" ")
        report[name] = json.loads(payload)
    return report


def median_of(reports: list[dict[str, Any]], pick: Any) -> float:
    return Timing(tuple(pick(r) for r in reports)).median


def print_phases(app_runs: list[dict[str, Any]], bare_runs: list[dict[str, Any]]) -> None:
    print("\nwhere the time goes (median ms; the bare window's phases in brackets)")
    rows = []
    phases = list(app_runs[0]["phases"])
    phases += [p for p in bare_runs[0]["phases"] if p not in phases]
    for phase in phases:
        rows.append([phase, _phase_ms(app_runs, phase), _phase_ms(bare_runs, phase, "({})")])
    print_table(["phase", "SkillsApp", "bare"], rows)


def _phase_ms(runs: list[dict[str, Any]], phase: str, form: str = "{}") -> str:
    times = [r["phases"][phase] for r in runs if phase in r["phases"]]
    return form.format(f"{Timing(tuple(times)).median * 1000:.0f}") if times else ""


def print_summary(app_runs: list[dict[str, Any]], bare_runs: list[dict[str, Any]]) -> None:
    app_s = median_of(app_runs, lambda r: r["wall"])
    bare_s = median_of(bare_runs, lambda r: r["wall"])
    login_s = median_of(app_runs, lambda r: r["phases"]["login (scrypt)"])
    keys = app_runs[0]["memory"]
    rss = {key: median_of(app_runs, lambda r, k=key: r["memory"][k]) for key in keys}
    shown_rss = median_of(app_runs, lambda r: r["rss_shown"])
    bare_rss = median_of(bare_runs, lambda r: r["rss_shown"])
    print(f"\nsummary ({len(app_runs)} runs each, medians; spawn → window shown)")
    rows = [
        ["start → usable main window", f"{app_s * 1000:.0f} ms", "<= 1000 ms", verdict(app_s, 1)],
        ["  of which login (scrypt, by design)", f"{login_s * 1000:.0f} ms", "", ""],
        ["bare PySide6 window", f"{bare_s * 1000:.0f} ms", "", ""],
        ["SkillsApp beyond a bare window", f"{(app_s - bare_s) * 1000:.0f} ms", "", ""],
        ["RSS, bare PySide6 window", f"{bare_rss:.0f} MB", "", ""],
        ["RSS, main window shown", f"{shown_rss:.0f} MB", "< 300 MB", _rss_verdict(shown_rss)],
        [
            "RSS, registry page shown",
            f"{rss['registry']:.0f} MB",
            "< 300 MB",
            _rss_verdict(rss["registry"]),
        ],
        [
            f"RSS, search {SCROLL_SEARCH!r} + {int(rss['rows']):,} rows",
            f"{rss['scrolled']:.0f} MB",
            "< 300 MB",
            _rss_verdict(rss["scrolled"]),
        ],
        ["RSS peak (VmHWM)", f"{rss['peak']:.0f} MB", "< 300 MB", _rss_verdict(rss["peak"])],
    ]
    print_table(["measure", "value", "target", "verdict"], rows)


def _rss_verdict(mb: float) -> str:
    return "ok" if mb < TARGET_RSS_MB else "MISSED"


def parent(runs: int) -> None:
    isolate_settings()  # the children inherit it: no saved geometry or sort from a real user
    db_path = str(demo_database(PERSONS))
    print(f"database: {db_path} ({PERSONS:,} persons); {runs} runs, one process each")
    for kind in ("bare", "app"):
        spawn(kind, db_path)  # not counted: warms the file cache and writes the settings
    app_runs, bare_runs = [], []
    for number in range(1, runs + 1):
        bare_runs.append(spawn("bare", db_path))
        app_runs.append(spawn("app", db_path))
        app, bare = app_runs[-1]["wall"], bare_runs[-1]["wall"]
        print(f"run {number}: SkillsApp {app * 1000:5.0f} ms, bare window {bare * 1000:5.0f} ms")
    print_phases(app_runs, bare_runs)
    print_imports()
    print_summary(app_runs, bare_runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="processes started per kind")
    parser.add_argument("--child", choices=("app", "bare"), help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "bare":
        child_bare()
    elif args.child == "app":
        child_app(args.db)
    else:
        parent(args.runs)


if __name__ == "__main__":
    main()
