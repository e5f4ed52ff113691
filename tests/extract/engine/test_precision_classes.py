"""Classes of false positives found by hand judging real news for issue 14's precision
target, one row per case, in both modes, with rows that must stay mentions beside them.
The sentences are written for these tests, not taken from news.
"""

from __future__ import annotations

import pytest

from extract import Tagger
from glossary import Glossary, Term

TERMS = [
    Term(id="startup", term="창업"),
    Term(id="youth_startup", term="청년창업"),
    Term(id="portfolio", term="포트폴리오"),
    Term(id="investment", term="투자"),
    Term(id="telecom", term="통신", aliases=("통신산업",)),
    Term(id="business_people", term="경제인"),
    Term(id="healthcare", term="헬스케어"),
    Term(id="ramen", term="라면"),
    Term(id="economy", term="경제"),
    Term(id="tire", term="타이어"),
    Term(id="finance", term="금융"),
    Term(id="broadcasting", term="방송"),
    Term(id="bank", term="은행"),
    Term(id="rate_cut", term="금리 인하"),
    Term(id="loan", term="대출"),
    Term(id="rate_cut_expectations", term="금리 인하 기대", aliases=("인하 기대감",)),
    Term(id="asset_management", term="자산운용", aliases=("자산운용사",)),
    Term(id="stock_company", term="주식회사"),
    Term(id="semiconductor", term="반도체"),
    Term(id="mobility", term="모빌리티"),
    Term(id="pharma", term="제약"),
    Term(id="shipping", term="해운"),
]

BOTH = ("fast", "full")
CASES = [
    # (text, expected (surface, term_id) list, why)
    # A person suffix after a particle the list lacked: 자 + 로부터 is still the person.
    ("청년창업자로부터 의견을 들었다", [], "an agent suffix before 로부터"),
    ("창업자에게서 지분을 샀다", [], "an agent suffix before 에게서"),
    ("청년창업으로부터 얻은 교훈", [("청년창업", "youth_startup")], "the term before 로부터"),
    # A noun for a person glued after the term is a compound the policy counts; only a
    # one-syllable suffix (자) makes the person.
    ("투자전문가들은 말했다", [("투자", "investment")], "a glued person noun is a compound"),
    # An institution's head: 진흥원장 is 진흥원 + 장, still the institution's name.
    ("정보통신산업진흥원장 표창을 받았다", [], "a title after an institution"),
    ("통신산업진흥원이 발표했다", [], "the institution itself"),
    ("한국경제인연합회는 밝혔다", [], "a federation (연합회) is an organisation"),
    ("창업진흥원장이 말했다", [], "another institution and its head"),
    ("경제인 단체가 모였다", [("경제인", "business_people")], "the term as a word"),
    # A company designator (Ltd, Oyj, Inc ...) after the term ends a company name.
    ("자회사인 바이오히트 헬스케어 Ltd와 체결했다", [], "the term before Ltd"),
    ("노키안 타이어 Oyj는 밝혔다", [], "the term before Oyj"),
    ("헬스케어 Ltd.가 인수했다", [], "Ltd with a full stop"),
    ("헬스케어 LTE 서비스", [("헬스케어", "healthcare")], "LTE is no designator"),
    ("타이어 교체 수요", [("타이어", "tire")], "the term as a word"),
    ("후스크바르나 헬스케어 프로덕츠 등", [], "a designator written in Hangul"),
    ("헬스케어 홀딩스는 밝혔다", [], "a Hangul designator, then a particle"),
    # A department head's title after the term, spaced: the term names the department.
    ("연구소 헬스케어 본부장 영입", [], "a department head's title"),
    ("헬스케어 본부장악", [("헬스케어", "healthcare")], "no title: the word goes on"),
    # A bank's name that kiwipiepy knows as one proper noun across a space.
    ("이후 단스케 은행은 노르딕 국가의", [], "a spaced foreign bank name"),
    ("이후 시중 은행은 금리를 올렸다", [("은행", "bank")], "a spaced common noun before it"),
    # A word kiwipiepy does not know (a foreign name it guesses), then a kind of
    # organisation after a space: the organisation's name (노르데아 은행, 바스웨어 주식회사).
    ("노르데아 은행은 밝혔다", [], "a guessed word, then 은행"),
    ("일카 시흐보 바스웨어 주식회사 CEO는", [], "a guessed word, then 주식회사"),
    ("미국 은행들이 흔들렸다", [("은행", "bank")], "a known place before it"),
    ("대형 은행은 버텼다", [("은행", "bank")], "a known common noun before it"),
    # A government agency (청) after the term.
    ("국가통신정보청(NTIA)은 밝혔다", [], "an agency ending in 청"),
    # 가 and 인 after the term: a person suffix or a particle/copula, as kiwipiepy reads.
    ("방송인 홍길동이 재산을 공개했다", [], "인 as a person suffix (방송인)"),
    ("방송이 늘었다", [("방송", "broadcasting")], "the term before a particle"),
    ("설비 투자가 늘었다", [("투자", "investment")], "가 as the subject particle"),
    ("주력 산업이 방송인 도시", [("방송", "broadcasting")], "인 as the copula"),
    # The term's letters read as a copula ending after a noun: 투자자라면 = 투자자 + (이)라면.
    ("투자자라면 눈여겨봐야 한다", [], "라면 as the ending of 투자자라면"),
    ("라면 수출이 늘었다", [("라면", "ramen")], "라면 as a word"),
    ("이 추세라면 적자가 난다", [], "라면 as the ending after another noun"),
    ("투자라면 신중해야 한다", [("투자", "investment")], "the term before the ending 라면"),
    ("금리 인하 기대가 크다", [("금리 인하 기대", "rate_cut_expectations")], "as written"),
    ("금리 인하 속도", [("금리 인하", "rate_cut")], "the shorter term alone"),
    # A law's name: the term glued before the ending of a law's name (특별법, 지원법 ...).
    ("경제지원특별법에 대한 시사점", [], "a term inside a special act's name"),
    ("금융소비자보호법 시행", [], "a term inside a protection act's name"),
    ("경제 지원법이 필요하다", [("경제", "economy")], "the term spaced from the law"),
    # An X-to-Y model code (P2P, B2B, O2O) glued before the term qualifies it; other
    # capital letters glued before it make a name (KB금융지주).
    ("P2B대출의 성장", [("대출", "loan")], "a P2B loan"),
    ("P2P금융 플랫폼", [("금융", "finance")], "P2P finance"),
    ("KB금융 실적", [], "capitals before the term: a name"),
    ("K2금융 실적", [], "a letter and a digit before the term: a name"),
    # A counselling centre's name: 상담센터 after the term.
    ("통신상담센터 누리집에서 확인", [], "a counselling centre's name"),
    ("통신센터 증설", [("통신", "telecom")], "센터 alone is a free noun (compound)"),
    # Glued on both sides, ending in 센터: the term is inside a centre's name.
    ("국민참여통신센터 누리집", [], "a term glued inside a centre's name"),
    ("한국통신센터에서 열린 행사", [], "a term inside a centre's name, a particle after"),
    ("한국 통신센터 증설", [("통신", "telecom")], "a word before with a space: 센터 alone"),
    # A fund manager's name: any word glued before 자산운용 makes one (이지스, 삼성액티브),
    # even a word kiwipiepy knows as a common noun (이지스, aegis).
    ("이지스자산운용은 매각을 철회했다", [], "자산운용 glued after a word: a company"),
    ("가나다라자산운용, 펀드 출시", [], "after an unknown word"),
    ("자산운용 규모가 커졌다", [("자산운용", "asset_management")], "the term as a word"),
    ("대형 자산운용사들이 몰렸다", [("자산운용사", "asset_management")], "a longer form"),
    ("해외 자산운용 수익", [("자산운용", "asset_management")], "spaced from the word"),
    # 주식회사 after a name kiwipiepy reads as a proper noun is the company's designator.
    ("대상기업 : 티에토주식회사, 사업자등록코드", [], "주식회사 glued after a name"),
    ("주식회사 제도의 역사", [("주식회사", "stock_company")], "the concept"),
    # An industry glued after a proper noun that is no place is a company's name
    # (카카오헬스케어, 삼성반도체); after a place it is the industry there (미국반도체).
    ("카카오헬스케어 지분 인수 거래 종결", [], "an industry after a company's name"),
    ("삼성반도체 직원들의 출근길", [], "반도체 after 삼성"),
    ("카카오모빌리티가 밝혔다", [], "모빌리티 after 카카오"),
    ("셀트리온제약은 공시했다", [], "제약 after 셀트리온"),
    ("미국반도체 수입이 늘었다", [("반도체", "semiconductor")], "after a place"),
    ("국제해운 탄소 감축", [("해운", "shipping")], "after 국제, which says where too"),
    ("고려해운은 밝혔다", [], "해운 after a company's name"),
    ("디지털헬스케어 시장", [("헬스케어", "healthcare")], "after a common noun"),
    ("공유모빌리티 업체", [("모빌리티", "mobility")], "a compound kiwipiepy guesses"),
]


@pytest.fixture(scope="module")
def taggers() -> dict[str, Tagger]:
    g = Glossary(TERMS)
    return {mode: Tagger(g, mode=mode) for mode in BOTH}


@pytest.mark.parametrize("mode", BOTH)
@pytest.mark.parametrize(("text", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_class(taggers: dict[str, Tagger], mode: str, text: str, expected: list, why: str) -> None:
    got = [(m.surface, m.term_id) for m in taggers[mode].tag(text)]
    assert got == expected, why


# Generic words of the bundled glossary used in another sense, which the entries' context
# cues (or a corrected alias list) now tell apart: (text, term id, whether it is tagged).
SENSES = [
    ("현대차 전철 밟을까 걱정", "subway", False),  # 前轍: repeating a mistake
    ("수도권 전철 노선이 개통했다", "subway", True),
    ("메모리 반도체 한파에도 점유율 상승", "cold_wave", False),
    ("한파로 기온이 영하 15도까지 내려갔다", "cold_wave", True),
    ("공장 신축 프로젝트의 투자 애로를 해소", "newly_built_home", False),
    ("신축 선호에 아파트 매매가 늘었다", "newly_built_home", True),
    ("퇴직연금 가입자들의 대체투자 수요", "mobile_subscriber", False),
    ("알뜰폰 가입자가 늘었다", "mobile_subscriber", True),
    ("재정위기 때와 같은 긴축 기조로의 선회", "monetary_tightening", False),
    ("연준의 긴축 장기화 우려", "monetary_tightening", True),
    ("서비스센터 특별점검에 나선다", "joint_inspection", False),
    ("관계부처 합동점검을 벌였다", "joint_inspection", True),
    ("공매도 태풍 비켜가는 증권주", "typhoon", False),
    ("태풍이 북상하며 피해가 커졌다", "typhoon", True),
    ("건물주이자 개발자인 부동산 회사", "software_developer", False),
    ("AI 개발자 채용이 늘었다", "software_developer", True),
    ("추경 곳간은 바닥", "cash_holdings", False),
    ("삼성전자 곳간에 쌓이는 현금", "cash_holdings", True),
    ("업계 최저 소비전력 메모리", "consumption", False),  # power use, not spending
    ("소비가 늘었다", "consumption", True),
    ("해양수산 온라인 취업박람회 개최", "trade_fair", False),  # a job fair
    ("채용박람회에 구직자가 몰렸다", "trade_fair", False),
    ("국제 박람회에 기업들이 참가했다", "trade_fair", True),
    # 재정 of a company (translated filings): a company in the sentence. 재정적으로 of a
    # company is left: as an exclude it lost local governments' 재정적 어려움 (fiscal).
    ("그 회사는 재정 및 생산 분야에서 인력을 줄였다", "public_finance", False),
    ("회사는 재정 세부 사항을 공개하지 않았다", "public_finance", False),
    ("정부는 재정을 풀어 경기를 살린다", "public_finance", True),
    # 사전예약 of an appointment (a vaccination, a consultation), not of a product.
    ("누리집을 통해 상담 사전예약을 신청해야 한다", "pre_order", False),
    ("백신 추가접종 사전예약은 내일부터", "pre_order", False),
    ("신형 스마트폰 사전예약이 100만 대를 넘었다", "pre_order", True),
    # VAR in capitals is a vector autoregression; the risk measure is written VaR.
    ("구조적 VAR 모형으로 추정했다", "var", False),
    ("주택연금 VaR 평가 방법", "var", True),
    # 분양 of research materials (reference standards, microbes) and of pets.
    ("식약처는 표준품 분양시스템을 개선했다", "presale", False),
    ("특허 미생물 분양 절차를 간소화한다", "presale", False),
    ("신도시 아파트 분양이 시작됐다", "presale", True),
    # NCC of a builder or a convention centre; the cracker comes with petrochemicals.
    ("스웨덴 관심사 NCC로도 불린다", "naphtha_cracking_center", False),
    ("석유화학 업계가 NCC 감산에 나섰다", "naphtha_cracking_center", True),
    # MoU is how policy news often writes MOU (33 times in the real news files)
    ("민간 전문가 파견 합의서(MoU)를 체결하였다", "memorandum_of_understanding", True),
]


@pytest.mark.parametrize(("text", "term_id", "tagged"), SENSES, ids=[s[0] for s in SENSES])
def test_sense(default_tagger: Tagger, text: str, term_id: str, tagged: bool) -> None:
    assert (term_id in {m.term_id for m in default_tagger.tag(text)}) is tagged


def test_term_after_a_misread_particle(default_tagger: Tagger) -> None:
    # kiwipiepy reads 환경과세 as 환경 + 과/JC + 세: the start check leaves particles out.
    assert "taxation" in {
        m.term_id for m in default_tagger.tag("지방세도 환경과세로서의 기능을 한다")
    }


def test_multi_word_form_glued_into_its_own_longer_form() -> None:
    # 금리 인하 기대감: the form 금리 인하 기대 glued into 기대감, which another form of
    # the same term (인하 기대감) ends. Fast mode only: --full keeps kiwipiepy's
    # reading, as for 반도체 수출액 (tests/extract/engine/test_accuracy_classes.py).
    got = Tagger(Glossary(TERMS)).tag("금리 인하 기대감에 비해")
    assert [(m.surface, m.term_id) for m in got] == [("금리 인하 기대", "rate_cut_expectations")]


def test_industry_after_an_unknown_word_is_left_to_the_compound_rule() -> None:
    # 비베모리 (a typo of 비메모리) is a word kiwipiepy guesses, as a new compound's first
    # part often is: before an industry it does not make a name, as a proper noun does.
    # Fast mode only: in this sentence --full reads 비베모리 as a proper noun.
    got = Tagger(Glossary(TERMS)).tag("삼성전자 비베모리반도체 사업 전략")
    assert [(m.surface, m.term_id) for m in got] == [("반도체", "semiconductor")]


@pytest.mark.parametrize(
    ("text", "term_id", "tagged"),
    [
        ("이번 대책은 ▲국제해운 탄소 감축 ▲항만 개선", "shipping", True),  # 국제 says where
        ("고려해운(주) 등 12개사", "shipping", False),  # a shipping line's name
        ("카카오헬스케어 대표는 밝혔다", "healthcare", False),
        ("삼성바이오, 미국 공장 인수", "bio_industry", False),
        ("국내 바이오 기업들이 몰렸다", "bio_industry", True),
    ],
)
def test_industry_names_with_the_bundled_glossary(
    default_tagger: Tagger, text: str, term_id: str, tagged: bool
) -> None:
    assert (term_id in {m.term_id for m in default_tagger.tag(text)}) is tagged
