"""Kleinberg's two-state burst detection over per-period document counts.

Kleinberg (2002), "Bursty and hierarchical structure in streams", batched (binomial)
form: in period t, r_t of d_t documents mention the term. State 0 emits at the term's
overall share p0 = sum(r) / sum(d), state 1 at p1 = s * p0. Entering state 1 costs
gamma * ln(n) for n periods, leaving it is free. The cheapest state sequence (Viterbi) marks
the bursts; a burst's weight is how much cheaper state 1 explains its periods than state 0.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["burst_states", "bursts"]

_P_MAX = 1 - 1e-9


def _cost(r: int, d: int, p: float) -> float:
    # -log of the binomial likelihood without the binomial coefficient, which is the
    # same in both states and cancels.
    return -(r * math.log(p) + (d - r) * math.log1p(-p))


def burst_states(
    r: Sequence[int], d: Sequence[int], *, s: float = 2.0, gamma: float = 1.0
) -> tuple[list[int], list[float]]:
    """The cheapest state (0 or 1) of each period, and each period's gain in state 1.

    Examples
    --------
    >>> burst_states([1, 1, 9, 8, 1], [100] * 5)[0]
    [0, 0, 1, 1, 0]
    """
    n = len(r)
    total_r, total_d = sum(r), sum(d)
    if n == 0 or total_r == 0 or total_r == total_d:
        return [0] * n, [0.0] * n
    p0 = total_r / total_d
    p1 = min(s * p0, _P_MAX)
    c0 = [_cost(ri, di, p0) for ri, di in zip(r, d, strict=True)]
    c1 = [_cost(ri, di, p1) for ri, di in zip(r, d, strict=True)]
    up = gamma * math.log(n)
    # cost of the best path ending in state 0 / 1, and where each came from
    best0, best1 = c0[0], up + c1[0]
    back: list[tuple[int, int]] = [(0, 0)]
    for t in range(1, n):
        from0 = (best0, 0) if best0 <= best1 else (best1, 1)
        from1 = (best1, 1) if best1 <= best0 + up else (best0 + up, 0)
        best0, best1 = from0[0] + c0[t], from1[0] + c1[t]
        back.append((from0[1], from1[1]))
    state = 0 if best0 <= best1 else 1
    states = [0] * n
    for t in range(n - 1, -1, -1):
        states[t] = state
        state = back[t][state]
    return states, [a - b for a, b in zip(c0, c1, strict=True)]


def bursts(series_df: pd.DataFrame, *, s: float = 2.0, gamma: float = 1.0) -> pd.DataFrame:
    """Burst intervals of every term (and source) in a :func:`extract.term_trends` table.

    Parameters
    ----------
    series_df : pandas.DataFrame
        Output of :func:`extract.term_trends`: ``period``, ``term_id``, ``documents``,
        ``total_documents`` and, if present, ``source``.
    s : float
        How much higher (> 1) the share is in a burst than usual.
    gamma : float
        Cost (>= 0) of entering a burst, in units of ln(number of periods); higher values
        find fewer, stronger bursts.

    Returns
    -------
    pandas.DataFrame
        [``source``], ``term_id``, ``start``, ``end`` (first and last period of the
        burst, inclusive), ``periods`` and ``weight``, heaviest first.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"period": pd.date_range("2026-01-05", periods=6, freq="W-MON"),
    ...                    "term_id": "주권AI", "documents": [1, 0, 1, 9, 12, 1],
    ...                    "total_documents": 100})
    >>> b = bursts(df)
    >>> [(str(x.start.date()), str(x.end.date())) for x in b.itertuples()]
    [('2026-01-26', '2026-02-02')]
    """
    import pandas as pd

    if s <= 1:
        raise ValueError(f"`s` should be > 1 (burst share / usual share), got {s!r}")
    if gamma < 0:
        raise ValueError(f"`gamma` should be >= 0, got {gamma!r}")
    missing = {"period", "term_id", "documents", "total_documents"} - set(series_df.columns)
    if missing:
        raise ValueError(
            f"`series_df` should be a term_trends() table; missing columns {sorted(missing)}"
        )
    keys = ["source", "term_id"] if "source" in series_df.columns else ["term_id"]
    rows = []
    for key, g in series_df.sort_values("period").groupby(keys, sort=True, dropna=False):
        g = g[g["total_documents"] > 0]
        states, gain = burst_states(
            g["documents"].tolist(), g["total_documents"].tolist(), s=s, gamma=gamma
        )
        periods = g["period"].tolist()
        t = 0
        while t < len(states):
            if states[t] != 1:
                t += 1
                continue
            u = t
            while u + 1 < len(states) and states[u + 1] == 1:
                u += 1
            rows.append((*key, periods[t], periods[u], u - t + 1, sum(gain[t : u + 1])))
            t = u + 1
    out = pd.DataFrame(rows, columns=[*keys, "start", "end", "periods", "weight"])
    out = out.sort_values(["weight", *keys], ascending=[False] + [True] * len(keys))
    return out.reset_index(drop=True)
