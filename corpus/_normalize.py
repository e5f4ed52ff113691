"""Text normalisation that keeps a way back to the original offsets."""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from corpus.korean import MIDDLE_DOTS

__all__ = ["NormalizedText", "normalize"]

_ZERO_WIDTH = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_ZERO_WIDTH_SET = frozenset(_ZERO_WIDTH)

# Same-length replacements: every whitespace character (``str.isspace``) becomes a
# space, full-width ASCII (U+FF01-U+FF5E) becomes ASCII, and the marks writers type for
# the middle dot (:data:`corpus.korean.MIDDLE_DOTS`) become it: 인수ㆍ합병 is 인수·합병.
_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
    "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_TABLE: dict[int, int] = dict.fromkeys(map(ord, _WHITESPACE), 0x20)
_TABLE.update({code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)})
_TABLE.update(dict.fromkeys(map(ord, MIDDLE_DOTS), 0xB7))

# Anything that would change: a non-space whitespace, full-width ASCII, a middle dot's
# look-alike, zero width.
_NEEDS_WORK = re.compile(f"[{_WHITESPACE}\\uff01-\\uff5e{MIDDLE_DOTS}{_ZERO_WIDTH}]")

# Characters that never compose with or reorder against what comes before them (NFC
# quick check Yes, combining class 0, never the second half of a composition), so NFC
# can be applied piece by piece between them. tests/corpus/test_normalize.py checks
# every one against the Unicode database of the running Python.
_STABLE_RANGES = (
    (0x0000, 0x00AC),  # ASCII and Latin-1 (the soft hyphen U+00AD is zero-width)
    (0x00AE, 0x02FF),  # Latin extended, IPA, spacing modifier letters
    (0x1100, 0x115F),  # Hangul leading consonants
    (0x2010, 0x205F),  # general punctuation
    (0x3000, 0x3029),  # CJK punctuation (U+302A-U+302F are combining tone marks)
    (0x3030, 0x3098),  # hiragana
    (0x309B, 0x30FF),  # katakana (U+3099-U+309A are combining voicing marks)
    (0x3131, 0x318E),  # Hangul compatibility jamo
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xAC00, 0xD7A3),  # Hangul syllables
    (0xFF01, 0xFFEF),  # half-width and full-width forms
)
_STABLE = "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in _STABLE_RANGES)
_UNSTABLE_RUN = re.compile(f"[{_STABLE}]?[^{_STABLE}]+")

# (normalized start, normalized end, original start, original end) of one change.
_Region = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalised string and the map back to the string it came from.

    Attributes
    ----------
    text : str
        The normalised text: search this one.
    original : str
        The text as given: report offsets into this one.

    Examples
    --------
    >>> norm = normalize("ＣＡＰＥＸ\\u00a0확대")
    >>> norm.text
    'CAPEX 확대'
    >>> start, end = norm.span_to_original(0, 5)
    >>> norm.original[start:end]
    'ＣＡＰＥＸ'
    """

    text: str
    original: str
    # Sorted by normalized start; between regions the offset difference is constant.
    _regions: tuple[_Region, ...] = field(default=(), repr=False)
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @property
    def changed(self) -> bool:
        """Whether normalisation changed anything."""
        return self.text != self.original

    def _map(self, index: int, region: int) -> int:
        if region < 0:
            return index
        norm_start, norm_end, orig_start, orig_end = self._regions[region]
        if index < norm_end:  # inside a changed cluster
            return orig_start + min(index - norm_start, orig_end - orig_start)
        return orig_end + (index - norm_end)

    def _check(self, index: int, name: str) -> None:
        if not 0 <= index <= len(self.text):
            raise ValueError(
                f"`{name}` should be an offset in 0..{len(self.text)} of the normalised "
                f"text, got {index!r}"
            )

    def to_original(self, index: int) -> int:
        """Map an offset in :attr:`text` to the matching offset in :attr:`original`.

        An offset next to removed characters maps after them (use it for starts).
        """
        self._check(index, "index")
        if not self._regions:
            return index
        return self._map(index, bisect_right(self._starts, index) - 1)

    def _to_original_end(self, index: int) -> int:
        # Like to_original, but an offset next to removed characters maps before them.
        return self._map(index, bisect_left(self._starts, index) - 1)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the span ``text[start:end]`` to a span of :attr:`original`.

        The original span covers every original character behind the normalised one,
        and leaves out zero-width characters just outside it.
        """
        self._check(start, "start")
        self._check(end, "end")
        if start > end:
            raise ValueError(f"`start` should be <= `end`, got {start!r} > {end!r}")
        if not self._regions:
            return start, end
        orig_start = self.to_original(start)
        if start == end:
            return orig_start, orig_start
        return orig_start, max(orig_start, self._to_original_end(end))


def _clusters(piece: str) -> list[tuple[int, int]]:
    """Split ``piece`` (no zero-width characters) before each likely NFC starter."""
    bounds = [0]
    for index in range(1, len(piece)):
        char = piece[index]
        if (
            not unicodedata.combining(char)
            and unicodedata.is_normalized("NFC", char)
            and not ("\u1160" <= char <= "\u11ff")  # Hangul vowels and final consonants
        ):
            bounds.append(index)
    bounds.append(len(piece))
    return list(itertools.pairwise(bounds))


def _normalize_run(run: str, offset: int, out_len: int, regions: list[_Region]) -> str:
    """NFC and zero-width removal for one run; records a region for each change."""
    pieces: list[str] = []
    position = 0
    for match in re.finditer(f"[{_ZERO_WIDTH}]+|[^{_ZERO_WIDTH}]+", run):
        chunk = match.group()
        start = match.start()
        if chunk[0] in _ZERO_WIDTH_SET:
            at = out_len + position
            regions.append((at, at, offset + start, offset + match.end()))
            continue
        expected = unicodedata.normalize("NFC", chunk)
        if expected == chunk:
            pieces.append(chunk)
            position += len(chunk)
            continue
        parts = [(a, b, unicodedata.normalize("NFC", chunk[a:b])) for a, b in _clusters(chunk)]
        if "".join(part for _, _, part in parts) != expected:
            # A character composed across a guessed boundary: one coarse region instead.
            parts = [(0, len(chunk), expected)]
        for a, b, part in parts:
            if part != chunk[a:b]:
                at = out_len + position
                regions.append((at, at + len(part), offset + start + a, offset + start + b))
            pieces.append(part)
            position += len(part)
    return "".join(pieces)


def normalize(text: str) -> NormalizedText:
    """Normalise ``text`` for matching and keep a map back to the original offsets.

    Applies Unicode NFC (decomposed Hangul jamo compose into syllables), turns
    full-width ASCII (``Ａ``-``Ｚ``, ``０``-``９``, ``！``-``～``) into ASCII, every
    whitespace character (tab, newline, NBSP, ideographic space, ...) into a space and
    the middle dot's look-alikes (ㆍ, ・, ‧, ∙, ⋅, ･) into the middle dot ·, and
    removes zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen).

    Parameters
    ----------
    text : str

    Returns
    -------
    NormalizedText
        When nothing changes, ``text`` is returned as is with an identity map (no map
        is built). Otherwise the map only records the regions whose length changed.

    Examples
    --------
    >>> norm = normalize("기준\\u200b금리 ３.５％")
    >>> norm.text
    '기준금리 3.5%'
    >>> norm.span_to_original(0, 4)
    (0, 5)
    """
    if not isinstance(text, str):
        raise TypeError(f"`text` should be a str, got {type(text).__name__}")
    normal = unicodedata.is_normalized("NFC", text)
    if normal and not _NEEDS_WORK.search(text):
        return NormalizedText(text, text)
    if normal and _ZERO_WIDTH_SET.isdisjoint(text):
        return NormalizedText(text.translate(_TABLE), text)
    regions: list[_Region] = []
    pieces: list[str] = []
    out_len = 0
    last = 0
    for match in _UNSTABLE_RUN.finditer(text):
        if match.start() > last:
            pieces.append(text[last : match.start()])
            out_len += match.start() - last
        piece = _normalize_run(match.group(), match.start(), out_len, regions)
        pieces.append(piece)
        out_len += len(piece)
        last = match.end()
    pieces.append(text[last:])
    out = "".join(pieces).translate(_TABLE)
    starts = tuple(region[0] for region in regions)
    return NormalizedText(out, text, tuple(regions), starts)
