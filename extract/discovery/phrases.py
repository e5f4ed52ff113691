"""Noun-phrase candidates from kiwipiepy morphemes, as written in the text.

A *run* is a maximal sequence of noun-like morphemes (NNG, NNP, SL, SN and the affixes
XPN/XSN) separated by at most one space. Glued pieces that cannot stand alone are
fused into one *unit* (초+금리, 디지털+화, 5+G, 코로나+19, R+&+D, 2+차+전지); every
contiguous span of up to ``max_units`` units is a candidate, except spans that start or
end on a single glued syllable (the 폭 of 대역폭메모리), which are fragments.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from corpus.korean import HANGUL
from extract.discovery.junk import NOUN_TAGS

__all__ = ["PhraseSpan", "noun_phrases", "noun_runs", "phrase_spans", "run_spans"]


_AMOUNT_END = frozenset("0123456789%")


class PhraseSpan(NamedTuple):
    """A candidate ``text[start:end]`` made of ``units`` units."""

    start: int
    end: int
    units: int


class _Unit(NamedTuple):
    start: int
    end: int
    glued_before: bool  # no space between this unit and the previous one in the run
    short: bool  # a single Hangul syllable


def _joins(prev: Any, tok: Any, nxt: Any, text: str) -> bool:
    """Whether ``tok``, glued to ``prev``, continues a unit instead of starting one."""
    if tok.tag == "XSN" or prev.tag == "XPN":
        return True
    if tok.tag == "SN" or prev.tag == "SN":  # 5G, 코로나19, 3D
        return True
    if prev.tag == "SW" or tok.tag == "SW":  # R&D
        return True
    return tok.tag == "NNB" and prev.tag == "SN" and nxt is not None  # 2차전지


def _in_run(prev: Any, tok: Any, nxt: Any, text: str) -> bool:
    if tok.tag in NOUN_TAGS:
        return True
    glued_prev = prev is not None and prev.start + prev.len == tok.start
    glued_next = nxt is not None and tok.start + tok.len == nxt.start
    if tok.tag == "SW" and text[tok.start : tok.start + tok.len] == "&":
        return glued_prev and glued_next and prev.tag == "SL" and nxt.tag == "SL"
    # The 차 of 2차전지: a counter glued between a number and a noun.
    return (
        tok.tag == "NNB"
        and glued_prev
        and glued_next
        and prev.tag == "SN"
        and nxt.tag in ("NNG", "NNP")
    )


def _amount_unit(tok: Any, text: str) -> bool:
    """Whether ``tok`` is a Latin word glued after a digit or a percent sign."""
    return tok.tag == "SL" and tok.start > 0 and text[tok.start - 1] in _AMOUNT_END


def noun_runs(tokens: Sequence[Any], text: str) -> list[list[_Unit]]:
    """Runs of noun-like morphemes in ``tokens`` (of ``text``), each a list of units."""
    runs: list[list[_Unit]] = []
    units: list[_Unit] = []
    prev = None
    n = len(tokens)
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < n else None
        gap = text[prev.start + prev.len : tok.start] if prev is not None else None
        # A suffix cannot start a run (it belongs to whatever came before), nor can
        # the unit of an amount that a symbol cut off from its number (the P of 0.25%P).
        starts = not units or gap not in ("", " ")
        if not _in_run(prev, tok, nxt, text) or (
            starts and (tok.tag == "XSN" or _amount_unit(tok, text))
        ):
            if units:
                runs.append(units)
            units, prev = [], None
            continue
        if starts:
            if units:
                runs.append(units)
            units = []
            glued = False
        else:
            glued = gap == ""
        end = tok.start + tok.len
        if units and glued and _joins(prev, tok, nxt, text):
            last = units[-1]
            units[-1] = _Unit(last.start, end, last.glued_before, False)
        else:
            short = tok.len == 1 and HANGUL.match(text, tok.start) is not None
            units.append(_Unit(tok.start, end, glued, short))
        prev = tok
    if units:
        runs.append(units)
    return runs


def noun_phrases(tokens: Sequence[Any], text: str) -> list[tuple[int, int]]:
    """The widest noun phrases in ``text`` analysed into ``tokens``: every run of
    :func:`noun_runs` whole, as written (what ``glossary coverage`` counts; the
    candidates of :func:`phrase_spans` are the pieces of these).

    Examples
    --------
    >>> from extract.engine.analyzer import get_kiwi
    >>> text = "코로나19 이후 5G 투자와 R&D 지출이 늘었다."
    >>> [text[s:e] for s, e in noun_phrases(get_kiwi().tokenize(text), text)]
    ['코로나19 이후 5G 투자', 'R&D 지출']
    """
    return [(run[0].start, run[-1].end) for run in noun_runs(tokens, text)]


def phrase_spans(tokens: Sequence[Any], text: str, *, max_units: int = 5) -> Iterator[PhraseSpan]:
    """Every candidate span in ``text`` analysed into ``tokens``.

    Examples
    --------
    >>> from extract.engine.analyzer import get_kiwi
    >>> text = "초저금리 기조에서 AI 반도체 투자"
    >>> sorted({text[s:e] for s, e, _ in phrase_spans(get_kiwi().tokenize(text), text)})
    ['AI', 'AI 반도체', 'AI 반도체 투자', '기조', '반도체', '반도체 투자', '초저금리', '초저금리 기조', '투자']
    """
    for run in noun_runs(tokens, text):
        for i, j in run_spans(run, max_units):
            yield PhraseSpan(run[i].start, run[j - 1].end, j - i)


def run_spans(run: Sequence[_Unit], max_units: int) -> Iterator[tuple[int, int]]:
    """``(i, j)`` for every candidate ``run[i:j]`` of a run."""
    n = len(run)
    for i in range(n):
        if run[i].short and run[i].glued_before:
            continue
        for j in range(i + 1, min(n, i + max_units) + 1):
            if run[j - 1].short and j < n and run[j].glued_before:
                continue
            yield i, j
