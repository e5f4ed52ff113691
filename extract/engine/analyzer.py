"""kiwipiepy behind a lazy, per-process accessor that knows the glossary's words.

``Kiwi`` cannot be pickled and takes about a second and 400-600 MB to load, so objects that
travel to worker processes (taggers, spaCy components) keep only the list of user words
and ask :func:`get_kiwi` for the process's instance when they first need it.

A process holds **one** ``Kiwi`` whatever glossaries it uses (a second instance would cost
another 400 MB, e.g. in ``kotrend serve`` with both bundled glossaries): each glossary's
words are added to it when first asked for. :func:`get_kiwi` returns a view that analyses
with the words of *other* glossaries on kiwipiepy's blocklist, so a compound one glossary
taught (대출금리) does not hide another glossary's shorter term (금리) inside it. (A blocked
word that kiwipiepy cannot build from its own morphemes is read as an unknown word rather
than exactly as a Kiwi that never saw it would; hits inside such words are rare.)
"""

from __future__ import annotations

import bisect
import itertools
import os
import re
import tempfile
import threading
from collections.abc import Iterable
from typing import Any

from corpus.korean import HANGUL_SYLLABLES
from glossary import Glossary
from glossary._cache import cached, source_key

__all__ = ["KiwiView", "get_kiwi", "user_words"]

_HANGUL_ONLY = re.compile(f"^[{HANGUL_SYLLABLES}]{{2,}}$")
_lock = threading.Lock()
_kiwi: Any = None
_taught: set[str] = set()  # user words added to _kiwi
_builtin: set[str] = set()  # words kiwipiepy knew already
_whole_unknown: set[str] = set()  # taught words kiwipiepy already read whole (as unknown)
_version = 0  # bumped whenever _taught grows
_views: dict[frozenset[str], KiwiView] = {}
_open_views: dict[frozenset[str], KiwiView] = {}
_all_names = False  # every multi-word name loaded, not only those holding taught words

#: Word lists at least this long keep kiwipiepy's readings of them in the on-disk cache
#: (:mod:`glossary._cache`).
CACHE_MIN_WORDS = 300

#: How the process's ``Kiwi`` is made. Its dictionary of multi-word names (about 250,000
#: names from Wikidata: 노키안 타이어, 단스케 은행) doubles the time the model takes to
#: build (3.4 CPU seconds instead of 1.7, and it is built again whenever words are
#: added), yet a name can change a verdict only on a hit inside it: only the names that
#: hold a word the process is taught are loaded (:func:`_names_holding`), and the rest
#: when a caller asks for every name (``get_kiwi(all_names=True)``). The typo dictionary
#: (web spellings such as 슴다 for 습니다) is left out: news is edited text.
KIWI_OPTIONS = {"load_multi_dict": False, "load_typo_dict": False}


def user_words(glossary: Glossary) -> tuple[str, ...]:
    """Words to teach kiwipiepy so it keeps glossary forms whole.

    Compact (space-free) pure-Hangul forms of two or more syllables, sorted. Latin and
    mixed forms are left to the matcher's own boundary rules, since kiwipiepy already
    splits scripts apart. ``exclude`` words are not taught: the matcher rejects a hit
    inside one by itself, and a trap taught as a noun would change how the words
    around it are read (주가 excluded in 주주가 would make 주주가 one noun and hide 주주,
    shareholder, in "주주가 반발했다").

    Examples
    --------
    >>> from glossary import Glossary, Term
    >>> g = Glossary([Term(id="oil", term="유가", exclude=("유가증권",)), Term(id="hbm", term="HBM")])
    >>> user_words(g)
    ('유가',)
    """
    if len(glossary) < CACHE_MIN_WORDS:
        return _user_words(glossary)
    # Kept on disk with the glossary's readings: going over 36,000 forms takes 0.06 s of
    # every start.
    parts: list[bytes | str] = [glossary.content_hash(), source_key(__name__)]
    return cached("kiwi-user-words", parts, lambda: _user_words(glossary))


def _user_words(glossary: Glossary) -> tuple[str, ...]:
    compact = {"".join(form.split()) for term in glossary for form in term.forms}
    return tuple(sorted(filter(_HANGUL_ONLY.match, compact)))


class KiwiView:
    """The process's ``Kiwi`` as a glossary with ``words`` sees it.

    ``tokenize``, ``analyze`` and ``split_into_sents`` take the same arguments as
    kiwipiepy's and block the user words this view's glossary did not teach.
    """

    __slots__ = ("_blocklist", "_version", "kiwi", "words")

    def __init__(self, kiwi: Any, words: frozenset[str] | None) -> None:
        self.kiwi = kiwi
        self.words = words
        self._version = -1
        self._blocklist: Any = None

    def _blocked(self) -> Any:
        if self.words is None:
            return None
        if self._version != _version:  # another glossary taught new words since
            from kiwipiepy import MorphemeSet

            with _lock:
                others = [
                    f"{w}/NNG" for w in _taught if w not in self.words and w not in _whole_unknown
                ]
                self._blocklist = MorphemeSet(self.kiwi, others) if others else None
                self._version = _version
        return self._blocklist

    def tokenize(self, text: Any, **kwargs: Any) -> Any:
        return self.kiwi.tokenize(text, blocklist=self._blocked(), **kwargs)

    def analyze(self, text: Any, **kwargs: Any) -> Any:
        return self.kiwi.analyze(text, blocklist=self._blocked(), **kwargs)

    def split_into_sents(self, text: Any, **kwargs: Any) -> Any:
        return self.kiwi.split_into_sents(text, blocklist=self._blocked(), **kwargs)


def _word_classes(words: list[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Which of ``words`` kiwipiepy reads as one known morpheme, and which as one
    unknown word, before any of them is taught (call with ``_lock`` held).

    Words kiwipiepy already reads as one morpheme (금리) are its own: teaching them
    changes nothing, and blocking them for other glossaries would break its dictionary.
    They are read before adding anything (one rebuild, not one per word), as a view with
    no user words sees them.
    """
    from kiwipiepy import MorphemeSet

    blocked = [f"{w}/NNG" for w in _taught]
    readings = _kiwi.tokenize(words, blocklist=MorphemeSet(_kiwi, blocked) if blocked else None)
    builtin: set[str] = set()
    whole: set[str] = set()
    for word, tokens in zip(words, readings, strict=True):
        if len(tokens) == 1 and tokens[0].form == word:
            (whole if tokens[0].oov else builtin).add(word)
    return frozenset(builtin), frozenset(whole)


def _names_holding(words: Iterable[str] | None) -> str:
    """The lines of kiwipiepy's multi-word name dictionary whose name, spaces removed,
    holds one of ``words`` (all of them for ``None``), with the names their variant
    spellings point to, in its own format for ``Kiwi.load_user_dictionary``."""
    import kiwipiepy_model

    path = os.path.join(kiwipiepy_model.get_model_path(), "multi.dict")
    with open(path, encoding="utf-8") as f:
        # (line, name, tag): the tag of a variant spelling is its name ("더글러스 애덤스/NNP")
        entries = [
            (line, *line.split("\t", 2)[:2])
            for line in f
            if line.strip() and not line.startswith("#")
        ]
    if words is not None:
        import ahocorasick

        finder = ahocorasick.Automaton()
        for word in words:
            finder.add_word(word, len(word))
        if not len(finder):
            return ""
        finder.make_automaton()
        # One scan of all the names, spaces removed, joined with "\n" (which no word holds).
        compact = [name.replace(" ", "") for _, name, _ in entries]
        ends = list(itertools.accumulate(len(name) + 1 for name in compact))
        found = {bisect.bisect_left(ends, end + 1) for end, _ in finder.iter("\n".join(compact))}
        held = [entries[i] for i in sorted(found)]
        # A variant spelling needs the name it points to loaded first.
        wanted = {tag.rpartition("/")[0] for _, _, tag in held if "/" in tag}
        wanted -= {name for _, name, _ in held}
        entries = [e for e in entries if e[1] in wanted] + held
    names = [line for line, _, tag in entries if "/" not in tag]
    return "".join(names + [line for line, _, tag in entries if "/" in tag])


def _load_names(text: str) -> None:
    """Teach ``_kiwi`` the names of ``text`` (see :func:`_names_holding`; lock held)."""
    if not text:
        return
    fd, path = tempfile.mkstemp(suffix=".dict", prefix="kotrend-names-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        _kiwi.load_user_dictionary(path)
    finally:
        os.unlink(path)


def get_kiwi(
    words: Iterable[str] = (), *, block_others: bool = True, all_names: bool = False
) -> KiwiView:
    """This process's ``Kiwi``, taught ``words``, as a glossary with those words sees it.

    Parameters
    ----------
    words : iterable of str
        User words (see :func:`user_words`). Words not yet known are added to the one
        instance of the process; words other glossaries taught are blocked in this view.
    block_others : bool
        False: a view that sees every word taught in this process (for plain tokenizing,
        where a glossary's compounds kept whole do no harm).
    all_names : bool
        Load every name of kiwipiepy's multi-word name dictionary (for noun phrases and
        tokens, where a name is one unit), not only those holding taught words (see
        :data:`KIWI_OPTIONS`).

    Examples
    --------
    >>> wide, narrow = get_kiwi(("대출금리",)), get_kiwi(())
    >>> wide.kiwi is narrow.kiwi
    True
    >>> [t.form for t in wide.tokenize("대출금리가")][0], [t.form for t in narrow.tokenize("대출금리가")][0]
    ('대출금리', '대출')
    """
    global _kiwi, _version, _all_names
    key = frozenset(words)
    view = _views.get(key) if block_others else _open_views.get(key)
    if view is not None and (_all_names or not all_names):
        return view
    with _lock:
        if _kiwi is None:
            from kiwipiepy import Kiwi

            _kiwi = Kiwi(**KIWI_OPTIONS)
        if all_names and not _all_names:
            _load_names(_names_holding(None))
            _all_names = True
        new = sorted(key - _taught - _builtin)
        if new:
            if len(new) >= CACHE_MIN_WORDS:
                # Reading the words means building Kiwi's model once before they are
                # added and once after (seconds each): the readings are kept on disk.
                import kiwipiepy

                parts = [
                    kiwipiepy.__version__,
                    repr(KIWI_OPTIONS),
                    "\n".join(new),
                    "\n".join(sorted(_taught)),
                ]
                builtin, whole = cached("kiwi-words", parts, lambda: _word_classes(new))
                if not _all_names:
                    _load_names(cached("kiwi-names", parts, lambda: _names_holding(new)))
            else:
                builtin, whole = _word_classes(new)
                if not _all_names:
                    _load_names(_names_holding(new))
            for word in new:
                if word in builtin:
                    _builtin.add(word)
                # NNG at score 0 is enough for kiwipiepy to prefer the whole word
                # (유가증권 stays one morpheme instead of 유가 + 증권).
                elif _kiwi.add_user_word(word, "NNG", 0):
                    _taught.add(word)
                    _version += 1
                    if word in whole:
                        # Read whole as an unknown word before it was taught: blocking
                        # it for other glossaries would split it (스테이블코 + 인).
                        _whole_unknown.add(word)
        if not block_others:
            return _open_views.setdefault(key, KiwiView(_kiwi, None))
        view = _views.setdefault(key, KiwiView(_kiwi, key))
    return view
