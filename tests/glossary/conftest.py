"""One glossary as plain data, written once per session in every file format.

The files are written with yaml/json/csv directly, not with ``glossary.save``, so the
readers are tested against files the library did not produce.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from glossary import Glossary, Term

NAME = "finance-ko"
VERSION = "2026.11"
ENTRIES: list[dict[str, Any]] = [
    {
        "id": "capex",
        "term": "자본 지출",
        "en": "Capital Expenditure",
        "aliases": ["자본적 지출", "Capex"],
        "definition": "기업이 설비 같은 장기 자산에 쓰는 돈.",
        "category": "기업재무·회계",
        "related": ["roi"],
    },
    {
        "id": "roi",
        "term": "투자 자본 수익률",
        "en": "Return on Investment",
        "aliases": ["ROI", "투자수익률"],
        "definition": '투자한 돈에 견준 이익의 비율, 즉 "수익률".',
        "category": "기업재무·회계",
    },
    {"id": "oil_price", "term": "유가", "exclude": ["유가증권", "유가족"], "category": "에너지"},
    {
        "id": "fed",
        "term": "연준",
        "en": "Federal Reserve",
        "aliases": ["Fed", "미 연방준비제도"],
        "case_sensitive": {"Fed": True},
    },
    {"id": "sovereign_ai", "term": "주권 AI", "aliases": ["소버린 AI"], "related": ["capex"]},
]


def to_term(entry: dict[str, Any]) -> Term:
    """The Term an entry should load as (what the readers must produce)."""
    lists = {k: tuple(entry.get(k, ())) for k in ("aliases", "related", "exclude")}
    case = tuple(entry.get("case_sensitive", {}).items())
    return Term(
        id=entry["id"],
        term=entry["term"],
        en=entry.get("en"),
        definition=entry.get("definition"),
        category=entry.get("category"),
        case=case,
        **lists,
    )


def write_csv(path: Path, entries: list[dict[str, Any]]) -> None:
    columns = ["id", "term", "en", "aliases", "definition", "category", "related", "exclude"]
    columns.append("case_sensitive")
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(columns)
        for e in entries:
            row = []
            for c in columns:
                value = e.get(c, "")
                if c == "case_sensitive":
                    value = "|".join(f"{k}={str(v).lower()}" for k, v in (value or {}).items())
                elif isinstance(value, list):
                    value = "|".join(value)
                row.append(value)
            writer.writerow(row)


def write_files(folder: Path, entries: list[dict[str, Any]]) -> dict[str, Path]:
    doc = {"name": NAME, "version": VERSION, "terms": entries}
    paths = {fmt: folder / f"{NAME}.{fmt}" for fmt in ("yaml", "json", "csv")}
    paths["yaml"].write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")
    paths["json"].write_text(json.dumps(doc, ensure_ascii=False, indent=2), "utf-8")
    write_csv(paths["csv"], entries)
    return paths


@pytest.fixture(scope="session")
def entries() -> list[dict[str, Any]]:
    return ENTRIES


@pytest.fixture(scope="session")
def expected() -> Glossary:
    return Glossary([to_term(e) for e in ENTRIES], name=NAME, version=VERSION)


@pytest.fixture(scope="session")
def glossary_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """``{"yaml": path, "json": path, "csv": path}``, the same glossary in each."""
    return write_files(tmp_path_factory.mktemp("glossary_files"), ENTRIES)


@pytest.fixture
def write(tmp_path: Path):
    """Write text to a file in ``tmp_path`` and return its path: ``write("a.yaml", text)``."""

    def _write(name: str, text: str, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return _write
