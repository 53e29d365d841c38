"""Search the registry of 100,000 persons: the service, then the real window (target <= 100 ms).

Run from the checkout: `python -m bench.bench_registry [--runs N] [--profile]`.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import time
from dataclasses import dataclass

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import func, select

from bench._common import (
    ADMIN,
    PERSONS,
    Timing,
    demo_database,
    isolate_settings,
    measure,
    ms,
    print_table,
    run_until,
    verdict,
)
from skillsapp.app import Services, open_services
from skillsapp.domain.levels import SkillLevel
from skillsapp.services.registry.registry import PersonQuery, _filtered
from skillsapp.ui import i18n
from skillsapp.ui.main import create_app, open_main_window
from skillsapp.ui.main_window import MainWindow
from skillsapp.ui.models.person_table_model import PAGE_SIZE
from skillsapp.ui.pages.persons_tab import PersonsTab
from skillsapp.ui.widgets.person_filter_bar import SEARCH_DELAY_MS

TARGET_S = 0.100
TYPED = "zhang"
SCROLL_SEARCH = "焦煤"  # a third of the registry: enough rows to page through
SCROLL_PAGES = 4


def signed_in(db_path: str) -> Services:
    """Services acting for the demo administrator (scrypt login, as after the dialog)."""
    services = open_services(db_path)
    return services.as_actor(services.accounts.login(*ADMIN))


# -- (a) the service


def service_cases(services: Services) -> list[tuple[str, PersonQuery]]:
    """The first page (as the table asks for it) of typical searches."""
    unit = next(u for u in services.units.units() if u.name == "焦煤集团赵固二矿")
    page = PersonQuery(limit=PAGE_SIZE)
    texts = ["王", "王建", "zs", "zhang", "4108", "焦煤"]
    return [
        ("(no search)", page),
        *[(repr(text), PersonQuery(text=text, limit=PAGE_SIZE)) for text in texts],
        (
            "unit + level",
            PersonQuery(unit_id=unit.id, skill_level=SkillLevel.GRADE3, limit=PAGE_SIZE),
        ),
        ("sort unit desc", PersonQuery(sort="unit", descending=True, limit=PAGE_SIZE)),
        ("page 11 (offset 5000)", PersonQuery(offset=5000, limit=PAGE_SIZE)),
        ("'焦煤' page 2 (fetchMore)", PersonQuery(text="焦煤", offset=PAGE_SIZE, limit=PAGE_SIZE)),
    ]


def count_only(services: Services, query: PersonQuery) -> int:
    """The COUNT that `RegistryService.search` runs on every call, alone."""
    with services.db.reading() as session:
        stmt = select(func.count()).select_from(_filtered(query).subquery())
        return session.scalar(stmt) or 0


def bench_service(services: Services, runs: int) -> None:
    print(f"\n(a) RegistryService.search, first page of {PAGE_SIZE}, {runs} runs each (ms)")
    print("    COUNT: the total it computes on every call, alone; the rest: page query + rows")
    rows, dominated = [], []
    for label, query in service_cases(services):
        whole = measure(lambda q=query: services.registry.search(q), runs=runs)
        count = measure(lambda q=query: count_only(services, q), runs=runs)
        total = services.registry.search(query).total
        share = count.median / whole.median
        if share > 0.5:
            dominated.append(label)
        rows.append(
            [
                *(label, f"{total:,}", ms(whole.median), ms(whole.p95), ms(count.median)),
                *(f"{share:.0%}", ms(whole.median - count.median), verdict(whole.p95, TARGET_S)),
            ]
        )
    headers = ["query", "matches", "median", "p95", "COUNT", "share", "the rest", "p95<=100"]
    print_table(headers, rows)
    print(f"COUNT is over half of the call for: {', '.join(dominated) or 'none'}")


# -- (b) the window


@dataclass
class Stamps:
    """Times (perf_counter) of one filter change as it passes through the table model."""

    started: float = 0.0  # debounce timer fired: PersonTableModel.set_filter called
    searched: float = 0.0  # the service returned (modelAboutToBeReset)
    reset: float = 0.0  # the model holds the new rows (modelReset)
    returned: float = 0.0  # set_filter returned (count label updated too)


class KeystrokeProbe:
    """Wraps the tab's model so each filter change records when it starts and ends."""

    def __init__(self, tab: PersonsTab) -> None:
        self.tab = tab
        self.stamps = Stamps()
        model = tab.model
        original = model.set_filter

        def set_filter(**kwargs: object) -> None:
            self.stamps.started = time.perf_counter()
            original(**kwargs)
            self.stamps.returned = time.perf_counter()

        model.set_filter = set_filter  # the tab looks it up on the instance at each call
        model.modelAboutToBeReset.connect(lambda: self._stamp("searched"))
        model.modelReset.connect(lambda: self._stamp("reset"))

    def _stamp(self, name: str) -> None:
        setattr(self.stamps, name, time.perf_counter())

    def type_key(self, app: QApplication, key: str | Qt.Key) -> dict[str, float]:
        """One key press, the debounce, the search and the repainted table; seconds."""
        self.stamps = Stamps()
        search = self.tab.filters.search
        pressed = time.perf_counter()
        press(search, key)
        handled = time.perf_counter()
        run_until(app, lambda: self.stamps.returned > 0)
        app.processEvents()  # the view's delayed layout and the count label
        self.tab.table.viewport().repaint()  # paint the visible rows now
        shown = time.perf_counter()
        s = self.stamps
        return {
            "debounce": s.started - handled,
            "search": s.searched - s.started,
            "model reset": s.reset - s.searched,
            "view": shown - s.reset,
            "after debounce": shown - s.started,
            "keystroke → table": shown - pressed,
        }


def press(widget: QWidget, key: str | Qt.Key) -> None:
    """A key click; a Chinese character arrives as an input method commits it."""
    if isinstance(key, str) and not key.isascii():
        event = QInputMethodEvent()
        event.setCommitString(key)
        QApplication.sendEvent(widget, event)
    else:
        QTest.keyClick(widget, key)


def open_registry(app: QApplication, db_path: str) -> tuple[MainWindow, PersonsTab]:
    window = open_main_window(signed_in(db_path))
    page = window.show_view("registry")
    QTest.qWaitForWindowExposed(window)
    app.processEvents()
    return window, page.persons


def clear_search(app: QApplication, probe: KeystrokeProbe) -> dict[str, float]:
    """Select all and delete: the whole registry again."""
    QTest.keyClick(probe.tab.filters.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    return probe.type_key(app, Qt.Key.Key_Delete)


def bench_typing(app: QApplication, probe: KeystrokeProbe, rounds: int) -> None:
    """Type TYPED a key at a time, `rounds` times, waiting for the table after each key."""
    samples: dict[str, list[dict[str, float]]] = {}
    cleared = []
    for _ in range(rounds + 1):  # the first round warms caches and is not counted
        for end in range(1, len(TYPED) + 1):
            samples.setdefault(TYPED[:end], []).append(probe.type_key(app, TYPED[end - 1]))
        cleared.append(clear_search(app, probe))
    every = [run for runs in samples.values() for run in runs[1:]]
    debounce = Timing(tuple(run["debounce"] for run in every)).median
    print(f"\n(b) window, typing {TYPED!r} into the registry search, {rounds} rounds (ms)")
    print(
        f"    a key starts a {SEARCH_DELAY_MS} ms debounce timer ({ms(debounce).strip()} ms "
        "observed); after it: search (service), reset (model), view (layout + paint);\n"
        "    key→table = key press to painted table, debounce included"
    )
    rows = [_typing_row(repr(text), runs[1:]) for text, runs in samples.items()]
    rows.append(_typing_row("clear (all)", cleared[1:]))
    rows.append(_typing_row("every key", every))
    headers = ["text", "search", "reset", "view", "after debounce", "p95", "key→table", "p95<=100"]
    print_table(headers, rows)


def _typing_row(label: str, runs: list[dict[str, float]]) -> list[str]:
    def timing(part: str) -> Timing:
        return Timing(tuple(run[part] for run in runs))

    after = timing("after debounce")
    return [
        label,
        ms(timing("search").median),
        ms(timing("model reset").median),
        ms(timing("view").median),
        ms(after.median),
        ms(after.p95),
        ms(timing("keystroke → table").median),
        verdict(after.p95, TARGET_S),
    ]


def bench_scrolling(app: QApplication, probe: KeystrokeProbe) -> None:
    """Search SCROLL_SEARCH, then scroll to the end SCROLL_PAGES times (each loads a page)."""
    for char in SCROLL_SEARCH:
        probe.type_key(app, char)
    table, model = probe.tab.table, probe.tab.model
    rows = []
    for _ in range(SCROLL_PAGES):
        before = model.rowCount()
        start = time.perf_counter()
        table.scrollToBottom()  # the view calls fetchMore at the end of the scroll range
        run_until(app, lambda n=before: model.rowCount() > n)
        table.viewport().repaint()
        rows.append([f"{before:,} → {model.rowCount():,}", ms(time.perf_counter() - start)])
    print(f"\nscrolling a search for {SCROLL_SEARCH!r} ({model.total:,} matches) to its end (ms)")
    print_table(["rows", "scroll → next page"], rows)
    clear_search(app, probe)


def bench_window(db_path: str, rounds: int) -> None:
    app = create_app()
    i18n.install(None)  # the default language, as on a first start
    window, tab = open_registry(app, db_path)
    probe = KeystrokeProbe(tab)
    bench_typing(app, probe, rounds)
    bench_scrolling(app, probe)
    window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20, help="runs per service query")
    parser.add_argument("--rounds", type=int, default=5, help="times TYPED is typed")
    parser.add_argument("--profile", action="store_true", help="cProfile the window part")
    args = parser.parse_args()
    isolate_settings()
    db_path = str(demo_database(PERSONS))
    print(f"database: {db_path} ({PERSONS:,} persons); target: keystroke → table <= 100 ms")
    bench_service(signed_in(db_path), args.runs)
    if not args.profile:
        bench_window(db_path, args.rounds)
        return
    profiler = cProfile.Profile()
    profiler.runcall(bench_window, db_path, args.rounds)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
