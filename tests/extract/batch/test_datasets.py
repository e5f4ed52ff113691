"""tag_batch for ``datasets.Dataset.map(batched=True, num_proc=2)``: same mentions as a
plain Tagger, per row and flattened."""

from __future__ import annotations

import pytest

from corpus import load_sample
from extract import Tagger, tag_batch
from glossary import Glossary

datasets = pytest.importorskip("datasets")


@pytest.fixture(scope="module")
def dataset() -> object:
    rows = [
        {"id": d.id, "title": d.title, "body": d.body, "date": str(d.date), "source": d.source}
        for d in load_sample()
    ]
    return datasets.Dataset.from_list(rows)


@pytest.fixture(scope="module")
def expected(test_glossary: Glossary) -> list[list]:
    tagger = Tagger(test_glossary)
    return [tagger.tag_document(d) for d in load_sample()]


def test_map_per_row_with_two_processes(
    dataset: object, test_glossary: Glossary, expected: list[list]
) -> None:
    out = dataset.map(  # type: ignore[attr-defined]
        tag_batch, batched=True, batch_size=8, num_proc=2, fn_kwargs={"glossary": test_glossary}
    )
    assert out["n_mentions"] == [len(ms) for ms in expected]
    want = [
        [{k: v for k, v in m.to_dict().items() if k != "doc_id"} for m in ms] for ms in expected
    ]
    assert out["mentions"] == want
    assert out["id"] == [d.id for d in load_sample()]  # input columns kept


def test_map_flat(dataset: object, test_glossary: Glossary, expected: list[list]) -> None:
    flat = dataset.map(  # type: ignore[attr-defined]
        tag_batch,
        batched=True,
        batch_size=16,
        fn_kwargs={"glossary": test_glossary, "flat": True},
        remove_columns=dataset.column_names,  # type: ignore[attr-defined]
    )
    assert flat.to_list() == [m.to_dict() for ms in expected for m in ms]


def test_plain_dict_batch_and_text_field(test_glossary: Glossary) -> None:
    out = tag_batch(
        {"id": ["a", "b"], "en": ["capex rose", "no terms"]},
        glossary=test_glossary,
        text_field="en",
    )
    assert out["n_mentions"] == [1, 0]
    assert out["mentions"][0][0]["field"] == "en" and out["mentions"][0][0]["term_id"] == "capex"


@pytest.mark.parametrize(
    ("batch", "error", "match"),
    [
        ([1, 2], TypeError, "`batch` should be a mapping of columns, got list"),
        ({"id": ["a"], "title": ["x", "y"]}, ValueError, r"same length, got \[1, 2\]"),
        ({"id": [None], "title": ["금리"]}, ValueError, "field 'id': missing id"),
    ],
)
def test_errors(test_glossary: Glossary, batch: object, error: type, match: str) -> None:
    with pytest.raises(error, match=match):
        tag_batch(batch, glossary=test_glossary)  # type: ignore[arg-type]
