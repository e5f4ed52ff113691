"""Traps found while tagging real news with the bundled entity list
(glossary/data/entities/43_more_companies.yaml, 44_more_institutions.yaml).

Each trap is a class of text, written here in our own words: a short name glued inside
another word (강세론자, 테더링, 재무성과), a name inside a longer name of something else
(노키아 지멘스 네트웍스, 헨리 포드, 코오롱플라스틱), an acronym that other fields use
(HP, PIF, CBO, LX), and an institution word that foreign or generic bodies share
(연방대법원, 독일 총리실, 우체국). The entity must still be found where it is meant.
"""

from __future__ import annotations

import pytest

import glossary
from extract import Tagger

# Building a tagger over the whole default glossary loads kiwipiepy: several seconds.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger(glossary.default(entities=True))


@pytest.fixture(scope="module")
def entity_ids() -> frozenset[str]:
    concepts = {t.id for t in glossary.default()}
    return frozenset(t.id for t in glossary.default(entities=True) if t.id not in concepts)


def test_entity_list_has_at_least_1000_names(entity_ids):
    assert len(entity_ids) >= 1000


NO_ENTITY = [
    # (text, why no entity at all may be tagged)
    ("월가의 대표적인 강세론자로 꼽힌다", "론자 (Lonza) inside 강세론자"),
    ("데이터 테더링 한도를 늘린다", "테더 (Tether) inside 테더링"),
    ("하도급 중소기업의 재무성과를 비교했다", "재무성 (Japan's MOF) inside 재무성과"),
    ("건강증진종합계획(HP 2030)을 새로 세웠다", "HP is a health plan here"),
    ("태평양도서국포럼(PIF) 정상회의", "PIF is also the Pacific Islands Forum"),
]


@pytest.mark.parametrize(("text", "why"), NO_ENTITY, ids=[c[1] for c in NO_ENTITY])
def test_no_entity_in_ordinary_words(tagger, entity_ids, text, why):
    found = {m.term_id for m in tagger.tag(text)} & entity_ids
    assert not found, f"{why}: {sorted(found)}"


CASES = [
    # (text, term id, expected: is it tagged?, why)
    ("헨리 포드가 만든 조립 라인", "ford", False, "the founder, not the company"),
    ("포드가 전기차 생산을 줄였다", "ford", True, "the company"),
    ("노키아 지멘스 네트웍스가 계약을 따냈다", "siemens", False, "a joint venture's name"),
    ("노키아 지멘스 네트웍스가 계약을 따냈다", "nokia", False, "a joint venture's name"),
    ("지멘스가 전력망 설비를 수주했다", "siemens", True, "the company"),
    ("코오롱플라스틱 주가가 올랐다", "kolon_group", False, "a listed subsidiary's name"),
    ("코오롱그룹 계열사 사장단 인사", "kolon_group", True, "the group"),
    ("미국 연방대법원이 관세 소송을 심리한다", "supreme_court", False, "the US court"),
    ("대법원이 통상임금 판결을 내렸다", "supreme_court", True, "Korea's court"),
    ("독일 총리실 차관과 면담했다", "prime_minister", False, "another country's office"),
    ("국무총리실이 규제 개선안을 냈다", "prime_minister", True, "Korea's office"),
    ("가까운 우체국에서 찾아가면 된다", "korea_post", False, "any post office"),
    ("우정사업본부가 국제우편 검사를 늘린다", "korea_post", True, "the agency"),
    ("P-CBO 발행이 늘었다", "cbo", False, "primary CBO, a bond"),
    ("미 의회예산국은 재정적자가 커진다고 봤다", "cbo", True, "the budget office"),
    ("한국국토정보공사(LX) 지역본부", "lx_group", False, "LX is also a public corporation"),
    ("S&P 500 지수가 올랐다", "sp_global", False, "the index, not the company"),
    ("S&P글로벌이 신용등급을 내렸다", "sp_global", True, "the company"),
    ("영란은행이 기준금리를 동결했다", "boe_central", True, "the Bank of England"),
    ("테더가 발행한 스테이블코인", "tether", True, "the issuer"),
    ("삼성물산이 재건축 시공사로 선정됐다", "samsung_ct", True, "a listed company"),
]


@pytest.mark.parametrize(("text", "term_id", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_entity_traps(tagger, text, term_id, expected, why):
    found = {m.term_id for m in tagger.tag(text)}
    assert (term_id in found) is expected, f"{why}: {sorted(found)}"
