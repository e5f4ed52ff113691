"""Normalisation: what changes, and that every offset maps back."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from corpus import normalize
from corpus._normalize import _STABLE_RANGES, _TABLE, _WHITESPACE, _ZERO_WIDTH

_ZW = re.compile(f"[{_ZERO_WIDTH}]")


def reference(text: str) -> str:
    """The specification, written the slow and obvious way."""
    return _ZW.sub("", unicodedata.normalize("NFC", text)).translate(_TABLE)


NFD = unicodedata.normalize("NFD", "기준금리")

CASES = [
    # (original, normalised, explanation)
    ("하이퍼스케일러", "하이퍼스케일러", "plain Korean is untouched"),
    ("ＣＡＰＥＸ ５０％", "CAPEX 50%", "full-width ASCII becomes ASCII"),
    ("ＲＰＯ（잔여이행의무）", "RPO(잔여이행의무)", "full-width brackets too"),
    ("금리\u00a0인하\u3000기대", "금리 인하 기대", "NBSP and ideographic space"),
    ("제목\r\n본문\t끝\u2009.", "제목  본문 끝 .", "every whitespace char becomes one space"),
    ("기준\u200b금리", "기준금리", "zero-width space removed"),
    ("소버린\u00adAI\ufeff", "소버린AI", "soft hyphen and BOM removed"),
    ("\u200d\u200c", "", "only zero-width"),
    (NFD, "기준금리", "decomposed Hangul jamo compose"),
    ("ㄱㅏ", "ㄱㅏ", "compatibility jamo are not composed"),
    ("cafe\u0301 ｃａｆé", "café café", "combining accent composes"),
    ("\u212b\u2000", "\u00c5 ", "NFC singletons (Angstrom sign, en quad)"),
    ("", "", "empty text"),
    ("인수ㆍ합병・M‧A∙R･D", "인수·합병·M·A·R·D", "middle-dot look-alikes become the middle dot"),
]


@pytest.mark.parametrize(
    ("original", "expected"), [c[:2] for c in CASES], ids=[c[2] for c in CASES]
)
def test_cases(original, expected):
    norm = normalize(original)
    assert norm.text == expected == reference(original)
    assert norm.original == original
    assert norm.changed == (original != expected)


def test_unchanged_text_is_returned_as_is():
    text = "기준금리 3.5% 동결"
    norm = normalize(text)
    assert norm.text is text
    assert [norm.to_original(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))


@pytest.mark.parametrize(
    ("original", "word", "expected"),
    [
        ("올해 ＣＡＰＥＸ\u00a0급증", "CAPEX", "ＣＡＰＥＸ"),
        ("\u200b기준\u200b금리\u200b 인상", "기준금리", "기준\u200b금리"),
        (f"이번 {NFD} 결정", "기준금리", NFD),
        ("소버린\u00a0AI와 주권\u3000AI", "주권 AI", "주권\u3000AI"),
    ],
)
def test_found_word_maps_back_to_the_original_spelling(original, word, expected):
    norm = normalize(original)
    start = norm.text.index(word)
    begin, end = norm.span_to_original(start, start + len(word))
    assert original[begin:end] == expected


def test_offsets_around_removed_characters():
    norm = normalize("a\u200bb")
    assert norm.text == "ab"
    assert norm.to_original(1) == 2  # a start skips the zero-width space
    assert norm.span_to_original(0, 1) == (0, 1)  # an end stops before it
    assert norm.span_to_original(1, 1) == (2, 2)
    assert norm.span_to_original(0, 2) == (0, 3)


@pytest.mark.parametrize(
    ("start", "end", "match"),
    [
        (-1, 1, r"`start` should be an offset in 0\.\.2 of the normalised text, got -1"),
        (0, 3, r"`end` should be an offset in 0\.\.2 of the normalised text, got 3"),
        (2, 1, r"`start` should be <= `end`, got 2 > 1"),
    ],
)
def test_bad_offsets(start, end, match):
    with pytest.raises(ValueError, match=match):
        normalize("ａｂ").span_to_original(start, end)


def test_not_a_string():
    with pytest.raises(TypeError, match="`text` should be a str, got bytes"):
        normalize(b"abc")  # type: ignore[arg-type]


def test_whitespace_table_is_exactly_str_isspace():
    spaces = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    assert set(_WHITESPACE) == spaces - {" "}


def test_stable_ranges_never_interact_with_what_precedes():
    """The chunking shortcut is only valid if these characters are NFC boundaries."""
    second_halves = set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))
    for code in range(sys.maxunicode + 1):
        decomposition = unicodedata.decomposition(chr(code)).split()
        if len(decomposition) == 2 and not decomposition[0].startswith("<"):
            second_halves.add(int(decomposition[1], 16))
    for low, high in _STABLE_RANGES:
        for code in range(low, high + 1):
            char = chr(code)
            assert unicodedata.combining(char) == 0, hex(code)
            assert unicodedata.is_normalized("NFC", char), hex(code)
            assert code not in second_halves, hex(code)


# Text that hits every rule: jamo and combining marks (NFC), zero-width and
# whitespace characters, full-width ASCII, next to ordinary Korean and Latin.
_SPECIAL = (
    list("\u1100\u1161\u11a8\u0301\u0327\u0308\u3099\u302e\u212b\u2000\uf900")
    + list(_ZERO_WIDTH)
    + list("\t\n\r\u00a0\u3000\u2009 ")
    + list("ＡＺａ０％（）～")
    + list("가각힣금리 aeAZ.")
)
TEXTS = st.text(st.one_of(st.sampled_from(_SPECIAL), st.characters()), max_size=40)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
@example("\u1100\u200b\u1161")
@example("가\u11a8\u11a8\u0301")
def test_property_matches_reference_and_maps_monotonically(text):
    norm = normalize(text)
    assert norm.text == reference(text)
    n = len(norm.text)
    starts = [norm.to_original(i) for i in range(n + 1)]
    assert starts == sorted(starts) and all(0 <= s <= len(text) for s in starts)
    for i in range(n + 1):
        ends = []
        for j in range(i, n + 1):
            begin, end = norm.span_to_original(i, j)
            assert 0 <= begin <= end <= len(text)
            assert begin == starts[i]
            ends.append(end)
        assert ends == sorted(ends)


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=60))
def test_property_identity_when_nothing_changes(text):
    norm = normalize(text)
    if norm.text == text:
        assert all(norm.span_to_original(i, i + 1) == (i, i + 1) for i in range(len(text)))


WORDS = st.text(st.sampled_from("가나다각금리투자ABCXYZ0123"), min_size=1, max_size=8)
DECOR = st.text(st.sampled_from(" \u00a0\u3000\t\n.,·" + _ZERO_WIDTH), max_size=4)


def _disguise(word: str, data: st.DataObject) -> str:
    """Spell ``word`` as a messy source would: full-width, decomposed, split by ZWSP."""
    out = []
    for index, char in enumerate(word):
        form = data.draw(st.sampled_from(["plain", "wide", "nfd"]))
        if form == "wide" and char.isascii():
            char = chr(ord(char) + 0xFEE0)
        elif form == "nfd":
            char = unicodedata.normalize("NFD", char)
        if index and data.draw(st.booleans()):
            char = data.draw(st.sampled_from(_ZERO_WIDTH)) + char
        out.append(char)
    return "".join(out)


@settings(max_examples=300, deadline=None)
@given(WORDS, DECOR, DECOR, st.data())
def test_property_glossary_word_maps_back_to_its_spelling(word, before, after, data):
    spelled = _disguise(word, data)
    original = before + spelled + after
    norm = normalize(original)
    start = len(reference(before))
    assert norm.text[start : start + len(word)] == word
    begin, end = norm.span_to_original(start, start + len(word))
    assert original[begin:end] == spelled
