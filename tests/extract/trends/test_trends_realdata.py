"""Trends on real headlines (skipped without ../shared/data): known stories show up."""

from __future__ import annotations

from pathlib import Path

import pytest

import glossary
from corpus import read_documents
from extract import Tagger, bursts, emerging_terms, tables_from_documents, term_trends
from extract.trends import label_terms, top_surfaces

pytestmark = [pytest.mark.realdata, pytest.mark.slow]


@pytest.fixture(scope="module")
def tagger(default_tagger: Tagger) -> Tagger:
    return default_tagger


def _tables(path: Path, tagger: Tagger) -> dict:
    if not path.exists():
        pytest.skip(f"{path.name} not in the shared data")
    return tables_from_documents(read_documents(path), tagger=tagger)


def test_hbm_rises_through_2023_in_samsung_headlines(shared_data: Path, tagger: Tagger) -> None:
    t = _tables(shared_data / "news" / "stocker_daum_samsung_headlines.jsonl", tagger)
    df = term_trends(t["doc_terms"], t["documents"], freq="M", terms=["hbm"])
    share = df.set_index(df["period"].dt.strftime("%Y-%m"))["share"]
    assert len(share) == 12 and df["total_documents"].sum() == len(t["documents"])
    # May to October 2023: every month a larger share of Samsung headlines mentions HBM
    rising = share["2023-05":"2023-10"]
    assert rising.is_monotonic_increasing and rising.iloc[-1] > 5 * rising.iloc[0]
    assert share["2023-10"] > 10 * share["2023-03"]
    (burst,) = bursts(df[df["period"] <= "2023-10-01"]).itertuples()
    assert burst.end.strftime("%Y-%m") == "2023-10"
    # Stocker's own field is kept, and the legend names 인공지능 as the headlines write it.
    assert set(t["documents"]["company"]) == {"삼성전자"}
    assert label_terms(glossary.default(), top_surfaces(t["mentions"]))["ai"] == "AI (인공지능)"


def test_oil_shock_emerges_in_march_2026_headlines(shared_data: Path, tagger: Tagger) -> None:
    t = _tables(shared_data / "news" / "danews_daily_ko_headlines.jsonl", tagger)
    out = emerging_terms(
        t["doc_terms"], t["documents"], window=("2026-03-01", "2026-03-15"), method="binomial"
    )
    assert out.attrs["window_documents"] + out.attrs["baseline_documents"] == len(t["documents"])
    assert "oil_price" in out["term_id"].head(3).tolist()
    weekly = term_trends(t["doc_terms"], t["documents"], freq="W", terms=["oil_price"])
    assert weekly["period"].nunique() == 14  # 2025-12-08 .. 2026-03-09
    assert weekly["share"].iloc[-2:].min() > 5 * weekly["share"].iloc[:-2].max()
    # Per danews section: oil rose in the sections that write about it, most in markets.
    monthly = term_trends(
        t["doc_terms"], t["documents"], freq="M", by="category", terms=["oil_price"]
    )
    share = monthly.pivot(index="period", columns="category", values="share")
    assert set(share.columns) == {"IT", "경제", "기업", "부동산", "정치", "증권"}
    assert (share.iloc[-1] >= share.iloc[:-1].max()).all()
    assert (share.iloc[-1] > share.iloc[:-1].max()).sum() >= 4
    assert share.iloc[-1].idxmax() == "증권"
    stocks = term_trends(
        t["doc_terms"], t["documents"], freq="M", where={"category": "증권"}, terms=["oil_price"]
    )
    assert stocks["share"].tolist() == share["증권"].tolist()
