"""Settle ambiguous candidates with kiwipiepy on the words around them, cached.

The fast path asks kiwipiepy only about the space-delimited word that holds an
ambiguous hit (기준금리를, 유가증권시장) and caches the answer per word. A word on its own
is sometimes read differently from the same word in its sentence (수소충전소: 수소충전 +
소 alone, 수소 + 충전소 in "수소충전소 보급"). So the word's three best analyses are kept:
when one within :data:`MARGIN` of the best one disagrees about the hit, the word is read
again with the neighbouring word on each side, closer to how ``mode="full"`` would see it.

A particle at the end of the word, after the hit, is left out of the read and of the
cache key (기준금리를, 기준금리가 and 기준금리는 are one read of 기준금리): on a long
stream of distinct news most words are new, and the same noun comes back with another
particle far more often than the same word does. So are brackets, quotes, middle dots
and commas around the hit ((기준금리)를 and 기준금리, are read as 기준금리; see
:func:`marked_core`).

Given ``store`` (a key naming the glossary's words and the kiwipiepy version), the
readings are also kept on disk between runs (:mod:`glossary._cache`; written every
:data:`SAVE_EVERY` new words and at exit, merged with what other processes wrote): a run
whose words were all read before never loads kiwipiepy, which takes seconds.
"""

from __future__ import annotations

import itertools
import weakref
from collections.abc import Sequence
from typing import Any

from corpus.korean import INDUSTRY_HEADS, ORGANISATION_HEADS, PARTICLES, PLACE_NAMES, is_hangul
from extract.engine.matcher import CASE_OR_PERSON
from glossary import _cache

__all__ = ["WordCheck", "after_name", "is_guessed_noun"]

#: Score gap (log-probability) under which a runner-up analysis counts as a real rival.
#: 5, not 6: with the grown glossary the re-reads in context were a third of the fast
#: path's time; a rival 5-6 behind won its context read in 2 of 115 words (1,000 KDI
#: records), and the judged sentences of bench/tagging_accuracy.py score the same at 5
#: (at 4.5 recall drops). 19% fewer re-reads.
MARGIN = 5.0
_TOP_N = 3
# Neighbouring words on each side read with a fragile word. One, not two: the context
# re-reads (a third of kiwipiepy's reads on fresh news) cost 35% less, the judged
# sentences of bench/tagging_accuracy.py score the same (fast P 0.9853, R 0.9924), and
# agreement with --full on the 1,000 documents of test_fast_vs_full falls from 0.9959
# to 0.9945 (issue 14: hand-judged accuracy is the target, not agreement with --full).
_CONTEXT = 1
_WINDOW = 48  # characters: longest stretch read on either side of a hit
_CACHE_LIMIT = 200_000
# A full cache drops its least recently used tenth, not everything: on a long stream
# (a 1 GB archive fills it several times) the frequent words stay read. Replayed on the
# 172,000 word checks of 40 MB of the shuffled news stream with a limit of 20,000 words
# (62,785 distinct), clearing it all took 82,741 kiwipiepy reads, this 72,712.
_EVICT = _CACHE_LIMIT // 10
#: Words kept on disk per glossary (the newest; about 30 bytes each).
STORE_LIMIT = 100_000
#: New words read between two writes of the on-disk store.
SAVE_EVERY = 20_000
_STORE_KIND = "kiwi-readings"
# Marks a word is cut at, around the hit, before it is read and cached: brackets,
# quotes, middle dots and commas ((기준금리)를, 「새나라자동차공업주식회사」와, 재정·통화정책,
# 예산억제,): the word without them is often a read already made. 7.2% fewer reads on
# 1,000 KDI summaries (3,305 -> 3,067), 14 of 7,840 mentions change (kiwipiepy's
# language model scores the mark too) and the hand-judged accuracy of
# bench/tagging_accuracy.py does not (issue 14: that is the target, not agreement with
# --full). Not sentence punctuation (. ! ? : ;): a word read without the full stop
# after it is more often fragile, and its re-reads in context outnumbered the reads saved.
_CUT_MARKS = frozenset("()[]{}<>「」『』〈〉《》【】“”‘’\"'·,")
# Only particles are folded off the end of the word read (see fold_particle).
# Longest first, so that 에서 is folded before 서 could be.
_FOLDED = tuple(sorted(PARTICLES, key=len, reverse=True))
# Looked up by the word's last n characters, longest first: one set lookup per
# length instead of one endswith per particle (this runs for every word checked).
_FOLD_SET = frozenset(_FOLDED)
_FOLD_LENGTHS = tuple(sorted({len(p) for p in _FOLDED}, reverse=True))
# One-syllable particles that also end nouns (자산가, 기업인, 경기도): folded only when the
# hit does not end right before them, so the read still tells 자산 in 자산가 apart.
_NOUN_LIKE = frozenset(p for p in PARTICLES if len(p) == 1) - frozenset("을를은는에의와과")

# Per analysis: token starts and token ends as bit masks (bit i: offset i), the score,
# the spans of guessed nouns (see is_guessed_noun), and the starts and ends of common
# nouns kiwipiepy knows, as masks, and the spans of proper nouns. Ints rather than
# frozensets keep a 200,000-word cache near 60 MB.
_Spans = tuple[tuple[int, int], ...]
_Reading = tuple[int, int, float, _Spans, int, int, _Spans]


def is_guessed_noun(token: Any) -> bool:
    """Whether kiwipiepy read ``token`` as a common noun it does not know.

    Such a noun may be a compound the writer made (신혼가전, 도심모빌리티), or a name
    (에임드바이오): see :meth:`WordCheck.compound`.
    """
    return bool(token.oov) and token.tag == "NNG"


def ends_only(tag: str) -> bool:
    """Whether a morpheme tagged ``tag`` can only end a stretch, never start a term: an
    ending or the copula. A hit that starts where kiwipiepy reads one is those letters,
    not the term: 라면 in 투자자라면 is 투자자 + 이/VCP + 라면/EC. (Particles are left
    out: kiwipiepy misreads 과 in 환경과세 and 건물과표 as one, where the term starts.)

    Examples
    --------
    >>> ends_only("EC"), ends_only("VCP"), ends_only("JKS"), ends_only("NNG")
    (True, True, False, False)
    """
    return tag[0] == "E" or tag == "VCP"


def _readings(kiwi: Any, text: str, top_n: int) -> tuple[_Reading, ...]:
    out = []
    for toks, score in kiwi.analyze(text, top_n=top_n):
        starts = ends = known_starts = known_ends = 0
        guessed = []
        proper = []
        for t in toks:
            # Each attribute of a kiwipiepy Token is built on access: read each once (this
            # runs for every morpheme of every word read).
            tag, start = t.tag, t.start
            end = start + t.len
            if not ends_only(tag):
                starts |= 1 << start
            ends |= 1 << end
            if tag == "NNG":
                if t.oov:
                    guessed.append((start, end))
                else:
                    known_starts |= 1 << start
                    known_ends |= 1 << end
            elif tag == "NNP":
                proper.append((start, end))
        out.append((starts, ends, score, tuple(guessed), known_starts, known_ends, tuple(proper)))
    return tuple(out)


def _fits(reading: _Reading, s: int, e: int) -> bool:
    return bool(reading[0] >> s & 1 and reading[1] >> e & 1)


def _one_known_noun(reading: _Reading, s: int, e: int) -> bool:
    """Whether ``reading`` has one known common noun from ``s`` to ``e``."""
    inner = ((1 << e) - 1) & ~((1 << (s + 1)) - 1)  # offsets s+1 .. e-1
    return bool(reading[4] >> s & 1 and reading[5] >> e & 1 and not reading[0] & inner)


def after_name(
    text: str, name_start: int, start: int, end: int, *, guessed: bool = False, spaced: bool = False
) -> bool:
    """Whether a hit ``text[start:end]`` after a proper noun ``text[name_start:start]``
    that kiwipiepy read in the same word (``guessed``: a noun it does not know and
    guesses, as 티에토 in 티에토주식회사) is part of a name.

    A proper noun that starts the word, then a kind of organisation of
    :data:`corpus.korean.ORGANISATION_HEADS` ending it (a particle may follow), name one
    organisation (한국금융지주, 조선은행): not a mention of the kind. So does a proper
    noun that is no place (:data:`corpus.korean.PLACE_NAMES`) before an industry of
    :data:`corpus.korean.INDUSTRY_HEADS` (카카오헬스케어, not 미국반도체). Other terms after
    a proper noun are left to morphology, since a place glued to a concept is common
    (미국경제, 한일무역). A guessed noun counts before a kind of organisation only: before
    an industry it is as often a new compound or a typo (비베모리반도체). ``spaced``: the
    name is the word before the hit's, a space between (노르데아 은행; a guessed noun).

    Examples
    --------
    >>> after_name("한국금융지주_거래", 0, 2, 6), after_name("미국경제가", 0, 2, 4)
    (True, False)
    >>> after_name("대한국은행", 1, 3, 5), after_name("한국은행권", 0, 2, 4)
    (False, False)
    >>> after_name("카카오헬스케어", 0, 3, 7), after_name("미국반도체", 0, 2, 5)
    (True, False)
    >>> after_name("티에토주식회사", 0, 3, 7, guessed=True)
    True
    """
    head = text[start:end]
    if head not in ORGANISATION_HEADS and (
        guessed or spaced or head not in INDUSTRY_HEADS or text[name_start:start] in PLACE_NAMES
    ):
        return False
    if name_start > 0 and (is_hangul(text[name_start - 1]) or text[name_start - 1].isalnum()):
        return False  # the proper noun does not start the word
    tail = end
    while tail < len(text) and is_hangul(text[tail]):
        tail += 1
    return tail == end or text[end:tail] in PARTICLES


def _compound(readings: tuple[_Reading, ...], s: int, e: int) -> bool:
    """The compound rule of :meth:`WordCheck.compound` on a word's readings."""
    for gs, ge in readings[0][3]:
        if not (gs < s and e == ge):
            # Not the head: a term that starts a guessed noun starts names as often
            # (바이오히트, 유니콘팩토리), and one inside it is no part (리플 in 트리플체어).
            continue
        if s - gs < 2:
            continue  # one syllable is as often a suffix or another word: 주식 in 주식물
        if any(_fits(r, s, e) and _one_known_noun(r, gs, s) for r in readings):
            return True
    return False


class WordCheck:
    """Whether kiwipiepy puts morpheme boundaries at both ends of a hit.

    Parameters
    ----------
    kiwi : callable
        Returns the process's ``Kiwi`` (called on first need only).

    Examples
    --------
    >>> from extract.engine.analyzer import get_kiwi
    >>> check = WordCheck(lambda: get_kiwi(("기준금리", "유가증권")))
    >>> check("대출금리가 올랐다", 2, 4), check("유가증권시장", 0, 2)
    (True, False)

    A term in a compound kiwipiepy does not know counts (see :meth:`compound`):

    >>> check("공유모빌리티 업체", 2, 6)
    True
    """

    def __init__(self, kiwi: Any, *, store: Sequence[str | bytes] | None = None) -> None:
        self._get_kiwi = kiwi
        self._instance: Any = None
        self._cache: dict[str, tuple[_Reading, ...]] = {}
        # Verdicts the word alone settles (no context needed), for repeated hits.
        self._settled: dict[tuple[str, int, int], bool] = {}
        self._store = None if store is None else list(store)
        self._loaded = store is None  # read the store on the first lookup only
        self._unsaved: dict[str, tuple[_Reading, ...]] = {}

    def _load(self) -> None:
        self._loaded = True
        found = _cache.load(_STORE_KIND, self._store or ())
        if isinstance(found, dict):
            self._cache.update(found)
        # multiprocessing's exit hook rather than atexit: it also runs in worker processes
        # (kotrend tag -j), which end with os._exit. A weak reference: the hook must not
        # keep a discarded tagger's cache alive.
        from multiprocessing.util import Finalize

        Finalize(None, _save_at_exit, args=(weakref.ref(self),), exitpriority=10)

    def save(self) -> None:
        """Write the words read since the last save to the on-disk store (if any),
        merged with what is there: other processes of the same glossary add theirs, and
        this one takes theirs in turn (the workers of ``kotrend tag -j`` share their
        reads as they go; two workers that share nothing read 15% more words than one
        process, measured on 40 MB of shuffled news)."""
        if self._store is None or not self._unsaved:
            return
        found = _cache.load(_STORE_KIND, self._store)
        merged = found if isinstance(found, dict) else {}
        room = _CACHE_LIMIT - len(self._cache)
        if room > 0:  # never evicting words this process uses for words it may not
            cache = self._cache
            for key, readings in merged.items():
                if key not in cache:
                    cache[key] = readings
                    room -= 1
                    if not room:
                        break
        merged.update(self._unsaved)
        if len(merged) > STORE_LIMIT:  # the oldest entries go first
            merged = dict(list(merged.items())[-STORE_LIMIT:])
        _cache.store(_STORE_KIND, self._store, merged)
        self._unsaved.clear()

    def _kiwi(self) -> Any:
        if self._instance is None:  # looked up once: the registry key is a long tuple
            self._instance = self._get_kiwi()
        return self._instance

    def __len__(self) -> int:
        return len(self._cache)

    def _lookup(self, text: str, top_n: int, key: str) -> tuple[_Reading, ...]:
        if not self._loaded:
            self._load()
        cache = self._cache
        found = cache.pop(key, None)
        if found is not None:
            cache[key] = found  # now the most recently used (dicts keep insertion order)
        else:
            found = _readings(self._kiwi(), text, top_n)
            _remember(cache, key, found)
            if self._store is not None:
                self._unsaved[key] = found
                if len(self._unsaved) >= SAVE_EVERY:
                    self.save()
        return found

    def compound(self, nt: str, start: int, end: int) -> bool:
        """Whether ``nt[start:end]`` is a term in a compound kiwipiepy does not know.

        The compound policy counts a term glued to another noun (대출금리 -> 금리).
        kiwipiepy often reads such a compound as one noun it guesses (신혼가전, 공유모빌리티)
        and so puts no boundary at the term. The hit still counts when the guessed noun
        is **one common noun kiwipiepy knows**, of two or more syllables, then the term
        as its head, as one of kiwipiepy's best readings of the word splits it (신혼 +
        가전, 공유 + 모빌리티). Turned down: names guessed the same way, whose first part
        is no known common noun (에임드 + 바이오, 신라/NNP + 교역) or several pieces (코인 +
        게 + 코); a term that starts the noun (바이오히트, 유니콘팩토리 are names as often)
        or sits inside it (리플 in 트리플체어); a one-syllable first part, too often
        another sense (주식물 is staple food).

        Examples
        --------
        >>> from extract.engine.analyzer import get_kiwi
        >>> check = WordCheck(lambda: get_kiwi(()))
        >>> check.compound("신혼가전 인기", 2, 4), check.compound("에임드바이오 상장", 3, 6)
        (True, False)
        """
        lo, hi = _word(nt, start, end)
        word = nt[lo:hi]
        s, e = start - lo, end - lo
        stem = fold_particle(word, e)
        readings = self._lookup(stem, _TOP_N, stem)
        return bool(readings) and _compound(readings, s, e)

    def in_spaced_name(self, nt: str, start: int, end: int) -> bool:
        """Whether kiwipiepy reads the hit ``nt[start:end]`` with the word before it (a
        space between) as one proper noun it knows: 은행 in 단스케 은행, a bank's name;
        or reads that word whole as a noun it does not know and guesses, which before a
        kind of organisation is a name (노르데아 은행, 바스웨어 주식회사: all 39 such
        pairs in 6,000 real news records were), where a known word is not (시중 은행,
        미국 은행). Before an industry, a name (a proper noun or a guessed word) is read
        again with a word on each side, and the hit is in the name when kiwipiepy then
        reads a proper noun from it on past its end (핀란드 메소 제지가 말레이시아: 제지가/NNP),
        the reading --full takes from the sentence.

        Examples
        --------
        >>> from extract.engine.analyzer import get_kiwi
        >>> check = WordCheck(lambda: get_kiwi(()))
        >>> check.in_spaced_name("단스케 은행은 밝혔다", 4, 6)
        True
        >>> check.in_spaced_name("시중 은행은 밝혔다", 3, 5)
        False
        """
        lo = nt.rfind(" ", 0, start - 1) + 1  # where the word before the space starts
        hi = _word(nt, start, end)[1]
        found = self._lookup(nt[lo:hi], 1, "\x01" + nt[lo:hi])
        if not found:
            return False
        if any(ps < start - 1 - lo and end - lo <= pe for ps, pe in found[0][6]):
            return True
        name = (0, start - 1 - lo)
        if name in found[0][3] and after_name(nt, lo, start, end, spaced=True):
            return True
        if (name in found[0][3] or name in found[0][6]) and nt[start:end] in INDUSTRY_HEADS:
            # A name before an industry (메소 제지가): --full, reading the sentence, may
            # take the hit's word for the rest of the name (제지가/NNP after 핀란드 메소),
            # where the two words alone read 제지 + 가. Read them with a word on each
            # side, as the context re-read does, and turn the hit down when kiwipiepy
            # then reads a proper noun from the hit on past its end, as --full does.
            lo2, hi2 = _word(nt, lo - 1, hi + 1)
            wide = self._lookup(nt[lo2:hi2], 1, "\x00" + nt[lo2:hi2])
            s2, e2 = start - lo2, end - lo2
            return bool(wide) and any(ps <= s2 and e2 < pe for ps, pe in wide[0][6])
        return False

    def __call__(self, nt: str, start: int, end: int) -> bool:
        """Judge ``nt[start:end]`` (``nt`` normalized: spaces are its only whitespace)."""
        lo, hi = _word(nt, start, end)
        word, s, e = marked_core(nt[lo:hi], start - lo, end - lo)
        settled = self._settled.pop((word, s, e), None)
        if settled is not None:
            self._settled[word, s, e] = settled  # the most recently used (see _EVICT)
            return settled
        stem = fold_particle(word, e)
        readings = self._lookup(stem, _TOP_N, stem)
        if not readings:
            return False
        best = readings[0][2]
        for r in readings:  # a close runner-up may see the name (한/MM 국 or 한국/NNP)
            # A word kiwipiepy does not know, as a noun it guesses, names as a proper
            # noun does (티에토주식회사): --full reads both so.
            if best - r[2] < MARGIN and (
                any(pe == s and after_name(word, ps, s, e) for ps, pe in r[6])
                or any(pe == s and after_name(word, ps, s, e, guessed=True) for ps, pe in r[3])
            ):
                _remember(self._settled, (word, s, e), False)
                return False
        if _compound(readings, s, e):
            _remember(self._settled, (word, s, e), True)
            return True
        verdict = _fits(readings[0], s, e)
        if all(_fits(r, s, e) == verdict or best - r[2] >= MARGIN for r in readings[1:]):
            _remember(self._settled, (word, s, e), verdict)
            return verdict
        # Context decides: the word with its neighbours ("\x00" keeps the key apart from a
        # lone word that happens to look the same).
        # 가 or 인 right after the hit is a particle or a person suffix as the clause
        # decides (투자가 늘었다, 출신 투자가 황현희가): two words a side, as for all words
        # before the re-reads were cut to one.
        for _ in range(_CONTEXT + (word[e:] in CASE_OR_PERSON)):
            lo, hi = _word(nt, lo - 1, hi + 1)
        found = self._lookup(nt[lo:hi], 1, "\x00" + nt[lo:hi])
        return bool(found) and _fits(found[0], start - lo, end - lo)


def _remember(cache: dict[Any, Any], key: Any, value: Any) -> None:
    """Store ``value`` under ``key``; a full ``cache`` first drops its :data:`_EVICT`
    oldest entries (the least recently used, where hits are moved to the end)."""
    if len(cache) >= _CACHE_LIMIT:
        for old in list(itertools.islice(cache, _EVICT)):
            del cache[old]
    cache[key] = value


def _save_at_exit(ref: weakref.ref[WordCheck]) -> None:
    check = ref()
    if check is not None:
        check.save()


def fold_particle(word: str, end: int) -> str:
    """``word`` without a particle that ends it after offset ``end`` (the hit's end).

    Only a particle after a Hangul syllable is folded, never into the hit, and a
    one-syllable particle that also ends nouns (가 in 자산가) not right after the hit.

    Examples
    --------
    >>> fold_particle("기준금리를", 4), fold_particle("유가증권시장에서", 2)
    ('기준금리', '유가증권시장')
    >>> fold_particle("파이", 2), fold_particle("AI가", 2), fold_particle("자산가", 2)
    ('파이', 'AI가', '자산가')
    """
    n = len(word)
    for size in _FOLD_LENGTHS:
        if size > n:
            continue
        p = word[n - size :]
        if p in _FOLD_SET:  # the longest particle that ends the word
            cut = n - size
            if cut < end or cut == 0 or not is_hangul(word[cut - 1]):
                return word
            if cut == end and p in _NOUN_LIKE:
                return word
            return word[:cut]
    return word


def _cuts(word: str, i: int) -> bool:
    """Whether ``word[i]`` is a mark a word is cut at before it is read (see
    :func:`marked_core`)."""
    ch = word[i]
    if ch not in _CUT_MARKS:
        return False
    if ch == "," and 0 < i < len(word) - 1:
        before, after = word[i - 1], word[i + 1]
        # 1,000 and A,B: inside a number or a code, not between words
        if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
            return False
    return True


def marked_core(word: str, start: int, end: int) -> tuple[str, int, int]:
    """The part of ``word`` around the hit ``word[start:end]`` between brackets, quotes,
    middle dots and commas (:data:`_CUT_MARKS`; never inside the hit), with the hit's
    offsets in it.

    Examples
    --------
    >>> marked_core("(기준금리)를", 1, 5), marked_core("예산억제,", 0, 2)
    (('기준금리', 0, 4), ('예산억제', 0, 2))
    >>> marked_core("www.k-startup.go.kr", 6, 13)
    ('www.k-startup.go.kr', 6, 13)
    """
    lo, hi, n = start, end, len(word)
    while lo > 0 and not _cuts(word, lo - 1):
        lo -= 1
    while hi < n and not _cuts(word, hi):
        hi += 1
    if lo == 0 and hi == n:
        return word, start, end
    return word[lo:hi], start - lo, end - lo


def _word(nt: str, start: int, end: int) -> tuple[int, int]:
    """The space-delimited stretch holding ``nt[start:end]``, at most ``_WINDOW`` wider."""
    start, end = max(0, start), min(len(nt), end)
    lo = nt.rfind(" ", max(0, start - _WINDOW), start) + 1
    if lo == 0 and start > _WINDOW:
        lo = start - _WINDOW
    hi = nt.find(" ", end, end + _WINDOW)
    if hi < 0:
        hi = min(len(nt), end + _WINDOW)
    return lo, hi
