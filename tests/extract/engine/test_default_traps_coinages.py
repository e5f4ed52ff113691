"""Traps found while tagging non-held-out news and policy records with the newsroom coinages
of glossary/data/default/72_news_coinages.yaml.

Each trap is a class of text, written here in our own words: a short coinage that is also a
piece of a longer everyday word (국평 in 전국평균, 단칸 in 단칸방, 탈서울 at the end of a hotel's
name), a coinage whose words also make up a plainer phrase (디지털 금 before 금융), a slang
word that is also the name of an insect (불개미), a number that another programme uses for
its own track (IPEF's 필라3 is its clean-economy pact, not the Basel disclosure pillar),
one coinage inside a bigger one (따블 in 따따블), a slang word used for more than money
(일감 몰빵 piles work orders on an affiliate), and a generation's nickname that is also an
esports team (젠지). The term must still be found where it is meant.
"""

from __future__ import annotations

import pytest

# The default glossary's tagger (one per test process, tests/conftest.py) loads kiwipiepy.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    ("올해 쌀 수확량은 전국평균 5% 늘었다", "national_standard_size", False, "a national average"),
    ("서울 국평 아파트 분양가가 15억원을 넘었다", "national_standard_size", True, "84 m²"),
    ("그는 학교 앞 단칸방에서 자취를 시작했다", "tankan_survey", False, "a one-room flat"),
    ("일본은행 단칸 지수가 두 분기 만에 개선됐다", "tankan_survey", True, "the survey"),
    ("정부는 디지털 금융 규제를 손보기로 했다", "digital_gold", False, "digital finance"),
    ("비트코인은 디지털 금으로 불리며 몸값을 키웠다", "digital_gold", True, "bitcoin"),
    ("항만 컨테이너에서 붉은불개미가 또 발견됐다", "big_retail_investor", False, "the insect"),
    ("원유 ETN에 불개미들이 몰려들었다", "big_retail_investor", True, "bold retail buyers"),
    ("IPEF 필라3 청정경제 협정이 타결됐다", "basel_pillar3", False, "IPEF's pillar"),
    ("은행들은 바젤 필라3 공시 항목을 늘린다", "basel_pillar3", True, "Basel disclosure"),
    ("신규 상장한 종목이 첫날 따따블을 기록했다", "double_on_debut", False, "four times"),
    ("신규 상장한 종목이 첫날 따따블을 기록했다", "quadruple_on_debut", True, "four times"),
    ("새내기주가 상장 첫날 따블에 성공했다", "double_on_debut", True, "two times"),
    (
        "설명회는 인터컨티넨탈서울 코엑스에서 열렸다",
        "leaving_seoul",
        False,
        "a hotel's name",
    ),
    ("전셋값에 밀린 30대의 탈서울 행렬이 이어졌다", "leaving_seoul", True, "moving out"),
    ("고용노동부는 주요노동관계법령 교육을 늘린다", "yono", False, "inside a ministry's text"),
    ("하나면 충분하다는 요노 소비가 퍼지고 있다", "yono", True, "the trend"),
    ("올해 IPO 최대어로 꼽히는 기업이 청약을 받는다", "ipo_large_deal", True, "an alias added"),
    ("외국인 매도에 코스피가 오천피를 내줬다", "kospi_5000", True, "the index level"),
    # The slang word also piles work orders on one affiliate: not an investment.
    ("회장 일가 회사에 일감 몰빵…사익편취 비판", "all_in_bet", False, "work orders"),
    ("대출받아 2차전지에 몰빵했다가 손실을 봤다", "all_in_bet", True, "an investment"),
    # 젠지 is how headlines write an esports team (Gen.G), so Gen Z keeps only its other forms.
    ("젠지가 LCK컵에서 전승 우승했다", "generation_z", False, "an esports team"),
    ("가전매장을 찾는 Z세대 소비자가 늘었다", "generation_z", True, "the generation"),
]


@pytest.mark.parametrize(
    ("text", "term_id", "expected", "why"), CASES, ids=[f"{c[1]}-{c[3]}" for c in CASES]
)
def test_coinage_trap(default_tagger, text, term_id, expected, why):
    assert (term_id in {m.term_id for m in default_tagger.tag(text)}) is expected, why
