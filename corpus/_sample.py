"""The small sample corpus shipped inside the package."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from ._document import Document
from ._readers import read_documents

__all__ = ["load_sample", "sample_path"]


def sample_path() -> Path:
    """Path of the bundled sample, ``corpus/data/sample_news.jsonl``.

    The package is installed as plain files (never zipped), so the resource is a real
    path that any reader or tool can open.

    Examples
    --------
    >>> sample_path().name
    'sample_news.jsonl'
    """
    return Path(str(files("corpus") / "data" / "sample_news.jsonl"))


def load_sample() -> list[Document]:
    """Read the bundled sample: short fictional Korean financial news articles.

    Returns
    -------
    list of Document
        Each with ``id``, ``date``, ``title`` and ``body``.

    Raises
    ------
    FileNotFoundError
        If the sample file is missing from the installation.

    Examples
    --------
    >>> docs = load_sample()
    >>> docs[0].title  # doctest: +SKIP
    '하이퍼스케일러, 데이터센터 투자 확대'
    """
    return list(read_documents(sample_path()))
