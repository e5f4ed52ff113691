"""A Korean tokenizer for spaCy backed by kiwipiepy (no MeCab needed).

spaCy's own Korean tokenizer (``spacy.blank("ko")``) needs MeCab, mecab-ko-dic and
natto-py. This one uses kiwipiepy, which kotrend already depends on; it is registered as
``kotrend.KiwiTokenizer`` in spaCy's ``tokenizers`` registry (through an entry point, so
``pip install kotrend[spacy]`` is enough).

Kiwi morphemes do not always map onto the text one to one: a contraction like 했다 comes
back as 하/VV + 었/EP, both on the character 했. Tokens are therefore built from the
morphemes' offsets: morphemes that overlap (or have no length) are merged, every other
morpheme boundary becomes a token boundary, so each character belongs to exactly one
token and ``doc.text`` is always the input text.
"""

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

try:
    import spacy
    from spacy.lang.ko.tag_map import TAG_MAP
    from spacy.language import Language
    from spacy.symbols import POS, PUNCT, SPACE, SYM, X
    from spacy.tokens import Doc
    from spacy.util import DummyTokenizer
    from spacy.vocab import Vocab
except ImportError:
    raise ImportError(
        "kotrend's spaCy tokenizer needs spaCy: pip install 'kotrend[spacy]'"
    ) from None

from extract.engine.analyzer import get_kiwi

__all__ = ["KiwiTokenizer", "Morph", "Piece", "create_kiwi_tokenizer", "pieces"]

# Kiwi's tags beyond the mecab-ko ones in spaCy's Korean tag map.
_KIWI_POS = {
    "SP": PUNCT,  # , · : /
    "SO": PUNCT,  # ~ -
    "SW": SYM,
    "SB": SYM,  # list markers (가. 1.)
    "W_EMOJI": SYM,
}
_WS_OR_NOT = re.compile(r"\s+|\S+")


class Morph(NamedTuple):
    """One Kiwi morpheme: character offsets, form, tag and sentence number."""

    start: int
    end: int
    form: str
    tag: str
    sent: int


class Piece(NamedTuple):
    """One token-to-be: offsets, ``+``-joined tags and forms, sentence number.

    ``tag`` is ``""`` for text no morpheme covers; ``sent`` is ``-1`` when unknown.
    """

    start: int
    end: int
    tag: str
    lemma: str
    sent: int


def pieces(text: str, morphs: Iterable[Morph]) -> list[Piece]:
    """Cut ``text`` into non-overlapping pieces along ``morphs``, whitespace between them.

    Overlapping morphemes and zero-length ones are merged into one piece (their tags
    and forms joined with ``+``); leading and trailing whitespace is cut off each
    piece; text no morpheme covers becomes pieces of its own with the tag ``""``.
    Whitespace between pieces is left out: the caller turns it into spaCy's ``spaces``.

    Examples
    --------
    >>> ms = [Morph(0, 1, "하", "VV", 0), Morph(0, 1, "었", "EP", 0), Morph(1, 2, "다", "EF", 0)]
    >>> [(p.start, p.end, p.tag, p.lemma) for p in pieces("했다", ms)]
    [(0, 1, 'VV+EP', '하+었'), (1, 2, 'EF', '다')]
    """
    n = len(text)
    groups: list[list[Any]] = []  # [start, end, tags, forms, sent]
    pending: list[Morph] = []  # zero-length morphemes before the first piece
    for m in sorted(morphs, key=lambda m: (m.start, m.end)):
        start, end = max(0, min(m.start, n)), max(0, min(m.end, n))
        last = groups[-1] if groups else None
        if last is not None and (start < last[1] or (end <= start and start <= last[1])):
            last[1] = max(last[1], end)
            last[2].append(m.tag)
            last[3].append(m.form)
        elif end <= start:
            pending.append(m)
        else:
            groups.append(
                [
                    start,
                    end,
                    [p.tag for p in pending] + [m.tag],
                    [p.form for p in pending] + [m.form],
                    m.sent,
                ]
            )
            pending = []
    out: list[Piece] = []
    pos = 0
    for start, end, tags, forms, sent in groups:
        if start > pos:
            out.extend(_uncovered(text, pos, start))
        # Kiwi keeps odd out-of-vocabulary runs (stray jamo, combining marks) whole
        # even across whitespace; only the edges are trimmed so spaces stay spaces.
        chunk = text[start:end]
        lo = start + len(chunk) - len(chunk.lstrip())
        hi = end - (len(chunk) - len(chunk.rstrip()))
        if lo < hi:
            out.append(Piece(lo, hi, "+".join(tags), "+".join(forms), sent))
        pos = end
    if pos < n:
        out.extend(_uncovered(text, pos, n))
    return out


def _uncovered(text: str, start: int, end: int) -> list[Piece]:
    return [
        Piece(m.start(), m.end(), "", m.group(), -1)
        for m in _WS_OR_NOT.finditer(text, start, end)
        if not m.group().isspace()
    ]


def _pos(tag: str) -> int:
    first = tag.split("+", 1)[0].split("-", 1)[0]  # VV-I / VV-R: irregular verbs
    if first in TAG_MAP:
        return int(TAG_MAP[first][POS])
    return int(_KIWI_POS.get(first, X))


class KiwiTokenizer(DummyTokenizer):
    """spaCy tokenizer for Korean: Kiwi morphemes mapped onto the text.

    Each token is one morpheme, or several merged when Kiwi gives them overlapping
    offsets (했 = 하 + 었). ``token.tag_`` is the Kiwi tag (joined with ``+`` when
    merged), ``token.pos_`` the universal POS of the first tag, ``token.lemma_`` the
    morpheme form(s) joined with ``+``. Sentence starts come from Kiwi. Whitespace is
    kept as in spaCy: one space in ``token.whitespace_``, any other run as a space token
    (tag ``_SP``).

    Kiwi itself is not stored: it comes from a per-process cache on first use, so the
    tokenizer pickles and serializes with nothing but the vocab.

    Parameters
    ----------
    vocab : spacy.vocab.Vocab

    Examples
    --------
    >>> import spacy
    >>> cfg = {"nlp": {"tokenizer": {"@tokenizers": "kotrend.KiwiTokenizer"}}}
    >>> nlp = spacy.blank("ko", config=cfg)
    >>> [(t.text, t.tag_) for t in nlp("하이퍼스케일러들은 늘렸다")]
    [('하이퍼스케일러', 'NNG'), ('들', 'XSN'), ('은', 'JX'), ('늘렸', 'VV+EP'), ('다', 'EF')]
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __reduce__(self) -> tuple[Callable[..., "KiwiTokenizer"], tuple[Vocab]]:
        return KiwiTokenizer, (self.vocab,)

    @property
    def kiwi(self) -> Any:
        """This process's kiwipiepy ``Kiwi`` (created on first use)."""
        return get_kiwi((), block_others=False, all_names=True)

    def __call__(self, text: str) -> Doc:
        if not isinstance(text, str):
            raise TypeError(f"`text` should be a str, got {type(text).__name__}")
        morphs = [
            Morph(t.start, t.start + t.len, t.form, t.tag, t.sent_position)
            for t in (self.kiwi.tokenize(text) if text.strip() else ())
        ]
        return self._make_doc(text, pieces(text, morphs))

    def _make_doc(self, text: str, found: Sequence[Piece]) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        meta: list[Piece | None] = []  # None: a whitespace token
        sent_starts: list[bool | int | None] = []
        last_sent = -1

        def add(start: int, end: int, piece: Piece | None) -> None:
            nonlocal last_sent
            new_sent = not words
            if piece is not None and piece.sent >= 0:
                new_sent = new_sent or (last_sent >= 0 and piece.sent != last_sent)
                last_sent = piece.sent
            words.append(text[start:end])
            spaces.append(False)
            meta.append(piece)
            sent_starts.append(new_sent)

        def gap(start: int, end: int) -> None:
            if start < end and words and text[start] == " ":
                spaces[-1] = True
                start += 1
            if start < end:
                add(start, end, None)

        pos = 0
        for piece in found:
            gap(pos, piece.start)
            add(piece.start, piece.end, piece)
            pos = piece.end
        gap(pos, len(text))

        doc = Doc(self.vocab, words=words, spaces=spaces, sent_starts=sent_starts or None)
        for token, p in zip(doc, meta, strict=True):
            if p is None:
                token.tag_ = "_SP"
                token.pos = SPACE
                token.lemma_ = token.text
            else:
                token.tag_ = p.tag
                token.pos = _pos(p.tag)
                token.lemma_ = p.lemma
        return doc

    # Nothing to store beyond the config: Kiwi's model ships with kiwipiepy.
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> "KiwiTokenizer":
        return self

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        return None

    def from_disk(self, path: str | Path, **kwargs: Any) -> "KiwiTokenizer":
        return self


@spacy.registry.tokenizers("kotrend.KiwiTokenizer")
def create_kiwi_tokenizer() -> Callable[[Language], KiwiTokenizer]:
    """spaCy registry entry ``kotrend.KiwiTokenizer``: a factory of :class:`KiwiTokenizer`.

    Examples
    --------
    >>> import spacy
    >>> cfg = {"nlp": {"tokenizer": {"@tokenizers": "kotrend.KiwiTokenizer"}}}
    >>> nlp = spacy.blank("ko", config=cfg)
    >>> nlp("자본 지출을 늘렸다.").text
    '자본 지출을 늘렸다.'
    """

    def kiwi_tokenizer_factory(nlp: Language) -> KiwiTokenizer:
        return KiwiTokenizer(nlp.vocab)

    return kiwi_tokenizer_factory
