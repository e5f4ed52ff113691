"""The fast path's choice of candidates asks the whole-word rule only where it
matters (matcher.whole_leftmost_longest), with the same result as whole_words then
leftmost_longest."""

from __future__ import annotations

import hashlib
import random

from extract.engine.matcher import (
    Candidate,
    TermMatcher,
    leftmost_longest,
    whole_leftmost_longest,
    whole_words,
)
from glossary import Glossary, Term

_TERMS = [
    Term(id="earnings", term="실적"),
    Term(id="earnings_release", term="실적발표"),
    Term(id="quarterly_earnings", term="분기 실적"),
    Term(id="rate", term="금리"),
    Term(id="base_rate", term="기준금리"),
    Term(id="rate_cut", term="금리 인하"),
    Term(id="rate_cut_hopes", term="금리 인하 기대"),
    Term(id="exports", term="수출", aliases=("수출액",)),
    Term(id="chip_exports", term="반도체 수출"),
    Term(id="chip", term="반도체"),
    Term(id="loan", term="대출"),
    Term(id="loan_rate", term="대출금리"),
]
_PIECES = ["1", "분기", "실적", "발표", "금리", "기준", "인하", "기대", "감", "반도체", "수출", "액",
           "대출", "은", "를", "이", "가"]  # fmt: skip


def _texts(n: int) -> list[str]:
    rnd = random.Random(13)
    return [
        "".join(rnd.choice([*_PIECES, " ", " "]) for _ in range(rnd.randint(4, 14)))
        for _ in range(n)
    ]


def _coin(c: Candidate) -> bool:
    """A fixed yes or no per candidate, as a word check gives."""
    return hashlib.md5(f"{c}".encode()).digest()[0] % 3 != 0


def test_lazy_choice_is_whole_words_then_leftmost_longest_asking_no_more() -> None:
    m = TermMatcher(Glossary(_TERMS))
    compared = 0
    for text in _texts(3000):
        cands = m.candidates(text)
        eager_asked: list[Candidate] = []
        lazy_asked: list[Candidate] = []

        def eager(c: Candidate, log: list[Candidate] = eager_asked) -> bool:
            log.append(c)
            return _coin(c)

        def lazy(c: Candidate, log: list[Candidate] = lazy_asked) -> bool:
            log.append(c)
            return _coin(c)

        expected = leftmost_longest(whole_words(text, cands, eager), eager)
        assert whole_leftmost_longest(text, cands, lazy) == expected, text
        assert set(lazy_asked) <= set(eager_asked), text
        compared += len(cands) > 1
    assert compared > 1000  # the texts overlap terms often enough to test the rule


def test_lazy_choice_skips_the_rule_under_a_kept_longer_term() -> None:
    # 기준금리인상 is kept: whether 금리 inside it is cut by a word it runs into (리인상)
    # never matters, so that word is not checked
    text = "기준금리인상 발표"
    cands = [Candidate(0, 6, "a", 1), Candidate(2, 4, "rate", 1), Candidate(3, 6, "b", 1)]
    asked: list[Candidate] = []

    def accept(c: Candidate) -> bool:
        asked.append(c)
        return True

    assert [c.term_id for c in whole_leftmost_longest(text, cands, accept)] == ["a"]
    assert asked == [cands[0]]
    asked.clear()
    assert leftmost_longest(whole_words(text, cands, accept), accept) == [cands[0]]
    assert cands[2] in asked  # asked by the rule about 금리
