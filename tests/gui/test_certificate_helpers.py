"""Builders shared by the certificate GUI tests (no tests of their own)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from skillsapp.app import Services
from skillsapp.services.certificates.cert_keys import CertificateKeyService
from skillsapp.services.certificates.certificates import CertificateService
from skillsapp.ui.pages.certificate_issue_tab import CertificateIssueTab
from skillsapp.ui.pages.certificate_settings_tab import CertificateSettingsTab
from skillsapp.ui.pages.certificates_page import CertificatesPage
from tests.unit.services.test_cert_helpers import AWARDS, ISSUE_DAY, meet, publish_results
from tests.unit.services.test_competition_helpers import Meet


@dataclass(frozen=True)
class Awarded:
    services: Services
    meet: Meet


def with_local_key(services: Services, key_dir: Path) -> Services:
    """Services whose signing key lives under `key_dir`, never in the user's data folder."""
    services.key_path = key_dir / "signing.pem"  # kept by as_actor()
    keys = CertificateKeyService(services.db, services.actor, key_path=services.key_path)
    services.__dict__["cert_keys"] = keys
    services.__dict__["certificates"] = CertificateService(
        services.db, services.actor, keys=keys, today=ISSUE_DAY
    )
    return services


def awarded(services: Services, key_dir: Path) -> Awarded:
    """A final competition: one event, three results (一二三等奖), built-in templates."""
    found = meet(services)
    publish_results(services, found)
    services.cert_templates.ensure_builtin_templates()
    return Awarded(with_local_key(services, key_dir), found)


def shown_page(qtbot, services: Services, tab: str) -> CertificatesPage:
    page = CertificatesPage(services)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show_tab(tab)
    page.show()
    qtbot.waitExposed(page)
    return page


def issue_tab(page: CertificatesPage) -> CertificateIssueTab:
    tab = page.tab_widgets["issue"]
    assert isinstance(tab, CertificateIssueTab)
    return tab


def settings_tab(page: CertificatesPage) -> CertificateSettingsTab:
    tab = page.tab_widgets["settings"]
    assert isinstance(tab, CertificateSettingsTab)
    return tab


__all__ = [
    "AWARDS",
    "Awarded",
    "awarded",
    "issue_tab",
    "settings_tab",
    "shown_page",
    "with_local_key",
]
