"""Verifying a certificate's QR code: valid, altered, revoked, unknown, wrong key."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from skillsapp.app import Services
from skillsapp.domain.certificates import Certificate
from skillsapp.services.certificates.cert_keys import PUBLIC_PREFIX
from skillsapp.services.certificates.cert_verify import (
    VerifyStatus,
    make_payload,
    parse_payload,
    signed_message,
    verify_with_public_key,
)
from skillsapp.services.certificates.certificates import ISSUER_KEY, Output, RegisterFilter
from tests.unit.services.test_cert_helpers import AWARDS, Setup, awarded, template_id


@pytest.fixture
def issued(services: Services, tmp_path: Path) -> tuple[Setup, list[str]]:
    """Three certificates issued, and the QR payload printed on each."""
    setup = awarded(services, tmp_path)
    setup.certificates.set_setting(ISSUER_KEY, "焦作市总工会")
    candidates = setup.certificates.candidates(setup.meet.competition_id, awards=AWARDS)
    setup.certificates.issue(candidates, template_id(services), Output(tmp_path / "a.pdf"))
    entries = sorted(setup.certificates.register(), key=lambda e: e.serial)
    with services.db.reading() as session:
        rows = session.execute(select(Certificate.serial, Certificate.signature))
        signatures = {serial: signature for serial, signature in rows}
    payloads = [make_payload(e.serial, base64.b64decode(signatures[e.serial])) for e in entries]
    return setup, payloads


def _public_key(setup: Setup) -> str:
    (key,) = setup.services.cert_keys.keys()
    return PUBLIC_PREFIX + key.public_key


def test_a_printed_code_verifies_as_valid_with_its_register_entry(
    issued: tuple[Setup, list[str]],
) -> None:
    setup, payloads = issued
    result = setup.certificates.verify(payloads[0])
    assert result.status is VerifyStatus.VALID
    assert result.entry is not None
    assert (result.entry.serial, result.entry["award"], result.entry["issuer"]) == (
        "2025JZ0001",
        "一等奖",
        "焦作市总工会",
    )
    assert setup.certificates.verify_serial("2025JZ0002").status is VerifyStatus.VALID


def test_an_altered_register_entry_shows_as_forged(issued: tuple[Setup, list[str]]) -> None:
    setup, payloads = issued
    with setup.services.db.transaction() as session:
        cert = session.scalar(select(Certificate).where(Certificate.serial == "2025JZ0003"))
        assert cert is not None
        fields = json.loads(cert.fields)
        cert.fields = json.dumps({**fields, "award": "一等奖"}, ensure_ascii=False)
    assert setup.certificates.verify(payloads[2]).status is VerifyStatus.FORGED
    assert setup.certificates.verify_serial("2025JZ0003").status is VerifyStatus.FORGED
    assert setup.certificates.verify(payloads[1]).status is VerifyStatus.VALID


def test_a_revoked_certificate_says_so(issued: tuple[Setup, list[str]]) -> None:
    setup, payloads = issued
    entry = setup.certificates.register(RegisterFilter(text="2025JZ0002"))[0]
    setup.certificates.revoke(entry.id, "重复发证")
    result = setup.certificates.verify(payloads[1])
    assert result.status is VerifyStatus.REVOKED
    assert result.entry is not None and result.entry.revoked_reason == "重复发证"


def test_an_unknown_serial_is_reported(issued: tuple[Setup, list[str]]) -> None:
    setup, payloads = issued
    signature = payloads[0].rsplit(":", 1)[1]
    assert setup.certificates.verify(f"SKC1:2025JZ9999:{signature}").status is VerifyStatus.UNKNOWN
    assert setup.certificates.verify_serial("2025JZ9999").status is VerifyStatus.UNKNOWN


def test_a_code_signed_with_another_key_is_forged(issued: tuple[Setup, list[str]]) -> None:
    setup, _payloads = issued
    entry = setup.certificates.register(RegisterFilter(text="2025JZ0001"))[0]
    impostor = Ed25519PrivateKey.generate()
    forged = make_payload(entry.serial, impostor.sign(signed_message(entry.fields)))
    assert setup.certificates.verify(forged).status is VerifyStatus.FORGED
    assert setup.certificates.verify("https://example.com/not-ours").status is VerifyStatus.FORGED


def test_anyone_with_the_public_key_can_verify_offline(issued: tuple[Setup, list[str]]) -> None:
    setup, payloads = issued
    entry = setup.certificates.register(RegisterFilter(text="2025JZ0001"))[0]
    public = _public_key(setup)
    assert verify_with_public_key(payloads[0], entry.fields, public)
    assert not verify_with_public_key(payloads[0], {**entry.fields, "name": "王伟"}, public)
    assert not verify_with_public_key(payloads[1], entry.fields, public)  # another serial
    other = Ed25519PrivateKey.generate().public_key()
    assert not verify_with_public_key(payloads[0], entry.fields, other)


def test_payloads_read_back_and_reject_what_is_not_ours() -> None:
    signature = bytes(range(64))
    payload = make_payload("2025:JZ:0001", signature)
    assert payload.startswith("SKC1:2025:JZ:0001:") and "=" not in payload
    assert parse_payload(payload) == ("2025:JZ:0001", signature)
    assert parse_payload("SKC1:2025JZ0001:short") is None
    assert parse_payload("SKC2:2025JZ0001:" + payload.rsplit(":", 1)[1]) is None
