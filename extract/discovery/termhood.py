"""Termhood statistics of noun-phrase candidates: C-value and glossary head counts."""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from corpus.korean import HANGUL, OFFICE_TITLES
from extract.discovery.phrases import noun_runs
from glossary import Glossary, form_key

__all__ = [
    "ABSORB_SHARE",
    "COMMON_LOGPROB",
    "GENERIC_FACTORS",
    "LABEL_SHARE",
    "absorbed",
    "bundled_names",
    "c_values",
    "contracted_particle",
    "event_phrase",
    "everyday_word",
    "generic_factor",
    "head_counts",
    "head_shares",
    "keys_as_is",
    "latin_word",
    "modifier_shares",
    "shortened_name",
]

#: Score factors of everyday candidates: one everyday word alone (감소, 개장); a known
#: term with only everyday words around it (AI 기업, 주식 투자) or everyday words ending
#: in an action or change (상승 전환, 공급 부족: news, not a name of anything).
GENERIC_FACTORS = (0.25, 0.4)


#: A candidate with at least this share of its occurrences inside bracketed tags
#: ([ETF 줌인], [차이나 워치]) is the name of a column or section: it scores the first of
#: :data:`GENERIC_FACTORS`.
LABEL_SHARE = 0.5


#: A candidate is absorbed by a longer one holding it when at least this share of its
#: occurrences are inside that longer one (see :func:`absorbed`).
ABSORB_SHARE = 0.5


def _inside(units: Sequence[Sequence[str]], index: dict[str, int]) -> list[set[int]]:
    """For each candidate, the other candidates that are contiguous parts of it."""
    out = []
    for b, parts in enumerate(units):
        n = len(parts)
        inside = set()
        for i in range(n):
            for j in range(i + 1, n + 1):
                if j - i < n:
                    a = index.get(form_key(" ".join(parts[i:j])))
                    if a is not None and a != b:
                        inside.add(a)
        out.append(inside)
    return out


def _extensions(
    units: Sequence[Sequence[str]], index: dict[str, int]
) -> list[tuple[list[int], list[int]]]:
    """For each candidate, the candidates one unit longer that start with it (it + one
    unit after) and those that end with it (one unit before + it)."""
    out: list[tuple[list[int], list[int]]] = [([], []) for _ in units]
    for b, parts in enumerate(units):
        if len(parts) < 2:
            continue
        for side, sub in ((0, parts[:-1]), (1, parts[1:])):
            a = index.get(form_key(" ".join(sub)))
            if a is not None and a != b:
                out[a][side].append(b)
    return out


def absorbed(
    tf: Sequence[int],
    units: Sequence[Sequence[str]],
    index: dict[str, int],
    share: float = ABSORB_SHARE,
    absorbers: Sequence[bool] | None = None,
) -> list[int | None]:
    """For each candidate, the longer candidate that absorbs it, or None.

    A candidate is a fragment of a longer one when it lives mostly inside longer
    phrases (호르무즈 in 호르무즈 해협): an editor wants the whole name, and the
    fragment would only repeat it higher up the list, since a part is always at least
    as frequent as the whole. Two nested-phrase rules, as the C-value papers' rule for
    terms that never occur on their own:

    * at least ``share`` of its occurrences are inside one longer candidate;
    * or at least ``share`` of them are inside the candidates one unit longer on one
      side (호르무즈 해협, 호르무즈 봉쇄, ...), and one of those that may absorb (not
      news about it, see :func:`event_phrase`) is the dominant extension: at least
      ``share`` of the occurrences of the extensions that may absorb. Several
      extensions none of which dominates (K반도체 육성, K반도체 전략, K반도체 벨트) leave
      the fragment a name of its own.

    The absorber is the most frequent such longer candidate, and absorption follows
    chains to a candidate that is not absorbed itself. Only candidates with
    ``absorbers[i]`` true (default: all) absorb others.

    Examples
    --------
    >>> units = [("호르무즈",), ("호르무즈", "해협"), ("해협",), ("반도체",), ("반도체", "특별법")]
    >>> index = {"호르무즈": 0, "호르무즈해협": 1, "해협": 2, "반도체": 3, "반도체특별법": 4}
    >>> absorbed([20, 14, 30, 50, 6], units, index)
    [1, None, None, None, None]

    호르무즈 in 42 places, 17 of them in 호르무즈 해협 and 11 in 호르무즈 봉쇄 (news
    about it, no absorber):

    >>> units = [("호르무즈",), ("호르무즈", "해협"), ("호르무즈", "봉쇄")]
    >>> index = {"호르무즈": 0, "호르무즈해협": 1, "호르무즈봉쇄": 2}
    >>> absorbed([42, 17, 11], units, index, absorbers=[True, True, False])
    [1, None, None]
    """
    may = [True] * len(tf) if absorbers is None else list(absorbers)
    by: list[int | None] = [None] * len(tf)
    best = [0] * len(tf)
    for b, inside in enumerate(_inside(units, index)):
        if not may[b]:
            continue
        for a in inside:
            if tf[b] >= share * tf[a] and tf[b] > best[a]:
                by[a], best[a] = b, tf[b]
    for a, sides in enumerate(_extensions(units, index)):
        if by[a] is not None:
            continue
        for ext in sides:
            held = sum(tf[b] for b in ext)
            able = [b for b in ext if may[b]]
            if not able or held < share * tf[a]:
                continue
            top = max(able, key=lambda b: (tf[b], -b))
            if tf[top] >= share * sum(tf[b] for b in able) and tf[top] > best[a]:
                by[a], best[a] = top, tf[top]
    out: list[int | None] = []
    for first in by:
        # An absorber is always longer than what it absorbs, so chains end.
        end = first
        while end is not None and by[end] is not None:
            end = by[end]
        out.append(end)
    return out


def event_phrase(
    units: Sequence[str],
    index: dict[str, int],
    known: frozenset[str],
    kiwi: Any,
    cache: dict[str, bool],
) -> bool:
    """Whether ``units`` tell what happened to a name: a candidate of its own (in
    ``index``) or a known form (loose keys in ``known``) followed by nouns of action or
    change (봉쇄, 장기화, 사망: 봉쇄했다). 호르무즈 해협 봉쇄 is news about 호르무즈
    해협, not a term.

    Examples
    --------
    >>> from extract.engine.analyzer import get_kiwi
    >>> index = {"호르무즈해협": 0, "호르무즈해협봉쇄": 1, "석유최고가격제": 2}
    >>> units = [("호르무즈", "해협", "봉쇄"), ("호르무즈", "해협"), ("석유", "최고가격제"),
    ...          ("하메네이", "사망")]
    >>> [event_phrase(u, index, frozenset({"하메네이"}), get_kiwi(), {}) for u in units]
    [True, False, False, True]
    """
    n = len(units)
    while n > 1 and _predicative(units[n - 1], kiwi, cache):
        n -= 1
        head = " ".join(units[:n])
        if form_key(head) in index or form_key(head, case_sensitive=False) in known:
            return True
    return False


@functools.cache
def bundled_names() -> frozenset[str]:
    """Loose keys (:func:`glossary.form_key`, case ignored) of every form of the bundled
    list of companies and institutions: names the package knows are never proposed as
    new terms, whether or not the glossary in use holds them.

    Examples
    --------
    >>> {"카카오뱅크", "kb증권"} <= bundled_names()
    True
    """
    from glossary import default

    concepts = {t.id for t in default()}
    return frozenset(
        form_key(f, case_sensitive=False)
        for t in default(entities=True)
        if t.id not in concepts
        for f in t.forms
    )


def shortened_name(key: str, names: Sequence[str]) -> bool:
    """Whether loose ``key`` starts a longer name of the sorted ``names`` (한국투자 of
    한국투자증권, NH투자 of NH투자증권): a name cut short, not a term.

    Examples
    --------
    >>> shortened_name("한국투자", sorted(bundled_names()))
    True
    >>> shortened_name("팁스", sorted(bundled_names()))
    False
    """
    import bisect

    if len(key) < 3:
        return False
    i = bisect.bisect_right(names, key)
    return i < len(names) and names[i].startswith(key)


def contracted_particle(
    units: Sequence[str], phrase: str, kiwi: Any, cache: dict[str, bool]
) -> bool:
    """Whether ``phrase`` (of ``units``) is a name with a headline's contracted particle
    glued on (유럽서 for 유럽에서, 한국선 for 한국에선; see
    :data:`corpus.korean.CONTRACTED_PARTICLES`): a place or name and a case, not a term.

    Examples
    --------
    >>> from extract.engine.analyzer import get_kiwi
    >>> [contracted_particle(u, p, get_kiwi(), {}) for u, p in ((("유럽", "서"), "유럽서"),
    ...     (("보고", "서"), "보고서"), (("유럽", "서"), "유럽 서"))]
    [True, False, False]
    """
    from corpus.korean import CONTRACTED_PARTICLES

    return (
        len(units) > 1
        and units[-1] in CONTRACTED_PARTICLES
        and phrase.endswith(units[-2] + units[-1])
        and _word_reading(units[-2], kiwi, cache) == "name"
    )


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
    for b, inside in enumerate(_inside(units, index)):
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


def head_shares(heads: Any, units: Sequence[Sequence[str]]) -> Any:
    """Share of glossary terms among the compounds built on each candidate's head:
    ``heads[i] / (heads[i] + m + 1)``, where ``heads[i]`` counts the glossary terms
    ending in candidate ``i``'s last unit (:func:`head_counts`) and ``m`` the
    candidates of two units or more that end in it.

    A head the glossary's terms end in marks a term (지수, 금리), unless the corpus
    builds phrases on it freely: policy texts join almost any noun to 사업, 산업,
    정책 or 서비스 (육성사업, 보급사업, 청년정책, 상담서비스), a classifier that says
    what kind of thing follows, not a name. Counting the glossary's terms alone
    rewarded exactly those heads, since a large glossary holds many of them too
    (Wermter and Hahn's paradigmatic modifiability makes the same point: a term
    resists having its parts swapped).

    Examples
    --------
    >>> units = [("육성", "사업"), ("보급", "사업"), ("시범", "사업"), ("심리", "지수")]
    >>> [round(float(s), 2) for s in head_shares([4, 4, 4, 3], units)]
    [0.5, 0.5, 0.5, 0.6]
    """
    import numpy as np

    built = Counter(u[-1].lower() for u in units if len(u) > 1)
    other = np.array([built[u[-1].lower()] for u in units], dtype=float)
    known = np.asarray(heads, dtype=float)
    return known / (known + other + 1.0)


def modifier_shares(units: Sequence[Sequence[str]]) -> Any:
    """How fixed each candidate's first unit is: ``1 / m``, where ``m`` counts the
    candidates of two units or more that start with it; candidates of one unit get the
    median of the others (they have no modifier to judge).

    A modifier the corpus puts before anything (첨단소재, 첨단기술, 첨단부품; 미래산업,
    미래세대, 미래전략; 혁신기업, 혁신센터) says what kind of thing follows, an
    evaluation, not part of a name; a term's first part is rarely swapped (예측시장,
    신설법인, 외환거래): the modifier side of Wermter and Hahn's paradigmatic
    modifiability, as :func:`head_shares` is its head side.

    Examples
    --------
    >>> units = [("첨단", "소재"), ("첨단", "기술"), ("첨단", "부품"), ("예측", "시장"), ("팁스",)]
    >>> [round(float(s), 2) for s in modifier_shares(units)]
    [0.33, 0.33, 0.33, 1.0, 0.33]
    """
    import numpy as np

    built = Counter(u[0].lower() for u in units if len(u) > 1)
    out = np.array(
        [1.0 / built[u[0].lower()] if len(u) > 1 else np.nan for u in units], dtype=float
    )
    multi = out[~np.isnan(out)]
    return np.where(np.isnan(out), float(np.median(multi)) if len(multi) else 1.0, out)


def everyday_word(unit: str, kiwi: Any, cache: dict[str, bool]) -> bool:
    """Whether ``unit`` is one common noun of Kiwi's dictionary (감소, 활용; not 팁스).

    Examples
    --------
    >>> from extract.engine.analyzer import get_kiwi
    >>> [everyday_word(w, get_kiwi(), {}) for w in ("활용", "흐름", "ESG", "탄소 포집")]
    [True, True, False, False]
    """
    hit = cache.get(unit)
    if hit is None:
        tokens = kiwi.tokenize(unit)
        # One common noun of Kiwi's own dictionary: a word of the language, not a coinage,
        # a name or an acronym (팁스, 주담대 and ESG are read otherwise).
        hit = len(tokens) == 1 and tokens[0].tag == "NNG" and tokens[0].len == len(unit)
        if not hit and HANGUL.search(unit):
            # Alone, a noun can read as a verb form (흐름: 흐르+ㅁ, 인가: 이+ㄴ가, 분해:
            # 분하+어); before a particle it reads as the noun it is in a phrase.
            framed = kiwi.tokenize(unit + "의")
            hit = (
                len(framed) == 2
                and framed[0].tag == "NNG"
                and framed[0].len == len(unit)
                and framed[1].tag == "JKG"
            )
        cache[unit] = hit
    return hit


#: Kiwi's log-probability of a word said alone above which it is a common word: its
#: language model, trained on a large general corpus, is the background. 아파트 -15.2,
#: 관세 -19.3, 리스크 -19.9 are common; 해협 -22.4, 상법 -22.6, 토큰화 -25.8 are not.
COMMON_LOGPROB = -21.0

_WORD_TAGS = frozenset({"NNG", "NNP", "XSN", "XPN"})


def _word_reading(unit: str, kiwi: Any, cache: dict[str, bool]) -> str:
    """``"name"`` if ``unit`` is one proper noun of Kiwi's dictionary (서울, 쿠팡),
    ``"common"`` if a noun (maybe with affixes: 현실화, 수도권) that Kiwi's language
    model finds common (아파트, 사태), else ``""``."""
    name_key, common_key = "\1" + unit, "\2" + unit
    if name_key not in cache:
        tokens = kiwi.tokenize(unit)
        whole = len(unit) > 1 and len(tokens) == 1 and tokens[0].len == len(unit)
        word = len(unit) > 1 and all(t.tag in _WORD_TAGS for t in tokens)
        cache[name_key] = whole and tokens[0].tag == "NNP"
        cache[common_key] = (
            not cache[name_key] and word and kiwi.analyze(unit, top_n=1)[0][1] > COMMON_LOGPROB
        )
    if cache[name_key]:
        return "name"
    return "common" if cache[common_key] else ""


_LATIN = re.compile(r"[A-Za-z]+")


def latin_word(unit: str) -> bool:
    """Whether ``unit`` is a Latin word too unspecific to propose alone: an English word
    (Oil, biz, City: letters in lower case, a label or brand, not an acronym) or a
    two-letter acronym (DB, HD, PB, TV: each names many things, and in the news mostly
    a company group). Acronyms of three letters or more (GPT, ESG) and words with digits
    (B2B, 5G) are not.

    Examples
    --------
    >>> [latin_word(w) for w in ("Oil", "biz", "DB", "GPT", "B2B", "AI반도체", "ESG")]
    [True, True, True, False, False, False, False]
    """
    if not _LATIN.fullmatch(unit):
        return False
    return not unit.isupper() or len(unit) == 2


def generic_factor(
    units: Sequence[str],
    kiwi: Any,
    known: frozenset[str],
    cache: dict[str, bool],
    *,
    spaced: bool = False,
    word: str | None = None,
) -> float:
    """Score factor of a candidate made of ``units``: 1, or one of :data:`GENERIC_FACTORS`.

    * One everyday word (감소, 개장) or one proper noun of Kiwi's dictionary (서울,
      캐나다, 금호건설: a name, not a term), or Latin words that are English words or
      two-letter acronyms (Oil, Fund Flow, DB; see :func:`latin_word`): the first factor.
    * A known form (``known`` holds loose keys) with everyday words or names of places
      around it (AI 기업, 미 국채금리), or everyday words and names ending in an action
      or change (상승 전환, 중국 국빈 방문): the second.
    * When ``spaced`` (the units are written apart), a name with only common words
      around it (서울 아파트, 중동 사태, 쿠팡 사태: a phrase of the news, where a term
      is a compound written as one word, 경매시장, or holds a rarer word, 호르무즈
      해협), or anything followed by a title of office (배경훈 부총리, 인천공항 사장: a
      person; :data:`corpus.korean.OFFICE_TITLES`): the first; common words alone
      written apart (세계 시장, 혁신 제품): the second.

    Examples
    --------
    >>> from extract.engine.analyzer import get_kiwi
    >>> known = frozenset({"ai"})
    >>> units = [("감소",), ("AI", "기업"), ("상승", "전환"), ("탄소", "국경", "세"),
    ...          ("서울",), ("호르무즈", "해협")]
    >>> [generic_factor(u, get_kiwi(), known, {}, spaced=True) for u in units]
    [0.25, 0.4, 0.4, 1.0, 0.25, 1.0]
    >>> generic_factor(("서울", "아파트"), get_kiwi(), known, {}, spaced=True)
    0.25

    ``word``, the candidate as written when it is one word, is judged whole too:

    >>> generic_factor(("결", "선"), get_kiwi(), known, {}, word="결선")
    0.25
    """
    if (
        word is not None
        and len(units) > 1
        and (everyday_word(word, kiwi, cache) or _word_reading(word, kiwi, cache) == "name")
    ):
        # Split in context into syllables or parts (결+선, 성+료, 국민+투표+법), the word
        # as written is one everyday noun or one name of Kiwi's dictionary.
        return GENERIC_FACTORS[0]
    if all(latin_word(u) for u in units):
        return GENERIC_FACTORS[0]
    if len(units) == 1:
        if everyday_word(units[0], kiwi, cache) or _word_reading(units[0], kiwi, cache):
            return GENERIC_FACTORS[0]
        return 1.0
    is_known = [form_key(u, case_sensitive=False) in known for u in units]
    # Around a known term, a place or country (미 국채금리, 한국 경제성장률) modifies it
    # as an everyday word does: the term is known, the phrase is not a new one.
    if all(
        k or everyday_word(u, kiwi, cache) or _proper_noun(u, kiwi, cache)
        for u, k in zip(units, is_known, strict=True)
    ) and (any(is_known) or _predicative(units[-1], kiwi, cache)):
        return GENERIC_FACTORS[1]
    if spaced and units[-1] in OFFICE_TITLES:
        # A name with a title of office written after it is a person (배경훈 부총리).
        return GENERIC_FACTORS[0]
    readings = [_word_reading(u, kiwi, cache) for u in units] if spaced else []
    if spaced and all(k or r for r, k in zip(readings, is_known, strict=True)):
        return GENERIC_FACTORS[0] if "name" in readings else GENERIC_FACTORS[1]
    return 1.0


def _proper_noun(unit: str, kiwi: Any, cache: dict[str, bool]) -> bool:
    """Whether ``unit`` is one proper noun of Kiwi's dictionary, one syllable included
    (미, 중: the United States and China as headlines write them)."""
    key = "\3" + unit
    hit = cache.get(key)
    if hit is None:
        tokens = kiwi.tokenize(unit)
        hit = len(tokens) == 1 and tokens[0].tag == "NNP" and tokens[0].len == len(unit)
        cache[key] = hit
    return hit


#: How much likelier (log-probability, Kiwi's language model) ``X했다`` must be than
#: ``X의`` for X to be a noun of action or change: 봉쇄 4.4, 상승 6.4, 공습 2.1 against
#: 해협 -1.7, 법안 -1.6, 사태 0.2. Kiwi analyses any noun + 했다 as a verb, so the tag
#: alone says nothing.
PREDICATIVE_MARGIN = 2.0


def _predicative(word: str, kiwi: Any, cache: dict[str, bool]) -> bool:
    """Whether ``word`` is a noun of action or change (상승, 봉쇄: 상승했다, not 해협)."""
    key = "\0" + word
    hit = cache.get(key)
    if hit is None:
        verb = kiwi.analyze(word + "했다", top_n=1)[0]
        noun = kiwi.analyze(word + "의", top_n=1)[0]
        hit = (
            any(t.start == len(word) and t.tag in ("XSV", "XSA") for t in verb[0])
            and verb[1] - noun[1] > PREDICATIVE_MARGIN
        )
        cache[key] = hit
    return hit
