"""Term trends over time: per-period mentions and document shares, as tidy pandas tables.

The inputs are the tables of a batch run (:func:`extract.load_table`): ``doc_terms`` (or
``mentions``) says which documents mention which terms, ``documents`` lists every tagged
document, with or without mentions, so that shares have the right denominator.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from corpus import Document
from extract.batch.schemas import chunk_tables, table_frame
from extract.engine.tagger import Tagger

if TYPE_CHECKING:
    import pandas as pd

    from glossary import Glossary

__all__ = [
    "FREQS",
    "document_fields",
    "resolve_terms",
    "select_documents",
    "tables_from_documents",
    "term_trends",
    "trends_from_documents",
    "trends_from_run",
]

#: Period lengths: day, week (Monday to Sunday), calendar month, quarter, year.
FREQS = ("D", "W", "M", "Q", "Y")
_CHUNK = 2000


def resolve_terms(
    names: str | Iterable[str], known: Iterable[str] = (), *, glossary: Glossary | None = None
) -> list[str]:
    """Term ids for ``names``: each an id in ``known`` (the ids in the data) or an id or
    surface form of a term in ``glossary`` (default: the bundled glossary with entities),
    case- and spacing-insensitive.

    Raises
    ------
    ValueError
        Naming each unknown name with the glossary terms close to it, so a typo is not
        silently a series of zeros.

    Examples
    --------
    >>> from glossary import Glossary, Term
    >>> g = Glossary([Term(id="hbm", term="고대역폭 메모리", aliases=("HBM",))])
    >>> resolve_terms(["HBM", "capex"], known=["capex"], glossary=g)
    ['hbm', 'capex']
    """
    wanted = [names] if isinstance(names, str) else list(names)
    known = set(known)
    if all(n in known for n in wanted):
        return list(dict.fromkeys(wanted))
    if glossary is None:
        import glossary as _glossary

        glossary = _glossary.resolve("default+entities")
    out: dict[str, None] = {}
    for name in wanted:
        if name in known:
            out.setdefault(name, None)
            continue
        try:
            out.setdefault(glossary.ids([name])[0], None)
        except KeyError as err:
            raise ValueError(
                str(err.args[0]) + "; give a term id or any of its forms "
                "(`kotrend glossary find WORD`)"
            ) from None
    return list(out)


#: Columns of the documents table that are not input fields to group or filter by.
_NOT_FIELDS = ("doc_id", "date", "n_chars", "n_mentions", "origin")


def document_fields(documents: pd.DataFrame) -> list[str]:
    """The input fields of a documents table that ``by=`` and ``where=`` accept: ``source``
    and every field the records had (``category``, ``company``, ``url``, ...).

    Examples
    --------
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a"], "date": ["2026-03-02"], "source": ["한빛경제"],
    ...                      "n_chars": [10], "category": ["경제"]})
    >>> document_fields(docs)
    ['category', 'source']
    """
    return sorted(str(c) for c in documents.columns if c not in _NOT_FIELDS)


def _check_field(name: object, documents: pd.DataFrame, argument: str) -> str:
    fields = document_fields(documents)
    if not isinstance(name, str) or name not in fields:
        raise ValueError(
            f"`{argument}` should name a field of the documents, one of {fields}, but got {name!r}"
        )
    return name


def select_documents(
    documents: pd.DataFrame, where: Mapping[str, str | Iterable[str]] | None
) -> pd.DataFrame:
    """The rows of ``documents`` whose fields have the given values.

    Parameters
    ----------
    documents : pandas.DataFrame
        ``load_table(out, "documents")``.
    where : mapping of field name to a value or several, optional
        Keep a document when each named field equals the value (or one of the values),
        compared as strings. ``None`` or empty keeps every document.

    Raises
    ------
    ValueError
        If a field is not a column of ``documents``, listing the fields there are, or
        if no document has a value asked for, listing the most common values.

    Examples
    --------
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "date": "2026-03-02",
    ...                      "category": ["경제", "정치", None]})
    >>> select_documents(docs, {"category": "경제"})["doc_id"].tolist()
    ['a']
    >>> select_documents(docs, {"category": ["경제", "정치"]})["doc_id"].tolist()
    ['a', 'b']
    """
    if not where:
        return documents
    if not isinstance(where, Mapping):
        raise TypeError(
            f"`where` should be a mapping of field to value, such as {{'category': '경제'}}, "
            f"got {type(where).__name__}"
        )
    keep = None
    for name, value in where.items():
        field = _check_field(name, documents, "where")
        values = {value} if isinstance(value, str) else {str(v) for v in value}
        column = documents[field]
        present = column.dropna().astype(str).value_counts()
        for v in sorted(values - set(present.index)):
            # A misspelt value would select nothing and make empty, silent trends.
            shown = ", ".join(repr(p) for p in present.index[:10])
            more = f" and {len(present) - 10:,} more" if len(present) > 10 else ""
            raise ValueError(f"`where`: no document has {field} {v!r}; it has {shown}{more}")
        mask = column.notna() & column.astype(str).isin(values)
        keep = mask if keep is None else keep & mask
    return documents[keep]


def _check_freq(freq: str) -> None:
    if freq not in FREQS:
        raise ValueError(f"`freq` should be one of {FREQS}, but got {freq!r}")


def _term_rows(table: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """One row per (document, term) with ``mentions``, ``date`` and ``source``."""
    import pandas as pd

    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"expected a doc_terms or mentions DataFrame, got {type(table).__name__}")
    cols = set(table.columns)
    if not {"doc_id", "term_id"} <= cols:
        raise ValueError(
            "the term table should be load_table(out, 'doc_terms') or 'mentions', with columns "
            f"doc_id and term_id; got columns {sorted(map(str, cols))}"
        )
    if "mentions" in cols:
        rows = table
    else:  # the mentions table: one row per mention
        rows = table.groupby(["doc_id", "term_id"], sort=False).size().rename("mentions")
        rows = rows.reset_index()
    if "date" in rows.columns:
        rows = rows.assign(source=rows["source"] if "source" in rows.columns else None)
        return rows[["doc_id", "term_id", "mentions", "date", "source"]]
    # Mentions carry no date: take it from the documents table.
    info = documents[["doc_id", "date", "source"]].drop_duplicates("doc_id")
    return rows[["doc_id", "term_id", "mentions"]].merge(info, on="doc_id", how="left")


def _check_documents(documents: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    if not isinstance(documents, pd.DataFrame):
        raise TypeError(f"`documents` should be a DataFrame, got {type(documents).__name__}")
    missing = {"doc_id", "date"} - set(documents.columns)
    if missing:
        raise ValueError(
            f"`documents` should be load_table(out, 'documents'), with columns doc_id and date; "
            f"missing {sorted(missing)}"
        )
    if "source" not in documents.columns:
        documents = documents.assign(source=None)
    return documents


def dated_tables(
    table: pd.DataFrame, documents: pd.DataFrame, *, stacklevel: int = 3
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(term rows, documents), both with a normalised ``date`` and undated rows dropped.

    Warns with how many documents had no date.
    """
    import pandas as pd

    documents = _check_documents(documents)
    rows = _term_rows(table, documents)
    docs = documents.assign(date=pd.to_datetime(documents["date"], errors="coerce"))
    rows = rows.assign(date=pd.to_datetime(rows["date"], errors="coerce"))
    undated = int(docs["date"].isna().sum())
    if undated:
        warnings.warn(
            f"{undated} of {len(docs)} documents have no date and were left out of the trends",
            stacklevel=stacklevel,
        )
    return rows[rows["date"].notna()], docs[docs["date"].notna()]


def period_start(dates: pd.Series, freq: str) -> pd.Series:
    """The start of the period (day, Monday, first of the month, quarter or year) holding
    each date."""
    return dates.dt.to_period(freq).dt.start_time


def term_trends(
    mentions_or_doc_terms: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    freq: Literal["D", "W", "M", "Q", "Y"] = "W",
    by: str | None = None,
    where: Mapping[str, str | Iterable[str]] | None = None,
    by_source: bool = False,
    smooth: int | None = None,
    terms: Iterable[str] | None = None,
    glossary: Glossary | None = None,
) -> pd.DataFrame:
    """Mentions and document shares of each term per period.

    Parameters
    ----------
    mentions_or_doc_terms : pandas.DataFrame
        ``load_table(out, "doc_terms")`` (or the ``mentions`` table).
    documents : pandas.DataFrame
        ``load_table(out, "documents")``: every tagged document, the denominator of shares.
        Documents without a date are left out, with a warning saying how many.
    freq : {"D", "W", "M", "Q", "Y"}
        Day, week (starting Monday), calendar month, quarter or year.
    by : str, optional
        One series per value of this input field as well as per term: ``"source"``
        (publisher), or any field of the records (``"category"``, ``"company"``; see
        :func:`document_fields`). Shares are within the value's own documents.
    where : mapping of field name to a value or several, optional
        Count only documents with these field values (see :func:`select_documents`),
        e.g. ``{"category": "경제"}``; the shares' denominator is those documents.
    by_source : bool
        Same as ``by="source"``.
    smooth : int, optional
        Add ``share_smoothed``: the mean share over the last ``smooth`` periods.
    terms : iterable of str, optional
        Keep only these terms (each gets a series, all zeros if it never occurs): ids or
        any surface form (``HBM``, ``인공 지능``), see :func:`resolve_terms`. An unknown
        name is a ``ValueError`` listing close matches.
    glossary : Glossary, optional
        Where ``terms`` are looked up (default: the bundled glossary with entities).

    Returns
    -------
    pandas.DataFrame
        One row per period (that has documents), [``by`` value] and term, sorted by
        term_id, [value], period: ``period`` (Timestamp at the period start), [a column
        named after the ``by`` field],
        ``term_id``, ``mentions``, ``documents`` (documents mentioning the term),
        ``total_documents`` (documents in the period), ``share`` (= documents /
        total_documents) and, with ``smooth``, ``share_smoothed``. Periods in which a term
        does not occur are filled with zeros, so every series is continuous.

    Examples
    --------
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "source": "한빛경제",
    ...                      "date": pd.to_datetime(["2026-03-02", "2026-03-03", "2026-03-10"])})
    >>> dt = pd.DataFrame({"doc_id": ["a"], "term_id": ["capex"], "mentions": [2]})
    >>> term_trends(dt, docs)[["period", "documents", "total_documents", "share"]]
          period  documents  total_documents  share
    0 2026-03-02          1                2    0.5
    1 2026-03-09          0                1    0.0
    """
    return _trends(
        mentions_or_doc_terms,
        documents,
        freq=freq,
        by=by,
        where=where,
        by_source=by_source,
        smooth=smooth,
        terms=terms,
        glossary=glossary,
    )


def _trends(
    table: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    freq: str = "W",
    by: str | None = None,
    where: Mapping[str, str | Iterable[str]] | None = None,
    by_source: bool = False,
    smooth: int | None = None,
    terms: Iterable[str] | None = None,
    glossary: Glossary | None = None,
) -> pd.DataFrame:
    # Every public entry point calls this directly, so the undated-documents warning
    # (stacklevel 4: dated_tables, _trends, the entry point) points at the user's line.
    import pandas as pd

    _check_freq(freq)
    if smooth is not None and (
        isinstance(smooth, bool) or not isinstance(smooth, int) or smooth < 1
    ):
        raise ValueError(f"`smooth` should be a window of >= 1 periods or None, got {smooth!r}")
    if by_source:
        if by not in (None, "source"):
            raise ValueError(f"give `by={by!r}` or `by_source=True`, not both")
        by = "source"
    documents = _check_documents(documents)
    if by is not None:
        _check_field(by, documents, "by")
    documents = select_documents(documents, where)
    rows, docs = dated_tables(table, documents, stacklevel=4)
    rows = rows[rows["doc_id"].isin(docs["doc_id"])]
    if by is not None:
        # The group comes from the documents table, which holds every input field.
        rows = rows.drop(columns="source").merge(
            docs[["doc_id", by]].drop_duplicates("doc_id"), on="doc_id", how="left"
        )
    if terms is not None:
        wanted = resolve_terms(terms, rows["term_id"].unique(), glossary=glossary)
        rows = rows[rows["term_id"].isin(wanted)]
    else:
        wanted = sorted(rows["term_id"].unique())
    keys = ["period", by] if by is not None else ["period"]
    rows = rows.assign(period=period_start(rows["date"], freq))
    docs = docs.assign(period=period_start(docs["date"], freq))
    totals = docs.groupby(keys, dropna=False).size().rename("total_documents").reset_index()
    counts = (
        rows.groupby([*keys, "term_id"], dropna=False)
        .agg(mentions=("mentions", "sum"), documents=("doc_id", "size"))
        .reset_index()
    )
    grid = totals.merge(pd.DataFrame({"term_id": pd.Series(wanted, dtype=object)}), how="cross")
    out = grid.merge(counts, on=[*keys, "term_id"], how="left")
    out[["mentions", "documents"]] = out[["mentions", "documents"]].fillna(0).astype("int64")
    out["total_documents"] = out["total_documents"].astype("int64")
    out["share"] = out["documents"] / out["total_documents"]
    series = ["term_id", by] if by is not None else ["term_id"]
    out = out.sort_values([*series, "period"], kind="stable").reset_index(drop=True)
    if smooth is not None:
        out["share_smoothed"] = out.groupby(series, dropna=False)["share"].transform(
            lambda s: s.rolling(smooth, min_periods=1).mean()
        )
    columns = [
        "period",
        *([by] if by is not None else []),
        "term_id",
        "mentions",
        "documents",
        "total_documents",
        "share",
        *(["share_smoothed"] if smooth is not None else []),
    ]
    return out[columns]


def trends_from_run(output_dir: str | Path, **kwargs: Any) -> pd.DataFrame:
    """:func:`term_trends` of a ``kotrend tag`` output directory.

    Examples
    --------
    >>> trends_from_run("runs/danews", freq="M", terms=["hbm"])  # doctest: +SKIP
    """
    from extract.batch.archive import load_table

    return _trends(
        load_table(output_dir, "doc_terms"), load_table(output_dir, "documents"), **kwargs
    )


def tables_from_documents(
    docs: Iterable[Document],
    *,
    tagger: Tagger | None = None,
    fields: str | Sequence[str] | None = None,
) -> dict[str, pd.DataFrame]:
    """Tag ``docs`` in memory into the tables a batch run writes.

    Returns
    -------
    dict of str to pandas.DataFrame
        ``"mentions"``, ``"documents"`` and ``"doc_terms"``, with the columns of
        :func:`extract.load_table`.

    Examples
    --------
    >>> from corpus import Document
    >>> from glossary import Glossary, Term
    >>> g = Glossary([Term(id="capex", term="자본 지출", aliases=("Capex",))])
    >>> t = tables_from_documents([Document(id="1", text="Capex가 늘었다.")], tagger=Tagger(g))
    >>> t["doc_terms"][["doc_id", "term_id", "mentions"]].to_dict("records")
    [{'doc_id': '1', 'term_id': 'capex', 'mentions': 1}]
    """
    import pyarrow as pa

    tagger = tagger if tagger is not None else Tagger()
    parts: dict[str, list[pa.Table]] = {"mentions": [], "documents": [], "doc_terms": []}
    batch: list[Document] = []

    def flush() -> None:
        found = [tagger.tag_document(d, fields=fields) for d in batch]
        for name, table in chunk_tables(batch, found, fields).items():
            parts[name].append(table)
        batch.clear()

    for doc in docs:
        batch.append(doc)
        if len(batch) >= _CHUNK:
            flush()
    flush()
    return {name: table_frame(pa.concat_tables(tables), name) for name, tables in parts.items()}


def trends_from_documents(
    docs: Iterable[Document],
    *,
    tagger: Tagger | None = None,
    fields: str | Sequence[str] | None = None,
    **kwargs: Any,
) -> pd.DataFrame:
    """:func:`term_trends` of documents tagged in memory (for small corpora and notebooks).

    Examples
    --------
    >>> from corpus import load_sample
    >>> df = trends_from_documents(load_sample(), freq="M", terms=["capex"])  # doctest: +SKIP
    >>> df.columns.tolist()  # doctest: +SKIP
    ['period', 'term_id', 'mentions', 'documents', 'total_documents', 'share']
    """
    tables = tables_from_documents(docs, tagger=tagger, fields=fields)
    return _trends(tables["doc_terms"], tables["documents"], **kwargs)
