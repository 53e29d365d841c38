"""CLI commands of certificates: issue, calibration page, verify."""

from __future__ import annotations

import base64
import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from skillsapp import cli, messages
from skillsapp.__main__ import main
from skillsapp.app import Services
from skillsapp.domain.certificates import Certificate
from skillsapp.domain.competitions import CompetitionStatus
from skillsapp.logging_setup import reset_logging
from skillsapp.services.certificates.cert_verify import RegisterEntry, make_payload
from tests.unit.pdf.pdf_checks import page_sizes, text
from tests.unit.services.test_cert_helpers import meet, publish_results


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in (cli.PASSWORD_ENV, cli.NEW_PASSWORD_ENV, cli.LANG_ENV):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    yield
    reset_logging()


def run(services: Services, *argv: str) -> int:
    return main([*argv, "--db", services.db.url.database or ""])


@pytest.fixture
def final(sqlite_services: Services) -> Services:
    """A final competition (code JZ) with three results: 一等奖 (and a title), 二等奖, 三等奖."""
    publish_results(sqlite_services, meet(sqlite_services))
    return sqlite_services


def register(services: Services) -> list[RegisterEntry]:
    return sorted(services.certificates.register(), key=lambda e: e.serial)


def payload(services: Services, serial: str) -> str:
    """The QR code printed on the certificate `serial`."""
    with services.db.reading() as session:
        signature = session.scalar(
            select(Certificate.signature).where(Certificate.serial == serial)
        )
    assert signature is not None
    return make_payload(serial, base64.b64decode(signature))


@pytest.fixture
def issued(final: Services, tmp_path: Path) -> tuple[Services, list[str]]:
    """The three award certificates issued; their serials."""
    assert run(final, "certificates", "--competition", "JZ", "--out", str(tmp_path / "a.pdf")) == 0
    return final, [e.serial for e in register(final)]


# ----------------------------------------------------------------------------- issuing


def test_certificates_issues_every_award_tier_into_one_pdf(
    final: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "获奖证书.pdf"
    assert run(final, "certificates", "--competition", "JZ", "--out", str(target)) == 0
    entries = register(final)
    assert sorted(e["award"] for e in entries) == ["一等奖", "三等奖", "二等奖"]
    assert len(page_sizes(target.read_bytes())) == 3
    assert all(e["name"] in text(target.read_bytes()) for e in entries)
    out = capsys.readouterr().out
    assert f"已发证 3 张（{entries[0].serial} – {entries[-1].serial}）" in out


def test_certificates_of_chosen_tiers_split_into_one_file_each(
    final: Services, tmp_path: Path
) -> None:
    folder = tmp_path / "证书"
    argv = ("certificates", "--competition", "JZ", "--tiers", "一等奖,二等奖", "--split")
    assert run(final, *argv, "--out", str(folder)) == 0
    assert sorted(e["award"] for e in register(final)) == ["一等奖", "二等奖"]
    assert len(list(folder.glob("*.pdf"))) == 2


def test_certificates_issued_again_are_skipped_not_numbered_twice(
    issued: tuple[Services, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services, serials = issued
    capsys.readouterr()
    assert (
        run(services, "certificates", "--competition", "JZ", "--out", str(tmp_path / "b.pdf")) == 1
    )
    assert capsys.readouterr().err.strip() == messages.text("cert_nothing_to_issue", skipped=3)
    assert [e.serial for e in register(services)] == serials


def test_certificates_of_a_competition_not_final_are_refused(
    sqlite_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meet(sqlite_services, status=CompetitionStatus.SCORING)
    target = tmp_path / "a.pdf"
    assert run(sqlite_services, "certificates", "--competition", "JZ", "--out", str(target)) == 1
    assert capsys.readouterr().err.strip() == messages.text(
        "cert_competition_not_final", status="scoring"
    )
    assert not target.exists()


def test_certificates_with_an_unknown_template_lists_the_templates(
    final: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ("certificates", "--competition", "JZ", "--template", "没有", "--out", str(tmp_path))
    assert run(final, *argv) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "没有名为“没有”的已发布证书模板；可用的模板："
    assert "  获奖证书（A4 横版）" in err
    assert register(final) == []


def test_certificates_without_out_is_a_usage_error(final: Services) -> None:
    assert run(final, "certificates", "--competition", "JZ") == 2


def test_calibration_page_is_a_pdf_on_the_templates_paper(
    final: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "校准页.pdf"
    argv = ("certificates", "calibration", "--offset", "1.5,-2", "--out", str(target))
    assert run(final, *argv) == 0
    assert len(page_sizes(target.read_bytes())) == 1
    assert capsys.readouterr().out.strip() == f"校准页已写入 {target}"


def test_calibration_with_a_bad_offset_is_a_usage_error(final: Services, tmp_path: Path) -> None:
    argv = ("certificates", "calibration", "--offset", "left", "--out", str(tmp_path / "c.pdf"))
    assert run(final, *argv) == 2


# ----------------------------------------------------------------------------- verify


def test_verify_a_printed_code_says_valid_with_the_register_entry(
    issued: tuple[Services, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    services, serials = issued
    entry = register(services)[0]
    capsys.readouterr()
    assert run(services, "verify", payload(services, serials[0])) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"有效：证书 {serials[0]} 与登记簿记录一致，签名正确"
    assert f"  姓名：{entry['name']}" in out and f"  奖项：{entry['award']}" in out
    assert out[-1].startswith("  登记：") and "获奖证书（A4 横版）" in out[-1]


def test_verify_an_altered_code_says_forged_and_fails(
    issued: tuple[Services, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    services, serials = issued
    genuine = payload(services, serials[0])
    # the code of one certificate with the serial of another: a copied QR code
    altered = genuine.replace(serials[0], serials[1])
    capsys.readouterr()
    assert run(services, "verify", altered) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"伪造或被篡改：证书 {serials[1]} 的签名与登记簿记录不符"


def test_verify_something_that_is_no_certificate_code_says_forged(
    issued: tuple[Services, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    services, _ = issued
    capsys.readouterr()
    assert run(services, "verify", "https://example.com/fake") == 1
    assert capsys.readouterr().out.strip() == "伪造或被篡改：这不是本系统签发的证书二维码"


def test_verify_a_revoked_certificate_says_revoked_with_the_reason(
    issued: tuple[Services, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    services, serials = issued
    services.certificates.revoke(register(services)[1].id, "重复发证")
    capsys.readouterr()
    assert run(services, "verify", payload(services, serials[1])) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(f"已撤销：证书 {serials[1]} 已于 ") and "（原因：重复发证）" in first


def test_verify_an_unknown_serial_says_so_in_english_with_lang_en(
    issued: tuple[Services, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    services, _ = issued
    capsys.readouterr()
    assert run(services, "verify", "--serial", "2099XX0001", "--lang", "en") == 1
    assert capsys.readouterr().out.strip() == (
        "UNKNOWN SERIAL: the register has no certificate 2099XX0001"
    )
