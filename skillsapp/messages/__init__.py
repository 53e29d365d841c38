"""User-facing texts for error codes, in every language the program speaks.

Widgets translate their own labels with Qt's `tr()`; the codes raised by the domain
and the services are translated here, so the CLI (which has no Qt translator) and
the GUI say the same thing. A test checks every code has both languages.
"""

from __future__ import annotations

from skillsapp.errors import Blocked, UserError, ValidationError
from skillsapp.messages import (
    _certificates,
    _competitions,
    _fields,
    _general,
    _scoring,
    _setup,
    _studios,
    _talent,
)
from skillsapp.messages._values import COMPETITION_STATUS_CODES, STATUS_PARAMS
from skillsapp.messages._values import STATUS_LABELS as STATUS_LABELS  # for the CLI

LANGUAGES = ("zh_CN", "en")
_language = "zh_CN"


_CATALOGUES = (_general, _competitions, _setup, _scoring, _talent, _fields, _studios, _certificates)
# code → (Simplified Chinese, English). {name} placeholders come from error params.
MESSAGES: dict[str, tuple[str, str]] = {
    code: pair for catalogue in _CATALOGUES for code, pair in catalogue.MESSAGES.items()
}
if len(MESSAGES) != sum(len(c.MESSAGES) for c in _CATALOGUES):  # pragma: no cover
    raise RuntimeError("a message code is defined in two catalogues")


def set_language(language: str) -> None:
    global _language
    _language = language if language in LANGUAGES else "zh_CN"


def language() -> str:
    return _language


def text(code: str, /, **params: object) -> str:
    """The message for `code` in the current language, with params filled in."""
    pair = MESSAGES.get(code)
    if pair is None:
        return code
    template = pair[0] if _language == "zh_CN" else pair[1]
    if code in COMPETITION_STATUS_CODES:
        params = {k: _status_word(v) if k in STATUS_PARAMS else v for k, v in params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def _status_word(value: object) -> object:
    pair = STATUS_LABELS.get(str(value))
    if pair is None:
        return value
    return pair[0] if _language == "zh_CN" else pair[1]


def describe(error: UserError) -> str:
    """One line for a UserError, including its field problems."""
    if isinstance(error, Blocked) and error.reasons:
        return "；".join(describe(reason) for reason in error.reasons)
    if isinstance(error, ValidationError) and error.field_errors:
        return "；".join(text(code) for code in error.field_errors.values())
    return text(error.code, **error.params)
