"""Certificates: 1,000 into one PDF (≤ 2 s, ≤ 40 KB each), 1,000 single PDFs (≤ 6 s),
reportlab's floor, the whole issue through the service, and memory over 10,000.

    PYTHONPATH=. python -m bench.bench_certificates [--count 1000] [--big 10000] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import pstats
import random
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import insert
from sqlalchemy.orm import Session

from bench._common import print_table, rss_mb, verdict
from skillsapp.app import Services
from skillsapp.domain.cert_layout import QR_KEY, Layout, chinese_date, layout_from_dict
from skillsapp.domain.competitions import (
    Competition,
    CompetitionKind,
    CompetitionStatus,
    Event,
    Registration,
)
from skillsapp.domain.enums import Gender
from skillsapp.domain.marks import EventResult
from skillsapp.domain.models import Person
from skillsapp.paths import resource
from skillsapp.pdf.certificates import (
    default_fonts,
    new_canvas,
    render_pages,
    save,
    write_each,
    write_pdf,
)
from skillsapp.services.certificates.cert_verify import make_payload, signed_message
from skillsapp.services.demo import demo

EVENTS = ("焊工", "钳工", "维修电工", "车工", "铣工", "叉车工", "电工", "汽车维修工")
UNITS = (
    "焦作煤业集团赵固二矿机电工区",
    "河南能源焦煤公司九里山矿",
    "焦作市第一人民医院",
    "中原内配集团股份有限公司",
    "焦作市公共交通有限责任公司",
    "风神轮胎股份有限公司",
)
AWARDS = ("一等奖", "二等奖", "三等奖")


def award_layout() -> Layout:
    doc = json.loads(resource("templates", "award_a4_landscape.json").read_text("utf-8"))
    return layout_from_dict(doc["layout"])


def records(count: int, key: Ed25519PrivateKey, seed: int = 2025) -> Iterator[dict[str, str]]:
    """Signed certificate records, made as pages are drawn (as the service does)."""
    rng = random.Random(seed)
    date_cn = chinese_date(dt.date(2025, 10, 20))
    for n in range(count):
        name = (
            demo.RARE_NAMES[n] if n < 3 else rng.choice(demo.SURNAMES) + rng.choice(demo.MALE_GIVEN)
        )
        fields = {
            "name": name,
            "unit": rng.choice(UNITS),
            "competition": "2025年焦作市职工技术运动会",
            "event": EVENTS[n * len(EVENTS) // count],
            "award": AWARDS[n % 3],
            "title": "",
            "rank": str(n % 30 + 1),
            "date_cn": date_cn,
            "serial": f"2025JZ{n + 1:05d}",
            "issuer": "焦作市总工会",
        }
        payload = make_payload(fields["serial"], key.sign(signed_message(fields)))
        yield {**fields, QR_KEY: payload}


def floor(count: int, path: Path) -> float:
    """reportlab alone: `count` pages of one plain line."""
    start = time.perf_counter()
    canvas = Canvas(str(path))
    for n in range(count):
        canvas.drawString(72, 720, f"Certificate {n}")
        canvas.showPage()
    canvas.save()
    return time.perf_counter() - start


def one_pdf(count: int, path: Path, key: Ed25519PrivateKey) -> float:
    layout = award_layout()
    start = time.perf_counter()
    write_pdf(path, layout, records(count, key), title="获奖证书")
    return time.perf_counter() - start


def single_pdfs(count: int, folder: Path, key: Ed25519PrivateKey) -> float:
    layout = award_layout()
    named = ((f"{r['serial']}_{r['name']}.pdf", r) for r in records(count, key))
    start = time.perf_counter()
    write_each(folder, layout, named)
    return time.perf_counter() - start


FLAT_MB_PER_THOUSAND = 1.0  # page bookkeeping only: the pages themselves are on disk


def memory(count: int, path: Path, key: Ed25519PrivateKey) -> list[tuple[int, float]]:
    """VmRSS (MB) after every 1,000 pages of one big PDF, and after saving it."""
    samples: list[tuple[int, float]] = [(0, rss_mb())]

    def on_page(done: int) -> None:
        if done % 1000 == 0:
            samples.append((done, rss_mb()))

    layout = award_layout()
    canvas = new_canvas(str(path), layout)
    render_pages(canvas, layout, records(count, key), {}, default_fonts(), on_page=on_page)
    save(canvas)
    samples.append((-1, rss_mb()))
    return samples


def _bulk_entries(session: Session, event_id: int, count: int) -> list[int]:
    """`count` persons registered for the event, written in bulk; their registration ids."""
    rng = random.Random(7)
    people = [
        {
            "name": rng.choice(demo.SURNAMES) + rng.choice(demo.FEMALE_GIVEN),
            "gender": Gender.FEMALE,
            "id_number": f"B{n:017d}",
            "version": 1,
        }
        for n in range(count)
    ]
    returning = insert(Person).returning(Person.id, sort_by_parameter_order=True)
    person_ids = session.scalars(returning, people).all()
    entries = [{"event_id": event_id, "person_id": p, "version": 1} for p in person_ids]
    returning = insert(Registration).returning(Registration.id, sort_by_parameter_order=True)
    return list(session.scalars(returning, entries).all())


def _final_competition(services: Services, count: int) -> int:
    """A final competition with one event and `count` awarded results."""
    with services.db.transaction() as session:
        competition = Competition(
            name="2025年焦作市职工技术运动会",
            code="JZ",
            kind=CompetitionKind.SPORTS_MEET,
            status=CompetitionStatus.FINAL,
        )
        event = Event(competition=competition, name="焊工")
        session.add_all([competition, event])
        session.flush()
        results = [
            {"event_id": event.id, "registration_id": r, "rank": n + 1, "award": AWARDS[n % 3]}
            for n, r in enumerate(_bulk_entries(session, event.id, count))
        ]
        session.execute(insert(EventResult), results)
        return competition.id


def issue_through_service(count: int, folder: Path) -> float:
    """The whole issue on SQLite: candidates, serials, signatures, register rows, PDF."""
    from skillsapp.app import build_services, open_services
    from skillsapp.services.certificates.certificates import ISSUER_KEY, Output

    services = open_services(str(folder / "bench.sqlite3"))
    actor = services.accounts.create_first_admin(
        username="admin", password="admin", display_name="管理员"
    )
    services = build_services(services.db, actor)
    services.cert_templates.ensure_builtin_templates()
    services.certificates.set_setting(ISSUER_KEY, "焦作市总工会")
    template = next(t.id for t in services.cert_templates.templates() if t.kind.value == "award")
    competition_id = _final_competition(services, count)
    start = time.perf_counter()
    candidates = services.certificates.candidates(competition_id, awards=AWARDS)
    services.certificates.issue(candidates, template, Output(folder / "issued.pdf"))
    elapsed = time.perf_counter() - start
    services.db.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--big", type=int, default=10_000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    key = Ed25519PrivateKey.generate()
    with tempfile.TemporaryDirectory(prefix="bench-certs-") as scratch:
        folder = Path(scratch)
        one_pdf(20, folder / "warm.pdf", key)  # fonts registered, metrics cached
        if args.profile:
            cProfile.runctx(
                "one_pdf(args.count, folder / 'p.pdf', key)", globals(), locals(), "/tmp/certs.prof"
            )
            pstats.Stats("/tmp/certs.prof").sort_stats("cumulative").print_stats(25)
            return
        report(args, folder, key)


def _timed_row(label: str, seconds: float, target: float, base: float) -> tuple[str, ...]:
    note = f"{seconds / base:.1f}× the floor"
    return (label, f"{seconds:.2f}", f"{target:.2f}", verdict(seconds, target), note)


def report(args: argparse.Namespace, folder: Path, key: Ed25519PrivateKey) -> None:
    n = args.count
    base = floor(n, folder / "floor.pdf")
    ours = one_pdf(n, folder / "one.pdf", key)
    size_kb = (folder / "one.pdf").stat().st_size / 1024 / n
    (folder / "single").mkdir()
    single = single_pdfs(n, folder / "single", key)
    service = issue_through_service(n, folder)
    rows = [
        (f"reportlab floor: {n:,} plain pages", f"{base:.2f}", "", "", ""),
        _timed_row(f"{n:,} certificates, one PDF", ours, 2.0, base),
        ("  size per certificate", f"{size_kb:.1f} KB", "40 KB", verdict(size_kb, 40), ""),
        _timed_row(f"{n:,} single-certificate PDFs", single, 6.0, base),
        (f"issue {n:,} through the service", f"{service:.2f}", "", "", "SQLite, register"),
    ]
    print_table(("measure", "seconds", "target", "verdict", "note"), rows)
    report_memory(args.big, folder, key)


def report_memory(count: int, folder: Path, key: Ed25519PrivateKey) -> None:
    samples = memory(count, folder / "big.pdf", key)
    print(f"\nVmRSS over {count:,} certificates into one PDF (MB):")
    marks = [f"{'saved' if done < 0 else f'{done:,}'}: {mb:.0f}" for done, mb in samples]
    print("  " + "  ".join(marks))
    pages = [mb for done, mb in samples if done > 0]
    per_thousand = (pages[-1] - pages[0]) / max(len(pages) - 1, 1)
    size_mb = (folder / "big.pdf").stat().st_size / 1024 / 1024
    print(
        f"  growth while drawing: {per_thousand:.1f} MB per 1,000 pages (target < 1 MB: "
        f"{verdict(per_thousand, FLAT_MB_PER_THOUSAND)}); file {size_mb:.1f} MB"
    )


if __name__ == "__main__":
    main()
