"""The tagger: glossary mentions with offsets into the original text."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from corpus import Document, NormalizedText, glued_breaks, line_starts
from corpus.korean import INDUSTRY_HEADS, ORGANISATION_HEADS, is_hangul
from extract.engine.analyzer import get_kiwi, user_words
from extract.engine.matcher import (
    ACCEPT,
    AMBIGUOUS,
    CACHE_MIN_TERMS,
    REJECT,
    Candidate,
    TermMatcher,
    leftmost_longest,
    suffixed_phrase,
    whole_leftmost_longest,
    whole_words,
)
from extract.engine.textspans import quick_normalize, sentence_around, sentence_bounds
from extract.engine.wordcheck import WordCheck, after_name, ends_only, is_guessed_noun
from glossary import Glossary
from glossary._cache import source_key

__all__ = ["MENTION_COLUMNS", "MODES", "Mention", "Tagger", "checked_options"]

MODES = ("fast", "full")


@dataclass(frozen=True, slots=True)
class Mention:
    """One glossary mention.

    Attributes
    ----------
    doc_id : str
        Id of the document.
    field : str
        Field of the document the mention is in (``title``, ``body``, ``text``...).
    term_id : str
        Id of the glossary entry.
    surface : str
        The text as written, ``original[start:end]``.
    start, end : int
        Character offsets into the original field text (as given, before any
        normalization).
    sent_start, sent_end : int
        Offsets of the sentence that holds the mention, in the same text (a line break
        always ends a sentence).
    """

    doc_id: str
    field: str
    term_id: str
    surface: str
    start: int
    end: int
    sent_start: int
    sent_end: int

    def to_dict(self) -> dict[str, Any]:
        # Spelled out: dataclasses.asdict deep-copies and is ~10x slower (batch output
        # calls this for every mention).
        return {
            "doc_id": self.doc_id,
            "field": self.field,
            "term_id": self.term_id,
            "surface": self.surface,
            "start": self.start,
            "end": self.end,
            "sent_start": self.sent_start,
            "sent_end": self.sent_end,
        }


#: Column names of a mention table, in order (the fields of :class:`Mention`).
MENTION_COLUMNS: tuple[str, ...] = tuple(Mention.__dataclass_fields__)


def checked_options(glossary: Glossary | None, mode: str) -> Glossary:
    """``glossary`` (``None``: :func:`glossary.default`) after checking it and ``mode``,
    for everything that builds taggers (here, in worker processes, on Dask)."""
    if mode not in MODES:
        raise ValueError(f"`mode` should be one of {MODES}, but got {mode!r}")
    if glossary is None:
        from glossary import default

        glossary = default()
    if not isinstance(glossary, Glossary):
        raise TypeError(f"`glossary` should be a glossary.Glossary, got {type(glossary).__name__}")
    return glossary


class Tagger:
    """Link glossary terms in Korean text, morphology-aware.

    Parameters
    ----------
    glossary : Glossary, optional
        Defaults to the bundled :func:`glossary.default`.
    mode : {"fast", "full"}
        ``"fast"`` (default) settles clear cases by their boundaries and runs
        kiwipiepy only on the words around ambiguous ones (cached); ``"full"``
        analyses every text with kiwipiepy and also takes its sentence boundaries.
        Both drop a mention whose sentence a term's ``context`` cue turns down (see
        :class:`glossary.Context`).

    Examples
    --------
    >>> from glossary import Glossary, Term
    >>> g = Glossary([Term(id="hyperscaler", term="하이퍼스케일러")])
    >>> [(m.surface, m.start, m.end) for m in Tagger(g).tag("하이퍼스케일러들은 투자를 늘렸다.")]
    [('하이퍼스케일러', 0, 7)]
    """

    def __init__(
        self, glossary: Glossary | None = None, *, mode: Literal["fast", "full"] = "fast"
    ) -> None:
        glossary = checked_options(glossary, mode)
        self.glossary = glossary
        self.mode = mode
        self._matcher = TermMatcher(glossary)
        self._words = user_words(glossary)
        self._kiwi: Any = None  # the view of get_kiwi, asked for once (hashing the words is slow)
        self._check = WordCheck(lambda: self.kiwi, store=_store_key(glossary, self._words))
        # Terms whose sense their sentence tells (glossary.Context), by id.
        self._cued = {t.id: t.context for t in glossary if t.context is not None}
        # (words, offset) -> whether the syllable before the offset is a particle there
        self._particle_ends: dict[tuple[str, int], bool] = {}

    def __repr__(self) -> str:
        return f"Tagger(glossary={self.glossary!r}, mode={self.mode!r})"

    def __getstate__(self) -> dict[str, Any]:
        # Kiwi lives in a per-process registry, so only picklable parts travel.
        return {"glossary": self.glossary, "mode": self.mode}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["glossary"], mode=state["mode"])  # type: ignore[misc]

    @property
    def kiwi(self) -> Any:
        """This process's kiwipiepy ``Kiwi``, taught the glossary's words."""
        if self._kiwi is None:
            self._kiwi = get_kiwi(self._words)
        return self._kiwi

    def tag(self, text: str, *, doc_id: str = "", field: str = "text") -> list[Mention]:
        """Return the mentions in ``text``, in order.

        Parameters
        ----------
        text : str
        doc_id, field : str
            Copied into each :class:`Mention`.
        """
        if not isinstance(text, str):
            raise TypeError(f"`text` should be a str, got {type(text).__name__}")
        nt, norm = quick_normalize(text)
        cands = self._matcher.candidates(nt)
        if not cands:
            return []
        if self.mode == "full":
            accepted, sents = self._settle_full(nt, cands)
            # Kiwi runs on sentences glued without a space ("풀이된다.SK하이닉스가"): cut
            # them where the rule splitter does, so both modes quote the same sentence.
            cuts = sorted({*_line_cuts(text, nt, norm), *glued_breaks(nt)})
            sents = _split_lines(nt, sents, cuts)
            spans = _spans_from(leftmost_longest(whole_words(nt, accepted)), sents)
        else:
            ok = self._accept_in(nt)
            chosen = whole_leftmost_longest(nt, cands, ok)
            spans = _spans_around(nt, chosen, _line_cuts(text, nt, norm) if chosen else [])
        out = []
        for (start, end, term_id), (ss, se) in spans:
            cue = self._cued.get(term_id)
            if cue is not None and not cue.allows(nt[start:end], nt[ss:se]):
                continue  # the sentence says the word is used in another sense
            if norm is not None:
                ss, se = norm.span_to_original(ss, se)
                start, end = norm.span_to_original(start, end)
            out.append(Mention(doc_id, field, term_id, text[start:end], start, end, ss, se))
        return out

    def tag_document(
        self, doc: Document, *, fields: str | Sequence[str] | None = None
    ) -> list[Mention]:
        """Tag every text field of ``doc`` (see :meth:`corpus.Document.texts`)."""
        out: list[Mention] = []
        for name, text in doc.texts(fields):
            out.extend(self.tag(text, doc_id=doc.id, field=name))
        return out

    def tag_documents(
        self, docs: Iterable[Document], *, fields: str | Sequence[str] | None = None
    ) -> Iterator[Mention]:
        """Tag documents one after another, yielding their mentions."""
        for doc in docs:
            yield from self.tag_document(doc, fields=fields)

    def _settle_full(
        self, nt: str, cands: list[Candidate]
    ) -> tuple[list[Candidate], list[tuple[int, int]]]:
        starts: set[int] = set()
        ends: set[int] = set()
        guessed: list[tuple[int, int]] = []
        particles: set[int] = set()  # starts of one-syllable particles
        proper: dict[int, int] = {}  # end -> start of proper nouns
        unknown: dict[int, int] = {}  # end -> start of nouns kiwipiepy guesses
        spaced_unknown: dict[int, int] = {}  # the same, keyed by the end + 1 (a space)
        sents = []
        for sent in self.kiwi.split_into_sents(nt, return_tokens=True):
            sents.append((sent.start, sent.end))
            for tok in sent.tokens:
                # A hashtag is one token to kiwipiepy (#적금); its word starts after '#',
                # as the fast path reads it.
                # A particle, ending or copula starts no term (see ends_only).
                if not ends_only(tok.tag):
                    starts.add(tok.start + 1 if tok.tag == "W_HASHTAG" else tok.start)
                ends.add(tok.start + tok.len)
                if tok.tag[0] == "J" and tok.len == 1:
                    particles.add(tok.start)
                if is_guessed_noun(tok):
                    guessed.append((tok.start, tok.start + tok.len))
                    # an unknown word before a kind of organisation names one, as a
                    # proper noun does (티에토주식회사; see after_name)
                    unknown[tok.start + tok.len] = tok.start
                    spaced_unknown[tok.start + tok.len + 1] = tok.start
                elif tok.tag == "NNP":
                    proper[tok.start + tok.len] = tok.start
                    if tok.oov:  # a name kiwipiepy guesses (바스웨어 주식회사)
                        spaced_unknown[tok.start + tok.len + 1] = tok.start
        ok = [
            c
            for c in cands
            if c.verdict != REJECT
            # 판매가 급증: 판매 and the subject particle, not the price (판매가)
            and not (_may_end_in_particle(nt, c.start, c.end) and c.end - 1 in particles)
            and not (c.start in proper and after_name(nt, proper[c.start], c.start, c.end))
            and not (
                c.start in unknown
                and after_name(nt, unknown[c.start], c.start, c.end, guessed=True)
            )
            # 노르데아 은행: a word kiwipiepy guesses, a space, a kind of organisation
            and not (
                c.start in spaced_unknown
                and nt[c.start - 1] == " "
                and after_name(nt, spaced_unknown[c.start], c.start, c.end, spaced=True)
            )
            and (
                (c.start in starts and c.end in ends)
                # 금리 인하 기대감: a multi-word term whose last noun a suffix glues onto
                or (c.start in starts and suffixed_phrase(nt, c.start, c.end))
                # 건설업체: the matcher accepts 건설 before 업체 where 건설업 is a form too
                # (kiwipiepy knows 건설업체 as one noun)
                or (c.verdict == ACCEPT and c.start in starts and nt.startswith("업체", c.end))
                # inside a noun kiwipiepy guessed: the compound rule of the fast path
                or (
                    any(gs <= c.start and c.end <= ge for gs, ge in guessed)
                    and self._check.compound(nt, c.start, c.end)
                )
            )
        ]
        return ok, sents

    def _accept_in(self, nt: str) -> Callable[[Candidate], bool]:
        return lambda c: self._accept(nt, c)

    def _accept(self, nt: str, c: Candidate) -> bool:
        if (
            c.verdict != REJECT
            and c.start > 1
            and nt[c.start - 1] == " "
            and is_hangul(nt[c.start - 2])
            and nt[c.start : c.end] in _SPACED_NAME_HEADS
            and self._check.in_spaced_name(nt, c.start, c.end)
        ):
            # 단스케 은행, 노키안 타이어: kiwipiepy knows the two words as one name (--full
            # reads it so)
            return False
        # AMBIGUOUS: kiwipiepy on the words around it (cached)
        ok = self._check(nt, c.start, c.end) if c.verdict == AMBIGUOUS else c.verdict == ACCEPT
        if ok and _may_end_in_particle(nt, c.start, c.end):
            return not self._ends_in_particle(nt, c.start, c.end)
        return ok

    def _ends_in_particle(self, nt: str, start: int, end: int) -> bool:
        """Whether kiwipiepy reads the last syllable of the hit as a particle in the
        hit's word and the words on either side (신규 공모가 시작됐다: 공모 + 가), as
        --full reads it: without the word before, it reads 공모가 there as the price."""
        lo = nt.rfind(" ", 0, max(0, nt.rfind(" ", 0, start) - 1)) + 1
        hi = nt.find(" ", end + 1)
        stretch = nt[lo : len(nt) if hi < 0 else hi]
        key = (stretch, end - lo)
        found = self._particle_ends.get(key)
        if found is None:
            if len(self._particle_ends) >= 65536:
                self._particle_ends.clear()
            found = self._particle_ends[key] = any(
                t.tag[0] == "J" and t.start == end - lo - 1 and t.len == 1
                for t in self.kiwi.tokenize(stretch)
            )
        return found


#: Kinds of organisation and industries that end a foreign company's name after a space
#: (단스케 은행, 노키안 타이어), when kiwipiepy knows the two words as one proper noun. A
#: word it does not know before an industry is no sign of a name: in 3,000 real news
#: records per file, 지상국 건설, 도시철도 모빌리티 and 뉴모로픽 반도체 were as many as
#: 네스테 석유 and 라우타루키 건설.
_SPACED_NAME_HEADS = ORGANISATION_HEADS | INDUSTRY_HEADS

#: One-syllable subject particles that also end terms (판매가, 공모가: a price).
_SUBJECT_PARTICLES = frozenset("가이")


def _may_end_in_particle(nt: str, start: int, end: int) -> bool:
    """Whether a hit of three or more syllables ends its word in a syllable that may be
    a subject particle after the noun before it (판매가 급증 is 판매 + 가, 판매가 대비 the
    price): kiwipiepy tells which from the words around it."""
    return (
        end - start >= 3
        and nt[end - 1] in _SUBJECT_PARTICLES
        and (end == len(nt) or not is_hangul(nt[end]))
        and is_hangul(nt[end - 2])
    )


def _store_key(glossary: Glossary, words: tuple[str, ...]) -> list[str | bytes] | None:
    """What kiwipiepy's readings depend on, to keep them on disk between runs (large
    glossaries only: a small one is a test or a demo, not worth a file)."""
    if len(glossary) < CACHE_MIN_TERMS:
        return None
    from importlib.metadata import PackageNotFoundError, version

    try:
        kiwi_version = version("kiwipiepy")
    except PackageNotFoundError:
        return None
    modules = ("extract.engine.analyzer", "extract.engine.wordcheck")
    return [kiwi_version, "\n".join(words), source_key(*modules)]


_Span = tuple[tuple[int, int, str], tuple[int, int]]


def _spans_from(chosen: list[Candidate], sents: Sequence[tuple[int, int]]) -> list[_Span]:
    """Each candidate with the sentence of ``sents`` holding it (or itself if none does)."""
    starts = [s for s, _ in sents]
    out = []
    for c in chosen:
        i = bisect.bisect_right(starts, c.start) - 1
        sent = sents[i] if i >= 0 and sents[i][1] >= c.end else (c.start, c.end)
        out.append(((c.start, c.end, c.term_id), sent))
    return out


def _line_cuts(text: str, nt: str, norm: NormalizedText | None) -> list[int]:
    """Where lines of ``text`` start, as offsets into its normalized form ``nt``.

    Normalizing turns line breaks into spaces, but a line break always ends a sentence
    (a headline, a photo credit such as "GS25 제공", a paragraph), so mentions must not
    take the line before or after them into their sentence.
    """
    if norm is None:  # offsets are the same in both, and \n and \r the only line breaks
        return line_starts(text) if "\n" in text or "\r" in text else []
    starts = line_starts(text)
    if not starts:
        return starts
    # to_original never decreases: search it rather than map every offset of the text.
    offsets = range(len(nt) + 1)
    return sorted({bisect.bisect_left(offsets, p, key=norm.to_original) for p in starts})


def _split_lines(nt: str, sents: list[tuple[int, int]], cuts: list[int]) -> list[tuple[int, int]]:
    """``sents`` cut at ``cuts`` as well, without the spaces at the ends of each piece."""
    if not cuts:
        return sents
    out = []
    for start, end in sents:
        inner = cuts[bisect.bisect_right(cuts, start) : bisect.bisect_left(cuts, end)]
        for s, e in zip([start, *inner], [*inner, end], strict=True):
            while s < e and nt[s] == " ":
                s += 1
            while e > s and nt[e - 1] == " ":
                e -= 1
            if s < e:
                out.append((s, e))
    return out


def _spans_around(nt: str, chosen: list[Candidate], cuts: list[int]) -> list[_Span]:
    """Like :func:`_spans_from` with the rule splitter's sentences (see ``_fasttext``),
    also cut where lines start (``cuts``)."""
    bounds = sentence_bounds(nt) if chosen else []
    out = []
    for c in chosen:
        sent = sentence_around(nt, c.start, c.end, bounds, cuts) or (c.start, c.end)
        out.append(((c.start, c.end, c.term_id), sent))
    return out
