"""Every error code the program can raise has a Chinese and an English text."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

import skillsapp
from skillsapp import messages
from skillsapp.domain.idcard import IdError
from skillsapp.errors import UserError

SOURCE = Path(skillsapp.__file__).resolve().parent
# Imported to find UserError subclasses; Qt and Alembic's env.py are read as text only.
NOT_IMPORTED = ("skillsapp.ui", "skillsapp.storage.migrations", "skillsapp.__main__")
SNAKE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
CJK = re.compile(r"[\u4e00-\u9fff]")


def _subclasses(cls: type[UserError]) -> Iterator[type[UserError]]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _error_classes() -> list[type[UserError]]:
    for module in pkgutil.walk_packages([str(SOURCE)], prefix="skillsapp."):
        if not module.name.startswith(NOT_IMPORTED):
            importlib.import_module(module.name)
    return [UserError, *_subclasses(UserError)]


def _name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def _text(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _arg(call: ast.Call, index: int) -> ast.AST | None:
    return call.args[index] if len(call.args) > index else None


def _call_codes(
    call: ast.Call, error_names: set[str], forwarders: dict[str, int]
) -> Iterator[str | None]:
    name = _name(call)
    first = _arg(call, 0)
    if name == "ValidationError" and isinstance(first, ast.Dict):
        yield from (_text(value) for value in first.values)
    elif name in error_names:
        yield _text(first)
    elif name in forwarders:
        yield _text(_arg(call, forwarders[name]))
    elif name == "RowProblem":
        yield _text(_arg(call, 2))
        yield from (_text(k.value) for k in call.keywords if k.arg == "code")


def _params(func: ast.FunctionDef) -> list[str]:
    names = [a.arg for a in func.args.posonlyargs + func.args.args]
    return names[1:] if names[:1] in (["self"], ["cls"]) else names


def _forwarders(trees: list[ast.Module], error_names: set[str]) -> dict[str, int]:
    """Helpers that pass one parameter on as an error code: name → parameter index.

    For example cli `_typed(prompt, missing)` raises `UserError(missing)`, so the codes
    are the constants its callers pass second (and `_secret` forwards to `_typed`).
    """
    funcs = [n for tree in trees for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]
    found: dict[str, int] = {}
    changed = True
    while changed:
        changed = False
        for func in funcs:
            params = _params(func)
            for call in (n for n in ast.walk(func) if isinstance(n, ast.Call)):
                name = _name(call)
                index = 0 if name in error_names else found.get(name)
                arg = None if index is None else _arg(call, index)
                if isinstance(arg, ast.Name) and arg.id in params and func.name not in found:
                    found[func.name] = params.index(arg.id)
                    changed = True
    return found


def _assigned_codes(node: ast.Assign | ast.AnnAssign) -> Iterator[str | None]:
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    for target in targets:
        # errors["field"] = "code" (field-error dicts built up before raising)
        if isinstance(target, ast.Subscript) and "error" in ast.unparse(target.value).lower():
            yield _text(node.value)


def codes_in_source(error_names: set[str]) -> set[str]:
    """Codes handed to UserErrors, field-error dicts and RowProblems in skillsapp/."""
    trees = [ast.parse(p.read_text(encoding="utf-8")) for p in SOURCE.rglob("*.py")]
    forwarders = _forwarders(trees, error_names)
    found: set[str | None] = set()
    for node in (n for tree in trees for n in ast.walk(tree)):
        if isinstance(node, ast.Call):
            found.update(_call_codes(node, error_names, forwarders))
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            found.update(_assigned_codes(node))
    return {code for code in found if code and SNAKE.match(code)}


def all_codes() -> set[str]:
    classes = _error_classes()
    names = {cls.__name__ for cls in classes}
    return (
        {cls.code for cls in classes}
        | {f"id_{member.value}" for member in IdError}
        | codes_in_source(names)
    )


CODES = sorted(all_codes())
# Codes raised without a text yet (found by this test; each is a bug to fix in skillsapp/messages/).
KNOWN_MISSING: dict[str, str] = {}


def _case(code: str) -> object:
    if code not in KNOWN_MISSING:
        return code
    reason = f"BUG: no zh_CN/en text in messages.MESSAGES for {KNOWN_MISSING[code]}"
    return pytest.param(code, marks=pytest.mark.xfail(strict=True, reason=reason))


def _in(language: str, code: str) -> str:
    messages.set_language(language)
    return messages.text(code)


def test_the_scan_finds_codes_of_every_kind() -> None:
    """Guards the scanner itself: one code from each place codes come from."""
    assert {
        "conflict",  # an errors.py class
        "import_cancelled",  # a UserError subclass outside errors.py
        "id_checksum",  # an IdError member
        "mobile_invalid",  # errors["mobile"] = ... in check_person
        "unit_cycle",  # raise ValidationError({...})
        "db_too_new",  # DatabaseError("db_too_new", ...)
        "id_duplicate_in_file",  # RowProblem(row, field, code, ...) over several lines
        "login_required",  # cli _secret(env, prompt, "login_required") → _typed → UserError
    } <= set(CODES)


@pytest.mark.parametrize("code", [_case(code) for code in CODES])
def test_error_code_has_a_chinese_and_a_different_english_text(code: str) -> None:
    assert code in messages.MESSAGES
    chinese, english = _in("zh_CN", code), _in("en", code)
    assert chinese != english
    assert CJK.search(chinese), chinese
    assert not CJK.search(english), english


def test_unknown_language_falls_back_to_chinese() -> None:
    messages.set_language("fr")
    assert messages.language() == "zh_CN"
    assert messages.text("conflict") == messages.MESSAGES["conflict"][0]


def test_describe_lists_the_field_problems_in_the_current_language() -> None:
    from skillsapp.errors import ValidationError

    error = ValidationError({"id_number": "id_checksum", "mobile": "mobile_invalid"})
    messages.set_language("en")
    assert messages.describe(error) == (
        "The ID number's check character is wrong；A mobile number has 11 digits starting with 1"
    )


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _placeholder_mismatches() -> dict[str, tuple[set[str], set[str]]]:
    return {
        code: (_placeholders(zh), _placeholders(en))
        for code, (zh, en) in messages.MESSAGES.items()
        if _placeholders(zh) != _placeholders(en)
    }


def test_both_languages_fill_in_the_same_placeholders() -> None:
    mismatches = _placeholder_mismatches()
    assert mismatches == {}


def test_duplicate_in_file_names_the_other_row_in_both_languages() -> None:
    assert "id_duplicate_in_file" not in _placeholder_mismatches()


@pytest.mark.parametrize(("language", "word"), [("zh_CN", "「公示」"), ("en", "review")])
def test_a_competition_status_is_named_in_words(language: str, word: str) -> None:
    messages.set_language(language)
    said = messages.describe(UserError("competition_wrong_status", status="review"))
    assert word in said
    assert language == "en" or "review" not in said


def test_a_skipped_step_names_both_statuses() -> None:
    messages.set_language("zh_CN")
    said = messages.describe(UserError("status_skip", status="draft", target="final"))
    assert "筹备" in said and "已定" in said
