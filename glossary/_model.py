"""The glossary model: immutable terms and a collection of them."""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from typing import Any

from ._forms import JOINER_MARKS, is_case_sensitive

__all__ = ["Context", "Glossary", "Term", "lookup_key"]

_SPACE = re.compile(r"\s+")


def lookup_key(word: str) -> str:
    """The key :meth:`Glossary.find` compares: no spaces, lower case.

    Looser than matching (``PER`` and ``per`` share a key here) because a reader typing a
    name to look up does not know which forms the tagger treats as case-sensitive.

    Examples
    --------
    >>> lookup_key(" 자본 지출 "), lookup_key("HBM")
    ('자본지출', 'hbm')
    """
    return _SPACE.sub("", word).lower()


def _cue_key(word: str) -> str:
    # lookup_key without the marks between a compound's parts (the tagger matches 경·공매,
    # 경-공매 and 경/공매 as written variants of 경공매).
    return lookup_key(_JOINER_MARKS.sub("", word))


# The marks joiner_variants writes, and the look-alikes of the middle dot that text
# normalization reads as one (a mention's surface keeps them: 경ㆍ공매).
_JOINER_MARKS = re.compile(rf"(?<=\w)[{JOINER_MARKS}ㆍ⋅･](?=\w)")


#: The keys of an entry's ``context`` mapping.
CONTEXT_KEYS = ("avoid", "require_any", "forms")


@dataclass(frozen=True, slots=True)
class Context:
    """Words of the sentence that tell a generic term's glossary sense from another.

    For the few entries whose form is common in another sense (상장 as an award
    certificate, 가맹점 as a card merchant). Both tagging modes apply it the same way,
    to the sentence that holds the mention; words are compared as written, Latin
    letters in any case.

    Parameters
    ----------
    avoid : tuple of str
        A mention is not counted when its sentence holds one of these.
    require_any : tuple of str
        If given, a mention counts only when its sentence holds at least one of these.
    forms : tuple of str
        The forms the cue applies to (spacing and the marks between parts, 경·공매,
        do not matter); empty: every form.

    Examples
    --------
    >>> c = Context(avoid=("수여", "상금"))
    >>> c.allows("상장", "우수팀에 상장과 상금을 수여한다"), c.allows("상장", "코스닥 상장을 추진한다")
    (False, True)
    >>> c = Context(require_any=("카드",), forms=("가맹점",))
    >>> c.allows("가맹점", "가맹점 수가 늘었다"), c.allows("가맹본부", "가맹본부 매출")
    (False, True)
    """

    avoid: tuple[str, ...] = ()
    require_any: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    # The keys of ``forms``, made once: the tagger asks for every mention of the term.
    _form_keys: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_form_keys", frozenset(map(_cue_key, self.forms)))

    def applies_to(self, surface: str) -> bool:
        """Whether the cue governs a mention written ``surface``: one of ``forms``
        however its parts are spaced or joined (경·공매 and 경 공매 are 경공매), as the
        tagger matches it."""
        return not self.forms or _cue_key(surface) in self._form_keys

    def allows(self, surface: str, sentence: str) -> bool:
        """Whether a mention written ``surface`` counts in ``sentence``."""
        if not self.applies_to(surface):
            return True
        low = sentence.lower()
        if any(w.lower() in low for w in self.avoid):
            return False
        return not self.require_any or any(w.lower() in low for w in self.require_any)

    def to_dict(self) -> dict:
        """The cue as it is written in a glossary file (empty lists left out)."""
        return {k: list(getattr(self, k)) for k in CONTEXT_KEYS if getattr(self, k)}


@dataclass(frozen=True, slots=True)
class Term:
    """One glossary entry.

    Parameters
    ----------
    id : str
        Unique identifier, ``[a-z0-9_]+``.
    term : str
        Canonical display form (Korean, e.g. ``자본 지출``).
    en : str or None
        English name; matched like an alias.
    aliases : tuple of str
        Other surface forms writers use (abbreviations, loanwords, spellings).
    definition : str or None
        One or two sentences shown in the keyword box.
    category : str or None
        Topic, e.g. ``기업재무·회계``.
    related : tuple of str
        Ids of related (not synonymous) terms.
    exclude : tuple of str
        Words inside which this term must not be matched (유가 in 유가증권).
    case : tuple of (str, bool)
        Per-form override of case sensitivity: ``(("Fed", True),)`` makes ``Fed``
        match only as written. Forms not listed follow the default rule (short all-caps
        acronyms are case-sensitive, everything else is not).
    basic : bool
        Everyday economic vocabulary (투자, 주가, 수출): tagged, counted and tracked like
        any term, but left out of keyword boxes unless asked for, where it would crowd
        out the terms a reader needs explained.
    split : bool
        Also match a one-word Hangul form written as two words where the glossary knows
        one part (무역수지 as 무역 수지; see :func:`glossary.compound_splits`). False for
        names whose parts mean something else apart (한미반도체, not 한미 반도체).
    context : Context or None
        Sentence words that tell this term's sense from another common one (see
        :class:`Context`); for generic words only, used sparingly.
    line : int or None
        Line of the entry in the file it was read from (not part of equality).

    Examples
    --------
    >>> t = Term(id="capex", term="자본 지출", en="Capital Expenditure", aliases=("Capex",))
    >>> t.forms
    ('자본 지출', 'Capital Expenditure', 'Capex')
    """

    id: str
    term: str
    en: str | None = None
    aliases: tuple[str, ...] = ()
    definition: str | None = None
    category: str | None = None
    related: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    case: tuple[tuple[str, bool], ...] = ()
    basic: bool = False
    split: bool = True
    context: Context | None = None
    line: int | None = field(default=None, compare=False, repr=False)

    # The bundled glossary (11,000 entries) is read back from a pickle at every start:
    # dataclasses' own __setstate__ looks the fields up again for every entry (0.17 s).
    def __getstate__(self) -> list[Any]:
        return [getattr(self, name) for name in _TERM_FIELDS]

    def __setstate__(self, state: list[Any]) -> None:
        for set_field, value in zip(_TERM_SETTERS, state, strict=True):
            set_field(self, value)

    @property
    def forms(self) -> tuple[str, ...]:
        """Every surface form to match: the term, the English name, then the aliases."""
        seen: dict[str, None] = {}
        for f in (self.term, self.en, *self.aliases):
            if f and f not in seen:
                seen[f] = None
        return tuple(seen)

    @property
    def synonyms(self) -> tuple[str, ...]:
        """The forms other than the display term (shown in brackets in the box)."""
        return self.forms[1:]

    def is_case_sensitive(self, form: str) -> bool:
        """Whether ``form`` of this term matches only with its exact letter case."""
        return is_case_sensitive(form, dict(self.case).get(form))

    def to_dict(self) -> dict:
        """The entry as it is written in a glossary file (empty fields left out)."""
        d: dict = {"id": self.id, "term": self.term}
        if self.en:
            d["en"] = self.en
        if self.aliases:
            d["aliases"] = list(self.aliases)
        if self.definition:
            d["definition"] = self.definition
        if self.category:
            d["category"] = self.category
        if self.related:
            d["related"] = list(self.related)
        if self.exclude:
            d["exclude"] = list(self.exclude)
        if self.case:
            d["case_sensitive"] = {f: v for f, v in self.case}
        if self.basic:
            d["basic"] = True
        if not self.split:
            d["split"] = False
        if self.context is not None:
            d["context"] = self.context.to_dict()
        return d


_TERM_FIELDS = tuple(f.name for f in fields(Term))
# The slots' own setters: they write past the frozen dataclass's __setattr__.
_TERM_SETTERS = tuple(getattr(Term, name).__set__ for name in _TERM_FIELDS)


class Glossary:
    """An ordered collection of :class:`Term` with unique ids.

    Construction does not validate; use :func:`glossary.validate` (or
    :func:`glossary.load`, which validates) to get file/line errors. Files are read and
    written by :func:`glossary.load` and :func:`glossary.save`, not by methods, so that
    this module needs none of the file code.

    Parameters
    ----------
    terms : iterable of Term
    name : str
        Name of the glossary (recorded in batch manifests).
    version : str
        Version string (recorded in batch manifests).
    path : str or None
        File it was read from, if any.

    Examples
    --------
    >>> g = Glossary([Term(id="roi", term="투자 자본 수익률", aliases=("ROI",))], name="demo")
    >>> g["roi"].term, len(g), "roi" in g
    ('투자 자본 수익률', 1, True)
    """

    __slots__ = ("_by_id", "_by_key", "_hash", "_terms", "name", "path", "version")

    def __init__(
        self,
        terms: Iterable[Term],
        *,
        name: str = "glossary",
        version: str = "0",
        path: str | None = None,
    ) -> None:
        self._terms: tuple[Term, ...] = tuple(terms)
        self._by_id: dict[str, Term] = {}
        for t in self._terms:
            self._by_id.setdefault(t.id, t)
        self._by_key: dict[str, list[Term]] | None = None  # built on first find()
        self._hash: tuple[str, str, str] | None = None  # (name, version, content_hash())
        self.name = name
        self.version = version
        self.path = path

    def __len__(self) -> int:
        return len(self._terms)

    def __iter__(self) -> Iterator[Term]:
        return iter(self._terms)

    def __contains__(self, term_id: object) -> bool:
        return term_id in self._by_id

    def __getitem__(self, term_id: str) -> Term:
        try:
            return self._by_id[term_id]
        except KeyError:
            raise KeyError(f"no term with id {term_id!r} in glossary {self.name!r}") from None

    def __repr__(self) -> str:
        return f"Glossary(name={self.name!r}, version={self.version!r}, terms={len(self)})"

    @property
    def terms(self) -> tuple[Term, ...]:
        return self._terms

    def get(self, term_id: str, default: Term | None = None) -> Term | None:
        return self._by_id.get(term_id, default)

    def _keys(self) -> dict[str, list[Term]]:
        if self._by_key is None:
            by_key: dict[str, list[Term]] = {}
            for t in self._terms:
                for word in (t.id, *t.forms):
                    hits = by_key.setdefault(lookup_key(word), [])
                    if t not in hits:
                        hits.append(t)
            self._by_key = by_key
        return self._by_key

    def find(self, word: str) -> Term | None:
        """The term whose id or any surface form is ``word``, ignoring case and spacing.

        An exact id wins; then a form written exactly so (``PER`` before ``per`` when
        two terms differ only in case); then the first term in file order.

        Examples
        --------
        >>> g = Glossary([Term(id="hbm", term="고대역폭 메모리", aliases=("HBM",))])
        >>> g.find("hbm").id, g.find("고대역폭메모리").id, g.find("D램")
        ('hbm', 'hbm', None)
        """
        if word in self._by_id:
            return self._by_id[word]
        hits = self._keys().get(lookup_key(word), [])
        for t in hits:
            if word.strip() in t.forms:
                return t
        return hits[0] if hits else None

    def close_matches(self, word: str, *, n: int = 5) -> list[Term]:
        """Up to ``n`` terms whose id or a form is like ``word`` (contains it, or is close
        to it by :func:`difflib.get_close_matches`), best first.

        Examples
        --------
        >>> g = Glossary([Term(id="hbm", term="고대역폭 메모리", aliases=("HBM",)),
        ...               Term(id="dram", term="D램", aliases=("DRAM",))])
        >>> [t.id for t in g.close_matches("메모리")]
        ['hbm']
        """
        keys = self._keys()
        key = lookup_key(word)
        found: dict[str, Term] = {}
        if key:
            for k in sorted((k for k in keys if key in k), key=len):
                for t in keys[k]:
                    found.setdefault(t.id, t)
        for k in difflib.get_close_matches(key, list(keys), n=n, cutoff=0.6):
            for t in keys[k]:
                found.setdefault(t.id, t)
        return list(found.values())[:n]

    def ids(self, words: Iterable[str]) -> list[str]:
        """The term ids of ``words`` (ids or surface forms, see :meth:`find`), in order,
        without repeats.

        Raises
        ------
        KeyError
            Naming every unknown word with the terms it is close to.

        Examples
        --------
        >>> g = Glossary([Term(id="hbm", term="고대역폭 메모리", aliases=("HBM",))])
        >>> g.ids(["HBM", "고대역폭 메모리"])
        ['hbm']
        >>> g.ids(["HBN"])
        Traceback (most recent call last):
        ...
        KeyError: "no term in glossary 'glossary' named 'HBN' (close: hbm (고대역폭 메모리))"
        """
        out: dict[str, None] = {}
        unknown: list[str] = []
        for word in [words] if isinstance(words, str) else words:
            t = self.find(word)
            if t is None:
                close = ", ".join(f"{c.id} ({c.term})" for c in self.close_matches(word))
                unknown.append(f"{word!r}" + (f" (close: {close})" if close else ""))
            else:
                out.setdefault(t.id, None)
        if unknown:
            raise KeyError(f"no term in glossary {self.name!r} named {'; '.join(unknown)}")
        return list(out)

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "version": self.version,
            "terms": [t.to_dict() for t in self._terms],
        }

    def content_hash(self) -> str:
        """SHA-256 of the glossary's content (name, version and every entry), stable
        across runs and file formats; recorded in batch manifests for reproducibility."""
        # Kept with the name and version it was made for (the terms cannot change, those
        # two can): hashing 11,000 entries takes 0.1 s, and every tagger asks at start.
        memo = getattr(self, "_hash", None)  # unset in a pickle older than the memo
        if memo is None or memo[:2] != (self.name, self.version):
            blob = json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)
            digest = hashlib.sha256(blob.encode("utf-8")).hexdigest()
            memo = self._hash = (self.name, self.version, digest)
        return memo[2]
