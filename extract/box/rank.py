"""The "explain" order of the box: how central a term is, weighed against how familiar.

A box is for terms a reader may need explained. Frequency alone puts everyday words first
(금리, 매출, 인공지능), so the default order multiplies two numbers, each from 0 to 1:

- **specificity**, from the term's share of documents in a broad news background: each
  factor of ten costs a quarter (a share of 1 in 10,000 or less scores 1.0, 1 in 1,000
  0.75, 1 in 100 0.5, 1 in 10 0.25, every document 0.0);
- **centrality** in the input: half from in how many of the input's documents the term
  occurs (full from a quarter of the most widespread term's documents, so always full
  for one article), 0.3 from how
  often each mentions it (once: half, three times or more: all), 0.2 from how early it
  first appears (a title or an opening sentence: all, the last line: none).

``score = specificity ** 2 * centrality``: familiarity counts twice, so a specialised term
mentioned once still outranks an everyday one the whole article is about. In one
article a term is at least 0.65 central, so a term never seen in the background scores
0.65 to 1.0 and 금리 (in about 2 of 100 background documents) at most 0.18. In a corpus, a
term one document of many mentions is far less central than one most documents share.
:data:`MIN_SCORE` (0.4) is the default threshold of "worth explaining": a term central to
the input passes with a background share below about 1 in 330, one mentioned once in
passing only below about 1 in 1,400.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from corpus import Document
from extract.engine.tagger import Tagger
from glossary import BackgroundFrequencies, Glossary, background_frequencies, form_key

__all__ = [
    "MIN_SCORE",
    "ExplainScore",
    "background_from_documents",
    "explain_score",
    "resolve_background",
    "resolve_terms",
    "specificity",
]

#: Default threshold of :func:`explain_score` for the ``"explain"`` order (see above).
MIN_SCORE = 0.4

# A background share this small (or an unseen term) counts as fully specific.
_RAREST = 1e-4


def specificity(df: int, documents: int) -> float:
    """How unfamiliar a term in ``df`` of ``documents`` background documents is (0 to 1).

    ``-log10(share) / 4``, clipped to [0, 1], with the share smoothed as
    ``(df + 0.5) / (documents + 1)``. A background of fewer than 10,000 documents cannot
    tell 1 in 10,000 from never, so there the scale is ``log10(documents + 1)`` instead
    of 4 (an unseen term still scores 1.0). With no background every term scores 1.0.

    Examples
    --------
    >>> specificity(0, 20_000), specificity(1_000, 1_000)
    (1.0, 0.0)
    >>> round(specificity(1_000, 100_000), 2), round(specificity(100, 10_000), 2)  # 1 in 100
    (0.5, 0.5)
    >>> round(specificity(10, 1_000), 2), specificity(0, 1_000)  # a smaller background
    (0.66, 1.0)
    """
    if documents <= 0:
        return 1.0
    share = (df + 0.5) / (documents + 1) if df < documents else 1.0
    share = max(share, _RAREST)
    scale = min(-math.log10(_RAREST), math.log10(documents + 1))
    return min(1.0, max(0.0, -math.log10(share) / scale))


@dataclass(frozen=True, slots=True)
class ExplainScore:
    """Why a term ranks where it does in an ``"explain"`` box.

    Attributes
    ----------
    score : float
        ``specificity ** 2 * centrality``, from 0 to 1.
    specificity : float
        From the background share (1.0: unseen or rarer than 1 in 10,000).
    centrality : float
        ``0.5 * spread + 0.3 * repetition + 0.2 * lead``, each from 0 to 1.
    background_share : float or None
        Share of background documents mentioning the term (``None``: no background).
    """

    score: float
    specificity: float
    centrality: float
    background_share: float | None


def explain_score(
    *,
    mentions: int,
    documents: int,
    lead: float,
    max_documents: int,
    background: BackgroundFrequencies | None,
    term_id: str,
) -> ExplainScore:
    """Score one term of the input for the ``"explain"`` order.

    Parameters
    ----------
    mentions, documents : int
        The term's mentions and documents in the input.
    lead : float
        Sum over those documents of how early the term first appears there (1.0 in a
        title or at the very start of a text, falling to 0.0 at its end).
    max_documents : int
        Documents of the input's most widespread term (spread is full from half of
        it, so one article and a corpus of 300 are scored alike).
    background : BackgroundFrequencies or None
        Where familiarity comes from; ``None`` makes every term fully specific.
    term_id : str

    Examples
    --------
    >>> from glossary import BackgroundFrequencies
    >>> bg = BackgroundFrequencies(documents=10_000, df={"interest_rate": 900, "capex": 2})
    >>> common = explain_score(mentions=6, documents=1, lead=1.0, max_documents=1,
    ...                        background=bg, term_id="interest_rate")   # 금리, in the title
    >>> rare = explain_score(mentions=1, documents=1, lead=0.3, max_documents=1,
    ...                      background=bg, term_id="capex")            # 자본 지출, once
    >>> rare.score > MIN_SCORE > common.score
    True
    """
    # Against half the widest term: in a day of headlines a term in a handful of them
    # is already a keyword of the day, while one headline of hundreds is not.
    widest = max(max_documents / 2, 1.0)
    spread = min(1.0, math.log1p(documents) / math.log1p(widest))
    # One mention is half of full repetition, three or more per document all of it.
    repetition = min(1.0, math.log2(1 + mentions / max(documents, 1)) / 2)
    early = min(1.0, lead / max(documents, 1))
    # Spread weighs most: in a corpus, a term one document of hundreds mentions is no
    # keyword of it, however rare; in one article it is always full.
    centrality = 0.5 * spread + 0.3 * repetition + 0.2 * early
    if background is None:
        spec, share = 1.0, None
    else:
        spec = specificity(background.df.get(term_id, 0), background.documents)
        share = background.share(term_id)
    return ExplainScore(spec * spec * centrality, spec, centrality, share)


def background_from_documents(
    docs: Iterable[Document],
    tagger: Tagger,
    *,
    fields: str | Sequence[str] | None = None,
    source: Any = None,
) -> BackgroundFrequencies:
    """Count, for every term of ``tagger``'s glossary, the documents of ``docs`` that
    mention it: a background for the ``"explain"`` order of your own glossary.

    Parameters
    ----------
    docs : iterable of corpus.Document
    tagger : Tagger
    fields : str or sequence of str, optional
        Text fields to read (default: ``text``, else ``title`` and ``body``).
    source : callable, optional
        ``source(doc) -> str``: the label counted in ``sources`` (default: none kept).

    Examples
    --------
    >>> from corpus import Document
    >>> from glossary import Glossary, Term
    >>> from extract import Tagger
    >>> g = Glossary([Term(id="rate", term="금리"), Term(id="capex", term="자본 지출")])
    >>> docs = [Document(id="1", text="금리가 올랐다."), Document(id="2", text="금리는 그대로다.")]
    >>> bg = background_from_documents(docs, Tagger(g))
    >>> bg.documents, dict(bg.df)
    (2, {'rate': 2})
    """
    df: dict[str, int] = {}
    sources: dict[str, int] = {}
    n = 0
    for doc in docs:
        n += 1
        if source is not None:
            label = str(source(doc))
            sources[label] = sources.get(label, 0) + 1
        seen: set[str] = set()
        for name, text in doc.texts(fields):
            seen.update(m.term_id for m in tagger.tag(text, doc_id=doc.id, field=name))
        for term_id in seen:
            df[term_id] = df.get(term_id, 0) + 1
    return BackgroundFrequencies(
        documents=n,
        df=df,
        sources=sources,
        glossary=tagger.glossary.name,
        glossary_version=tagger.glossary.version,
    )


def resolve_background(
    background: Any, glossary: Glossary, tagger: Tagger
) -> BackgroundFrequencies | None:
    """The background ``build_box`` uses: ``None`` means the bundled one for the default
    glossary and none for other glossaries; ``"default"`` the bundled one; ``False`` none;
    a :class:`BackgroundFrequencies`; a ``{"documents": N, "df": {...}}`` mapping; or
    documents, tagged with ``tagger``."""
    if background is None:
        bundled = background_frequencies()
        return bundled if bundled.glossary == glossary.name else None
    if background is False:
        return None
    if isinstance(background, str):
        if background == "default":
            return background_frequencies()
        raise ValueError(
            f"`background` should be 'default', False, a BackgroundFrequencies, a mapping "
            f"or documents, got the string {background!r}"
        )
    if isinstance(background, BackgroundFrequencies):
        return background
    if isinstance(background, Mapping):
        return BackgroundFrequencies.from_dict(background, where="`background`")
    if isinstance(background, Iterable):
        docs = list(background)
        bad = next((d for d in docs if not isinstance(d, Document)), None)
        if bad is not None:
            raise TypeError(
                f"`background` documents should be corpus.Document, got {type(bad).__name__}"
            )
        return background_from_documents(docs, tagger)
    raise TypeError(
        "`background` should be None, 'default', False, a BackgroundFrequencies, a mapping "
        f"or documents, got {type(background).__name__}"
    )


def resolve_terms(names: Iterable[str], glossary: Glossary, *, what: str) -> set[str]:
    """Term ids for ``names``, each a term id or any surface form of a term (spacing and
    Latin case ignored, as in matching).

    Raises
    ------
    ValueError
        For a name that is neither, naming it and the glossary.

    Examples
    --------
    >>> from glossary import Glossary, Term
    >>> g = Glossary([Term(id="capex", term="자본 지출", aliases=("CapEx",))], name="demo")
    >>> sorted(resolve_terms(["자본지출", "capex"], g, what="exclude_terms"))
    ['capex']
    """
    if isinstance(names, str):
        names = [n for n in names.split(",")]
    by_form: dict[str, str] = {}
    for term in glossary:
        for form in term.forms:
            by_form.setdefault(form_key(form, case_sensitive=False), term.id)
    out: set[str] = set()
    for raw in names:
        name = raw.strip()
        if not name:
            continue
        if name in glossary:
            out.add(name)
            continue
        found = by_form.get(form_key(name, case_sensitive=False))
        if found is None:
            raise ValueError(
                f"`{what}` should name term ids or forms of glossary {glossary.name!r}, "
                f"got {name!r}, which is neither"
            )
        out.add(found)
    return out
