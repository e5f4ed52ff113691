"""The fast path's shortcuts give exactly what the slow, obvious computation gives."""

from __future__ import annotations

import bisect
import dataclasses
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import normalize, split_sentences
from extract import Mention, Tagger
from extract.engine.textspans import quick_normalize, sentence_around, sentence_bounds
from glossary import Glossary, Term


def _expected_sentence(text: str, start: int, end: int) -> tuple[int, int] | None:
    sents = split_sentences(text, method="rules")
    i = bisect.bisect_right([s for s, _ in sents], start) - 1
    return tuple(sents[i]) if i >= 0 and sents[i][1] >= end else None  # type: ignore[return-value]


def test_quick_normalize_matches_normalize_for_every_bmp_character() -> None:
    chars = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]
    # One character at a time between Hangul, so each either keeps offsets or falls back.
    for i in range(0, len(chars), 512):
        text = "".join(f"가{c}나" for c in chars[i : i + 512])
        got, norm = quick_normalize(text)
        assert got == normalize(text).text
        if norm is None:
            assert len(got) == len(text)


@given(st.text(alphabet=st.sampled_from("가A1 \n\t\r\u00a0\u200b\uff21\u3000e\u0301"), max_size=30))
def test_quick_normalize_property(text: str) -> None:
    got, norm = quick_normalize(text)
    assert got == normalize(text).text
    if norm is None:
        assert len(got) == len(text)


SENTENCES = [
    # (text, mention, expected sentence or None, why)
    ("첫 문장이다. 금리가 올랐다. 끝.", "금리", "금리가 올랐다.", "middle sentence"),
    ("금리가 올랐다. 끝.", "금리", "금리가 올랐다.", "first sentence"),
    ("처음. 금리가 올랐다", "금리", "금리가 올랐다", "last sentence, no final dot"),
    ("금리는 3.5%다. 환율은 1,300원.", "3.5", "금리는 3.5%다.", "decimal is not a boundary"),
    ("U.S. 금리가 올랐다.", "금리", "U.S. 금리가 올랐다.", "initials"),
    ("2021.12.31. 기준 금리다.", "금리", "2021.12.31. 기준 금리다.", "numbered date"),
    ("있음.신기술 금리다.", "금리", "신기술 금리다.", "missing space after a Hangul dot"),
    ('그는 "올랐다." 금리가', "금리", "금리가", "closing quote after the dot"),
    ("자본 지출. 끝", "지출. 끝", None, "boundary inside the mention"),
    ("풀이된다.SK하이닉스가 금리를", "금리", "SK하이닉스가 금리를", "stop glued to Latin"),
    ("있다.◆ 금리 전망", "금리", "◆ 금리 전망", "stop glued to a bullet"),
    ("있다. ◆ 금리 전망", "금리", "◆ 금리 전망", "bullet after a space"),
    ("금리 유지□ 다음", "금리", "금리 유지", "heading bullet glued"),
    ("금리가 늘었다.1) 잠정치", "금리", "금리가 늘었다.", "footnote number"),
    ("전망. ※ 금리 잠정치", "금리", "※ 금리 잠정치", "note mark"),
    ("금리 5%대※의 전망.", "금리", "금리 5%대※의 전망.", "glued note mark"),
]


@pytest.mark.parametrize(
    ("text", "mention", "sentence", "why"), SENTENCES, ids=[c[3] for c in SENTENCES]
)
def test_sentence_around_cases(text: str, mention: str, sentence: str | None, why: str) -> None:
    start = text.index(mention)
    got = sentence_around(text, start, start + len(mention))
    assert (text[got[0] : got[1]] if got else None) == sentence, why
    assert got == _expected_sentence(text, start, start + len(mention))


_SENT_ALPHABET = [
    *"』）》〉？！가나다 ...!?…。\"'”)]」123AUSegix(*~’",
    "Mr",
    "Inc",
    "SK",
    "1)",
    "◆",
    "□",
    "※",
    "▲",
    "‘",
    "“",
    "함.",
    "vs",
    "다.",
    "  ",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SENT_ALPHABET), min_size=1, max_size=40), st.data())
def test_sentence_around_equals_whole_text_split(parts: list[str], data: st.DataObject) -> None:
    text = "".join(parts)
    spots = [i for i, c in enumerate(text) if c != " "]
    if not spots:
        return
    start = data.draw(st.sampled_from(spots))
    ends = [i + 1 for i in spots if start <= i < start + 8]
    end = data.draw(st.sampled_from(ends))
    assert sentence_around(text, start, end) == _expected_sentence(text, start, end)


def test_sentence_bounds_are_the_splitters_cuts() -> None:
    text = "앞 문장은 길게 이어진다. " + "가나 " * 50 + "금리가 올랐다! " + "다라 " * 50 + "끝."
    bounds = sentence_bounds(text)
    assert [text[a:b].strip() for a, b in itertools.pairwise(bounds) if text[a:b].strip()] == [
        text[s:e] for s, e in split_sentences(text, method="rules")
    ]


@pytest.fixture(scope="module")
def ai_tagger() -> Tagger:
    return Tagger(
        Glossary([Term(id="ai", term="인공지능", aliases=("AI",)), Term(id="rate", term="금리")])
    )


def test_astral_characters_keep_offsets(ai_tagger: Tagger) -> None:
    text = "😀𝐀 금리가 오르고 AI가 😀 뜬다"
    got = [(m.surface, m.start, m.end) for m in ai_tagger.tag(text)]
    a, r = text.index("AI"), text.index("금리")
    assert got == [("금리", r, r + 2), ("AI", a, a + 2)]


def test_no_hit_across_characters_in_the_scanned_bytes(ai_tagger: Tagger) -> None:
    # In UTF-16 the bytes of 一愀椀 are 4E 00 61 00 69 00: "ai" starts on an odd byte.
    assert ai_tagger.tag("一愀椀") == []


def test_mention_to_dict_is_asdict() -> None:
    m = Mention("d", "body", "capex", "Capex", 0, 5, 0, 10)
    assert m.to_dict() == dataclasses.asdict(m)


def test_word_check_reads_fragile_words_in_context(
    monkeypatch: pytest.MonkeyPatch, fast_tagger: Tagger
) -> None:
    import extract.engine.wordcheck as wordcheck

    calls: list[str] = []
    kiwi = fast_tagger.kiwi  # taught 수소 and 수소문, among others

    class Spy:
        def analyze(self, text: str, top_n: int = 1) -> list:
            calls.append(text)
            return kiwi.analyze(text, top_n=top_n)

    # 수소충전소 alone: one token first, 수소 + 충전소 a close second, so the neighbour decides.
    check = wordcheck.WordCheck(lambda: Spy())
    text = "수소충전소 보급 확대"
    first = check(text, 0, 2)
    assert calls == ["수소충전소", "수소충전소 보급"]  # one neighbour a side (_CONTEXT)
    assert check(text, 0, 2) == first and len(calls) == 2  # both answers cached
    monkeypatch.setattr(wordcheck, "MARGIN", 0.0)  # no rival counts: the word alone decides
    calls.clear()
    assert wordcheck.WordCheck(lambda: Spy())(text, 0, 2) is False
    assert calls == ["수소충전소"]


JOINED = [
    # (text, expected surfaces, why)
    ("누리집(www.ai-korea.go.kr)에서 공고", [], "inside a URL: kiwipiepy reads one token"),
    ("이메일 ai@corp.com 으로", [], "inside an e-mail address"),
    ("AI-driven 전략과 AI/ML 투자", ["AI", "AI"], "joined, but its own token"),
]


@pytest.mark.parametrize(("text", "expected", "why"), JOINED, ids=[c[2] for c in JOINED])
def test_latin_forms_joined_to_latin_are_left_to_morphology(
    tagger: Tagger, text: str, expected: list, why: str
) -> None:
    assert [m.surface for m in tagger.tag(text)] == expected, why


GLUED = [
    # (text, mention, expected sentence, why): both modes cut where the source has no space
    (
        "영향으로 풀이된다.SK하이닉스는 자본 지출을 늘렸다.",
        "자본 지출",
        "SK하이닉스는 자본 지출을 늘렸다.",
        "stop glued to Latin",
    ),
    (
        "자본 지출이 늘었다.◆ 전망 밝아",
        "자본 지출",
        "자본 지출이 늘었다.",
        "stop glued to a bullet",
    ),
    ("석권했다. ◆ 자본 지출 확대 전망", "자본 지출", "◆ 자본 지출 확대 전망", "bullet heading"),
    ("자본 지출이 늘었다.1) 잠정치 기준", "자본 지출", "자본 지출이 늘었다.", "footnote number"),
]


@pytest.mark.parametrize(("text", "mention", "sentence", "why"), GLUED, ids=[c[3] for c in GLUED])
def test_both_modes_split_glued_sentences(
    tagger: Tagger, text: str, mention: str, sentence: str, why: str
) -> None:
    (m,) = [m for m in tagger.tag(text) if m.surface == mention]
    # Kiwi keeps a bullet with the sentence before it (the cut after it is the glued one).
    got = text[m.sent_start : m.sent_end]
    assert got.lstrip("◆ ") == sentence.lstrip("◆ "), (tagger.mode, why)
