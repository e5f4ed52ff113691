"""The tagger on real Korean news from ../shared/data (skipped when absent)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from corpus import read_documents
from extract import Tagger

pytestmark = pytest.mark.realdata

FILES = [
    "kdi_epic_policy_materials.jsonl",
    "danews_daily_ko_headlines.jsonl",
    "naver_news_small_samples.jsonl",
    "finance_phrasebank_ko.jsonl",
]


def _docs(shared_data: Path, name: str, n: int) -> list:
    path = shared_data / "news" / name
    if not path.exists():
        pytest.skip(f"{path} not found")
    return list(itertools.islice(read_documents(path, on_error="skip"), n))


@pytest.mark.parametrize("name", FILES)
def test_spans_are_exact_and_word_aligned(
    shared_data: Path, default_tagger: Tagger, name: str
) -> None:
    n_mentions = 0
    for doc in _docs(shared_data, name, 300):
        for field, text in doc.texts():
            for m in default_tagger.tag(text, doc_id=doc.id, field=field):
                n_mentions += 1
                assert text[m.start : m.end] == m.surface
                assert m.sent_start <= m.start and m.end <= m.sent_end
                before = text[m.start - 1] if m.start else " "
                after = text[m.end] if m.end < len(text) else " "
                if m.surface[0].isascii() and m.surface[0].isalnum():
                    assert not (before.isascii() and before.isalnum()), (doc.id, m)
                if m.surface[-1].isascii() and m.surface[-1].isalnum():
                    assert not (after.isascii() and after.isalpha()), (doc.id, m)
    assert n_mentions > 0
