"""Every item model of the talent registry and the studio pages passes Qt's model tester,
filled from the demo database."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt

from skillsapp.domain.studio_rules import Metric
from skillsapp.services.registry.registry import PersonQuery
from skillsapp.services.studios.studio_evaluation import PlanInput
from skillsapp.services.talent.talent import TitleInput
from skillsapp.ui.models.evaluation_models import (
    MetricTableModel,
    PlanTableModel,
    RankingTableModel,
)
from skillsapp.ui.models.nomination_models import (
    DocumentTableModel,
    NominationTableModel,
    RoundTableModel,
)
from skillsapp.ui.models.profile_models import (
    ApprenticeTableModel,
    CertificateTableModel,
    HistoryTableModel,
    HonourTableModel,
    MasterTableModel,
    MembershipTableModel,
    PersonInnovationTableModel,
    TitleTableModel,
)
from skillsapp.ui.models.studio_models import (
    ConditionTableModel,
    MemberTableModel,
    StudioInnovationTableModel,
    StudioTableModel,
    TalentTableModel,
    TrainingTableModel,
)


def _checked(qtmodeltester, model, rows) -> None:
    assert rows, f"no rows to test {type(model).__name__} with"
    model.set_rows(rows)
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def _profiles(services):
    """Profiles of the first persons, one of them with a professional title record."""
    rows = services.registry.search(PersonQuery(limit=120)).rows
    services.talent.add_title(TitleInput(rows[0].id, "高级工程师", dt.date(2020, 12, 1)))
    return [services.profile.profile(r.id) for r in rows]


def test_profile_models(qtmodeltester, demo):
    profiles = _profiles(demo)

    def some(field: str):
        return [row for p in profiles for row in getattr(p, field)]

    for model, field in (
        (CertificateTableModel(), "certificates"),
        (TitleTableModel(), "titles"),
        (HonourTableModel(), "honours"),
        (ApprenticeTableModel(), "as_mentor"),
        (MasterTableModel(), "as_apprentice"),
        (MembershipTableModel(), "studios"),
    ):
        _checked(qtmodeltester, model, some(field))
    history = some("history")
    if history:  # the demo's results reach only the contestants of its finished contest
        _checked(qtmodeltester, HistoryTableModel(), history)
    studio = max(demo.studios.studios(), key=lambda s: s.innovations)
    leader = demo.profile.profile(studio.leader_id)
    innovations = leader.innovations or some("innovations")
    _checked(qtmodeltester, PersonInnovationTableModel(), innovations)


def test_studio_models(qtmodeltester, demo):
    rows = demo.studios.studios()
    _checked(qtmodeltester, StudioTableModel(), rows)
    detail = demo.studios.studio(max(rows, key=lambda s: s.members + s.innovations).id)
    _checked(qtmodeltester, MemberTableModel(), detail.members)
    _checked(qtmodeltester, StudioInnovationTableModel(), detail.innovations)
    trainings = [t for s in rows for t in demo.studios.studio(s.id).trainings]
    _checked(qtmodeltester, TrainingTableModel(), trainings)
    talents = [t for s in rows for t in demo.studios.studio(s.id).talents]
    _checked(qtmodeltester, TalentTableModel(), talents)
    conditions = ConditionTableModel()
    conditions.set_rules(detail.conditions.rules)
    _checked(qtmodeltester, conditions, detail.conditions.checks)
    colour = conditions.data(conditions.index(0, 3), Qt.ItemDataRole.ForegroundRole)
    assert colour is None  # emptied above
    conditions.set_rows(detail.conditions.checks)
    assert conditions.data(conditions.index(0, 3), Qt.ItemDataRole.ForegroundRole) is not None


def test_evaluation_models(qtmodeltester, demo):
    metrics = (
        Metric("innovations", Decimal(40)),
        Metric("benefit", Decimal(40)),
        Metric("m1", Decimal(20), label="现场评审", manual=True, max_score=Decimal(10)),
    )
    plan = demo.studio_evaluation.add_plan(PlanInput(2026, "模型测试", metrics))
    _checked(qtmodeltester, PlanTableModel(), demo.studio_evaluation.plans())
    editable = MetricTableModel()
    _checked(qtmodeltester, editable, list(metrics))
    ranking = RankingTableModel()
    ranking.set_ranking(demo.studio_evaluation.ranking(plan.id))
    qtmodeltester.check(ranking)
    assert ranking.columnCount() == 2 + len(metrics) + 2
    assert ranking.headerData(5, Qt.Orientation.Horizontal) == "现场评审"
    ranking.set_ranking(None)
    qtmodeltester.check(ranking)


def test_nomination_models(qtmodeltester, demo):
    rounds = demo.nominations.rounds()
    if not rounds:
        from tests.gui.test_nominations import _round

        rounds = [_round(demo)]
    _checked(qtmodeltester, RoundTableModel(), rounds)
    person = demo.registry.search(PersonQuery(limit=1)).rows[0]
    nominations = demo.nominations.nominations(rounds[0].id)
    if not nominations:
        demo.nominations.nominate(rounds[0].id, person_id=person.id, notes="事迹")
        nominations = demo.nominations.nominations(rounds[0].id)
    model = NominationTableModel()
    model.set_units({u.id: u.name for u in demo.units.units()})
    _checked(qtmodeltester, model, nominations)
    nomination = nominations[0]
    if not nomination.documents:
        demo.nominations.attach(nomination.id, "推荐表.pdf", b"%PDF-1.4")
        nomination = demo.nominations.nominations(rounds[0].id)[0]
    _checked(qtmodeltester, DocumentTableModel(), nomination.documents)
