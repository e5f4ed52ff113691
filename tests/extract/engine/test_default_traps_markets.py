"""Traps found while tagging real news with the markets, banking and property terms of the
default glossary (glossary/data/default/51_markets_finance_property.yaml).

Each trap is a class of text, written here in our own words: a short form glued inside
another word or name (14만호가, 줍줍리포트, 캄포모스), an acronym that other fields use
(ABS, SPV), and a generic phrase that means something else outside finance (교통
수요예측, 사회간접자본 확충, 하천 정비사업, 위험회피 성향). The term must still be
found where it is meant.
"""

from __future__ import annotations

import pytest

# Building a tagger over the whole default glossary loads kiwipiepy: several seconds.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    (
        "[줍줍리포트] 반도체주 목표가 상향",
        "lotto_presale",
        False,
        "column name, not a lottery-like subscription",
    ),
    ("로또 청약에 10만명이 몰렸다", "lotto_presale", True, "the term itself"),
    (
        "올해 신규 주택 14만호가 공급된다",
        "asking_price",
        False,
        "호 (houses) + 가 (subject marker)",
    ),
    ("매도 호가가 한 주 새 1억원 뛰었다", "asking_price", True, "asking price of a flat"),
    ("교통 수요예측 모델을 고도화한다", "bookbuilding", False, "transport demand forecasting"),
    ("기관 수요예측에서 경쟁률 800대 1을 기록했다", "bookbuilding", True, "IPO book building"),
    ("캄포모스 브랜드를 알린다", "fomo", False, "포모 glued inside a brand name"),
    ("개미들의 포모 증후군이 커졌다", "fomo", True, "the term itself"),
    ("호주 통계청(ABS)이 실업률을 발표했다", "abs", False, "ABS is also a statistics office"),
    ("특수목적차량(SPV) 판매가 늘었다", "spv", False, "SPV is also a vehicle class"),
    (
        "사회간접자본 확충에 예산을 쓴다",
        "capital_injection",
        False,
        "infrastructure, not bank capital",
    ),
    ("은행의 자본 확충이 시급하다", "capital_injection", True, "the term written spaced"),
    ("하천 정비사업 예산이 늘었다", "maintenance_project", False, "river works, not housing"),
    (
        "농촌공간정비사업 대상지를 선정했다",
        "maintenance_project",
        False,
        "rural land works, not housing",
    ),
    ("재건축 등 정비사업 인허가가 빨라진다", "maintenance_project", True, "urban redevelopment"),
    ("투자자들의 위험회피 성향이 강해졌다", "hedging", False, "risk aversion, not hedging"),
    (
        "ETF 순자산이 10조원을 넘었다",
        "equity_capital",
        False,
        "fund size, not shareholders' equity",
    ),
]


@pytest.mark.parametrize(("text", "term_id", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_markets_property_traps(default_tagger, text, term_id, expected, why):
    found = {m.term_id for m in default_tagger.tag(text)}
    assert (term_id in found) is expected, f"{why}: {sorted(found)}"


MORE_CASES = [
    ("대기 총량규제를 전국으로 넓힌다", "loan_volume_cap", False, "emission caps, not loan caps"),
    ("은행권 가계대출 총량 관리가 강화된다", "loan_volume_cap", True, "the household-loan cap"),
    ("낙농육우협회가 반발했다", "preferred_bidder", False, "우협 glued inside an association name"),
    ("하도급 분쟁조정 협의회", "dispute_mediation", False, "subcontracting disputes, not finance"),
    ("연구실 정밀안전진단 대행기관", "safety_inspection", False, "any safety inspection"),
    ("재건축 안전진단을 통과했다", "safety_inspection", True, "the reconstruction inspection"),
    ("Big Tech has options in this market.", "options", False, "an English word, not the market"),
    ("고유동자산(HQLA) 산출 기준", "current_assets", False, "HQLA, not current assets"),
]


@pytest.mark.parametrize(
    ("text", "term_id", "expected", "why"), MORE_CASES, ids=[c[3] for c in MORE_CASES]
)
def test_markets_property_traps_second_pass(default_tagger, text, term_id, expected, why):
    found = {m.term_id for m in default_tagger.tag(text)}
    assert (term_id in found) is expected, f"{why}: {sorted(found)}"


THIRD_CASES = [
    ("상가 임대차거래 신고가 늘었다", "stock_lending", False, "임대차 (lease) + 거래"),
    ("외국인 대차거래가 급증했다", "stock_lending", True, "stock lending"),
    (
        "고령자복지주택 사업을 공모한다",
        "regional_housing_association",
        False,
        "지주택 glued in 복지주택",
    ),
    ("산재보험료 경감 조치", "reinsurance", False, "재보험 glued in 산재보험료"),
    ("건설업 산업안전보건관리비 사용 범위", "maintenance_fee", False, "a site safety budget"),
    ("영국 경쟁시장청(CMA)이 조사에 나섰다", "cma", False, "CMA is also a UK regulator"),
    ("의약품 불순물 가이드라인(ICH M7)", "magnificent7", False, "M7 is also a guideline code"),
    ("굴착기 임대 사업자 간 경쟁", "private_rental_housing", False, "equipment rental"),
    ("소재 불명 수급권자의 연금 지급정지", "payment_suspension", False, "a pension stopped"),
]


@pytest.mark.parametrize(
    ("text", "term_id", "expected", "why"), THIRD_CASES, ids=[c[3] for c in THIRD_CASES]
)
def test_markets_property_traps_third_pass(default_tagger, text, term_id, expected, why):
    found = {m.term_id for m in default_tagger.tag(text)}
    assert (term_id in found) is expected, f"{why}: {sorted(found)}"


FOURTH_CASES = [
    ("국가전략기술의 저장고이자 협력의 매개체", "interest_payment", False, "the copula -이자"),
    ("고금리에 대출 이자 부담이 커졌다", "interest_payment", True, "interest on a loan"),
    ("대전광역시 시세 감면조례 연장", "market_price", False, "市稅, a city tax"),
    (
        "시세 차익을 노린 갭투자",
        "capital_gain_trading",
        True,
        "gain on the market price: the compound 시세차익",
    ),
    ("아파트 시세가 올랐다", "market_price", True, "the market price itself"),
]


@pytest.mark.parametrize(
    ("text", "term_id", "expected", "why"), FOURTH_CASES, ids=[c[3] for c in FOURTH_CASES]
)
def test_markets_property_traps_fourth_pass(default_tagger, text, term_id, expected, why):
    found = {m.term_id for m in default_tagger.tag(text)}
    assert (term_id in found) is expected, f"{why}: {sorted(found)}"


# Senses of generic words of the 57_-59_ files (and two older ones) seen on real news.
SENSE_CASES = [
    ("정부청사 발전설비는 시운전 단계에 들어갔다", "sea_trial", False, "a plant's trial run"),
    ("LNG 운반선이 해상 시운전을 마치고 선주에게 인도됐다", "sea_trial", True, "a ship's"),
    ("학급 증설과 교원 정원 확대를 추진한다", "capacity_expansion", False, "more classes"),
    ("배터리 공장 증설에 1조원을 투자한다", "capacity_expansion", True, "a factory's"),
    ("양국은 대륙붕 공동개발에 관한 협정을 맺었다", "co_development", False, "a seabed zone"),
    ("두 회사는 신약 공동개발 계약을 맺었다", "co_development", True, "a drug"),
    ("장관은 앰버서더 풀만 호텔에서 회담했다", "brand_ambassador", False, "a hotel"),
    ("새내기株 줍줍 나선 개인 투자자", "unranked_subscription", False, "buying shares cheap"),
    ("강남 아파트 줍줍 청약에 수만 명이 몰렸다", "unranked_subscription", True, "a subscription"),
    ("증권 결제주기를 하루로 단축한다", "payment", True, "결제주기: a compound of 결제"),
    ("협력사에 거래 대금 500억원을 조기 지급한다", "trading_value", False, "paying suppliers"),
    ("코스피 거래대금이 10조원을 넘었다", "trading_value", True, "the market's turnover"),
    ("여행사가 전세선을 띄운다", "jeonse", False, "a chartered ship, like 전세기"),
    ("삼성의 럭셔리 빌트인 주방 가전", "luxury_goods", False, "럭셔리 as 'premium'"),
    ("럭셔리 브랜드 가방 매출이 늘었다", "luxury_goods", True, "luxury goods"),
]


@pytest.mark.parametrize(
    ("text", "term_id", "expected", "why"), SENSE_CASES, ids=[c[3] for c in SENSE_CASES]
)
def test_generic_word_senses(default_tagger, text, term_id, expected, why):
    found = {m.term_id for m in default_tagger.tag(text)}
    assert (term_id in found) is expected, f"{why}: {sorted(found)}"
