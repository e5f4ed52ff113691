"""Import someone else's table of terms (CSV or XLSX with its own column names)."""

from __future__ import annotations

import csv
import io
import os
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from ._forms import form_key
from ._headword import slug, split_parenthetical
from ._issues import GlossaryIssue
from ._model import Glossary, Term
from ._validate import validate_terms

__all__ = ["TABLE_FIELDS", "ImportResult", "import_table"]

TABLE_FIELDS = ("id", "term", "en", "aliases", "definition", "category", "related", "exclude")
_LISTS = ("aliases", "related", "exclude")
_ENCODINGS = ("utf-8-sig", "cp949")


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What :func:`import_table` produced.

    Attributes
    ----------
    glossary : Glossary
        The imported entries (not raised on: check ``issues``).
    issues : tuple of GlossaryIssue
        Rows skipped and why, related names that match no term, then the imported
        glossary's validation problems, each with the table's file and line.
    """

    glossary: Glossary
    issues: tuple[GlossaryIssue, ...]


def _decode(raw: bytes, encoding: str | None, where: str) -> str:
    if encoding is not None:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError as e:
            line = raw[: e.start].count(b"\n") + 1
            raise ValueError(
                f"{where}:{line}: not {encoding} text ({e.reason}); pass another encoding= "
                "or leave it out to try utf-8 then cp949"
            ) from None
    for enc in _ENCODINGS:
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    raise ValueError(f"cannot decode {where} as any of {_ENCODINGS}; pass encoding=")


def _rows(path: Path, encoding: str | None) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) for each row; the header is the first row yielded."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            import openpyxl
        except ImportError:
            raise ImportError("reading .xlsx tables needs openpyxl: pip install openpyxl") from None
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            for n, values in enumerate(book.active.iter_rows(values_only=True), start=1):
                yield n, ["" if v is None else str(v) for v in values]
        finally:
            book.close()
        return
    reader = csv.reader(io.StringIO(_decode(path.read_bytes(), encoding, str(path)), newline=""))
    start = 1
    for row in reader:
        yield start, row
        start = reader.line_num + 1


def _check_columns(columns: Mapping[str, str], id_from: str | None) -> None:
    unknown = [k for k in columns if k not in TABLE_FIELDS]
    if unknown:
        raise ValueError(
            f"`columns` keys should be glossary fields {TABLE_FIELDS}, got {unknown[0]!r}"
        )
    if "term" not in columns:
        raise ValueError(f"`columns` must name the column holding 'term', got {dict(columns)!r}")
    if id_from is not None and id_from not in columns:
        raise ValueError(
            f"`id_from` should be one of the mapped fields {tuple(columns)}, got {id_from!r}"
        )


class _Ids:
    def __init__(self) -> None:
        self.taken: set[str] = set()

    def claim(self, base: str) -> str:
        new, n = base, 1
        while new in self.taken:
            n += 1
            new = f"{base}_{n}"
        self.taken.add(new)
        return new


def _unique(forms: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for f in forms:
        if f:
            seen.setdefault(form_key(f), f)
    return list(seen.values())


def import_table(
    path: str | os.PathLike[str],
    *,
    columns: Mapping[str, str],
    sep: str = "|",
    encoding: str | None = None,
    name: str | None = None,
    version: str | None = None,
    id_from: str | None = None,
) -> ImportResult:
    """Import a CSV (or XLSX, with openpyxl) table whose columns have other names.

    Parameters
    ----------
    path : str or path-like
    columns : mapping of str to str
        Glossary field to the table's column, e.g. ``{"term": "용어", "en": "영문"}``;
        ``term`` is required. Fields: id, term, en, aliases, definition, category,
        related, exclude.
    sep : str
        Separator inside list cells (aliases, related, exclude).
    encoding : str, optional
        Text encoding; by default UTF-8 (with or without BOM), then cp949.
    name, version : str, optional
        Glossary name (default: the file stem) and version (default ``"0"``).
    id_from : str, optional
        Field to make ids from when there is no id column (default ``en`` when mapped);
        rows where it gives no ASCII id get ``term_0001``-style ids. Ids are unique.

    Returns
    -------
    ImportResult
        The glossary and the issues (skipped rows, unmatched related names, validation).

    Examples
    --------
    >>> res = import_table("용어.csv", columns={"term": "용어", "en": "영문"})  # doctest: +SKIP
    >>> res.glossary["gross_domestic_product"].aliases  # doctest: +SKIP
    ('GDP',)
    """
    _check_columns(columns, id_from)
    file = Path(path)
    where = os.fspath(path)
    if not file.is_file():
        raise FileNotFoundError(f"table not found: {where}")
    rows = _rows(file, encoding)
    _, header = next(rows, (1, []))
    header = [h.strip() for h in header]
    missing = [c for c in columns.values() if c not in header]
    if missing:
        raise ValueError(f"{where}: no column {missing[0]!r}; the header has {header}")
    index = {fld: header.index(col) for fld, col in columns.items()}
    source = id_from or ("en" if "en" in columns else None)
    issues: list[GlossaryIssue] = []
    terms: list[Term] = []
    related_names: list[tuple[str, ...]] = []
    ids = _Ids()
    for line, row in rows:
        # NFC: decomposed Hangul (common in files from macOS) never matches normal text.
        cells = {
            f: unicodedata.normalize("NFC", row[i].strip()) if i < len(row) else ""
            for f, i in index.items()
        }
        if not any(cells.values()):
            continue  # a blank row is not an entry
        if not cells["term"]:
            issues.append(
                GlossaryIssue(
                    where,
                    line,
                    None,
                    "term",
                    f"row skipped: column {columns['term']!r} is empty",
                    "warning",
                )
            )
            continue
        lists = {f: [p.strip() for p in cells.get(f, "").split(sep) if p.strip()] for f in _LISTS}
        head, latin, hanja = split_parenthetical(cells["term"])
        en = cells.get("en") or None
        if en is None and latin and " " in latin[-1]:
            en = latin.pop()
        aliases: list[str] = [*latin, *hanja]
        for alias in lists["aliases"]:
            a_head, a_latin, a_hanja = split_parenthetical(alias)
            aliases += [a_head, *a_latin, *a_hanja]
        aliases = [a for a in _unique([head, en or "", *aliases]) if a not in (head, en)]
        term_id = cells.get("id") or ""
        if not term_id:
            base = slug(cells.get(source, "")) if source else ""
            term_id = base or f"term_{len(terms) + 1:04d}"
        terms.append(
            Term(
                id=ids.claim(term_id),
                term=head,
                en=en,
                aliases=tuple(aliases),
                definition=cells.get("definition") or None,
                category=cells.get("category") or None,
                exclude=tuple(lists["exclude"]),
                line=line,
            )
        )
        related_names.append(tuple(lists["related"]))
    terms = _link_related(terms, related_names, where, issues)
    glossary = Glossary(terms, name=name or file.stem, version=version or "0", path=where)
    issues += validate_terms(terms, [where] * len(terms))
    return ImportResult(glossary, tuple(issues))


def _link_related(
    terms: list[Term], names: list[tuple[str, ...]], where: str, issues: list[GlossaryIssue]
) -> list[Term]:
    """Related cells usually hold terms, not ids: resolve them through every form."""
    by_form: dict[str, str] = {}
    for t in terms:
        by_form.setdefault(t.id, t.id)
        for f in t.forms:
            by_form.setdefault(form_key(f, case_sensitive=False), t.id)
    out = []
    for t, related in zip(terms, names, strict=True):
        ids: list[str] = []
        for r in related:
            rid = by_form.get(r) or by_form.get(
                form_key(split_parenthetical(r)[0], case_sensitive=False)
            )
            if rid is None:
                issues.append(
                    GlossaryIssue(
                        where,
                        t.line,
                        t.id,
                        "related",
                        f"related {r!r} matches no term in the table; left out",
                        "warning",
                    )
                )
            elif rid != t.id and rid not in ids:
                ids.append(rid)
        out.append(replace(t, related=tuple(ids)) if ids else t)
    return out
