"""Termhood learnt from the glossary: known terms teach what an unknown term looks like."""

from __future__ import annotations

import numpy as np
import pytest

from extract import TermDiscoverer
from extract.discovery.learned import FEATURES, learned_termhood, termhood_features
from extract.engine.analyzer import get_kiwi
from glossary import Glossary, Term

# Known terms: compounds written as one word on heads terms end in, some introduced with
# their English name in brackets, as policy texts do.
KNOWN = [
    "소비자물가지수",
    "생산자물가지수",
    "수입물가지수",
    "경기동행지수",
    "경기선행지수",
    "기준금리",
    "대출금리",
    "예금금리",
    "시장금리",
    "변동금리",
    "정책금리",
    "우대금리",
    "국고채권",
    "회사채권",
    "전환사채",
    "교환사채",
    "신종자본증권",
    "주택담보대출",
    "신용대출",
    "가계대출",
    "외화대출",
    "부동산펀드",
    "채권펀드",
    "인덱스펀드",
    "상장지수펀드",
    "환매조건부채권",
    "예금보험",
    "수출보험",
    "신용보험",
    "부채비율",
]
# Unknown: term-like (the same make as the known terms) and generic (everyday words
# written apart, the phrases any news text builds).
TERMLIKE = ["주택가격지수", "고정금리", "녹색채권", "사모펀드", "보증보험"]
GENERIC = ["정책 방향", "시장 상황", "이용 확대", "관계자 설명", "회의 결과"]


def _docs() -> list[str]:
    docs = []
    for i in range(12):
        known = " ".join(f"{t}(term)" if i % 4 == 0 else t for t in KNOWN[i % 6 :: 3])
        termlike = TERMLIKE[i % len(TERMLIKE)]
        docs.append(
            f"{known} 관련 논의에서 {termlike}(new) 도입과 {GENERIC[i % len(GENERIC)]}, "
            f"{GENERIC[(i + 2) % len(GENERIC)]} 등을 다뤘다."
        )
    return docs * 2


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary([Term(id=f"t{i}", term=t) for i, t in enumerate(KNOWN)], name="synthetic")


@pytest.mark.slow
def test_learned_ranking_puts_term_like_candidates_above_generic_ones(
    glossary: Glossary,
) -> None:
    d = TermDiscoverer(
        glossary=glossary, min_df=2, max_candidates=200, weights={"learned": 1.0}
    ).fit(_docs())
    rank = {c.phrase: i for i, c in enumerate(d.candidates_)}
    termlike = [rank[p] for p in TERMLIKE if p in rank]
    generic = [rank[p] for p in GENERIC if p in rank]
    assert len(termlike) == len(TERMLIKE) and len(generic) == len(GENERIC), rank
    assert np.mean(termlike) < np.mean(generic), rank
    assert max(termlike) < max(generic), rank


def test_a_known_term_does_not_count_its_own_head() -> None:
    kiwi = get_kiwi()
    args = ([("기준", "금리")], ["기준금리"], [5], {"금리": 1}, kiwi, frozenset())
    own = termhood_features(*args, own_head=[True])
    other = termhood_features(*args, own_head=[False])
    col = FEATURES.index("head_terms")
    assert own[0, col] == 0.0 < other[0, col]


def test_a_gloss_in_brackets_is_a_feature() -> None:
    kiwi = get_kiwi()
    x = termhood_features(
        [("위해성", "평가")] * 2, ["위해성평가"] * 2, [4, 4], {}, kiwi, frozenset(), glossed=[2, 0]
    )
    col = FEATURES.index("glossed")
    assert x[0, col] == 0.5 and x[1, col] == 0.0


def test_cross_fitting_scores_each_candidate_without_itself() -> None:
    # One unknown point sits on top of the known ones: a model that had seen it as
    # unknown would pull it down; cross-fitted, it scores as term-like as its neighbours.
    rng = np.random.default_rng(1)
    known = rng.normal(2.0, 0.3, (120, 2))
    unknown = np.vstack([[[2.0, 2.0]], rng.normal(-2.0, 0.3, (120, 2))])
    p = learned_termhood(known, unknown)
    assert p[0] > 0.9 > p[1:].max()


def test_no_known_term_in_the_corpus_scores_zero() -> None:
    assert learned_termhood(np.zeros((0, 3)), np.ones((4, 3))).tolist() == [0.0] * 4
