"""Whether a mined alias is safe: acronyms that spell their name, no everyday words.

An alias changes what the tagger marks everywhere, so a wrong one does harm far beyond
its evidence (활용 tagged as carbon capture in 16% of documents). These checks decide,
for a form proposed as an alias of a glossary term, whether it is one (``"alias"``),
another concept written with a known acronym (``"sense"``: 생애주기비용 for LCC, which
the glossary reads as 저비용 항공사) or not to be proposed at all (``"refuse"``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from corpus.korean import HANGUL
from glossary import Term

__all__ = ["acronym_matches", "alias_verdict"]

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&+\-]{1,7}$")
_WORD = re.compile(r"[A-Za-z]+")
# Words an acronym usually skips (Carbon Capture and Storage: CCS).
_SKIPPED = frozenset({"a", "an", "and", "for", "in", "of", "on", "the", "to", "by", "with"})


def acronym_matches(acronym: str, name: str) -> bool:
    """Whether the letters of ``acronym`` spell ``name``: its initials, or its first
    initial and then letters of the name in order (CapEx, FinTech-style blends).

    Examples
    --------
    >>> [acronym_matches(a, n) for a, n in (("HBM", "High Bandwidth Memory"),
    ...     ("CCS", "Carbon Capture and Storage"), ("AI", "Highly Pathogenic Avian Influenza"),
    ...     ("BSI", "Business Survey Index"), ("BSI", "British Standards Institution"))]
    [True, True, False, True, True]
    """
    letters = "".join(c for c in acronym.upper() if c.isalpha())
    words = [w for w in _WORD.findall(name) if w.lower() not in _SKIPPED]
    if not letters or not words:
        return False
    initials = "".join(w[0] for w in words).upper()
    if letters == initials:
        return True
    if letters[0] != initials[0]:
        return False
    rest = iter("".join(words).upper()[1:])
    return all(c in rest for c in letters[1:]) and len(letters) <= len(words) + 2


def _english_names(term: Term) -> list[str]:
    names = [term.en] if term.en else []
    names += [f for f in term.forms if f.isascii() and len(_WORD.findall(f)) > 1]
    return names


def _names_alike(a: str, b: str) -> bool:
    short, long = sorted((a.replace(" ", ""), b.replace(" ", "")), key=len)
    if not short or short[0] != long[0]:
        return False
    it = iter(long)
    return all(ch in it for ch in short)


def alias_verdict(term: Term, known_form: str, form: str, everyday: Callable[[str], bool]) -> str:
    """``"alias"``, ``"sense"`` or ``"refuse"`` for ``form``, seen in parentheses with
    ``known_form`` of ``term`` (see the module docstring).

    ``everyday(form)`` says whether a form is a common word of the language.

    Examples
    --------
    >>> lcc = Term(id="lcc", term="저비용 항공사", en="Low Cost Carrier", aliases=("LCC",))
    >>> [alias_verdict(lcc, "LCC", f, lambda s: s == "활용") for f in
    ...     ("저비용항공사들", "생애주기비용", "활용", "Low-Cost Carrier", "XYZ")]
    ['alias', 'sense', 'refuse', 'alias', 'refuse']
    """
    if everyday(form):
        return "refuse"
    if _ACRONYM.match(form):
        names = _english_names(term)
        return "alias" if any(acronym_matches(form, n) for n in names) else "refuse"
    if _ACRONYM.match(known_form):
        # The glossary knows the acronym for one concept; a name that does not spell it
        # or look like the term's own names is another concept with the same letters.
        if HANGUL.search(form):
            hangul = [f for f in term.forms if HANGUL.search(f)]
            return "alias" if any(_names_alike(form, f) for f in hangul) else "sense"
        return "alias" if acronym_matches(known_form, form) else "sense"
    return "alias"
