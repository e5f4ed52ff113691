"""Termhood learnt from the glossary: what its terms look like, against the other candidates.

The glossary's own forms met in a corpus are positives; every unknown candidate of the
same corpus is unlabelled (some of them are terms the glossary lacks). A classifier
that tells the two apart from cheap, corpus-independent signals (positive-unlabelled
learning, as in term extraction since Frantzi's C-value: the known terms stand for the
terms) scores each unknown candidate by how much it looks like a term of the
glossary; under the usual assumption that the known terms are a random sample of the
terms, that orders candidates as the chance of being a term does.

The signals are about the form, not about a document: how many units and characters,
whether written as one word, Latin letters and digits, how Kiwi reads it (an
everyday noun or a name of its dictionary, the log-probability its language model
gives the phrase: a general background), how many glossary terms end in its last
unit (소비자물가지수, 주가지수: 지수) against how freely the corpus builds phrases on
that head or after its first unit (paradigmatic modifiability), which units are known
terms, and how many documents hold it. Every candidate is scored by a model fitted
without it (cross-fitting), so the score says how term-like it looks, not whether the
model remembered it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from extract.discovery.phrases import noun_runs
from glossary import Glossary, form_key

__all__ = ["FEATURES", "known_units", "learned_termhood", "termhood_features"]

#: Names of the columns of :func:`termhood_features`.
FEATURES = (
    "log_df",
    "units",
    "one_word",
    "chars",
    "latin",
    "digit",
    "head_terms",
    "head_built",
    "modifier_built",
    "everyday",
    "name",
    "everyday_units",
    "name_units",
    "known_units",
    "logprob",
    "glossed",
    "marked_share",
    "marked",
    "entropy_left",
    "entropy_right",
)


def known_units(glossary: Glossary, kiwi: Any, keys: Sequence[str]) -> list[tuple[str, ...] | None]:
    """The units (nouns, as :func:`extract.discovery.phrases.noun_runs` cuts them) of each
    glossary form with loose key in ``keys``, read alone by a plain ``kiwi``, or None
    when the form is not one run of nouns (빚내서 투자)."""
    spelled: dict[str, str] = {}
    for term in glossary:
        for form in term.forms:
            spelled.setdefault(form_key(form, case_sensitive=False), form)
    out: list[tuple[str, ...] | None] = []
    for key in keys:
        form = spelled.get(key, key)
        runs = noun_runs(kiwi.tokenize(form), form)
        if len(runs) != 1 or runs[0][0].start != 0 or runs[0][-1].end != len(form):
            out.append(None)
        else:
            out.append(tuple(form[u.start : u.end] for u in runs[0]))
    return out


def termhood_features(
    units: Sequence[Sequence[str]],
    phrases: Sequence[str],
    df: Sequence[int],
    heads: Mapping[str, int],
    kiwi: Any,
    known: frozenset[str],
    *,
    own_head: Sequence[bool] | None = None,
    glossed: Sequence[int] | None = None,
    marked: Sequence[int] | None = None,
    entropy: Sequence[tuple[float, float]] | None = None,
    tf: Sequence[int] | None = None,
) -> Any:
    """One row of :data:`FEATURES` per candidate (a float NumPy array).

    Parameters
    ----------
    units : sequence of sequence of str
        Each candidate's units as written.
    phrases : sequence of str
        Each candidate as written (spaces between units that are written apart).
    df : sequence of int
        Documents each occurs in.
    heads : mapping of str to int
        Glossary terms ending in each (lower-cased) head (see
        :func:`~extract.discovery.termhood.head_counts`).
    kiwi : kiwipiepy.Kiwi
        A plain analyser (without the glossary's words: a glossary form must read as
        any other phrase does).
    known : frozenset of str
        Loose keys of the glossary's forms (units that are known terms).
    own_head : sequence of bool, optional
        True for a candidate that is itself one of the terms counted in ``heads``: its
        own count is left out, so a known term is not term-like because it is known.
    glossed : sequence of int, optional
        Occurrences of each followed by its English name or Hanja in brackets (how a
        text introduces a term; see
        :attr:`~extract.discovery.candidates.CandidateCounts.glosses`).
    marked : sequence of int, optional
        Occurrences of each that a writer marked as a term (quoted, glossed, defined,
        announced; see :attr:`~extract.discovery.candidates.CandidateCounts.marked`):
        its count and its share of ``tf`` are features.
    entropy : sequence of (float, float), optional
        Left and right context entropy of each (see
        :attr:`~extract.discovery.candidates.CandidateCounts.entropy`).
    tf : sequence of int, optional
        Occurrences of each (default: ``df``), for the share of marked ones.

    Examples
    --------
    >>> from extract.engine.analyzer import get_kiwi
    >>> x = termhood_features([("탄소", "국경", "세"), ("감소",)], ["탄소 국경세", "감소"],
    ...                       [4, 9], {"세": 3}, get_kiwi(), frozenset({"탄소"}))
    >>> dict(zip(FEATURES, x[0]))["head_terms"], dict(zip(FEATURES, x[1]))["everyday"]
    (np.float64(1.3862943611198906), np.float64(1.0))
    """
    import numpy as np

    from extract.discovery.termhood import _word_reading, everyday_word

    cache: dict[str, bool] = {}
    lowered = [tuple(u.lower() for u in us) for us in units]
    built_head = Counter(us[-1] for us in lowered if len(us) > 1)
    built_mod = Counter(us[0] for us in lowered if len(us) > 1)
    own = own_head if own_head is not None else [False] * len(units)
    glosses = glossed if glossed is not None else [0] * len(units)
    marks = marked if marked is not None else [0] * len(units)
    ents = entropy if entropy is not None else [(0.0, 0.0)] * len(units)
    tfs = tf if tf is not None else df
    rows = []
    for us, low, phrase, n, mine, g, mk, ent, t in zip(
        units, lowered, phrases, df, own, glosses, marks, ents, tfs, strict=True
    ):
        word = phrase.replace(" ", "")
        readings = [_word_reading(u, kiwi, cache) for u in us]
        everyday = [everyday_word(u, kiwi, cache) for u in us]
        n_units = len(us)
        latin = sum(c.isascii() and c.isalpha() for c in word)
        head = max(heads.get(low[-1], 0) - int(mine), 0)
        rows.append(
            (
                math.log1p(n),
                n_units,
                float(" " not in phrase),
                len(word),
                latin / max(len(word), 1),
                float(any(c.isdigit() for c in word)),
                math.log1p(head),
                math.log1p(built_head[low[-1]] - (n_units > 1)),
                math.log1p(built_mod[low[0]] - (n_units > 1)),
                float(everyday_word(word, kiwi, cache)),
                float(_word_reading(word, kiwi, cache) == "name"),
                sum(everyday) / n_units,
                sum(r == "name" for r in readings) / n_units,
                (
                    sum(form_key(u, case_sensitive=False) in known for u in us) / n_units
                    if n_units > 1
                    else 0.0
                ),
                kiwi.analyze(word, top_n=1)[0][1] / max(len(word), 1),
                min(g / max(n, 1), 1.0),
                min(mk / max(t, 1), 1.0),
                math.log1p(mk),
                ent[0],
                ent[1],
            )
        )
    return np.array(rows, dtype=float).reshape(len(rows), len(FEATURES))


def learned_termhood(x_known: Any, x_unknown: Any, *, folds: int = 3, seed: int = 0) -> Any:
    """How term-like each unknown candidate looks, in [0, 1]: the cross-fitted
    probability that a classifier of known terms (``x_known``) against unknown
    candidates (``x_unknown``) gives it, from a model fitted without it.

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> known = rng.normal(1.0, 1.0, (200, 2))
    >>> unknown = np.vstack([rng.normal(1.0, 1.0, (50, 2)), rng.normal(-1.0, 1.0, (200, 2))])
    >>> p = learned_termhood(known, unknown)
    >>> bool(p[:50].mean() > p[50:].mean() + 0.2)
    True
    """
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier
    from threadpoolctl import threadpool_limits

    x_known = np.asarray(x_known, dtype=float)
    x_unknown = np.asarray(x_unknown, dtype=float)
    out = np.zeros(len(x_unknown))
    if not len(x_known) or not len(x_unknown):
        return out
    fold = np.random.default_rng(seed).integers(0, folds, len(x_unknown))
    k_fold = np.random.default_rng(seed + 1).integers(0, folds, len(x_known))
    for f in range(folds):
        held = fold == f
        if not held.any():
            continue
        x = np.vstack([x_known[k_fold != f], x_unknown[~held]])
        y = np.r_[np.ones(int((k_fold != f).sum())), np.zeros(int((~held).sum()))]
        if len(set(y)) < 2:
            continue
        # Classes weighed equally: the known terms are few beside the candidates.
        w = np.where(y == 1, len(y) / (2 * y.sum()), len(y) / (2 * (len(y) - y.sum())))
        model = HistGradientBoostingClassifier(
            max_iter=150, learning_rate=0.1, max_leaf_nodes=15, random_state=seed
        )
        # One thread: on thousands of rows and a dozen features, OpenMP's start-up and
        # spin-waiting cost more than they save, and on busy cores several times more
        # (3.5x less CPU and 5x less wall time measured on 2 shared cores).
        with threadpool_limits(limits=1, user_api="openmp"):
            model.fit(x, y, sample_weight=w)
            out[held] = model.predict_proba(x_unknown[held])[:, 1]
    return out
