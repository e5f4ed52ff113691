"""The interactive HTML chart (plotly) and legends that name terms as the news writes them.

The browser test opens the chart from a file in headless Chromium (as the editor page's
test does: Playwright for Python and a system Chromium; skipped without them).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from extract import plot_related, plot_trends, plot_trends_html, related_terms, term_trends
from extract.trends import label_terms, top_surfaces
from glossary import Glossary, Term

pytest.importorskip("plotly")
pytest.importorskip("matplotlib")

GLOSSARY = Glossary(
    [
        Term(id="ai", term="인공지능", aliases=("AI",)),
        Term(id="hbm", term="고대역폭 메모리", aliases=("HBM",)),
        Term(id="capex", term="자본 지출", aliases=("Capex",)),
    ],
    name="t",
    version="1",
)
# "AI" outnumbers "인공지능"; "자본지출" is the name written without its space.
MENTIONS = pd.DataFrame(
    {
        "doc_id": ["d0", "d1", "d2", "d3", "d1", "d2", "d4", "d5"],
        "term_id": ["ai", "ai", "ai", "ai", "hbm", "hbm", "capex", "capex"],
        "surface": ["AI", "AI", "인공지능", "AI", "HBM", "고대역폭 메모리", "자본지출", "Capex"],
    }
)
LABELS = {"ai": "AI (인공지능)", "hbm": "HBM (고대역폭 메모리)", "capex": "Capex (자본 지출)"}


@pytest.fixture(scope="module")
def trends() -> pd.DataFrame:
    days = [dt.date(2025, 12, 1) + dt.timedelta(days=7 * i) for i in range(8)]
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(8)], "date": days, "source": "한빛경제"})
    doc_terms = MENTIONS.groupby(["doc_id", "term_id"]).size().rename("mentions").reset_index()
    return term_trends(doc_terms, docs, freq="W", smooth=2)


@pytest.mark.parametrize(
    ("surfaces", "expected"),
    [
        ({"ai": "AI"}, "AI (인공지능)"),
        ({"ai": "인공지능"}, "인공지능"),
        ({"ai": "인공 지능"}, "인공지능"),  # spacing alone is the same name
        ({"hbm": "HBM"}, "인공지능"),  # another term's form leaves this one alone
        ({}, "인공지능"),
    ],
)
def test_label_is_the_most_written_form_when_it_differs(surfaces, expected) -> None:
    assert label_terms(GLOSSARY, surfaces)["ai"] == expected


def test_top_surfaces_counts_mentions() -> None:
    assert top_surfaces(MENTIONS) == {"ai": "AI", "capex": "Capex", "hbm": "HBM"}
    with pytest.raises(ValueError, match=r"missing \['surface'\]"):
        top_surfaces(MENTIONS[["term_id"]])


def test_png_html_and_network_use_the_same_labels(trends: pd.DataFrame) -> None:
    surfaces = top_surfaces(MENTIONS)
    fig = plot_trends(trends, glossary=GLOSSARY, surfaces=surfaces)
    png = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    html = plot_trends_html(trends, glossary=GLOSSARY, surfaces=surfaces)
    shown = [t.name for t in html.data if t.showlegend is not False]
    assert png == shown == [LABELS["ai"], LABELS["capex"], LABELS["hbm"]]
    # The smoothed line and its faint raw line share a legend entry, as in the PNG.
    assert len(html.data) == 2 * len(shown)
    assert {t.legendgroup for t in html.data} == set(shown)
    doc_terms = MENTIONS.drop(columns="surface")
    network = plot_related(related_terms(doc_terms, "hbm", glossary=GLOSSARY), surfaces=surfaces)
    texts = {t.get_text().split("\n")[0] for t in network.axes[0].texts}
    assert texts == {LABELS["hbm"], LABELS["ai"]}


def test_html_values_and_groups(trends: pd.DataFrame) -> None:
    fig = plot_trends_html(trends, value="documents", terms=["hbm"], title="주간 추이")
    (trace,) = fig.data
    assert list(trace.y) == trends.loc[trends["term_id"] == "hbm", "documents"].tolist()
    assert fig.layout.title.text == "주간 추이" and fig.layout.yaxis.title.text == "기사 수"
    assert "%{y:,}" in trace.hovertemplate and "%{x|%Y-%m-%d}" in trace.hovertemplate
    by = trends.assign(category=["경제", "정치"] * (len(trends) // 2))
    fig = plot_trends_html(by, terms=["ai"], glossary=GLOSSARY)
    assert sorted(t.name for t in fig.data if t.showlegend is not False) == [
        "인공지능 · 경제",
        "인공지능 · 정치",
    ]


def test_html_file_is_self_contained(trends: pd.DataFrame, tmp_path: Path) -> None:
    out = tmp_path / "chart.html"
    plot_trends_html(trends, path=out, glossary=GLOSSARY)
    html = out.read_text(encoding="utf-8")
    assert out.stat().st_size > 1_000_000  # plotly.js is inside
    # plotly.js names a CDN for map data inside its code; no tag loads anything.
    tags = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", html)
    assert tags and not [t for t in tags if "src=" in t or "href=" in t]
    assert json.dumps("인공지능")[1:-1] in html  # labels go into the page as JSON


# --- in Chromium -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def page(browser: Any) -> Any:
    context = browser.new_context(locale="ko-KR")
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


@pytest.mark.slow
def test_chart_renders_offline_in_chromium(page: Any, trends: pd.DataFrame, tmp_path: Path) -> None:
    out = tmp_path / "chart.html"
    plot_trends_html(trends, path=out, glossary=GLOSSARY, surfaces=top_surfaces(MENTIONS))
    requests: list[str] = []
    problems: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda err: problems.append(str(err)))
    # Anything but the file itself would be a network request: refuse it, and record it.
    page.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort(),
    )
    page.goto(out.as_uri())
    page.wait_for_selector(".scatterlayer .trace")
    assert page.locator(".scatterlayer .trace").count() == 6  # 3 smoothed + 3 raw
    legend = page.locator(".legend .traces")
    assert legend.all_text_contents() == [LABELS["ai"], LABELS["capex"], LABELS["hbm"]]
    assert page.locator(".xtitle").text_content() == "기간"
    # Click a legend entry: its lines (smoothed and raw) are hidden.
    legend.first.click()
    page.wait_for_function(
        "() => document.querySelector('.js-plotly-plot').data[0].visible === 'legendonly'"
    )
    assert page.locator(".scatterlayer .trace").count() == 4
    # Hover over a point: the label shows its value.
    page.locator(".js-plotly-plot").evaluate(
        "el => Plotly.Fx.hover(el, [{curveNumber: 5, pointNumber: 1}])"
    )
    hover = page.locator(".hoverlayer").text_content()
    # The smoothed line of HBM in its second week: (0 + 1/1) / 2 of the documents.
    assert hover == f"{LABELS['hbm']}2025-12-08기사 비율 (이동 평균) 50.00%기사 1 / 1"
    assert [u for u in requests if not u.startswith("file:")] == []
    assert problems == []
