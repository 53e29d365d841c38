"""The scoring views render from the demo database (its contest marked and settled), the
judge views as the demo's chief judge."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from skillsapp.services.context import Actor
from skillsapp.ui.snapshot import chief_judge_actor, render_snapshot


def test_the_demo_chief_judge_is_found(demo):
    actor = chief_judge_actor(demo)
    assert isinstance(actor, Actor)
    assert actor.name == "judge1"


@pytest.mark.parametrize("view", ["marking-grid", "chief-panel", "results"])
def test_scoring_views_render_from_the_demo(qtbot, demo, tmp_path, view):
    out = tmp_path / f"{view}.png"
    render_snapshot(str(demo.db.url.database), view, out, "zh_CN")
    image = QImage(str(out))
    assert not image.isNull()
    if view != "results":  # a judge's window: no page wider than the window
        assert (image.width(), image.height()) == (1280, 800)
