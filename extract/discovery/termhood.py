"""Termhood statistics of noun-phrase candidates: C-value and glossary head counts."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from extract.discovery.phrases import noun_runs
from glossary import Glossary, form_key

__all__ = [
    "GENERIC_FACTORS",
    "c_values",
    "everyday_word",
    "generic_factor",
    "head_counts",
    "keys_as_is",
]

#: Score factors of everyday candidates: one everyday word alone (감소, 개장); a known
#: term with only everyday words around it (AI 기업, 주식 투자) or everyday words ending
#: in an action or change (상승 전환, 공급 부족: news, not a name of anything).
GENERIC_FACTORS = (0.25, 0.4)


def keys_as_is(keys: list[str]) -> list[str]:
    """Analyzer for scikit-learn vectorizers over pre-extracted candidate keys."""
    return keys


def c_values(
    tf: Sequence[int], units: Sequence[Sequence[str]], index: dict[str, int]
) -> list[float]:
    """C-value of each candidate: ``log2(n + 1) * (tf - mean tf of the longer candidates
    containing it)``, where ``n`` is its number of units.

    The ``+ 1`` (Barrón-Cedeño et al., 2009) lets one-unit terms (메타버스, 공매도) score
    by their frequency too; with the original ``log2(n)`` they all get 0 and sink below
    every phrase (on ``bench/discovery.py`` the change finds 2-4 more of the hidden terms
    in the top 200 on each of three seeds).

    ``units[i]`` are the units of candidate ``i`` as written and ``index`` maps a
    :func:`glossary.form_key` to its candidate.

    Examples
    --------
    >>> units = [("반도체",), ("반도체", "특별법"), ("반도체", "특별법", "개정")]
    >>> index = {"반도체": 0, "반도체특별법": 1, "반도체특별법개정": 2}
    >>> [round(c, 2) for c in c_values([10, 6, 2], units, index)]
    [6.0, 6.34, 4.0]
    """
    nested_sum = [0] * len(tf)
    nested_n = [0] * len(tf)
    for b, parts in enumerate(units):
        n = len(parts)
        inside = set()
        for i in range(n):
            for j in range(i + 1, n + 1):
                if j - i < n:
                    a = index.get(form_key(" ".join(parts[i:j])))
                    if a is not None and a != b:
                        inside.add(a)
        for a in inside:
            nested_sum[a] += tf[b]
            nested_n[a] += 1
    out = []
    for a, f in enumerate(tf):
        nested = nested_sum[a] / nested_n[a] if nested_n[a] else 0.0
        out.append(math.log2(len(units[a]) + 1) * (f - nested))
    return out


def head_counts(glossary: Glossary, kiwi: Any) -> dict[str, int]:
    """How many terms of ``glossary`` have a form whose last unit is each word
    (지수: 소비자물가지수, 주가지수, ...), lower-cased.

    Examples
    --------
    >>> from extract.engine.analyzer import get_kiwi
    >>> from glossary import Glossary, Term
    >>> g = Glossary([Term(id="cpi", term="소비자물가지수"), Term(id="kospi", term="주가 지수")])
    >>> head_counts(g, get_kiwi())
    {'지수': 2}
    """
    counts: dict[str, int] = {}
    for term in glossary:
        heads = set()
        for form in term.forms:
            runs = noun_runs(kiwi.tokenize(form), form)
            if runs:
                last = runs[-1][-1]
                heads.add(form[last.start : last.end].lower())
        for head in heads:
            counts[head] = counts.get(head, 0) + 1
    return counts


def everyday_word(unit: str, kiwi: Any, cache: dict[str, bool]) -> bool:
    """Whether ``unit`` is one common noun of Kiwi's dictionary (감소, 활용; not 팁스).

    Examples
    --------
    >>> from extract.engine.analyzer import get_kiwi
    >>> [everyday_word(w, get_kiwi(), {}) for w in ("활용", "ESG", "탄소 포집")]
    [True, False, False]
    """
    hit = cache.get(unit)
    if hit is None:
        tokens = kiwi.tokenize(unit)
        # One common noun of Kiwi's own dictionary: a word of the language, not a coinage,
        # a name or an acronym (팁스, 주담대 and ESG are read otherwise).
        hit = len(tokens) == 1 and tokens[0].tag == "NNG" and tokens[0].len == len(unit)
        cache[unit] = hit
    return hit


def generic_factor(
    units: Sequence[str], kiwi: Any, known: frozenset[str], cache: dict[str, bool]
) -> float:
    """Score factor of a candidate made of ``units``: 1, or one of :data:`GENERIC_FACTORS`
    when it is one everyday word or a known form (``known`` holds loose keys) with
    everyday words around it.

    Examples
    --------
    >>> from extract.engine.analyzer import get_kiwi
    >>> known = frozenset({"ai"})
    >>> units = [("감소",), ("AI", "기업"), ("상승", "전환"), ("탄소", "국경", "세")]
    >>> [generic_factor(u, get_kiwi(), known, {}) for u in units]
    [0.25, 0.4, 0.4, 1.0]
    """
    if len(units) == 1:
        return GENERIC_FACTORS[0] if everyday_word(units[0], kiwi, cache) else 1.0
    is_known = [form_key(u, case_sensitive=False) in known for u in units]
    if not all(k or everyday_word(u, kiwi, cache) for u, k in zip(units, is_known, strict=True)):
        return 1.0
    if any(is_known) or _predicative(units[-1], kiwi, cache):
        return GENERIC_FACTORS[1]
    return 1.0


def _predicative(word: str, kiwi: Any, cache: dict[str, bool]) -> bool:
    """Whether ``word`` is a noun of action or change (상승, 전환: 상승했다)."""
    key = "\0" + word
    hit = cache.get(key)
    if hit is None:
        toks = kiwi.tokenize(word + "했다")
        hit = len(toks) >= 2 and toks[0].len == len(word) and toks[1].tag in ("XSV", "XSA")
        cache[key] = hit
    return hit
