"""Batch tagging of archives: chunked, parallel, resumable, nothing lost.

Output directory layout::

    OUT/manifest.json                 inputs, glossary (name, version, sha256), options, counts
    OUT/mentions/part-FFFFF-CCCCCC.parquet    one row per mention
    OUT/documents/part-….parquet      one row per tagged document (date, source, counts)
    OUT/doc_terms/part-….parquet      one row per (document, term): mention count
    OUT/errors/part-….jsonl           one row per unreadable record (path, line, field, reason)
    OUT/errors.jsonl                  all of errors/, gathered at the end
    OUT/_done/part-….json             written last for each chunk: what a resumed run skips

Chunk names depend only on the input files and ``chunk_size``, so a run gives the same
files whatever ``jobs`` is, and a resumed run rewrites exactly the chunks that were not
finished. Files are written to a dot-file and renamed, so a crash never leaves a
half-written shard under a name that a reader or a resumed run would trust.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import shutil
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from typing import Any, Literal

from corpus import Document, RecordError, iter_files, read_file
from extract.batch.lifeline import follow_parent
from extract.batch.outputs import check_run_dir
from extract.batch.schemas import (
    DOC_TERMS_SCHEMA,
    DOCUMENTS_SCHEMA,
    MENTIONS_SCHEMA,
    atomic_write_bytes,
    chunk_tables,
    jsonl_bytes,
    table_frame,
    write_table,
)
from extract.batch.workers import tagger_for
from glossary import Glossary

__all__ = ["BatchSummary", "WorkerDied", "load_table", "tag_archive"]

TABLES = ("mentions", "documents", "doc_terms")
_SCHEMAS = {
    "mentions": MENTIONS_SCHEMA,
    "documents": DOCUMENTS_SCHEMA,
    "doc_terms": DOC_TERMS_SCHEMA,
}
_FORMAT_VERSION = 2  # 2: integer columns are int64 (were int32)


class WorkerDied(RuntimeError):
    """A worker process of :func:`tag_archive` died; the run can be resumed."""


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """What a batch run did. ``records == tagged + errors`` always holds.

    Attributes
    ----------
    output : str
        The output directory.
    records, tagged, errors : int
        Input records read, documents tagged, records reported as errors.
    mentions : int
        Mentions written.
    chunks, resumed_chunks : int
        Chunks in the run, and how many of them an earlier run had already finished.
    seconds : float
        Wall time of this call.
    duplicate_ids : int
        Tagged documents whose id an earlier document of the run already had (their
        rows are all kept; ids should be unique to join the tables).
    """

    output: str
    records: int
    tagged: int
    errors: int
    mentions: int
    chunks: int
    resumed_chunks: int
    seconds: float
    duplicate_ids: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class _Chunk:
    """One chunk of one input file, as read by the client (the unit of work).

    ``lines[i]`` is the line (row) ``docs[i]`` was read from, so an error found while
    tagging names its place without parsing ``Document.origin`` back.
    """

    part: str
    path: str
    docs: list[Document]
    lines: list[int | None]
    errors: list[dict[str, Any]]
    last_line: int


@dataclass(frozen=True, slots=True)
class _Tagged:
    """A tagged chunk: its three tables, its errors and its done-marker."""

    tables: dict[str, Any]
    errors: list[dict[str, Any]]
    marker: dict[str, Any]


def tag_chunk(chunk: _Chunk, glossary: Glossary, key: str, mode: str, fields: Any) -> _Tagged:
    """Tag one chunk with this process's tagger (:func:`~extract.batch.workers.tagger_for`).

    The one tagging step of every runner: a local worker process calls it and writes the
    result; a Dask worker calls it and sends the result back to the client to write.

    Parameters
    ----------
    chunk : _Chunk
        Documents read by the client, with their lines and the reading errors.
    glossary : Glossary
    key : str
        ``glossary.content_hash()``, computed once by the client.
    mode : {"fast", "full"}
    fields : str, list of str or None
        The fields to tag (``text_field`` of the run).

    Returns
    -------
    _Tagged
        The chunk's tables, its errors (reading errors, then tagging errors, each
        naming the input file and line) and its done-marker.

    Examples
    --------
    >>> from corpus import Document
    >>> from glossary import Glossary, Term
    >>> g = Glossary([Term(id="base_rate", term="기준금리")])
    >>> doc = Document(id="1", title="기준금리 동결")
    >>> chunk = _Chunk("part-00000-000000", "뉴스.jsonl", [doc], [1], [], 1)
    >>> tag_chunk(chunk, g, g.content_hash(), "fast", None).marker["mentions"]
    1
    """
    tagger = tagger_for(glossary, mode, key)
    docs: list[Document] = []
    mentions = []
    errors = list(chunk.errors)
    for doc, line in zip(chunk.docs, chunk.lines, strict=True):
        try:
            mentions.append(tagger.tag_document(doc, fields=fields))
        except (TypeError, ValueError) as err:  # e.g. a chosen field that holds a number
            errors.append(RecordError(chunk.path, line, str(err)).to_dict())
            continue
        docs.append(doc)
    marker = {
        "part": chunk.part,
        "records": len(docs) + len(errors),
        "tagged": len(docs),
        "errors": len(errors),
        "mentions": sum(len(m) for m in mentions),
        "last_line": chunk.last_line,
    }
    return _Tagged(chunk_tables(docs, mentions, fields), errors, marker)


def write_chunk(out: Path, tagged: _Tagged) -> dict[str, Any]:
    """Write a tagged chunk under ``out``, its done-marker last; return the marker."""
    part = tagged.marker["part"]
    for name, table in tagged.tables.items():
        write_table(table, out / name / f"{part}.parquet")
    if tagged.errors:
        atomic_write_bytes(jsonl_bytes(tagged.errors), out / "errors" / f"{part}.jsonl")
    atomic_write_bytes(json.dumps(tagged.marker).encode(), out / "_done" / f"{part}.json")
    return tagged.marker


# The job's settings in a worker process of the local pool, set by the pool's
# initializer so that tasks carry only their chunk, never the glossary.
_WORKER: dict[str, Any] = {}


def _init_worker(
    glossary: Glossary, key: str, mode: str, fields: Any, out: str, *, pool: bool = False
) -> None:
    if pool:
        follow_parent()  # a pool worker ends with the main process, however that ends
    _WORKER.update(glossary=glossary, key=key, mode=mode, fields=fields, out=Path(out))
    tagger_for(glossary, mode, key)  # load Kiwi now, not inside the first chunk


def _run_chunk(chunk: _Chunk) -> dict[str, Any]:
    w = _WORKER
    return write_chunk(w["out"], tag_chunk(chunk, w["glossary"], w["key"], w["mode"], w["fields"]))


def _line_of(doc: Document) -> int | None:
    """The line ``doc`` was read from: the one place that reads ``Document.origin``
    (``"<path>:<line>"``) back."""
    tail = (doc.origin or "").rpartition(":")[2]
    return int(tail) if tail.isdigit() else None


def _chunks(
    files: Sequence[Path],
    done: dict[str, dict[str, Any]],
    *,
    roots: dict[Path, Path],
    chunk_size: int,
    id_field: str | None,
    text_field: Any,
) -> Iterator[_Chunk | dict[str, Any]]:
    """Chunks to tag, and the done-markers of chunks an earlier run finished."""
    for fi, path in enumerate(files):
        ci, after = 0, 0
        # Skip whole finished chunks at the head of the file without re-reading them.
        while (marker := done.get(f"part-{fi:05d}-{ci:06d}")) is not None:
            yield marker
            after = marker["last_line"]
            ci += 1
        docs: list[Document] = []
        lines: list[int | None] = []
        errors: list[dict[str, Any]] = []
        last = after

        def on_error(err: RecordError, errors: list = errors) -> None:
            errors.append(err.to_dict())

        for doc in read_file(
            path,
            after_line=after,
            relative_to=roots.get(path),
            id_field=id_field,
            text_field=text_field,
            on_error=on_error,
        ):
            docs.append(doc)
            lines.append(_line_of(doc))
            last = max([last, lines[-1] or 0, *(e["line"] or 0 for e in errors)])
            if len(docs) + len(errors) >= chunk_size:
                part = f"part-{fi:05d}-{ci:06d}"
                yield done.get(part) or _Chunk(part, str(path), docs, lines, errors[:], last)
                docs, lines = [], []
                errors.clear()
                ci += 1
        if docs or errors:
            last = max([last, *(e["line"] or 0 for e in errors)])
            part = f"part-{fi:05d}-{ci:06d}"
            yield done.get(part) or _Chunk(part, str(path), docs, lines, errors[:], last)


def _roots(inputs: Any) -> dict[Path, Path]:
    """Text files found inside an input folder, mapped to that folder: their document ids
    are paths relative to it, as :func:`corpus.read_documents` gives them."""
    items = inputs if isinstance(inputs, list | tuple) else [inputs]
    roots: dict[Path, Path] = {}
    for item in items:
        if isinstance(item, str | Path) and Path(item).is_dir():
            for path in iter_files(item):
                roots.setdefault(path, Path(item))
    return roots


def _manifest(
    files: Sequence[Path], glossary: Glossary, options: dict[str, Any], *, key: str
) -> dict[str, Any]:
    from importlib.metadata import version

    return {
        "format_version": _FORMAT_VERSION,
        "kotrend_version": version("kotrend"),
        "inputs": [{"path": str(p), **_stat(p)} for p in files],
        "glossary": {
            "name": glossary.name,
            "version": glossary.version,
            "sha256": key,
            "terms": len(glossary),
        },
        "options": options,
    }


def _stat(path: Path) -> dict[str, int]:
    """Size and modification time of an input: a resumed run checks both, so an input
    edited in place (even to the same size) is not mixed with results of the old one."""
    stats = [p.stat() for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path.stat()]
    return {
        "bytes": sum(st.st_size for st in stats),
        "mtime_ns": max((st.st_mtime_ns for st in stats), default=0),
    }


def _chunk_files(out: Path, part: str) -> list[Path]:
    return [out / name / f"{part}.parquet" for name in TABLES] + [out / "errors" / f"{part}.jsonl"]


def _sha256(path: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _stamp(out: Path, marker: dict[str, Any]) -> dict[str, Any]:
    """The done-marker with the size and SHA-256 of each of the chunk's files, rewritten:
    what a resumed run checks before it trusts the chunk."""
    files = {
        path.relative_to(out).as_posix(): {"bytes": path.stat().st_size, "sha256": _sha256(path)}
        for path in _chunk_files(out, marker["part"])
        if path.exists()
    }
    marker = {**marker, "files": files}
    atomic_write_bytes(json.dumps(marker).encode(), out / "_done" / f"{marker['part']}.json")
    return marker


def _verified(out: Path, marker: dict[str, Any]) -> bool:
    """Whether the chunk's files are still what its done-marker says."""
    part = marker.get("part")
    if not isinstance(part, str):
        return False
    files = marker.get("files")
    if isinstance(files, dict):  # stamped: sizes and checksums
        if marker.get("errors") and f"errors/{part}.jsonl" not in files:
            return False
        for rel, info in files.items():
            path = out / rel
            try:
                if path.stat().st_size != info["bytes"] or _sha256(path) != info["sha256"]:
                    return False
            except (OSError, KeyError, TypeError):
                return False
        return all(f"{name}/{part}.parquet" in files for name in TABLES)
    # Not stamped (the run stopped between a chunk's marker and its stamp): row counts.
    import pyarrow.parquet as pq

    expected = {"mentions": marker.get("mentions"), "documents": marker.get("tagged")}
    try:
        for name in TABLES:
            rows = pq.read_metadata(out / name / f"{part}.parquet").num_rows
            if name in expected and rows != expected[name]:
                return False
        errors = out / "errors" / f"{part}.jsonl"
        lines = len(errors.read_bytes().splitlines()) if errors.exists() else 0
    except Exception:  # missing, truncated, not Parquet: redo the chunk
        return False
    return lines == marker.get("errors")


def _same_job(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    return [
        k for k in ("format_version", "inputs", "glossary", "options") if old.get(k) != new.get(k)
    ]


def tag_archive(
    inputs: Any,
    output: str | Path,
    *,
    glossary: Glossary | None = None,
    mode: Literal["fast", "full"] = "fast",
    jobs: int = 1,
    chunk_size: int = 2000,
    text_field: str | Sequence[str] | None = None,
    id_field: str | None = "id",
    resume: bool = False,
    overwrite: bool = False,
    progress: Callable[[int], object] | None = None,
) -> BatchSummary:
    """Tag every record of ``inputs`` into sharded Parquet tables under ``output``.

    Parameters
    ----------
    inputs : path, glob, or list of them
        JSONL, CSV/TSV, Parquet, text folders or saved ``datasets`` (see
        :func:`corpus.iter_files`).
    output : str or Path
        Output directory (layout in the module docstring).
    glossary : Glossary, optional
        Defaults to :func:`glossary.default`.
    mode : {"fast", "full"}
        Tagger mode (see :class:`extract.Tagger`).
    jobs : int
        Worker processes; each builds its own Kiwi on first use.
    chunk_size : int
        Records per shard (memory holds about ``2 * jobs`` chunks at a time).
    text_field, id_field
        Passed to :func:`corpus.read_file`.
    resume : bool
        Continue an interrupted run into the same ``output``: finished chunks are
        kept, the rest is tagged. The inputs, glossary and options must be the same.
    overwrite : bool
        Replace an existing run's outputs.
    progress : callable, optional
        Called with the number of records of each finished chunk.

    Returns
    -------
    BatchSummary

    Examples
    --------
    >>> from corpus import sample_path
    >>> import tempfile
    >>> s = tag_archive(sample_path(), tempfile.mkdtemp() + "/run")  # doctest: +SKIP
    >>> s.records == s.tagged + s.errors  # doctest: +SKIP
    True
    """
    if jobs < 1:
        raise ValueError(f"`jobs` should be >= 1, got {jobs!r}")
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
        return _tag(run, jobs=jobs, mode=mode)
    finally:
        run.release()


def _tag(run: _Run, *, jobs: int, mode: str) -> BatchSummary:
    settings = (run.glossary, run.key, mode, run.fields, str(run.out))
    if jobs == 1:
        _init_worker(*settings)
        # Tagged on the spot: the "future" is the marker itself.
        run.drive(_run_chunk, lambda done: (done, []), lambda marker: marker, in_flight=1)
    else:
        with ProcessPoolExecutor(
            max_workers=jobs,
            initializer=partial(_init_worker, pool=True),
            initargs=settings,
        ) as pool:
            try:
                run.drive(
                    lambda chunk: pool.submit(_run_chunk, chunk),
                    lambda pending: wait(pending, return_when=FIRST_COMPLETED),
                    Future.result,
                    in_flight=2 * jobs,
                    cancel=lambda _: pool.shutdown(wait=False, cancel_futures=True),
                )
            except BrokenProcessPool:
                raise WorkerDied(
                    f"a worker process died while tagging (killed from outside, most often "
                    f"by the system for lack of memory); the {len(run.markers)} chunks "
                    f"finished so far are kept in {run.out}: run again with resume=True "
                    "(--resume) to continue, with fewer jobs if memory is short"
                ) from None
    return run.summary()


class _Run:
    """The bookkeeping every runner shares (local pool or Dask): arguments checked, the
    manifest written and, on resume, checked against the earlier run; finished chunks
    counted; the summary and the final manifest written at the end."""

    def __init__(
        self,
        inputs: Any,
        output: str | Path,
        *,
        glossary: Glossary | None,
        mode: str,
        chunk_size: int,
        text_field: str | Sequence[str] | None,
        id_field: str | None,
        resume: bool,
        overwrite: bool,
        progress: Callable[[int], object] | None,
    ) -> None:
        if chunk_size < 1:
            raise ValueError(f"`chunk_size` should be >= 1, got {chunk_size!r}")
        if resume and overwrite:
            raise ValueError("`resume` and `overwrite` cannot both be set")
        self.t0 = time.perf_counter()
        self.inputs = inputs
        self.files = iter_files(inputs)
        if not self.files:
            raise FileNotFoundError(f"no input files found for {inputs!r}")
        check_run_dir(inputs, output)  # before anything in it is created or deleted
        if glossary is None:
            from glossary import default

            glossary = default()
        self.glossary = glossary
        self.out = Path(output)
        self.chunk_size = chunk_size
        self.id_field = id_field
        self.fields = list(text_field) if isinstance(text_field, list | tuple) else text_field
        options = {
            "mode": mode,
            "chunk_size": chunk_size,
            "text_field": self.fields,
            "id_field": id_field,
        }
        self.key = glossary.content_hash()
        self.manifest = _manifest(self.files, glossary, options, key=self.key)
        self.lock = _lock(self.out)
        try:
            self.done = _prepare(self.out, self.manifest, resume=resume, overwrite=overwrite)
        except BaseException:
            self.release()
            raise
        self.manifest.update(status="running", started=_now())
        atomic_write_bytes(_dumps(self.manifest), self.out / "manifest.json")
        self.progress = progress
        self.markers: list[dict[str, Any]] = []
        self.resumed = 0

    def release(self) -> None:
        """Let another run use the output folder (safe to call twice)."""
        if self.lock is not None:
            self.lock.close()
            self.lock = None

    def chunks(self) -> Iterator[_Chunk | dict[str, Any]]:
        """Chunks to tag, and the markers of chunks an earlier run finished."""
        return _chunks(
            self.files,
            self.done,
            roots=_roots(self.inputs),
            chunk_size=self.chunk_size,
            id_field=self.id_field,
            text_field=self.fields,
        )

    def drive(
        self,
        submit: Callable[[_Chunk], Any],
        wait_first: Callable[[Any], tuple[Any, Any]],
        marker_of: Callable[[Any], dict[str, Any]],
        *,
        in_flight: int,
        cancel: Callable[[list[Any]], object] | None = None,
    ) -> None:
        """Hand every chunk to ``submit`` and count each one finished, keeping at most
        ``in_flight`` submitted but unfinished, so the reading never runs far ahead
        of the tagging and memory stays bounded whatever the archive size.

        ``submit(chunk)`` returns a future; ``wait_first(pending)`` returns the
        ``(done, not_done)`` futures once at least one is done; ``marker_of(future)``
        gives a finished chunk's done-marker (and raises its error). On any error or
        interruption, ``cancel(pending)`` is called before the exception goes on.
        """
        pending: list[Any] = []
        try:
            for item in self.chunks():
                if isinstance(item, dict):
                    self.finished(item)
                    continue
                pending.append(submit(item))
                if len(pending) >= in_flight:
                    done, not_done = wait_first(pending)
                    pending = list(not_done)  # finished futures are dropped: no results held
                    for future in done:
                        self.finished(marker_of(future), new=True)
            for future in pending:
                self.finished(marker_of(future), new=True)
        except BaseException:
            if cancel is not None:
                cancel(pending)
            self.release()  # the run stops here: let a resumed run take the folder
            raise

    def finished(self, marker: dict[str, Any], *, new: bool = False) -> None:
        """Count a chunk: tagged now (``new``) or by an earlier run."""
        if new:
            marker = _stamp(self.out, marker)
        self.markers.append(marker)
        self.resumed += not new
        if self.progress is not None:
            self.progress(marker["records"])

    def summary(self) -> BatchSummary:
        _gather_errors(self.out)
        keys = ("records", "tagged", "errors", "mentions")
        counts = {k: sum(m[k] for m in self.markers) for k in keys}
        duplicates = _duplicate_ids(self.out)
        self.manifest.update(
            status="complete",
            finished=_now(),
            chunks=len(self.markers),
            counts=counts,
            duplicate_ids=duplicates,
        )
        atomic_write_bytes(_dumps(self.manifest), self.out / "manifest.json")
        self.release()  # the run is complete: another may use the folder
        return BatchSummary(
            output=str(self.out),
            chunks=len(self.markers),
            resumed_chunks=self.resumed,
            seconds=round(time.perf_counter() - self.t0, 3),
            duplicate_ids=duplicates,
            **counts,
        )


def _prepare(
    out: Path, manifest: dict[str, Any], *, resume: bool, overwrite: bool
) -> dict[str, dict[str, Any]]:
    path = out / "manifest.json"
    if not path.exists():
        if out.exists() and any(p.name != _LOCK for p in out.iterdir()) and not overwrite:
            raise FileExistsError(
                f"{out} exists and is not a kotrend output; choose an empty directory"
            )
        out.mkdir(parents=True, exist_ok=True)
        return {}
    if overwrite:
        _remove_stale_tmp(out)
        for name in (*TABLES, "errors", "_done"):
            shutil.rmtree(out / name, ignore_errors=True)
        (out / "errors.jsonl").unlink(missing_ok=True)
        return {}
    if not resume:
        raise FileExistsError(
            f"{out} holds an earlier run; pass resume=True (--resume) or overwrite=True (--overwrite)"
        )
    old = json.loads(path.read_text(encoding="utf-8"))
    differ = _same_job(old, manifest)
    if differ:
        raise ValueError(
            f"cannot resume into {out}: {', '.join(differ)} differ from the earlier run; "
            "use the same inputs, glossary and options, or overwrite=True"
        )
    _remove_stale_tmp(out)
    done = {}
    for marker in sorted((out / "_done").glob("part-*.json")):
        try:
            data = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        if isinstance(data, dict) and data.get("part") == marker.stem and _verified(out, data):
            done[data["part"]] = data
            continue
        # Redo the chunk: its files are missing, damaged or not the ones it wrote.
        for path in _chunk_files(out, marker.stem):
            path.unlink(missing_ok=True)
        marker.unlink(missing_ok=True)
    return done


def _remove_stale_tmp(out: Path) -> None:
    """Temporary files of writes that a crash cut short (renamed only when whole)."""
    for folder in (out, *(out / name for name in (*TABLES, "errors", "_done"))):
        if folder.is_dir():
            for path in folder.glob(".*.tmp"):
                path.unlink(missing_ok=True)


def _duplicate_ids(out: Path) -> int:
    """Documents of the run whose id an earlier one already had."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    parts = sorted((out / "documents").glob("part-*.parquet"))
    if not parts:
        return 0
    ids = pq.ParquetDataset(parts).read(columns=["doc_id"]).column("doc_id")
    return len(ids) - len(pc.unique(ids))


_LOCK = ".lock"
#: Seconds a run waits for the lock when the run that holds it is dead (its workers exit).
_ORPHAN_GRACE = 30.0


def _pid_alive(pid: str) -> bool:
    if not pid.isdigit():
        return True  # unknown owner: never wait on a guess
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _lock(out: Path) -> Any:
    """Hold an exclusive lock on ``out`` for the life of the run (released when the
    process ends, however it ends), so two runs never write into one folder."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        return None
    if out.exists() and not out.is_dir():
        raise FileExistsError(f"{out} exists and is not a folder; choose a folder for the run")
    out.mkdir(parents=True, exist_ok=True)
    fh = open(out / _LOCK, "a+", encoding="utf-8")  # noqa: SIM115 - held until the run ends
    # A run killed outright leaves its workers holding the inherited lock for the moment
    # they take to notice and exit; a run whose recorded owner is dead waits that out.
    deadline = time.monotonic() + _ORPHAN_GRACE
    while True:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "?"
            if not _pid_alive(holder) and time.monotonic() < deadline:
                time.sleep(0.2)
                continue
        fh.close()
        raise FileExistsError(
            f"another kotrend run (pid {holder}) is writing into {out}; wait for it to end "
            "or choose another folder"
        ) from None
    fh.seek(0)
    fh.truncate()
    fh.write(f"{os.getpid()}\n")
    fh.flush()
    return fh


def _gather_errors(out: Path) -> None:
    parts = sorted((out / "errors").glob("part-*.jsonl"))
    atomic_write_bytes(b"".join(p.read_bytes() for p in parts), out / "errors.jsonl")


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def _dumps(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def unfinished(output: str | Path) -> str | None:
    """``None`` if the run in ``output`` finished; else what it covers so far, in words.

    Examples
    --------
    >>> unfinished("runs/뉴스")  # doctest: +SKIP
    'runs/뉴스 is an unfinished run: 12 chunks finished so far, 24,000 records ...'
    """
    out = Path(output)
    try:
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # not a run directory: nothing to say about it
    if manifest.get("status") == "complete":
        return None
    markers = []
    for path in (out / "_done").glob("part-*.json"):
        try:
            markers.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue
    records = sum(m.get("records", 0) for m in markers)
    tagged = sum(m.get("tagged", 0) for m in markers)
    files = manifest.get("inputs") or []
    size = sum(f.get("bytes", 0) for f in files)
    return (
        f"{out} is an unfinished run: {len(markers)} chunks finished so far, {records:,} "
        f"records ({tagged:,} tagged) of {len(files)} input files ({size:,} bytes); "
        f"finish it with `kotrend tag ... -o {out} --resume`"
    )


def load_table(output: str | Path, table: str = "mentions", *, partial: bool = False) -> Any:
    """Read one table of a batch run as a ``pandas.DataFrame``.

    Parameters
    ----------
    output : str or Path
        The run's output directory.
    table : {"mentions", "documents", "doc_terms"}
    partial : bool, default False
        Read a run that has not finished (interrupted, or still running): it covers
        only part of its inputs, so this warns. Without it such a run raises.

    Returns
    -------
    pandas.DataFrame
        The table's columns, with ``date`` as ``datetime64``; ``documents`` also has
        one string column per input field of the records (``url``, ``category``, ...;
        see :func:`extract.batch.schemas.table_frame`).

    Raises
    ------
    ValueError
        If the run has not finished and ``partial`` is false; the message says how much
        it covers.
    """
    if table not in TABLES:
        raise ValueError(f"`table` should be one of {TABLES}, but got {table!r}")
    path = Path(output) / table
    status = unfinished(output)
    if not path.is_dir():
        if status is not None:  # stopped before its first chunk finished
            raise ValueError(f"{status}; it has no {table} yet")
        raise FileNotFoundError(f"{path} not found: is {output} a kotrend tag output?")
    if status is not None:
        if not partial:
            raise ValueError(f"{status}, or read it as it is with partial=True (--partial)")
        warnings.warn(f"{status}; reading it as it is", UserWarning, stacklevel=2)
    import pyarrow as pa
    import pyarrow.dataset as ds

    # Read with the table's schema, not the first shard's: a run resumed by a newer version
    # mixes shards with and without the documents' ``fields`` column, and the older
    # shards then read as having no fields.
    schema = _SCHEMAS[table]
    found = ds.dataset(path, format="parquet").schema
    extra = [f for f in found if f.name not in schema.names]
    data = ds.dataset(path, format="parquet", schema=pa.schema([*schema, *extra])).to_table()
    return table_frame(data, table)
