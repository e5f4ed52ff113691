"""Read the start of every real news file under ``shared/data/news``.

The data are located by ``$KOTREND_DATA`` or ``../shared/data`` beside the checkout
(the ``shared_data`` fixture in ``tests/conftest.py``); these tests skip without them.
"""

from __future__ import annotations

from itertools import islice
from pathlib import Path

import pytest

from corpus import RecordError, iter_files, read_file

pytestmark = pytest.mark.realdata

LINES = 2000

# What the first 2,000 lines hold that cannot be read: one impossible date in the
# source data (KDI material dated "1990-11-77").
KNOWN_ERRORS = {("kdi_epic_policy_materials.jsonl", 1805, "date")}


def _line(origin: str | None) -> int:
    assert origin is not None
    return int(origin.rsplit(":", 1)[1])


def test_first_lines_of_every_file(shared_data: Path):
    files = iter_files(shared_data / "news")
    assert [path.suffix for path in files] == [".jsonl"] * len(files) and files
    found = set()
    for path in files:
        errors: list[RecordError] = []
        docs = []
        for doc in read_file(path, on_error=errors.append):
            if _line(doc.origin) > LINES:
                break
            docs.append(doc)
        errors = [error for error in errors if error.line is not None and error.line <= LINES]
        with path.open("rb") as stream:
            non_blank = sum(1 for line in islice(stream, LINES) if line.strip())
        assert len(docs) + len(errors) == non_blank, path.name
        assert len({doc.id for doc in docs}) == len(docs), f"{path.name}: duplicate ids"
        found |= {(path.name, error.line, error.field) for error in errors}
    assert found == KNOWN_ERRORS


def test_extra_fields_and_text_field(shared_data: Path):
    path = shared_data / "news" / "finance_phrasebank_ko.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    docs = list(islice(read_file(path, text_field="english"), 50))
    assert all(doc.text == doc.extra["english"] and doc.body for doc in docs)
    assert {doc.extra["label"] for doc in docs} <= {"positive", "negative", "neutral"}
