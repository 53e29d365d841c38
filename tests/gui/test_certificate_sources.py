"""证书 › 发证 for honour recipients and for a registry list, not only a competition's results."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox

from skillsapp.app import Services
from skillsapp.domain.marks import HonourLevel
from skillsapp.services.certificates.certificates import ISSUER_KEY
from skillsapp.services.registry.registry import PersonQuery
from skillsapp.services.talent.honours import HonourInput
from skillsapp.ui.main_window import MainWindow
from skillsapp.ui.pages.certificate_issue_tab import CertificateIssueTab
from skillsapp.ui.pages.certificates_page import CertificatesPage
from skillsapp.ui.pages.registry_page import RegistryPage
from skillsapp.ui.widgets.certificate_source_box import Source
from tests.factories import person_input
from tests.gui.helpers import LEFT, type_text
from tests.gui.talent_helpers import choose
from tests.gui.test_certificate_helpers import awarded, issue_tab, shown_page, with_local_key
from tests.unit.pdf.pdf_checks import page_texts
from tests.unit.services.test_cert_helpers import AWARD_TEMPLATE, HONOUR_TEMPLATE, TITLE
from tests.unit.services.test_talent_helpers import type_id

BODY = "焦作市人力资源和社会保障局"
WELDERS = ("王建国", "赵敏", "周芳")  # trade 焊工 (seq 0, 3, 6)


def _ready(services: Services, key_dir: Path) -> Services:
    services.cert_templates.ensure_builtin_templates()
    ready = with_local_key(services, key_dir)
    ready.certificates.set_setting(ISSUER_KEY, "焦作市总工会")  # lists have no organiser
    return ready


def _persons(services: Services, count: int = 7) -> list[int]:
    """Persons 0…count-1; trades rotate 焊工, 钳工, 电工, so 0, 3, 6 are the welders."""
    names = {0: WELDERS[0], 3: WELDERS[1], 6: WELDERS[2]}
    return [
        services.registry.add(person_input(seq, name=names.get(seq, f"人员{seq}"))).id
        for seq in range(count)
    ]


def _honour(services: Services, person_id: int, title: str, year: int) -> None:
    data = HonourInput(
        type_id=type_id(services, "技术能手"),
        level=HonourLevel.CITY,
        person_id=person_id,
        title=title,
        granting_body=BODY,
        year=year,
    )
    services.honours.add(data)


def _choose_source(qtbot, tab: CertificateIssueTab, source: Source) -> None:
    """Arrow keys on the 发证对象 combo until it shows `source`."""
    combo: QComboBox = tab.form.source.source
    combo.setFocus()
    key = Qt.Key.Key_Down if combo.findData(source) > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentData() != source:
        qtbot.keyClick(combo, key)


def _click_box(qtbot, box) -> None:
    """Click a check box on its indicator, as a person would."""
    qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))


def _template_name(tab: CertificateIssueTab) -> str:
    return tab.form.template.currentText()


def _generate(qtbot, tab: CertificateIssueTab, out: Path) -> list[str]:
    """Type the output path, click generate, wait for the batch; each page's text."""
    tab.form.output.clear()
    type_text(qtbot, tab.form.output, str(out))
    qtbot.mouseClick(tab.generate_button, LEFT)
    qtbot.waitUntil(lambda: tab.result is not None, timeout=15_000)
    return page_texts(out.read_bytes())


def test_an_honour_groups_certificates_are_issued_from_the_tab(qtbot, admin, tmp_path) -> None:
    services = _ready(admin, tmp_path)
    ids = _persons(services, 4)
    for pid in ids[:2]:
        _honour(services, pid, "焦作市技术能手", 2025)
    _honour(services, ids[2], "焦作市技术能手", 2023)
    page = shown_page(qtbot, services, "issue")
    tab = issue_tab(page)
    _choose_source(qtbot, tab, Source.HONOURS)
    groups = tab.form.source.honour_group
    assert [groups.itemText(i) for i in range(groups.count())] == [
        f"2025 焦作市技术能手 (2) · {BODY}",
        f"2023 焦作市技术能手 (1) · {BODY}",
    ]
    assert HONOUR_TEMPLATE in _template_name(tab)  # an honour template, chosen for us
    assert [c.name for c in tab.candidates] == ["人员1", "王建国"]  # by pinyin
    qtbot.waitUntil(lambda: tab.viewer.page_count() == 2)  # the preview follows
    texts = _generate(qtbot, tab, tmp_path / "honours.pdf")
    assert tab.result.issued == 2
    register = services.certificates.register()
    assert sorted(e.serial for e in register) == sorted(tab.result.serials)
    assert ["人员1" in texts[0], "王建国" in texts[1]] == [True, True]
    assert all("焦作市技术能手" in t and BODY in t for t in texts)
    assert all(c.issued_serial for c in tab.candidates)  # the next run skips them
    assert not tab.generate_button.isEnabled()
    choose(qtbot, groups, f"2023 焦作市技术能手 (1) · {BODY}")
    assert [(c.name, c.issued_serial) for c in tab.candidates] == [("人员2", "")]


def test_the_registry_button_carries_its_filter_to_the_issue_tab(qtbot, admin, tmp_path) -> None:
    services = _ready(admin, tmp_path)
    _persons(services)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    registry = window.show_page("registry")
    assert isinstance(registry, RegistryPage)
    persons = registry.persons
    assert persons.certificates_button.isVisible()
    choose(qtbot, persons.filters.trade, "焊工")
    qtbot.waitUntil(lambda: persons.model.total == len(WELDERS))
    qtbot.mouseClick(persons.certificates_button, LEFT)
    page = window.stack.currentWidget()
    assert isinstance(page, CertificatesPage)
    tab = issue_tab(page)
    assert page.tabs.currentWidget() is tab
    source = tab.form.source
    assert source.current_source() == Source.PERSONS
    assert "焊工" in source.person_list.currentText()
    query = source.person_query()
    assert query is not None and (query.trade, query.limit) == ("焊工", None)
    assert sorted(c.name for c in tab.candidates) == sorted(WELDERS)
    assert str(len(WELDERS)) in tab.count_label.text()
    assert str(len(WELDERS)) in source.persons_label.text()
    qtbot.waitUntil(lambda: tab.viewer.page_count() == len(WELDERS))


def test_a_person_list_with_an_award_text_prints_that_text(qtbot, admin, tmp_path) -> None:
    services = _ready(admin, tmp_path)
    _persons(services)
    page = shown_page(qtbot, services, "issue")
    tab = issue_tab(page)
    page.issue_for_query(PersonQuery(trade="焊工", sort="id"), "焊工")
    source = tab.form.source
    assert _template_name(tab).startswith("参赛证书")  # no texts yet: participation
    type_text(qtbot, source.award_text, "优秀学员")
    qtbot.waitUntil(lambda: [c.award for c in tab.candidates] == ["优秀学员"] * 3)
    assert AWARD_TEMPLATE in _template_name(tab)  # an award to print: an award template
    assert [c.name for c in tab.candidates] == list(WELDERS)  # the filter's order
    texts = _generate(qtbot, tab, tmp_path / "list.pdf")
    assert [t for t in texts if "优秀学员" in t] == texts and len(texts) == 3
    assert all(name in text for name, text in zip(WELDERS, texts, strict=True))
    assert {e["award"] for e in services.certificates.register()} == {"优秀学员"}


def test_a_title_text_picks_an_honour_template_unless_one_was_chosen(
    qtbot, admin, tmp_path
) -> None:
    services = _ready(admin, tmp_path)
    _persons(services)
    page = shown_page(qtbot, services, "issue")
    tab = issue_tab(page)
    page.issue_for_query(PersonQuery(trade="焊工"), "焊工")
    source = tab.form.source
    type_text(qtbot, source.title_text, "优秀学员")
    qtbot.waitUntil(lambda: {c.title for c in tab.candidates} == {"优秀学员"})
    assert HONOUR_TEMPLATE in _template_name(tab)
    choose(qtbot, tab.form.template, next(_texts_with(tab.form.template, "参赛证书")))
    source.title_text.clear()
    type_text(qtbot, source.title_text, "优秀工匠")
    qtbot.waitUntil(lambda: {c.title for c in tab.candidates} == {"优秀工匠"})
    assert _template_name(tab).startswith("参赛证书")  # the user's choice stands


def test_a_saved_search_is_a_list_to_certify(qtbot, admin, tmp_path) -> None:
    services = _ready(admin, tmp_path)
    _persons(services)
    services.profile.save_search("焊工名单", PersonQuery(trade="焊工"))
    page = shown_page(qtbot, services, "issue")
    tab = issue_tab(page)
    _choose_source(qtbot, tab, Source.PERSONS)
    source = tab.form.source
    assert source.person_list.count() == 1 and "焊工名单" in source.person_list.currentText()
    assert sorted(c.name for c in tab.candidates) == sorted(WELDERS)


def test_a_competitions_titles_alone_pick_an_honour_template(qtbot, admin, tmp_path) -> None:
    awarded(admin, tmp_path)
    page = shown_page(qtbot, admin, "issue")
    tab = issue_tab(page)
    assert AWARD_TEMPLATE in _template_name(tab)
    boxes = tab.form.choice_boxes
    for box in boxes[:3]:
        _click_box(qtbot, box)  # untick 一二三等奖
    _click_box(qtbot, boxes[3])  # tick the title
    assert [(c.kind, c.title) for c in tab.candidates] == [("title", TITLE)]
    assert HONOUR_TEMPLATE in _template_name(tab)
    _click_box(qtbot, boxes[0])
    assert AWARD_TEMPLATE in _template_name(tab)


def _texts_with(combo: QComboBox, part: str):
    return (combo.itemText(i) for i in range(combo.count()) if part in combo.itemText(i))
