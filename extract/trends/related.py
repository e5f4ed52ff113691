"""Related terms (연관어): which terms appear in the same documents or sentences as a term.

Counts alone favour everyday words (투자, 주가 co-occur with everything), so each
neighbour also gets Dunning's log-likelihood ratio G2, which compares the observed
co-occurrence with what independence predicts and stays reliable for rare terms (unlike
PMI, which is kept as a column but inflates pairs seen once or twice; ``min_count``
guards it). G2 is signed: negative when the pair is seen together less often than chance,
as a term in most documents is (삼성전자 in headlines found by searching 삼성전자); such a
neighbour is still listed, first by ``sort="together"``.

With a ``window``, the statistics are those of the window, and each neighbour also gets its
share of the term's units before the window and ``rise``: log2 of the window share over the
earlier share, add-one smoothed, so the associations that are new or rising stand out.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from glossary import Glossary

__all__ = ["LEVELS", "SORTS", "plot_related", "related_terms"]

LEVELS = ("document", "sentence")
SORTS = ("g2", "together", "pmi", "rise")


def _g2(a: Any, n_t: Any, n_o: Any, n: Any) -> Any:
    """Dunning's G2 of the 2x2 table (a = both, n_t, n_o = each, n = all units), negative
    when the pair is seen together less often than independence predicts."""
    import numpy as np

    a, n_t, n_o, n = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (a, n_t, n_o, n)))
    obs = np.stack([a, n_t - a, n_o - a, n - n_t - n_o + a])
    row = np.stack([n_t, n_t, n - n_t, n - n_t])
    col = np.stack([n_o, n - n_o, n_o, n - n_o])
    exp = row * col / n
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(obs > 0, obs * np.log(obs / exp), 0.0)
    # Signed, so that terms seen together less often than chance sort last.
    return np.sign(obs[0] - exp[0]) * 2 * terms.sum(axis=0)


def _units(table: pd.DataFrame, level: str) -> pd.DataFrame:
    """(unit, term_id, doc_id) rows: one per term per document or sentence."""
    cols = set(table.columns)
    if level == "document":
        return table[["doc_id", "term_id"]].assign(unit=table["doc_id"]).drop_duplicates()
    if not {"sent_start", "field"} <= cols:
        raise ValueError(
            "level='sentence' needs the mentions table with sentence offsets "
            "(load_table(out, 'mentions') of a run tagged by this version); got columns "
            f"{sorted(map(str, cols))}"
        )
    unit = table["doc_id"] + "\x1f" + table["field"] + "\x1f" + table["sent_start"].astype(str)
    return table[["doc_id", "term_id"]].assign(unit=unit).drop_duplicates()


def related_terms(
    table: pd.DataFrame,
    term: str,
    *,
    documents: pd.DataFrame | None = None,
    level: Literal["document", "sentence"] = "document",
    window: str | tuple[Any, Any] | None = None,
    min_count: int = 2,
    top: int | None = 20,
    sort: Literal["g2", "together", "pmi", "rise"] | None = None,
    glossary: Glossary | None = None,
) -> pd.DataFrame:
    """Terms that co-occur with ``term``, with counts and association scores.

    Parameters
    ----------
    table : pandas.DataFrame
        ``load_table(out, "doc_terms")``, or ``"mentions"`` (needed for ``level="sentence"``).
    term : str
        Term id or any of its forms (``HBM``, ``인공 지능``; see
        :func:`extract.trends.resolve_terms`).
    documents : pandas.DataFrame, optional
        ``load_table(out, "documents")``: every tagged document, so documents without
        any term count in the total. Needed for ``window`` with the mentions table.
    level : {"document", "sentence"}
        Co-occurrence in the same document, or in the same sentence (mentions table).
    window : str or (start, end), optional
        ``"2026-03-01,2026-03-15"`` (see :func:`corpus.parse_window`): statistics of the
        window, compared with the time before it.
    min_count : int
        Leave out neighbours seen together fewer times (in the window, if given).
    top : int or None
        How many rows; ``None`` for all.
    sort : {"g2", "together", "pmi", "rise"}, optional
        Order of the rows (default ``g2``; ``rise`` with a window).
    glossary : Glossary, optional
        Looks up ``term`` and gives the ``term`` column (display names); default: the
        bundled glossary with entities.

    Returns
    -------
    pandas.DataFrame
        One row per neighbour: ``term_id``, ``term``, ``together`` (units with both),
        ``units`` (units with the neighbour), ``share`` (= together / units with
        ``term``), ``g2``, ``pmi`` (log2) and, with a window, ``together_before``,
        ``share_before``, ``rise`` and ``new`` (never together before the window).
        ``attrs`` holds ``term_id``, ``level``, ``units_with_term``, ``units`` and
        ``window``.

    Raises
    ------
    ValueError
        For an unknown term (naming close matches), level, sort or window.

    Examples
    --------
    >>> import pandas as pd
    >>> from glossary import Glossary, Term
    >>> g = Glossary([Term(id="hbm", term="고대역폭 메모리", aliases=("HBM",)),
    ...               Term(id="sk_hynix", term="SK하이닉스"), Term(id="kospi", term="코스피")])
    >>> dt = pd.DataFrame({"doc_id": ["a", "a", "b", "b", "c", "d"],
    ...                    "term_id": ["hbm", "sk_hynix", "hbm", "sk_hynix", "kospi", "kospi"]})
    >>> related_terms(dt, "HBM", glossary=g)[["term_id", "term", "together", "share"]]
        term_id    term  together  share
    0  sk_hynix  SK하이닉스         2    1.0
    """
    import numpy as np
    import pandas as pd

    from extract.trends.emerging import log_ratio
    from extract.trends.series import resolve_terms

    if level not in LEVELS:
        raise ValueError(f"`level` should be one of {LEVELS}, but got {level!r}")
    if sort is not None and sort not in SORTS:
        raise ValueError(f"`sort` should be one of {SORTS}, but got {sort!r}")
    if sort == "rise" and window is None:
        raise ValueError("sort='rise' needs a `window` to compare with the time before it")
    if isinstance(min_count, bool) or not isinstance(min_count, int) or min_count < 1:
        raise ValueError(f"`min_count` should be an int >= 1, got {min_count!r}")
    if not isinstance(table, pd.DataFrame) or not {"doc_id", "term_id"} <= set(table.columns):
        raise ValueError("`table` should be load_table(out, 'doc_terms') or 'mentions'")
    if glossary is None:
        import glossary as _glossary

        glossary = _glossary.resolve("default+entities")
    term_id = resolve_terms([term], table["term_id"].unique(), glossary=glossary)[0]
    rows = _units(table, level)
    if documents is not None:
        keep = ["doc_id", *(["date"] if "date" in documents.columns else [])]
        all_docs = documents[keep].drop_duplicates("doc_id")
    else:
        all_docs = pd.DataFrame({"doc_id": table["doc_id"].unique()})
        if "date" in table.columns:
            all_docs = all_docs.merge(
                table[["doc_id", "date"]].drop_duplicates("doc_id"), on="doc_id"
            )
    span = None
    before_rows = None
    if window is not None:
        import corpus

        span = corpus.parse_window(window)
        if "date" not in all_docs.columns:
            raise ValueError("a `window` needs dates: pass `documents` or the doc_terms table")
        dates = pd.to_datetime(all_docs["date"], errors="coerce").dt.date
        inside = all_docs.loc[(dates >= span[0]) & (dates <= span[1]), "doc_id"]
        earlier = all_docs.loc[dates < span[0], "doc_id"]
        if inside.empty:
            raise ValueError(f"the window {span[0]} to {span[1]} holds no documents")
        before_rows = rows[rows["doc_id"].isin(set(earlier))]
        rows = rows[rows["doc_id"].isin(set(inside))]
        n_docs = len(inside)
    else:
        n_docs = len(all_docs)
    # Sentences without any term are not in the tables, so only tagged ones count.
    n_units = n_docs if level == "document" else rows["unit"].nunique()
    target_units = set(rows.loc[rows["term_id"] == term_id, "unit"])
    n_t = len(target_units)
    per_term = rows.groupby("term_id")["unit"].nunique()
    together = rows[rows["unit"].isin(target_units)].groupby("term_id")["unit"].nunique()
    together = together.drop(term_id, errors="ignore")
    out = pd.DataFrame({"term_id": together.index.astype(str), "together": together.to_numpy()})
    out["units"] = per_term.reindex(out["term_id"]).to_numpy()
    a, n_o = out["together"].to_numpy(), out["units"].to_numpy()
    out["share"] = a / n_t if n_t else 0.0
    out["g2"] = _g2(a, n_t, n_o, n_units) if n_t else 0.0
    with np.errstate(divide="ignore"):
        out["pmi"] = np.log2(a * n_units / (n_t * n_o)) if n_t else 0.0
    out = out[out["together"] >= min_count]
    if before_rows is not None:
        prior_units = set(before_rows.loc[before_rows["term_id"] == term_id, "unit"])
        before = (
            before_rows[before_rows["unit"].isin(prior_units)].groupby("term_id")["unit"].nunique()
        )
        b = before.reindex(out["term_id"]).fillna(0).astype("int64").to_numpy()
        out["together_before"] = b
        n_b = len(prior_units)
        out["share_before"] = b / n_b if n_b else 0.0
        out["rise"] = log_ratio(out["together"].to_numpy(), n_t, b, n_b)
        out["new"] = b == 0
    labels: Mapping[str, str] = {t.id: t.term for t in glossary}
    out.insert(1, "term", [labels.get(t, t) for t in out["term_id"]])
    key = sort or ("g2" if window is None else "rise")
    out = out.sort_values([key, "together"], ascending=False, kind="stable")
    if top is not None:
        out = out.head(top)
    out = out.reset_index(drop=True)
    out.attrs.update(
        term_id=term_id,
        term=labels.get(term_id, term_id),
        level=level,
        units_with_term=n_t,
        units=n_units,
        window=span,
    )
    return out


def plot_related(
    related: pd.DataFrame,
    *,
    path: str | Path | None = None,
    title: str | None = None,
    surfaces: Mapping[str, str] | None = None,
    ax: Axes | None = None,
) -> Figure:
    """Draw a :func:`related_terms` table as a network (관계도): the term in the centre,
    its neighbours around it, nearer and with thicker links the stronger the association
    (G2), node area by co-occurrences; with a window, rising links are red.

    ``surfaces`` (term id to its most-written form, :func:`top_surfaces`) names a term
    mostly written otherwise than its name like ``"AI (인공지능)"``.

    Examples
    --------
    >>> import pandas as pd
    >>> from glossary import Glossary, Term
    >>> g = Glossary([Term(id="hbm", term="고대역폭 메모리"), Term(id="dram", term="D램")])
    >>> dt = pd.DataFrame({"doc_id": ["a", "a", "b", "b", "c"],
    ...                    "term_id": ["hbm", "dram", "hbm", "dram", "x"]})
    >>> fig = plot_related(related_terms(dt, "hbm", glossary=g))
    >>> len(fig.axes[0].texts)
    2
    """
    import warnings

    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from extract.trends.plot import NO_FONT_HINT, korean_font

    font = korean_font()
    if font is None:
        warnings.warn(NO_FONT_HINT, stacklevel=2)
    rc: Any = {"axes.unicode_minus": False}
    if font is not None:
        rc["font.family"] = [font, "DejaVu Sans"]
    from extract.trends.labels import label_terms

    center_id = related.attrs.get("term_id", "?")
    names = dict(zip(related["term_id"], related["term"], strict=True))
    names[center_id] = related.attrs.get("term", center_id)
    labels = label_terms(names, surfaces)
    center = labels.get(center_id, center_id)
    with matplotlib.rc_context(rc):
        if ax is None:
            fig = Figure(figsize=(7, 7), layout="constrained")
            FigureCanvasAgg(fig)
            ax = fig.add_subplot()
        else:
            fig = ax.figure  # type: ignore[assignment]
        n = len(related)
        g2 = related["g2"].to_numpy(dtype=float) if n else []
        top = max(g2) if n else 1.0
        most = max(related["together"]) if n else 1
        rising = related["rise"] > 0 if "rise" in related.columns else [False] * n
        for i, row in enumerate(related.itertuples(index=False)):
            # Pairs rarer together than chance (negative G2) get the faintest link.
            strength = max(row.g2, 0.0) / top if top > 0 else 0.0
            radius = 1.0 - 0.55 * strength  # stronger = nearer
            angle = 2 * math.pi * i / max(n, 1) + math.pi / 2
            x, y = radius * math.cos(angle), radius * math.sin(angle)
            colour = "#c0392b" if rising[i] else "#7f8c8d"
            ax.plot([0, x], [0, y], color=colour, linewidth=0.5 + 4 * strength, alpha=0.6)
            ax.scatter(
                [x],
                [y],
                s=80 + 900 * row.together / most,
                color="#d6eaf8",
                edgecolor=colour,
                zorder=3,
            )
            ax.text(
                x,
                y,
                f"{labels.get(row.term_id, row.term)}\n{row.together}",
                ha="center",
                va="center",
                fontsize=9,
                zorder=4,
            )
        ax.scatter([0], [0], s=1600, color="#f9e79f", edgecolor="#b7950b", zorder=5)
        ax.annotate(center, (0, 0), ha="center", va="center", fontsize=12, zorder=6)
        ax.set_xlim(-1.3, 1.3)
        ax.set_ylim(-1.3, 1.3)
        ax.set_aspect("equal")
        ax.axis("off")
        span = related.attrs.get("window")
        default = f"{center} 연관어" + (f" ({span[0]} ~ {span[1]})" if span else "")
        ax.set_title(title if title is not None else default)
        if path is not None:
            fig.savefig(path, dpi=150)
    return fig
