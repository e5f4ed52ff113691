from __future__ import annotations

import pytest

from extract import Tagger
from glossary import Glossary, Term

TERMS = [
    Term(
        id="capex",
        term="자본 지출",
        en="Capital Expenditure",
        aliases=("자본적 지출", "Capex", "CapEx", "CAPEX"),
        definition="기업이 장기 자산에 쓰는 돈.",
        category="기업재무·회계",
        related=("roi",),
    ),
    Term(
        id="hyperscaler",
        term="하이퍼스케일러",
        en="Hyperscaler",
        definition="초대형 클라우드 사업자.",
        category="AI·클라우드",
    ),
    Term(
        id="roi",
        term="투자 자본 수익률",
        en="Return on Investment",
        aliases=("ROI", "투자수익률"),
        definition="투자한 돈에 견준 이익의 비율.",
        category="기업재무·회계",
    ),
    Term(
        id="cloud_backlog",
        term="클라우드 백로그",
        en="Remaining Performance Obligations",
        aliases=("RPO", "잔여이행의무"),
        definition="계약했지만 아직 매출로 잡지 않은 클라우드 금액.",
        category="AI·클라우드",
    ),
    Term(id="cloud", term="클라우드", en="cloud", category="AI·클라우드"),
    Term(
        id="sovereign_ai",
        term="주권 AI",
        en="Sovereign AI",
        aliases=("소버린 AI",),
        definition="나라가 스스로 통제하는 AI 역량.",
        category="AI·클라우드",
    ),
    Term(id="ai", term="인공지능", aliases=("AI",), category="AI·클라우드"),
    Term(id="generative_ai", term="생성형 AI", category="AI·클라우드"),
    Term(id="base_rate", term="기준금리", category="통화·금리"),
    Term(id="interest_rate", term="금리", category="통화·금리"),
    Term(id="rate_cut", term="금리 인하", category="통화·금리"),
    Term(id="oil_price", term="유가", exclude=("유가증권", "유가족"), category="에너지"),
    Term(id="gold", term="금", category="에너지"),
    Term(id="per", term="주가수익비율", aliases=("PER",), category="증시"),
    Term(id="ev", term="전기차", aliases=("EV",), category="산업"),
    Term(id="semiconductor", term="반도체", category="반도체"),
    Term(id="fed", term="연준", aliases=("Fed",), case=(("Fed", True),), category="기관"),
    Term(id="hydrogen", term="수소", exclude=("수소문",), category="에너지"),
]


@pytest.fixture(scope="session")
def test_glossary() -> Glossary:
    return Glossary(TERMS, name="test", version="1")


@pytest.fixture(scope="session", params=["fast", "full"])
def tagger(request: pytest.FixtureRequest, test_glossary: Glossary) -> Tagger:
    return Tagger(test_glossary, mode=request.param)


@pytest.fixture(scope="session")
def fast_tagger(test_glossary: Glossary) -> Tagger:
    return Tagger(test_glossary, mode="fast")
