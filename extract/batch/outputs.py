"""Safe file outputs: never an input, never half-written.

Every command that writes a file checks it first with :func:`check_output` (an output
that is, or would be read as, one of the inputs is refused: writing it would truncate
the input or feed the output back in on the next run) and writes it through
:func:`atomic_output` (a temporary name in the same folder, renamed over the target only
when everything was written, so a crash, Ctrl-C or a full disk leaves the old file or
nothing, never a truncated one).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from corpus import would_read

__all__ = ["atomic_output", "check_output", "check_run_dir", "write_text_atomic"]

TMP_PREFIX = "."
TMP_SUFFIX = ".tmp"


def check_output(inputs: Any, *outputs: str | os.PathLike[str]) -> None:
    """Raise ``ValueError`` if reading ``inputs`` would read any of ``outputs``.

    ``"-"`` (standard output) and ``None`` are skipped.

    Examples
    --------
    >>> check_output(["뉴스/*.jsonl"], "뉴스/태그.jsonl")
    Traceback (most recent call last):
    ...
    ValueError: refusing to write 뉴스/태그.jsonl: it is, or would be read as, one of the inputs (['뉴스/*.jsonl']); write the output somewhere else
    """
    for output in outputs:
        if output is None or os.fspath(output) == "-":
            continue
        if would_read(inputs, output):
            raise ValueError(
                f"refusing to write {os.fspath(output)}: it is, or would be read as, one of "
                f"the inputs ({inputs!r}); write the output somewhere else"
            )


def check_run_dir(inputs: Any, folder: str | os.PathLike[str]) -> None:
    """Raise ``ValueError`` if a run folder would be read as input, or holds an input.

    The folder holds Parquet and JSONL files, so it must not lie where a folder or glob
    input would read them; and ``--overwrite`` deletes inside it, so no input may lie
    inside it.
    """
    out = Path(folder)
    check_output(inputs, out, out / "mentions" / "part.parquet", out / "errors.jsonl")
    from corpus import iter_files

    roots = {Path(os.path.abspath(out)), Path(os.path.realpath(out))}
    for path in iter_files(inputs):
        for variant in (Path(os.path.abspath(path)), Path(os.path.realpath(path))):
            if any(variant.is_relative_to(root) for root in roots):
                raise ValueError(
                    f"refusing to write the run into {out}: the input {path} is inside it; "
                    "choose another output folder"
                )


def _tmp_name(path: Path) -> Path:
    return path.with_name(f"{TMP_PREFIX}{path.name}.{os.getpid()}{TMP_SUFFIX}")


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it replaces ``path``.

    On any exception (including ``KeyboardInterrupt``) the temporary file is removed
    and ``path`` is left as it was.

    Examples
    --------
    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "상자.md"
    >>> with atomic_output(target) as tmp:
    ...     _ = tmp.write_text("금리", encoding="utf-8")
    >>> target.read_text(encoding="utf-8")
    '금리'
    """
    target = Path(path)
    if target.exists() and not target.is_file():  # /dev/null, a FIFO: write it in place
        yield target
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = _tmp_name(target)
    try:
        yield tmp
        if tmp.exists():
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path`` through :func:`atomic_output`."""
    with atomic_output(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
