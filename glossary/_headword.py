"""Headwords in other people's tables: bracketed names and readings, ASCII ids."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["slug", "split_parenthetical"]

_PAREN = re.compile(r"^(?P<head>.*?\S)\s*[(（](?P<inner>[^()（）]+)[)）]$")
_LATIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .&'/+-]*$")
_HANJA = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$")
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_SLUG_MAX = 32


def slug(text: str) -> str:
    """An id made of ``text``: ASCII lower-case words joined by ``_`` (``""`` if none).

    Examples
    --------
    >>> slug("Capital Expenditure"), slug("R&D"), slug("자본 지출")
    ('capital_expenditure', 'r_d', '')
    >>> slug("household's total income and expenditure")
    'household_s_total_income_and'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = _NON_SLUG.sub("_", ascii_text.lower()).strip("_")
    if len(out) > _SLUG_MAX:
        # Cut at a word boundary so long English names still give readable ids.
        cut = out.rfind("_", 0, _SLUG_MAX + 1)
        out = out[: cut if cut > 0 else _SLUG_MAX]
    return out


def split_parenthetical(text: str) -> tuple[str, list[str], list[str]]:
    """Split ``국내총생산(GDP)`` into the head, Latin names and Hanja readings in brackets.

    Returns ``(head, latin, hanja)``; text whose brackets hold anything else is returned
    whole. Parts inside the brackets may be separated by ``,`` ``;`` or ``/``.

    Examples
    --------
    >>> split_parenthetical("국내총생산(GDP; Gross Domestic Product)")
    ('국내총생산', ['GDP', 'Gross Domestic Product'], [])
    >>> split_parenthetical("총공급(總供給)"), split_parenthetical("자본 지출")
    (('총공급', [], ['總供給']), ('자본 지출', [], []))
    """
    m = _PAREN.match(text.strip())
    if not m:
        return text.strip(), [], []
    parts = [p.strip() for p in re.split(r"[,;]", m.group("inner")) if p.strip()]
    if parts and all(_LATIN.match(p) for p in parts):
        return m.group("head"), parts, []
    if parts and all(_HANJA.match(p) for p in parts):
        return m.group("head"), [], parts
    return text.strip(), [], []
