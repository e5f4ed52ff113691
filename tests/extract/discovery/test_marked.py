"""Terms writers mark (quotes, glosses, definitions) and context entropy as discovery signals."""

from __future__ import annotations

import pytest

from extract import Tagger, TermDiscoverer
from extract.discovery.candidates import CandidateCounts
from extract.discovery.learned import FEATURES, termhood_features
from extract.discovery.marked import bucket_entropy, marked_at, marked_scores, quote_spans
from glossary import Glossary, Term

EMPTY = Glossary((), name="empty")

# One row per way a writer marks a term, and contexts that do not mark it.
MARKED = [
    ("quoted", "'탄소차액계약'이 도입된다.", True),
    ("curly double quotes", "“탄소차액계약” 도입이 논의된다.", True),
    ("English name after", "탄소차액계약(CCfD)이 도입된다.", True),
    ("Korean name in brackets after English", "CCfD(탄소차액계약)가 도입된다.", True),
    ("X란", "탄소차액계약이란 정부가 차액을 메워 주는 계약이다.", True),
    ("X는 …을 말한다", "탄소차액계약은 정부가 탄소 가격 차액을 보전하는 계약을 말한다.", True),
    ("X라는 용어", "탄소차액계약이라는 용어가 쓰인다.", True),
    ("X로 불리는", "탄소차액계약으로 불리는 제도가 있다.", True),
    ("이른바 X", "이른바 탄소차액계약이 도입된다.", True),
    ("일명 X", "일명 탄소차액계약 도입이 논의된다.", True),
    ("plain mention", "탄소차액계약 도입이 논의된다.", False),
    ("inside a longer quote", "'탄소차액계약 도입 논의'가 시작됐다.", False),
    ("before a plain bracket", "탄소차액계약(3건)이 도입된다.", False),
    ("X는 with no definition", "탄소차액계약은 내년에 도입된다.", False),
]


@pytest.mark.parametrize(("case", "text", "expected"), MARKED, ids=[c for c, *_ in MARKED])
def test_marked_contexts(case: str, text: str, expected: bool) -> None:
    start = text.index("탄소차액계약")
    quotes = frozenset(quote_spans(text))
    assert marked_at(text, start, start + len("탄소차액계약"), quotes) is expected, case


def test_marked_scores_want_both_count_and_share() -> None:
    s = marked_scores([6, 6, 1, 0], [10, 600, 1, 5])
    assert s[0] > s[2] > s[1] > s[3] == 0


def _planted(marked: bool, n: int = 6) -> list[str]:
    phrase = "'탄소차액계약'" if marked else "탄소차액계약"
    return [f"{phrase} 도입과 녹색채권 발행이 {i}번째로 논의됐다." for i in range(n)]


def test_marked_occurrences_are_counted() -> None:
    counts = CandidateCounts(Tagger(EMPTY), known=frozenset(), max_units=3, n_examples=0)
    counts.add(_planted(True) + _planted(False, 2))
    key = "탄소차액계약"
    assert counts.tf[key] == 8 and counts.marked[key] == 6
    assert counts.marked["녹색채권"] == 0
    assert counts.marked_df[key] == 6


def test_a_text_that_repeats_its_quote_marks_the_phrase_once() -> None:
    counts = CandidateCounts(Tagger(EMPTY), known=frozenset(), max_units=3, n_examples=0)
    counts.add(["'탄소차액계약', '탄소차액계약', 또 '탄소차액계약'이다.", "탄소차액계약 도입"])
    assert counts.marked["탄소차액계약"] == 3 and counts.marked_df["탄소차액계약"] == 1


def test_marked_occurrences_of_glossary_forms_are_counted() -> None:
    g = Glossary([Term(id="ccfd", term="탄소차액계약")], name="g")
    counts = CandidateCounts(Tagger(g), known=frozenset(), max_units=3, n_examples=0)
    counts.add(_planted(True, 3) + _planted(False, 2))
    assert counts.known_marked["탄소차액계약"] == 3 and counts.known_tf["탄소차액계약"] == 5


def test_a_marked_phrase_outranks_an_unmarked_one_by_the_marked_weight() -> None:
    # Two new phrases as frequent as each other, in the same kind of sentence: the one
    # writers put in quotes is the term.
    docs = [f"'탄소차액계약' 도입과 녹색채권지수 발행이 {i}번째로 논의됐다." for i in range(6)] + [
        f"{w} 항목이 늘었다." for w in ("가격", "물량", "수요")
    ]
    weights = {"marked": 1.0, "df": 0.5}
    d = TermDiscoverer(glossary=EMPTY, min_df=3, weights=weights).fit(docs)
    phrases = [c.phrase for c in d.candidates_]
    assert phrases.index("탄소차액계약") < phrases.index("녹색채권지수")


def test_context_entropy_is_low_for_a_fragment_of_a_fixed_phrase() -> None:
    particles = ("이", "을", "은", "의", "과", "에", "도", "만")
    docs = [f"호르무즈 해협{p} 다시 문제가 됐다." for p in particles]
    counts = CandidateCounts(Tagger(EMPTY), known=frozenset(), max_units=3, n_examples=0)
    counts.add(docs)
    right = counts.entropy["호르무즈"][1]
    assert right == 0.0  # always before 해협
    assert counts.entropy["호르무즈해협"][1] > 1.0  # before many particles
    assert counts.entropy["해협"][0] == 0.0  # always after 호르무즈


def test_bucket_entropy() -> None:
    assert bucket_entropy([0, 0]) == 0.0
    assert bucket_entropy([3, 3]) == pytest.approx(0.6931, abs=1e-4)


def test_a_quoted_coinage_is_a_candidate_even_when_the_noun_runs_split_it() -> None:
    # 오천피 reads as a numeral (오천/NR) and a noun (피): no noun run holds it whole.
    docs = [f"증시가 '오천피' 시대를 {i}번째로 열었다." for i in range(4)]
    docs += [f"주가가 '우르르' {i}번째로 빠졌다." for i in range(4)]
    counts = CandidateCounts(Tagger(EMPTY), known=frozenset(), max_units=3, n_examples=0)
    counts.add(docs)
    assert counts.df["오천피"] == 4 and counts.marked["오천피"] == 4
    assert counts.units["오천피"] == ("오천피",)
    assert "우르르" not in counts.df  # an adverb in quotes is an exclamation, not a term


def test_a_quoted_stretch_with_a_number_or_time_word_is_no_candidate() -> None:
    docs = [f"그는 '당원권 1년 정지' 처분을 {i}번째로 받았다." for i in range(3)]
    counts = CandidateCounts(Tagger(EMPTY), known=frozenset(), max_units=3, n_examples=0)
    counts.add(docs)
    assert not [k for k in counts.df if "1년" in k]


def test_learned_features_hold_the_marked_share_and_entropy() -> None:
    from extract.engine.analyzer import get_kiwi

    x = termhood_features(
        [("탄소", "차액", "계약")] * 2,
        ["탄소차액계약"] * 2,
        [4, 4],
        {},
        get_kiwi(),
        frozenset(),
        marked=[4, 0],
        entropy=[(1.0, 2.0), (0.0, 0.0)],
        tf=[8, 8],
    )
    row = dict(zip(FEATURES, x[0], strict=True))
    assert row["marked_share"] == 0.5 and row["entropy_right"] == 2.0
    assert x[1][FEATURES.index("marked")] == 0.0
