"""Sentence splitting: a case table for the rules, invariants, and agreement with Kiwi."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import SentenceSpan, line_starts, sentence_at, split_sentences
from corpus._sentences import default_kiwi

# (text, expected sentences, explanation); sentences are written out, offsets are
# checked by locating them in order.
CASES = [
    ("금리가 올랐다. 환율은 내렸다.", ["금리가 올랐다.", "환율은 내렸다."], "two sentences"),
    (
        "성장률은 3.5%였다. 물가는 2.1% 올랐다.",
        ["성장률은 3.5%였다.", "물가는 2.1% 올랐다."],
        "decimals",
    ),
    ("정말 오를까? 올랐다! 그렇다…  끝", ["정말 오를까?", "올랐다!", "그렇다…", "끝"], "? ! …"),
    ('그는 "오른다."라고 했다. 다음.', ['그는 "오른다."라고 했다.', "다음."], "quote inside"),
    (
        "[왜?] 한빛전자가 자사주를 산다. 주가가 올랐다.",
        ["[왜?] 한빛전자가 자사주를 산다.", "주가가 올랐다."],
        "a stop inside a series tag",
    ),
    (
        "'맥스' 냉장고를 출시한다.'푸드 쇼케이스' 도어도 있다.",
        ["'맥스' 냉장고를 출시한다.", "'푸드 쇼케이스' 도어도 있다."],
        "a straight quote glued after the stop opens the next sentence",
    ),
    (
        "그는 '금리가 오른다.'라고 말했고 '맥스' 냉장고는 '잘 팔린다.'고 했다.",
        ["그는 '금리가 오른다.'라고 말했고 '맥스' 냉장고는 '잘 팔린다.'고 했다."],
        "a straight quote glued after the stop closes a quotation",
    ),
    (
        '그는 말했다. "금리는 오른다." 시장은 놀랐다.',
        ["그는 말했다.", '"금리는 오른다."', "시장은 놀랐다."],
        "quote",
    ),
    ("지수가 올랐다.” 다음 문장.", ["지수가 올랐다.”", "다음 문장."], "closing curly quote"),
    ("(잠정치 기준이다.) 다음.", ["(잠정치 기준이다.)", "다음."], "closing bracket"),
    ("U.S. 경제가 좋다. 다음.", ["U.S. 경제가 좋다.", "다음."], "U.S. initials"),
    ("J. P. Morgan은 말했다. 끝.", ["J. P. Morgan은 말했다.", "끝."], "single initials"),
    (
        "Apple Inc. 실적이 좋다. Mr. Kim vs. Lee.",
        ["Apple Inc. 실적이 좋다.", "Mr. Kim vs. Lee."],
        "abbrev.",
    ),
    ("*2021.12.31. 잠정치 기준", ["*2021.12.31. 잠정치 기준"], "dotted date"),
    (
        "기간 동안(’24.10.21.~29.) 경기장 주변을 단속한다. 끝났다.",
        ["기간 동안(’24.10.21.~29.) 경기장 주변을 단속한다.", "끝났다."],
        "a dotted date closing a bracket",
    ),
    (
        "단속했다.) 이어서 발표했다.",
        ["단속했다.)", "이어서 발표했다."],
        "a sentence end in a bracket",
    ),
    ("U.S.) 시장", ["U.S.) 시장"], "an initial closing a bracket"),
    ("1. 개요\n2. 추진 경과", ["1. 개요", "2. 추진 경과"], "list numbers and newlines"),
    ("제목 없이\n본문이 이어진다", ["제목 없이", "본문이 이어진다"], "always split at newlines"),
    ("있음.신기술 결합", ["있음.", "신기술 결합"], "missing space between Hangul"),
    ("이것은 마침표 없는 문장", ["이것은 마침표 없는 문장"], "no punctuation"),
    ("  \n 앞뒤 공백.  \n\n", ["앞뒤 공백."], "whitespace trimmed"),
    ("", [], "empty"),
    ("   ", [], "blank"),
    ("次の文。次の文。", ["次の文。次の文。"], "。 needs a following space"),
    ("次の文。 次の文。", ["次の文。", "次の文。"], "。 then space"),
    # Sentences glued together in the source (issue 12).
    (
        "영향으로 풀이된다.SK하이닉스가 발표했다.",
        ["영향으로 풀이된다.", "SK하이닉스가 발표했다."],
        "stop glued to Latin",
    ),
    (
        "추정하고 있다.◆ HBM 1위 석권",
        ["추정하고 있다.", "◆ HBM 1위 석권"],
        "stop glued to a bullet",
    ),
    (
        "영업이익이 늘었다. ◆ 전망 밝아",
        ["영업이익이 늘었다.", "◆ 전망 밝아"],
        "bullet after a space",
    ),
    (
        "농지 기능 유지□ (유의사항) 확인",
        ["농지 기능 유지", "□ (유의사항) 확인"],
        "heading bullet glued",
    ),
    ("수출이 늘었다.1) 잠정치 기준", ["수출이 늘었다.", "1) 잠정치 기준"], "footnote number"),
    ("수출이 늘었다.2 잠정치 기준", ["수출이 늘었다.", "2 잠정치 기준"], "bare footnote number"),
    (
        "금리는 3.5%였다.2024년엔 내렸다.",
        ["금리는 3.5%였다.", "2024년엔 내렸다."],
        "stop glued to a year",
    ),
    (
        "성장했음.“신제품” 덕분임.",
        ["성장했음.", "“신제품” 덕분임."],
        "stop glued to an opening quote",
    ),
    (
        "둔화됐다.▲고금리 ▲고환율 탓이다.",
        ["둔화됐다.", "▲고금리 ▲고환율 탓이다."],
        "stop glued to ▲",
    ),
    (
        "요인은 ▲고금리 ▲고환율 등이다.",
        ["요인은 ▲고금리 ▲고환율 등이다."],
        "inline ▲ list stays whole",
    ),
    ("성장률 5%대※의 전망. ※ 잠정치", ["성장률 5%대※의 전망.", "※ 잠정치"], "note mark"),
    ('그는 "오른다."라고 했다.', ['그는 "오른다."라고 했다.'], "straight quote closes"),
    ("지수는 1.5.3에서 멈췄다.", ["지수는 1.5.3에서 멈췄다."], "dotted numbers"),
    ("미국 U.S.A.에서 샀다.", ["미국 U.S.A.에서 샀다."], "initials glued to Hangul"),
]


def _locate(text: str, sentences: list[str]) -> list[SentenceSpan]:
    spans, start = [], 0
    for sentence in sentences:
        start = text.index(sentence, start)
        spans.append(SentenceSpan(start, start + len(sentence)))
        start += len(sentence)
    return spans


@pytest.mark.parametrize(("text", "expected"), [c[:2] for c in CASES], ids=[c[2] for c in CASES])
def test_rules(text, expected):
    assert split_sentences(text) == _locate(text, expected)


def test_kiwi_method(kiwi):
    text = "금리가 올랐다. 환율은 내렸다."
    assert split_sentences(text, method="kiwi", kiwi=kiwi) == [(0, 8), (9, 17)]
    assert split_sentences(text, method="kiwi") == [(0, 8), (9, 17)]  # the default Kiwi


def test_kiwi_gaps_are_kept():
    """Kiwi leaves a stray bullet outside any sentence; the spans still cover it."""
    text = "밝혔다.\n- 경기조달지원센터는 지원했음.\n- 올해 모집함."
    spans = split_sentences(text, method="kiwi")
    assert re.sub(r"\s", "", "".join(text[s:e] for s, e in spans)) == re.sub(r"\s", "", text)


def test_default_kiwi_is_one_per_process(kiwi):
    assert default_kiwi() is default_kiwi() is kiwi


def test_bad_method():
    with pytest.raises(
        ValueError, match=r"`method` should be one of \('kiwi', 'rules'\), got 'nltk'"
    ):
        split_sentences("문장.", method="nltk")


def test_sentence_at():
    text = "금리가 올랐다. 환율은 내렸다."
    spans = split_sentences(text)
    assert [sentence_at(spans, pos) for pos in (0, 7, 8, 9, 16, 17)] == [0, 0, None, 1, 1, None]
    assert sentence_at([], 0) is None


TEXTS = st.text(st.sampled_from('가나 다.!?…"”)\n\t 3.5 U.S. Inc.\u3000◆▲※‘1)'), max_size=60)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_property_spans_cover_every_non_space_char_in_order(text):
    spans = split_sentences(text)
    covered = [False] * len(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        covered[start:end] = [True] * (end - start)
        previous_end = end
    assert all(covered[i] or char.isspace() for i, char in enumerate(text))


def _policy_texts(data: Path, count: int) -> list[str]:
    """``count`` bodies spread over the KDI policy file (every 97th line)."""
    path = data / "news" / "kdi_epic_policy_materials.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    texts = []
    with path.open(encoding="utf-8") as stream:
        for line in itertools.islice(stream, 0, None, 97):
            body = json.loads(line)["body"]
            if body:
                texts.append(body)
            if len(texts) == count:
                break
    return texts


_WORD = re.compile(r"\w")
# A marker at the start of a line: "<붙임>", "①", "- ②", "(이관 조건)".
_LINE_MARKER = re.compile(r"\s*\n[\s\-·*]*(?:<[^>\n]{1,8}>|[①-⑳]|\([^)\n]{1,8}\))\s*")


def _agree(text: str, a: int, b: int) -> tuple[bool, bool]:
    """(strict, lenient) agreement of two boundary offsets."""
    between = text[min(a, b) : max(a, b)]
    strict = not _WORD.search(between)
    return strict, strict or (a < b and bool(_LINE_MARKER.fullmatch(between)))


@pytest.mark.realdata
def test_rules_find_most_kiwi_boundaries(shared_data, kiwi):
    """Recall of Kiwi's sentence boundaries by the rules on real policy summaries.

    Strict: only punctuation and spaces lie between the two boundaries (Kiwi puts a
    bullet "-" at the end of the sentence before it, the rules at the start of the
    next). Lenient also accepts a line-leading marker in between: Kiwi glues "<붙임>",
    "①" and the like to the sentence before, the rules split at the newline. Measured
    on this sample: strict 89.7% (312/348), lenient 99.7%.
    """
    strict = lenient = total = 0
    for text in _policy_texts(shared_data, 90):
        ours = [end for _, end in split_sentences(text)[:-1]]
        for _, end in split_sentences(text, method="kiwi", kiwi=kiwi)[:-1]:
            total += 1
            found = [_agree(text, b, end) for b in ours]
            strict += any(s for s, _ in found)
            lenient += any(s for _, s in found)
    report = f"rules found {strict}/{total} Kiwi boundaries strictly, {lenient}/{total} leniently"
    print(report)  # shown by pytest -rP
    assert total >= 300, report
    assert strict / total >= 0.85 and lenient / total >= 0.95, report


# A research summary as a PDF gives it: lines broken at the width of the page, inside
# sentences, and each bullet on a line of its own.
_WRAPPED_PAGE = (
    "ㅁ 최근 천연가스 가격 급등을 필두로 에너지 가격 강세가 인플레이션 우려를 높이고\n"
    "있어 주요 소비국들의 재고 선점 노력이 이어질 것으로 예상됨.\n"
    "ㅇ 유가는 산유국들의 증산량이 기대에 미치지 못하고 수요 회복세가 이어지는 등\n"
    "타이트한 수급 여건을 감안할 때 당분간 강세가 이어질 전망임.\n"
    "ㅇ 곡물 가격은 품목별로 수급상황에 차이가 존재하는 만큼 가격 움직임에 차별화\n"
    "현상이 이어질 전망임.\n"
)


def _sentences(text, **kw):
    return [text[s:e] for s, e in split_sentences(text, **kw)]


def test_a_sentence_wrapped_at_the_width_of_the_page_is_one_sentence():
    got = _sentences(_WRAPPED_PAGE)
    assert got[:2] == [
        "ㅁ 최근 천연가스 가격 급등을 필두로 에너지 가격 강세가 인플레이션 우려를 높이고\n"
        "있어 주요 소비국들의 재고 선점 노력이 이어질 것으로 예상됨.",
        "ㅇ 유가는 산유국들의 증산량이 기대에 미치지 못하고 수요 회복세가 이어지는 등\n"
        "타이트한 수급 여건을 감안할 때 당분간 강세가 이어질 전망임.",
    ]
    # A full line that ends on a noun is as often a heading in a list: left cut.
    assert got[2:] == [
        "ㅇ 곡물 가격은 품목별로 수급상황에 차이가 존재하는 만큼 가격 움직임에 차별화",
        "현상이 이어질 전망임.",
    ]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (
            "서울 강남의 한 매장에서 모델이 신제품을 소개하고 있다. 한빛전자 제공\n"
            "한빛전자는 올해 하반기 신제품을 출시하면서 판매 목표를 두 배로 높였다.\n끝",
            "a photo caption's credit, then the article",
        ),
        (
            "미국 대형은행들의 순이자마진 하락 폭이 소형은행들보다 커지며 수익성 악화\n"
            "영국 개인종합자산관리계좌의 개인 간 대출 투자 허용 범위 확대 방안 발표\n"
            "글로벌 금융사들의 자산관리 부문 수익 기여도가 해마다 크게 증가\n짧은 줄",
            "a list of headlines",
        ),
        (
            "정부는 올해 하반기부터 중소기업의 수출 금융 지원을 크게 늘리는 방안을\n"
            "- 추진하기로 했으며 관계 부처와 협의하는 과정을 거쳐 세부 내용을 확정함.\n끝",
            "the next line is a bullet",
        ),
        (
            "정부는 올해 하반기부터 중소기업의 수출 금융 지원을 크게 늘리는 방안을\n\n"
            "추진하기로 했으며 관계 부처와 협의하는 과정을 거쳐 세부 내용을 확정함.\n끝",
            "a blank line between",
        ),
        (
            "금리: 금통위, 4개월 연속 만장일치로 동결 기조를 이어갈 가능성에 유의\n"
            "외환: 중국 지표 발표를 전후한 변동성 위험에 주의할 필요가 있는 상황\n끝",
            "labelled items",
        ),
    ],
)
def test_a_line_break_that_ends_an_item_still_ends_the_sentence(text, why):
    starts = [m.end() for m in re.finditer(r"\n+", text)]
    assert line_starts(text) == starts, why
