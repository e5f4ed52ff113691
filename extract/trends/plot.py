"""Line charts of term trends, with Korean labels: images (matplotlib, no GUI) and
self-contained interactive HTML (plotly)."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extract.trends.labels import label_terms

if TYPE_CHECKING:
    import pandas as pd
    import plotly.graph_objects as go
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from glossary import Glossary

__all__ = ["KOREAN_FONTS", "VALUES", "korean_font", "plot_trends", "plot_trends_html"]

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


#: Columns of a :func:`extract.term_trends` table; any other column is the ``by`` field.
_TREND_COLUMNS = frozenset(
    {"period", "term_id", "mentions", "documents", "total_documents", "share", "share_smoothed"}
)


def _group_column(df: pd.DataFrame) -> str | None:
    """The ``by`` column of a trends table (``source``, ``category``, ...), if any."""
    return next((str(c) for c in df.columns if c not in _TREND_COLUMNS), None)


def _series(df: pd.DataFrame, chosen: list[str], by: str | None) -> list[tuple[str, Any, Any]]:
    """(term id, group value, rows) per line, largest (most documents) first within the
    order of ``chosen`` when grouped."""
    out: list[tuple[str, Any, Any]] = []
    for term_id in chosen:
        sub = df[df["term_id"] == term_id]
        if by is None:
            out.append((term_id, None, sub))
            continue
        for group, g in sub.groupby(by, dropna=False):
            out.append((term_id, group[0] if isinstance(group, tuple) else group, g))
    if by is not None:
        out.sort(key=lambda s: -int(s[2]["documents"].sum()))
    return out


def _lines(
    df: pd.DataFrame,
    *,
    terms: Iterable[str] | None,
    value: str,
    glossary: Glossary | Mapping[str, str] | None,
    surfaces: Mapping[str, str] | None,
    basic: bool,
    max_lines: int,
) -> tuple[list[tuple[str, Any]], bool]:
    """The lines both chart kinds draw, as (legend label, rows), and whether ``share``
    is drawn smoothed over the raw one; warns (stacklevel 3) when lines are left out."""
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
    by = _group_column(df)
    series = _series(df, chosen, by)
    if len(series) > max_lines:
        warnings.warn(
            f"{len(series)} lines asked for; drawing the {max_lines} with the most documents "
            "(pass terms= or max_lines=)",
            stacklevel=3,
        )
        series = series[:max_lines]
    labels = label_terms(glossary, surfaces)
    lines = []
    for term_id, group, rows in series:
        label = labels.get(term_id, term_id)
        if by is not None:
            label = f"{label} · {group if isinstance(group, str) else '(없음)'}"
        lines.append((label, rows.sort_values("period")))
    return lines, value == "share" and "share_smoothed" in df.columns


def plot_trends(
    df: pd.DataFrame,
    *,
    terms: Iterable[str] | None = None,
    value: str = "share",
    path: str | Path | None = None,
    title: str | None = None,
    glossary: Glossary | Mapping[str, str] | None = None,
    surfaces: Mapping[str, str] | None = None,
    basic: bool = False,
    max_lines: int = 20,
    ax: Axes | None = None,
) -> Figure:
    """Draw a :func:`extract.term_trends` table as a line chart, one line per term.

    Parameters
    ----------
    df : pandas.DataFrame
        Output of :func:`extract.term_trends` (with a ``by`` column such as ``source``:
        one line per term and value).
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
    surfaces : mapping of id to surface form, optional
        The form each term is mostly written in (:func:`top_surfaces` of the mentions
        table): a term mostly written otherwise than its name is labelled
        ``"AI (인공지능)"``.
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
    from matplotlib.ticker import MaxNLocator, PercentFormatter

    lines, smoothed = _lines(
        df, terms=terms, value=value, glossary=glossary, surfaces=surfaces, basic=basic,
        max_lines=max_lines,
    )  # fmt: skip
    font = korean_font()
    if font is None:
        warnings.warn(NO_FONT_HINT, stacklevel=2)
    rc: Any = {"axes.unicode_minus": False}  # matplotlib types keys as a Literal
    if font is not None:
        rc["font.family"] = [font, "DejaVu Sans"]
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
        cmap = matplotlib.colormaps["tab10" if len(lines) <= 10 else "tab20"]
        colours = list(cmap.colors)  # type: ignore[attr-defined]
        for i, (label, g) in enumerate(lines):
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
        else:  # counts: no "1.25 articles" ticks
            ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        locator = mdates.AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        # The first tick and each tick in a new year name the year, so a December point
        # is never just "12-15" with the year only in a corner offset.
        ax.xaxis.set_major_formatter(_year_formatter())
        ax.grid(alpha=0.3)
        if lines:
            # Outside the plot, so it hides no data; two columns past 15 entries.
            ax.legend(
                loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small", frameon=False,
                ncols=2 if len(lines) > 15 else 1,
            )  # fmt: skip
        if path is not None:
            with warnings.catch_warnings():
                if font is None:  # already explained above, once
                    warnings.filterwarnings("ignore", message="Glyph .* missing from")
                fig.savefig(path, dpi=150)
    return fig


#: Fonts the HTML chart asks the browser for, Korean ones first.
_HTML_FONTS = ", ".join([*(f"'{f}'" for f in KOREAN_FONTS), "sans-serif"])


def plot_trends_html(
    df: pd.DataFrame,
    *,
    terms: Iterable[str] | None = None,
    value: str = "share",
    path: str | Path | None = None,
    title: str | None = None,
    glossary: Glossary | Mapping[str, str] | None = None,
    surfaces: Mapping[str, str] | None = None,
    basic: bool = False,
    max_lines: int = 20,
) -> go.Figure:
    """Draw a :func:`extract.term_trends` table as an interactive chart (plotly): the
    lines of :func:`plot_trends`, values on hover, a click on a legend entry hides or
    shows its line.

    Parameters
    ----------
    df, terms, value, title, glossary, surfaces, basic, max_lines
        As for :func:`plot_trends`.
    path : str or Path, optional
        Also save the chart there as one self-contained HTML file: plotly's JavaScript
        is inlined (about 5 MB), so it opens offline and loads nothing from the network.

    Returns
    -------
    plotly.graph_objects.Figure

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"period": pd.to_datetime(["2026-03-02", "2026-03-09"]),
    ...                    "term_id": "oil_price", "mentions": [3, 5], "documents": [2, 4],
    ...                    "total_documents": [10, 10], "share": [0.2, 0.4]})
    >>> fig = plot_trends_html(df, glossary={"oil_price": "유가"})
    >>> [trace.name for trace in fig.data], fig.layout.yaxis.title.text
    (['유가'], '기사 비율')
    """
    try:
        import plotly.graph_objects as go
        import plotly.io as pio
    except ImportError:
        raise ImportError(
            "plot_trends_html needs plotly: pip install 'kotrend[plot]' (or plotly)"
        ) from None

    lines, smoothed = _lines(
        df, terms=terms, value=value, glossary=glossary, surfaces=surfaces, basic=basic,
        max_lines=max_lines,
    )  # fmt: skip
    share = value.startswith("share")
    number = "%{y:.2%}" if share else "%{y:,}"
    from plotly.colors import qualitative

    # D3 is matplotlib's tab10, so up to 10 lines have the colours of the PNG chart; past
    # that a 24-colour palette keeps them apart.
    colours = qualitative.D3 if len(lines) <= 10 else qualitative.Light24
    fig = go.Figure()
    for i, (label, g) in enumerate(lines):
        colour = colours[i % len(colours)]

        def hover(what: str, label: str = label) -> str:
            return (
                f"<b>{label}</b><br>%{{x|%Y-%m-%d}}<br>{what} {number}"
                "<br>기사 %{customdata[0]:,} / %{customdata[1]:,}<extra></extra>"
            )

        custom = g[["documents", "total_documents"]].to_numpy()
        if smoothed:
            # The faint raw line belongs to the smoothed one's legend entry: one click
            # hides both.
            fig.add_scatter(
                x=g["period"], y=g["share"], mode="lines", name=label, legendgroup=label,
                showlegend=False, line={"color": colour, "width": 1}, opacity=0.35,
                customdata=custom, hovertemplate=hover(VALUES["share"]),
            )  # fmt: skip
            y, what = g["share_smoothed"], VALUES["share_smoothed"]
        else:
            y, what = g[value], VALUES[value]
        fig.add_scatter(
            x=g["period"], y=y, mode="lines" if smoothed else "lines+markers", name=label,
            legendgroup=label, line={"color": colour, "width": 2}, marker={"size": 5},
            customdata=custom, hovertemplate=hover(what),
        )  # fmt: skip
    fig.update_layout(
        title=title if title is not None else "용어 추이",
        font={"family": _HTML_FONTS},
        xaxis={"title": "기간", "tickformat": "%Y-%m-%d"},
        yaxis={
            "title": VALUES[value],
            "tickformat": ".1%" if share else ",d",
            "rangemode": "tozero",
        },
        legend={"title": "클릭: 선 숨기기/보이기", "itemclick": "toggle"},
        hovermode="closest",
        template="plotly_white",
    )
    if path is not None:
        pio.write_html(
            fig,
            str(path),
            include_plotlyjs=True,
            include_mathjax=False,
            full_html=True,
            config={"displaylogo": False},
        )
    return fig
