"""Line charts of term trends, with Korean labels (matplotlib, no GUI)."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from glossary import Glossary

__all__ = ["KOREAN_FONTS", "VALUES", "korean_font", "plot_trends"]

#: Font families tried in order; the first that matplotlib can find is used.
KOREAN_FONTS = (
    "NanumGothic",
    "NanumBarunGothic",
    "Noto Sans CJK KR",
    "Noto Sans KR",
    "Source Han Sans KR",
    "UnDotum",
    "Malgun Gothic",
    "Apple SD Gothic Neo",
    "AppleGothic",
    "Baekmuk Gulim",
)
# File-name stems of the same fonts, for fonts installed after matplotlib built its cache.
_FONT_FILES = (
    "nanumgothic",
    "nanumbarungothic",
    "notosanscjk",
    "notosanskr",
    "undotum",
    "malgun",
    "applesdgothicneo",
    "applegothic",
    "gulim",
)
VALUES = {
    "share": "기사 비율",
    "share_smoothed": "기사 비율 (이동 평균)",
    "documents": "기사 수",
    "mentions": "언급 수",
}
_DEFAULT_LINES = 8
NO_FONT_HINT = (
    "no Korean font found, so Hangul in the chart will show as boxes; install one, e.g. "
    "`apt-get install fonts-nanum` (Debian/Ubuntu), `dnf install google-nanum-fonts` or "
    "`brew install --cask font-nanum-gothic`, then run again"
)


def korean_font() -> str | None:
    """The family name of a Korean font matplotlib can use, or ``None``.

    Looks at matplotlib's font list first, then at the system's font files (a font
    installed after matplotlib built its cache is added to the list).
    """
    from matplotlib import font_manager

    known = {f.name for f in font_manager.fontManager.ttflist}
    for name in KOREAN_FONTS:
        if name in known:
            return name
    for path in sorted(font_manager.findSystemFonts()):
        stem = Path(path).stem.lower().replace("-", "").replace("_", "")
        if stem.startswith(_FONT_FILES) and "bold" not in stem:
            try:
                font_manager.fontManager.addfont(path)
                return font_manager.FontProperties(fname=path).get_name()
            except (OSError, RuntimeError):  # unreadable or unsupported font file
                continue
    return None


def _labels(glossary: Glossary | Mapping[str, str] | None) -> Mapping[str, str]:
    if glossary is None:
        return {}
    if isinstance(glossary, Mapping):
        return glossary
    return {t.id: t.term for t in glossary}


def plot_trends(
    df: pd.DataFrame,
    *,
    terms: Iterable[str] | None = None,
    value: str = "share",
    path: str | Path | None = None,
    title: str | None = None,
    glossary: Glossary | Mapping[str, str] | None = None,
) -> Figure:
    """Draw a :func:`extract.term_trends` table as a line chart, one line per term.

    Parameters
    ----------
    df : pandas.DataFrame
        Output of :func:`extract.term_trends` (with ``source``, one line per term and source).
    terms : iterable of str, optional
        Term ids to draw; default: the 8 found in the most documents.
    value : {"share", "share_smoothed", "documents", "mentions"}
        Column to draw.
    path : str or Path, optional
        Also save the chart there (format from the suffix: .png, .svg, .pdf).
    title : str, optional
        Chart title (default "용어 추이").
    glossary : Glossary or mapping of id to label, optional
        Legend labels (display forms); default: the term ids.

    Returns
    -------
    matplotlib.figure.Figure
        Not attached to pyplot, so no window opens and nothing global changes.

    Warns
    -----
    UserWarning
        When no Korean font is installed (the chart is still drawn).

    Examples
    --------
    >>> from extract import trends_from_documents
    >>> from corpus import load_sample
    >>> df = trends_from_documents(load_sample(), freq="M")  # doctest: +SKIP
    >>> fig = plot_trends(df, terms=["capex", "hyperscaler"], path="t.png")  # doctest: +SKIP
    """
    try:
        import matplotlib
    except ImportError:
        raise ImportError(
            "plot_trends needs matplotlib: pip install 'kotrend[plot]' (or matplotlib)"
        ) from None
    from matplotlib import dates as mdates
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import PercentFormatter

    if value not in VALUES:
        raise ValueError(f"`value` should be one of {tuple(VALUES)}, but got {value!r}")
    missing = {"period", "term_id", value} - set(df.columns)
    if missing:
        hint = " (pass smooth= to term_trends)" if value == "share_smoothed" else ""
        raise ValueError(f"`df` lacks columns {sorted(missing)}{hint}; it has {list(df.columns)}")
    if terms is None:
        order = df.groupby("term_id")["documents"].sum().sort_values(ascending=False, kind="stable")
        chosen = list(order.index[:_DEFAULT_LINES])
    else:
        chosen = [terms] if isinstance(terms, str) else list(terms)
        unknown = [t for t in chosen if t not in set(df["term_id"])]
        if unknown:
            raise ValueError(
                f"`terms` not in the table: {unknown}; it has {sorted(set(df['term_id']))[:20]}"
            )
    font = korean_font()
    if font is None:
        warnings.warn(NO_FONT_HINT, stacklevel=2)
    rc: Any = {"axes.unicode_minus": False}  # matplotlib types keys as a Literal
    if font is not None:
        rc["font.family"] = [font, "DejaVu Sans"]
    labels = _labels(glossary)
    by_source = "source" in df.columns
    # Text objects keep the font they were made with, so the figure renders the same when
    # it is drawn later (in a notebook) outside this context.
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=(9, 4.8), layout="constrained")
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        for term_id in chosen:
            sub = df[df["term_id"] == term_id]
            groups = sub.groupby("source", dropna=False) if by_source else [(None, sub)]
            for source, g in groups:
                label = labels.get(term_id, term_id)
                if by_source:
                    label = f"{label} · {source[0] if isinstance(source, tuple) else source}"
                g = g.sort_values("period")
                ax.plot(g["period"], g[value], marker="o", markersize=3, linewidth=1.6, label=label)
        ax.set_title(title if title is not None else "용어 추이")
        ax.set_xlabel("기간")
        ax.set_ylabel(VALUES[value])
        if value.startswith("share"):
            ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        locator = mdates.AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.grid(alpha=0.3)
        if chosen:
            ax.legend(loc="best", fontsize="small", frameon=False)
        if path is not None:
            with warnings.catch_warnings():
                if font is None:  # already explained above, once
                    warnings.filterwarnings("ignore", message="Glyph .* missing from")
                fig.savefig(path, dpi=150)
    return fig
