"""One tagger per process for every batch runner: the archive runner's local pool and
Dask workers, :func:`~extract.tag_dask` and :func:`~extract.tag_batch`.

Tasks carry the (picklable) glossary; each process builds its :class:`Tagger` on the
first task and reuses it, keyed by the glossary's content hash and the mode, so a
worker never loads Kiwi twice for the same job.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from typing import Any

from corpus import Document, read_documents
from extract.engine.tagger import Tagger, checked_options
from glossary import Glossary

__all__ = ["documents_of", "tagger_for"]

_KEEP = 4  # taggers kept per process
_lock = threading.Lock()
_taggers: dict[tuple[str, str], Tagger] = {}


def tagger_for(glossary: Glossary | None, mode: str, key: str | None = None) -> Tagger:
    """This process's tagger for ``glossary`` and ``mode`` (built on first use).

    Parameters
    ----------
    glossary : Glossary or None
        ``None`` is :func:`glossary.default`.
    mode : {"fast", "full"}
    key : str, optional
        The glossary's content hash when the caller knows it already.
    """
    glossary = checked_options(glossary, mode)
    k = (key or glossary.content_hash(), mode)  # the glossary keeps its hash
    tagger = _taggers.get(k)
    if tagger is None:
        with _lock:
            tagger = _taggers.get(k)
            if tagger is None:
                if len(_taggers) >= _KEEP:
                    _taggers.clear()
                tagger = _taggers[k] = Tagger(glossary, mode=mode)  # type: ignore[arg-type]
    return tagger


def documents_of(
    records: Iterable[Any] | Any, *, id_field: str | None, text_field: str | Sequence[str] | None
) -> list[Document]:
    """Documents from a pandas DataFrame, or from a sequence of Documents and dicts.

    Dicts and rows go through :func:`corpus.read_documents`, so they are checked the
    same way as records read from files (a bad one raises :class:`corpus.RecordError`).
    """
    import pandas as pd

    fields = list(text_field) if isinstance(text_field, list | tuple) else text_field
    if isinstance(records, pd.DataFrame):
        return list(read_documents(records, id_field=id_field, text_field=fields))
    out: list[Document] = []
    pending: list[dict[str, Any]] = []

    def flush() -> None:
        if pending:
            # dtype=object: no int -> float coercion when a key is missing from some dicts.
            frame = pd.DataFrame(pending, dtype=object)
            out.extend(read_documents(frame, id_field=id_field, text_field=fields))
            pending.clear()

    for rec in records:
        if isinstance(rec, Document):
            flush()
            out.append(rec)
        elif isinstance(rec, dict):
            pending.append(rec)
        else:
            raise TypeError(
                f"records should be corpus.Document or dict, got {type(rec).__name__}: {rec!r:.80}"
            )
    flush()
    return out
