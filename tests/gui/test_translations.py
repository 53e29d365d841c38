"""Every user-visible source string has a finished zh_CN translation, and the .qm is current.

When this fails: run pyside6-lupdate over skillsapp/ui (see resources/translations/README.md),
translate the new strings, then pyside6-lrelease.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "skillsapp_zh_CN.ts"
QM = TRANSLATIONS / "skillsapp_zh_CN.qm"


def _tool(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    path = str(found) if found.exists() else shutil.which(name)
    if path is None:
        pytest.fail(f"{name} not found (it comes with PySide6)")
    return path


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message.find("translation")
    return found


def test_every_source_string_has_a_finished_translation(tmp_path):
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "skillsapp" / "ui").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            *sources,
            "-no-obsolete",
            "-locations",
            "none",
            "-ts",
            str(fresh),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    committed = _messages(TS)
    wanted = _messages(fresh)
    assert wanted, "lupdate found no strings"
    problems = []
    for key in wanted:
        translation = committed.get(key)
        if translation is None:
            problems.append(f"missing: {key}")
        elif translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"unfinished: {key}")
        elif not (translation.text or "").strip():
            problems.append(f"empty: {key}")
    assert not problems, "\n".join(problems)


def test_placeholders_survive_translation():
    for (context, source), translation in _messages(TS).items():
        for part in source.split("{")[1:]:
            placeholder = "{" + part.split("}")[0] + "}"
            assert placeholder in (translation.text or ""), (context, source)


def test_compiled_qm_matches_the_ts(tmp_path):
    out = tmp_path / "fresh.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(out)], check=True, capture_output=True
    )
    assert QM.read_bytes() == out.read_bytes(), "run pyside6-lrelease on the .ts"
