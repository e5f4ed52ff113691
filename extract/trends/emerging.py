"""Emerging terms: which terms a recent window mentions more often than the time before it.

Two scores, both on document shares (the fraction of documents mentioning a term), so one
article repeating a word does not make it emerge:

* ``log_ratio``: log2 of window share over baseline share, each smoothed with ``prior``
  pseudo-documents (add-k), so a term absent from the baseline gets a finite score and a
  term seen in 3 documents cannot outscore one seen in 300 by a wide margin.
* ``binomial``: -log10 of the one-sided p-value that the window's count is this high if
  the term kept its (smoothed) baseline share: scipy's exact binomial tail when scipy is
  installed, else a normal approximation. Small counts get small scores.
"""

from __future__ import annotations

import datetime as _dt
import math
import warnings
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

from corpus import parse_window

if TYPE_CHECKING:
    import pandas as pd

    from glossary import Glossary

__all__ = [
    "METHODS",
    "emerging_terms",
    "log_ratio",
    "recent_window",
    "trending_scores",
    "trending_window",
]

METHODS = ("log_ratio", "binomial")
#: The newest part of the date span that ``rank="trending"`` compares with the rest.
RECENT_FRACTION = 0.25


def log_ratio(a: Any, n1: Any, b: Any, n0: Any, prior: float = 1.0) -> Any:
    """log2 of the add-``prior`` smoothed share ``a / n1`` over ``b / n0`` (scalars or arrays).

    Examples
    --------
    >>> round(float(log_ratio(3, 100, 0, 300)), 2)   # 3 of 100 now, none of 300 before
    3.57
    """
    import numpy as np

    return np.log2((a + prior) / (n1 + 2 * prior)) - np.log2((b + prior) / (n0 + 2 * prior))


def recent_window(first: _dt.date, last: _dt.date, fraction: float = RECENT_FRACTION) -> _dt.date:
    """First day of the newest ``fraction`` of the days from ``first`` to ``last``."""
    days = (last - first).days + 1
    return last - _dt.timedelta(days=max(1, math.ceil(days * fraction)) - 1)


def trending_window(
    doc_dates: Mapping[_dt.date | None, int],
    *,
    window: str | tuple[Any, Any] | None = None,
    fraction: float = RECENT_FRACTION,
) -> tuple[_dt.date, _dt.date] | None:
    """The dates :func:`trending_scores` compares with the time before them: ``window``
    if given, else the newest ``fraction`` of the date span (``None`` with fewer than two
    dates)."""
    if window is not None:
        return parse_window(window)
    dates = [d for d in doc_dates if d is not None]
    if len(dates) < 2:
        return None
    return recent_window(min(dates), max(dates), fraction), max(dates)


def trending_scores(
    term_dates: Mapping[str, Mapping[_dt.date | None, int]],
    doc_dates: Mapping[_dt.date | None, int],
    *,
    window: str | tuple[Any, Any] | None = None,
    fraction: float = RECENT_FRACTION,
    prior: float = 1.0,
    min_count: int = 3,
) -> dict[str, float]:
    """:func:`log_ratio` of each term's documents in a window against the time before it
    (the ``rank="trending"`` order of :func:`extract.build_box`).

    ``term_dates`` maps term id to {date: documents mentioning it}, ``doc_dates`` maps
    date to documents. ``window`` is ``"START,END"`` or ``(start, end)``, inclusive (see
    :func:`corpus.parse_window`); by default the newest ``fraction`` of the date span, compared
    with the rest. Terms in fewer than ``min_count`` documents of the window score
    ``-inf``: on a small window, one or two articles would otherwise top the box. Without
    a window and with fewer than two dates every score is 0, with a warning
    (``stacklevel`` 3 points at the caller of :func:`extract.build_box`).
    """
    span = trending_window(doc_dates, window=window, fraction=fraction)
    if span is None:
        dates = [d for d in doc_dates if d is not None]
        warnings.warn(
            f"rank='trending' needs documents from at least two dates, got {len(dates)} "
            f"date(s) in {sum(doc_dates.values())} documents; terms keep the frequency order",
            stacklevel=3,
        )
        return dict.fromkeys(term_dates, 0.0)
    start, end = span

    def split(counts: Mapping[_dt.date | None, int]) -> tuple[int, int]:
        inside = sum(n for d, n in counts.items() if d is not None and start <= d <= end)
        return inside, sum(n for d, n in counts.items() if d is not None and d < start)

    n1, n0 = split(doc_dates)
    scores = {}
    for term_id, counts in term_dates.items():
        a, b = split(counts)
        scores[term_id] = float(log_ratio(a, n1, b, n0, prior)) if a >= min_count else -math.inf
    return scores


def _window(spec: Any, first: pd.Timestamp, last: pd.Timestamp, freq: str) -> tuple:
    import pandas as pd

    if spec is None:
        start = pd.Timestamp(recent_window(first.date(), last.date()))
        return start, last
    if isinstance(spec, int) and not isinstance(spec, bool):
        if spec < 1:
            raise ValueError(f"`window` as a number of periods should be >= 1, got {spec!r}")
        newest = last.to_period(freq)
        return (newest - (spec - 1)).start_time, last
    if isinstance(spec, str | tuple | list):
        start, end = parse_window(spec)
        return pd.Timestamp(start), pd.Timestamp(end)
    raise TypeError(
        f"`window` should be None, a number of periods, or a (start, end) pair; got {spec!r}"
    )


def emerging_terms(
    doc_terms: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    window: Any = None,
    baseline: tuple[Any, Any] | None = None,
    freq: Literal["D", "W", "M", "Q", "Y"] = "W",
    min_count: int = 3,
    method: Literal["log_ratio", "binomial"] = "log_ratio",
    prior: float = 1.0,
    glossary: Glossary | None = None,
) -> pd.DataFrame:
    """Terms whose document share in ``window`` is high against ``baseline``.

    Parameters
    ----------
    doc_terms, documents : pandas.DataFrame
        Tables of a batch run (see :func:`extract.term_trends`).
    window : "START,END", (start, end), int, or None
        The window, both ends inclusive, each a year, month or date (see
        :func:`corpus.parse_window`), or the last ``window`` periods of ``freq``;
        default: the newest quarter of the date span.
    baseline : "START,END" or (start, end), optional
        The same for the time to compare with; default: everything before the window.
    freq : {"D", "W", "M", "Q", "Y"}
        Period length when ``window`` is a number of periods.
    min_count : int
        Keep terms mentioned in at least this many documents of the window.
    method : {"log_ratio", "binomial"}
        Which column becomes ``score`` (both are always returned).
    prior : float
        Pseudo-documents added to each count (and twice to each total) when smoothing.
    glossary : Glossary, optional
        Adds the ``term`` column (display names) after ``term_id``, as ``kotrend trends
        --emerging`` prints it.

    Returns
    -------
    pandas.DataFrame
        ``term_id``, ``window_mentions``, ``window_documents``, ``window_share``,
        ``baseline_mentions``, ``baseline_documents``, ``baseline_share``,
        ``log_ratio``, ``p_value`` and ``score``, highest score first. ``attrs`` holds
        the ``window`` and ``baseline`` dates and their document totals.

    Examples
    --------
    >>> import pandas as pd
    >>> dates = ["2026-01-05"] * 3 + ["2026-03-02"] * 3
    >>> docs = pd.DataFrame({"doc_id": list("abcdef"), "date": dates})
    >>> dt = pd.DataFrame({"doc_id": list("cdef"), "mentions": 1,
    ...                    "term_id": ["금리", "금리", "주권AI", "주권AI"]})
    >>> out = emerging_terms(dt, docs, window=("2026-03-01", "2026-03-31"), min_count=1)
    >>> out["term_id"].tolist()
    ['주권AI', '금리']
    """
    import numpy as np
    import pandas as pd

    from extract.trends.series import _check_freq, dated_tables

    _check_freq(freq)
    if method not in METHODS:
        raise ValueError(f"`method` should be one of {METHODS}, but got {method!r}")
    if prior <= 0:
        raise ValueError(f"`prior` should be > 0, got {prior!r}")
    rows, docs = dated_tables(doc_terms, documents, stacklevel=3)
    if docs.empty:
        raise ValueError("no dated documents: emerging terms need document dates")
    first, last = docs["date"].min(), docs["date"].max()
    w0, w1 = _window(window, first, last, freq)
    if baseline is None:
        b0, b1 = first, w0 - pd.Timedelta(days=1)
    else:
        b0, b1 = _window(
            baseline if isinstance(baseline, str) else tuple(baseline), first, last, freq
        )
        if b0 <= w1 and w0 <= b1:
            raise ValueError(
                f"`baseline` {baseline!r} overlaps the window {w0.date()}..{w1.date()}"
            )
    in_w, in_b = docs["date"].between(w0, w1), docs["date"].between(b0, b1)
    n1, n0 = int(in_w.sum()), int(in_b.sum())
    span = f"the documents run from {first.date()} to {last.date()}"
    if n1 == 0:
        raise ValueError(f"the window {w0.date()}..{w1.date()} holds no documents; {span}")
    if n0 == 0:
        raise ValueError(f"the baseline {b0.date()}..{b1.date()} holds no documents; {span}")

    def counts(mask: pd.Series, prefix: str) -> pd.DataFrame:
        g = rows[mask].groupby("term_id")
        return pd.DataFrame(
            {f"{prefix}_mentions": g["mentions"].sum(), f"{prefix}_documents": g.size()}
        )

    out = counts(rows["date"].between(w0, w1), "window").join(
        counts(rows["date"].between(b0, b1), "baseline"), how="left"
    )
    out = out.fillna(0).astype("int64").rename_axis("term_id").reset_index()
    out = out[out["window_documents"] >= min_count]
    a, b = out["window_documents"].to_numpy(), out["baseline_documents"].to_numpy()
    out["window_share"] = a / n1
    out["baseline_share"] = b / n0
    out["log_ratio"] = log_ratio(a, n1, b, n0, prior)
    log_p = _log_sf(a, n1, (b + prior) / (n0 + 2 * prior))
    out["p_value"] = np.exp(log_p)
    out["score"] = out["log_ratio"] if method == "log_ratio" else -log_p / math.log(10)
    out = out.sort_values(["score", "window_documents", "term_id"], ascending=[False, False, True])
    out = out.reset_index(drop=True)[
        [
            "term_id",
            "window_mentions",
            "window_documents",
            "window_share",
            "baseline_mentions",
            "baseline_documents",
            "baseline_share",
            "log_ratio",
            "p_value",
            "score",
        ]
    ]
    if glossary is not None:
        out.insert(1, "term", [t.term if (t := glossary.get(i)) else i for i in out["term_id"]])
    out.attrs.update(
        window=(w0.date(), w1.date()),
        baseline=(b0.date(), b1.date()),
        window_documents=n1,
        baseline_documents=n0,
        method=method,
    )
    return out


def _log_sf(k: Any, n: int, p: Any) -> Any:
    """log P(X >= k) for X ~ Binomial(n, p), elementwise."""
    import numpy as np

    k, p = np.asarray(k, dtype=float), np.asarray(p, dtype=float)
    try:
        from scipy.stats import binom
    except ImportError:
        return _log_sf_normal(k, n, p)
    log_p = binom.logsf(k - 1, n, p)
    # Far in the tail logsf underflows to -inf; P(X = k) is then nearly all of P(X >= k).
    log_p = np.where(np.isfinite(log_p), log_p, binom.logpmf(k, n, p))
    return np.minimum(log_p, 0.0)


def _log_sf_normal(k: Any, n: int, p: Any) -> Any:
    # Normal approximation with continuity correction; in the far tail erfc underflows,
    # so use the asymptotic log Q(z) ~ -z^2/2 - log(z * sqrt(2 pi)).
    import numpy as np

    z = (k - 0.5 - n * p) / np.sqrt(n * p * (1 - p))
    out = []
    for zi in np.atleast_1d(z):
        q = 0.5 * math.erfc(zi / math.sqrt(2))
        out.append(
            math.log(q) if q > 1e-300 else -zi * zi / 2 - math.log(zi * math.sqrt(2 * math.pi))
        )
    return np.minimum(np.array(out, dtype=float).reshape(np.shape(z)), 0.0)
