"""Term trends: periods, shares over all documents, zero-filled series, smoothing, inputs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import Document
from extract import (
    Tagger,
    load_table,
    tables_from_documents,
    tag_archive,
    term_trends,
    trends_from_documents,
    trends_from_run,
)
from glossary import Glossary, Term

# Eight documents over two weeks (Mon 2026-03-02 .. Sun 03-15), two sources, one undated
# document and two documents that mention nothing: they still count in the denominator.
DOCS = pd.DataFrame(
    {
        "doc_id": ["a", "b", "c", "d", "e", "f", "g", "h"],
        "date": [dt.date(2026, 3, d) for d in (2, 3, 8, 9, 10, 12, 15)] + [None],
        "source": [
            "한빛경제",
            "미래금융",
            "한빛경제",
            "한빛경제",
            "미래금융",
            "미래금융",
            "한빛경제",
            "한빛경제",
        ],
    }
)
DOC_TERMS = pd.DataFrame(
    {
        "doc_id": ["a", "a", "b", "d", "e", "g", "h"],
        "term_id": [
            "capex",
            "hyperscaler",
            "capex",
            "sovereign_ai",
            "sovereign_ai",
            "sovereign_ai",
            "capex",
        ],
        "mentions": [3, 1, 1, 2, 1, 1, 5],
    }
)


def _trends(**kw) -> pd.DataFrame:
    with pytest.warns(UserWarning, match="1 of 8 documents have no date"):
        return term_trends(DOC_TERMS, DOCS, **kw)


def _row(df: pd.DataFrame, period: str, term_id: str, **keys) -> pd.Series:
    mask = (df["period"] == pd.Timestamp(period)) & (df["term_id"] == term_id)
    for k, v in keys.items():
        mask &= df[k] == v
    (index,) = df.index[mask]
    return df.loc[index]


@pytest.mark.parametrize(
    ("period", "term_id", "mentions", "documents", "total", "share"),
    [
        ("2026-03-02", "capex", 4, 2, 3, 2 / 3),  # a, b; c mentions nothing but counts
        ("2026-03-02", "hyperscaler", 1, 1, 3, 1 / 3),
        ("2026-03-02", "sovereign_ai", 0, 0, 3, 0.0),  # zero-filled
        ("2026-03-09", "sovereign_ai", 4, 3, 4, 0.75),  # d, e, g (Sunday 15th is in this week)
        ("2026-03-09", "capex", 0, 0, 4, 0.0),  # h is undated: left out
    ],
)
def test_weekly_counts_and_shares(period, term_id, mentions, documents, total, share) -> None:
    row = _row(_trends(freq="W"), period, term_id)
    assert (row["mentions"], row["documents"], row["total_documents"]) == (
        mentions,
        documents,
        total,
    )
    assert row["share"] == pytest.approx(share)


def test_tidy_columns_sorted_and_continuous() -> None:
    df = _trends(freq="D")
    assert list(df.columns) == [
        "period",
        "term_id",
        "mentions",
        "documents",
        "total_documents",
        "share",
    ]
    # every term has one row per day that has documents (7 dated days), in order
    assert df.groupby("term_id").size().to_dict() == {
        "capex": 7,
        "hyperscaler": 7,
        "sovereign_ai": 7,
    }
    for _, g in df.groupby("term_id"):
        assert g["period"].is_monotonic_increasing
    assert df["term_id"].tolist() == sorted(df["term_id"])


def test_monthly_periods_start_on_the_first() -> None:
    df = _trends(freq="M")
    assert set(df["period"]) == {pd.Timestamp("2026-03-01")}
    assert _row(df, "2026-03-01", "sovereign_ai")["share"] == pytest.approx(3 / 7)


def test_by_source_has_its_own_denominators() -> None:
    df = _trends(freq="W", by_source=True)
    assert list(df.columns[:3]) == ["period", "source", "term_id"]
    row = _row(df, "2026-03-09", "sovereign_ai", source="미래금융")
    assert (row["documents"], row["total_documents"]) == (1, 2)  # e of e, f
    row = _row(df, "2026-03-02", "capex", source="한빛경제")
    assert (row["documents"], row["total_documents"]) == (1, 2)  # a of a, c


CATEGORY = ["경제", "경제", "정치", "경제", None, "정치", "경제", "경제"]


def test_by_any_field_and_by_source_agree() -> None:
    docs = DOCS.assign(category=CATEGORY)
    with pytest.warns(UserWarning, match="no date"):
        by_field = term_trends(DOC_TERMS, docs, freq="W", by="category")
        by_source = term_trends(DOC_TERMS, docs, freq="W", by="source")
    assert list(by_field.columns[:3]) == ["period", "category", "term_id"]
    row = _row(by_field, "2026-03-02", "capex", category="경제")
    assert (row["documents"], row["total_documents"]) == (2, 2)  # a, b of a, b
    row = _row(by_field, "2026-03-09", "sovereign_ai", category="정치")
    assert (row["documents"], row["total_documents"]) == (0, 1)  # f
    # A document without the field is its own group, not dropped from the totals.
    missing = by_field[by_field["category"].isna() & (by_field["term_id"] == "sovereign_ai")]
    assert missing[["documents", "total_documents"]].values.tolist() == [[1, 1]]  # e
    assert by_source.equals(_trends(freq="W", by_source=True))


@pytest.mark.parametrize(
    ("where", "documents", "total"),
    [
        ({"category": "경제"}, 2, 2),  # d, g of d, g in the week of 03-09
        ({"category": ["경제", "정치"]}, 2, 3),  # d, g of d, f, g
        ({"category": "경제", "source": "한빛경제"}, 2, 2),
        ({"source": "미래금융"}, 1, 2),  # e of e, f
    ],
)
@pytest.mark.filterwarnings("ignore:.*have no date")  # only when h is among the chosen
def test_where_counts_only_matching_documents(where, documents, total) -> None:
    df = term_trends(DOC_TERMS, DOCS.assign(category=CATEGORY), freq="W", where=where)
    row = _row(df, "2026-03-09", "sovereign_ai")
    assert (row["documents"], row["total_documents"]) == (documents, total)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"by": "section"}, r"`by` should name a field of the documents, one of \['category', "
         r"'source'\], but got 'section'"),
        ({"where": {"date": "2026-03-02"}}, r"`where` should name a field .* got 'date'"),
        ({"by": "category", "by_source": True}, "not both"),
    ],
)  # fmt: skip
def test_unknown_field_is_an_error_listing_the_fields(kwargs, message) -> None:
    with pytest.raises(ValueError, match=message):
        term_trends(DOC_TERMS, DOCS.assign(category=CATEGORY), **kwargs)


@pytest.mark.parametrize(
    "where",
    [{"category": "경재"}, {"category": ["경제", "정채"]}, {"source": "한빛 경제"}],
)
def test_a_value_no_document_has_is_an_error_listing_the_values(where) -> None:
    # A misspelt value would otherwise select nothing and print empty trends.
    ((field, value),) = where.items()
    bad = value if isinstance(value, str) else value[-1]
    with pytest.raises(ValueError, match=rf"no document has {field} {bad!r}; it has ") as err:
        term_trends(DOC_TERMS, DOCS.assign(category=CATEGORY), freq="W", where=where)
    assert ("'한빛경제'" if field == "source" else "'경제', '정치'") in str(err.value)


def test_smoothing_is_a_rolling_mean_over_zero_filled_periods() -> None:
    df = _trends(freq="D", smooth=3, terms=["capex"])
    shares = df["share"].tolist()
    assert shares == [1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    assert df["share_smoothed"].tolist() == pytest.approx([1.0, 1.0, 2 / 3, 1 / 3, 0.0, 0.0, 0.0])


def test_terms_filter_keeps_unseen_glossary_terms_as_zero_series(test_glossary) -> None:
    unseen = next(t for t in test_glossary if t.id not in set(DOC_TERMS["term_id"]))
    df = _trends(terms=["sovereign_ai", unseen.id], glossary=test_glossary)
    assert set(df["term_id"]) == {"sovereign_ai", unseen.id}
    assert df.loc[df["term_id"] == unseen.id, "documents"].sum() == 0


def test_terms_by_any_form_case_and_spacing_insensitive() -> None:
    g = Glossary([Term(id="sovereign_ai", term="주권 AI", aliases=("소버린 AI",))])
    want = _trends(terms=["sovereign_ai"])
    for name in ("소버린AI", "소버린 ai", "주권 AI", " SOVEREIGN_AI"):
        pd.testing.assert_frame_equal(_trends(terms=[name], glossary=g), want)


def test_unknown_term_is_an_error_naming_close_matches() -> None:
    g = Glossary([Term(id="sovereign_ai", term="주권 AI", aliases=("소버린 AI",))])
    with pytest.raises(ValueError, match=r"'소버린 A' \(close: sovereign_ai \(주권 AI\)\)"):
        _trends(terms=["sovereign_ai", "소버린 A"], glossary=g)


def test_mentions_table_gives_the_same_trends() -> None:
    mentions = DOC_TERMS.loc[DOC_TERMS.index.repeat(DOC_TERMS["mentions"]), ["doc_id", "term_id"]]
    mentions = mentions.assign(surface="x", start=0, end=1)
    with pytest.warns(UserWarning, match="no date"):
        got = term_trends(mentions, DOCS, freq="W")
    pd.testing.assert_frame_equal(got, _trends(freq="W"))


def test_no_warning_when_every_document_is_dated() -> None:
    df = term_trends(DOC_TERMS, DOCS.iloc[:7], freq="W")  # filterwarnings=error would fail
    assert df["total_documents"].groupby(df["period"]).first().sum() == 7


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        (
            {"freq": "H"},
            ValueError,
            r"`freq` should be one of \(.D., .W., .M., .Q., .Y.\), but got .H.",
        ),
        ({"smooth": 0}, ValueError, "`smooth` should be a window of >= 1 periods or None, got 0"),
        ({"smooth": True}, ValueError, "`smooth`"),
    ],
)
def test_bad_arguments(kwargs, error, message) -> None:
    with pytest.raises(error, match=message):
        term_trends(DOC_TERMS, DOCS, **kwargs)


def test_bad_tables() -> None:
    with pytest.raises(
        ValueError, match=r"columns doc_id and term_id; got columns \['doc_id', 'x'\]"
    ):
        term_trends(pd.DataFrame({"doc_id": [], "x": []}), DOCS)
    with pytest.raises(ValueError, match=r"missing \['date'\]"):
        term_trends(DOC_TERMS, DOCS.drop(columns="date"))
    with pytest.raises(TypeError, match="got list"):
        term_trends([], DOCS)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 40), st.sets(st.sampled_from(["a", "b", "c"]))),
        min_size=1,
        max_size=30,
    ),
    st.sampled_from(["D", "W", "M"]),
)
def test_invariants(docs, freq) -> None:
    day0 = dt.date(2026, 1, 1)
    documents = pd.DataFrame(
        {
            "doc_id": [str(i) for i in range(len(docs))],
            "date": [day0 + dt.timedelta(d) for d, _ in docs],
        }
    )
    rows = [(str(i), t, 1) for i, (_, terms) in enumerate(docs) for t in sorted(terms)]
    doc_terms = pd.DataFrame(rows, columns=["doc_id", "term_id", "mentions"])
    df = term_trends(doc_terms, documents, freq=freq)
    assert df["share"].between(0, 1).all()
    assert (df["documents"] <= df["total_documents"]).all()
    for term_id, g in df.groupby("term_id"):
        assert g["total_documents"].sum() == len(docs)  # every document in exactly one period
        assert g["documents"].sum() == sum(term_id in terms for _, terms in docs)


SAMPLE = [
    Document(
        id="s1", date=dt.date(2026, 3, 2), source="한빛경제", title="하이퍼스케일러 자본지출 확대"
    ),
    Document(id="s2", date=dt.date(2026, 3, 3), source="한빛경제", title="코스피 강보합"),
    Document(id="s3", date=dt.date(2026, 3, 10), source="미래금융", title="정부, 소버린 AI에 투자"),
    Document(id="s4", title="날짜 없는 기사: 주권 AI"),
]


def test_tables_and_trends_from_documents(fast_tagger: Tagger) -> None:
    tables = tables_from_documents(SAMPLE, tagger=fast_tagger)
    assert tables["documents"]["doc_id"].tolist() == ["s1", "s2", "s3", "s4"]  # s2: no mentions
    assert set(tables["doc_terms"]["term_id"]) == {"capex", "hyperscaler", "sovereign_ai"}
    with pytest.warns(UserWarning, match="1 of 4 documents have no date") as record:
        df = trends_from_documents(SAMPLE, tagger=fast_tagger, freq="W")
    assert Path(record[0].filename).name == Path(__file__).name  # points at the caller
    assert _row(df, "2026-03-02", "capex")["share"] == 0.5
    assert _row(df, "2026-03-09", "sovereign_ai")["share"] == 1.0


def test_trends_from_run_matches_in_memory(tmp_path: Path, fast_tagger: Tagger) -> None:
    src = tmp_path / "news.jsonl"
    src.write_text(
        "".join(
            json.dumps(
                {
                    "id": d.id,
                    "date": d.date and d.date.isoformat(),
                    "title": d.title,
                    "source": d.source,
                },
                ensure_ascii=False,
            )
            + "\n"
            for d in SAMPLE
        ),
        encoding="utf-8",
    )
    tag_archive(src, tmp_path / "run", glossary=fast_tagger.glossary, chunk_size=2)
    assert len(load_table(tmp_path / "run", "documents")) == 4
    with pytest.warns(UserWarning, match="1 of 4") as record:
        from_run = trends_from_run(tmp_path / "run", freq="W", by_source=True)
    assert Path(record[0].filename).name == Path(__file__).name
    with pytest.warns(UserWarning, match="1 of 4"):
        in_memory = trends_from_documents(SAMPLE, tagger=fast_tagger, freq="W", by_source=True)
    pd.testing.assert_frame_equal(from_run, in_memory, check_dtype=False)


@pytest.mark.parametrize(("freq", "start"), [("Q", "2026-01-01"), ("Y", "2026-01-01")])
def test_quarterly_and_yearly_periods(freq: str, start: str) -> None:
    df = _trends(freq=freq)
    assert df["period"].min() == pd.Timestamp(start)
    totals = df.groupby("period")["total_documents"].first()
    assert totals.sum() == DOCS["date"].notna().sum()
