"""`kotrend box` options of the explain order: --min-score, --never, --background, --entities."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract.cli import main

ARTICLE = (
    "삼성전자가 고대역폭 메모리(HBM) 공급을 늘린다. 인공지능 수요로 반도체 매출이 늘었고, "
    "빅테크들은 자본 지출을 키우며 투자 자본 수익률을 따진다. 금리는 그대로다.\n"
)


@pytest.fixture(scope="module")
def article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("box") / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _box(article: Path, *args: str) -> dict:
    result = CliRunner().invoke(main, ["box", str(article), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _ids(data: dict) -> list[str]:
    return [e["term_id"] for e in data["entries"]]


def test_default_is_explain_and_top_is_a_maximum(article: Path) -> None:
    data = _box(article)
    assert data["rank"] == "explain" and 0 < len(data["entries"]) < 10
    assert {"capex", "roi"} <= set(_ids(data))
    assert not {"ai", "interest_rate", "revenue", "semiconductor"} & set(_ids(data))
    relaxed = _box(article, "--min-score", "0")
    assert {"capex", "roi", "hbm"} <= set(_ids(relaxed))
    # 인공지능 and 금리 are basic in the bundled glossary: shown only with --basic.
    assert not {"ai", "interest_rate"} & set(_ids(relaxed))
    assert {"ai", "interest_rate"} <= set(_ids(_box(article, "--min-score", "0", "--basic")))
    assert _box(article, "--rank", "frequency")["rank"] == "frequency"


def test_entities_only_when_asked(article: Path) -> None:
    assert "samsung_electronics" not in _ids(_box(article, "--min-score", "0"))
    asked = _box(article, "--entities", "--min-score", "0")
    assert "samsung_electronics" in _ids(asked)
    # 삼성전자 is in about one background document in six: never worth explaining.
    assert "samsung_electronics" not in _ids(_box(article, "--entities"))


def test_never_is_a_house_list(article: Path) -> None:
    data = _box(article, "--never", "자본지출,ROI", "--never", "hbm")
    assert not {"capex", "roi", "hbm"} & set(_ids(data))
    result = CliRunner().invoke(main, ["box", str(article), "--never", "없는용어"])
    # A usage error naming the term and the option, not a ValueError traceback.
    assert result.exit_code == 2 and "'--never'" in result.stderr and "없는용어" in result.stderr


def test_background_files_json_or_none(article: Path, tmp_path: Path) -> None:
    news = tmp_path / "news.jsonl"
    rows = [{"id": str(i), "text": f"자본 지출이 {i}조 원 늘었다."} for i in range(20)]
    news.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    own = _box(article, "--background", str(news))
    assert "capex" not in _ids(own) and "roi" in _ids(own)  # 자본 지출 is everywhere there
    counts = tmp_path / "bg.json"
    counts.write_text(json.dumps({"documents": 100, "df": {"roi": 90}}), encoding="utf-8")
    assert "roi" not in _ids(_box(article, "--background", str(counts)))
    nothing = _box(article, "--background", "none", "--basic")
    assert {"ai", "interest_rate"} <= set(_ids(nothing))  # no background: nothing is familiar


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--rank", "frequency", "--min-score", "0.2"], "'--min-score': needs --rank explain"),
        (["--rank", "trending", "--background", "none"], "'--background': needs --rank explain"),
        (["--min-score", "2"], "'--min-score': 2.0 is not in the range 0<=x<=1"),
        (["--background", "missing.jsonl"], "no such file or directory: 'missing.jsonl'"),
    ],
)
def test_bad_options(article: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["box", str(article), *args])
    assert result.exit_code == 2 and message in result.stderr
