"""Tagging at scale: table schemas, the resumable archive runner, writers, Dask and ``datasets``."""

from __future__ import annotations

from extract.batch.archive import BatchSummary, load_table, tag_archive
from extract.batch.dask_archive import tag_archive_dask
from extract.batch.dask_collections import tag_dask
from extract.batch.datasets import tag_batch
from extract.batch.writers import MentionWriter

__all__ = [
    "BatchSummary",
    "MentionWriter",
    "load_table",
    "tag_archive",
    "tag_archive_dask",
    "tag_batch",
    "tag_dask",
]
