"""Read and write glossary files: :func:`load`, :func:`save` (checking: ``_check``)."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from ._cache import cached, code_key
from ._entry import build_glossary
from ._issues import GlossaryError, GlossaryIssue
from ._model import Glossary
from ._read import RawDoc, parse_csv, parse_json, parse_yaml
from ._validate import validate_terms
from ._write import dump_text

__all__ = ["FORMATS", "SUFFIXES", "load", "parse_text", "read", "resolve_format", "save"]

FORMATS = ("yaml", "json", "csv")
_BY_SUFFIX = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".csv": "csv"}
#: File extensions a glossary file may have.
SUFFIXES = tuple(_BY_SUFFIX)
_PARSERS = {"yaml": parse_yaml, "json": parse_json, "csv": parse_csv}

PathLike = str | os.PathLike[str]

#: Glossary files at least this big are kept in the on-disk cache once read.
CACHE_MIN_BYTES = 64_000


def resolve_format(path: PathLike, format: str | None) -> str:
    """The file format: ``format`` if given (``yml`` = ``yaml``), else the extension's."""
    if format is not None:
        fmt = {"yml": "yaml"}.get(format.lower(), format.lower())
        if fmt not in FORMATS:
            raise ValueError(f"`format` should be one of {FORMATS}, got {format!r}")
        return fmt
    suffix = Path(path).suffix.lower()
    if suffix not in _BY_SUFFIX:
        raise ValueError(
            f"cannot tell the format of {os.fspath(path)!r} from its extension {suffix!r}: "
            f"use one of {tuple(_BY_SUFFIX)} or pass format= one of {FORMATS}"
        )
    return _BY_SUFFIX[suffix]


def parse_text(
    text: str, *, format: str, path: str | None = None, name: str = "glossary", version: str = "0"
) -> tuple[Glossary, list[GlossaryIssue]]:
    """Parse glossary ``text``; return the glossary and the problems met reading it.

    ``name``/``version`` are used when the text does not give its own (CSV never does).
    """
    # Forms are matched against NFC text: decomposed Hangul (as some macOS tools save
    # it) would never match, so the file is read as NFC. Line breaks are unchanged.
    doc: RawDoc = _PARSERS[format](unicodedata.normalize("NFC", text), path)
    return build_glossary(doc, path=path, name=name, version=version)


def read(
    path: PathLike,
    *,
    format: str | None = None,
    name: str | None = None,
    version: str | None = None,
) -> tuple[Glossary, list[GlossaryIssue]]:
    """Read a glossary file without raising for its content: (glossary, reading issues).

    ``name``/``version`` override what the file says; a file without them gets its stem
    and ``"0"``.
    """
    fmt = resolve_format(path, format)
    where = os.fspath(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise FileNotFoundError(f"glossary file not found: {where}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        issue = GlossaryIssue(
            where, line, None, None, f"not UTF-8 text (byte {raw[e.start]:#04x}); re-save as UTF-8"
        )
        return Glossary((), name=name or Path(path).stem, path=where), [issue]
    glossary, issues = parse_text(text, format=fmt, path=where, name=Path(path).stem)
    if name is not None:
        glossary.name = name
    if version is not None:
        glossary.version = version
    return glossary, issues


def load(
    path: PathLike,
    *,
    format: str | None = None,
    validate: bool = True,
    name: str | None = None,
    version: str | None = None,
) -> Glossary:
    """Read a glossary file (YAML, JSON or CSV, chosen by extension or ``format``).

    Parameters
    ----------
    path : str or path-like
    format : {"yaml", "json", "csv"}, optional
        Overrides the extension.
    validate : bool
        Also check the content (see :func:`glossary.validate`); warnings never raise.
    name, version : str, optional
        Override the file's own (a CSV file has none: its stem and ``"0"`` are used).

    Raises
    ------
    GlossaryError
        When the file has errors; ``.issues`` lists all of them with file and line.
    FileNotFoundError
        When ``path`` does not exist.

    Notes
    -----
    A file of :data:`CACHE_MIN_BYTES` or more is kept, as read, in the on-disk cache
    (see :mod:`glossary._cache`; ``KOTREND_NO_CACHE=1`` turns it off), keyed by its
    bytes: loading it again takes a few hundredths of a second.

    Examples
    --------
    >>> g = load("finance.yaml")  # doctest: +SKIP
    >>> g["capex"].term  # doctest: +SKIP
    '자본 지출'
    """
    try:
        big = os.path.getsize(path) >= CACHE_MIN_BYTES
    except OSError:
        big = False  # read() names the problem
    if big:
        # Parsing and validating thousands of entries takes a second or more; the same
        # bytes read by the same code give the same glossary (see glossary._cache).
        options = f"{os.fspath(path)}\x00{format}\x00{validate}\x00{name}\x00{version}"
        parts: list[bytes | str] = [options, Path(path).read_bytes(), code_key()]
        return cached("glossary-file", parts, lambda: _load(path, format, validate, name, version))
    return _load(path, format, validate, name, version)


def _load(
    path: PathLike, format: str | None, validate: bool, name: str | None, version: str | None
) -> Glossary:
    glossary, issues = read(path, format=format, name=name, version=version)
    if validate:
        issues += validate_terms(glossary.terms, [glossary.path] * len(glossary))
    if any(i.is_error for i in issues):
        raise GlossaryError(issues)
    return glossary


def save(glossary: Glossary, path: PathLike, *, format: str | None = None) -> None:
    """Write ``glossary`` to ``path`` as YAML, JSON or CSV (by extension or ``format``).

    CSV stores no name or version; lists are joined with ``|``, so a form containing
    ``|`` raises :class:`ValueError` (save as YAML instead).

    Examples
    --------
    >>> from glossary import Glossary, Term
    >>> g = Glossary([Term(id="roi", term="투자 자본 수익률", aliases=("ROI",))])
    >>> save(g, "roi.yaml")  # doctest: +SKIP
    """
    text = dump_text(glossary, resolve_format(path, format))
    target = Path(path)
    if target.exists() and not target.is_file():  # /dev/stdout, a FIFO: write in place
        target.write_text(text, encoding="utf-8", newline="")
        return
    # A temporary name in the same folder, renamed when whole: a full disk or a crash
    # leaves the old file, never a truncated glossary.
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
