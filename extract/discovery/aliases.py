"""Alias mining: pair a noun phrase with the names given for it in parentheses.

``자본 지출(Capex)``, ``RPO(잔여이행의무)``, ``투자 자본 수익률(ROI·Return on Investment)``:
when one side is a glossary form, the other is proposed as an alias of that term;
when neither is and the pair recurs, the pair is proposed as a new entry.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from corpus import Document
from corpus.korean import HANGUL
from extract.discovery.alias_groups import build_proposals
from extract.discovery.candidates import iter_texts
from extract.discovery.parens import Paren, find_parens, head_suffixes, valid_item
from extract.discovery.records import AliasProposal
from extract.engine.analyzer import get_kiwi
from extract.engine.tagger import Tagger
from glossary import Glossary, form_key

__all__ = ["mine_aliases", "parenthetical_pairs"]

_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9&+\-]*")
_ACRONYM = re.compile(r"^[A-Z0-9&+\-]{2,8}$")


@dataclass(slots=True)
class _Occurrence:
    heads: list[tuple[int, str]]  # (offset in the text, head), shortest first
    known_head: tuple[int, str] | None  # a glossary mention ending at the "("
    items: list[str]
    doc_id: str
    text_idx: int
    open: int
    close: int


@dataclass(slots=True)
class _Pair:
    """One unordered pair of forms: documents, spellings of each side, evidence."""

    docs: set[str] = field(default_factory=set)
    surfaces: dict[str, Counter[str]] = field(default_factory=dict)
    evidence: list[tuple[str, int, int, int]] = field(default_factory=list)


def _key(form: str) -> str:
    return form_key(form, case_sensitive=False)


class _Analyser:
    """kiwipiepy analyses of short strings, cached."""

    def __init__(self, tagger: Tagger) -> None:
        self.tagger = tagger
        self.cache: dict[str, Any] = {}
        get_kiwi(all_names=True)  # a multi-word name is one unit, never a head

    def prime(self, strings: Iterable[str]) -> None:
        todo = sorted({s for s in strings if s not in self.cache})
        for s, toks in zip(todo, self.tagger.kiwi.tokenize(todo), strict=True):
            self.cache[s] = toks

    def __call__(self, s: str) -> Sequence[Any]:
        toks = self.cache.get(s)
        if toks is None:
            toks = self.cache[s] = self.tagger.kiwi.tokenize(s)
        return toks


# Parentheses analysed at a time: Kiwi's tokens of every window of a large corpus
# (105,000 parentheses in 52 MB of policy texts) take over 100 MB.
_CHUNK = 4096


def _occurrences(parens: list[tuple[str, int, str, Paren]], tagger: Tagger) -> list[_Occurrence]:
    analyse = _Analyser(tagger)
    valid: dict[str, bool] = {}
    out: list[_Occurrence] = []
    for lo in range(0, len(parens), _CHUNK):
        chunk = parens[lo : lo + _CHUNK]
        # Analyses are kept for one chunk only (the verdicts on items for all).
        analyse.cache.clear()
        analyse.prime([p.window for *_, p in chunk])
        analyse.prime([i for *_, p in chunk for i in p.items if not i.isascii() and i not in valid])
        _chunk_occurrences(chunk, tagger, analyse, valid, out)
    return out


def _chunk_occurrences(
    parens: list[tuple[str, int, str, Paren]],
    tagger: Tagger,
    analyse: _Analyser,
    valid: dict[str, bool],
    out: list[_Occurrence],
) -> None:
    for doc_id, text_idx, _text, p in parens:
        items = []
        for item in p.items:
            ok = valid.get(item)
            if ok is None:
                ok = valid[item] = valid_item(item, analyse)
            if ok:
                items.append(item)
        # A list of several Korean names or several acronyms is a list of examples
        # (국제기구(IMF·OECD·EU)), not of synonyms.
        for kind in (HANGUL.search, _ACRONYM.match):
            same = [i for i in items if kind(i)]
            if len(same) > 1:
                items = [i for i in items if i not in same]
        if not items:
            continue
        heads = head_suffixes(p.window, analyse(p.window))
        known = None
        mentions = tagger.tag(p.window)
        if mentions and mentions[-1].end == len(p.window):
            m = mentions[-1]
            if m.start == 0 or p.window[m.start - 1] == " ":  # not the 중앙은행 of 유럽중앙은행
                known = (p.window_start + m.start, m.surface)
        if not heads and known is None:
            continue
        heads = [(p.window_start + off, h) for off, h in heads]
        out.append(_Occurrence(heads, known, items, doc_id, text_idx, p.open, p.close))


def _choose_head(
    occ: _Occurrence, item: str, support: dict[tuple[str, str], set[str]], known: dict[str, str]
) -> tuple[int, str] | None:
    """The head this occurrence names with ``item``.

    Among the suffixes of the noun run, the one with the most documents (with ``item``)
    times characters: a longer head wins when it keeps most of the support (자본 지출
    over 지출 for Capex), a shorter one when the longer is rare (고대역폭메모리 over
    반도체 고대역폭메모리 for HBM). A longer glossary form, or a glossary mention that
    starts a word and ends at the parenthesis, wins over that.
    """
    ik = _key(item)
    term_id = known.get(ik)
    if term_id is not None:  # 공공 소프트웨어(SW): 소프트웨어 already names SW's term
        same = [h for h in occ.heads if known.get(_key(h[1])) == term_id]
        if same:
            return same[-1]
    chosen = None
    if occ.heads:
        chosen = max(
            occ.heads,
            key=lambda h: (len(support[(_key(h[1]), ik)]) * len(_key(h[1])), len(h[1])),
        )
        longer_known = [h for h in occ.heads if len(h[1]) > len(chosen[1]) and _key(h[1]) in known]
        if longer_known:
            chosen = longer_known[-1]
    if occ.known_head is not None and (chosen is None or len(occ.known_head[1]) > len(chosen[1])):
        chosen = occ.known_head
    return chosen


def _names_alike(a: str, b: str) -> bool:
    """Whether two Hangul forms can name the same thing: one abbreviates the other
    (한은 for 한국은행: same first syllable, the rest in order) or they share a Latin
    word (주권 AI, 소버린 AI)."""
    if set(_LATIN_WORD.findall(a)) & set(_LATIN_WORD.findall(b)):
        return True
    short, long = sorted((a.replace(" ", ""), b.replace(" ", "")), key=len)
    if short[0] != long[0]:
        return False
    it = iter(long)
    return all(ch in it for ch in short)


def parenthetical_pairs(text: str, *, tagger: Tagger | None = None) -> list[tuple[str, str]]:
    """``(head, name)`` pairs in one text: each name in a parenthesis with the noun phrase
    before it (the whole noun run, or a glossary mention that ends at the ``(``).

    Parameters
    ----------
    text : str
    tagger : Tagger, optional
        Supplies kiwipiepy and the glossary (default: an empty glossary).

    Examples
    --------
    >>> parenthetical_pairs("투자 자본 수익률(ROI·Return on Investment)이 높다.")
    [('투자 자본 수익률', 'ROI'), ('투자 자본 수익률', 'Return on Investment')]
    >>> parenthetical_pairs("삼성전자(005930) 주가 (사진=연합)")
    []
    """
    tagger = tagger or Tagger(Glossary(()))
    parens = [("", 0, text, p) for p in find_parens(text)]
    out: list[tuple[str, str]] = []
    for occ in _occurrences(parens, tagger):
        head = occ.known_head or occ.heads[-1]
        out.extend((head[1], item) for item in occ.items if _key(item) != _key(head[1]))
    return out


def mine_aliases(
    docs: Iterable[Document | str],
    *,
    glossary: Glossary | None = None,
    min_support: int = 2,
    min_alias_support: int = 1,
    max_partners: int = 3,
    n_examples: int = 3,
    fields: str | Sequence[str] | None = None,
    progress: Callable[[int], object] | None = None,
    max_share: float = 0.03,
) -> tuple[AliasProposal, ...]:
    """Propose aliases and new entries from ``name(other name)`` patterns in ``docs``.

    Parameters
    ----------
    docs : iterable of corpus.Document or str
    glossary : Glossary, optional
        Known terms (default: :func:`glossary.default`).
    min_support : int
        Documents a pair of unknown forms needs to become a ``new`` proposal.
    min_alias_support : int
        Documents a new form of a known term needs to become an ``alias`` proposal.
    max_partners : int
        A form given with more different partners than this in pairs of unknown forms
        is an annotation, not a name (정책(안), 서울(연합뉴스)), and is left out.
    n_examples : int
        Evidence sentences per proposal.
    fields : str or sequence of str, optional
        Text fields to read.
    progress : callable, optional
        Called with the number of documents read.
    max_share : float
        An alias written in more than this share of the documents (and in more than
        the documents of its parentheses) is refused: a form
        that common is a word, and tagging it would mark a large part of the corpus
        (checked when ``docs`` is a sequence, which is read twice).

    Alias proposals are checked by
    :func:`extract.discovery.alias_checks.alias_verdict`: an acronym must spell the
    term's English name, an everyday word (one common noun of Kiwi's dictionary) is
    never an alias, and a name given for an acronym the glossary knows for another
    concept becomes a ``new`` proposal with a ``warning``.

    Returns
    -------
    tuple of AliasProposal
        ``alias`` proposals first, then ``new``, each by support (most first), then term.

    Examples
    --------
    >>> from glossary import Glossary, Term
    >>> g = Glossary([Term(id="capex", term="자본 지출", en="Capital Expenditure")])
    >>> docs = ["메타는 자본 지출(Capex)을 늘렸다.", "잔여이행의무(RPO)가 늘었다.",
    ...         "RPO(잔여이행의무)는 계약 잔액이다."]
    >>> [(p.kind, p.term, p.aliases, p.support) for p in mine_aliases(docs, glossary=g)]
    [('alias', '자본 지출', ('Capex',), 1), ('new', '잔여이행의무', ('RPO',), 2)]
    """
    for name, value, low in (
        ("min_support", min_support, 1),
        ("max_partners", max_partners, 1),
        ("min_alias_support", min_alias_support, 1),
        ("n_examples", n_examples, 0),
    ):
        if isinstance(value, bool) or not isinstance(value, int) or value < low:
            raise ValueError(f"`{name}` should be an int >= {low}, got {value!r}")
    if glossary is None:
        from glossary import default

        glossary = default()
    tagger = Tagger(glossary)
    known = {_key(f): t.id for t in glossary for f in t.forms}
    texts: list[str] = []
    parens: list[tuple[str, int, str, Paren]] = []
    last = -1
    for pos, doc_id, _field, text in iter_texts(docs, fields):
        if progress is not None and pos != last and last >= 0:
            progress(pos - last)
        last = pos
        found = find_parens(text)
        if found:
            texts.append(text)
            parens.extend((doc_id, len(texts) - 1, text, p) for p in found)
    if progress is not None and last >= 0:
        progress(1)
    occs = _occurrences(parens, tagger)
    support: dict[tuple[str, str], set[str]] = defaultdict(set)
    for occ in occs:
        for item in occ.items:
            for _, head in occ.heads:
                support[(_key(head), _key(item))].add(occ.doc_id)
    pairs: dict[tuple[str, str], _Pair] = defaultdict(_Pair)
    for occ in occs:
        for item in occ.items:
            chosen = _choose_head(occ, item, support, known)
            hk, ik = _key(chosen[1]) if chosen else "", _key(item)
            if chosen is None or hk == ik:
                continue
            if (
                HANGUL.search(item)
                and HANGUL.search(chosen[1])
                and not _names_alike(chosen[1], item)
            ):
                continue
            pair = pairs[(hk, ik) if hk < ik else (ik, hk)]
            pair.docs.add(occ.doc_id)
            for k, form in ((hk, chosen[1]), (ik, item)):
                pair.surfaces.setdefault(k, Counter())[form] += 1
            if len(pair.evidence) < n_examples and all(e[0] != occ.doc_id for e in pair.evidence):
                pair.evidence.append((occ.doc_id, occ.text_idx, chosen[0], occ.close + 1))
    from extract.discovery.alias_checks import alias_verdict
    from extract.discovery.termhood import everyday_word

    cache: dict[str, bool] = {}

    def verdict(term_id: str, known_form: str, form: str) -> str:
        return alias_verdict(
            glossary[term_id], known_form, form, lambda f: everyday_word(f, tagger.kiwi, cache)
        )

    proposals = build_proposals(
        pairs,
        known,
        texts,
        glossary,
        min_support,
        min_alias_support,
        max_partners,
        n_examples,
        verdict,
    )
    if isinstance(docs, Sequence) and not isinstance(docs, str):
        proposals = _drop_common(proposals, docs, fields, max_share)
    return proposals


def _drop_common(
    proposals: tuple[AliasProposal, ...],
    docs: Sequence[Document | str],
    fields: str | Sequence[str] | None,
    max_share: float,
) -> tuple[AliasProposal, ...]:
    """``proposals`` without alias forms found in more than ``max_share`` of ``docs``."""
    import dataclasses

    forms = sorted({f for p in proposals if p.kind == "alias" for f in p.aliases})
    if not forms or not docs:
        return proposals
    df: Counter[str] = Counter()
    seen: set[str] = set()
    last = -1
    for pos, _doc_id, _field, text in iter_texts(docs, fields):
        if pos != last:
            df.update(seen)
            seen, last = set(), pos
        seen.update(f for f in forms if f in text)
    df.update(seen)
    limit = max_share * len(docs)
    out = []
    for p in proposals:
        if p.kind == "alias":
            # Its own parentheses do not count against a form (on a small corpus they
            # alone may be more than the share).
            kept = tuple(f for f in p.aliases if df[f] <= max(limit, p.support))
            if not kept:
                continue
            p = dataclasses.replace(p, aliases=kept)
        out.append(p)
    return tuple(out)
