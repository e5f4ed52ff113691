"""The trend-keyword box: its model, how it is built, example sentences and rendering."""

from __future__ import annotations

from extract.box.build import build_box
from extract.box.examples import example_score, is_junk_sentence, snippet
from extract.box.model import BoxEntry, Example, KeywordBox
from extract.box.render import FORMATS, render

__all__ = [
    "FORMATS",
    "BoxEntry",
    "Example",
    "KeywordBox",
    "build_box",
    "example_score",
    "is_junk_sentence",
    "render",
    "snippet",
]
