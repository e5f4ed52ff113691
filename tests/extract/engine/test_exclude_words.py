"""An ``exclude`` word blocks a hit only where it is read as a word (issue 14).

An exclude word is often a short name (금융위, 고용부, 무역관, 채권자) whose last syllable
can also start the next word: 금융위기 is 금융 + 위기, not the 금융위 of 금융위원회, and
고용부문 is 고용 + 부문. A hit inside an exclude word that runs on into a longer word is
left to morphology, as any hit glued to other letters; the exclude still blocks when
the word ends with it (a particle after it at most), when a title or an institution
follows it (금융감독원장, 금융위원회) or when the text goes on as a longer exclude word
of the same term (금융위원장, like 금융위원회). The sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from extract import Tagger
from glossary import Glossary, Term

TERMS = [
    Term(id="finance", term="금융", exclude=("금융위", "금융위원회", "금융감독원")),
    Term(id="trade", term="무역", exclude=("무역관",)),
    Term(id="bond", term="채권", exclude=("채권자",)),
    Term(id="employment", term="고용", exclude=("고용부",)),
    Term(id="stock_price", term="주가", exclude=("주주가",)),
]

BOTH = ("fast", "full")
CASES = [
    # (text, expected (surface, term_id) list, why)
    ("금융위기 이후 최대 규모다", [("금융", "finance")], "금융위 + 기 is 금융 + 위기"),
    ("무역관계가 악화됐다", [("무역", "trade")], "무역관 + 계 is 무역 + 관계"),
    ("경제무역관련 협의를 열었다", [("무역", "trade")], "무역관 + 련 is 무역 + 관련"),
    ("고용부문 지표가 나빠졌다", [("고용", "employment")], "고용부 + 문 is 고용 + 부문"),
    ("채권자금이 몰렸다", [("채권", "bond")], "채권자 + 금 is 채권 + 자금"),
    ("금융위는 규제를 풀었다", [], "the exclude word with a particle is a word"),
    ("금융위, 규제 완화", [], "the exclude word before a comma"),
    ("금융위원회가 의결했다", [], "a longer exclude word covers it"),
    ("금융위원장은 말했다", [], "the text goes on as a longer exclude word (금융위원회)"),
    ("금융감독원장이 밝혔다", [], "a title after the exclude word: the head of it"),
    ("무역관을 통해 알렸다", [], "무역관 with a particle"),
    ("채권자들이 반발했다", [], "채권자 with 들 and a particle"),
    ("고용부는 밝혔다", [], "고용부 with a particle"),
    (
        "주주가치를 높인다",
        [],
        "주가 is no morpheme of 주주가치: the exclude ran on, morphology says no",
    ),
]


@pytest.fixture(scope="module")
def taggers() -> dict[str, Tagger]:
    g = Glossary(TERMS)
    return {mode: Tagger(g, mode=mode) for mode in BOTH}


@pytest.mark.parametrize("mode", BOTH)
@pytest.mark.parametrize(("text", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_exclude_word(
    taggers: dict[str, Tagger], mode: str, text: str, expected: list, why: str
) -> None:
    got = [(m.surface, m.term_id) for m in taggers[mode].tag(text)]
    assert got == expected, why
