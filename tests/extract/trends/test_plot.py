"""Trend charts: a PNG with Korean labels, or a clear warning when no Korean font exists."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

import extract.trends.plot
from extract import plot_trends, term_trends
from glossary import Glossary, Term

pytest.importorskip("matplotlib")

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
GLOSSARY = Glossary(
    [Term(id="capex", term="자본 지출"), Term(id="sovereign_ai", term="주권 AI")],
    name="t",
    version="1",
)


@pytest.fixture(scope="module")
def trends() -> pd.DataFrame:
    days = [dt.date(2026, 1, 5) + dt.timedelta(days=7 * i) for i in range(8)]
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(8)], "date": days, "source": "한빛경제"})
    doc_terms = pd.DataFrame(
        {
            "doc_id": ["d0", "d1", "d5", "d6", "d7"],
            "term_id": ["capex", "capex", "sovereign_ai", "sovereign_ai", "capex"],
            "mentions": 1,
        }
    )
    return term_trends(doc_terms, docs, freq="W", smooth=2)


def test_png_with_korean_labels(trends: pd.DataFrame, tmp_path: Path) -> None:
    font = extract.trends.plot.korean_font()
    if font is None:
        pytest.skip("no Korean font installed (apt-get install fonts-nanum)")
    out = tmp_path / "trends.png"
    # filterwarnings=error: a missing Hangul glyph would fail this test
    fig = plot_trends(trends, path=out, glossary=GLOSSARY, title="주간 용어 추이")
    assert out.read_bytes().startswith(PNG_MAGIC) and out.stat().st_size > 10_000
    ax = fig.axes[0]
    assert ax.get_title() == "주간 용어 추이" and ax.get_ylabel() == "기사 비율"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["자본 지출", "주권 AI"]
    assert ax.title.get_fontname() == font


def test_values_terms_and_sources(trends: pd.DataFrame) -> None:
    fig = plot_trends(trends, terms=["sovereign_ai"], value="share_smoothed")
    ax = fig.axes[0]
    assert len(ax.lines) == 1 and ax.get_ylabel() == "기사 비율 (이동 평균)"
    assert list(ax.lines[0].get_ydata()) == pytest.approx([0, 0, 0, 0, 0, 0.5, 1, 0.5])
    fig = plot_trends(trends, value="documents", glossary={"capex": "Capex"})
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["Capex", "sovereign_ai"]


def test_counts_have_whole_number_ticks(trends: pd.DataFrame) -> None:
    ax = plot_trends(trends, value="documents").axes[0]
    ticks = [t for t in ax.get_yticks() if ax.get_ylim()[0] <= t <= ax.get_ylim()[1]]
    assert len(ticks) >= 2 and all(float(t).is_integer() for t in ticks)


def test_default_is_the_most_mentioned_terms(trends: pd.DataFrame) -> None:
    many = pd.concat([trends.assign(term_id=f"t{i}", documents=i) for i in range(12)])
    labels = [t.get_text() for t in plot_trends(many).axes[0].get_legend().get_texts()]
    assert labels == [f"t{i}" for i in range(11, 3, -1)]  # the 8 with most documents


def test_no_korean_font_warns_and_still_draws(
    trends: pd.DataFrame, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(extract.trends.plot, "korean_font", lambda: None)
    out = tmp_path / "boxes.png"
    with pytest.warns(
        UserWarning, match=r"no Korean font found.*apt-get install fonts-nanum"
    ) as rec:
        plot_trends(trends, path=out, glossary=GLOSSARY)
    assert out.read_bytes().startswith(PNG_MAGIC)
    assert len(rec) == 1 and Path(rec[0].filename).name == Path(__file__).name


def test_font_lookup_finds_nothing_without_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    from matplotlib import font_manager

    monkeypatch.setattr(font_manager.fontManager, "ttflist", [])
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *a, **k: ["/x/DejaVuSans.ttf"])
    assert extract.trends.plot.korean_font() is None


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"value": "ratio"},
            r"`value` should be one of \('share', 'share_smoothed', 'documents', 'mentions'\)",
        ),
        ({"terms": ["nope"]}, r"`terms` not in the table: \['nope'\]"),
    ],
)
def test_bad_arguments(trends: pd.DataFrame, kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        plot_trends(trends, **kwargs)


def test_smoothed_value_needs_smooth(trends: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match=r"lacks columns \['share_smoothed'\] \(pass smooth="):
        plot_trends(trends.drop(columns="share_smoothed"), value="share_smoothed")


def test_smoothing_is_drawn_when_the_table_has_it(trends: pd.DataFrame) -> None:
    ax = plot_trends(trends, terms=["sovereign_ai"]).axes[0]
    # the faint raw share, then the smoothed line that carries the legend label
    assert len(ax.lines) == 2 and ax.lines[0].get_alpha() < 1
    assert list(ax.lines[1].get_ydata()) == pytest.approx([0, 0, 0, 0, 0, 0.5, 1, 0.5])


def test_basic_terms_left_out_unless_asked(trends: pd.DataFrame) -> None:
    g = Glossary(
        [Term(id="capex", term="자본 지출", basic=True), Term(id="sovereign_ai", term="주권 AI")]
    )
    legend = plot_trends(trends, glossary=g).axes[0].get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["주권 AI"]
    legend = plot_trends(trends, glossary=g, basic=True).axes[0].get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["자본 지출", "주권 AI"]


def test_lines_bounded_legend_outside_and_own_axes() -> None:
    days = pd.date_range("2025-10-06", periods=16, freq="W-MON")
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(16)], "date": days})
    docs["source"] = [f"s{i % 8}" for i in range(16)]
    doc_terms = pd.DataFrame(
        [(f"d{i}", f"t{j}") for i in range(16) for j in range(4)], columns=["doc_id", "term_id"]
    ).assign(mentions=1)
    df = term_trends(doc_terms, docs, freq="W", by_source=True)
    from matplotlib.figure import Figure

    mine = Figure()
    ax = mine.add_subplot()
    with pytest.warns(UserWarning, match="32 lines asked for; drawing the 20"):
        fig = plot_trends(df, ax=ax, max_lines=20)
    assert fig is mine and len(ax.lines) == 20
    colours = {tuple(line.get_color()) for line in ax.lines}
    assert len(colours) == 20  # no repeated colours
    assert ax.get_legend().get_bbox_to_anchor().x0 > ax.get_window_extent().x1 - 1
    mine.canvas.draw()
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert any("2026" in t for t in labels) and any("2025" in t for t in labels)
