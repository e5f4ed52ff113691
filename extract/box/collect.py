"""Counting a term's mentions, documents and candidate examples over documents.

Shared by :func:`extract.build_box` and the coverage around an article
(:mod:`extract.box.context`).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any

from corpus import Document, split_sentences
from corpus.korean import is_hangul
from extract.box.examples import (
    _CONNECTIVE,
    NO_SUBJECT,
    POINTS_BACK,
    example_score,
    is_caption,
    lead_marker,
    names,
    needs_context,
)
from extract.box.model import BoxEntry, Example
from extract.engine.tagger import Mention, Tagger
from glossary import Glossary

__all__: list[str] = []  # helpers of extract.box.build and extract.box.context


_KEY_STRIP = re.compile(r"[\s\W_]+")


class _TermStats:
    """What one term gathered while tagging (in one date bucket, for a trending box)."""

    __slots__ = ("best", "documents", "last_doc", "lead", "mentions", "seen")

    def __init__(self) -> None:
        self.mentions = 0
        self.documents = 0
        self.last_doc: str | None = None
        self.seen: dict[str, bool] = {}  # sentence key -> usable as an example
        self.best: list[Example] = []
        self.lead = 0.0  # sum over documents of how early the term first appears

    @property
    def good(self) -> int:
        """Distinct usable example sentences (the N of "k / N")."""
        return sum(self.seen.values())


def _merged(
    parts: Iterable[_TermStats], max_examples: int, *, in_order: bool = False
) -> _TermStats:
    """One :class:`_TermStats` for several buckets: the dates of a window (examples best
    first), or with ``in_order`` an article and its coverage (each part's examples
    before the next part's)."""
    out = _TermStats()
    best: dict[str, Example] = {}
    for st in parts:
        out.mentions += st.mentions
        out.documents += st.documents
        out.lead += st.lead
        for key, usable in st.seen.items():
            out.seen[key] = out.seen.get(key, False) or usable
        # A sentence reprinted on two dates (a wire story) is one example.
        for ex in sorted(st.best, key=_order_key):
            best.setdefault(_sentence_key(ex.sentence), ex)
    out.best = list(best.values())
    if not in_order:
        out.best.sort(key=_order_key)
    del out.best[max_examples:]
    return out


class _Collected:
    """Per-term statistics of tagged documents, by date when ``by_date`` (else under
    ``None``), with the documents' dates and, if asked, each document's term ids."""

    __slots__ = ("date_from", "date_to", "doc_dates", "doc_terms", "n_docs", "stats")

    def __init__(self) -> None:
        self.stats: dict[str, dict[_dt.date | None, _TermStats]] = {}
        self.doc_dates: dict[_dt.date | None, int] = {}
        self.doc_terms: list[tuple[str, _dt.date | None, frozenset[str]]] = []
        self.n_docs = 0
        self.date_from: _dt.date | None = None
        self.date_to: _dt.date | None = None


def _wanted(
    g: Glossary,
    terms: Iterable[str] | None,
    categories: Iterable[str] | None,
    basic: bool,
    *,
    never: Iterable[str] = (),
) -> Callable[[str], bool]:
    """Whether a term id passes ``terms``, ``categories``, ``basic`` and the house list
    ``never`` (see build_box)."""
    never = frozenset(never)
    keep_ids = set(terms) if terms is not None else None
    keep_cats = set(categories) if categories is not None else None
    verdicts: dict[str, bool] = {}

    def wanted(term_id: str) -> bool:
        ok = verdicts.get(term_id)
        if ok is None:
            term = g[term_id]
            ok = verdicts[term_id] = (
                term_id not in never
                and (keep_ids is None or term_id in keep_ids)
                and (keep_cats is None or term.category in keep_cats)
                and (not term.basic or basic or keep_ids is not None)
            )
        return ok

    return wanted


def _collect(
    docs: Iterable[Document],
    tagger: Tagger,
    *,
    fields: str | Sequence[str] | None,
    wanted: Callable[[str], bool],
    max_examples: int,
    by_date: bool = False,
    examples_for: Callable[[_dt.date | None], bool] | None = None,
    doc_terms: bool = False,
) -> _Collected:
    """Tag ``docs`` once, counting mentions and documents and keeping the best examples
    of every wanted term; documents whose date fails ``examples_for`` are only counted."""
    out = _Collected()
    g = tagger.glossary
    for doc in docs:
        out.n_docs += 1
        out.doc_dates[doc.date] = out.doc_dates.get(doc.date, 0) + 1
        if doc.date is not None:
            out.date_from = doc.date if out.date_from is None else min(out.date_from, doc.date)
            out.date_to = doc.date if out.date_to is None else max(out.date_to, doc.date)
        bucket = doc.date if by_date else None
        quote = examples_for is None or examples_for(doc.date)
        seen_here: set[str] = set()
        lead: dict[str, float] = {}
        tagged = [
            (name, text, tagger.tag(text, doc_id=doc.id, field=name))
            for name, text in doc.texts(fields)
        ]
        for name, text, mentions in _spelled_out(tagged):
            # The terms of each sentence score its examples; unneeded when none are kept.
            in_sentence: dict[tuple[int, int], set[str]] = {}
            if quote:
                for m in mentions:
                    in_sentence.setdefault((m.sent_start, m.sent_end), set()).add(m.term_id)
            for m in mentions:
                if not wanted(m.term_id):
                    continue
                buckets = out.stats.get(m.term_id)
                if buckets is None:
                    buckets = out.stats[m.term_id] = {}
                st = buckets.get(bucket)
                if st is None:
                    st = buckets[bucket] = _TermStats()
                st.mentions += 1
                # A headline names what the story is about; in a text, earlier is more central.
                early = 1.0 if name == "title" else 1.0 - m.start / max(len(text), 1)
                if early > lead.get(m.term_id, -1.0):
                    lead[m.term_id] = early
                if st.last_doc != doc.id:
                    st.documents += 1
                    st.last_doc = doc.id
                    seen_here.add(m.term_id)
                if not quote:
                    continue
                _add_example(
                    st,
                    text,
                    (m.start, m.end, m.sent_start, m.sent_end),
                    in_sentence[(m.sent_start, m.sent_end)],
                    g[m.term_id],
                    g,
                    doc,
                    name,
                )
                if len(st.best) >= 4 * max_examples:
                    st.best = sorted(st.best, key=_order_key)[:max_examples]
        for term_id, early in lead.items():
            out.stats[term_id][bucket].lead += early
        if doc_terms:
            out.doc_terms.append((doc.id, doc.date, frozenset(seen_here)))
    return out


def _spelled_out(
    tagged: Sequence[tuple[str, str, list[Mention]]],
) -> list[tuple[str, str, list[Mention]]]:
    """A document's mentions (``(field, text, mentions)`` per field), with a Latin name
    the document spells out in Korean linked to the Korean mention's term.

    The writer spells a name out in brackets ("긴급행동지침(SOP)", "조류인플루엔자(AI)",
    "원료의약품(API: …)": :func:`_spellings`), so the bracket names what the words before
    it name, and so does the same name written alone in the rest of the document (one
    sense per document): the box explains it once, under the Korean name. Left alone, it
    is a second entry for the same concept (MOU beside 업무협약, Capex beside 설비투자)
    or, as short Latin names often are, another concept's name (AI after 조류인플루엔자 is
    avian influenza, PPP after 구매력 평가 purchasing power parity, IR after 복합리조트 an
    integrated resort: 5 of 51 such brackets of another term in 20,000 real news records).
    A name spelled out two ways in one document (조류인플루엔자(AI), 인공지능(AI)) is left
    as the tagger linked it outside its brackets.

    Examples
    --------
    >>> from extract.engine import Tagger
    >>> from glossary import Glossary, Term
    >>> g = Glossary([Term(id="flu", term="조류인플루엔자"), Term(id="ai", term="인공지능", aliases=("AI",))])
    >>> text = "조류인플루엔자(AI)가 번졌다. AI 확산을 막는다."
    >>> [(m.surface, m.term_id) for m in _spelled_out([("body", text, Tagger(g).tag(text))])[0][2]]
    [('조류인플루엔자', 'flu'), ('AI', 'flu'), ('AI', 'flu')]
    """
    local: dict[tuple[int, int], str] = {}
    senses: dict[str, set[str]] = {}
    for f, (_, text, mentions) in enumerate(tagged):
        for i, term_id in _spellings(text, mentions):
            local[f, i] = term_id
            senses.setdefault(mentions[i].surface, set()).add(term_id)
    if not senses:
        return list(tagged)
    bound = {surface: ids.pop() for surface, ids in senses.items() if len(ids) == 1}
    out = []
    for f, (name, text, mentions) in enumerate(tagged):
        relinked = []
        for i, m in enumerate(mentions):
            term_id = local.get((f, i)) or bound.get(m.surface, m.term_id)
            relinked.append(m if term_id == m.term_id else replace(m, term_id=term_id))
        out.append((name, text, relinked))
    return out


def _spellings(text: str, mentions: Sequence[Mention]) -> list[tuple[int, str]]:
    """``(index, term id)`` of each mention that is a Latin name opening a bracket right
    after a Korean mention (긴급행동지침(SOP), 원료의약품(API: …)), with that mention's
    term. The Korean mention must start its word: in 역환매조건부채권(RRP) the bracket
    spells out the whole word, not the 채권 in it."""
    out = []
    for i in range(1, len(mentions)):
        before, m = mentions[i - 1], mentions[i]
        if (
            text[before.end : m.start] in ("(", " (")
            and text.startswith((")", ":", ",", ";"), m.end)
            and (before.start == 0 or not text[before.start - 1].isalnum())
            and m.surface.isascii()
            and any(is_hangul(ch) for ch in before.surface)
        ):
            out.append((i, before.term_id))
    return out


def _add_example(
    st: _TermStats,
    text: str,
    span: tuple[int, int, int, int],
    in_sentence: set[str],
    term: Any,
    g: Glossary,
    doc: Document,
    field: str,
) -> None:
    """Score the sentence ``text[sent_start:sent_end]`` of a mention ``span`` (start, end,
    sent_start, sent_end) of ``term`` as an example and keep it in ``st`` if usable; once
    per distinct sentence. ``in_sentence``: the ids of every term mentioned in it."""
    start, end, first, last = span
    cut = lead_marker(text[first:last])
    if start - first < cut:
        return  # in a label, caption or dateline before the sentence: not quoted from there
    sentence = text[first + cut : last]
    key = _sentence_key(sentence)
    if key in st.seen:
        return
    # Other specialised terms in the sentence tell a reader what the term is about.
    others = {t for t in in_sentence - {term.id} if t in g and not g[t].basic}
    start, end = start - first - cut, end - first - cut
    score = example_score(
        sentence,
        field=field,
        start=start,
        end=end,
        others=len(others),
        related=bool(others.intersection(term.related)),
    )
    if is_caption(text[last : last + 120]):
        score = 0.0  # a photo's caption, its credit after it
    st.seen[key] = score > 0
    if score > 0:
        before = _sentence_before(text, first, cut)
        st.best.append(
            Example(sentence, start, end, doc.id, field, doc.date, doc.source, score, before)
        )


#: The longest two-sentence quote: a sentence that needs the one before it is quoted with
#: it when both together stay this short (see :func:`_paired`).
PAIR_LIMIT = 200
# The end of the sentence before and what joins it to the quote (a space, a connective).
_JOINED = re.compile(r"(.*[.!?。][\"'”’)\]」』]*)(\s+[^.!?。]*)", re.DOTALL)


def _sentence_before(text: str, first: int, cut: int) -> str:
    """The sentence before ``text[first:]`` in its paragraph and what joins them (up to
    ``first + cut``: a connective the quote leaves out is put back), without its own
    lead marker; ``""`` when there is none, it is long, or the quote was cut from a label
    or a caption rather than a connective."""
    if cut and not ((m := _CONNECTIVE.match(text, first)) is not None and m.end() == first + cut):
        return ""
    line = text.rfind("\n", 0, first) + 1
    lo = max(line, first - PAIR_LIMIT)
    spans = split_sentences(text[lo:first])
    if not spans or (lo > line and spans[-1].start == 0):
        return ""  # no sentence before on the line, or it starts before the window
    s, e = spans[-1]
    if text[lo + e : first].strip():
        return ""
    s += lead_marker(text[lo + s : lo + e])
    return text[lo + s : first + cut]


def _paired(ex: Example) -> Example | None:
    """``ex`` quoted with the sentence before it, when ``ex`` needs it (its subject or
    referent is named only there) and that sentence stands alone and is printable, and
    both fit in :data:`PAIR_LIMIT` characters; else ``None``.

    An editor would rather print two short sentences that read on their own than none:
    "한빛전자는 새 공장을 지었다. 이 회사는 올해 자본 지출을 40% 늘렸다." A note with no
    predicate stays out (the sentence before does not finish it), and so does a sentence
    before that names no one and nothing ("상황이 바뀌었다."): it cannot say whom the quote
    is about."""
    m = _JOINED.fullmatch(ex.before) if ex.before and not ex.lead else None
    if m is None or len(ex.before) + len(ex.sentence) > PAIR_LIMIT:
        return None
    prev = m.group(1)
    if needs_context(ex.sentence) not in (POINTS_BACK, NO_SUBJECT):
        return None
    if example_score(prev) <= 0 or needs_context(prev) is not None or not names(prev):
        return None
    n = len(ex.before)
    return replace(
        ex, sentence=ex.before + ex.sentence, start=ex.start + n, end=ex.end + n, before="", lead=n
    )


def _frequency_key(kv: tuple[str, _TermStats]) -> tuple[int, int, str]:
    # Documents and mentions both count: a term one article repeats does not outrank a term
    # in many articles, and a focused topic (many mentions in a few articles) is not buried
    # under umbrella terms that every article touches once.
    return (-(kv[1].documents + kv[1].mentions), -kv[1].documents, kv[0])


def _entry(
    term: Any,
    st: _TermStats,
    *,
    max_examples: int,
    baseline_documents: int | None = None,
    trend: float | None = None,
    rise_totals: tuple[int, int] | None = None,
    score: float | None = None,
) -> BoxEntry:
    """The box entry of ``term``; which example it shows is settled for the whole box by
    :func:`_with_examples`."""
    return BoxEntry(
        term_id=term.id,
        term=term.term,
        synonyms=term.synonyms,
        definition=term.definition,
        category=term.category,
        mentions=st.mentions,
        documents=st.documents,
        examples=tuple(st.best[:max_examples]),
        n_examples=st.good,
        baseline_documents=baseline_documents,
        trend=trend,
        rise_totals=rise_totals,
        score=score,
    )


def _order_key(ex: Example) -> tuple:
    # Best first: higher score, then more recent, then a stable position.
    return (-ex.score, -(ex.date.toordinal() if ex.date else 0), ex.doc_id, ex.field, ex.start)


def _sentence_key(sentence: str) -> str:
    # The same sentence in two articles (a wire story reprinted) is still the same quote.
    return _KEY_STRIP.sub("", sentence)


def _pick(examples: Sequence[tuple[Example, ...]], first: Sequence[int]) -> list[int | None]:
    """For each entry, the index of the example to show, so that no two entries of a box
    quote one sentence; ``None`` for an entry whose every sentence another entry needs.

    Entries choose in rank order, each taking example ``first[i]`` if free, else the next
    free one (then the best free one before it). An entry left with no free sentence
    takes one from an entry ranked above it that can move to another sentence of its
    own (an augmenting path, as in bipartite matching), so as many entries as possible
    show an example and a term keeps its best sentence unless another would show none.

    Examples
    --------
    >>> a, b = (Example("A 문장.", 0, 1, "d", "body"),), (Example("B 문장.", 0, 1, "d", "body"),)
    >>> _pick([a + b, a], [0, 0])
    [1, 0]
    >>> _pick([a, a], [0, 0])
    [0, None]
    """
    prefs = []
    for exs, want in zip(examples, first, strict=True):
        start = min(want, len(exs) - 1) if exs else 0
        order = [*range(start, len(exs)), *range(start)]
        prefs.append([(j, _sentence_key(exs[j].sentence)) for j in order])
    owner: dict[str, int] = {}  # sentence key -> entry showing it
    out: list[int | None] = [None] * len(examples)

    def seat(i: int, visited: set[str]) -> bool:
        for j, key in prefs[i]:
            if key not in owner:
                owner[key], out[i] = i, j
                return True
        for j, key in prefs[i]:
            if key not in visited:
                visited.add(key)
                if seat(owner[key], visited):
                    owner[key], out[i] = i, j
                    return True
        return False

    for i in range(len(examples)):
        seat(i, set())
    return out


#: How many of an entry's best examples are read for whether they stand alone; an entry
#: whose best ones all lean on an earlier sentence shows none (the editor's page still
#: offers every sentence of the input).
STANDALONE_CHECKED = 12


def _standing_alone(examples: Sequence[Example]) -> tuple[Example, ...]:
    """The examples among the best :data:`STANDALONE_CHECKED` of ``examples`` (in order of
    preference) that stand alone (see :func:`~extract.box.examples.needs_context`), then
    those that need the sentence before them quoted with it (:func:`_paired`).

    A quote that needs the sentence before it ("이 회사는 …", "…고 밝혔다" with no
    speaker) cannot be printed under a term, so a box shows no example rather than one:
    on the judged articles of ``bench/box_quality.py`` showing them as a last resort left
    17% of shown examples unusable, leaving them out 7%; with the rules of
    :func:`~extract.box.examples.needs_context` as they stand and the two-sentence
    quotes, 3.5% (5 of 141 at 7,103 concepts).
    """
    head = examples[:STANDALONE_CHECKED]
    alone = [ex for ex in head if _stands_alone(ex)]
    pairs = [p for ex in head if ex not in alone and (p := _paired(ex)) is not None]
    return (*alone, *pairs)


def _stands_alone(ex: Example) -> bool:
    """Whether ``ex`` can be printed on its own: the sentence stands alone and, when a long
    one is quoted from a later clause ("…"), so does the part shown, which has lost the
    sentence's opening (its subject, or the opening of a quotation: "…할 것”이라며")."""
    if needs_context(ex.sentence) is not None:
        return False
    shown = ex.snippet()[0]
    if not shown.startswith("…"):
        return True
    part = shown.strip("…")
    if part.count("”") > part.count("“") or part.count('"') % 2:
        return False  # it opens inside a quotation whose speaker was cut off
    return needs_context(part) is None


def _with_examples(entries: Sequence[BoxEntry], first: Sequence[int]) -> list[BoxEntry]:
    """``entries`` each showing the example :func:`_pick` gives it (none, when every one
    of its sentences is quoted for another entry, or none stands alone)."""
    entries = [replace(e, examples=_standing_alone(e.examples)) for e in entries]
    chosen = _pick([e.examples for e in entries], first)
    chosen = _unshared_pairs([e.examples for e in entries], chosen)
    return [
        replace(e, chosen=k) if k is not None else replace(e, examples=(), chosen=0)
        for e, k in zip(entries, chosen, strict=True)
    ]


def _keys(ex: Example) -> tuple[str, ...]:
    # The sentences a quote holds: two for a two-sentence quote.
    if ex.lead:
        return _sentence_key(ex.sentence[: ex.lead]), _sentence_key(ex.sentence[ex.lead :])
    return (_sentence_key(ex.sentence),)


def _unshared_pairs(
    examples: Sequence[tuple[Example, ...]], chosen: list[int | None]
) -> list[int | None]:
    """``chosen`` with no sentence in two quotes of a box: :func:`_pick` keeps a quote's
    own sentence apart; a two-sentence quote whose first sentence another entry quotes
    moves to its next quote that shares none (none if it has none)."""
    out = list(chosen)
    for i, k in enumerate(out):
        if k is None or not examples[i][k].lead:
            continue
        used = {
            key
            for o, j in enumerate(out)
            if o != i and j is not None
            for key in _keys(examples[o][j])
        }
        free = [j for j in range(len(examples[i])) if used.isdisjoint(_keys(examples[i][j]))]
        out[i] = min(free, key=lambda j: (j < k, j)) if free else None
    return out
