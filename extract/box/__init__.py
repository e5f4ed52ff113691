"""The trend-keyword box: its model, how it is built, example sentences and rendering."""

from __future__ import annotations

from extract.box.build import build_box
from extract.box.context import CorpusContext, corpus_context
from extract.box.examples import example_score, is_junk_sentence, snippet
from extract.box.model import BoxEntry, Example, KeywordBox
from extract.box.render import FORMATS, render

__all__ = [
    "FORMATS",
    "BoxEntry",
    "CorpusContext",
    "Example",
    "KeywordBox",
    "build_box",
    "corpus_context",
    "example_score",
    "is_junk_sentence",
    "render",
    "snippet",
]
