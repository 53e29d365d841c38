"""Mainland China mobile numbers."""

from __future__ import annotations

import re
import unicodedata

_MOBILE = re.compile(r"1[3-9]\d{9}")
_NOISE = re.compile(r"[\s\-‐‑‒–—―]+")


def normalize_mobile(raw: str) -> str:
    """Drop spaces and dashes, map full-width digits to ASCII, drop a +86/0086/86 prefix."""
    text = _NOISE.sub("", unicodedata.normalize("NFKC", raw))
    for prefix in ("+86", "0086"):
        if text.startswith(prefix):
            return text[len(prefix) :]
    # A bare "86" is a prefix only when 11 digits follow; no mobile number starts with 86.
    if text.startswith("86") and len(text) == 13:
        return text[2:]
    return text


def is_valid_mobile(raw: str) -> bool:
    """True for an 11-digit mainland mobile number after normalising."""
    text = normalize_mobile(raw)
    return text.isascii() and _MOBILE.fullmatch(text) is not None
