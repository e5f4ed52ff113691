"""Related terms: co-occurrence counts, signed G2, sentence level, windows and the network."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from extract import plot_related, related_terms
from glossary import Glossary, Term

G = Glossary(
    [
        Term(id="hbm", term="고대역폭 메모리", aliases=("HBM",)),
        Term(id="sk_hynix", term="SK하이닉스"),
        Term(id="samsung", term="삼성전자"),
        Term(id="cxl", term="CXL"),
        Term(id="kospi", term="코스피"),
    ]
)


def _doc_terms(pairs: dict[str, list[str]]) -> pd.DataFrame:
    rows = [(d, t) for d, terms in pairs.items() for t in terms]
    return pd.DataFrame(rows, columns=["doc_id", "term_id"])


# 20 documents: 삼성전자 in 16 (so in 3 of the 4 HBM ones it is chance, not association),
# SK하이닉스 with HBM in 3 of 4, CXL once with HBM and never elsewhere.
PAIRS = {
    **{f"h{i}": ["hbm", "samsung"] + (["sk_hynix"] if i < 3 else []) for i in range(3)},
    "h3": ["hbm", "sk_hynix", "cxl"],
    **{f"s{i}": ["samsung"] for i in range(13)},
    **{f"k{i}": ["kospi"] for i in range(3)},
}


def _g2(a: int, n_t: int, n_o: int, n: int) -> float:
    obs = [a, n_t - a, n_o - a, n - n_t - n_o + a]
    exp = [n_t * n_o / n, n_t * (n - n_o) / n, (n - n_t) * n_o / n, (n - n_t) * (n - n_o) / n]
    g = 2 * sum(o * math.log(o / e) for o, e in zip(obs, exp, strict=True) if o)
    return g if a > n_t * n_o / n else -g


def test_counts_and_g2_match_the_two_by_two_table() -> None:
    df = related_terms(_doc_terms(PAIRS), "HBM", min_count=1, glossary=G)
    got = df.set_index("term_id")
    assert got.loc["sk_hynix", ["together", "units"]].tolist() == [4, 4]
    assert got.loc["samsung", ["together", "units"]].tolist() == [3, 16]
    assert got.loc["sk_hynix", "g2"] == pytest.approx(_g2(4, 4, 4, 20))
    assert got.loc["samsung", "g2"] == pytest.approx(_g2(3, 4, 16, 20))
    assert got.loc["samsung", "g2"] < 0  # 삼성전자 is in most documents: no association
    assert df["term_id"].tolist() == ["sk_hynix", "cxl", "samsung"]  # by g2
    assert "kospi" not in set(df["term_id"])  # never with HBM
    assert df.attrs["units_with_term"] == 4 and df.attrs["units"] == 20


def test_documents_table_counts_documents_without_terms() -> None:
    docs = pd.DataFrame({"doc_id": [*PAIRS, "empty1", "empty2"]})
    df = related_terms(_doc_terms(PAIRS), "hbm", documents=docs, min_count=1, glossary=G)
    assert df.attrs["units"] == 22
    got = df.set_index("term_id")
    assert got.loc["sk_hynix", "g2"] == pytest.approx(_g2(4, 4, 4, 22))


def test_min_count_and_sort_by_count() -> None:
    df = related_terms(_doc_terms(PAIRS), "hbm", min_count=2, sort="together", glossary=G)
    assert df["term_id"].tolist() == ["sk_hynix", "samsung"]  # cxl (once) left out


def test_sentence_level_needs_sentence_offsets() -> None:
    mentions = pd.DataFrame(
        {
            "doc_id": ["a", "a", "a", "b", "b"],
            "field": "title",
            "term_id": ["hbm", "sk_hynix", "kospi", "hbm", "kospi"],
            "sent_start": [0, 0, 30, 0, 0],
        }
    )
    doc_level = related_terms(mentions, "hbm", min_count=1, glossary=G)
    sent_level = related_terms(mentions, "hbm", level="sentence", min_count=1, glossary=G)
    assert set(doc_level["term_id"]) >= {"sk_hynix"}
    assert sent_level.set_index("term_id").loc["kospi", "together"] == 1  # only in b
    assert doc_level.set_index("term_id").loc["kospi", "together"] == 2
    with pytest.raises(ValueError, match="level='sentence' needs the mentions table"):
        related_terms(_doc_terms(PAIRS), "hbm", level="sentence", glossary=G)


def test_window_marks_new_and_rising_associations() -> None:
    rows = [("a1", "hbm"), ("a1", "kospi"), ("a2", "hbm"), ("a2", "kospi")]  # before
    rows += [("b1", "hbm"), ("b1", "cxl"), ("b2", "hbm"), ("b2", "cxl"), ("b3", "hbm")]
    rows += [("b3", "kospi"), ("b4", "kospi")]
    dt = pd.DataFrame(rows, columns=["doc_id", "term_id"])
    dates = {"a1": "2026-02-10", "a2": "2026-02-11"}
    docs = pd.DataFrame({"doc_id": list(dict.fromkeys(dt["doc_id"]))}).assign(
        date=lambda d: pd.to_datetime(d["doc_id"].map(dates).fillna("2026-03-05"))
    )
    df = related_terms(
        dt, "hbm", documents=docs, window="2026-03-01,2026-03-15", min_count=1, glossary=G
    )
    got = df.set_index("term_id")
    assert got.loc["cxl", ["together", "together_before", "new"]].tolist() == [2, 0, True]
    assert got.loc["kospi", ["together", "together_before", "new"]].tolist() == [1, 2, False]
    assert got.loc["cxl", "rise"] > 0 > got.loc["kospi", "rise"]
    assert df["term_id"].tolist()[0] == "cxl"  # sorted by rise with a window


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"level": "paragraph"}, "`level` should be one of"),
        ({"sort": "rise"}, "sort='rise' needs a `window`"),
        ({"min_count": 0}, "`min_count` should be an int >= 1, got 0"),
        ({"window": "2030-01-01,2030-01-31"}, "holds no documents|needs dates"),
    ],
)
def test_bad_arguments(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        related_terms(_doc_terms(PAIRS), "hbm", glossary=G, **kwargs)


def test_unknown_term_names_close_matches() -> None:
    with pytest.raises(ValueError, match=r"'HBN' \(close: hbm"):
        related_terms(_doc_terms(PAIRS), "HBN", glossary=G)


def test_network_picture(tmp_path: Path) -> None:
    df = related_terms(_doc_terms(PAIRS), "hbm", min_count=1, glossary=G)
    fig = plot_related(df, path=tmp_path / "n.png", title="관계도")
    assert (tmp_path / "n.png").read_bytes()[:4] == b"\x89PNG"
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "고대역폭 메모리" in texts and any(t.startswith("SK하이닉스") for t in texts)
    assert fig.axes[0].get_title() == "관계도"
