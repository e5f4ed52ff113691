"""A batch function for Hugging Face ``datasets.Dataset.map``.

Module-level and stateless apart from the per-process tagger cache, so ``num_proc``
can pickle it; each process builds its tagger once (see :mod:`extract.batch.workers`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from extract.batch.schemas import MENTIONS_SCHEMA
from extract.batch.workers import documents_of, tagger_for
from glossary import Glossary

__all__ = ["tag_batch"]

# A row already says which document it is, so its mentions leave out ``doc_id``.
_STRUCT_FIELDS = tuple(name for name in MENTIONS_SCHEMA.names if name != "doc_id")


def tag_batch(
    batch: Mapping[str, list[Any]],
    *,
    glossary: Glossary | None = None,
    text_field: str | Sequence[str] | None = None,
    id_field: str | None = "id",
    mode: Literal["fast", "full"] = "fast",
    flat: bool = False,
) -> dict[str, list[Any]]:
    """Tag one batch of rows for ``Dataset.map(tag_batch, batched=True)``.

    Parameters
    ----------
    batch : dict of str to list
        Columns of the batch: an id column and ``title``/``body`` (or ``text``, or the
        ``text_field`` columns); ``date`` and ``source`` are read when present. Rows
        are checked like records read from files (a bad one raises
        :class:`corpus.RecordError`).
    glossary : Glossary, optional
        Defaults to :func:`glossary.default`.
    text_field : str or list of str, optional
        Column(s) to tag, as in :func:`corpus.read_documents`.
    id_field : str or None
        Column holding the document id (``None``: row numbers within the batch).
    mode : {"fast", "full"}
        Tagger mode (see :class:`extract.Tagger`).
    flat : bool
        ``False`` (default): one output row per input row, with ``mentions`` (a list of
        ``{field, term_id, surface, start, end, sent_start, sent_end}``) and
        ``n_mentions``; the input columns are kept unless ``remove_columns`` drops them.
        ``True``: one output row per mention with the columns ``doc_id, field, term_id,
        surface, start, end, sent_start, sent_end``; pass
        ``remove_columns=dataset.column_names``, since the row count changes.

    Returns
    -------
    dict of str to list

    Examples
    --------
    >>> batch = {"id": ["a", "b"], "title": ["기준금리 동결", "하이퍼스케일러들의 투자"]}
    >>> out = tag_batch(batch)  # doctest: +SKIP
    >>> out["n_mentions"], out["mentions"][0][0]["term_id"]  # doctest: +SKIP
    ([1, 1], 'base_rate')

    With ``datasets`` (each of the ``num_proc`` processes loads Kiwi once)::

        from datasets import Dataset
        from extract import tag_batch
        ds = Dataset.from_list([{"id": d.id, "title": d.title, "body": d.body} for d in docs])
        tagged = ds.map(tag_batch, batched=True, batch_size=500, num_proc=4,
                        fn_kwargs={"glossary": g})
        flat = ds.map(tag_batch, batched=True, num_proc=4, fn_kwargs={"flat": True},
                      remove_columns=ds.column_names)
        flat.to_pandas().groupby("term_id").size()
    """
    if not isinstance(batch, Mapping):  # datasets passes a LazyBatch, a Mapping
        raise TypeError(f"`batch` should be a mapping of columns, got {type(batch).__name__}")
    import pandas as pd

    batch = {k: list(v) for k, v in batch.items()}
    lengths = {len(v) for v in batch.values()}
    if len(lengths) > 1:
        raise ValueError(f"`batch` columns should have the same length, got {sorted(lengths)}")
    tagger = tagger_for(glossary, mode)
    fields = list(text_field) if isinstance(text_field, list | tuple) else text_field
    docs = documents_of(pd.DataFrame(batch, dtype=object), id_field=id_field, text_field=fields)
    per_doc = [tagger.tag_document(doc, fields=fields) for doc in docs]
    if flat:
        return {
            name: [getattr(m, name) for ms in per_doc for m in ms] for name in MENTIONS_SCHEMA.names
        }
    return {
        "mentions": [[{k: getattr(m, k) for k in _STRUCT_FIELDS} for m in ms] for ms in per_doc],
        "n_mentions": [len(ms) for ms in per_doc],
    }
