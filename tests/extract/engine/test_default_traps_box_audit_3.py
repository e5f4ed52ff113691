"""Wrong links that daily headline boxes showed (box audit 3, fifteen sampled days of headlines):
an alias that is a wider, everyday word than its entry, or a name that contains the term. Bare
헬기 is any helicopter (air ambulance, firefighting, civil), not the military one; 옵션료 in
housing news is a fee a landlord asks for furnished options, not an option premium; LG AI대학원 is
one company's in-house graduate school, not the government-designated AI graduate programmes.
Each pair also has a row showing the right sense is still found. Each sentence is written for
this test.
"""

from __future__ import annotations

import pytest

# Building a tagger over the whole default glossary loads kiwipiepy: several seconds.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    ("훈련 중이던 육군 헬기가 추락했다", "helicopter", True, "army helicopter"),
    ("국산 기동헬기 수리온을 수출한다", "helicopter", True, "utility helicopter"),
    ("산불 진화 헬기 열 대가 투입됐다", "helicopter", False, "firefighting helicopter"),
    ("민간 헬기 안전관리 대책이 나왔다", "helicopter", False, "civil helicopter"),
    ("콜옵션 옵션가격이 크게 올랐다", "option_premium", True, "option price"),
    ("집주인이 전세 계약에 옵션료를 따로 요구했다", "option_premium", False, "rental fee"),
    ("정부는 AI대학원 세 곳을 새로 지정했다", "ai_graduate_school", True, "designated programme"),
    ("LG AI대학원이 박사 과정 신입생을 뽑는다", "ai_graduate_school", False, "in-house school"),
]


@pytest.mark.parametrize(("text", "term_id", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_box_audit_traps(default_tagger, text, term_id, expected, why):
    found = {m.term_id for m in default_tagger.tag(text)}
    assert (term_id in found) is expected, f"{why}: {sorted(found)}"
