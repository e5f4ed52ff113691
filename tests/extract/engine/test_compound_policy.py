"""The compound policy, the same in both modes: what counts as a mention when a term is
glued to other words, written with its parts spaced or joined by marks.

A term glued into a longer noun of the same kind counts (대출금리 -> 금리); a term after a
negating prefix that starts the word does not (비금융, 무위험); writers' spacing and marks
between parts do not matter (하이퍼 스케일러, 미중 / 미·중 / 미-중); names match only as
written.
"""

from __future__ import annotations

import pytest

from extract import Tagger
from glossary import Glossary, Term

TERMS = [
    Term(id="finance", term="금융"),
    Term(id="risk", term="위험"),
    Term(id="listing", term="상장"),
    Term(id="interest_rate", term="금리"),
    Term(id="hyperscaler", term="하이퍼스케일러"),
    Term(id="us_china", term="미·중 갈등"),
    Term(id="ai_chip", term="AI반도체"),
    Term(id="openai", term="OpenAI", split=False),
    Term(id="trade_balance", term="무역수지"),
    Term(id="shareholder", term="주주"),
    Term(id="stock_price", term="주가", exclude=("주주가",)),
    Term(id="savings", term="적금"),
    Term(id="isa", term="개인종합자산관리계좌", aliases=("ISA",)),
    Term(id="fhc", term="금융지주"),
    Term(id="loan", term="대출"),
    Term(id="ai", term="인공지능", aliases=("AI",)),
    Term(id="chip", term="반도체"),
    Term(id="covid", term="코로나19"),
    Term(id="materials", term="원자재"),
    Term(id="euro", term="유로화", aliases=("유로",)),
    Term(id="dollar", term="달러"),
    Term(id="rupiah", term="루피아화", aliases=("루피아",)),
    Term(id="ringgit", term="링깃화", aliases=("링깃",)),
    Term(id="spac", term="스팩"),
    Term(id="payment", term="간편결제"),
    Term(id="seafood", term="수산물"),
    Term(id="investment", term="투자"),
    Term(id="company", term="기업"),
    Term(id="fishery", term="어업"),
    Term(id="bank", term="은행", aliases=("Bank",)),
    Term(id="quarterly_earnings", term="분기 실적"),
    Term(id="earnings_release", term="실적발표"),
    Term(id="peak_demand", term="최대 전력"),
    Term(id="power_grid", term="전력망"),
]

CASES = [
    # (text, [(surface, term_id), ...], why)
    ("비금융 기업의 부채", [("기업", "company")], "비- negates: non-financial is not finance"),
    ("무위험 이자율", [], "무- negates: risk-free is not risk"),
    ("비상장 주식", [], "비- negates: unlisted is not listing"),
    ("금융 시장과 위험 관리", [("금융", "finance"), ("위험", "risk")], "the words alone"),
    (
        "대출금리가 올랐다",
        [("대출", "loan"), ("금리", "interest_rate")],
        "glued into a noun of its kind (both parts are terms here)",
    ),
    ("하이퍼 스케일러들은", [("하이퍼 스케일러", "hyperscaler")], "one word written spaced"),
    ("미중 갈등이 커졌다", [("미중 갈등", "us_china")], "middle dot left out"),
    ("미-중 갈등", [("미-중 갈등", "us_china")], "hyphen for the middle dot"),
    ("미 중 갈등", [("미 중 갈등", "us_china")], "space for the middle dot"),
    ("미ㆍ중 갈등", [("미ㆍ중 갈등", "us_china")], "the Hangul letter araea for the middle dot"),
    ("미・중 갈등", [("미・중 갈등", "us_china")], "the katakana middle dot"),
    ("AI 반도체 수요", [("AI 반도체", "ai_chip")], "space where the script changes"),
    ("Open AI는", [("AI", "ai")], "names match only as written (AI alone is a term)"),
    ("OpenAI는", [("OpenAI", "openai")], "the name as written"),
    ("무역 수지 적자", [("무역 수지", "trade_balance")], "compound written as two words"),
    ("주주가 반발했다", [("주주", "shareholder")], "an exclude word does not hide 주주"),
    ("주주가치를 높인다", [("주주", "shareholder")], "주가 stays excluded in 주주가"),
    ("#적금 #ISA 추천", [("적금", "savings"), ("ISA", "isa")], "hashtags"),
    ("금융간 거래", [("금융", "finance")], "bound noun 간 after the term"),
    ("KB금융지주 회장", [], "glued to capital letters that are no glossary form: a name"),
    ("AI대출 상품", [("AI", "ai"), ("대출", "loan")], "glued to a glossary acronym: a concept"),
    ("대출자 보호", [], "agent suffix 자: the borrower is not the loan"),
    ("대출업자들이", [], "agent suffix 업자 with 들 and a particle"),
    ("원자재인 구리", [("원자재", "materials")], "인 after a term is the copula"),
    ("코로나 19 확산", [("코로나 19", "covid")], "digits spaced from Hangul"),
    ("상장별로 보면", [("상장", "listing")], "bound noun 별 with a particle"),
    ("위험내에서 관리", [("위험", "risk")], "bound noun 내 with a particle"),
    # A currency next to an amount is its unit, not the currency as a topic.
    ("40mln유로를 수주했다", [], "currency glued after a Latin magnitude"),
    ("33.5mln 유로 43.6mln에서", [], "currency spaced after a Latin magnitude"),
    ("총 37,7 mn 유로로", [], "magnitude spaced from the number and the currency"),
    ("EPS는 유로0.3에서", [], "currency written before the number"),
    ("300만 유로와 4억유로", [], "Hangul magnitudes, spaced or glued"),
    ("수십억 달러 규모", [], "an approximate amount"),
    ("15달러에 팔렸다", [], "glued to the digits"),
    ("2조 루피아와 5억링깃", [], "any currency's name after an amount, not only the majors"),
    ("유로 약세와 달러 강세", [("유로", "euro"), ("달러", "dollar")], "the currencies as topics"),
    ("루피아 약세", [("루피아", "rupiah")], "a minor currency as a topic"),
    ("G7 유로 논의", [("유로", "euro")], "digits inside a Latin name are no amount"),
    # A term inside the name of an institution or of a numbered vehicle is a name.
    ("한국간편결제진흥원에 문의", [], "institution suffix 진흥원 after the term"),
    ("국립수산물품질관리원 누리집", [], "institution suffix 관리원"),
    ("혁신금융심사위원회 심사", [], "institution suffix 위원회"),
    ("아부다비투자진흥청(ADIO)", [], "institution suffix 진흥청"),
    ("유진스팩7호 상장", [("상장", "listing")], "a numbered vehicle: digits and 호 after the term"),
    ("금융투자업자, 공공기관", [], "a glued word ending in the agent suffix 업자"),
    ("수산물 수입과 투자 확대", [("수산물", "seafood"), ("투자", "investment")], "the words alone"),
    ("기업인들이 모였다", [], "agent suffix 인 with 들: the people, not the companies"),
    ("기준을 낮추어 어업인들이 장비 점검", [], "agent suffix 인 with 들 after 어업"),
    ("기업인 삼성전자", [("기업", "company")], "인 without 들 stays the copula"),
    ("JPM and Pohjola Bank", [], "a capitalized Latin word before a Latin term: a name"),
    ("중앙 Bank 정책", [("Bank", "bank")], "a Latin term after Hangul"),
    # A word is not cut: a term ending inside a word that another term ends cleanly
    # gives way to it.
    ("1분기 실적발표 콘퍼런스콜", [("실적발표", "earnings_release")], "실적발표 is one word"),
    ("미국 최대 전력망 경매", [("전력망", "power_grid")], "전력망 is one word"),
    ("1분기 실적 발표", [("분기 실적", "quarterly_earnings")], "spaced: no word is cut"),
]


@pytest.fixture(scope="module")
def taggers() -> dict[str, Tagger]:
    g = Glossary(TERMS)
    return {mode: Tagger(g, mode=mode) for mode in ("fast", "full")}


@pytest.mark.parametrize("mode", ["fast", "full"])
@pytest.mark.parametrize(("text", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_policy(taggers: dict[str, Tagger], mode: str, text: str, expected: list, why: str) -> None:
    got = [(m.surface, m.term_id) for m in taggers[mode].tag(text)]
    assert got == expected, why


@pytest.mark.parametrize(
    ("text", "not_counted"),
    [
        ("한국은행이 기준금리를 동결했다", "bank"),
        ("수출입은행 대출이 늘었다", "exports"),
        ("한국투자증권 보고서", "investment"),
    ],
)
def test_bundled_names_do_not_count_as_their_everyday_parts(
    default_tagger: Tagger, text: str, not_counted: str
) -> None:
    assert not_counted in default_tagger.glossary, f"the bundled glossary lost {not_counted!r}"
    assert not_counted not in {m.term_id for m in default_tagger.tag(text)}


@pytest.mark.parametrize("mode", ["fast", "full"])
@pytest.mark.parametrize("text", ["탄소중립·녹색성장기본법 시행", "탄소중립ㆍ녹색성장 기본법 시행"])
def test_a_form_written_with_a_middle_dot_look_alike_matches_every_middle_dot(
    mode: str, text: str
) -> None:
    # Text is normalized before matching (ㆍ becomes ·), so forms must be too.
    g = Glossary([Term(id="green_growth_act", term="탄소중립ㆍ녹색성장 기본법")])
    assert [m.term_id for m in Tagger(g, mode=mode).tag(text)] == ["green_growth_act"]
