"""The sample corpus bundled with the package."""

from __future__ import annotations

import pytest

from corpus import load_sample, sample_path


def test_sample_path_points_into_the_package():
    path = sample_path()
    assert path.parts[-3:] == ("corpus", "data", "sample_news.jsonl")


def test_sample_documents():
    if not sample_path().is_file():
        pytest.skip(f"{sample_path()} is not written yet")
    docs = load_sample()
    assert len(docs) >= 30
    assert len({doc.id for doc in docs}) == len(docs)
    assert all(doc.date is not None for doc in docs)
    assert all(doc.title and doc.body for doc in docs)
