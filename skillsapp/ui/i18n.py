"""Installing the Qt translators (ours and Qt's own) and the error-message language."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from skillsapp import messages, paths
from skillsapp.settings import DEFAULT_LANGUAGE, LANGUAGES

log = logging.getLogger(__name__)

_translators: list[QTranslator] = []
_language = DEFAULT_LANGUAGE


def install(language: str | None) -> str:
    """Switch the application to `language` (zh_CN or en); returns the one in force.

    Widgets built afterwards speak the new language; existing ones keep their texts.
    """
    global _language
    app = QCoreApplication.instance()
    lang = language if language in LANGUAGES else DEFAULT_LANGUAGE
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    if lang != "en":
        _load(app, f"skillsapp_{lang}", str(paths.resource("translations")))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        _load(app, f"qtbase_{lang}", qt_dir)
    QLocale.setDefault(QLocale(lang))
    messages.set_language(lang)
    _language = lang
    return lang


def _load(app: QCoreApplication, name: str, folder: str) -> None:
    translator = QTranslator(app)
    if translator.load(name, folder):
        app.installTranslator(translator)
        _translators.append(translator)
    else:
        log.warning("translation %s not found in %s", name, folder)


def language() -> str:
    return _language
