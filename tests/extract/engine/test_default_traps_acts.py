"""Traps found while tagging real news with the acts, rules, plans and programmes of the
default glossary (glossary/data/default/67_acts_programmes.yaml).

Each trap is a class of text, written here in our own words: a longer act name that ends in
a shorter one (인터넷방송법, 유료도로법), a domestic act name at the end of a foreign one (the
US 식품, 의약품 및 화장품법), an institution named after the scheme it runs
(의료기관평가인증원, 증권예탁결제원, 국민연금기금운용본부), an industry written with the
licensed business's name (금융투자업계), a short act name that is also a plain phrase (장사법
as "how to run a shop", 업무보고 of any team or any annual report), and an acronym that names
something else (EAR, LINC, SOx of air pollution next to SOX법 of US audit law).
The term must still be found where it is meant, whether written short or by its formal name.
"""

from __future__ import annotations

import pytest

# Building a tagger over the whole default glossary loads kiwipiepy: several seconds.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    ("방송법 개정으로 공영방송 이사회가 바뀐다", "broadcasting_act", True, "the act"),
    ("인터넷방송법 개정안이 공포됐다", "broadcasting_act", False, "the IPTV act's nickname"),
    ("도로법에 따라 도로 점용 허가를 받는다", "road_act", True, "the road act"),
    ("유료도로법 개정으로 통행료 감면이 늘었다", "road_act", False, "the toll road act"),
    (
        "의료기관평가인증을 받은 병원만 지정된다",
        "healthcare_accreditation",
        True,
        "the accreditation",
    ),
    (
        "서류를 의료기관평가인증원에 우편으로 낸다",
        "healthcare_accreditation",
        False,
        "the accrediting institute",
    ),
    ("국민연금기금 운용수익률이 올랐다", "national_pension_fund", True, "the fund"),
    (
        "국민연금기금운용본부 본부장이 새로 선임됐다",
        "national_pension_fund",
        False,
        "the fund's management office",
    ),
    ("장사 등에 관한 법률에 따라 봉안시설을 짓는다", "funeral_act", True, "the formal name"),
    ("개정 장사법으로 자연장 장소가 넓어졌다", "funeral_act", True, "the short name, burial words"),
    ("골목 식당 사장님들의 장사법을 배운다", "funeral_act", False, "장사법 as how to run a shop"),
    (
        "국토부는 대통령 업무보고에서 공급 대책을 밝혔다",
        "work_report_to_president",
        True,
        "briefing",
    ),
    ("팀장에게 오늘 업무보고를 했다", "work_report_to_president", False, "a team report"),
    ("특허청은 연례 업무보고서를 발간했다", "work_report_to_president", False, "an annual report"),
    (
        "미국 EAR 개정으로 반도체 장비 수출 통제가 강화됐다",
        "export_administration_regulations",
        True,
        "EAR",
    ),
    ("EAR 기준 연 4.5% 예금 금리", "export_administration_regulations", False, "EAR a rate"),
    (
        "LINC 3.0 사업단이 대학 기술이전을 돕는다",
        "linc_programme",
        True,
        "the university programme",
    ),
    ("LINC 브랜드 신제품을 출시했다", "linc_programme", False, "LINC a brand"),
    ("SOX법 404조에 따라 내부통제를 보증한다", "sarbanes_oxley_act", True, "US audit law"),
    ("SOX법 404조에 따라 내부통제를 보증한다", "sox", False, "not sulphur oxides"),
    ("특허법원은 특허법 위반 여부를 가린다", "patent_act", True, "the patent act"),
    ("특허법원이 항소를 기각했다", "patent_act", False, "the patent court"),
    ("화장품법 시행규칙 개정으로 표시 기준이 바뀐다", "cosmetics_act", True, "the Korean act"),
    ("미국 연방 식품, 의약품 및 화장품법을 번역했다", "cosmetics_act", False, "the US FD&C act"),
    (
        "금융투자업 인가를 새로 받았다",
        "financial_investment_business",
        True,
        "the licensed business",
    ),
    (
        "금융투자업계에 따르면 거래대금이 늘었다",
        "financial_investment_business",
        False,
        "the industry as a news source",
    ),
    (
        "증권예탁결제 제도로 실물 이동이 사라졌다",
        "securities_depository_settlement",
        True,
        "operation",
    ),
    (
        "핀란드 중앙증권예탁결제원이 주주명부를 보관한다",
        "securities_depository_settlement",
        False,
        "a depository's name",
    ),
    (
        "중소기업 성능인증 제품은 공공구매에서 우대받는다",
        "sme_performance_certification",
        True,
        "the SME scheme",
    ),
    (
        "자율주행차 성능인증제를 내년부터 시행한다",
        "sme_performance_certification",
        False,
        "another performance certification",
    ),
    # formal names and short names resolve to one entry
    ("「주식회사 등의 외부감사에 관한 법률」 개정", "external_audit_act", True, "formal name"),
    ("중대재해 처벌 등에 관한 법률 위반 혐의", "serious_accidents_punishment_act", True, "formal"),
    ("은행업 감독규정 개정안을 예고했다", "banking_supervision_regulation", True, "spaced form"),
    (
        "금산법 개정으로 계열사 지분 한도가 바뀐다",
        "financial_industry_structure_act",
        True,
        "금산법",
    ),
    (
        "전안법 시행으로 KC 인증 부담이 커졌다",
        "electrical_household_products_safety_act",
        True,
        "전안법",
    ),
]


@pytest.mark.parametrize(("text", "term_id", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_acts_traps(default_tagger, text, term_id, expected, why):
    found = {m.term_id for m in default_tagger.tag(text)}
    assert (term_id in found) is expected, f"{why}: {sorted(found)}"
