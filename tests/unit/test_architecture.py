"""The layers point one way: ui → services → storage → domain (STYLE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "skillsapp"

# package → packages of ours it must never import
FORBIDDEN = {
    "domain": (
        "skillsapp.storage",
        "skillsapp.services",
        "skillsapp.ui",
        "skillsapp.cli",
        "skillsapp.interchange",
        "skillsapp.pdf",
        "skillsapp.app",
    ),
    "storage": ("skillsapp.services", "skillsapp.ui", "skillsapp.cli", "skillsapp.app"),
    "services": ("skillsapp.ui", "skillsapp.cli", "skillsapp.app"),
    "interchange": ("skillsapp.storage", "skillsapp.services", "skillsapp.ui", "skillsapp.app"),
    "pdf": ("skillsapp.storage", "skillsapp.services", "skillsapp.ui", "skillsapp.app"),
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_qt_is_imported_only_by_the_ui_package(path: Path) -> None:
    if path.relative_to(PACKAGE).parts[0] == "ui":
        return
    qt = {name for name in _imports(path) if name.split(".")[0] in {"PySide6", "shiboken6"}}
    assert not qt, f"{path.name} imports {qt}; only skillsapp/ui may use Qt"


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_does_not_import_higher_layers(layer: str) -> None:
    offenders = []
    for path in (PACKAGE / layer).rglob("*.py"):
        for name in _imports(path):
            if name.startswith(FORBIDDEN[layer]):
                offenders.append(f"{path.relative_to(PACKAGE)} → {name}")
    assert not offenders, "\n".join(offenders)
