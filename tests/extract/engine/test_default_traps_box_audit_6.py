"""Wrong links that keyword boxes on government policy press releases showed (box audit 6): an
alias that is a plainer, wider phrase than its entry. 할인율 적용 is applying any discount
rate (a gift-certificate discount, a discount rate for social costs, an appraisal-fee discount),
not the discount an IPO gives on its peer valuation; 사회적 수용성 is how far society accepts
any policy or technology (AI, air taxis, animal welfare), not the acceptance of a siting by local
residents. Each first row of a pair is the right sense, still found. Each sentence is written for
this test.
"""

from __future__ import annotations

import pytest

# Building a tagger over the whole default glossary loads kiwipiepy: several seconds.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    ("주관사는 공모가 할인율을 25%로 정했다", "ipo_discount", True, "the IPO discount"),
    ("카드로 사면 10%의 할인율 적용을 받는다", "ipo_discount", False, "a shop discount"),
    ("송전탑 건설은 주민수용성이 관건이다", "public_acceptance", True, "siting acceptance"),
    (
        "자율주행 기술의 사회적 수용성을 높여야 한다",
        "public_acceptance",
        False,
        "social acceptance",
    ),
]


@pytest.mark.parametrize(("text", "term_id", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_box_link_traps(default_tagger, text, term_id, expected, why):
    found = {m.term_id for m in default_tagger.tag(text)}
    assert (term_id in found) is expected, f"{why}: {sorted(found)}"
