"""Latin acronyms that the default glossary knew only inside longer forms (MBS 금리, RIA 계좌,
P2P금융, KC마크) or only in an entry's English name (Task Force, Intellectual Property), now
bare aliases: each is found written alone in a plain sentence with a particle or a noun after
it, and the other senses that real news gives the same letters stay untagged: a person's
nickname (Saudi Arabia's crown prince written MBS), a news agency (RIA Novosti), a camera
or an address on the Internet Protocol (IP카메라, IP 주소), a ship's cargo-tank design
(KC-2), a company glued to the letters (KC그린홀딩스, HS화성), a patent on a business method
(영업방법(BM) 발명, BM 특허), and longer Latin words that hold them (IPTV, TFT, BMW).
"""

from __future__ import annotations

import pytest

# Building a tagger over the whole default glossary loads kiwipiepy: several seconds.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    ("한국은행이 MBS를 매입했다", "mbs", True, "MBS with a particle"),
    ("주택금융공사는 MBS 발행 물량을 줄였다", "mbs", True, "MBS before a noun"),
    ("사우디 MBS 왕세자가 방한했다", "mbs", False, "the crown prince's nickname"),
    ("왕세자 MBS는 네옴 사업을 챙긴다", "mbs", False, "the nickname after his title"),
    ("유통업계가 MZ 소비자를 붙잡으려 한다", "mz_generation", True, "MZ alone"),
    ("매장마다 QR로 결제할 수 있다", "qr_code", True, "QR alone"),
    ("특허청은 중소기업의 IP 보호를 돕는다", "intellectual_property", True, "IP alone"),
    ("인기 웹툰 IP를 활용한 게임이 나왔다", "intellectual_property", True, "content IP"),
    ("IP카메라 해킹 피해가 늘었다", "intellectual_property", False, "an IP camera"),
    ("해커가 IP 주소를 바꿔 접속했다", "intellectual_property", False, "an IP address"),
    ("IPTV 가입자가 늘었다", "intellectual_property", False, "IPTV holds IP"),
    ("P2P 업체의 연체율이 올랐다", "p2p_lending", True, "P2P alone"),
    ("증권사들이 RWA 사업에 뛰어들었다", "rwa", True, "RWA alone"),
    ("정부는 RIA 가입 요건을 정했다", "reshoring_investment_account", True, "RIA alone"),
    ("RIA 노보스티 통신이 보도했다", "reshoring_investment_account", False, "the news agency"),
    ("RIA Novosti reported the talks", "reshoring_investment_account", False, "agency, Latin"),
    ("수입 완구는 KC 인증을 받아야 한다", "kc_certification", True, "KC before 인증"),
    ("해외직구 제품 상당수가 KC 미인증이다", "kc_certification", True, "KC alone"),
    ("한국형 화물창 KC-2를 적용한 선박이 나왔다", "kc_certification", False, "a tank design"),
    ("KC그린홀딩스가 공사를 수주했다", "kc_certification", False, "a company"),
    ("KC코트렐 주가가 올랐다", "kc_certification", False, "another group company"),
    ("금융위는 제도 개선 TF를 꾸렸다", "task_force", True, "TF alone"),
    ("TFT 패널 가격이 올랐다", "task_force", False, "TFT holds TF"),
    ("[TF초점] 반도체 업황 점검", "task_force", False, "an outlet's column tag"),
    ("[TF사진관] 기자회견 현장", "task_force", False, "an outlet's photo column"),
    ("두 회사는 미국에 배터리 JV를 세운다", "joint_venture_investment", True, "JV alone"),
    ("미국 CHIPS 보조금이 지급됐다", "chips_act", True, "CHIPS alone"),
    ("삼성전자 CEO가 투자 계획을 밝혔다", "ceo_title", True, "CEO alone"),
    ("전문경영인 최고경영자를 새로 선임했다", "ceo_title", True, "the Korean name"),
    ("스타트업은 BM을 먼저 검증해야 한다", "business_model", True, "BM alone"),
    ("회사는 비즈니스 모델을 구독형으로 바꿨다", "business_model", True, "the Korean name"),
    ("BMW 판매량이 늘었다", "business_model", False, "BMW holds BM"),
    ("BBIG가 주도하던 장세가 끝났다", "bbig", True, "BBIG with a particle"),
    ("저가 ETP의 호가단위가 줄었다", "etp", True, "ETP alone"),
    ("상장지수상품 시장이 커졌다", "etp", True, "the Korean name"),
    ("ETF 거래대금이 늘었다", "etp", False, "an ETF is its own term"),
    ("금감원은 대형 GA의 내부통제를 점검했다", "insurance_agency", True, "GA alone"),
    ("휴니드는 GA-ASI와 부품 계약을 맺었다", "insurance_agency", False, "General Atomics"),
    ("은행은 TCB 평가를 거쳐 대출을 내준다", "tech_credit_bureau", True, "TCB alone"),
    ("HS 6단위 기준 수출 품목을 집계했다", "hs_code", True, "HS alone"),
    ("관세청은 반도체 품목분류(HS) 지침을 냈다", "hs_code", True, "HS in brackets"),
    ("HS효성 부회장이 포럼에 참석했다", "hs_code", False, "the HS group"),
    ("HS화성이 도로공사를 수주했다", "hs_code", False, "a builder"),
    ("복지부는 DTC 유전자검사 항목을 넓혔다", "dtc_genetic_testing", True, "DTC genetic testing"),
    ("DTC 인증제를 받은 기관만 검사한다", "dtc_genetic_testing", True, "its certification scheme"),
    ("특허청은 영업방법(BM) 발명의 심사 기준을 고쳤다", "business_model", False, "business method"),
    ("핀테크 업체가 BM 특허를 출원했다", "business_model", False, "a business-method patent"),
]


@pytest.mark.parametrize(("text", "term_id", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_acronym_traps(default_tagger, text, term_id, expected, why):
    found = {m.term_id for m in default_tagger.tag(text)}
    assert (term_id in found) is expected, f"{why}: {sorted(found)}"
