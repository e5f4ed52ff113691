"""The explain order on real articles from ../shared/data (skipped when absent)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

import glossary
from corpus import Document, read_documents
from extract import KeywordBox, Tagger, build_box

pytestmark = pytest.mark.realdata

# (file, kind): the first records of each with a body, in file order (not picked by hand).
SOURCES = [("naver_news_small_samples.jsonl", "article"), ("kdi_epic_research_ko.jsonl", None)]
PER_SOURCE = 8
FAMILIAR = 0.01  # in more than 1 of 100 background documents


def _articles(shared_data: Path) -> list[Document]:
    docs: list[Document] = []
    for name, kind in SOURCES:
        path = shared_data / "news" / name
        if not path.exists():
            pytest.skip(f"{path} not found")
        wanted = (
            d
            for d in read_documents(path, on_error="skip")
            if d.body and (kind is None or d.get("kind") == kind)
        )
        docs += itertools.islice(wanted, PER_SOURCE)
    return docs


@pytest.fixture(scope="module")
def boxes(
    shared_data: Path, default_tagger: Tagger
) -> dict[str, tuple[KeywordBox, KeywordBox, KeywordBox]]:
    """Per article: the default box, then the explain and frequency orders with the
    glossary's basic words shown too (``basic=True``), to judge the order alone."""
    tagger = default_tagger
    return {
        d.id: (
            build_box([d], tagger=tagger, top=5),
            build_box([d], tagger=tagger, top=5, basic=True),
            build_box([d], tagger=tagger, top=5, rank="frequency", basic=True),
        )
        for d in _articles(shared_data)
    }


def test_no_basic_term_is_shown(boxes: dict) -> None:
    g = glossary.default()
    shown = [e.term_id for explain, _, _ in boxes.values() for e in explain.entries]
    assert shown and not [t for t in shown if g[t].basic]


def test_few_familiar_terms_lead(boxes: dict) -> None:
    bg = glossary.background_frequencies()

    def familiar_leaders(box: KeywordBox) -> int:
        return sum(bg.share(e.term_id) > FAMILIAR for e in box.entries[:3])

    explain = sum(familiar_leaders(b) for _, b, _ in boxes.values())
    frequency = sum(familiar_leaders(f) for _, _, f in boxes.values())
    led = sum(len(b.entries[:3]) for _, b, _ in boxes.values())
    assert sum(bool(b.entries) for b, _, _ in boxes.values()) >= len(boxes) // 4
    assert explain <= 0.1 * led
    assert frequency >= 3 * max(explain, 1)  # what the frequency order put first
