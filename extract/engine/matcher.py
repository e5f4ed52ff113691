"""Candidate mentions: one dictionary scan, then cheap boundary rules.

Every surface variant of every glossary form (spacing variants, marks between parts
written other ways, one-word compounds split in two, script changes spaced, English
plurals) and every ``exclude`` word goes into
one Aho-Corasick automaton over lower-cased text. Each
hit then gets a verdict from the characters around it:

* ``REJECT``: a Latin form inside a longer Latin word (AI in RAISE), the wrong letter
  case for a case-sensitive form, inside one of the term's ``exclude`` words, a Hangul
  form right after a negating prefix that starts the word (금융 in 비금융, 위험 in 무위험),
  a term that ends a company's name glued after another word (이지스자산운용),
  a currency next to an amount (40mln유로, 300만 유로, 유로0.3: the unit, not the
  currency), or a form glued into a name: of an institution (한국간편결제진흥원), of a
  numbered vehicle (유진스팩7호) or of an agent (금융투자업자); a form ending in the
  industry suffix 업 before 체 where the form without 업 is a form too (제지업 in
  제지업체, which is 제지 + 업체: a paper firm).
* ``ACCEPT``: clean boundaries on both sides, where the only Hangul after the form is a
  known particle or ending, 들, or a bound noun 간/내/별 (하이퍼스케일러들은, CapEx가, 은행간).
* ``AMBIGUOUS``: Hangul glued on either side (기준금리, 유가증권, 금요일), or a Latin
  form joined to more Latin by ``. / @ : - _`` (www.k-startup.go.kr); morphology
  decides (see :class:`extract.Tagger`).
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Callable
from typing import Any, NamedTuple

import ahocorasick

from corpus import normalize
from corpus.korean import (
    BOUND_NOUNS,
    COMPANY_DESIGNATORS,
    COMPANY_HEADS,
    CURRENCIES,
    DEPARTMENT_TITLES,
    HANGUL_JAMO,
    HANGUL_SYLLABLES,
    INSTITUTION_SUFFIXES,
    LOANWORD_HEADS,
    LOANWORD_TAILS,
    MAGNITUDES,
    PARTICLES,
    POST_TITLES,
    is_hangul,
)
from glossary import (
    Glossary,
    compound_splits,
    dotted_variants,
    joiner_variants,
    latin_plurals,
    script_splits,
    spacing_variants,
)
from glossary._cache import cached, source_key

__all__ = [
    "ACCEPT",
    "AMBIGUOUS",
    "CASE_OR_PERSON",
    "REJECT",
    "Candidate",
    "TermMatcher",
    "leftmost_longest",
    "suffixed_phrase",
    "whole_leftmost_longest",
    "whole_words",
]

REJECT, AMBIGUOUS, ACCEPT = 0, 1, 2

#: Glossaries with at least this many terms keep their compiled automaton in the on-disk
#: cache (:mod:`glossary._cache`); smaller ones compile faster than a file is read.
CACHE_MIN_TERMS = 300
# Modules whose code decides what the automaton holds (part of its cache key).
_COMPILER_MODULES = (
    "extract.engine.matcher",
    "glossary._forms",
    "glossary._model",
    "corpus.korean",
    "corpus._normalize",
)

# A term glued to one of these (or to 들 and one of these, or to a bound noun such as
# 간 in 은행간, with or without one of these) is still the term.
_SUFFIXES = (
    frozenset(PARTICLES)
    | {"들"}
    | {"들" + p for p in PARTICLES}
    | set(BOUND_NOUNS)
    | {b + p for b in BOUND_NOUNS for p in PARTICLES if len(p) <= 2}
)
_MAX_SUFFIX = max(map(len, _SUFFIXES))
_WS = re.compile(r"\s+")
_HANGUL_RUN = re.compile(f"[{HANGUL_SYLLABLES}{HANGUL_JAMO}]+")


# Prefixes that negate the noun they are glued to at the start of a word: 비금융 (non-
# financial) is not 금융, 무위험 (risk-free) is not 위험. 미- is left out: in news it is
# far more often 미국 (미국채, 미증시 are US Treasuries and US stocks) than "not yet".
_NEGATING = frozenset("비무")
# A person or agent suffix makes another concept: 대출자 (borrower) is not 대출, 사업자
# (business operator) not 사업. (인 is left out: it is also the copula, 원자재인 구리; a
# glued noun for a person is a compound the policy counts: 교육전문가, 펀드매니저.)
# So do 사 for a firm or a practitioner (금융사, 상장사: firms; 통합사례관리사: a case
# manager) and 생 for a student (대학생, 교육생); 사이, 사과 and 사의 (between, apology,
# resignation) read as 사 plus a particle but are other words, left to morphology. 범 and
# 사범 make an offender (기술 유출범, 조세포탈범, 보이스피싱범, 외환사범).
_AGENT = frozenset(
    a + s
    for a in ("자", "업자", "사", "생", "범", "사범")
    for s in ("", "들", *PARTICLES, *("들" + p for p in PARTICLES))
) - frozenset(("사이", "사과", "사의")) | frozenset(
    ("인들", *("인들" + p for p in PARTICLES))
)  # 어업인들: 인 with 들 is a person
#: One-syllable nouns that glue onto the last word of a multi-word term and keep the
#: concept (the compound policy's 반도체 수출액 -> chip_exports): amount, feeling, volume,
#: rate, money (금리 인하 기대감), then a particle if any. 법 is left out: a method (AI
#: 학습법) as often as a law, whose name holds the term (공무원 연금법).
PHRASE_TAILS = frozenset(s + p for s in "감액량률율금" for p in ("", *PARTICLES))
_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# An X-to-Y model code (P2P, B2B, O2O, P2B): glued before a term it says whom the
# thing runs between (P2P대출), where other capitals glued before a term make a name.
_TO_MODEL = re.compile("[A-Z]2[A-Z]")

# A word glued after a term that ends in one of these (then 들 or a particle, if any)
# makes a name: 한국간편결제진흥원 is an institution, 금융투자업자 a kind of firm,
# 소프트웨어정책관 a post.
_NAME_ENDS = (*INSTITUTION_SUFFIXES, "업자", *POST_TITLES)
_NAME_CORE = re.compile("|".join(sorted(_NAME_ENDS, key=len, reverse=True)))
_NAME_CORE_FIRST = frozenset(s[0] for s in _NAME_ENDS)
# After such a name, its head's title keeps it the name: 정보통신산업진흥원장, 협회장이.
_TITLED = frozenset(t + p for t in ("장", "이사장") for p in ("", "들", *PARTICLES))
# Words that end a name when they follow a hit after a space (a company designator, a
# department head's title), by first letter.
_DESIGNATORS: dict[str, tuple[str, ...]] = {}
for _d in sorted(COMPANY_DESIGNATORS | DEPARTMENT_TITLES, key=len, reverse=True):
    _DESIGNATORS[_d[0]] = (*_DESIGNATORS.get(_d[0], ()), _d)
#: One syllable after a term that is a particle or the copula as often as a person suffix:
#: 투자가 늘었다 (investment) but 투자가 황현희 (an investor), 방송인 (a broadcaster) but
#: 원자재인 구리. Left to kiwipiepy, which knows the person nouns (the fast path reads such
#: a word with two words a side: see :mod:`extract.engine.wordcheck`).
CASE_OR_PERSON = frozenset(("가", "인"))
_MAX_TAIL = 16  # a longer Hangul run after a hit is not read (text without spaces)
# After an exclude word that names something, these make a longer name: its head (장,
# 장관: 금융감독원장, 고용부장관) or an institution.
_NAME_GOES_ON = ("장", *INSTITUTION_SUFFIXES)
# A verb-deriving 되 or 하 merges with the ending that follows into one syllable
# (대두되 -> 대두됨, 대두된, 대두됐다): an exclude word ending in 되 or 하 stands for those
# forms too.
_CONTRACTED = {"되": "됨된될됐돼", "하": "함한할했해"}
# Suffixes that derive a verb or noun: an exclude word ending in one (경유하, 기계화,
# 대두됨) is the derived word, whatever follows it.
_DERIVING = frozenset("하화적성되" + "".join(_CONTRACTED.values()))
_SQUEEZE = re.compile(r"[\s·\-/]+")

# An amount just before a currency: digits, then a magnitude (Latin or Hangul) if any,
# each step spaced or not (33.5mln 유로, 37,7 mn 유로, 300만 유로), or a Hangul magnitude
# starting a word (억유로, 수십억 달러). Digits glued to Latin letters are a name (G7).
_HANGUL_MAGNITUDES = "|".join(sorted((m for m in MAGNITUDES if is_hangul(m[0])), key=len)[::-1])
_ALL_MAGNITUDES = "|".join(sorted(MAGNITUDES, key=len, reverse=True))
_AMOUNT_BEFORE = re.compile(
    rf"(?:(?<![a-z])\d[\d.,]*\s?(?:(?:{_ALL_MAGNITUDES})\s?)?"
    rf"|(?<![{HANGUL_SYLLABLES}])수?(?:{_HANGUL_MAGNITUDES})\s?)$",
    re.IGNORECASE,
)
_DIGITS = frozenset("0123456789")
# A hit after one of these may be a currency after an amount (checked further).
_AMOUNT_END = _DIGITS | {" "} | {m[-1] for m in MAGNITUDES} | {m[-1].upper() for m in MAGNITUDES}
_NUMBERED = re.compile(r"\d{1,3}호")  # 유진스팩7호, 펀드1호: a numbered vehicle's name

#: Company designators written in Latin letters (LLC, PLC: also glossary forms).
_LATIN_DESIGNATORS = frozenset(d for d in COMPANY_DESIGNATORS if d.isascii())
_LATIN_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
# Between two Latin letters or digits these join one token (www.k-startup.go.kr, M.AX).
_JOINERS = frozenset("./@:-_")


class Candidate(NamedTuple):
    """A dictionary hit with its boundary verdict (offsets into the scanned text)."""

    start: int
    end: int
    term_id: str
    verdict: int


class _Pattern(NamedTuple):
    term_id: str
    variant: str
    case_sensitive: bool
    exclude: bool


# What one automaton key stands for, split by how a hit on it is checked: the key's
# length in the scanned encoding (two bytes per UTF-16 unit); the term ids matched
# whatever the letter case; (variant, term id) pairs whose text must match exactly; the
# term ids for which the key is an ``exclude`` word. A plain tuple, not a NamedTuple: a
# big glossary's automaton holds 222,000 of them, and the cached automaton is read back
# at every start, where a NamedTuple costs a constructor call each (0.44 of 0.67 s).
_Entry = tuple[int, tuple[str, ...], tuple[tuple[str, str], ...], tuple[str, ...]]


def _variants(
    form: str, words: frozenset[str], *, split: bool = True, dotted: bool = True
) -> list[str]:
    """Every way writers put ``form`` on the page that the matcher accepts.

    As written and with its marks between parts changed (미·중, 미중, 미 중); each with
    or without its inner spaces; English plurals; and, unless ``split`` is false (names,
    matched only as written), spaced at script and camel-case changes (AI반도체 as AI
    반도체), one-word Hangul compounds split in two (하이퍼 스케일러) and, if ``dotted``,
    compounds of abbreviations dotted (산·학·연·관). Exclude words are not dotted: the
    exclude word 화물부족 dotted would turn down 물부족 in 기후변화·물부족.
    """
    out: list[str] = []
    for joined in joiner_variants(form.strip()) if split else [form.strip()]:
        for v in spacing_variants(joined):
            out.append(v)
            out.extend(latin_plurals(v))
    if split:
        for spaced in script_splits(form.strip()):
            out.append(spaced)
            out.extend(latin_plurals(spaced))
        out.extend(compound_splits(form.strip(), words))
        if dotted:
            out.extend(dotted_variants(form.strip()))
        out.extend(_double_splits(form.strip(), words))
        # A word split, then a space dropped elsewhere: the space has moved (위기경보
        # 단계 written 위기 경보단계).
        out.extend(
            v for split in _word_splits(form.strip(), words) for v in spacing_variants(split)
        )
        out.extend(short for v in list(out) if v.startswith(_US) for short in _us_shortened(v))
    return list(dict.fromkeys(out))


_US = "미국 "


def _us_shortened(form: str) -> list[str]:
    """``form``, which starts with 미국 and a space, with 미국 shortened as news writes it
    before a noun: 미 or its character 美, spaced or (美 only) not.

    Examples
    --------
    >>> _us_shortened("미국 국채")
    ['미 국채', '美 국채', '美국채']
    """
    rest = form[len(_US) :]
    return [f"미 {rest}", f"美 {rest}", f"美{rest}"]


_HANGUL_WORD = re.compile(f"^[{HANGUL_SYLLABLES}]+$")


#: Two-syllable words that end in 간 without being the bound noun 간 (between): 근로시간,
#: 유예기간 and 과표구간 are not 근로시 + 간.
_WORDS_IN_GAN = frozenset(
    ("시간", "기간", "구간", "인간", "민간", "공간", "중간", "순간", "주간", "연간")
)


def _word_splits(form: str, words: frozenset[str]) -> list[str]:
    """``form`` with one of its Hangul words split the way writers space compounds.

    A word of a multi-word form is split as a one-word form is (개인정보 보호 as 개인 정보
    보호), and a one-syllable loanword head of :data:`corpus.korean.LOANWORD_HEADS` or
    tail of :data:`corpus.korean.LOANWORD_TAILS` is spaced from a rest of two or more
    syllables (빅스텝 as 빅 스텝, 스마트팜 as 스마트 팜).

    Examples
    --------
    >>> _word_splits("개인정보 보호", frozenset()), _word_splits("빅스텝", frozenset())
    (['개인 정보 보호'], ['빅 스텝'])
    >>> _word_splits("스마트팜", frozenset()), _word_splits("소비쿠폰", frozenset())
    (['스마트 팜'], [])
    >>> _word_splits("세대간 형평성", frozenset()), _word_splits("근로시간", frozenset())
    (['세대 간 형평성'], [])
    """
    parts = form.split(" ")
    out = []
    for i, part in enumerate(parts):
        if not _HANGUL_WORD.match(part):
            continue
        splits = compound_splits(part, words) if len(parts) > 1 else []
        if part[0] in LOANWORD_HEADS and len(part) >= 3:
            splits.append(f"{part[0]} {part[1:]}")
        if part[-1] in LOANWORD_TAILS and len(part) >= 3 and not part.endswith("쿠폰"):
            splits.append(f"{part[:-1]} {part[-1]}")
        if part.endswith("간") and len(part) >= 3 and part[-2:] not in _WORDS_IN_GAN:
            splits.append(f"{part[:-1]} 간")  # 간 (between) is a bound noun, often spaced
        for spaced in splits:
            out.append(" ".join((*parts[:i], spaced, *parts[i + 1 :])))
    return out


def _contracted(word: str) -> list[str]:
    """The forms of an exclude word ending in a deriving 되 or 하 with that syllable
    merged into the ending after it (see :data:`_CONTRACTED`).

    Examples
    --------
    >>> _contracted("대두되")[:3], _contracted("대두")
    (['대두됨', '대두된', '대두될'], [])
    """
    tail = _CONTRACTED.get(word[-1:]) if len(word) >= 3 else None
    return [word[:-1] + c for c in tail] if tail else []


def _double_splits(form: str, words: frozenset[str]) -> list[str]:
    """A one-word Hangul compound of three parts written with two spaces (인쇄회로기판 as
    인쇄 회로 기판): each two-word split whose second word splits again.

    Examples
    --------
    >>> _double_splits("인쇄회로기판", frozenset())
    ['인쇄 회로 기판']
    >>> _double_splits("무역수지", frozenset())
    []
    """
    out: list[str] = []
    for spaced in compound_splits(form, words):
        head, rest = spaced.split(" ")
        out.extend(f"{head} {s}" for s in compound_splits(rest, words))
    return out


def _encode(text: str) -> str:
    # pyahocorasick looks a node's children up one by one, and the root of a glossary
    # automaton has hundreds of distinct first characters. Scanning UTF-16 bytes (as
    # Latin-1 characters) keeps every node's fan-out at most 256 and the root's at a few
    # dozen, which makes the scan about twice as fast. A hit must start on an even byte.
    return text.encode("utf-16-be", "surrogatepass").decode("latin-1")


def _entry(n_bytes: int, pats: list[_Pattern], shared: dict[Any, Any]) -> _Entry:
    plain = [p.term_id for p in pats if not p.exclude and not p.case_sensitive]
    cased = [(p.variant, p.term_id) for p in pats if not p.exclude and p.case_sensitive]
    exclude = [p.term_id for p in pats if p.exclude]
    # Equal id tuples are one object (most keys are variants of one term's form), which
    # pickle then writes once and reads back once.
    parts = (tuple(dict.fromkeys(x)) for x in (plain, cased, exclude))
    return (n_bytes, *(shared.setdefault(x, x) for x in parts))  # type: ignore[return-value]


def _unit_to_char(low: str) -> list[int]:
    """Character index of each UTF-16 unit offset (-1 inside a surrogate pair)."""
    out: list[int] = []
    for i, ch in enumerate(low):
        out.append(i)
        if ord(ch) > 0xFFFF:
            out.append(-1)
    out.append(len(low))
    return out


def _compile(
    glossary: Glossary,
) -> tuple[ahocorasick.Automaton, frozenset[str], frozenset[str], dict[str, frozenset[str]]]:
    """The automaton over every variant of every form and exclude word of ``glossary``;
    its Latin forms (upper-cased, spaces removed); the ids of the terms that are firms; and
    per term, every exclude word cut short (see below)."""
    patterns: dict[str, list[_Pattern]] = defaultdict(list)
    words = frozenset(_WS.sub("", f) for term in glossary for f in term.forms)
    for term in glossary:
        for form in term.forms:
            cs = term.is_case_sensitive(form)
            # Matched against normalized text, so normalized too (ㆍ is ·, Ａ is A).
            for v in _variants(normalize(form).text, words, split=term.split):
                patterns[v.lower()].append(_Pattern(term.id, v, cs, False))
        for word in term.exclude:
            # Written every way the forms are, so that 유가 stays rejected in 유가 증권.
            word = normalize(word).text
            for w in (word, *_contracted(word)):
                for v in _variants(w, words, split=term.split, dotted=False):
                    patterns[v.lower()].append(_Pattern(term.id, v, False, True))
    automaton = ahocorasick.Automaton()
    shared: dict[Any, Any] = {}
    for key, pats in patterns.items():
        if key:
            key_bytes = _encode(key)
            automaton.add_word(key_bytes, _entry(len(key_bytes), pats, shared))
    if len(automaton):
        automaton.make_automaton()
    latin = frozenset(
        _WS.sub("", f).upper() for term in glossary for f in term.forms if f.isascii()
    )
    # Terms that are themselves firms (a form ends in 사: PG사, 결제대행사): 사 after
    # another of their forms is the firm again (전자지급결제대행사), not a firm of it.
    firms = frozenset(
        t.id for t in glossary if any(f.endswith("사") and len(f) > 2 for f in t.forms)
    )
    # Per term, every exclude word cut short by at least one letter: text that runs on from
    # one exclude word into a longer one (금융위 into 금융위원장, as in 금융위원회) is still
    # that name.
    exclude_heads = {
        t.id: frozenset(w[:i] for w in map(_squeeze, t.exclude) for i in range(1, len(w)))
        for t in glossary
        if t.exclude
    }
    return automaton, latin, firms, exclude_heads


class TermMatcher:
    """Find glossary forms in text and judge their boundaries.

    Parameters
    ----------
    glossary : Glossary

    Examples
    --------
    >>> from glossary import Glossary, Term
    >>> m = TermMatcher(Glossary([Term(id="ai", term="인공지능", aliases=("AI",))]))
    >>> [(c.start, c.end, c.verdict == ACCEPT) for c in m.candidates("RAISE와 AI가")]
    [(1, 3, False), (7, 9, True)]
    """

    def __init__(self, glossary: Glossary) -> None:
        if len(glossary) >= CACHE_MIN_TERMS:
            # Compiling thousands of terms takes about a second; the automaton read back
            # from the on-disk cache (keyed by the glossary's content and this code) a
            # tenth of that.
            parts: list[bytes | str] = [glossary.content_hash(), source_key(*_COMPILER_MODULES)]
            parts.append(str(getattr(ahocorasick, "__version__", "")))
            self._automaton, self._latin_forms, self._firms, self._exclude_heads = cached(
                "matcher", parts, lambda: _compile(glossary)
            )
        else:
            compiled = _compile(glossary)
            self._automaton, self._latin_forms, self._firms, self._exclude_heads = compiled
        self.n_patterns = len(self._automaton)

    def candidates(self, text: str) -> list[Candidate]:
        """All dictionary hits in ``text`` with a verdict, ordered by position.

        ``text`` should already be normalized (see :func:`corpus.normalize`): every
        whitespace character a plain space.
        """
        if not self.n_patterns:
            return []
        low = text.lower()
        if len(low) != len(text):
            # A few characters (e.g. 'İ') grow when lower-cased; fall back to ASCII
            # folding so offsets stay aligned with the text.
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        scan = _encode(low)
        to_char = None if len(scan) == 2 * len(low) else _unit_to_char(low)
        found: list[tuple[int, int, str]] = []
        excluded: dict[str, list[tuple[int, int]]] | None = None
        append = found.append  # bound once: this loop runs for every hit
        for last, (n_bytes, plain, cased, exclude) in self._automaton.iter(scan):
            first = last + 1 - n_bytes
            if first & 1:  # the key's bytes straddle two characters
                continue
            start, end = first >> 1, (last + 1) >> 1
            if to_char is not None:
                start, end = to_char[start], to_char[end]
                if start < 0:
                    continue
            for term_id in plain:
                append((start, end, term_id))
            if cased:
                surface = text[start:end]
                found.extend((start, end, t) for v, t in cased if surface == v)
            if exclude:
                if excluded is None:
                    excluded = defaultdict(list)
                for term_id in exclude:
                    excluded[term_id].append((start, end))
        if len(found) > 1:
            found = sorted(set(found))
        out = []
        verdicts: dict[tuple[int, int], int] = {}  # several terms can share one span
        firms = _before_firm(text, found) if "업체" in text else None
        cut: list[tuple[int, int, int]] = []  # (exclude word's start, rejected hit)
        for start, end, term_id in found:
            if firms and (start, end) in firms:
                out.append(Candidate(start, end, term_id, REJECT))
                continue
            held = None  # where the exclude word that turns the hit down starts
            if excluded:
                held = next(
                    (
                        xs
                        for xs, xe in excluded.get(term_id, ())
                        if xs <= start
                        and end <= xe
                        and self._exclude_holds(text, end, xs, xe, term_id)
                    ),
                    None,
                )
            if held is not None:
                verdict = REJECT
                if held < start and (held == 0 or not is_hangul(text[held - 1])):
                    cut.append((held, start, end))
            else:
                verdict = verdicts.get((start, end), -1)
                if verdict < 0:
                    verdict = verdicts[start, end] = boundary_verdict(
                        text, start, end, self._latin_forms
                    )
                if verdict == REJECT and term_id in self._firms and text.startswith("사", end):
                    verdict = AMBIGUOUS  # left to morphology, as before the firm rule
                elif verdict == AMBIGUOUS and firms and (start, end + 1) in firms:
                    # 건설업체: 건설 before the free noun 업체, which kiwipiepy knows as
                    # one noun; the compound policy counts it (투자회사 -> 투자).
                    verdict = ACCEPT
            out.append(Candidate(start, end, term_id, verdict))
        if cut:
            # An exclude word that starts a word before the hit it turns down says where
            # the word is cut: 수주계약 (an exclude word of 주계약) is 수주 + 계약, so a hit
            # from the exclude word's start to inside the rejected one is the word's
            # head, however kiwipiepy, taught 주계약, reads the word alone (수 + 주계약).
            # Not inside a word: 내수주 (an exclude word of 수주) in 국내수주 is no 내수.
            for i, c in enumerate(out):
                if c.verdict == AMBIGUOUS and any(
                    c.start == xs and rs < c.end < re for xs, rs, re in cut
                ):
                    out[i] = c._replace(verdict=ACCEPT)
        return out

    def _exclude_holds(self, text: str, end: int, xs: int, xe: int, term_id: str) -> bool:
        """Whether the exclude word ``text[xs:xe]`` of ``term_id`` is read as written
        around a hit that ends at ``end``.

        It is unless it is the hit and one more syllable (a short name: 금융위, 고용부)
        that runs on into a longer word: 금융위 in 금융위기 is 금융 + 위기, 고용부 in 고용부문
        is 고용 + 부문 (the hit is then judged as any hit glued to other letters). It holds
        before a particle or another word, before a title or an institution that makes
        it a longer name (금융감독원장, 고용부장관), where the text goes on as a longer
        exclude word of the same term (금융위원장 as 금융위원회), and where its last
        syllable derives a word (경유하였다, 농업기계화사업). Longer exclude words
        (농업협동조합법, 인수기지건설) always hold.
        Only the hit's own word is read: in 시세 감면조례 the exclude word 시세 감면 holds.
        """
        if xe != end + 1 or xe >= len(text) or not is_hangul(text[xe]):
            return True  # the run-on reading needs one syllable that can start a word
        if not is_hangul(text[end]) or text[end] in _DERIVING:
            return True
        run = _HANGUL_RUN.match(text, xe, xe + _MAX_TAIL)
        tail = run.group() if run is not None else ""
        if tail in _SUFFIXES or tail.startswith(_NAME_GOES_ON):
            return True
        return _squeeze(text[xs : xe + 1].lower()) in self._exclude_heads.get(term_id, ())


def _before_firm(text: str, found: list[tuple[int, int, str]]) -> set[tuple[int, int]]:
    """Spans of hits that end in the industry suffix 업 before 체 where the hit without
    업 is a hit too: 제지업 in 제지업체, which is 제지 + 업체 (a paper firm), as 제조업체 is
    제조 + 업체. Such a hit is cut wrongly (see the module doc); its shorter hit is the
    term before the free noun 업체.

    Examples
    --------
    >>> sorted(_before_firm("제지업체가", [(0, 2, "paper"), (0, 3, "paper")]))
    [(0, 3)]
    >>> _before_firm("중소기업체", [(0, 4, "sme")])
    set()
    """
    spans = {(s, e) for s, e, _ in found}
    return {
        (s, e)
        for s, e, _ in found
        if e - s >= 3 and text[e - 1] == "업" and text.startswith("체", e) and (s, e - 1) in spans
    }


def _squeeze(word: str) -> str:
    """``word`` lower-cased, without spaces or the marks spacing variants vary."""
    return _SQUEEZE.sub("", word.lower())


def boundary_verdict(
    text: str, start: int, end: int, latin_forms: frozenset[str] = frozenset()
) -> int:
    """Judge a hit ``text[start:end]`` by the characters around it (see module doc).

    ``latin_forms`` (the glossary's Latin forms, upper-cased) tell a concept glued to a
    Latin word (AI반도체, GDP성장률) from a name (KB금융지주, LG에너지솔루션): a Hangul
    hit glued to two or more capital letters that are no glossary form is part of a
    name (one letter is a class or series: B주식).
    """
    n = len(text)
    first, last = text[start], text[end - 1]
    prev = text[start - 1] if start else ""
    nxt = text[end] if end < n else ""
    if nxt == " " and end + 1 < n and text[end + 1] in _DESIGNATORS and _designated(text, end + 1):
        return REJECT  # 바이오히트 헬스케어 Ltd: the end of a company's name
    if nxt == " " and _institution_word(text, end + 1):
        return REJECT  # 공익변리사 특허 상담센터: the term names the centre, as glued
    verdict = ACCEPT
    if nxt in _DIGITS:
        if _NUMBERED.match(text, end):
            return REJECT  # 유진스팩7호: the name of a numbered vehicle
        if text[start:end].lower() in CURRENCIES:
            return REJECT  # 유로0.3: a currency written before its amount
    elif (
        prev in _AMOUNT_END
        and text[start:end].lower() in CURRENCIES
        and _AMOUNT_BEFORE.search(text, max(0, start - 24), start)
    ):
        return REJECT  # 40mln유로, 300만 유로: the unit of an amount
    # Set lookups rather than str methods: this runs for every dictionary hit.
    if first in _LATIN_ALNUM:
        if prev in _LATIN_ALNUM:
            return REJECT
        if prev == " " and first in _UPPER and _after_latin_name(text, start, end, latin_forms):
            return REJECT  # Pohjola Bank, Google LLC: a capitalized word before the term
        if prev in _JOINERS and start > 1 and text[start - 2] in _LATIN_ALNUM:
            verdict = AMBIGUOUS  # inside a URL, e-mail or model number (k-startup.go.kr)
    elif prev in _LATIN_ALNUM and is_hangul(first):
        i = start - 1
        while i > 0 and text[i - 1] in _LATIN_ALNUM:
            i -= 1
        # Capitals, with or without digits (KB금융, K2금융), make a name; digits alone
        # (제2금융권) do not.
        if (
            start - i >= 2
            and not _UPPER.isdisjoint(text[i:start])
            and text[i:start].upper() not in latin_forms
            and not _TO_MODEL.fullmatch(text, i, start)
        ):
            return REJECT  # KB금융지주, NH투자증권: a name, not the concept
    elif prev and is_hangul(first) and is_hangul(prev):
        if text[start:end] in COMPANY_HEADS and _ends_word(text, end):
            return REJECT  # 이지스자산운용: a fund manager's name, not the activity
        if prev in _NEGATING and (start < 2 or not is_hangul(text[start - 2])):
            return REJECT  # 비금융, 무위험: the negated word is another concept
        verdict = AMBIGUOUS
    if last in _LATIN_ALNUM:
        if nxt in _LATIN_ALNUM:
            return REJECT
        if nxt in _JOINERS and end + 1 < n and text[end + 1] in _LATIN_ALNUM:
            verdict = AMBIGUOUS
        elif nxt and is_hangul(nxt) and _in_name(text, end):
            return REJECT  # WM영업전략부: glued into the name of a department
    elif verdict == AMBIGUOUS and nxt in _UPPER and _caps_name_after(text, end, latin_forms):
        return REJECT  # CD금리투자KIS: a fund's or a product's name, glued on both sides
    elif is_hangul(last) and nxt and is_hangul(nxt):
        run = _HANGUL_RUN.match(text, end, end + _MAX_TAIL)
        tail = run.group() if run is not None else ""
        if tail in _AGENT:
            return REJECT  # 대출자, 대출업자들: the person, not the concept
        if len(tail) < _MAX_TAIL and _in_name(text, end, tail):
            return REJECT  # 한국간편결제진흥원, 금융투자업자: glued into a name
        if (
            tail[:1] in _POLICY_POST_HEADS
            and text.endswith("정책", start, end)
            and _in_name(text, end, "정책" + tail)
        ):
            return REJECT  # 환경정책관, 통상정책국장: a term in 정책 glued into a post
        if verdict == AMBIGUOUS and tail in _CENTRE:
            return REJECT  # 매일경제교육센터, 국민참여입법센터: a centre's name
        if tail in PHRASE_TAILS and " " in text[start:end]:
            return ACCEPT  # 금리 인하 기대감: the phrase's last noun, suffixed
        if verdict != AMBIGUOUS and (tail not in _SUFFIXES or tail in CASE_OR_PERSON):
            verdict = AMBIGUOUS
    return verdict


def suffixed_phrase(text: str, start: int, end: int) -> bool:
    """Whether the multi-word hit ``text[start:end]`` runs on into a one-syllable noun of
    :data:`PHRASE_TAILS` (금리 인하 기대감), which :func:`boundary_verdict` accepts.

    Examples
    --------
    >>> suffixed_phrase("금리 인하 기대감이 커졌다", 0, 8), suffixed_phrase("기대감", 0, 2)
    (True, False)
    """
    if " " not in text[start:end]:
        return False
    run = _HANGUL_RUN.match(text, end, end + _MAX_TAIL)
    return run is not None and run.group() in PHRASE_TAILS


def _caps_name_after(text: str, end: int, latin_forms: frozenset[str]) -> bool:
    """Whether two or more capitals (digits may join them) that are no glossary form
    follow a Hangul hit glued to Hangul before it: the word is a name (an ETF's,
    CD금리투자KIS), as capitals glued before a hit make one (KB금융지주)."""
    j = end
    while j < len(text) and text[j] in _LATIN_ALNUM:
        j += 1
    caps = text[end:j]
    return (
        sum(c in _UPPER for c in caps) >= 2
        and caps.upper() not in latin_forms
        and not _TO_MODEL.fullmatch(caps)
    )


#: Words after a space that say what a unit works on rather than name it: 반도체 사업부
#: and 보험 사업부 are the chip and insurance businesses, 투자 위원회 a committee on
#: investment (업자, a kind of firm, is no institution).
_DESCRIPTIVE_HEADS = frozenset(
    ("업자", "본부", "사업부", "전략부", "영업부", "기획부", "연구소", "위원회")
)


def _institution_word(text: str, at: int) -> bool:
    """Whether the word at ``at`` is a kind of institution on its own
    (:data:`corpus.korean.INSTITUTION_SUFFIXES`: 상담센터, 진흥원, 공제회; not the
    :data:`_DESCRIPTIVE_HEADS` nor a law), a particle or its head's title after it if
    any: the words before it name that institution.

    Examples
    --------
    >>> _institution_word("특허 상담센터 누리집", 3), _institution_word("특허 상담을", 3)
    (True, False)
    """
    if at >= len(text) or text[at] not in _NAME_CORE_FIRST:
        return False  # most words after a hit: no regex run at all
    run = _HANGUL_RUN.match(text, at, at + _MAX_TAIL)
    m = _name_core(run.group(), at_start=True) if run is not None else None
    # A spaced law (경제 지원법) is as often a law about the thing as its name.
    return m is not None and m.group() not in _DESCRIPTIVE_HEADS and not m.group().endswith("법")


def _designated(text: str, at: int) -> bool:
    """Whether a word that ends a name starts at ``at`` and ends there (a particle may
    follow: Ltd와, 본부장은): a company designator (Ltd, Oyj, 홀딩스:
    :data:`corpus.korean.COMPANY_DESIGNATORS`) or a department head's title (본부장:
    :data:`corpus.korean.DEPARTMENT_TITLES`)."""
    for d in _DESIGNATORS[text[at]]:
        if not text.startswith(d, at):
            continue
        after = at + len(d)
        if after >= len(text) or not (text[after] in _LATIN_ALNUM or is_hangul(text[after])):
            return True
        run = _HANGUL_RUN.match(text, after, after + _MAX_SUFFIX + 1)
        if run is not None and run.group() in _SUFFIXES:
            return True
    return False


#: First letters of what follows 정책 in a post's title (정책관, 정책실장, 정책국장).
_POLICY_POST_HEADS = frozenset(t[2] for t in POST_TITLES if t.startswith("정책"))

#: 센터 and a particle: a term glued inside a word that ends so, with a word glued before
#: it too, is part of a centre's name (국민참여입법센터); 물류센터 alone still counts.
_CENTRE = frozenset(("센터", *("센터" + p for p in PARTICLES)))


def _in_name(text: str, end: int, tail: str | None = None) -> bool:
    """Whether the Hangul ``tail`` after a hit ending at ``end`` (read from ``text`` if
    not given) ends a name: an institution, a team or a department (then a particle,
    if any)."""
    if tail is None:
        run = _HANGUL_RUN.match(text, end, end + _MAX_TAIL)
        tail = run.group() if run is not None else ""
        if len(tail) >= _MAX_TAIL:
            return False
    return _name_core(tail) is not None


def _name_core(tail: str, *, at_start: bool = False) -> re.Match[str] | None:
    """The institution, team or department word in ``tail`` (at its start, if
    ``at_start``) that ends it, a particle or its head's title after it if any."""
    m = (_NAME_CORE.match if at_start else _NAME_CORE.search)(tail)
    if m is None:
        return None
    rest = tail[m.end() :]
    return m if not rest or rest in _SUFFIXES or rest in _TITLED else None


def _after_latin_name(text: str, start: int, end: int, latin_forms: frozenset[str]) -> bool:
    """Whether a capitalized hit (Bank) or a company designator (LLC, PLC) follows a
    capitalized Latin word that is no glossary form (Pohjola Bank, Google LLC): together
    they are a name."""
    if start + 1 >= len(text) or not (
        text[start + 1].islower() or text[start:end] in _LATIN_DESIGNATORS
    ):
        return False  # an acronym (AI, GDP) after a name is still the acronym
    i = start - 1
    while i > 0 and text[i - 1] in _LATIN_ALNUM:
        i -= 1
    word = text[i : start - 1]
    return len(word) >= 2 and word[0] in _UPPER and word.upper() not in latin_forms


def whole_words(
    text: str, cands: list[Candidate], accept: Callable[[Candidate], bool] | None = None
) -> list[Candidate]:
    """Drop a candidate that ends inside a word which an overlapping candidate ends.

    분기 실적 in "1분기 실적발표" cuts the word 실적발표 that another term spans to its end:
    the word wins, as a reader reads it (최대 전력망 is 전력망, not 최대 전력). Both
    modes apply this before :func:`leftmost_longest`. Two kinds of overlap cut nothing:

    * one that ``accept`` (if given) turns down: 자회사 is no word in 투자회사, so 투자
      stays;
    * a longer form of the concept that already ends the multi-word candidate: in
      반도체 수출액, 수출액 only glues 액 to 수출 (the same concept), so the multi-word
      term 반도체 수출 keeps its last word as the compound policy counts it.

    Examples
    --------
    >>> c = [Candidate(1, 6, "quarterly_earnings", 1), Candidate(4, 8, "earnings_release", 2)]
    >>> [x.term_id for x in whole_words("1분기 실적발표 콘퍼런스콜", c)]
    ['earnings_release']
    >>> c = [Candidate(0, 6, "chip_exports", 1), Candidate(4, 6, "exports", 1),
    ...      Candidate(4, 7, "exports", 2)]
    >>> [(x.term_id, x.verdict) for x in whole_words("반도체 수출액은", c)]
    [('chip_exports', 2), ('exports', 1), ('exports', 2)]
    """
    if len(cands) < 2:
        return cands
    spans: list[set[tuple[int, int, str]]] = []
    out = [_whole_word_fate(text, cands, i, accept, spans) for i in range(len(cands))]
    if all(f is c for f, c in zip(out, cands, strict=True)):
        return cands
    return [f for f in out if f is not None]


def _whole_word_fate(
    text: str,
    cands: list[Candidate],
    i: int,
    accept: Callable[[Candidate], bool] | None,
    spans: list[set[tuple[int, int, str]]],
) -> Candidate | None:
    """``cands[i]`` as :func:`whole_words` keeps it (``None``: cut; the candidate made
    sure where a longer form of its concept ends the word). It depends on the
    candidates after it only, so it can be asked for the candidates that matter alone
    (see :func:`whole_leftmost_longest`). ``spans`` holds the set of every candidate's
    span once one is needed (filled here, shared between calls on the same list)."""
    a = cands[i]
    n = len(text)
    if a.end >= n or not (is_hangul(text[a.end]) or text[a.end] in _LATIN_ALNUM):
        return a  # a ends a word: it cuts nothing
    grown = a
    for b in itertools.islice(cands, i + 1, None):
        if b.start >= a.end:
            break
        if (
            a.start < b.start
            and a.end < b.end
            and b.verdict != REJECT
            and " " not in text[a.end : b.end]
            and _ends_word(text, b.end)
        ):
            if " " in text[a.start : b.start]:
                if not spans:
                    spans.append({(c.start, c.end, c.term_id) for c in cands})
                if (
                    (b.start, a.end, b.term_id) in spans[0]
                    or (b.term_id == a.term_id and a.verdict != REJECT)
                    or text[a.end : b.end] in PHRASE_TAILS
                ):
                    # 반도체 수출액: 수출액 is 수출 with 액 glued on, so the multi-word
                    # term ends where that concept's word ends, and is as sure as it.
                    # So where a form of the same term ends the word: 금리 인하 기대감
                    # is 금리 인하 기대 glued into 기대감 (인하 기대감 is that term too),
                    # and where a suffix of PHRASE_TAILS glues on (수출액 as exports).
                    if b.verdict == ACCEPT or (accept is not None and accept(b)):
                        grown = a._replace(verdict=ACCEPT)
                    continue
            if accept is not None and not accept(b):
                continue  # asked last: it may run kiwipiepy
            return None
    return grown


def whole_leftmost_longest(
    text: str, cands: list[Candidate], accept: Callable[[Candidate], bool]
) -> list[Candidate]:
    """``leftmost_longest(whole_words(text, cands, accept), accept)``, with the
    whole-word rule asked only about the candidates :func:`leftmost_longest` reaches:
    whether 분기 실적 is cut by 실적발표 does not matter once a longer term around it is
    kept, and asking may run kiwipiepy on 실적발표 (about 2% of the fast path's reads on
    news, a third of them for candidates never reached).

    Examples
    --------
    >>> c = [Candidate(1, 6, "quarterly_earnings", 1), Candidate(4, 8, "earnings_release", 2)]
    >>> [x.term_id for x in whole_leftmost_longest("1분기 실적발표", c, lambda c: True)]
    ['earnings_release']
    """
    if len(cands) < 2:
        return leftmost_longest(cands, accept)
    spans: list[set[tuple[int, int, str]]] = []
    out: list[Candidate] = []
    last_end = -1
    for i in sorted(range(len(cands)), key=lambda i: _order(cands[i])):
        c = cands[i]
        if c.start < last_end:
            continue
        kept = _whole_word_fate(text, cands, i, accept, spans)
        if kept is not None and accept(kept):
            out.append(kept)
            last_end = kept.end
    return out


def _order(c: Candidate) -> tuple[int, int, str]:
    """Leftmost first, then the longest (then by term id, for a stable result)."""
    return (c.start, c.start - c.end, c.term_id)


def _ends_word(text: str, end: int) -> bool:
    """Whether a hit ending at ``end`` ends its word (a particle or 들 may follow)."""
    if end >= len(text) or not (is_hangul(text[end]) or text[end] in _LATIN_ALNUM):
        return True
    run = _HANGUL_RUN.match(text, end, end + _MAX_SUFFIX + 1)
    return run is not None and run.group() in _SUFFIXES


def leftmost_longest(
    cands: list[Candidate], accept: Callable[[Candidate], bool] | None = None
) -> list[Candidate]:
    """Keep non-overlapping candidates, preferring the leftmost, then the longest.

    ``accept``, if given, is asked only about candidates that could still be kept (not
    about 금리 once 기준금리 around it is kept), so an expensive check runs less often;
    the result is the same as filtering with it first.

    Examples
    --------
    >>> c = [Candidate(0, 4, "base_rate", 2), Candidate(2, 4, "rate", 2)]
    >>> [x.term_id for x in leftmost_longest(c)]
    ['base_rate']
    """
    out: list[Candidate] = []
    last_end = -1
    for c in sorted(cands, key=_order):
        if c.start >= last_end and (accept is None or accept(c)):
            out.append(c)
            last_end = c.end
    return out
