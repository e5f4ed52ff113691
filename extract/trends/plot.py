"""Line charts of term trends, with Korean labels (matplotlib, no GUI)."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
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


def _year_formatter() -> Any:
    """Tick labels ``2025-12-15``, ``12-22``, ..., ``2026-01``: the year on the first tick
    and wherever it changes; months alone when every tick is the first of a month."""
    from matplotlib import dates as mdates
    from matplotlib.ticker import Formatter

    class Fmt(Formatter):
        def format_ticks(self, values: Any) -> list[str]:
            days = [mdates.num2date(v) for v in values]
            monthly = all(d.day == 1 for d in days)
            out, year = [], None
            for d in days:
                if monthly:
                    out.append(d.strftime("%Y-%m") if d.year != year else d.strftime("%m"))
                else:
                    out.append(d.strftime("%Y-%m-%d" if d.year != year else "%m-%d"))
                year = d.year
            return out

        def __call__(self, x: float, pos: int | None = None) -> str:
            return str(mdates.num2date(x).strftime("%Y-%m-%d"))

    return Fmt()


def _series(df: pd.DataFrame, chosen: list[str], by_source: bool) -> list[tuple[str, Any, Any]]:
    """(term id, source, rows) per line, largest (most documents) first within the order
    of ``chosen`` when by source."""
    out: list[tuple[str, Any, Any]] = []
    for term_id in chosen:
        sub = df[df["term_id"] == term_id]
        if not by_source:
            out.append((term_id, None, sub))
            continue
        for source, g in sub.groupby("source", dropna=False):
            out.append((term_id, source[0] if isinstance(source, tuple) else source, g))
    if by_source:
        out.sort(key=lambda s: -int(s[2]["documents"].sum()))
    return out


def plot_trends(
    df: pd.DataFrame,
    *,
    terms: Iterable[str] | None = None,
    value: str = "share",
    path: str | Path | None = None,
    title: str | None = None,
    glossary: Glossary | Mapping[str, str] | None = None,
    basic: bool = False,
    max_lines: int = 20,
    ax: Axes | None = None,
) -> Figure:
    """Draw a :func:`extract.term_trends` table as a line chart, one line per term.

    Parameters
    ----------
    df : pandas.DataFrame
        Output of :func:`extract.term_trends` (with ``source``, one line per term and source).
    terms : iterable of str, optional
        Term ids to draw; default: the 8 found in the most documents, leaving out basic
        terms (투자, 주가; :attr:`glossary.Term.basic`) when ``glossary`` is a Glossary.
    value : {"share", "share_smoothed", "documents", "mentions"}
        Column to draw. ``share`` of a table with ``share_smoothed`` draws the smoothed
        line over a faint raw one.
    path : str or Path, optional
        Also save the chart there (format from the suffix: .png, .svg, .pdf).
    title : str, optional
        Chart title (default "용어 추이").
    glossary : Glossary or mapping of id to label, optional
        Legend labels (display forms); default: the term ids.
    basic : bool
        Let basic terms into the default choice of lines.
    max_lines : int
        At most this many lines (terms x sources), the largest first, with a warning
        naming how many were left out; the legend sits outside the plot.
    ax : matplotlib.axes.Axes, optional
        Draw into this axes (of your own figure) instead of a new figure.

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
        skip = (
            set()
            if basic or glossary is None or isinstance(glossary, Mapping)
            else {t.id for t in glossary if t.basic}
        )
        chosen = [t for t in order.index if t not in skip][:_DEFAULT_LINES]
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
    smoothed = value == "share" and "share_smoothed" in df.columns
    series = _series(df, chosen, by_source)
    if len(series) > max_lines:
        warnings.warn(
            f"{len(series)} lines asked for; drawing the {max_lines} with the most documents "
            "(pass terms= or max_lines=)",
            stacklevel=2,
        )
        series = series[:max_lines]
    # Text objects keep the font they were made with, so the figure renders the same when
    # it is drawn later (in a notebook) outside this context.
    with matplotlib.rc_context(rc):
        if ax is None:
            fig = Figure(figsize=(9, 4.8), layout="constrained")
            FigureCanvasAgg(fig)
            ax = fig.add_subplot()
        else:
            fig = ax.figure  # type: ignore[assignment]
        # tab10 repeats after 10 lines; tab20 keeps up to 20 apart.
        cmap = matplotlib.colormaps["tab10" if len(series) <= 10 else "tab20"]
        colours = list(cmap.colors)  # type: ignore[attr-defined]
        for i, (term_id, source, g) in enumerate(series):
            label = labels.get(term_id, term_id)
            if by_source:
                label = f"{label} · {source}"
            g = g.sort_values("period")
            colour = colours[i % len(colours)]
            if smoothed:
                ax.plot(g["period"], g["share"], linewidth=0.8, alpha=0.35, color=colour)
                ax.plot(g["period"], g["share_smoothed"], linewidth=1.8, color=colour, label=label)
            else:
                ax.plot(
                    g["period"], g[value], marker="o", markersize=3, linewidth=1.6,
                    color=colour, label=label,
                )  # fmt: skip
        ax.set_title(title if title is not None else "용어 추이")
        ax.set_xlabel("기간")
        ax.set_ylabel(VALUES[value])
        if value.startswith("share"):
            ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        locator = mdates.AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        # The first tick and each tick in a new year name the year, so a December point
        # is never just "12-15" with the year only in a corner offset.
        ax.xaxis.set_major_formatter(_year_formatter())
        ax.grid(alpha=0.3)
        if series:
            # Outside the plot, so it hides no data; two columns past 15 entries.
            ax.legend(
                loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small", frameon=False,
                ncols=2 if len(series) > 15 else 1,
            )  # fmt: skip
        if path is not None:
            with warnings.catch_warnings():
                if font is None:  # already explained above, once
                    warnings.filterwarnings("ignore", message="Glyph .* missing from")
                fig.savefig(path, dpi=150)
    return fig
