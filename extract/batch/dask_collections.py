"""Tag Dask collections: a bag of documents or a DataFrame of records, lazily.

The glossary travels to the workers once (as one shared graph key); each worker
process builds one :class:`~extract.Tagger` for it on its first partition and keeps it
(see :mod:`extract.batch.workers`), since Kiwi cannot be pickled and takes seconds to load.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from extract.batch.schemas import MENTIONS_SCHEMA, records_table
from extract.batch.workers import documents_of, tagger_for
from extract.engine.tagger import Mention
from glossary import Glossary

__all__ = ["tag_dask"]

_MISSING_DASK = "tag_dask needs Dask: pip install 'kotrend[dask]'"


def _tag(
    records: Any, glossary: Glossary, key: str, mode: str, text_field: Any, id_field: str | None
) -> list[Mention]:
    tagger = tagger_for(glossary, mode, key)
    docs = documents_of(records, id_field=id_field, text_field=text_field)
    return [m for doc in docs for m in tagger.tag_document(doc, fields=text_field)]


def _bag_partition(records: Any, *args: Any) -> list[dict[str, Any]]:
    return [m.to_dict() for m in _tag(list(records), *args)]


def _frame_partition(frame: Any, *args: Any) -> Any:
    return _mention_frame(_tag(frame, *args))


def _mention_frame(mentions: list[Mention]) -> Any:
    # Through the one mentions schema, so column types match every other writer.
    return records_table(mentions, MENTIONS_SCHEMA).to_pandas()


def tag_dask(
    collection: Any,
    *,
    glossary: Glossary | None = None,
    mode: Literal["fast", "full"] = "fast",
    text_field: str | Sequence[str] | None = None,
    id_field: str | None = "id",
) -> Any:
    """Tag a Dask collection lazily; compute the result to run it.

    Parameters
    ----------
    collection : dask.bag.Bag or dask.dataframe.DataFrame
        A bag of :class:`corpus.Document` or dicts, or a DataFrame with ``id`` and
        ``title``/``body`` (or ``text``) columns, and optionally ``date``, ``source``.
        Dicts and rows are checked like records read from files: a bad one raises
        :class:`corpus.RecordError` when the partition runs.
    glossary : Glossary, optional
        Defaults to :func:`glossary.default` (resolved here, on the client).
    mode : {"fast", "full"}
        Tagger mode (see :class:`extract.Tagger`).
    text_field : str or list of str, optional
        Field(s) to tag, as in :func:`corpus.read_documents`.
    id_field : str or None
        Field holding the document id (dicts and rows).

    Returns
    -------
    dask.bag.Bag or dask.dataframe.DataFrame
        For a bag, a bag of mention dicts (see :meth:`Mention.to_dict`); for a
        DataFrame, a DataFrame with the columns ``doc_id, field, term_id, surface,
        start, end, sent_start, sent_end``.

    Examples
    --------
    >>> import dask.bag as db
    >>> from corpus import load_sample
    >>> bag = db.from_sequence(load_sample(), npartitions=4)
    >>> mentions = tag_dask(bag).compute()  # doctest: +SKIP
    >>> mentions[0]["term_id"]  # doctest: +SKIP
    'capex'

    With a cluster, connect a ``distributed.Client`` first; ``compute`` runs there.
    """
    try:
        import dask
        import dask.bag as db
        import dask.dataframe as dd
    except ImportError:
        raise ImportError(_MISSING_DASK) from None
    from extract.engine.tagger import checked_options

    glossary = checked_options(glossary, mode)
    fields = list(text_field) if isinstance(text_field, list | tuple) else text_field
    shared = dask.delayed(glossary, pure=True)  # one graph key, not one copy per task
    args = (shared, glossary.content_hash(), mode, fields, id_field)
    if isinstance(collection, db.Bag):
        return collection.map_partitions(_bag_partition, *args)
    if isinstance(collection, dd.DataFrame):
        return collection.map_partitions(_frame_partition, *args, meta=_mention_frame([]))
    raise TypeError(
        "`collection` should be a dask.bag.Bag or a dask.dataframe.DataFrame, "
        f"got {type(collection).__name__}"
    )
