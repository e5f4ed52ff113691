"""Emerging terms (window against baseline) and Kleinberg burst detection."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import sys

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import bursts, emerging_terms
from extract.trends.bursts import burst_states

# 100 documents in January-February, 40 in March. Per-term document counts:
COUNTS = {  # term: (baseline documents, window documents)
    "steady": (20, 8),  # 20% -> 20%
    "rising": (5, 12),  # 5% -> 30%
    "new_rare": (0, 3),  # never before, 3 documents now
    "new_single": (0, 1),  # one document: below min_count
    "falling": (30, 3),  # 30% -> 7.5%
}


def _tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    base = [dt.date(2026, 1, 1) + dt.timedelta(days=i % 59) for i in range(100)]  # Jan 1 - Feb 28
    window = [dt.date(2026, 3, 1) + dt.timedelta(days=i % 31) for i in range(40)]
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(140)], "date": base + window})
    rows = []
    for term, (b, w) in COUNTS.items():
        rows += [(f"d{i}", term, 1) for i in range(b)]
        rows += [(f"d{100 + i}", term, 2) for i in range(w)]
    return pd.DataFrame(rows, columns=["doc_id", "term_id", "mentions"]), docs


DOC_TERMS, DOCS = _tables()
MARCH = ("2026-03-01", "2026-03-31")


def _by_term(df: pd.DataFrame) -> dict[str, dict]:
    return df.set_index("term_id").to_dict("index")


def test_counts_shares_and_attrs() -> None:
    out = emerging_terms(DOC_TERMS, DOCS, window=MARCH, min_count=1)
    rows = _by_term(out)
    assert rows["rising"]["window_documents"] == 12 and rows["rising"]["baseline_documents"] == 5
    assert rows["rising"]["window_mentions"] == 24 and rows["rising"]["baseline_mentions"] == 5
    assert rows["rising"]["window_share"] == pytest.approx(0.3)
    assert rows["rising"]["baseline_share"] == pytest.approx(0.05)
    assert out.attrs["window"] == (dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert out.attrs["baseline"] == (dt.date(2026, 1, 1), dt.date(2026, 2, 28))
    assert (out.attrs["window_documents"], out.attrs["baseline_documents"]) == (40, 100)


def test_log_ratio_is_finite_for_new_terms_and_near_zero_for_steady_ones() -> None:
    rows = _by_term(emerging_terms(DOC_TERMS, DOCS, window=MARCH, min_count=1))
    assert abs(rows["steady"]["log_ratio"]) < 0.2 and rows["steady"]["p_value"] > 0.3
    assert rows["rising"]["log_ratio"] > 2 and rows["rising"]["p_value"] < 1e-4
    assert math.isfinite(rows["new_rare"]["log_ratio"]) and rows["new_rare"]["log_ratio"] > 2
    assert rows["falling"]["log_ratio"] < -1 and rows["falling"]["p_value"] > 0.99


@pytest.mark.parametrize(
    ("method", "min_count", "expected"),
    [
        ("log_ratio", 3, ["new_rare", "rising", "steady", "falling"]),
        ("log_ratio", 1, ["new_rare", "rising", "new_single", "steady", "falling"]),
        # Evidence, not only size: 12 of 40 against 5% beats 3 of 40 against ~1%.
        ("binomial", 3, ["rising", "new_rare", "steady", "falling"]),
    ],
)
def test_ranking(method: str, min_count: int, expected: list[str]) -> None:
    out = emerging_terms(DOC_TERMS, DOCS, window=MARCH, min_count=min_count, method=method)
    assert out["term_id"].tolist() == expected
    assert out["score"].is_monotonic_decreasing


def test_a_stronger_prior_holds_back_the_rarest_terms() -> None:
    out = emerging_terms(DOC_TERMS, DOCS, window=MARCH, prior=5)
    assert out["term_id"].tolist()[:2] == ["rising", "new_rare"]


@pytest.mark.parametrize(
    ("window", "start"),
    [
        (None, dt.date(2026, 3, 9)),  # newest quarter of Jan 1 .. Mar 31: 23 of 90 days
        (MARCH, dt.date(2026, 3, 1)),
        (2, dt.date(2026, 3, 23)),  # the last two weeks (Mondays 03-23 and 03-30)
        ((dt.date(2026, 3, 16), pd.Timestamp("2026-03-31")), dt.date(2026, 3, 16)),
    ],
)
def test_window_forms(window, start) -> None:
    out = emerging_terms(DOC_TERMS, DOCS, window=window, min_count=1)
    assert out.attrs["window"] == (start, dt.date(2026, 3, 31))
    assert out.attrs["baseline"] == (dt.date(2026, 1, 1), start - dt.timedelta(days=1))


def test_explicit_baseline() -> None:
    out = emerging_terms(DOC_TERMS, DOCS, window=MARCH, baseline=("2026-02-01", "2026-02-28"))
    assert out.attrs["baseline"] == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert out.attrs["baseline_documents"] == sum(d.month == 2 for d in DOCS["date"])


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        (
            {"method": "chi2"},
            ValueError,
            r"`method` should be one of \('log_ratio', 'binomial'\), but got 'chi2'",
        ),
        ({"freq": "H"}, ValueError, "`freq` should be one of"),
        ({"prior": 0}, ValueError, "`prior` should be > 0, got 0"),
        ({"window": 0}, ValueError, "number of periods should be >= 1, got 0"),
        ({"window": "March"}, ValueError, "`window` should be START,END"),
        ({"window": 2.5}, TypeError, "`window` should be None, a number of periods, or a"),
        ({"window": ("2026-03-31", "2026-03-01")}, ValueError, "`window` starts after it ends"),
        ({"window": ("2026-13-01", "2026-03-01")}, ValueError, "month must be in 1..12"),
        (
            {"window": ("2027-01-01", "2027-01-31")},
            ValueError,
            r"window 2027-01-01..2027-01-31 holds no documents; "
            r"the documents run from 2026-01-01 to 2026-03-31",
        ),
        (
            {"window": ("2025-01-01", "2026-03-31")},
            ValueError,
            "the baseline .* holds no documents",
        ),
        (
            {"window": MARCH, "baseline": ("2026-02-01", "2026-03-05")},
            ValueError,
            "overlaps the window",
        ),
    ],
)
def test_bad_arguments(kwargs, error, message) -> None:
    with pytest.raises(error, match=message):
        emerging_terms(DOC_TERMS, DOCS, **kwargs)


def test_normal_approximation_without_scipy(monkeypatch: pytest.MonkeyPatch) -> None:
    exact = _by_term(emerging_terms(DOC_TERMS, DOCS, window=MARCH, method="binomial"))
    monkeypatch.setitem(sys.modules, "scipy.stats", None)  # import now raises ImportError
    approx = emerging_terms(DOC_TERMS, DOCS, window=MARCH, method="binomial")
    assert approx["term_id"].tolist()[:2] == ["rising", "new_rare"]
    for term, row in _by_term(approx).items():
        assert row["p_value"] == pytest.approx(exact[term]["p_value"], abs=0.05), term
    from extract.trends.emerging import _log_sf_normal

    assert math.isfinite(float(_log_sf_normal(900, 1000, 0.01)[()]))  # far tail: no log(0)


# --- bursts -----------------------------------------------------------------------------


def _cost_of(states: tuple[int, ...], r, d, s: float, gamma: float) -> float:
    p0 = sum(r) / sum(d)
    p = (p0, min(s * p0, 1 - 1e-9))
    cost, prev = 0.0, 0
    for si, ri, di in zip(states, r, d, strict=True):
        cost += -(ri * math.log(p[si]) + (di - ri) * math.log1p(-p[si]))
        cost += gamma * math.log(len(r)) if si > prev else 0.0
        prev = si
    return cost


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 10), st.integers(10, 30)), min_size=1, max_size=8),
    st.floats(1.5, 4.0),
    st.floats(0.0, 2.0),
)
def test_dynamic_programme_finds_the_cheapest_state_sequence(series, s, gamma) -> None:
    r, d = [x for x, _ in series], [y for _, y in series]
    if sum(r) in (0, sum(d)):  # the share is 0 or 1 throughout: nothing can burst
        assert burst_states(r, d, s=s, gamma=gamma)[0] == [0] * len(r)
        return
    states, _ = burst_states(r, d, s=s, gamma=gamma)
    best = min(_cost_of(c, r, d, s, gamma) for c in itertools.product((0, 1), repeat=len(r)))
    assert _cost_of(tuple(states), r, d, s, gamma) == pytest.approx(best)


def _series(counts: list[int], term: str = "hbm", source: str | None = None) -> pd.DataFrame:
    df = pd.DataFrame(
        {
            "period": pd.date_range("2023-03-01", periods=len(counts), freq="MS"),
            "term_id": term,
            "documents": counts,
            "total_documents": 1000,
        }
    )
    return df if source is None else df.assign(source=source)


def test_one_burst_where_the_share_jumps() -> None:
    out = bursts(_series([2, 3, 2, 2, 25, 30, 28, 3, 2, 2]))
    assert out.columns.tolist() == ["term_id", "start", "end", "periods", "weight"]
    assert len(out) == 1
    row = out.iloc[0]
    assert (row["start"], row["end"], row["periods"]) == (
        pd.Timestamp("2023-07-01"),
        pd.Timestamp("2023-09-01"),
        3,
    )
    assert row["weight"] > 0


def test_no_burst_in_a_flat_series_and_fewer_with_higher_gamma() -> None:
    assert bursts(_series([5] * 12)).empty
    spiky = _series([2, 9, 2, 2, 2, 10, 2, 2, 30, 2, 2, 2])
    assert len(bursts(spiky, gamma=0.5)) > len(bursts(spiky, gamma=4.0)) >= 1


def test_bursts_by_source_sorted_by_weight() -> None:
    df = pd.concat([_series([1, 1, 20, 1], source="A"), _series([1, 40, 40, 1], source="B")])
    out = bursts(df)
    assert out.columns.tolist()[:2] == ["source", "term_id"]
    assert out["source"].tolist() == ["B", "A"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"s": 1.0}, r"`s` should be > 1 .*got 1.0"),
        ({"gamma": -1}, "`gamma` should be >= 0, got -1"),
    ],
)
def test_burst_bad_arguments(kwargs, message) -> None:
    with pytest.raises(ValueError, match=message):
        bursts(_series([1, 2]), **kwargs)
    with pytest.raises(ValueError, match=r"missing columns \['total_documents'\]"):
        bursts(_series([1, 2]).drop(columns="total_documents"))


@pytest.mark.parametrize(
    "window", ["2026-03,2026-03", ("2026-03", "2026-03"), "2026-03-01,2026.3.31"]
)
def test_window_of_months_ends_with_its_last_day(window: object) -> None:
    # The same window parser as `box --window` and corpus dates: END counts to its last day.
    out = emerging_terms(DOC_TERMS, DOCS, window=window, min_count=1)
    assert out.attrs["window"] == (dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert out.attrs["window_documents"] == 40


def test_glossary_adds_the_term_column_the_cli_prints() -> None:
    from glossary import Glossary, Term

    g = Glossary([Term(id="rising", term="급등어")])
    out = emerging_terms(DOC_TERMS, DOCS, window=MARCH, min_count=1, glossary=g)
    assert out.columns[:2].tolist() == ["term_id", "term"]
    names = dict(zip(out["term_id"], out["term"], strict=True))
    assert names["rising"] == "급등어" and all(names[t] == t for t in names if t != "rising")
