"""One list of news records, written once per session in every input format.

The files are written with json/gzip/csv/pyarrow/datasets directly, not by ``corpus``,
so the readers are tested against files the library did not produce.
"""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from corpus._sentences import default_kiwi

# String ids throughout: Parquet and datasets need one type per column. Nested ids
# ("econ/...") give nested files in the text-folder fixture.
RECORDS: list[dict[str, Any]] = [
    {
        "id": "econ/001",
        "date": "2026-01-05",
        "title": "하이퍼스케일러, 자본 지출 확대",
        "body": '올해 설비 투자가 30% 늘었다.\n업계는 "AI 수요가 견조하다"고 봤다.',
        "source": "한빛경제",
        "url": "https://news.example/econ/001",
        "category": "경제",
    },
    {
        "id": "econ/002",
        "date": "2026-01-06",
        "title": "기준금리 3.5% 동결, 쉼표, 그리고 탭\t하나",
        "body": None,
        "source": "한빛경제",
        "url": None,
        "category": None,
    },
    {
        "id": "market-003",
        "date": None,
        "title": None,
        "body": "  앞뒤 공백이 있는 본문.  ",
        "source": None,
        "url": None,
        "category": "증권",
    },
    {
        "id": "market-004",
        "date": "2026-02-28",
        "title": "ＣＡＰＥＸ 전망 — 전각 문자와 NBSP\u00a0포함",
        "body": "클라우드 백로그(RPO)가 늘었다… 다음 분기는?",
        "source": "Example Wire",
        "url": "https://news.example/m/4?a=1&b=2",
        "category": "증권",
    },
]


def _write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    lines = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    if path.suffix == ".gz":
        with gzip.open(path, "wt", encoding="utf-8") as stream:
            stream.write(lines)
    else:
        path.write_text(lines, encoding="utf-8")


def _write_csv(path: Path, records: list[dict[str, Any]], delimiter: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(records[0]), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(records)


def _write_text_dir(root: Path, records: list[dict[str, Any]]) -> None:
    for record in records:
        path = root / f"{record['id']}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = "\n".join(part for part in (record["title"], record["body"]) if part)
        path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="session")
def records() -> list[dict[str, Any]]:
    return [dict(record) for record in RECORDS]


@pytest.fixture(scope="session")
def fixture_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every on-disk format of :data:`RECORDS`, keyed by format name."""
    import datasets
    import pyarrow as pa
    import pyarrow.parquet as pq

    datasets.disable_progress_bars()  # they would clutter the test output
    root = tmp_path_factory.mktemp("formats")
    files = {
        "jsonl": root / "news.jsonl",
        "jsonl.gz": root / "news.jsonl.gz",
        "ndjson": root / "news.ndjson",
        "csv": root / "news.csv",
        "tsv": root / "news.tsv",
        "parquet": root / "news.parquet",
        "hf": root / "news_hf",
        "txt": root / "texts",
    }
    _write_jsonl(files["jsonl"], RECORDS)
    _write_jsonl(files["jsonl.gz"], RECORDS)
    _write_jsonl(files["ndjson"], RECORDS)
    _write_csv(files["csv"], RECORDS, ",")
    _write_csv(files["tsv"], RECORDS, "\t")
    # Two rows per row group, so resuming can skip whole groups.
    pq.write_table(pa.Table.from_pylist(RECORDS), files["parquet"], row_group_size=2)
    datasets.Dataset.from_list(RECORDS).save_to_disk(str(files["hf"]))
    _write_text_dir(files["txt"], RECORDS)
    return files


@pytest.fixture
def write_lines(tmp_path: Path) -> Iterator[Any]:
    """Write raw ``bytes`` lines to a fresh file and return its path."""

    def write(lines: list[bytes], name: str = "case.jsonl") -> Path:
        path = tmp_path / name
        path.write_bytes(b"".join(lines))
        return path

    yield write


@pytest.fixture(scope="session")
def kiwi() -> Any:
    """The process-wide Kiwi (about two seconds to build), shared by every test."""
    return default_kiwi()
