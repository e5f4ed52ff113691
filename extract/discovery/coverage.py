"""How well a glossary covers a corpus, and what it is missing."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from corpus import Document, split_sentences
from extract.box.examples import is_boilerplate
from extract.discovery.phrases import noun_phrases
from extract.engine.analyzer import get_kiwi
from extract.engine.tagger import Tagger

__all__ = ["CoverageReport", "coverage_report"]

_JUNK_PHRASE = re.compile(r"^[\d.,%]+$|^\d+(월|일|년|분기|시|분)$|^(월|화|수|목|금|토|일)요일$")


@dataclass(frozen=True, slots=True)
class CoverageReport:
    """What :func:`coverage_report` found.

    Attributes
    ----------
    documents : int
        Documents read.
    covered : int
        Documents with at least one mention.
    mentions : int
        Mentions found.
    top_terms : tuple of (str, int, int)
        ``(term_id, documents, mentions)``, most frequent first.
    unknown_phrases : tuple of (str, int)
        ``(phrase, documents)``: the most frequent noun phrases the glossary does not
        know, in the ``phrase_sample`` documents analysed for them.
    phrase_sample : int
        How many documents were analysed for unknown phrases.
    """

    documents: int
    covered: int
    mentions: int
    top_terms: tuple[tuple[str, int, int], ...]
    unknown_phrases: tuple[tuple[str, int], ...]
    phrase_sample: int

    @property
    def share(self) -> float:
        """Share of documents with at least one mention."""
        return self.covered / self.documents if self.documents else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "covered": self.covered,
            "share": round(self.share, 4),
            "mentions": self.mentions,
            "top_terms": [list(t) for t in self.top_terms],
            "unknown_phrases": [list(p) for p in self.unknown_phrases],
            "phrase_sample": self.phrase_sample,
        }


def coverage_report(
    docs: Iterable[Document],
    *,
    tagger: Tagger | None = None,
    fields: str | Sequence[str] | None = None,
    top: int = 20,
    phrase_sample: int = 2000,
    progress: Callable[[int], object] | None = None,
) -> CoverageReport:
    """Tag ``docs`` and report coverage and the most frequent unknown noun phrases.

    Parameters
    ----------
    docs : iterable of corpus.Document
    tagger : Tagger, optional
        Defaults to a fast tagger on the default glossary.
    fields : str or sequence of str, optional
        Text fields (default: ``text``, else ``title`` and ``body``).
    top : int
        How many terms and phrases to list.
    phrase_sample : int
        Unknown phrases need a full morphological analysis, so only the first
        ``phrase_sample`` documents are analysed for them (0: none).
    progress : callable, optional
        Called with 1 after each document.

    Examples
    --------
    >>> from corpus import Document
    >>> from glossary import Glossary, Term
    >>> t = Tagger(Glossary([Term(id="capex", term="자본 지출")]))
    >>> r = coverage_report([Document(id="1", text="자본 지출과 반도체 특별법")], tagger=t)
    >>> r.share, r.unknown_phrases
    (1.0, (('반도체 특별법', 1),))
    """
    if top < 1:
        raise ValueError(f"`top` should be >= 1, got {top!r}")
    tagger = tagger or Tagger()
    n_docs = covered = n_mentions = sampled = 0
    term_docs: Counter[str] = Counter()
    term_mentions: Counter[str] = Counter()
    phrases: Counter[str] = Counter()
    if phrase_sample > 0:
        get_kiwi(all_names=True)  # a multi-word name is one unit, not a phrase
    for doc in docs:
        n_docs += 1
        seen_terms: set[str] = set()
        seen_phrases: set[str] = set()
        analyse = sampled < phrase_sample
        for name, text in doc.texts(fields):
            mentions = tagger.tag(text, doc_id=doc.id, field=name)
            n_mentions += len(mentions)
            for m in mentions:
                term_mentions[m.term_id] += 1
                seen_terms.add(m.term_id)
            if analyse:
                known = [(m.start, m.end) for m in mentions]
                known += [(a, b) for a, b in split_sentences(text) if is_boilerplate(text[a:b])]
                for s, e in noun_phrases(tagger.kiwi.tokenize(text), text):
                    if any(s < ke and ks < e for ks, ke in known):
                        continue
                    phrase = " ".join(text[s:e].split())
                    # A lone short noun (시장, 규모, 업계) is everyday vocabulary, not a
                    # glossary candidate.
                    if (len(phrase) >= 3 or " " in phrase) and not _JUNK_PHRASE.match(phrase):
                        seen_phrases.add(phrase)
        sampled += analyse
        covered += bool(seen_terms)
        term_docs.update(seen_terms)
        phrases.update(seen_phrases)
        if progress is not None:
            progress(1)
    ranked = sorted(term_docs, key=lambda t: (-term_docs[t], -term_mentions[t], t))[:top]
    return CoverageReport(
        documents=n_docs,
        covered=covered,
        mentions=n_mentions,
        top_terms=tuple((t, term_docs[t], term_mentions[t]) for t in ranked),
        unknown_phrases=tuple(sorted(phrases.items(), key=lambda kv: (-kv[1], kv[0]))[:top]),
        phrase_sample=sampled,
    )
