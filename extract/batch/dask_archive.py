"""``tag_archive`` on a Dask cluster: same chunks, same files, same resume.

The client reads the inputs in chunks (exactly as :func:`extract.tag_archive` does, so
shard names, the manifest and ``--resume`` are interchangeable between the two) and
submits each chunk to the cluster; a worker tags it and sends back its three tables,
which the client writes. Workers need no access to the input or output paths. At most
two chunks per worker are in flight, so memory stays bounded whatever the archive size.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal

from extract.batch.archive import BatchSummary, _Run, tag_chunk, write_chunk
from glossary import Glossary

__all__ = ["tag_archive_dask"]


def tag_archive_dask(
    inputs: Any,
    output: str | Path,
    *,
    client: Any,
    glossary: Glossary | None = None,
    mode: Literal["fast", "full"] = "fast",
    chunk_size: int = 2000,
    text_field: str | Sequence[str] | None = None,
    id_field: str | None = "id",
    resume: bool = False,
    overwrite: bool = False,
    progress: Callable[[int], object] | None = None,
) -> BatchSummary:
    """Like :func:`extract.tag_archive`, with the tagging done by a Dask cluster.

    Parameters
    ----------
    inputs, output, glossary, mode, chunk_size, text_field, id_field, resume, overwrite, progress
        As for :func:`extract.tag_archive` (same output layout; a run started by one can
        be resumed by the other).
    client : distributed.Client
        Connected client, e.g. ``Client("tcp://scheduler:8786")``.

    Returns
    -------
    BatchSummary

    Examples
    --------
    >>> from distributed import Client  # doctest: +SKIP
    >>> with Client("tcp://127.0.0.1:8786") as client:  # doctest: +SKIP
    ...     s = tag_archive_dask("news/*.jsonl", "out", client=client)
    """
    from distributed import wait

    run = _Run(
        inputs,
        output,
        glossary=glossary,
        mode=mode,
        chunk_size=chunk_size,
        text_field=text_field,
        id_field=id_field,
        resume=resume,
        overwrite=overwrite,
        progress=progress,
    )
    try:
        shared = client.scatter(run.glossary, broadcast=True)
        run.drive(
            lambda chunk: client.submit(
                tag_chunk, chunk, shared, run.key, mode, run.fields, pure=False
            ),
            lambda futures: wait(futures, return_when="FIRST_COMPLETED"),
            lambda future: write_chunk(run.out, future.result()),
            in_flight=2 * max(1, len(client.scheduler_info().get("workers", {}))),
            cancel=client.cancel,
        )
        return run.summary()
    finally:
        run.release()
