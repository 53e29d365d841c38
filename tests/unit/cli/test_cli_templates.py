"""CLI: certificate templates and the signing key move to a second printing laptop."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator

import pytest

from skillsapp import cli
from skillsapp.__main__ import main
from skillsapp.app import Services
from skillsapp.cli.template_cmds import KEY_PASSWORD_ENV
from skillsapp.logging_setup import reset_logging
from skillsapp.services.certificates.cert_keys import CertificateKeyService
from tests.unit.services.test_cert_helpers import template_id


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in (cli.PASSWORD_ENV, cli.NEW_PASSWORD_ENV, cli.LANG_ENV, KEY_PASSWORD_ENV):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    yield
    reset_logging()


def run(services: Services, *argv: str) -> int:
    return main([*argv, "--db", services.db.url.database or ""])


def test_list_shows_the_built_in_templates(sqlite_services, capsys) -> None:
    assert run(sqlite_services, "templates", "list") == 0
    shown = capsys.readouterr().out
    assert "获奖证书（A4 横版）" in shown and "荣誉证书" in shown and "套打" in shown


def test_a_template_exported_and_imported_keeps_its_layout(sqlite_services, tmp_path, capsys):
    sqlite_services.cert_templates.ensure_builtin_templates()
    source = sqlite_services.cert_templates.view(template_id(sqlite_services), draft=False)
    zipped = tmp_path / "award.zip"
    assert run(sqlite_services, "templates", "export", source.name, "--out", str(zipped)) == 0
    assert run(sqlite_services, "templates", "import", str(zipped), "--name", "第二台电脑") == 0
    assert "第二台电脑" in capsys.readouterr().out
    copies = [r for r in sqlite_services.cert_templates.templates() if r.name == "第二台电脑"]
    assert len(copies) == 1 and copies[0].published_number == 1
    copied = sqlite_services.cert_templates.view(copies[0].id, draft=False)
    assert copied.layout == source.layout


def test_an_unknown_template_name_is_refused_in_words(sqlite_services, tmp_path, capsys) -> None:
    out = tmp_path / "x.zip"
    assert run(sqlite_services, "templates", "export", "没有这个", "--out", str(out)) != 0
    assert "没有名为“没有这个”的证书模板" in capsys.readouterr().err
    assert not out.exists()


def test_a_bad_exchange_file_imports_nothing(sqlite_services, tmp_path) -> None:
    bad = tmp_path / "bad.zip"
    bad.write_text("not a zip", encoding="utf-8")
    before = len(sqlite_services.cert_templates.templates())
    assert run(sqlite_services, "templates", "import", str(bad)) != 0
    assert len(sqlite_services.cert_templates.templates()) == before


def test_the_exported_key_signs_alike_on_a_second_laptop(
    sqlite_services, tmp_path, monkeypatch, capsys
) -> None:
    first = sqlite_services.cert_keys.signer()  # made on first use, in the data folder
    assert run(sqlite_services, "signing-key", "show") == 0
    assert first.fingerprint in capsys.readouterr().out
    monkeypatch.setenv(KEY_PASSWORD_ENV, "打印机密码123")
    exported = tmp_path / "key.pem"
    assert run(sqlite_services, "signing-key", "export", "--out", str(exported)) == 0
    assert b"ENCRYPTED" in exported.read_bytes()

    second_home = tmp_path / "second"
    monkeypatch.setenv("XDG_DATA_HOME", str(second_home))  # another laptop's data folder
    assert run(sqlite_services, "signing-key", "import", str(exported)) == 0
    assert first.fingerprint in capsys.readouterr().out
    laptop = CertificateKeyService(
        sqlite_services.db,
        sqlite_services.actor,
        key_path=next(second_home.rglob("signing_key.pem")),
    )
    assert laptop.signer().fingerprint == first.fingerprint


def test_a_wrong_key_password_installs_nothing(sqlite_services, tmp_path, monkeypatch, capsys):
    sqlite_services.cert_keys.signer()
    monkeypatch.setenv(KEY_PASSWORD_ENV, "打印机密码123")
    exported = tmp_path / "key.pem"
    assert run(sqlite_services, "signing-key", "export", "--out", str(exported)) == 0
    second_home = tmp_path / "second"
    monkeypatch.setenv("XDG_DATA_HOME", str(second_home))
    monkeypatch.setenv(KEY_PASSWORD_ENV, "猜错了的密码")
    assert run(sqlite_services, "signing-key", "import", str(exported)) != 0
    assert "密钥文件密码错误" in capsys.readouterr().err
    assert not list(second_home.rglob("signing_key.pem"))


def test_export_without_a_password_says_how_to_give_one(sqlite_services, tmp_path, capsys):
    assert run(sqlite_services, "signing-key", "export", "--out", str(tmp_path / "k")) != 0
    assert "SKILLSAPP_KEY_PASSWORD" in capsys.readouterr().err
