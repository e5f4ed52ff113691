"""Sense splits, traps and cues from the audit of the frequent terms (issue 14, ranks 781-960).

Split into entries of their own (92_senses_split.yaml): bare 특화단지 (any specialized complex, not
only the advanced-strategic-industry one), 일반분양 (flats sold to the public, not the
non-priority quota), 국산화 (localization, not its rate), 경제활동인구 (the labour force, not the
participation rate) and 잠정치 (any provisional figure, not the advance GDP estimate). Aliases
dropped: bare 으뜸기업 (other ministries' awards) and 패션 브랜드 (a brand, not the industry).
Recurring longer words that hold a term but mean something else stay untagged: job titles
(법인세정책관, 환경정책관, 산업안전보건정책관, 수소경제정책관), a food-safety institute, a food truck, SDR video, an
English-language hagwon, temporary layoffs, 부패구조 개혁, the deposit insurer, a green-transition
official, deputy heads of local governments. Three cues: 금융정책 next to the Bank
of Japan is monetary policy, 산지 beside forests and solar farms is mountain land, 핵심사업 without
a firm is a government's key project. Each first row of a pair is the right sense, still found. Each sentence
is written for this test.
"""

from __future__ import annotations

import pytest

# Building a tagger over the whole default glossary loads kiwipiepy: several seconds.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    ("반도체 특화단지 지정을 신청했다", "specialized_industrial_complex", True, "a complex"),
    (
        "뿌리산업 특화단지 세 곳을 새로 지정했다",
        "specialized_complex",
        False,
        "not the strategic one",
    ),
    (
        "첨단전략산업 특화단지에 전력망을 우선 깐다",
        "specialized_complex",
        True,
        "the strategic one",
    ),
    ("남은 320가구를 일반분양한다", "general_sale", True, "sale to the public"),
    ("남은 320가구를 일반분양한다", "general_supply", False, "not the quota"),
    ("특별공급을 뺀 일반공급 경쟁률이 높았다", "general_supply", True, "the quota"),
    ("핵심 부품 국산화에 성공했다", "domestic_localization", True, "localization"),
    ("핵심 부품 국산화에 성공했다", "localization_defense", False, "not the rate"),
    ("전투기 국산화율이 60%를 넘었다", "localization_defense", True, "the rate"),
    ("경제활동인구가 줄어 인력난이 심해진다", "labor_force", True, "the labour force"),
    ("경제활동인구가 줄어 인력난이 심해진다", "labor_force_participation", False, "not the rate"),
    ("여성 경제활동참가율이 올랐다", "labor_force_participation", True, "the rate"),
    ("지난달 수입액 잠정치를 공개했다", "provisional_figure", True, "a provisional figure"),
    ("지난달 수입액 잠정치를 공개했다", "preliminary_gdp", False, "not the GDP estimate"),
    ("1분기 GDP 속보치가 나왔다", "preliminary_gdp", True, "the advance estimate"),
    ("소부장 으뜸기업 스무 곳을 새로 뽑았다", "sobujang_champion", True, "the parts champions"),
    ("올해의 환경일자리 으뜸기업을 표창했다", "sobujang_champion", False, "another award"),
    ("패션 산업이 날씨를 많이 탄다", "fashion_industry", True, "the industry"),
    ("새 캐주얼 패션 브랜드를 내놨다", "fashion_industry", False, "a brand"),
    ("법인세 인하를 논의했다", "corporate_tax", True, "the tax"),
    ("소득법인세정책관이 브리핑했다", "corporate_tax", False, "a job title"),
    ("환경정책의 방향을 바꾼다", "environmental_policy", True, "the policy"),
    ("대기환경정책관이 개정안을 설명했다", "environmental_policy", False, "a job title"),
    ("건설현장 안전보건 관리를 강화한다", "occupational_safety_health", True, "safety"),
    ("산업안전보건정책관이 현장을 찾았다", "occupational_safety_health", False, "a job title"),
    ("HACCP 인증을 받은 공장이 늘었다", "haccp", True, "the certification"),
    ("한국식품안전관리인증원이 설명회를 연다", "haccp", False, "an institute"),
    ("대형 화물차 검사 기준을 넓힌다", "commercial_vehicle", True, "a lorry"),
    ("청년 상인의 푸드트럭이 늘어선다", "commercial_vehicle", False, "a food truck"),
    ("위안화가 SDR 바스켓에 들어갔다", "special_drawing_rights", True, "the IMF asset"),
    ("TV의 SDR영상 화질을 비교했다", "special_drawing_rights", False, "video range"),
    ("유치원 입학 신청을 받는다", "kindergarten", True, "a kindergarten"),
    ("영어유치원 입학시험을 막는다", "kindergarten", False, "an English hagwon"),
    ("회사가 직원 열 명을 해고했다", "dismissal", True, "a dismissal"),
    ("공장 직원 전원을 일시 해고하기로 했다", "dismissal", False, "a temporary layoff"),
    ("연금 구조개혁 논의가 시작됐다", "structural_reform", True, "reform"),
    ("지방정치의 부패구조 개혁 방안을 냈다", "structural_reform", False, "corruption structure"),
    ("금융위가 새 금융정책 방향을 논의했다", "monetary_financial_policy", True, "financial policy"),
    (
        "일본은행이 금융정책을 현상 유지했다",
        "monetary_financial_policy",
        False,
        "BoJ monetary policy",
    ),
    ("사과 산지 가격이 크게 올랐다", "producing_area", True, "a producing area"),
    ("산지태양광 설비를 집중 점검한다", "producing_area", False, "a mountain solar farm"),
    ("농지·산지 규제를 함께 푼다", "producing_area", False, "mountain land rules"),
    ("회사는 핵심사업 매출이 늘었다고 밝혔다", "core_business", True, "a firm's core"),
    (
        "지자체가 구상한 핵심사업의 예산을 확보한다",
        "core_business",
        False,
        "a region's key project",
    ),
    ("예금보험 한도를 1억 원으로 올린다", "deposit_insurance", True, "deposit insurance"),
    ("예금보험공사가 보고서를 냈다", "deposit_insurance", False, "the corporation"),
    ("녹색전환 투자를 늘린다", "green_transition", True, "green transition"),
    ("녹색전환정책관이 인사말을 했다", "green_transition", False, "a job title"),
    ("기초단체장 선거가 다가온다", "local_government_head", True, "a local head"),
    ("시·도 부단체장 회의를 열었다", "local_government_head", False, "deputy heads"),
    ("직원들의 일시적 해고가 시작됐다", "dismissal", False, "a temporary layoff, spaced"),
    ("수소경제 활성화 로드맵을 고친다", "hydrogen_economy", True, "the hydrogen economy"),
    ("수소경제정책관이 회의를 주재했다", "hydrogen_economy", False, "a job title"),
]


@pytest.mark.parametrize(("text", "term_id", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_sense_traps(default_tagger, text, term_id, expected, why):
    found = {m.term_id for m in default_tagger.tag(text)}
    assert (term_id in found) is expected, f"{why}: {sorted(found)}"
