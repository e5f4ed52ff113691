"""Records of term discovery and alias mining: evidence, candidates, alias proposals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["AliasProposal", "Evidence", "TermCandidate"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence (cut to about 160 characters) that shows a phrase in use.

    Attributes
    ----------
    doc_id : str
        Id of the document it comes from.
    sentence : str
        The sentence as written (whitespace collapsed), ``…`` where it was cut.
    """

    doc_id: str
    sentence: str

    def __str__(self) -> str:
        return f"[{self.doc_id}] {self.sentence}"


@dataclass(frozen=True, slots=True)
class TermCandidate:
    """A noun phrase the glossary does not know, found by :class:`TermDiscoverer`.

    Attributes
    ----------
    phrase : str
        The most frequent way the phrase is written (ties: the first in sort order).
    key : str
        Its :func:`glossary.form_key` (spacing ignored): what the counts are over.
    score : float
        The rank score in (0, 1]: weighted geometric mean of the percentile ranks of
        ``c_value``, ``head_terms``, ``tfidf``, ``df`` and the learned termhood among
        the candidates (see :class:`TermDiscoverer`).
    df : int
        Documents of the target corpus it occurs in.
    tf : int
        Occurrences in the target corpus.
    c_value : float
        C-value: ``log2(units + 1) * (tf - mean tf of the longer candidates that
        contain it)``, so a phrase seen mostly inside a longer one scores low, and a
        one-unit phrase scores its frequency (see :func:`~extract.discovery.termhood.c_values`).
    tfidf : float
        Mean TF-IDF over the documents it occurs in, with IDF from the target and the
        background together.
    head_terms : int
        Glossary terms that end in the same unit (지수 for 소비자물가지수).
    examples : tuple of Evidence
        A few sentences from different documents, in corpus order.
    rise : float
        With ``rank="rise"``: :func:`extract.trends.emerging.log_ratio` of its share of documents in
        the corpus over its share in the background (the time before); else 0.

    Examples
    --------
    >>> c = TermCandidate("반도체 특별법", "반도체특별법", 0.9, 4, 6, 9.5, 0.12, 3, ())
    >>> c.phrase, c.df
    ('반도체 특별법', 4)
    """

    phrase: str
    key: str
    score: float
    df: int
    tf: int
    c_value: float
    tfidf: float
    head_terms: int
    examples: tuple[Evidence, ...]
    rise: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "phrase": self.phrase,
            "key": self.key,
            "score": self.score,
            "df": self.df,
            "tf": self.tf,
            "c_value": self.c_value,
            "tfidf": self.tfidf,
            "head_terms": self.head_terms,
            "examples": [{"doc_id": e.doc_id, "sentence": e.sentence} for e in self.examples],
            "rise": self.rise,
        }


@dataclass(frozen=True, slots=True)
class AliasProposal:
    """Forms that parentheses show to be the same term, from :func:`mine_aliases`.

    Attributes
    ----------
    kind : {"alias", "new"}
        ``alias``: ``aliases`` should be added to the glossary term ``term_id``;
        ``new``: none of the forms is known, ``term`` and ``aliases`` make a new entry.
    term_id : str or None
        The existing term (None for ``new``).
    term : str
        Display form: the existing term's, or for ``new`` the best-supported Hangul form.
    aliases : tuple of str
        Forms to add (``alias``) or the new entry's other forms (``new``), best
        supported first.
    support : int
        Documents with at least one of the pairs behind this proposal.
    evidence : tuple of Evidence
        A few sentences with the parenthesis, from different documents.
    warning : str or None
        Why a reviewer should look twice: a ``new`` entry whose acronym already names
        another glossary term.

    Examples
    --------
    >>> p = AliasProposal("new", None, "잔여이행의무", ("RPO",), 2, ())
    >>> p.kind, p.term, p.aliases
    ('new', '잔여이행의무', ('RPO',))
    """

    kind: Literal["alias", "new"]
    term_id: str | None
    term: str
    aliases: tuple[str, ...]
    support: int
    evidence: tuple[Evidence, ...]
    warning: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "term_id": self.term_id,
            "term": self.term,
            "aliases": list(self.aliases),
            "support": self.support,
            "warning": self.warning,
            "evidence": [{"doc_id": e.doc_id, "sentence": e.sentence} for e in self.evidence],
        }
