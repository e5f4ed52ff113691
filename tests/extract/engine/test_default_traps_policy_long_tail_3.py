"""Traps found while tagging non-held-out policy and news records with the terms of
glossary/data/default/76_policy_long_tail_3.yaml (the third long-tail pass: law,
enforcement, rights, media, telecom and consumer technology).

Each trap is a class of text, written here in our own words: a term glued into the name
of an act or a body (임시조치 in a temporary-measures act, 특허심판 in the name of the
patent tribunal, 방송광고판매대행 in the media-rep act), a general word that the term's
short form shares (a committee's prior review of a hospital plan is no review of
expression, 몰수패 is a forfeited game, 스마트파밍 is farming, 불구속 수사 is the
opposite, 관리정보 접근성 is access to records, an on-screen ticker is no captioning for
deaf viewers), and short forms dropped because their everyday sense wins (사회봉사 of
volunteering, 특사 of an envoy, 사전컨설팅 of business advice, ANC of a party, 치투 inside
the company name 에이치투, 정보접근성 of access to records, 정상참작 of a regulator's
leniency). The term must still be found where it is meant.
"""

from __future__ import annotations

import pytest

# The default glossary's tagger (one per test process, tests/conftest.py) loads kiwipiepy.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    ("정부는 개발촉진에 관한 임시조치법을 의결했다", "temporary_blocking_measure", False, "an act"),
    ("물가조절에 관한 임시조치법 운용을 검토한다", "temporary_blocking_measure", False, "an act"),
    ("포털은 신고된 글에 게시물 임시조치를 했다", "temporary_blocking_measure", True, "takedown"),
    ("병상 증설은 위원회의 사전 심의를 받아야 한다", "prior_censorship_review", False, "approval"),
    ("영상물 사전심의는 검열이라는 비판을 받았다", "prior_censorship_review", True, "censorship"),
    ("특허심판원은 심판 처리 기간을 줄였다", "patent_trial", False, "the tribunal's name"),
    ("경쟁사는 특허심판을 청구해 특허를 무효로 했다", "patent_trial", True, "the trial"),
    ("상대팀이 경기에 나오지 않아 몰수패가 선언됐다", "forfeiture", False, "a forfeited game"),
    ("법원은 범죄수익을 몰수하고 추징했다", "forfeiture", True, "forfeiture"),
    (
        "임직원들이 주말마다 사회봉사 활동에 나섰다",
        "community_service_order",
        False,
        "volunteering",
    ),
    ("법원은 집행유예와 함께 사회봉사명령을 내렸다", "community_service_order", True, "the order"),
    ("대통령 특사로 미국을 방문했다", "special_pardon", False, "dropped: an envoy"),
    ("광복절 특별사면 명단에 경제인이 포함됐다", "special_pardon", True, "the pardon"),
    ("수출기업에 사전컨설팅을 제공한다", "pre_consulting_audit", False, "dropped: advice"),
    ("사전컨설팅 감사를 받으면 면책된다", "pre_consulting_audit", True, "the audit"),
    ("ANC 정부는 선거에서 과반을 잃었다", "noise_cancelling", False, "dropped: a party"),
    ("노이즈 캔슬링 이어폰 판매가 늘었다", "noise_cancelling", True, "the feature"),
    ("민방위 훈련이 전국에서 열렸다", "private_broadcasting", False, "civil defence"),
    ("지역 민방의 광고 매출이 줄었다", "private_broadcasting", True, "commercial TV"),
    ("CNN은 선거 결과를 보도했다", "convolutional_neural_network", False, "a network"),
    ("합성곱 신경망으로 사진을 분류한다", "convolutional_neural_network", True, "the model"),
    ("갈륨나이트라이드(GaN) 전력반도체", "generative_adversarial_network", False, "GaN"),
    ("4K 해상도 TV 출하가 늘었다", "uhd", True, "4K"),
    ("사업자단체가 회원사의 가격을 정해 제재를 받았다", "trade_association_rules", True, "assoc."),
    ("국고채 30년물 지표종목과 경과종목을 교환한다", "benchmark_bond_issue", True, "on-the-run"),
    ("체불사업주는 구속수사를 원칙으로 한다", "investigation_in_custody", True, "custody"),
    ("정부는 대북 독자제재 대상을 추가했다", "unilateral_sanctions", True, "sanctions"),
    ("에이치투가 우수성과에 선정됐다", "qi2", False, "dropped: inside a company name"),
    ("Qi2 무선충전을 지원하는 폰", "qi2", True, "the standard"),
    ("「방송광고판매대행 등에 관한 법률」을 어겼다", "media_rep", False, "an act's name"),
    ("미디어렙이 방송 광고를 판매한다", "media_rep", True, "the agency"),
    ("포털은 언론중재법 개정에 반대했다", "press_arbitration_act", True, "the act"),
    ("스마트파밍 기술로 농가 소득이 늘었다", "pharming", False, "smart farming"),
    ("가짜 은행 사이트로 유도하는 파밍 피해가 늘었다", "pharming", True, "the fraud"),
    ("경찰은 피의자를 불구속 수사하기로 했다", "investigation_in_custody", False, "the opposite"),
    ("아파트 관리정보 접근성을 높인다", "web_accessibility", False, "access to information"),
    ("고령층의 디지털 접근성을 높인다", "web_accessibility", True, "accessibility"),
    ("노력한 회사는 제재 때 정상 참작하겠다", "mitigation_of_sentence", False, "dropped"),
    ("법원은 작량감경으로 형을 낮췄다", "mitigation_of_sentence", True, "sentencing"),
    ("문자메시지와 자막 방송으로 수칙을 알렸다", "accessibility_broadcasting", False, "a ticker"),
]


@pytest.mark.parametrize(
    ("text", "term_id", "expected", "why"), CASES, ids=[f"{c[1]}-{c[3]}" for c in CASES]
)
def test_policy_long_tail_3_trap(default_tagger, text, term_id, expected, why):
    assert (term_id in {m.term_id for m in default_tagger.tag(text)}) is expected, why
