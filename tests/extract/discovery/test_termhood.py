"""Candidates that are terms: no numbers, units or time words inside, generic words down."""

from __future__ import annotations

import pytest

from extract import TermDiscoverer
from glossary import Glossary, Term

G = Glossary([Term(id="op", term="영업이익"), Term(id="oil", term="유가")], name="t")

# One row per class of fragment: a proposal must not hold any of these units.
FRAGMENT_DOCS = [
    ("time word + known term", "지난해 영업이익 급증 전망에 반도체 특별법 논의"),
    ("known term + number", "유가 100 돌파 속 반도체 특별법 논의"),
    ("number + noun", "15 규제 완화와 반도체 특별법 논의"),
    ("time word + number", "내년 1 분석과 반도체 특별법 논의"),
    ("abbreviation + number", "시총 3 위 기업의 반도체 특별법 논의"),
    ("time word written as one", "다음주 반도체 특별법 논의"),
    ("count of things", "3사 반도체 특별법 논의"),
    ("number written as a word", "수수료 제로 반도체 특별법 논의"),
]


@pytest.mark.parametrize(("case", "text"), FRAGMENT_DOCS, ids=[c for c, _ in FRAGMENT_DOCS])
def test_no_number_or_time_fragments(case: str, text: str) -> None:
    d = TermDiscoverer(glossary=G, min_df=2, max_candidates=100).fit([text] * 3)
    phrases = [c.phrase for c in d.candidates_]
    assert "반도체 특별법" in phrases
    bad = [
        p
        for p in phrases
        if any(
            w in p.split()
            for w in ("지난해", "내년", "다음주", "3사", "제로", "100", "15", "1", "3")
        )
    ]
    assert bad == [], case


def test_generic_single_words_rank_below_compound_terms() -> None:
    # 감소, 이용 and 비용 are more frequent than the planted term, but everyday words.
    docs = [f"감소 이용 비용 확인 {i}번 기사" for i in range(8)]
    docs += ["탄소 국경 조정 제도 시행"] * 4
    d = TermDiscoverer(glossary=G, min_df=2, max_candidates=20).fit(docs)
    phrases = [c.phrase for c in d.candidates_]
    top = min(i for i, p in enumerate(phrases) if p.startswith("탄소 국경"))
    for word in ("감소", "이용", "비용"):
        assert word not in phrases or phrases.index(word) > top, phrases


# --- what is new: a window against the time before it ---------------------------------


def test_rise_ranks_the_phrase_new_in_the_window_first() -> None:
    # 정책 금융 지원 is frequent in both periods; 해협 봉쇄 위기 only in the window.
    before = ["정책 금융 지원 확대 발표"] * 20
    window = ["정책 금융 지원 확대 발표"] * 10 + ["호르무즈 해협 봉쇄 위기 고조"] * 4
    d = TermDiscoverer(glossary=G, min_df=3, background=before, rank="rise").fit(window)
    top = d.candidates_[0]
    assert top.phrase.startswith("호르무즈") or top.phrase.startswith("해협"), d.candidates_[:3]
    assert top.rise > 0
    old = [c for c in d.candidates_ if c.phrase == "정책 금융 지원"]
    assert not old or old[0].rise < top.rise


# One row per case: documents of the window; the phrase proposed; the fragment that must
# not be (None: a fragment that also lives on its own stays).
NESTED = [
    (
        "a name seen mostly in its full form",
        [f"호르무즈 해협 {w} 우려" for w in ("봉쇄", "긴장", "통항", "기뢰", "유조선", "파병")]
        + ["호르무즈 긴장 고조"] * 2,
        "호르무즈 해협",
        "호르무즈",
    ),
    (
        "a glued acronym phrase",
        [f"스테이블코인 법안 {w}" for w in ("처리", "통과", "발의", "심사", "상정", "보류")]
        + ["스테이블코인 시장 성장"] * 2,
        "스테이블코인 법안",
        "스테이블코인",
    ),
]


@pytest.mark.parametrize(
    ("case", "window", "whole", "fragment"), NESTED, ids=[c[0] for c in NESTED]
)
def test_a_longer_phrase_absorbs_its_rising_fragment(
    case: str, window: list[str], whole: str, fragment: str
) -> None:
    before = ["정책 금융 지원 확대 발표"] * 20
    d = TermDiscoverer(glossary=G, min_df=2, background=before, rank="rise").fit(window)
    phrases = [c.phrase for c in d.candidates_]
    assert whole in phrases[:3], phrases
    assert fragment not in phrases, case


def test_a_name_mostly_inside_several_longer_phrases_goes_to_the_dominant_one() -> None:
    # 호르무즈 in 7 headlines: 3 in 호르무즈 해협, 3 in 호르무즈 봉쇄 (news about it), 1
    # alone. No single longer phrase holds half of it, but together they hold most, and
    # 호르무즈 해협 is the one name among them: it is proposed, and rises as the fragment.
    window = (
        [f"호르무즈 해협 {w} 차질" for w in ("통항", "운송", "물류")]
        + [f"호르무즈 봉쇄 {w}" for w in ("공포", "우려", "여파")]
        + ["유가 급등 속 호르무즈"]
    )
    before = ["정책 금융 지원 확대 발표"] * 20
    d = TermDiscoverer(glossary=G, min_df=2, background=before, rank="rise").fit(window)
    phrases = [c.phrase for c in d.candidates_]
    assert phrases[0] == "호르무즈 해협", phrases
    assert "호르무즈" not in phrases, phrases


def test_a_name_with_many_extensions_none_dominant_is_kept() -> None:
    # K반도체 is mostly inside longer phrases, but none of them is its whole name.
    window = [f"K반도체 {w} 발표" for w in ("육성", "육성", "전략", "전략", "벨트", "벨트")]
    window += ["K반도체 시대"]
    before = ["정책 금융 지원 확대 발표"] * 20
    d = TermDiscoverer(glossary=G, min_df=2, background=before, rank="rise").fit(window)
    assert "K반도체" in [c.phrase for c in d.candidates_]


def test_what_happened_to_a_name_is_news_about_it_not_a_term() -> None:
    # 호르무즈 해협 봉쇄 is in most documents of the window, yet the proposal is the name.
    window = ["호르무즈 해협 봉쇄 공포"] * 6 + ["호르무즈 해협 긴장", "호르무즈 해협 통항"]
    before = ["정책 금융 지원 확대 발표"] * 20
    d = TermDiscoverer(glossary=G, min_df=2, background=before, rank="rise").fit(window)
    phrases = [c.phrase for c in d.candidates_]
    assert phrases[0] == "호르무즈 해협", phrases
    assert not [p for p in phrases if p.startswith("호르무즈 해협 봉쇄")], phrases


def test_a_fragment_that_lives_on_its_own_is_kept() -> None:
    # 반도체 occurs 12 times, only 3 of them in 반도체 특별법: not absorbed.
    tails = ("수출", "호조", "업황", "재고", "투자", "가격", "장비", "인력", "공장")
    docs = ["반도체 특별법 논의"] * 3 + [f"반도체 {w} 소식" for w in tails]
    before = ["정책 금융 지원 확대 발표"] * 20
    d = TermDiscoverer(glossary=G, min_df=2, background=before, rank="rise").fit(docs)
    phrases = [c.phrase for c in d.candidates_]
    assert "반도체" in phrases, phrases


def test_rank_is_checked() -> None:
    with pytest.raises(ValueError, match="`rank` should be one of 'termhood', 'rise', got 'new'"):
        TermDiscoverer(glossary=G, rank="new").fit(["반도체 특별법"])  # type: ignore[arg-type]


def test_cli_window_contrasts_with_the_time_before(tmp_path) -> None:
    import json

    from click.testing import CliRunner

    from extract.cli import main

    rows = [
        {"id": f"b{i}", "date": "2026-02-10", "title": "정책 금융 지원 확대 발표"}
        for i in range(20)
    ]
    rows += [
        {"id": f"w{i}", "date": "2026-03-05", "title": "호르무즈 해협 봉쇄 위기 고조"}
        for i in range(4)
    ]
    rows += [
        {"id": f"m{i}", "date": "2026-03-06", "title": "정책 금융 지원 확대"} for i in range(5)
    ]
    src = tmp_path / "news.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    out = tmp_path / "p.yaml"
    result = CliRunner().invoke(
        main,
        [
            "discover",
            str(src),
            "--window",
            "2026-03-01,2026-03-31",
            "-o",
            str(out),
            "--no-progress",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "9 documents in the window and 20 before it" in result.output
    text = out.read_text("utf-8")
    assert (
        text.index("호르무즈") < text.index("정책 금융")
        if "정책 금융" in text
        else "호르무즈" in text
    )


@pytest.mark.parametrize(
    ("units", "factor"),
    [
        (("감소",), 0.25),  # one everyday word
        (("흐름",), 0.25),  # read alone as a verb form (흐르+ㅁ), a noun in a phrase
        (("인가",), 0.25),  # read alone as 이+ㄴ가
        (("영업이익", "전망"), 0.4),  # known term + everyday word
        (("상승", "전환"), 0.4),  # everyday words ending in a change
        (("공급", "부족"), 0.4),
        (("탄소", "국경", "세"), 1.0),
        (("호르무즈", "해협"), 1.0),
        (("Oil",), 0.25),  # an English word: a label or brand, not an acronym
        (("biz",), 0.25),
        (("Fund", "Flow"), 0.25),
        (("DB",), 0.25),  # a two-letter acronym names many things
        (("GPT",), 1.0),  # a longer acronym may be a term
        (("미", "영업이익"), 0.4),  # a country around a known term
        (("한국", "경제", "영업이익"), 0.4),
        (("중국", "국빈", "방문"), 0.4),  # a name and everyday words ending in an action
        (("B2B",), 1.0),
    ],
)
def test_generic_factor(units: tuple[str, ...], factor: float) -> None:
    from extract.discovery.termhood import generic_factor
    from extract.engine.analyzer import get_kiwi

    assert generic_factor(units, get_kiwi(), frozenset({"영업이익"}), {}) == factor


@pytest.mark.parametrize(
    ("units", "word", "factor"),
    [
        (("결", "선"), "결선", 0.25),  # one everyday word as written
        (("국민", "투표", "법"), "국민투표법", 0.25),  # one name of Kiwi's dictionary
        (("경매", "시장"), "경매시장", 1.0),
        (("탄소", "국경", "세"), "탄소국경세", 1.0),
    ],
)
def test_a_word_is_judged_as_written(units: tuple[str, ...], word: str, factor: float) -> None:
    from extract.discovery.termhood import generic_factor
    from extract.engine.analyzer import get_kiwi

    assert generic_factor(units, get_kiwi(), frozenset(), {}, word=word) == factor


# One row per class: units, written apart (True) or as one word, factor. Names of
# Kiwi's dictionary and phrases of common words and names written apart are news
# vocabulary; a compound written as one word, or holding a rarer word, may be a term.
SPACED = [
    (("서울",), False, 0.25),  # a place
    (("금호건설",), False, 0.25),  # a company Kiwi knows
    (("현실화",), False, 0.25),  # a common noun with a suffix
    (("서울", "아파트"), True, 0.25),
    (("중동", "사태"), True, 0.25),
    (("이란", "전쟁"), True, 0.25),
    (("세계", "시장"), True, 0.4),  # common words without a name
    (("배경훈", "부총리"), True, 0.25),  # a person: a name and a title of office
    (("인천공항", "사장"), True, 0.25),
    (("미국", "시장"), True, 0.25),  # 시장 is a market too, but here a name + common word
    (("경매", "시장"), False, 1.0),
    (("경매", "시장"), False, 1.0),  # 경매시장
    (("호르무즈", "해협"), True, 1.0),  # 해협 is not a common word
    (("토큰화",), False, 1.0),  # a rarer word
]


@pytest.mark.parametrize(("units", "spaced", "factor"), SPACED)
def test_names_and_phrases_of_common_words(
    units: tuple[str, ...], spaced: bool, factor: float
) -> None:
    from extract.discovery.termhood import generic_factor
    from extract.engine.analyzer import get_kiwi

    assert generic_factor(units, get_kiwi(), frozenset(), {}, spaced=spaced) == factor


def test_names_the_package_knows_and_headline_particles_are_not_proposed() -> None:
    # 카카오뱅크 is in the bundled list of companies; 유럽서 is 유럽에서; 한국투자 is
    # 한국투자증권 cut short.
    docs = ["카카오뱅크 실적 발표"] * 3 + ["유럽서 반등 기대"] * 3 + ["한국투자 신고"] * 3
    docs += ["반도체 특별법 논의"] * 3
    d = TermDiscoverer(glossary=G, min_df=2).fit(docs)
    phrases = [c.phrase for c in d.candidates_]
    assert "반도체 특별법" in phrases, phrases
    assert "카카오뱅크" not in phrases and "유럽서" not in phrases, phrases
    short = [c for c in d.candidates_ if c.phrase == "한국투자"]
    top = next(c.score for c in d.candidates_ if c.phrase == "반도체 특별법")
    assert not short or short[0].score < 0.7 * top, d.candidates_


# --- classifier heads: compounds a corpus builds freely on a head -----------------------

HEAD_G = Glossary(
    [
        Term(id=f"b{i}", term=t)
        for i, t in enumerate(("뉴딜사업", "재생사업", "민자사업", "공익사업"))
    ]
    + [Term(id=f"x{i}", term=t) for i, t in enumerate(("물가지수", "주가지수", "환율지수"))],
    name="heads",
)


def test_compounds_on_a_freely_used_head_rank_below_a_term_on_a_term_head() -> None:
    # The glossary has more terms ending in 사업 than in 지수, but the corpus joins
    # any noun to 사업 (육성사업, 보급사업, ...): a classifier, not a term's head.
    fillers = ("육성", "보급", "조성", "시범", "공모", "연구", "선도", "개선")
    docs = [f"{w}사업 추진 계획 {i}호" for w in fillers for i in range(4)]
    docs += [f"심리지수 추진 계획 {i}호" for i in range(4)]
    # The head component alone: the other components see these docs alike.
    d = TermDiscoverer(
        glossary=HEAD_G, min_df=3, max_candidates=50, weights={"head_terms": 1.0}
    ).fit(docs)
    phrases = [c.phrase for c in d.candidates_]
    assert "심리지수" in phrases
    # Heads are read without the glossary's words: 물가지수 ends in 지수, it is not
    # a head of its own.
    assert d.candidates_[phrases.index("심리지수")].head_terms == 3
    business = [phrases.index(f"{w}사업") for w in fillers if f"{w}사업" in phrases]
    assert business and phrases.index("심리지수") < min(business), phrases[:12]


# --- column and section names -------------------------------------------------------

OTHER = [f"탄소국경세 {w} 논의" for w in ("도입", "확대", "유예", "시행", "연기", "협상")]


@pytest.mark.parametrize(
    "tag",
    [
        "[{}] ",
        "【{}】 ",
        "<{}> ",
        "[{} : 오늘 장중 골든크로스가 나타난 종목은 모두 열두 개로 집계됐다] ",
    ],
    ids=["square", "lenticular", "angle", "long"],
)
def test_a_bracketed_column_name_scores_low(tag: str) -> None:
    # The same phrase, as often, in running text and as the tag heading texts.
    body = [f"{w} 마켓 줌인 발표" for w in ("반도체", "조선", "철강", "화학", "자동차", "항공")]
    tagged = [
        tag.format("마켓 줌인") + f"{w} 수출 발표"
        for w in ("반도체", "조선", "철강", "화학", "자동차", "항공")
    ]

    def score(docs: list[str]) -> float:
        d = TermDiscoverer(glossary=G, min_df=3, max_candidates=100).fit(docs + OTHER)
        return next(c.score for c in d.candidates_ if c.phrase == "마켓 줌인")

    assert score(tagged) < 0.5 * score(body)


def test_a_term_in_round_brackets_is_not_a_column_name() -> None:
    # Round brackets hold a term's other name: 탄소국경세(CBAM) is running text.
    plain = TermDiscoverer(glossary=G, min_df=3).fit(
        [f"탄소국경세 {w}" for w in "가나다라"] + OTHER
    )
    paren = TermDiscoverer(glossary=G, min_df=3).fit(
        [f"(탄소국경세) {w}" for w in "가나다라"] + OTHER
    )
    a = next(c.score for c in plain.candidates_ if c.phrase == "탄소국경세")
    b = next(c.score for c in paren.candidates_ if c.phrase == "탄소국경세")
    assert b > 0.5 * a


def test_what_happened_to_a_name_scores_low_by_termhood_too() -> None:
    # 에이펙스랩 상장 is news about 에이펙스랩 (상장했다); 에이펙스랩 지수 may name a thing.
    tails = ("추진", "임박", "기대", "효과", "전망", "수혜")
    docs = [f"에이펙스랩 {head} {w}" for head in ("상장", "지수") for w in tails]
    d = TermDiscoverer(glossary=G, min_df=2).fit(docs)
    score = {c.phrase: c.score for c in d.candidates_}
    assert score["에이펙스랩 상장"] < 0.3 * score["에이펙스랩 지수"], score
