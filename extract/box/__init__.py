"""The trend-keyword box: its model, how it is built and ranked, example sentences and
rendering."""

from __future__ import annotations

from extract.box.build import build_box
from extract.box.context import CorpusContext, corpus_context
from extract.box.examples import example_score, is_junk_sentence, snippet
from extract.box.model import BoxEntry, Example, KeywordBox
from extract.box.rank import (
    MIN_SCORE,
    ExplainScore,
    background_from_documents,
    explain_score,
    specificity,
)
from extract.box.render import FORMATS, render

__all__ = [
    "FORMATS",
    "MIN_SCORE",
    "BoxEntry",
    "CorpusContext",
    "Example",
    "ExplainScore",
    "KeywordBox",
    "background_from_documents",
    "build_box",
    "corpus_context",
    "example_score",
    "explain_score",
    "is_junk_sentence",
    "render",
    "snippet",
    "specificity",
]
